"""Draw dev_stories_mix_seed31NN: the year's unstudied price stories (analyzer audit draw's story pool), all of
them when fewer than N are left, the rest from 2007's (a year with N or more left is sampled alone); every
existing audit, corpora/test and dev/verify excluded.
Then `analyzer audit run` on the folder.

    PYTHONPATH=. python corpora/audit/dev_stories_mix_seed3106/draw_dev.py YEAR SEED OUT [EXCLUDED_AUDIT ...]
"""

import json
import random
import sys
from pathlib import Path

from analyzer import audit
from analyzer.ingest.shared_data import shared_data_dir

N = 300
FILL_YEAR = 2007


def main() -> None:
    year, seed, out = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    corp = Path("corpora")
    shared = shared_data_dir()
    sources = audit.default_exclusions(corp) + [Path(p) for p in sys.argv[4:]]
    sources = [s for s in sources if s.resolve() != out.resolve()]
    gold = audit.annotated_ids(corp)
    other = set().union(*(audit.ids_in(s) for s in sources)) - gold
    excluded = gold | other
    own = audit.candidate_pools(shared, year, excluded)["story"]
    rng = random.Random(seed)
    fill: list = []
    fill_pool: list = []
    if len(own) >= N:
        chosen = rng.sample(own, N)
    else:
        fill_pool = audit.candidate_pools(shared, FILL_YEAR, excluded)["story"]
        fill = rng.sample(fill_pool, N - len(own))
        chosen = list(own) + fill
    out.mkdir(parents=True, exist_ok=True)
    (out / "articles.jsonl").write_text("".join(
        json.dumps({"article_id": d.article_id, "pool": d.pool, "day": d.day}) + "\n" for d in chosen))
    # A year with N or more candidates left (2007 in session 32) is sampled alone: no fill, one year's counts.
    filled = bool(fill)
    fill_words = ", then 2007 to fill" if filled else ""
    rule = (f"every one of the {year} pool when fewer than {N} are left, the rest random.Random({seed}).sample of "
            f"2007's" if filled else f"random.Random({seed}).sample of {N} of the {year} pool")
    params = {"corpus": audit.CORPUS, "year": None, "years": [year] + ([FILL_YEAR] if filled else []), "n": N,
              "seed": seed, "wrap_share": 0.0,
              "pools": {"story": f"{audit.REUTERS_ALL} dated {year}{fill_words}: {audit.STORY_RULE}"},
              "pool_sizes": {"story": len(own), **({"story_2007": len(fill_pool)} if filled else {})},
              "rule": rule,
              "drawn_per_year": ({str(year): len(chosen) - len(fill), "2007": len(fill)} if filled
                                 else {str(year): len(chosen)}),
              "excluded_dev_verify_ids": len(gold), "excluded_sources": [str(s) for s in sources],
              "excluded_other_ids": len(other)}
    (out / "draw.json").write_text(json.dumps(params, indent=2) + "\n")
    print(json.dumps({k: v for k, v in params.items() if k != "excluded_sources"}, indent=1))


if __name__ == "__main__":
    main()
