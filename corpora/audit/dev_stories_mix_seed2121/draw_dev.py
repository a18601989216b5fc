"""Draw a development study like dev_stories_mix_seed2121 (README.md): 300 Reuters price stories of 2006, 2007 and
2009 nobody studied, and any qualifying 2025-02 dev-outlet TradingView item nobody studied. The rule
dev_stories_mix_seed2020 was drawn with, the seed and the output folder as arguments (that study's draw_dev.py runs
this one with seed 2020); the folder's own articles.jsonl is the only corpus file not excluded (so
dev_stories_mix_seed2020's 300 are left out).

    PYTHONPATH=. python corpora/audit/dev_stories_mix_seed2121/draw_dev.py --seed 2121 \
        --out corpora/audit/dev_stories_mix_seed2121
    analyzer audit run corpora/audit/dev_stories_mix_seed2121

Writes articles.jsonl (ids, pool, day) and draw.json (the rule); `analyzer audit run` then checks the articles and
stores the verdicts. Only development years and outlets are read: never 2008, never 2010 on, never a held-out outlet.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from analyzer.audit import (
    CORPUS,
    _dump_rows,
    _year_rows,
    is_price_story,
    is_tv_price_item,
    listings,
)
from analyzer.ingest.shared_data import REUTERS_ALL, REUTERS_WRAPS, TRADINGVIEW, shared_data_dir

SEED = 2121
N = 300
YEARS = (2006, 2007, 2009)
DEV_OUTLETS = ("Reuters", "MT Newswires")
HERE = Path(__file__).resolve().parent
CORPORA = HERE.parents[1]


def studied_ids(out: Path) -> set[str]:
    """Every article id of a corpus file: corpora/**/*.jsonl (audits' articles.jsonl, agreement, dev, train, ...),
    less the output folder's own files (a re-draw must not exclude itself)."""
    ids: set[str] = set()
    for path in CORPORA.rglob("*.jsonl"):
        if out in path.parents:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if isinstance(row, dict) and row.get("article_id"):
                    ids.add(str(row["article_id"]))
    return ids


def earlier_dev_draws(shared: Path, pools: dict[int, list[dict]]) -> set[str]:
    """The Reuters draws of the studies that kept no articles.jsonl (dev_wire_hours' draw_dev.py, seeds 6 and 7;
    dev_wire_periods' 400 2006 stories, seed 1), re-drawn from today's pools: best effort, the pools may differ."""
    taken: set[str] = set()
    first = random.Random(6)
    first.sample(range(452), 240)  # the 240 TradingView items come first in that draw
    for year in YEARS:
        taken |= {r["id"] for r in first.sample(pools[year], 20)}
    second = random.Random(7)
    for year in YEARS:
        wraps = sorted((r for r in _year_rows(shared / REUTERS_WRAPS, year) if r["id"] not in taken),
                       key=lambda r: r["id"])
        stories = [r for r in pools[year] if r["id"] not in taken]
        taken |= {r["id"] for r in second.sample(wraps, 15) + second.sample(stories, 50)}
    taken |= {r["id"] for r in random.Random(1).sample(pools[2006], 400)}
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=HERE, help="the study's folder (articles.jsonl, draw.json)")
    args = parser.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    shared = shared_data_dir()
    excluded = studied_ids(out)
    listed = listings(shared)
    wire = sorted((r for r in _dump_rows(shared / TRADINGVIEW) if r.get("source") in DEV_OUTLETS
                   and is_tv_price_item(str(r.get("title") or ""), str(r.get("text") or ""), listed)),
                  key=lambda r: r["id"])
    wraps = {r["id"] for year in YEARS for r in _year_rows(shared / REUTERS_WRAPS, year)}
    pools = {year: sorted((r for r in _year_rows(shared / REUTERS_ALL, year)
                           if r["id"] not in wraps and is_price_story(r["body"])), key=lambda r: r["id"])
             for year in YEARS}
    excluded |= earlier_dev_draws(shared, pools)
    # every qualifying dev-outlet item was run by dev_wire_periods (452 items, 2025-02); only a newer one is fresh
    fresh_wire = [r for r in wire if r["id"] not in excluded] if len(wire) > 452 else []
    story_pool = sorted((r for year in YEARS for r in pools[year] if r["id"] not in excluded), key=lambda r: r["id"])
    rng = random.Random(args.seed)
    stories = rng.sample(story_pool, N - len(fresh_wire))
    rows = [{"article_id": r["id"], "pool": "story", "day": str(r["day"])} for r in stories]
    (out / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    draw = {"corpus": CORPUS, "year": None, "years": list(YEARS), "n": N, "seed": args.seed, "wrap_share": 0.0,
            "pools": {"story": f"{REUTERS_ALL} dated {', '.join(map(str, YEARS))}: not a market wrap; "
                               "analyzer.audit.is_price_story"},
            "pool_sizes": {"story": len(story_pool), "dev_outlet_wire_qualifying": len(wire),
                           "dev_outlet_wire_fresh": len(fresh_wire)},
            "per_year_pool": {str(y): len(pools[y]) for y in YEARS},
            "excluded_other_ids": len(excluded),
            "drawn_per_year": {str(y): sum(1 for r in stories if str(r["day"]).startswith(str(y))) for y in YEARS}}
    (out / "draw.json").write_text(json.dumps(draw, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(draw, indent=2))


if __name__ == "__main__":
    main()
