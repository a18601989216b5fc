"""The claim tagger: labels from gold records, one real training epoch through the CLI, save, load, predict.

Every sentence here is our own. The training run fine-tunes the real all-MiniLM-L6-v2 weights on the CPU
(a few sentences, one epoch) and runs the real rule pipeline on the dev file for the veto threshold.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from cli_runner import run_cli

from analyzer.errors import InputError
from analyzer.evaluate import GoldSentence
from analyzer.models.tagger import (
    META_FILE,
    WEIGHTS_FILE,
    ClaimTagger,
    TaggedSentence,
    TagSpan,
    combine_claims,
    decode_tags,
)
from analyzer.records import Article, Claim, Instrument, Money, Party
from analyzer.training.tagger_data import AlignmentReport, example_from_gold, token_labels

PUBLISHED = "2008-03-11T17:30:00-04:00"
SENTENCES = [
    ("The Dow Jones industrial average fell 120.5 points, or 0.9 percent, to 12,100.25 on Tuesday.",
     [{"kind": "index_move", "instrument": {"name": "Dow Jones industrial average", "symbol": "^DJI"},
       "direction": "down", "change_points": 120.5, "change_pct": 0.9, "level": 12100.25, "period": "day",
       "session": "2008-03-11", "modality": "reported"}]),
    ("Shares of Boeing rose 2.4 percent to $71.30 after the planemaker won a large order.",
     [{"kind": "stock_move", "instrument": {"name": "Boeing", "symbol": "BA"}, "direction": "up",
       "change_pct": 2.4, "level": 71.3, "period": "day", "session": "2008-03-11", "modality": "reported"}]),
    ("The Federal Reserve cut its benchmark rate by 75 basis points on Tuesday.",
     [{"kind": "rate_policy", "bank": "Fed", "action": "cut", "bp": 75, "session": "2008-03-11",
       "modality": "reported"}]),
    ("Acme Widgets agreed to buy Beta Tools for $1.5 billion in cash.",
     [{"kind": "deal", "deal_type": "acquisition", "parties": [{"name": "Acme Widgets", "role": "acquirer"},
       {"name": "Beta Tools", "role": "target"}], "value": {"amount": 1.5e9, "currency": "USD"},
       "status": "announced", "modality": "reported"}]),
    ("Retail sales rose 0.4 percent in February, the Commerce Department said.", []),
    ("Analysts said the outlook for earnings remained cloudy.", []),
    ("The S&P 500 gained 1.1 percent to 1,320.40 for the week.",
     [{"kind": "index_move", "instrument": {"name": "S&P 500", "symbol": "^GSPC"}, "direction": "up",
       "change_pct": 1.1, "level": 1320.4, "period": "week", "session": "2008-03-11", "modality": "reported"}]),
    ("The New York Stock Exchange traded about 1.2 billion shares.", []),
]


def _gold(text: str, claims: list[Claim]) -> GoldSentence:
    return GoldSentence(corpus="written", article=Article(id="t", text=text), char_start=0, char_end=len(text),
                        claims=claims, verdicts=[None] * len(claims), source="test")


def _claim(text: str, **fields: object) -> Claim:
    return Claim(article_id="t", sentence=text, char_start=0, char_end=len(text), **fields)


def _write_gold(path: Path, rows: list[tuple[str, list[dict]]], prefix: str) -> Path:
    import hashlib

    with path.open("w", encoding="utf-8") as handle:
        for n, (text, claims) in enumerate(rows):
            record = {"corpus": "written", "article_id": f"{prefix}{n}", "char_start": 0, "char_end": len(text),
                      "sha1": hashlib.sha1(text.encode()).hexdigest()[:12], "published": PUBLISHED, "text": text,
                      "claims": claims}
            handle.write(json.dumps(record) + "\n")
    return path


def test_figures_names_and_periods_are_aligned_by_string_matching() -> None:
    text = SENTENCES[0][0]
    claim = _claim(text, kind="index_move", instrument=Instrument("Dow Jones industrial average", "^DJI"),
                   direction="down", change_points=120.5, change_pct=0.9, level=12100.25, period="day")
    report = AlignmentReport()
    example = example_from_gold(_gold(text, [claim]), report)
    found = {tag: text[start:end] for start, end, tag in example.spans}
    assert found == {"INSTR": "Dow Jones industrial average", "PTS": "120.5 points", "PCT": "0.9 percent",
                     "LEVEL": "12,100.25", "PERIOD": "Tuesday"}
    assert example.kinds == ("index_move",) and example.modality == "reported"
    assert sum(report.missed.values()) == 0


def test_deal_value_and_parties_and_unalignable_figures_are_counted() -> None:
    text = SENTENCES[3][0]
    deal = _claim(text, kind="deal", parties=[Party("Acme Widgets", "acquirer"), Party("Beta Tools", "target")],
                  value=Money(1.5e9))
    words = "The Dow fell two hundred points."
    move = _claim(words, kind="index_move", instrument=Instrument("Dow Jones industrial average", "^DJI"),
                  change_points=200.0)
    report = AlignmentReport()
    found = {text[s:e]: t for s, e, t in example_from_gold(_gold(text, [deal]), report).spans}
    assert found == {"Acme Widgets": "PARTY", "Beta Tools": "PARTY", "$1.5 billion": "VALUE"}
    spans = example_from_gold(_gold(words, [move]), report).spans
    assert [(words[s:e], t) for s, e, t in spans] == [("The Dow", "INSTR")]
    assert report.missed["PTS"] == 1  # a number written in words is not aligned, and says so


def test_token_labels_and_decoding_round_trip() -> None:
    text = "Boeing rose 2.4 percent"
    offsets = [(0, 0), (0, 6), (7, 11), (12, 13), (13, 14), (14, 15), (16, 23), (0, 0)]
    labels = token_labels([(0, 6, "INSTR"), (12, 23, "PCT")], offsets)
    from analyzer.models.tagger import TAG_LABELS

    names = [TAG_LABELS[i] if i >= 0 else "O" for i in labels]
    assert names == ["O", "B-INSTR", "O", "B-PCT", "I-PCT", "I-PCT", "I-PCT", "O"]
    assert decode_tags(names, offsets, text) == [TagSpan("INSTR", 0, 6, "Boeing"),
                                                 TagSpan("PCT", 12, 23, "2.4 percent")]


def test_veto_drops_only_claims_of_kinds_the_model_rules_out() -> None:
    text = "The Dow fell 1 percent as Boeing rose."
    index = _claim(text, kind="index_move")
    stock = _claim(text, kind="stock_move")
    tagged = TaggedSentence({"index_move": 0.9, "stock_move": 0.01}, "reported", 0.99)
    assert combine_claims([index, stock], tagged, 0.05) == [index]
    assert combine_claims([index, stock], tagged, 0.005) == [index, stock]


def test_a_missing_model_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a claim-tagger model"):
        ClaimTagger.load(tmp_path / "nothing")


@pytest.mark.slow
def test_one_epoch_train_save_load_predict(tmp_path: Path, shared_data: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    train = _write_gold(tmp_path / "train.jsonl", SENTENCES, "tr")
    dev = _write_gold(tmp_path / "dev.jsonl", SENTENCES[:3] + SENTENCES[4:6], "dv")
    out = tmp_path / "tagger"
    code, stdout, stderr = run_cli(capsys, monkeypatch, "train", "tagger", "--out", str(out), "--train", str(train),
                                   "--dev", str(dev), "--epochs", "1", "--no-test", "--shared-data", str(shared_data),
                                   "--rules-cache", str(tmp_path / "rules"))
    assert code == 0, stderr
    assert "epoch 1/1: loss" in stdout and "| dev | rules |" in stdout and "| dev | combined (veto) |" in stdout
    assert (out / WEIGHTS_FILE).stat().st_size < 50 * 2**20
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["training_sentences"] == len(SENTENCES) and metrics["veto_threshold"] > 0

    texts = [text for text, _ in SENTENCES[:3]]
    first = ClaimTagger.load(out).predict(texts)
    again = ClaimTagger.load(out).predict(texts)
    assert [t.kind_probabilities for t in first] == [t.kind_probabilities for t in again]
    assert all(0.0 <= p <= 1.0 for t in first for p in t.kind_probabilities.values())
    assert all(span.text == texts[i][span.start:span.end] for i, t in enumerate(first) for span in t.spans)

    _pipeline_veto(out, monkeypatch)

    meta = json.loads((out / META_FILE).read_text())
    (out / META_FILE).write_text(json.dumps(dict(meta, base_sha256="0" * 64)))
    with pytest.raises(InputError, match="not the all-MiniLM-L6-v2 weights"):
        ClaimTagger.load(out)


def _pipeline_veto(model: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """$ANALYZER_TAGGER=veto puts the tagger after the rules; a threshold above every probability vetoes all."""
    from analyzer.extract.pipeline import extract_claims, load_pipeline

    text = SENTENCES[0][0] + " " + SENTENCES[1][0]
    article = Article(id="ours", text=text, published=datetime.fromisoformat(PUBLISHED))
    monkeypatch.setenv("ANALYZER_TAGGER_MODEL", str(model))
    monkeypatch.setenv("ANALYZER_TAGGER", "veto")
    nlp = load_pipeline()
    assert nlp.pipe_names[-1] == "claim_tagger"
    nlp.replace_pipe("claim_tagger", "claim_tagger", config={"model_dir": str(model), "veto_threshold": 0.0})
    assert {c.kind for c in extract_claims([article], nlp)} >= {"index_move", "stock_move"}
    nlp.replace_pipe("claim_tagger", "claim_tagger", config={"model_dir": str(model), "veto_threshold": 1.01})
    assert extract_claims([article], nlp) == []
    monkeypatch.delenv("ANALYZER_TAGGER")
    assert "claim_tagger" not in load_pipeline().pipe_names
