"""The parse gate's recall on every annotated claim, and the share of sentences and words it keeps.

    .venv/bin/python benchmarks/gate_recall.py [--shared-data ../shared/data] [GOLD.jsonl ...]

A gold claim counts as kept when its whole sentence lies inside the text the gate hands to the parser
(analyzer/extract/gate.py), measured on what the pipeline parses (``pipeline.gated_segments``: the text
sentence-cased and cut in parts as ``extract_claims`` does). Defaults to every file of corpora/dev and
corpora/verify. Goal: recall >= 0.995.
With ``--aggregate`` (for a held-out split, whose sentences nobody may study) the dropped claims are counted by
kind and by the cues the gate saw in their sentences, and no sentence or offset is printed.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rich.console import Console

from analyzer.evaluate import GoldSentence, load_gold_files
from analyzer.extract import load_pipeline
from analyzer.extract.gate import Cues, GateStats, SentenceGate, TextMap
from analyzer.extract.pipeline import gated_segments
from analyzer.ingest.readers import development_articles
from analyzer.ingest.shared_data import shared_data_dir

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--articles", type=int, default=300,
                        help="also report the share kept on this many Reuters 2006-2009 articles (the benchmark's)")
    parser.add_argument("--aggregate", action="store_true",
                        help="count dropped claims by kind and cues instead of naming their sentences")
    parser.add_argument("--shared-data", type=Path,
                        default=shared_data_dir(beside=REPO))
    args = parser.parse_args()
    console = Console(stderr=True)
    files = args.gold or sorted((REPO / "corpora" / "dev").glob("*.jsonl")) + sorted(
        (REPO / "corpora" / "verify").glob("*.jsonl"))
    golds = load_gold_files(files, args.shared_data)
    nlp = load_pipeline(market_dir=str(args.shared_data / "market"))
    gate = SentenceGate(nlp)  # for the cues of the sentences it drops
    by_article: dict[tuple[str, str], list[GoldSentence]] = {}
    for gold in golds:
        by_article.setdefault((gold.corpus, gold.article.id), []).append(gold)
    claims = kept_claims = sentences = kept_sentences = words = kept_words = 0
    dropped: Counter[tuple[str, str]] = Counter()
    for (corpus, article_id), items in by_article.items():
        parts = gated_segments(items[0].article, nlp)
        maps = [segment.text_map for segment, _ in parts]
        if args.aggregate:
            dropped.update(dropped_by_cues(gate, items, maps))
        for _, stats in parts:
            sentences, kept_sentences = sentences + stats.sentences, kept_sentences + stats.kept_sentences
            words, kept_words = words + stats.words, kept_words + stats.kept_words
        for gold in items:
            kept = covered(maps, gold.char_start, gold.char_end)
            claims += len(gold.claims)
            kept_claims += len(gold.claims) if kept else 0
            if gold.claims and not kept and not args.aggregate:
                console.print(f"[yellow]missed[/] {corpus} {article_id} {gold.char_start}-{gold.char_end} "
                              f"({', '.join(c.kind for c in gold.claims)})")
    print(f"{len(by_article)} articles, {claims} gold claims: gate recall {kept_claims / max(claims, 1):.4f} "
          f"({kept_claims}/{claims}); kept {kept_sentences / max(sentences, 1):.1%} of {sentences} sentences, "
          f"{kept_words / max(words, 1):.1%} of {words} words")
    for (kind, cues), count in sorted(dropped.items(), key=lambda item: (item[0][0], -item[1])):
        print(f"dropped {kind}: {count} with cues {cues}")
    if args.articles:
        path = args.shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
        stats = [part for a in development_articles(path, args.articles) for _, part in gated_segments(a, nlp)]
        print(f"{len(stats)} Reuters 2006-2009 articles: kept {share(stats, 'kept_sentences', 'sentences')} of "
              f"sentences, {share(stats, 'kept_words', 'words')} of words")


def covered(maps: list[TextMap], start: int, end: int) -> bool:
    """Whether the article range [start, end) lies whole inside the parsed text of one of its segments."""
    return any(text_map.covers(start, end) for text_map in maps)


def dropped_by_cues(gate: SentenceGate, items: list[GoldSentence], maps: list[TextMap]) -> Counter[tuple[str, str]]:
    """The gold claims of one article the gate leaves out, by kind and the cues of their rule sentences."""
    split = None
    counts: Counter[tuple[str, str]] = Counter()
    for gold in items:
        if not gold.claims or covered(maps, gold.char_start, gold.char_end):
            continue
        if split is None:
            split = gate.sentences(gold.article.text)
            cues = gate.cues(split)
        starts = [int(s) for s in split.char_starts]
        seen = Cues(0)
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(gold.article.text)
            if start < gold.char_end and end > gold.char_start:
                seen |= cues[i]
        names = "+".join(sorted(str(flag.name) for flag in Cues if flag in seen)) or "none"
        counts.update((claim.kind, names) for claim in gold.claims)
    return counts


def share(stats: list[GateStats], part: str, whole: str) -> str:
    return f"{sum(getattr(s, part) for s in stats) / max(sum(getattr(s, whole) for s in stats), 1):.1%}"


if __name__ == "__main__":
    main()
