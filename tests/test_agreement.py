"""Agreement between two annotation passes: `evaluate.score_agreement` and `analyzer eval --agreement`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run_cli

from analyzer import evaluate
from analyzer.errors import InputError

REPO = Path(__file__).resolve().parent.parent
SECOND_PASS = REPO / "corpora" / "agreement" / "second_pass.jsonl"
FIRST_PASS = sorted((REPO / "corpora").glob("dev/*.jsonl")) + sorted((REPO / "corpora").glob("train/*.jsonl")) \
    + sorted((REPO / "corpora").glob("test/*.jsonl"))

# passages we wrote: (id, published, text)
WRAP = ("ag-wrap", "2007-05-02T16:30:00-04:00",
        "The Dow Jones industrial average rose 120.50 points, or 0.9 percent, to 13,400.10. "
        "Analysts expect a quiet week ahead.")
DEAL = ("ag-deal", "2007-05-02T09:00:00-04:00", "Acme Corp agreed to buy Widget Inc for $2 billion in cash.")
FED = ("ag-fed", "2007-09-18T15:00:00-04:00",
       "On Tuesday the Fed trimmed interest rates by a quarter point. Trading volume was light.")

DOW = {"name": "Dow Jones industrial average", "symbol": "^DJI"}
DOW_UP = {"kind": "index_move", "instrument": DOW, "direction": "up", "change_pct": 0.9, "change_points": 120.5,
          "level": 13400.10, "period": "day", "session": "2007-05-02"}
ACME_BUYS = {"kind": "deal", "deal_type": "acquisition", "value": {"amount": 2e9, "currency": "USD"},
             "parties": [{"name": "Acme Corp", "role": "acquirer"}, {"name": "Widget Inc", "role": "target"}]}
FED_CUT = {"kind": "rate_policy", "bank": "Fed", "action": "cut", "bp": 25, "session": "2007-09-18"}


def _record(passage: tuple[str, str, str], sentence: str, claims: list[dict]) -> dict:
    article_id, published, text = passage
    start = text.index(sentence)
    return {"corpus": "written", "article_id": article_id, "char_start": start, "char_end": start + len(sentence),
            "sha1": evaluate.sentence_sha1(sentence), "published": published, "text": text, "claims": claims}


def _write(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


WRAP_MOVE = "The Dow Jones industrial average rose 120.50 points, or 0.9 percent, to 13,400.10."
WRAP_VIEW = "Analysts expect a quiet week ahead."
FED_CUT_TEXT = "On Tuesday the Fed trimmed interest rates by a quarter point."
FED_VOLUME = "Trading volume was light."


@pytest.fixture
def passes(tmp_path: Path) -> tuple[list[Path], Path]:
    """A first pass over two splits and a second pass that differs on one sentence, a period and a role."""
    dev = _write(tmp_path / "dev" / "ours.jsonl", [
        _record(WRAP, WRAP_MOVE, [DOW_UP]),
        _record(WRAP, WRAP_VIEW, []),
        _record(DEAL, DEAL[2], [ACME_BUYS]),
    ])
    test = _write(tmp_path / "test" / "ours.jsonl", [
        _record(FED, FED_CUT_TEXT, [FED_CUT]),
        _record(FED, FED_VOLUME, []),
    ])
    widget_sells = {**ACME_BUYS, "parties": [{"name": "Acme", "role": "acquirer"},
                                             {"name": "Widget Inc", "role": "seller"}]}
    second = _write(tmp_path / "agreement" / "second.jsonl", [
        _record(WRAP, WRAP_MOVE, [{**DOW_UP, "period": "week"}]),
        _record(WRAP, WRAP_VIEW, [{"kind": "stock_move", "instrument": {"name": "Acme", "symbol": "ACME"},
                                   "direction": "up", "period": "day", "session": "2007-05-02"}]),
        _record(DEAL, DEAL[2], [widget_sells]),
        _record(FED, FED_CUT_TEXT, [FED_CUT]),
        _record(FED, FED_VOLUME, []),
    ])
    return [dev, test], second


def _pairs(passes: tuple[list[Path], Path], shared_data: Path) -> list:
    first_paths, second_path = passes
    first = evaluate.load_gold_files(first_paths, shared_data)
    return evaluate.pair_passes(first, evaluate.load_gold(second_path, shared_data))


def test_sentence_level_agreement_and_kappa(passes, shared_data: Path) -> None:
    scores = evaluate.score_agreement(_pairs(passes, shared_data))
    assert (scores.both_claim, scores.first_only, scores.second_only, scores.neither) == (3, 0, 1, 1)
    assert scores.percent_agreement == pytest.approx(0.8)
    # chance agreement: 0.6 * 0.8 + 0.4 * 0.2 = 0.56; kappa = (0.8 - 0.56) / (1 - 0.56)
    assert scores.kappa == pytest.approx(0.24 / 0.44)


def test_claims_are_scored_with_the_first_pass_as_reference(passes, shared_data: Path) -> None:
    claims = evaluate.score_agreement(_pairs(passes, shared_data)).claims
    assert (claims.per_kind["index_move"].tp, claims.per_kind["stock_move"].fp) == (1, 1)
    assert (claims.per_kind["deal"].tp, claims.per_kind["rate_policy"].tp) == (1, 1)
    assert claims.overall.f1 == pytest.approx(2 * 0.75 * 1.0 / 1.75)
    fields = claims.per_field
    assert (fields["period"].gold, fields["period"].correct) == (1, 0)
    assert (fields["change_pct"].correct, fields["level"].correct, fields["action"].correct) == (1, 1, 1)
    # "Acme" and "Acme Corp" are the same party; the target / seller role of Widget is not agreed
    assert (fields["roles"].gold, fields["roles"].correct) == (2, 1)
    assert fields["parties"].correct == 0


def test_agreement_per_split_follows_the_first_pass_directories(passes, shared_data: Path) -> None:
    by_split = evaluate.agreement_by(_pairs(passes, shared_data), evaluate.split_of)
    assert list(by_split) == ["dev", "test"]
    assert by_split["dev"].sentences == 3 and by_split["dev"].second_only == 1
    assert by_split["test"].percent_agreement == 1.0 and by_split["test"].kappa == pytest.approx(1.0)


def test_kappa_is_undefined_when_both_passes_see_one_class_only() -> None:
    assert evaluate.AgreementScores(neither=4).kappa is None
    assert evaluate.AgreementScores().percent_agreement is None


def test_a_second_pass_sentence_the_first_pass_lacks_is_an_error(passes, tmp_path: Path,
                                                                  shared_data: Path) -> None:
    first_paths, _ = passes
    stray = _write(tmp_path / "stray.jsonl", [_record(DEAL, DEAL[2], [])])
    first = evaluate.load_gold(first_paths[1], shared_data)  # the test split only: no deal sentence
    with pytest.raises(InputError, match=r"stray\.jsonl:1: no first-pass record of written ag-deal"):
        evaluate.pair_passes(first, evaluate.load_gold(stray, shared_data))


def test_eval_agreement_command(passes, tmp_path: Path, shared_data: Path, capsys, monkeypatch) -> None:
    first_paths, second_path = passes
    out = tmp_path / "figures.json"
    code, stdout, stderr = run_cli(capsys, monkeypatch, "eval", *map(str, first_paths), "--agreement",
                                   str(second_path), "--markdown", "--json", str(out),
                                   "--shared-data", str(shared_data), "--market", str(tmp_path / "no-market"))
    assert code == 0, stderr
    assert "| dev | 3 | 2 | 0 | 1 | 0 | 0.667 |" in stdout
    assert "| all | 5 | 3 | 0 | 1 | 1 | 0.800 | 0.545 | 3 | 4 | 0.857 |" in stdout
    assert "| roles | 2 | 2 | 1 | 0.500 | 0.500 |" in stdout
    figures = json.loads(out.read_text())
    assert figures["overall"]["kappa"] == pytest.approx(0.24 / 0.44)
    assert figures["by_split"]["test"]["claim_no_claim"]["neither"] == 1


def test_the_committed_second_pass_covers_every_gold_file(shared_data: Path) -> None:
    """corpora/agreement/second_pass.jsonl: a sample of every dev, train and test file, offsets only."""
    first = evaluate.load_gold_files(FIRST_PASS, shared_data)
    second = evaluate.load_gold(SECOND_PASS, shared_data)
    pairs = evaluate.pair_passes(first, second)
    assert len(pairs) >= 350
    sampled_files = {f.source.rsplit(":", 1)[0] for f, _ in pairs}
    assert sampled_files == {str(path) for path in FIRST_PASS}
    for line in SECOND_PASS.read_text().splitlines():
        row = json.loads(line)
        assert ("text" in row) == (row["corpus"] == "written")
        assert all("verdict" not in claim for claim in row["claims"])
