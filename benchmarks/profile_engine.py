"""CPU time and a cProfile of our extract + check with 1 worker, on a fixed sample of Reuters articles.

    .venv/bin/python benchmarks/profile_engine.py [--articles 100] [--skip 300] [--profile OUT.prof]

Loads the pipeline and warms it up on other articles first; prints the CPU time of ``engine.analyze`` on the
sample and a digest of the checked claims (to compare before and after a change), and with ``--profile``
writes a cProfile of that call. Not a test: machines here are shared and noisy; CPU time is steadier.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import time
from pathlib import Path

from analyzer.ingest.shared_data import REUTERS_ALL, shared_data_dir

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--skip", type=int, default=0, help="start after this many articles")
    parser.add_argument("--repeat", type=int, default=1, help="time the sample this many times (the least counts)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one pass here")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    from analyzer.engine import open_engine
    from analyzer.ingest.readers import development_articles

    articles = list(development_articles(args.shared_data / REUTERS_ALL, args.skip + args.articles + 16))
    warm, sample = articles[:16], articles[args.skip + 16:]
    with open_engine(args.shared_data / "market", 1, "local") as engine:
        engine.analyze(warm)
        times = []
        for _ in range(args.repeat):
            cpu, wall = time.process_time(), time.perf_counter()
            result = engine.analyze(sample)
            times.append((time.process_time() - cpu, time.perf_counter() - wall))
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            engine.analyze(sample)
            profiler.disable()
            profiler.dump_stats(str(args.profile))
    digest = hashlib.sha1("\n".join(json.dumps(c.to_dict(), sort_keys=True) for c in result).encode()).hexdigest()
    print(f"{len(sample)} articles, {len(result)} claims, digest {digest[:12]}; CPU "
          + ", ".join(f"{c:.2f}" for c, _ in times) + " s; wall " + ", ".join(f"{w:.2f}" for _, w in times) + " s")
    if args.profile:
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
