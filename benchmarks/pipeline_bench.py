"""Throughput: the full pipeline (extract + check) vs the bare spaCy pipeline on the same articles.

    .venv/bin/python benchmarks/pipeline_bench.py [--shared-data ../shared/data] [--articles 1000]

Reads 2006-2009 Reuters articles from the shared data at run time and prints articles/s, words/s and
the ratio of full to bare. Not a test: machines here are shared and noisy.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from rich.console import Console
from rich.progress import track

from analyzer.check import check_claims
from analyzer.extract import extract_claims, load_pipeline, model_name
from analyzer.ingest.readers import development_articles
from analyzer.market import MarketData
from analyzer.records import Article

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared-data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    console = Console()
    articles = first_articles(args.shared_data, args.articles)
    words = sum(len(a.text.split()) for a in articles)
    console.print(f"{len(articles)} Reuters articles (2006-2009), {words:,} words")

    bare = spacy.load(model_name())
    start = time.perf_counter()
    for _ in track(bare.pipe((a.text for a in articles), batch_size=32), total=len(articles),
                   description="bare spaCy", console=console):
        pass
    bare_s = time.perf_counter() - start

    market = MarketData.open(args.shared_data / "market")
    nlp = load_pipeline(market_dir=str(market.directory))
    by_id = {a.id: a for a in articles}
    start = time.perf_counter()
    claims = []
    for i in track(range(0, len(articles), 64), description="full pipeline", console=console):
        batch = articles[i:i + 64]
        claims.extend(check_claims(extract_claims(batch, nlp), market, by_id))
    full_s = time.perf_counter() - start

    for label, seconds in (("bare spaCy", bare_s), ("full pipeline", full_s)):
        console.print(f"{label:14s} {seconds:7.1f} s  {len(articles) / seconds:7.1f} articles/s  "
                      f"{words / seconds:9.0f} words/s")
    console.print(f"ratio full/bare time: {full_s / bare_s:.2f}x; claims: {len(claims)}")


def first_articles(shared: Path, limit: int) -> list[Article]:
    path = shared / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    return list(development_articles(path, limit))


if __name__ == "__main__":
    main()
