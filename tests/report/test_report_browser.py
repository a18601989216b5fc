"""The report opened in headless Chromium: it loads cleanly, shows the right counts, reacts to
selection, and runs nothing that came from a feed."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from analyzer.records import CheckedClaim
from analyzer.report.html import write_report

from .test_report_html import IMG, SCRIPT, malicious_batch

NEW_YORK = ZoneInfo("America/New_York")


def click_claim_with_text(browser, text: str) -> None:
    found = browser.evaluate(
        "(() => { const m = [...document.querySelectorAll('mark.claim')].find(m => m.textContent === "
        + json.dumps(text) + "); if (m) { m.click(); } return !!m; })()")
    assert found, f"no highlighted passage {text!r}"


def detail_text(browser) -> str:
    return browser.evaluate("document.getElementById('detail-body').innerText")


def assert_counts_match(browser, claims: int, articles: int) -> None:
    assert browser.evaluate("document.getElementById('claim-count').textContent") == str(claims)
    assert browser.evaluate("document.getElementById('article-count').textContent") == str(articles)
    assert browser.evaluate("window.__reportReady.claims") == claims
    assert browser.evaluate("document.getElementById('table-count').dataset.shown") == str(claims)
    # large tables open a page at a time; "Show all" lists every claim
    rendered = browser.evaluate("document.querySelectorAll('#claim-table tbody tr').length")
    assert rendered == min(claims, 300)
    if rendered < claims:
        browser.evaluate("document.getElementById('table-all').click()")
    assert browser.evaluate("document.querySelectorAll('#claim-table tbody tr').length") == claims
    assert browser.evaluate("document.getElementById('table-count').textContent") == \
        f"{claims} of {claims} claims match"
    shown = browser.evaluate("[...document.querySelectorAll('.verdict-count')].map(e => +e.textContent)")
    assert sum(shown) == claims


def test_seed_report_in_chromium(seed_batch, market, browser, tmp_path: Path) -> None:
    checked, articles = seed_batch
    path = write_report(tmp_path / "seed.html", checked, articles, market)
    load = browser.open(path)
    assert load.errors == []
    assert_counts_match(browser, 7, 1)
    assert browser.evaluate("document.querySelectorAll('mark.claim.end').length") == 7

    click_claim_with_text(browser, "surged 2%")
    panel = detail_text(browser)
    assert "contradicted" in panel and "RSP adjusted close (standing in for ^SPXEW) on Tue 2025-08-26" in panel
    assert browser.evaluate("document.querySelectorAll('#detail-body svg line.wrong-day').length") == 1
    assert browser.evaluate("document.querySelectorAll('#detail-body svg line.claimed').length") == 1
    assert "matches 2025-08-22 (+1.95%)" in panel

    click_claim_with_text(browser, "gained 0.8%")
    panel = detail_text(browser)
    assert "^RUT close on 2025-08-26: 2,339.17 → 2,358.60 (+0.83%). Claimed: +0.80%" in panel
    assert browser.evaluate("document.querySelectorAll('mark.claim.selected').length") == 1

    click_claim_with_text(browser, "widely expected to cut rates later this year")
    assert "No instrument and session to chart" in detail_text(browser)
    assert browser.errors() == []


def test_claims_table_filters_and_sorts(seed_batch, market, browser, tmp_path: Path) -> None:
    checked, articles = seed_batch
    browser.open(write_report(tmp_path / "seed.html", checked, articles, market))
    browser.evaluate("(() => { const f = document.getElementById('f-verdict'); f.value = 'supported';"
                     " f.dispatchEvent(new Event('change')); })()")
    assert browser.evaluate("document.getElementById('table-count').dataset.shown") == "4"
    browser.evaluate("(() => { const f = document.getElementById('f-verdict'); f.value = '';"
                     " f.dispatchEvent(new Event('change')); const t = document.getElementById('f-text');"
                     " t.value = 'russell'; t.dispatchEvent(new Event('input')); })()")
    assert browser.evaluate("document.getElementById('table-count').dataset.shown") == "3"
    browser.evaluate("(() => { const t = document.getElementById('f-text'); t.value = '';"
                     " t.dispatchEvent(new Event('input'));"
                     " document.querySelector('th[data-key=verdict] button').click(); })()")
    verdicts = browser.evaluate("[...document.querySelectorAll('#claim-table tbody td.verdict')]"
                                ".map(td => td.textContent.slice(2))")
    assert verdicts == sorted(verdicts) and len(verdicts) == 7
    browser.evaluate("document.querySelector('#claim-table tbody tr').click()")
    assert "contradicted" in detail_text(browser)
    assert browser.errors() == []


def test_malicious_feed_item_runs_nothing(browser, tmp_path: Path) -> None:
    checked, articles = malicious_batch()
    path = write_report(tmp_path / "evil.html", checked, articles)
    load = browser.open(path)
    assert load.errors == []
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.images.length") == 0
    body = browser.evaluate("document.body.innerText")
    assert f"Title {SCRIPT}" in body and f"Evil {IMG}" in body and f"Stocks {SCRIPT} fell 2%" in body
    assert browser.evaluate("document.querySelectorAll('a[href^=javascript]').length") == 0
    browser.evaluate("document.querySelector('mark.claim').click()")
    panel = detail_text(browser)
    assert f"Quoted back: {SCRIPT} and {IMG}." in panel and f"Index {SCRIPT}" in panel
    browser.evaluate("document.querySelector('#claim-table tbody tr').click()")
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.errors() == []


def reuters_articles(shared_data: Path, count: int):
    """The first ``count`` 2006-2009 Reuters market wraps (2010 onwards is reserved)."""
    from analyzer.ingest import read_articles

    picked = []
    path = shared_data / "news" / "reuters_2006_2013" / "us_market_wraps.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as raw:
        allowed = {json.loads(line)["id"] for line in raw if json.loads(line)["day"] < "20100101"}
    for article in read_articles(path):
        if article.id in allowed and article.published is not None \
                and article.published.astimezone(NEW_YORK).date() < date(2010, 1, 1):
            picked.append(article)
            if len(picked) == count:
                break
    return picked


@pytest.mark.slow
def test_reuters_batch_through_the_real_pipeline(shared_data, market, browser, tmp_path: Path) -> None:
    from analyzer.check import check_claims
    from analyzer.extract import extract_claims

    articles = reuters_articles(shared_data, 200)
    assert len(articles) == 200
    by_id = {a.id: a for a in articles}
    checked: list[CheckedClaim] = check_claims(extract_claims(articles), market, by_id)
    assert len(checked) > 200
    path = write_report(tmp_path / "reuters.html", checked, by_id, market)
    load = browser.open(path)
    assert load.errors == []
    assert_counts_match(browser, len(checked), 200)
    # every claim the extractor placed is highlighted in its article
    placed = browser.evaluate("new Set([...document.querySelectorAll('mark.claim')]"
                              ".flatMap(m => m.dataset.claims.split(' '))).size")
    unplaced = browser.evaluate("document.querySelectorAll('.unplaced li').length")
    assert placed + unplaced == len(checked) and unplaced == 0
    # select claims of every verdict present; the panel and chart render without errors
    for verdict in sorted({c.verdict.verdict for c in checked}):
        browser.evaluate(f"document.querySelector('mark.claim.v-{verdict}').click()")
        assert verdict.replace("_", " ") in detail_text(browser)
    contradicted = [c for c in checked if c.verdict.verdict == "contradicted" and c.claim.instrument]
    if contradicted:
        browser.evaluate("document.querySelector('mark.claim.v-contradicted').click()")
        assert browser.evaluate("document.querySelectorAll('#detail-body .price-chart').length") == 1
    assert browser.errors() == []


def set_filter(browser, element_id: str, value: str) -> None:
    browser.evaluate(f"(() => {{ const f = document.getElementById({json.dumps(element_id)}); f.value = "
                     f"{json.dumps(value)}; f.dispatchEvent(new Event('change')); }})()")


def visible_titles(browser) -> list[str]:
    return browser.evaluate("[...document.querySelectorAll('details.article')].filter(d => !d.hidden)"
                            ".map(d => d.querySelector('.a-title').textContent)")


def test_filters_by_outlet_date_kind_and_verdict_and_the_csv_download(three_outlets, browser, tmp_path: Path
                                                                       ) -> None:
    checked, articles = three_outlets
    browser.open(write_report(tmp_path / "three.html", checked, articles))
    assert visible_titles(browser) == ["Monday rally lifts the Dow", "Small caps lead as Boeing lands Korean Air "
                                       "order", "Yields steady"]
    set_filter(browser, "f-outlet", "example.org")
    assert visible_titles(browser) == ["Yields steady"]
    assert browser.evaluate("document.getElementById('table-count').dataset.shown") == "1"
    set_filter(browser, "f-outlet", "")
    set_filter(browser, "f-from", "2025-08-26")
    set_filter(browser, "f-to", "2025-08-26")
    assert visible_titles(browser) == ["Small caps lead as Boeing lands Korean Air order"]
    assert browser.evaluate("document.getElementById('table-count').dataset.shown") == "7"
    set_filter(browser, "f-to", "")
    set_filter(browser, "f-verdict", "contradicted")
    assert visible_titles(browser) == ["Small caps lead as Boeing lands Korean Air order"]  # from the 26th on
    set_filter(browser, "f-from", "")
    assert visible_titles(browser) == ["Monday rally lifts the Dow", "Small caps lead as Boeing lands Korean Air "
                                       "order"]
    set_filter(browser, "f-kind", "deal")
    assert visible_titles(browser) == [] and "0 of 10 claims" in browser.evaluate(
        "document.getElementById('filter-count').textContent")
    set_filter(browser, "f-kind", "")
    # the download holds exactly the claims shown, with their outlet and local publication time
    csv_text = browser.evaluate("window.__reportCsv()")
    lines = csv_text.strip().split("\r\n")
    assert lines[0] == "n,verdict,kind,instrument,session,stated,actual,text,article,outlet,published,explanation"
    assert len(lines) == 1 + 3
    assert any("Example Wire" in line and "Mon 25 Aug 2025, 16:30 EDT" in line and "up 3%" in line
               for line in lines)
    browser.evaluate("document.getElementById('download-csv').click()")
    assert browser.evaluate("window.__lastDownload") == {"name": "claims.csv", "rows": 3}
    browser.evaluate("document.getElementById('f-clear').click()")
    assert len(visible_titles(browser)) == 3
    assert browser.errors() == []
