"""Render the seed article's report through the real pipeline and screenshot it in headless Chromium.

    .venv/bin/python scripts/screenshot_report.py [--shared-data DIR] [--out seed_report.png]

The seed text is read from ../shared/seeds at run time (it is not ours to copy into the repo); the
report and the PNG are written outside the repo unless --out/--html say otherwise. The page opens
with the first contradicted claim selected, so its panel and price chart are in the picture.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED_NAME = "000_0a9a38c1a6e99c6d.txt"
SEED_PUBLISHED = "2025-08-26T20:00:00-04:00"  # after the close, per the seeds README


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared-data", type=Path,
                        default=Path(os.environ.get("ANALYZER_SHARED_DATA", REPO.parent / "shared" / "data")))
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "seed_report.png")
    parser.add_argument("--html", type=Path, default=None, help="also keep the report here")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=2200)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    from analyzer.check import check_claims
    from analyzer.extract import extract_claims, load_pipeline
    from analyzer.market import MarketData
    from analyzer.records import Article
    from analyzer.report.browser import CHROMIUM_FLAGS, find_chromium
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

    article = Article(id=seed.stem, text=seed.read_text(encoding="utf-8"),
                      published=datetime.fromisoformat(SEED_PUBLISHED), source="seed article",
                      title="Small caps lead the rally; Boeing's Korean Air order (seed article)")
    market = MarketData.open(market_dir)
    checked = check_claims(extract_claims([article], load_pipeline(market_dir=str(market_dir))), market,
                           {article.id: article})
    html_path = args.html or args.out.with_suffix(".html")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    write_report(html_path, checked, {article.id: article}, market)

    chosen = next((c for c in checked if c.verdict.verdict == "contradicted"), checked[0] if checked else None)
    url = html_path.resolve().as_uri() + (f"#claim={chosen.claim.claim_id}" if chosen else "")
    with tempfile.TemporaryDirectory(prefix="analyzer-shot-") as profile:
        done = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                               f"--window-size={args.width},{args.height}",
                               f"--screenshot={args.out.resolve()}", url],
                              capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not args.out.is_file():
        print(f"chromium failed ({done.returncode}): {done.stderr[-800:]}", file=sys.stderr)
        return 1
    counts: dict[str, int] = {}
    for item in checked:
        counts[item.verdict.verdict] = counts.get(item.verdict.verdict, 0) + 1
    print(f"{len(checked)} claims {counts}; report {html_path}; screenshot {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
