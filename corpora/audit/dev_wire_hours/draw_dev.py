"""Draw the development items of the hours study (corpora/audit/dev_wire_hours/README.md) and write them, outside
the repository, as a JSONL dump `analyzer check` reads; then list the `contradicted` verdicts of a check run.

    python corpora/audit/dev_wire_hours/draw_dev.py draw OUT_DIR      # OUT_DIR/items.jsonl, OUT_DIR/ids.txt
    analyzer check OUT_DIR/items.jsonl --market ../shared/data/market --out OUT_DIR/claims.jsonl -q
    python corpora/audit/dev_wire_hours/draw_dev.py review OUT_DIR    # OUT_DIR/review.md, OUT_DIR/verdicts.jsonl
    python corpora/audit/dev_wire_hours/draw_dev.py draw-reuters OUT2 OUT_DIR/ids.txt   # the second draw

Only development outlets and years: the 2025-02 TradingView items of Reuters and MT Newswires, and Reuters
2006, 2007 and 2009 price stories. Article text stays in OUT_DIR, never in the repository.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from analyzer.audit import (
    _dump_rows,
    _year_rows,
    is_price_story,
    is_tv_price_item,
    listings,
)
from analyzer.ingest.shared_data import REUTERS_ALL, REUTERS_WRAPS, TRADINGVIEW, shared_data_dir

DEV_OUTLETS = ("Reuters", "MT Newswires")
TV_ITEMS = 240
REUTERS_PER_YEAR = 20
SEED = 6
NEW_YORK = ZoneInfo("America/New_York")


def draw(shared: Path, out: Path) -> None:
    listed = listings(shared)
    pool = sorted((row for row in _dump_rows(shared / TRADINGVIEW)
                   if row.get("source") in DEV_OUTLETS and is_tv_price_item(str(row.get("title") or ""),
                                                                            str(row.get("text") or ""), listed)),
                  key=lambda r: r["id"])
    rng = random.Random(SEED)
    rows = rng.sample(pool, TV_ITEMS)
    for year in (2006, 2007, 2009):
        stories = sorted((r for r in _year_rows(shared / REUTERS_ALL, year) if is_price_story(r["body"])),
                         key=lambda r: r["id"])
        rows += rng.sample(stories, REUTERS_PER_YEAR)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "items.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "ids.txt").write_text("".join(r["id"] + "\n" for r in rows))
    print(f"{len(pool)} qualifying dev-outlet items; wrote {len(rows)} articles to {out / 'items.jsonl'}")


def draw_reuters(shared: Path, out: Path, first: Path) -> None:
    """The second, Reuters-only draw (seed 7): 15 wraps and 50 price stories of each of 2006, 2007 and 2009, none of
    them in the first draw (``first``: its ids.txt)."""
    taken = set(first.read_text().split())
    rng = random.Random(7)
    rows: list[dict] = []
    for year in (2006, 2007, 2009):
        wraps = sorted((r for r in _year_rows(shared / REUTERS_WRAPS, year) if r["id"] not in taken),
                       key=lambda r: r["id"])
        wrap_ids = {r["id"] for r in wraps}
        stories = sorted((r for r in _year_rows(shared / REUTERS_ALL, year) if r["id"] not in taken | wrap_ids
                          and is_price_story(r["body"])), key=lambda r: r["id"])
        rows += rng.sample(wraps, 15) + rng.sample(stories, 50)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "items.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles to {out / 'items.jsonl'}")


def review(out: Path) -> None:
    from analyzer.ingest.readers import article_from_row

    articles = {}
    for line in (out / "items.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = article_from_row(row, row["id"])
        articles[article.id] = (article, row)
    lines, verdicts = [], []
    for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        if claim.get("verdict") != "contradicted":
            continue
        article, row = articles[claim["article_id"]]
        when = article.published.astimezone(NEW_YORK) if isinstance(article.published, datetime) else None
        verdicts.append({k: claim.get(k) for k in ("claim_id", "article_id", "char_start", "char_end", "kind")} |
                        {"symbol": (claim.get("instrument") or {}).get("symbol"), "session": claim.get("session"),
                         "published_et": when.isoformat() if when else None, "source": row.get("source")})
        lines += [f"## {claim['claim_id']} {claim['article_id']} {claim['char_start']}-{claim['char_end']} "
                  f"[{row.get('source')}] {when:%a %Y-%m-%d %H:%M ET}" if when else "## (no time)",
                  f"title: {article.title}", f"sentence: {claim.get('sentence')}",
                  f"claim: {claim['kind']} {(claim.get('instrument') or {}).get('symbol')} {claim.get('direction')} "
                  f"{claim.get('stated')} period={claim.get('period')} session={claim.get('session')}",
                  f"explanation: {claim.get('explanation')}", ""]
    (out / "review.md").write_text("\n".join(lines), encoding="utf-8")
    with open(out / "verdicts.jsonl", "w", encoding="utf-8") as handle:
        for v in verdicts:
            handle.write(json.dumps(v) + "\n")
    print(f"{len(verdicts)} contradicted verdicts -> {out / 'review.md'}")


if __name__ == "__main__":
    command, where = sys.argv[1], Path(sys.argv[2])
    shared_dir = Path(shared_data_dir())
    {"draw": lambda: draw(shared_dir, where), "review": lambda: review(where),
     "draw-reuters": lambda: draw_reuters(shared_dir, where, Path(sys.argv[3]))}[command]()
