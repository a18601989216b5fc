"""Ingest throughput and memory: the full 106,520-article Reuters 2006-2013 dump into a fresh store.

    .venv/bin/python benchmarks/ingest_bench.py [--limit N] [--db PATH] [--shared-data DIR]

Ingest only (read, normalise, content hash, MinHash, near-duplicate lookup, one transaction per
article); no claims are extracted, so the reserved 2010+ articles are stored but never annotated.
Prints articles/s and peak RSS, and RSS every 10,000 articles to show it stays flat: the dump is
streamed, and near-duplicate candidates are looked up in the store's LSH band table, not in memory.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from analyzer.ingest.pipeline import Ingestor
from analyzer.store import Store

REPO = Path(__file__).resolve().parent.parent
TOTAL = 106_520


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--db", type=Path, default=None, help="store file (default: a temporary one)")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many articles")
    args = parser.parse_args()
    dump = args.shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        store = Store.open(str(db))
        samples: list[tuple[int, float, float]] = []
        started = time.perf_counter()
        total = min(args.limit or TOTAL, TOTAL)
        columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns) as progress:
            task = progress.add_task("ingest", total=total)
            seen = 0

            class Done(Exception):
                pass

            def tick(_source: str) -> None:
                nonlocal seen
                seen += 1
                progress.advance(task)
                if seen % 10_000 == 0:
                    samples.append((seen, time.perf_counter() - started, rss_mb()))
                if args.limit and seen >= args.limit:
                    raise Done

            ingestor = Ingestor(store, on_article=tick)
            try:
                summary = ingestor.run([str(dump)])
            except Done:
                ingestor._flush()  # store the batch in hand, as the end of a run would
                summary = ingestor.summary
        elapsed = time.perf_counter() - started
        counts = store.counts()
        size_mb = db.stat().st_size / 1e6
        store.close()
    print(f"articles read: {seen:,} in {elapsed:.1f} s = {seen / elapsed:,.0f} articles/s")
    print(f"stored: {counts['articles']:,} ({summary.new:,} new, {summary.duplicates['content']:,} same text, "
          f"{summary.duplicates['near']:,} near-duplicates linked, {summary.already_stored:,} repeated items)")
    print(f"database: {size_mb:,.0f} MB")
    print("RSS by articles read (MB): " + ", ".join(f"{n // 1000}k {mb:.0f}" for n, _, mb in samples))
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
