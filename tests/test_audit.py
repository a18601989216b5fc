"""The standing audit of contradicted verdicts (`analyzer audit`, `analyzer eval --audit`).

Drawing uses real 2007 Reuters articles (2008 is the held-out audit split: its labels are spent once,
by the audit itself); the label and scoring tests run our own sentences through the real pipeline and
real prices. Everything is written under tmp_path: nothing here is committed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from analyzer import audit, evaluate
from analyzer.errors import InputError
from analyzer.ingest.shared_data import TRADINGVIEW
from analyzer.records import Article, CheckedClaim, Verdict

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora"

# our own wrap, about Tuesday 2007-03-06 (the Dow closed at 12,207.59, +157.18 points or +1.30%; the
# Nasdaq Composite at 2,385.14, +1.90%): the Dow's percentage is wrong on every reading, the Nasdaq's right
WRITTEN = Article(
    id="written-audit-1",
    text=(
        "NEW YORK (Reuters) - Stocks rallied on Tuesday as bargain hunters returned.\n\n"
        "The Dow Jones industrial average rose 3.9 percent to end at 12,207.59.\n\n"
        "The Nasdaq Composite Index climbed 1.9 percent to 2,385.14."
    ),
    published=datetime.fromisoformat("2007-03-06T16:30:00-05:00"),
    source="written",
)
WRITTEN_DRAWN = audit.DrawnArticle(WRITTEN.id, "wrap", "20070306")


@pytest.fixture(scope="module")
def pools_2007(shared_data: Path) -> dict[str, list[audit.DrawnArticle]]:
    return audit.candidate_pools(shared_data, 2007, audit.annotated_ids(CORPORA))


@pytest.fixture(scope="module")
def written_checked(market_dir: Path) -> list[CheckedClaim]:
    from analyzer.cli.check_cmd import run_pipeline
    from analyzer.market import MarketData

    return run_pipeline([WRITTEN], MarketData.open(market_dir))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from analyzer.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=REPO, timeout=600)


# ---- drawing ------------------------------------------------------------------------------------


def test_a_seed_always_draws_the_same_articles(pools_2007: dict[str, list[audit.DrawnArticle]]) -> None:
    first = audit.draw_from_pools(pools_2007, 12, seed=5)
    again = audit.draw_from_pools(pools_2007, 12, seed=5)
    other = audit.draw_from_pools(pools_2007, 12, seed=6)
    assert [d.article_id for d in first] == [d.article_id for d in again]
    assert [d.article_id for d in first] != [d.article_id for d in other]
    assert [d.pool for d in first] == ["wrap"] * 6 + ["story"] * 6
    assert len({d.article_id for d in first}) == 12


def test_pools_hold_only_that_year_and_no_gold_article(pools_2007: dict[str, list[audit.DrawnArticle]]) -> None:
    gold = audit.annotated_ids(CORPORA)
    assert len(gold) > 50
    wraps, stories = pools_2007["wrap"], pools_2007["story"]
    assert len(wraps) > 300 and len(stories) > 1000
    for drawn in wraps + stories:
        assert drawn.day.startswith("2007") and drawn.article_id not in gold
    assert not {d.article_id for d in wraps} & {d.article_id for d in stories}


def test_a_draw_leaves_out_earlier_audits_and_the_test_split(tmp_path: Path, shared_data: Path) -> None:
    defaults = audit.default_exclusions(CORPORA)
    assert CORPORA / "audit" / "reuters_2008_seed12" in defaults and CORPORA / "test" in defaults
    spent = {d.article_id for d in audit.load_drawn(CORPORA / "audit" / "reuters_2008_seed12")}
    held_out = audit.ids_in(CORPORA / "test")
    assert len(spent) == 300 and spent <= audit.ids_in(CORPORA / "audit" / "reuters_2008_seed12")
    assert any(i.startswith("us-markets") for i in held_out)  # the test split's Reuters 2008 articles

    # an earlier audit of 2007 (a directory) and a list of ids (a file): a new draw with the same seed keeps
    # none of their articles, and the default leaves every audit and the test split out
    first = audit.draw_articles(shared_data, 2007, 8, 3, CORPORA, exclude=[])
    earlier = tmp_path / "earlier_audit"
    earlier.mkdir()
    (earlier / audit.ARTICLES_FILE).write_text("".join(
        json.dumps({"article_id": d.article_id, "pool": d.pool, "day": d.day}) + "\n" for d in first.articles[:4]))
    listed = tmp_path / "ids.jsonl"
    listed.write_text("".join(json.dumps({"article_id": d.article_id}) + "\n" for d in first.articles[4:]))
    again = audit.draw_articles(shared_data, 2007, 8, 3, CORPORA, exclude=[earlier, listed])
    assert not {d.article_id for d in again.articles} & {d.article_id for d in first.articles}
    assert again.parameters()["excluded_other_ids"] == 8
    assert again.parameters()["excluded_sources"] == [str(earlier), str(listed)]
    default = audit.draw_articles(shared_data, 2007, 8, 3, CORPORA)
    assert default.parameters()["excluded_sources"] == [str(p) for p in defaults]
    with pytest.raises(InputError, match="no-such-audit"):
        audit.draw_articles(shared_data, 2007, 8, 3, CORPORA, exclude=[tmp_path / "no-such-audit"])


def test_a_story_qualifies_by_an_index_or_listing_and_a_percentage() -> None:
    assert audit.is_price_story("Shares of Acme Corp ( ACME.N ) rose 4 percent after the results.")
    assert audit.is_price_story("The S&P 500 ended 0.5% higher.")
    assert not audit.is_price_story("The company said its sales rose 4 percent in May.")
    assert not audit.is_price_story("The Dow Jones industrial average was little changed.")


def test_reserved_years_and_bad_draws_are_refused(shared_data: Path,
                                                  pools_2007: dict[str, list[audit.DrawnArticle]]) -> None:
    for year in (2010, 2013, 2005):
        with pytest.raises(InputError, match="2006-2009"):
            audit.draw_articles(shared_data, year, 5, 1, CORPORA)
    with pytest.raises(InputError, match="at least one"):
        audit.draw_articles(shared_data, 2007, 0, 1, CORPORA)
    with pytest.raises(InputError, match="cannot draw"):
        audit.draw_from_pools(pools_2007, 10**6, seed=1)


def test_draw_writes_ids_offsets_and_counts_and_never_text(tmp_path: Path, shared_data: Path,
                                                           market_dir: Path) -> None:
    out = tmp_path / "try2007"

    def draw(seed: int) -> subprocess.CompletedProcess[str]:
        return _cli("audit", "draw", "--year", "2007", "--n", "6", "--seed", str(seed), "--out", str(out),
                    "--shared-data", str(shared_data), "--market", str(market_dir))

    result = draw(3)
    assert result.returncode == 0, result.stderr
    drawn = audit.load_drawn(out)
    assert [d.pool for d in drawn] == ["wrap"] * 3 + ["story"] * 3
    rows = [json.loads(line) for line in (out / audit.ARTICLES_FILE).read_text().splitlines()]
    verdicts = [json.loads(line) for line in (out / audit.VERDICTS_FILE).read_text().splitlines()]
    assert sum(row["verdicts"].get("contradicted", 0) for row in rows) == len(verdicts)
    assert sum(row["claims"] for row in rows) == json.loads((out / audit.DRAW_FILE).read_text())["claims"]
    # every contradicted verdict has an empty label waiting for the reviewer
    assert len(audit.load_labels(out)) == len(verdicts)
    # the stored files carry no sentence of any article; the review sheet does, and git ignores it
    articles = {a.id: a for a in audit.read_drawn(shared_data, drawn)}
    stored = "".join((out / name).read_text() for name in (audit.ARTICLES_FILE, audit.VERDICTS_FILE,
                                                            audit.LABELS_FILE, audit.DRAW_FILE))
    for row in verdicts:
        text = articles[row["article_id"]].text
        assert text[row["sentence_start"]:row["sentence_end"]] not in stored
        assert text[row["char_start"]:row["char_end"]] in (out / audit.REVIEW_FILE).read_text()
    ignored = subprocess.run(["git", "check-ignore", "-q", "corpora/audit/any/review.md"], cwd=REPO)
    assert ignored.returncode == 0
    # the same seed into the same directory is the same draw; another seed is refused there
    again = draw(3)
    assert again.returncode == 0, again.stderr
    assert (out / audit.VERDICTS_FILE).read_text() == "".join(json.dumps(v) + "\n" for v in verdicts)
    other = draw(4)
    assert other.returncode == 2 and "different draw" in other.stderr
    assert [d.article_id for d in audit.load_drawn(out)] == [d.article_id for d in drawn]
    # a re-run of the stored draw keeps the ids, the parameters and every label line
    labels_before = (out / audit.LABELS_FILE).read_text()
    rerun = _cli("audit", "run", str(out), "--shared-data", str(shared_data), "--market", str(market_dir))
    assert rerun.returncode == 0, rerun.stderr
    assert [d.article_id for d in audit.load_drawn(out)] == [d.article_id for d in drawn]
    assert json.loads((out / audit.DRAW_FILE).read_text())["seed"] == 3
    assert (out / audit.LABELS_FILE).read_text() == labels_before
    # the scorer re-runs the draw: with no label filled in, every contradicted verdict is listed as unlabelled
    figures_path = tmp_path / "figures.json"
    scored = _cli("eval", "--audit", str(out), "--shared-data", str(shared_data), "--market", str(market_dir),
                  "--json", str(figures_path))
    assert scored.returncode == 0, scored.stderr
    figures = json.loads(figures_path.read_text())
    assert (figures["articles"], figures["contradicted"], figures["labelled"]) == (6, len(verdicts), 0)
    assert [u["claim_id"] for u in figures["unlabelled"]] == [v["claim_id"] for v in verdicts]
    assert scored.stdout.count("unlabelled: ") == len(verdicts)
    assert figures["injected"]["cases"] == sum(figures["injected"]["by_mutation"][m]["cases"]
                                               for m in figures["injected"]["by_mutation"])


# ---- labels -------------------------------------------------------------------------------------


def _set_labels(audit_dir: Path, labels: dict[str, tuple[str, str]], rename: dict[str, str] | None = None) -> None:
    path = audit_dir / audit.LABELS_FILE
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    for row in rows:
        if row["claim_id"] in labels:
            row["label"], row["note"] = labels[row["claim_id"]]
        row["claim_id"] = (rename or {}).get(row["claim_id"], row["claim_id"])
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))


def test_labels_survive_a_rerun(tmp_path: Path, written_checked: list[CheckedClaim]) -> None:
    wrong = [item for item in written_checked if item.verdict.verdict == "contradicted"]
    assert [item.claim.instrument.symbol for item in wrong] == ["^DJI"]
    claim_id = wrong[0].claim.claim_id
    rows = audit.write_run(tmp_path, [WRITTEN_DRAWN], written_checked, {"year": 2007})
    assert [row["claim_id"] for row in rows] == [claim_id]
    # the run names the program that made it: this checkout's commit and whether analyzer/ had edits
    program = json.loads((tmp_path / audit.DRAW_FILE).read_text())["program"]
    if (Path(audit.__file__).resolve().parent.parent / ".git").exists():
        assert re.fullmatch(r"[0-9a-f]{40}", program["commit"]) and program["tree"] in {"clean", "modified"}
    else:  # an installed copy outside a checkout says so rather than guessing
        assert program == {"commit": "unknown", "tree": "unknown"}
    _set_labels(tmp_path, {claim_id: ("real_error", "3.9% stated, +1.30% on every reading")})

    # the same run again: the label stays, no second stub
    audit.write_run(tmp_path, [WRITTEN_DRAWN], written_checked, {"year": 2007})
    labels = audit.load_labels(tmp_path)
    assert [(label.label, label.note) for label in labels] == [("real_error", "3.9% stated, +1.30% on every reading")]

    # a new recipe for claim ids: the label is still found by article, offsets, kind and instrument
    _set_labels(tmp_path, {}, rename={claim_id: "0000000000000000"})
    audit.write_run(tmp_path, [WRITTEN_DRAWN], written_checked, {"year": 2007})
    assert len(audit.load_labels(tmp_path)) == 1
    scores = audit.score_audit(1, rows, audit.load_labels(tmp_path), [])
    assert scores.real_errors == 1 and not scores.unlabelled

    # a run in which the verdict is gone keeps the label and reports it as no longer contradicted
    audit.write_run(tmp_path, [WRITTEN_DRAWN], [], {"year": 2007})
    assert len(audit.load_labels(tmp_path)) == 1
    gone = audit.score_audit(1, [], audit.load_labels(tmp_path), [])
    assert gone.gone == {"real_error": 1} and gone.contradicted == 0


def test_an_unknown_label_is_an_error_naming_the_file(tmp_path: Path, written_checked: list[CheckedClaim]) -> None:
    rows = audit.write_run(tmp_path, [WRITTEN_DRAWN], written_checked, {})
    _set_labels(tmp_path, {rows[0]["claim_id"]: ("misread", "")})
    with pytest.raises(InputError, match=r"labels\.jsonl.*'misread' is not one of"):
        audit.load_labels(tmp_path)


# ---- scoring ------------------------------------------------------------------------------------


def _row(claim_id: str, start: int) -> dict[str, object]:
    return {"claim_id": claim_id, "article_id": f"a{start}", "char_start": start, "char_end": start + 20,
            "kind": "index_move", "symbol": "^DJI", "instrument": "Dow"}


def _label(claim_id: str, start: int, label: str) -> audit.Label:
    row = {**_row(claim_id, start), "label": label, "note": ""}
    return audit.Label(audit.verdict_key(row), audit._loose_key(row), label, "", row)


def test_the_scorer_arithmetic_on_a_label_set_we_built(written_checked: list[CheckedClaim]) -> None:
    rows = [_row(f"c{i}", 100 * i) for i in range(6)]
    labels = [
        _label("c0", 0, "real_error"),
        _label("c1", 100, "real_error"),
        _label("c2", 200, "wrong_period"),
        _label("c3", 300, "wrong_period"),
        _label("c4", 400, "sub_index"),
        _label("c5", 500, ""),  # a stub nobody filled in yet
        _label("old", 900, "intraday_or_after_hours"),  # a verdict the current run no longer gives
    ]
    claim = written_checked[0].claim
    injected = [audit.InjectedCase(claim, "number", "contradicted") for _ in range(17)]
    injected += [audit.InjectedCase(claim, "session", "contradicted") for _ in range(2)]
    injected += [audit.InjectedCase(claim, "session", "supported")]
    scores = audit.score_audit(300, rows, labels, injected)
    assert (scores.contradicted, scores.labelled, scores.real_errors, scores.false_alarms) == (6, 5, 2, 3)
    assert scores.false_alarms_per_100 == pytest.approx(1.0)
    assert scores.precision == pytest.approx(0.4)
    assert [row["claim_id"] for row in scores.unlabelled] == ["c5"]
    assert scores.by_label == {"real_error": 2, "wrong_period": 2, "sub_index": 1}
    assert scores.gone == {"intraday_or_after_hours": 1}
    assert scores.injected_share == pytest.approx(0.95)
    figures = scores.as_dict()
    assert figures["injected"]["by_mutation"]["session"] == {"cases": 3, "caught": 2}
    table = dict(audit.audit_rows(scores))
    assert table["false alarms per 100 articles"] == "1.00"
    assert table["injected errors caught"].startswith("0.950 (19/20")


def test_injected_errors_are_mutated_supported_moves_checked_on_real_prices(
    written_checked: list[CheckedClaim], market_dir: Path
) -> None:
    from analyzer.check import check_claims
    from analyzer.market import MarketData

    supported = [item for item in written_checked if item.verdict.verdict == "supported"]
    assert [item.claim.instrument.symbol for item in supported] == ["^IXIC"]
    # a claim the checker did not support is never mutated
    cases = audit.injected_cases([*written_checked, CheckedClaim(supported[0].claim, Verdict("unverifiable", ""))])
    own = evaluate.mutation_of(supported[0].claim)
    assert own is not None and [case.mutation for case in cases] == [own[1]]  # the claim's own change
    assert cases[0].index == written_checked.index(supported[0]) and cases[0].claim == own[0] != supported[0].claim
    market = MarketData.open(market_dir)
    audit.check_injected(cases, lambda claims: check_claims(claims, market, [WRITTEN]))
    assert cases[0].verdict == "contradicted"
    # the change is the claim's own, wherever it stands in the run: not the next in a turn counted over the run
    second = audit.injected_cases([supported[0], replace(supported[0])])
    assert [case.mutation for case in second] == [own[1], own[1]]
    # a move read by the tagger alone is never accused by design: no copy of it
    tagger_read = CheckedClaim(replace(supported[0].claim, reader="tagger"), supported[0].verdict)
    third = audit.injected_cases([tagger_read, supported[0], supported[0]])
    assert [(case.index, case.mutation) for case in third] == [(1, own[1]), (2, own[1])]


# ---- the TradingView week: items of the held-out outlets ------------------------------------------


@pytest.fixture(scope="module")
def tv_draw(shared_data: Path) -> audit.Draw:
    # the test split left out, the committed TradingView audits not: they hold most of the pool
    return audit.draw_articles(shared_data, None, 40, 7, CORPORA, exclude=[CORPORA / "test"], corpus=audit.TV_CORPUS)


@pytest.fixture(scope="module")
def tv_sources(shared_data: Path) -> dict[str, str]:
    import gzip

    with gzip.open(shared_data / TRADINGVIEW, "rt", encoding="utf-8") as handle:
        return {row["id"]: row["source"] for row in map(json.loads, handle)}


def test_a_tradingview_draw_holds_only_held_out_outlets_and_no_test_item(
    shared_data: Path, tv_draw: audit.Draw, tv_sources: dict[str, str]
) -> None:
    outlets = audit.held_out_outlets(CORPORA, shared_data)
    # the outlets of the test split's TradingView items: Dow Jones and Trading Economics among them, never
    # the outlets the dev set is built from
    assert {"Dow Jones", "Trading Economics", "MarketWatch"} <= set(outlets)
    assert not {"Reuters", "MT Newswires"} & set(outlets)
    test_ids = audit.ids_in(CORPORA / "test", audit.TV_CORPUS)
    assert len(test_ids) > 100
    drawn = [d.article_id for d in tv_draw.articles]
    assert len(drawn) == len(set(drawn)) == 40
    assert all(tv_sources[article_id] in outlets for article_id in drawn)
    assert not set(drawn) & test_ids
    assert not set(drawn) & audit.annotated_ids(CORPORA, audit.TV_CORPUS)
    # wraps first, their share of the draw; days are US Eastern dates of the week the items cover
    assert [d.pool for d in tv_draw.articles] == ["wrap"] * 20 + ["story"] * 20
    assert all("20250206" <= d.day <= "20250214" for d in tv_draw.articles)
    parameters = tv_draw.parameters()
    assert parameters["corpus"] == audit.TV_CORPUS and "year" not in parameters
    assert parameters["outlets"] == outlets and str(CORPORA / "test") in parameters["excluded_sources"]
    assert parameters["pool_sizes"]["wrap"] >= 20 and parameters["pool_sizes"]["story"] >= 200


def test_a_tradingview_seed_always_draws_the_same_items(shared_data: Path, tv_draw: audit.Draw) -> None:
    again = audit.draw_articles(shared_data, None, 40, 7, CORPORA, exclude=[CORPORA / "test"], corpus=audit.TV_CORPUS)
    other = audit.draw_articles(shared_data, None, 40, 8, CORPORA, exclude=[CORPORA / "test"], corpus=audit.TV_CORPUS)
    assert [d.article_id for d in again.articles] == [d.article_id for d in tv_draw.articles]
    assert [d.article_id for d in other.articles] != [d.article_id for d in tv_draw.articles]


def test_a_tradingview_draw_leaves_out_an_earlier_tradingview_audit(tmp_path: Path, shared_data: Path,
                                                                     tv_draw: audit.Draw) -> None:
    earlier = tmp_path / "tv_audit"
    earlier.mkdir()
    (earlier / audit.ARTICLES_FILE).write_text("".join(
        json.dumps({"article_id": d.article_id, "pool": d.pool, "day": d.day}) + "\n" for d in tv_draw.articles))
    (earlier / audit.DRAW_FILE).write_text(json.dumps(tv_draw.parameters()))
    # the earlier audit's rows are TradingView ids (its draw.json says so), not Reuters ids
    assert audit.ids_in(earlier, audit.TV_CORPUS) == {d.article_id for d in tv_draw.articles}
    assert audit.ids_in(earlier) == set()
    again = audit.draw_articles(shared_data, None, 40, 7, CORPORA, corpus=audit.TV_CORPUS,
                                exclude=[earlier, CORPORA / "test"])
    assert not {d.article_id for d in again.articles} & {d.article_id for d in tv_draw.articles}
    assert again.parameters()["excluded_other_ids"] >= 40 + 100
    # by default every earlier audit is left out, the committed TradingView audits among them
    default = audit.draw_articles(shared_data, None, 10, 7, CORPORA, corpus=audit.TV_CORPUS)
    audited = set().union(*(audit.ids_in(path, audit.TV_CORPUS) for path in audit.default_exclusions(CORPORA)))
    assert not {d.article_id for d in default.articles} & audited


def test_tradingview_items_are_read_as_the_pipeline_reads_them(shared_data: Path, tv_draw: audit.Draw) -> None:
    articles = audit.read_drawn(shared_data, tv_draw.articles[:3], audit.TV_CORPUS)
    assert [a.id for a in articles] == [d.article_id for d in tv_draw.articles[:3]]
    assert all(a.text.strip() and a.published is not None and a.published.utcoffset() is not None
               for a in articles)
    with pytest.raises(InputError, match="not found"):
        audit.read_drawn(shared_data, [audit.DrawnArticle("no-such-item", "story", "20250210")], audit.TV_CORPUS)
    with pytest.raises(InputError, match="does not apply"):
        audit.draw_articles(shared_data, 2008, 5, 1, CORPORA, corpus=audit.TV_CORPUS)
    with pytest.raises(InputError, match="--corpus"):
        audit.draw_articles(shared_data, 2008, 5, 1, CORPORA, corpus="reuters_21578")


def test_the_tradingview_item_rules_on_sentences_we_wrote(shared_data: Path) -> None:
    listed = audit.listings(shared_data)
    # a ticker tag of a listing with prices, in each outlet's style, and a percentage; a listing without
    # prices in our data does not count
    assert not audit.is_tv_price_item("Results", "Shares of Hertz (HTZ) slid 11% early on Thursday.", listed)
    assert audit.is_tv_price_item("Results", "Shares of Domino's Pizza (DPZ) slid 11% early on Thursday.", listed)
    assert audit.is_tv_price_item("Jobs", "JPMorgan Chase (JPM, Financial) stock rose 1.2% on the day.", listed)
    assert audit.is_tv_price_item("Flash", "*Boeing orders up 4% in January >BA", listed)
    assert audit.is_tv_price_item("Filing", "Acme Corp. (NYSE: BA) gained 3 percent.", listed)
    # a company named only in the title, or a US index in the text
    assert audit.is_tv_price_item("Intel Stock Jumps on Chip Plans", "The shares rose 6% by midday.", listed)
    assert audit.is_tv_price_item("Markets", "The S&P 500 ended 0.3% lower.", listed)
    # no percentage; an acronym in brackets is not a ticker; a one-letter bare tag is a footnote; a price table;
    # a headline word that is also a company's short name
    assert not audit.is_tv_price_item("Markets", "The S&P 500 ended little changed.", listed)
    assert not audit.is_tv_price_item("Results", "Earnings per share (EPS) rose 8% on the year.", listed)
    assert not audit.is_tv_price_item("Results", "Sales rose 8% in the quarter (A).", listed)
    assert not audit.is_tv_price_item("Amsterdam Closing Stock Prices", "Adyen (ADYEN) +14%; the Dow 0.1%", listed)
    assert not audit.is_tv_price_item("News Highlights: Top Company News", "Revenue rose 5%.", listed)
    # a wrap: a title about the US market and two of its three main indexes in the text
    wrap_text = "The Dow slipped 0.5% and the S&P 500 fell 0.3%, while the Nasdaq edged up."
    assert audit.is_us_wrap("U.S. Stocks Fall as Yields Climb", wrap_text)
    assert audit.is_us_wrap("Nasdaq Leads Indexes Higher", wrap_text)
    assert not audit.is_us_wrap("Intel Is the Most Active Stock in the S&P 500", wrap_text)
    assert not audit.is_us_wrap("European Stocks Rise", wrap_text)
    assert not audit.is_us_wrap("U.S. Stocks Fall", "The S&P 500 fell 0.3%.")


def test_a_tradingview_time_stamp_maps_to_the_us_session_day() -> None:
    # stamped in UTC+8: early morning in Asia is the previous afternoon in New York
    assert audit.us_day("2025-02-08T05:24:00+08:00", "here") == "20250207"
    assert audit.us_day("2025-02-11T21:22:00+08:00", "here") == "20250211"
    with pytest.raises(InputError, match="here"):
        audit.us_day("the eleventh of February", "here")


def test_the_tradingview_draw_through_the_cli(tmp_path: Path, shared_data: Path, market_dir: Path,
                                             tv_sources: dict[str, str]) -> None:
    out = tmp_path / "tv"
    common = ["--n", "2", "--seed", "5", "--out", str(out), "--shared-data", str(shared_data),
              "--market", str(market_dir)]
    refused = _cli("audit", "draw", "--corpus", audit.TV_CORPUS, "--year", "2008", *common)
    assert refused.returncode == 2 and "does not apply" in refused.stderr
    assert not out.exists()
    result = _cli("audit", "draw", "--corpus", audit.TV_CORPUS, *common)
    assert result.returncode == 0, result.stderr
    drawn = audit.load_drawn(out)
    outlets = audit.held_out_outlets(CORPORA, shared_data)
    assert len(drawn) == 2 and all(tv_sources[d.article_id] in outlets for d in drawn)
    parameters = json.loads((out / audit.DRAW_FILE).read_text())
    assert parameters["corpus"] == audit.TV_CORPUS and parameters["articles"] == 2
    # the re-run and the scorer read the items back from the TradingView file, as draw.json says
    assert audit.audit_corpus(out) == audit.TV_CORPUS
    scored = _cli("eval", "--audit", str(out), "--shared-data", str(shared_data), "--market", str(market_dir),
                  "--json", str(tmp_path / "figures.json"))
    assert scored.returncode == 0, scored.stderr
    figures = json.loads((tmp_path / "figures.json").read_text())
    assert figures["articles"] == 2 and figures["contradicted"] == parameters["verdicts"].get("contradicted", 0)
