"""The parse gate's recall on every annotated claim, and the share of sentences and words it keeps.

    .venv/bin/python benchmarks/gate_recall.py [--shared-data ../shared/data] [GOLD.jsonl ...]

A gold claim counts as kept when its whole sentence lies inside the text the gate hands to the parser
(analyzer/extract/gate.py). Defaults to every file of corpora/dev and corpora/verify. Goal: recall >= 0.995.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from analyzer.evaluate import GoldSentence, load_gold_files
from analyzer.extract import load_pipeline
from analyzer.extract.gate import GateStats, SentenceGate
from analyzer.ingest.readers import development_articles
from analyzer.ingest.shared_data import shared_data_dir

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=300,
                        help="also report the share kept on this many Reuters 2006-2009 articles (the benchmark's)")
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    args = parser.parse_args()
    console = Console(stderr=True)
    files = args.gold or sorted((REPO / "corpora" / "dev").glob("*.jsonl")) + sorted(
        (REPO / "corpora" / "verify").glob("*.jsonl"))
    golds = load_gold_files(files, args.shared_data)
    gate = SentenceGate(load_pipeline(market_dir=str(args.shared_data / "market")))
    by_article: dict[tuple[str, str], list[GoldSentence]] = {}
    for gold in golds:
        by_article.setdefault((gold.corpus, gold.article.id), []).append(gold)
    claims = kept_claims = sentences = kept_sentences = words = kept_words = 0
    for (corpus, article_id), items in by_article.items():
        _, text_map, stats = gate.reduce(items[0].article.text)
        sentences, kept_sentences = sentences + stats.sentences, kept_sentences + stats.kept_sentences
        words, kept_words = words + stats.words, kept_words + stats.kept_words
        for gold in items:
            kept = text_map.covers(gold.char_start, gold.char_end)
            claims += len(gold.claims)
            kept_claims += len(gold.claims) if kept else 0
            if gold.claims and not kept:
                console.print(f"[yellow]missed[/] {corpus} {article_id} {gold.char_start}-{gold.char_end} "
                              f"({', '.join(c.kind for c in gold.claims)})")
    print(f"{len(by_article)} articles, {claims} gold claims: gate recall {kept_claims / max(claims, 1):.4f} "
          f"({kept_claims}/{claims}); kept {kept_sentences / max(sentences, 1):.1%} of {sentences} sentences, "
          f"{kept_words / max(words, 1):.1%} of {words} words")
    if args.articles:
        path = args.shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
        stats = [gate.reduce(a.text)[2] for a in development_articles(path, args.articles)]
        print(f"{len(stats)} Reuters 2006-2009 articles: kept {share(stats, 'kept_sentences', 'sentences')} of "
              f"sentences, {share(stats, 'kept_words', 'words')} of words")


def share(stats: list[GateStats], part: str, whole: str) -> str:
    return f"{sum(getattr(s, part) for s in stats) / max(sum(getattr(s, whole) for s in stats), 1):.1%}"


if __name__ == "__main__":
    main()
