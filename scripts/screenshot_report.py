"""Render a report through the real pipeline and screenshot it in headless Chromium, to look at it.

    .venv/bin/python scripts/screenshot_report.py [--shared-data DIR] [--out DIR] [--reuters N]

The seed article is read from ../shared/seeds at run time (it is not ours to copy into the repo); with
``--reuters N`` the first N Reuters market wraps of 2006-2007 join it (2008 is the held-out split and
2010 onwards is reserved, so neither is drawn). Four pictures are written to --out (outside the repo by
default): the top of the page, the articles with the first contradicted claim selected, the articles
filtered to one outlet and verdict, and the claims table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from analyzer.ingest.shared_data import REUTERS_WRAPS, shared_data_dir

REPO = Path(__file__).resolve().parent.parent
SEED_NAME = "000_0a9a38c1a6e99c6d.txt"
SEED_PUBLISHED = "2025-08-26T20:00:00-04:00"  # after the close, per the seeds README
REUTERS = REUTERS_WRAPS


def reuters_wraps(shared_data: Path, count: int) -> list:
    """The first ``count`` wraps dated 2006 or 2007 (never the 2008 audit split nor 2010 onwards)."""
    from analyzer.ingest import read_articles

    if count <= 0:
        return []
    with gzip.open(shared_data / REUTERS, "rt", encoding="utf-8") as raw:
        allowed = {row["id"] for row in map(json.loads, raw) if row.get("day", "") < "20080101"}
    picked = []
    for article in read_articles(shared_data / REUTERS):
        if article.id in allowed and article.published is not None:
            picked.append(article)
            if len(picked) == count:
                break
    return picked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "report-shots")
    parser.add_argument("--reuters", type=int, default=0, help="add this many 2006-2007 Reuters wraps")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=1100)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    from analyzer.check import check_claims
    from analyzer.extract import extract_claims, load_pipeline
    from analyzer.market import MarketData
    from analyzer.records import Article
    from analyzer.report.browser import Chromium, find_chromium
    from analyzer.report.html import write_report

    seed = args.shared_data.parent / "seeds" / SEED_NAME
    market_dir = args.shared_data / "market"
    if not seed.is_file() or not market_dir.is_dir():
        print(f"seed article or market data not found under {args.shared_data.parent}", file=sys.stderr)
        return 2
    chromium = find_chromium()
    if chromium is None:
        print("chromium not found: apt-get install -y chromium", file=sys.stderr)
        return 2

    published = datetime.fromisoformat(SEED_PUBLISHED)
    articles = [Article(id=seed.stem, text=seed.read_text(encoding="utf-8"), published=published,
                        published_raw=SEED_PUBLISHED, source="Seed Markets Daily")]
    articles += reuters_wraps(args.shared_data, args.reuters)
    market = MarketData.open(market_dir)
    by_id = {a.id: a for a in articles}
    checked = check_claims(extract_claims(articles, load_pipeline(market_dir=str(market_dir))), market, by_id)
    args.out.mkdir(parents=True, exist_ok=True)
    html_path = write_report(args.out / "report.html", checked, by_id, market)

    shots = []
    with Chromium(chromium, window=(args.width, args.height)) as browser:
        load = browser.open(html_path)
        shots.append(browser.screenshot(args.out / "1-top.png"))
        browser.evaluate("(() => { const m = document.querySelector('mark.claim.v-contradicted') ||"
                         " document.querySelector('mark.claim'); if (m) { m.click(); m.scrollIntoView(); } })()")
        shots.append(browser.screenshot(args.out / "2-claim.png"))
        browser.evaluate("(() => { const set = (id, v) => { const f = document.getElementById(id); f.value = v;"
                         " f.dispatchEvent(new Event('change')); };"
                         " const o = document.getElementById('f-outlet'); set('f-outlet', o.options[1].value);"
                         " set('f-verdict', 'contradicted');"
                         " document.getElementById('articles').scrollIntoView(); })()")
        shots.append(browser.screenshot(args.out / "3-filtered.png"))
        # articles render lazily (content-visibility), so the page settles before the second scroll lands
        browser.evaluate("(async () => { document.getElementById('f-clear').click();"
                         " for (let i = 0; i < 3; i++) { document.getElementById('claims').scrollIntoView();"
                         " await new Promise(r => setTimeout(r, 200)); } })()")
        shots.append(browser.screenshot(args.out / "4-table.png"))
        errors = load.errors + browser.errors()
    counts: dict[str, int] = {}
    for item in checked:
        counts[item.verdict.verdict] = counts.get(item.verdict.verdict, 0) + 1
    print(f"{len(articles)} articles, {len(checked)} claims {counts}; report {html_path}")
    print("screenshots: " + " ".join(str(p) for p in shots))
    if errors:
        print(f"page errors: {errors}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
