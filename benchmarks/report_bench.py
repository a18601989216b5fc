"""Report benchmark: size and browser load time of the HTML report for a 1,000-article batch.

    .venv/bin/python benchmarks/report_bench.py [--articles 1000] [--shared-data DIR] [--keep FILE.html]

The batch is the first N 2006-2009 Reuters US market wraps (2010 onwards is reserved), run through
the real extract and check stages. Goals: report under 15 MB, load in headless Chromium under 3 s.
Also prints what per-claim matplotlib SVG charts would have cost, the alternative not taken.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analyzer.engine import open_engine  # noqa: E402
from analyzer.ingest import read_articles  # noqa: E402
from analyzer.ingest.shared_data import shared_data_dir  # noqa: E402
from analyzer.market import MarketData  # noqa: E402
from analyzer.records import Article, CheckedClaim  # noqa: E402
from analyzer.report.browser import Chromium  # noqa: E402
from analyzer.report.html import render_report  # noqa: E402
from analyzer.report.payload import chart_target  # noqa: E402

console = Console(stderr=True)
NEW_YORK = ZoneInfo("America/New_York")
SIZE_GOAL_MB, LOAD_GOAL_S = 15.0, 3.0


def reuters_batch(shared: Path, count: int) -> list[Article]:
    path = shared / "news" / "reuters_2006_2013" / "us_market_wraps.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as raw:
        allowed = {row["id"] for row in map(json.loads, raw) if row["day"] < "20100101"}
    picked = []
    for article in read_articles(path):
        if article.id in allowed and article.published and \
                article.published.astimezone(NEW_YORK).date() < date(2010, 1, 1):
            picked.append(article)
            if len(picked) == count:
                break
    return picked


def run_pipeline(articles: list[Article], market: MarketData, market_dir: Path) -> list[CheckedClaim]:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as progress, open_engine(market, workers=1) as engine:
        task = progress.add_task("extract + check", total=len(articles))
        return engine.analyze(articles, progress=lambda n: progress.advance(task, n))


def size_breakdown(html: str) -> dict[str, float]:
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    svgs = sum(len(m) for m in re.findall(r"<svg.*?</svg>", html, re.S))
    texts = sum(len(m) for m in re.findall(r'<div class="text" id="text-\d+">.*?</div>', html, re.S))
    mb = 1e6
    return {"total": len(html.encode()) / mb, "embedded JSON": len(data.group(1).encode()) / mb,
            "article texts": texts / mb, "summary SVG": svgs / mb}


def matplotlib_alternative(checked: list[CheckedClaim], sample: int = 20) -> tuple[int, float, float]:
    """Distinct instrument/session windows, and ms and kB per matplotlib SVG chart for them."""
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    windows = {t[:1] + t[2:] for item in checked if (t := chart_target(item))}
    sizes, started = [], time.perf_counter()
    for i in range(sample):
        fig, ax = plt.subplots(figsize=(4.4, 2))
        ax.plot(range(31), [100 + ((i * 7 + k * 13) % 11) for k in range(31)])
        ax.axvline(15, linestyle="--")
        buf = io.StringIO()
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            fig.savefig(buf, format="svg")
        plt.close(fig)
        sizes.append(len(buf.getvalue()))
    per_chart_ms = (time.perf_counter() - started) / sample * 1000
    return len(windows), per_chart_ms, statistics.mean(sizes) / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    parser.add_argument("--loads", type=int, default=3, help="browser loads to time (median reported)")
    parser.add_argument("--keep", type=Path, help="keep the report here")
    args = parser.parse_args()

    market_dir = args.shared_data / "market"
    market = MarketData.open(market_dir)
    articles = reuters_batch(args.shared_data, args.articles)
    started = time.perf_counter()
    checked = run_pipeline(articles, market, market_dir)
    pipeline_s = time.perf_counter() - started

    started = time.perf_counter()
    html = render_report(checked, {a.id: a for a in articles}, market)
    render_s = time.perf_counter() - started
    out = args.keep or Path(tempfile.mkdtemp(prefix="report-bench-")) / "report.html"
    out.write_text(html, encoding="utf-8")
    sizes = size_breakdown(html)

    loads, ready, select_ms = [], [], []
    with Chromium() as browser:
        for _ in range(args.loads):
            load = browser.open(out)
            if load.errors:
                console.print(f"[red]console errors: {load.errors[:3]}[/]")
                return 1
            loads.append(load.load_seconds)
            ready.append(browser.evaluate("performance.getEntriesByName('report-ready')[0].startTime") / 1000)
        shown = int(browser.evaluate("document.getElementById('claim-count').textContent"))
        rows = browser.evaluate("document.querySelectorAll('#claim-table tbody tr').length")
        select_ms.append(browser.evaluate(
            "(() => { const t = performance.now(); document.querySelector('mark.claim').click();"
            " return performance.now() - t; })()"))

    windows, mpl_ms, mpl_kb = matplotlib_alternative(checked)
    verdicts: dict[str, int] = {}
    for item in checked:
        verdicts[item.verdict.verdict] = verdicts.get(item.verdict.verdict, 0) + 1
    load_s, ready_s = statistics.median(loads), statistics.median(ready)
    print(f"batch: {len(articles)} Reuters wraps 2006-2009, {len(checked)} claims {verdicts}")
    print(f"pipeline (extract + check): {pipeline_s:.1f} s; report render: {render_s:.2f} s")
    print("report size: " + ", ".join(f"{k} {v:.2f} MB" for k, v in sizes.items())
          + f"  [goal < {SIZE_GOAL_MB:.0f} MB: {'met' if sizes['total'] < SIZE_GOAL_MB else 'MISSED'}]")
    print(f"browser load (navigation to load event, median of {len(loads)}): {load_s:.2f} s "
          f"(all: {', '.join(f'{x:.2f}' for x in loads)}); script ready at {ready_s:.2f} s  "
          f"[goal < {LOAD_GOAL_S:.0f} s: {'met' if load_s < LOAD_GOAL_S else 'MISSED'}]")
    print(f"claims shown {shown}, table rows {rows} (data: {len(checked)}); select a claim: {select_ms[0]:.1f} ms")
    print(f"per-claim matplotlib SVG instead: {windows} distinct windows x {mpl_ms:.0f} ms = "
          f"{windows * mpl_ms / 1000:.0f} s and x {mpl_kb:.1f} kB = {windows * mpl_kb / 1000:.1f} MB")
    print(f"report: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
