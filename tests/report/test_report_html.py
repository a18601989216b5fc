"""The report's HTML, without a browser: placement of claims, escaping, summary and price windows."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime

import pytest

from analyzer.errors import InputError
from analyzer.records import Article, CheckedClaim, Claim, Instrument, Verdict
from analyzer.report.charts import bin_days, timeline_bin
from analyzer.report.html import build_context, render_report, write_report
from analyzer.report.payload import script_json
from analyzer.report.spans import Placement, articles_for, place_claim, segment_text
from analyzer.report.summary import summarize

SCRIPT_DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)


def embedded_data(html: str) -> dict:
    return json.loads(SCRIPT_DATA.search(html).group(1))


# ---- placement and segments -------------------------------------------------------------------

def test_place_claim_uses_offsets_that_match_the_text() -> None:
    text = "Intro line. The Dow fell 0.5% on Monday. Tail."
    sentence = "The Dow fell 0.5% on Monday."
    claim = Claim("a", sentence, 12, 12 + len(sentence), "index_move", span_start=4, span_end=17)
    placed = place_claim(claim, text)
    assert placed is not None
    assert text[placed.span_start:placed.span_end] == "Dow fell 0.5%"
    assert text[placed.sentence_start:placed.sentence_end] == sentence


def test_place_claim_refinds_a_sentence_whose_offsets_are_stale() -> None:
    text = "A new first paragraph was added.\nThe Dow fell 0.5% on Monday."
    claim = Claim("a", "The Dow fell 0.5% on Monday.", 0, 28, "index_move", span_start=8, span_end=17)
    placed = place_claim(claim, text)
    assert placed is not None and text[placed.span_start:placed.span_end] == "fell 0.5%"


def test_place_claim_gives_none_for_a_sentence_not_in_the_text() -> None:
    claim = Claim("a", "The Nasdaq rose 1%.", 0, 19, "index_move")
    assert place_claim(claim, "Nothing about it here at all.") is None


def test_segments_of_overlapping_claims_list_the_innermost_first() -> None:
    text = "The Dow fell 0.5% and the Nasdaq rose 0.2%."
    outer = Placement("outer", 0, len(text), 0, len(text) - 1)
    inner = Placement("inner", 0, len(text), 4, 17)
    segments = segment_text(text, [outer, inner], {"outer": "supported", "inner": "contradicted"})
    assert "".join(s.text for s in segments) == text
    middle = next(s for s in segments if s.text == "Dow fell 0.5%")
    assert middle.claim_ids == ("inner", "outer")
    assert middle.verdict == "contradicted" and middle.ends_claims == ("inner",)
    assert segments[-1].text == "." and segments[-1].claim_ids == ()


# ---- script-safe JSON ---------------------------------------------------------------------------

def test_script_json_cannot_close_the_script_block() -> None:
    nasty = {"t": "</script><script>alert(1)</script> <!-- & \u2028\u2029", "n": float("nan")}
    text = script_json(nasty)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == {"t": nasty["t"], "n": None}


# ---- the seed report ----------------------------------------------------------------------------

def test_seed_report_highlights_every_claim_in_its_verdict_colour(seed_batch, market) -> None:
    checked, articles = seed_batch
    html = render_report(checked, articles, market)
    assert 'id="claim-count" data-count="7"' in html
    marks = re.findall(r'<mark class="claim v-(\w+)[^"]*"[^>]*>([^<]*)</mark>', html)
    shown = {text: verdict for verdict, text in marks}
    assert shown["gained 0.8%"] == "supported"
    assert shown["surged 2%"] == "contradicted"
    assert shown["sent Boeing’s stock higher"] == "supported"
    assert shown["plans to sell 103 airplanes to Korean Air Lines"] == "unverifiable"
    assert shown["small caps are cheap compared to large caps"] == "not_checkable"
    # self-contained: nothing is loaded from anywhere
    assert not re.search(r'<link|\bsrc\s*=|url\((?!#)|@import|<iframe', html)


def test_seed_report_embeds_real_prices_around_each_session(seed_batch, market) -> None:
    checked, articles = seed_batch
    data = embedded_data(render_report(checked, articles, market))
    rut = data["series"]["^RUT|close"]
    at = rut["d"].index("2025-08-26")
    assert (rut["v"][at - 1], rut["v"][at]) == (2339.17, 2358.6)
    assert at == 15 and len(rut["d"]) == 31  # 15 sessions either side
    ba = data["series"]["BA|close"]
    assert ba["v"][ba["d"].index("2025-08-26")] == 234.83
    spxew = next(c for c in data["claims"] if c["verdict"] == "contradicted")
    assert spxew["chart"]["key"] == "RSP|adj_close"  # the proxy the evidence used, not the missing index
    assert spxew["chart"]["dg"] == "2025-08-22" and "2025-08-22" in data["series"]["RSP|adj_close"]["d"]
    fed = next(c for c in data["claims"] if c["kind"] == "rate_policy")
    assert "chart" not in fed  # no instrument to draw


def test_missing_instrument_is_reported_not_raised(seed_text, market) -> None:
    claim = Claim("x", "Widgets rose 3%.", 0, 16, "stock_move", instrument=Instrument("Widgets", "ZZZZ"),
                  direction="up", change_pct=3.0, session="2025-08-26")
    data = embedded_data(render_report([CheckedClaim(claim, Verdict("unverifiable", "no data"))],
                                       {"x": Article("x", "Widgets rose 3%.")}, market))
    assert "ZZZZ" in data["missing"] and data["series"] == {}


# ---- malicious feed text ------------------------------------------------------------------------

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'


def malicious_batch() -> tuple[list[CheckedClaim], dict[str, Article]]:
    sentence = f"Stocks {SCRIPT} fell 2% {IMG} on Monday."
    text = f"Intro {IMG}.\n{sentence}\nEnd </textarea></mark></div>."
    article = Article("evil", text, datetime.fromisoformat("2008-10-06T17:00:00-04:00"),
                      url="javascript:window.__pwned=1", source=f"Evil {IMG}", title=f"Title {SCRIPT}")
    start = text.index(sentence)
    claim = Claim("evil", sentence, start, start + len(sentence), "index_move",
                  instrument=Instrument(f"Index {SCRIPT}", "^GSPC"), direction="down", change_pct=2.0,
                  session="2008-10-06", span_start=0, span_end=len(sentence) - 1, verb=IMG)
    verdict = Verdict("contradicted", f"Quoted back: {SCRIPT} and {IMG}.")
    return [CheckedClaim(claim, verdict)], {"evil": article}


def test_feed_markup_is_escaped_everywhere() -> None:
    checked, articles = malicious_batch()
    html = render_report(checked, articles)
    assert "window.__pwned" in html  # the text is there ...
    assert SCRIPT not in html and "<img" not in html and "onerror=\"" not in html  # ... but never as markup
    assert 'href="javascript' not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert embedded_data(html)["claims"][0]["expl"] == f"Quoted back: {SCRIPT} and {IMG}."


# ---- batches without texts, bad input -----------------------------------------------------------

def test_claims_without_articles_get_a_reconstructed_text(seed_batch) -> None:
    checked, _ = seed_batch
    html = render_report(checked, {})
    assert "reconstructed from their claim sentences" in html
    assert len(re.findall(r'<mark class="claim', html)) >= len(checked)
    ordered, rebuilt = articles_for(checked, {})
    assert rebuilt == {checked[0].claim.article_id}
    assert all(c.claim.sentence in ordered[0].text for c in checked)


def test_unknown_verdict_is_an_input_error(seed_batch) -> None:
    checked, articles = seed_batch
    bad = CheckedClaim(checked[0].claim, Verdict("maybe", "?"))
    with pytest.raises(InputError, match="unknown verdict 'maybe'"):
        render_report([bad], articles)


def test_write_report_names_an_unwritable_path(seed_batch, tmp_path) -> None:
    checked, articles = seed_batch
    with pytest.raises(InputError, match="cannot write the report"):
        write_report(tmp_path / "no" / "such" / "dir" / "r.html", checked, articles)
    out = write_report(tmp_path / "r.html", checked, articles)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# ---- summary ------------------------------------------------------------------------------------

def test_summary_ranks_outlets_by_contradicted_claims() -> None:
    def item(article: str, verdict: str, kind: str = "index_move") -> CheckedClaim:
        return CheckedClaim(Claim(article, "s", 0, 1, kind), Verdict(verdict, "e"))

    arts = {"a": Article("a", "s", datetime.fromisoformat("2007-02-27T17:00:00-05:00"), source="Wire A"),
            "b": Article("b", "s", datetime.fromisoformat("2007-02-28T17:00:00-05:00"), source="Wire B"),
            "c": Article("c", "s", None, source="Wire B")}
    checked = [item("a", "supported"), item("a", "contradicted"), item("b", "contradicted"),
               item("b", "contradicted", "record"), item("c", "pending", "rate_policy")]
    summary = summarize(checked, arts)
    assert [(r.outlet, r.articles, r.claims, r.contradicted) for r in summary.outlets] == [
        ("Wire B", 2, 3, 2), ("Wire A", 1, 2, 1)]
    assert summary.by_kind["index_move"]["contradicted"] == 2 and "streak" not in summary.by_kind
    assert summary.per_day[date(2007, 2, 27)] == Counter({"supported": 1, "contradicted": 1})
    assert summary.undated_claims == 1


def test_long_timelines_are_binned_by_week() -> None:
    assert timeline_bin(date(2008, 1, 1), date(2008, 6, 1)) == "day"
    assert timeline_bin(date(2006, 10, 1), date(2009, 12, 31)) == "week"
    weekly = bin_days({date(2008, 10, 6): Counter(a=1), date(2008, 10, 10): Counter(a=2),
                       date(2008, 10, 13): Counter(b=1)}, "week")
    assert weekly == {date(2008, 10, 6): Counter(a=3), date(2008, 10, 13): Counter(b=1)}


def test_context_counts_match_the_batch(seed_batch, market) -> None:
    checked, articles = seed_batch
    context = build_context(checked, articles, market)
    assert context["summary"].claims == 7
    assert context["summary"].by_verdict == {"supported": 4, "contradicted": 1, "unverifiable": 1,
                                             "pending": 0, "not_checkable": 1}
    assert context["articles"][0].claims == 7 and not context["articles"][0].unplaced


def test_a_session_without_as_traded_close_is_drawn_from_adjusted_closes(market) -> None:
    # the data has only adjusted closes for Wal-Mart in 2006 (as-traded closes start in 2015)
    claim = Claim("w", "Wal-Mart rose 3.9 percent to $51.28.", 0, 36, "stock_move",
                  instrument=Instrument("Wal-Mart", "WMT"), direction="up", change_pct=3.9, level=51.28,
                  session="2006-10-23")
    data = embedded_data(render_report([CheckedClaim(claim, Verdict("unverifiable", "no as-traded close"))],
                                       {"w": Article("w", claim.sentence)}, market))
    chart = data["claims"][0]["chart"]
    assert chart["key"] == "WMT|adj_close" and chart["asked"] == "close"
    series = data["series"]["WMT|adj_close"]
    assert "2006-10-23" in series["d"] and all(v is not None for v in series["v"])


def test_claimed_figures_keep_their_units() -> None:
    from analyzer.report.plain import stated_text

    claim = Claim("t", "Texas Instruments rose 1.6 percent, or 51 cents, to $31.88.", 0, 59, "stock_move",
                  instrument=Instrument("Texas Instruments", "TXN"), direction="up", change_pct=1.6,
                  change_points=0.51, level=31.88, verb="rose",
                  stated={"change_pct": "1.6", "change_points": "0.51", "level": "$31.88"})
    assert stated_text(claim) == "up 1.6% 0.51 points to $31.88"


# ---- what an editor reads: headings, order, plain words -----------------------------------------

def test_articles_are_headed_by_title_outlet_and_local_time_most_contradicted_first(three_outlets) -> None:
    checked, articles = three_outlets
    html = render_report(checked, articles)
    titles = re.findall(r'<span class="a-title">([^<]*)</span>', html)
    assert titles == ["Monday rally lifts the Dow", "Small caps lead as Boeing lands Korean Air order",
                      "Yields steady"]
    outlets = re.findall(r'<span class="a-outlet">([^<]*)</span>', html)
    assert outlets == ["Example Wire", "seed", "example.org"]
    # stored in UTC, shown where it was published: 20:00 EDT stays on the 26th
    assert "Tue 26 Aug 2025, 20:00 EDT" in html and "Mon 25 Aug 2025, 16:30 EDT" in html
    assert "Wed 27 Aug 2025, 10:00 EDT" in html
    assert "unknown outlet" not in html
    days = re.findall(r'data-outlet="[^"]*" data-day="([^"]*)"', html)
    assert days == ["2025-08-25", "2025-08-26", "2025-08-27"]


def test_evidence_and_fields_are_in_plain_words(seed_batch) -> None:
    checked, articles = seed_batch
    data = embedded_data(render_report(checked, articles))
    spxew = next(c for c in data["claims"] if c["verdict"] == "contradicted")
    assert spxew["ev"] == [{"text": "RSP adjusted close (standing in for ^SPXEW) on Tue 2025-08-26 (+0.07%)",
                            "src": "market/daily/RSP.csv.gz"}]
    assert spxew["diag"] == "the claimed move matches Fri 2025-08-22 (+1.95%)"
    assert (spxew["claimed"], spxew["actual"]) == ("up 2%", "+0.07%")
    rut = next(c for c in data["claims"] if c["kind"] == "index_move" and c["verdict"] == "supported")
    assert rut["ev"][0]["text"] == "^RUT close on Tue 2025-08-26: 2,339.17 → 2,358.60 (+0.83%)"
    for claim in data["claims"]:
        words = json.dumps([claim["ev"], claim.get("diag"), claim["fields"], claim["claimed"]])
        assert not re.search(r"change_pct|prev_close|adj_close|best_since|_since|record_close", words), words


def test_a_claim_checked_again_shows_its_verdict_history(seed_batch) -> None:
    from analyzer.report.frame import group_history
    from analyzer.store.store import HistoryEntry

    checked, articles = seed_batch
    fed = next(c for c in checked if c.claim.kind == "rate_policy")
    key = (fed.claim.article_id, fed.claim.claim_id)
    entries = [HistoryEntry(1, *key, 5, "rate_policy", "pending", "the horizon has not passed", "2025-09-02T08:00:00",
                            "2025-09-01", "first_check"),
               HistoryEntry(1, *key, 5, "rate_policy", "supported", "cut 25 bp on 2025-09-17", "2025-09-20T08:00:00",
                            "2025-09-19", "recheck")]
    data = embedded_data(render_report(checked, articles, history=group_history(entries)))
    shown = next(c for c in data["claims"] if c["kind"] == "rate_policy")
    assert shown["hist"] == ["pending (market data to 2025-09-01, checked 2025-09-02, first check)",
                             "supported (market data to 2025-09-19, checked 2025-09-20, recheck)"]
    assert all("hist" not in c for c in data["claims"] if c["kind"] != "rate_policy")
