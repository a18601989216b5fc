"""What grows in a worker over a long run, and what bounding it costs: one worker's loop, in this process.

    .venv/bin/python benchmarks/worker_memory.py [--articles 1200] [--zone-every 0|1|N] [--chunk 8]

Analyzes the first N pre-2010 Reuters articles in chunks as a worker does (``ArticleAnalyzer.analyze_chunk``),
with ``nlp.memory_zone()`` renewed every K chunks (``--zone-every``, 0: none; a worker's default is
``ZONE_CHUNKS``), and prints every ``--every`` articles: RSS,
the spaCy string store and vocabulary sizes, the lemmatizer's caches and the market data's caches, with the
CPU time (process_time) of the analysis. The last line is a JSON summary (with a digest of the claims, so
runs with and without zones can be compared). Not a test: machines here are shared and noisy; compare CPU.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from analyzer.ingest.shared_data import REUTERS_ALL, shared_data_dir


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sizes(analyzer) -> dict[str, int]:  # type: ignore[no-untyped-def]
    nlp, market = analyzer.nlp, analyzer.market
    out = {"strings": len(nlp.vocab.strings), "lexemes": len(nlp.vocab)}
    for name in nlp.pipe_names:
        pipe = nlp.get_pipe(name)
        for attr in ("cache", "_lemmas"):
            value = getattr(pipe, attr, None)
            if isinstance(value, dict):
                out[f"{name}.{attr}"] = len(value)
    if market is not None:
        for attr in ("_bars", "_series", "_tracks"):
            out[f"market.{attr}"] = len(getattr(market, attr, {}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir())
    parser.add_argument("--articles", type=int, default=1200)
    parser.add_argument("--skip", type=int, default=0, help="start after this many articles")
    parser.add_argument("--chunk", type=int, default=8, help="articles per chunk (a run's 64 on 2 workers: 8)")
    parser.add_argument("--zone-every", type=int, default=0, help="chunks per nlp.memory_zone() (0: none)")
    parser.add_argument("--every", type=int, default=200, help="print sizes every this many articles")
    args = parser.parse_args()

    from analyzer.engine.core import ArticleAnalyzer
    from analyzer.ingest.readers import development_articles

    articles = list(development_articles(args.shared_data / REUTERS_ALL, args.skip + args.articles))[args.skip:]
    loading = time.process_time()
    analyzer = ArticleAnalyzer(args.shared_data / "market", zone_chunks=args.zone_every)
    analyzer.warm_up()
    analyzer.analyze_chunk(articles[:4])  # first-use loading out of the timing
    loading = time.process_time() - loading  # what a recycled worker pays again
    digest, claims, cpu, done = hashlib.sha256(), 0, 0.0, 0
    start_rss = rss_mb()
    print(json.dumps({"articles": 0, "rss_mb": round(start_rss), **sizes(analyzer)}), flush=True)
    for i in range(0, len(articles), args.chunk):
        chunk = articles[i:i + args.chunk]
        started = time.process_time()
        result = analyzer.analyze_chunk(chunk)
        cpu += time.process_time() - started
        for item in result.articles:
            for claim, verdict in zip(item.claims, item.verdicts, strict=True):
                digest.update(json.dumps([claim.claim_id, claim.kind, claim.sentence,
                                          verdict.verdict if verdict else None]).encode())
                claims += 1
        before, done = done, done + len(chunk)
        if done // args.every > before // args.every:
            print(json.dumps({"articles": done, "rss_mb": round(rss_mb()), "cpu_s": round(cpu, 1),
                              **sizes(analyzer)}), flush=True)
    started = time.process_time()
    analyzer.end_zone()
    cpu += time.process_time() - started
    print(json.dumps({"summary": True, "zone_every": args.zone_every, "articles": done, "claims": claims,
                      "cpu_s": round(cpu, 1), "articles_per_cpu_s": round(done / cpu, 2),
                      "rss_start_mb": round(start_rss), "start_cpu_s": round(loading, 1), "rss_end_mb": round(rss_mb()),
                      "digest": digest.hexdigest()[:16], **sizes(analyzer)}), flush=True)


if __name__ == "__main__":
    main()
