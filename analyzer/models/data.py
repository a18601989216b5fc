"""Training sentences for the claim classifier, weakly labelled by the rule extractors.

Sources (``corpora/README.md`` and the shared data README): Reuters 2006-2009 (market wraps and a
random draw of all other stories) and the 2025-02 TradingView wire items. Reuters stories dated
2010-01-01 or later and the 1987 Reuters-21578 set are reserved for blind evaluation and never read
here; articles of the hand-checked dev set are left out so that it stays a measurement.

Each article runs through the real extraction pipeline; every candidate sentence (an instrument, a
number or a policy word) becomes one example, labelled with the kind and modality of the rule
claims in it, else by the sentence cues of ``analyzer.models.labels``.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.errors import InputError
from analyzer.ingest.readers import RESERVED_FROM_DAY
from analyzer.ingest.shared_data import REUTERS_ALL, REUTERS_WRAPS, TRADINGVIEW, read_dump
from analyzer.models.labels import weak_kind_label
from analyzer.records import Article

HELD_OUT_REUTERS_YEAR = 2008  # the test split's Reuters year (corpora/README.md): never trained on


@dataclass(frozen=True)
class Example:
    text: str
    kind: str  # a KIND_LABELS entry
    modality: str | None  # of the sentence's first claim; None for a claim-free sentence
    source: str  # corpus:article id, for splits and the model card
    weight: float = 1.0


def _rank(seed: int, key: str) -> str:
    return hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()


def _read_jsonl_gz(path: Path) -> Iterator[dict[str, Any]]:
    return read_dump(path, "the training data is drawn from it")


def _seeded_draw(rows: Iterable[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` rows drawn uniformly at random (seeded) from a stream, in one pass and bounded memory."""
    if n <= 0:
        return []
    return heapq.nsmallest(n, rows, key=lambda r: _rank(seed, str(r["id"])))


def reuters_articles(shared_data: Path, n_wraps: int, n_other: int, seed: int,
                     exclude: set[str] = frozenset()) -> list[Article]:
    """Reuters 2006-2009 stories: ``n_wraps`` market wraps and ``n_other`` stories of any kind."""
    def eligible(rows: Iterable[dict[str, Any]], skip: set[str]) -> Iterator[dict[str, Any]]:
        for row in rows:
            # the reserved blind-evaluation years are never looked at, and the held-out test year never trained on
            day = int(str(row.get("day") or "99999999"))
            if day >= RESERVED_FROM_DAY or day // 10000 == HELD_OUT_REUTERS_YEAR:
                continue
            if row["id"] in exclude or row["id"] in skip or not (row.get("body") or "").strip():
                continue
            yield row

    wraps = _seeded_draw(eligible(_read_jsonl_gz(shared_data / REUTERS_WRAPS), set()), n_wraps, seed)
    taken = {row["id"] for row in wraps}
    others = _seeded_draw(eligible(_read_jsonl_gz(shared_data / REUTERS_ALL), taken), n_other, seed)
    return [Article(id=f"reuters:{row['id']}", text=row["body"], title=row.get("title")) for row in wraps + others]


def tradingview_articles(shared_data: Path, n: int, seed: int, exclude: set[str] = frozenset(),
                         exclude_sources: set[str] = frozenset()) -> list[Article]:
    """2025-02 TradingView wire items with a body (flash headlines have none), none of ``exclude_sources``."""
    rows = (r for r in _read_jsonl_gz(shared_data / TRADINGVIEW)
            if (r.get("text") or "").strip() and r["id"] not in exclude and r.get("source") not in exclude_sources)
    return [Article(id=f"tradingview:{row['id']}", text=row["text"], title=row.get("title"))
            for row in _seeded_draw(rows, n, seed)]


def held_out_sources(shared_data: Path, test_files: Iterable[Path]) -> set[str]:
    """The outlets of the TradingView items in the held-out test split: whole outlets are held out, so no item
    of theirs may be trained on. Refuses to guess when the test split is not there."""
    ids: set[str] = set()
    files = list(test_files)
    if not files:
        raise InputError("the held-out test split (corpora/test/*.jsonl) was not found: training must leave its "
                         "outlets out, so it needs the split to know them")
    for path in files:
        with path.open(encoding="utf-8") as handle:
            ids.update(json.loads(line)["article_id"] for line in handle
                       if line.strip() and '"tradingview_2025_02"' in line)
    return {r["source"] for r in _read_jsonl_gz(shared_data / TRADINGVIEW) if r["id"] in ids and r.get("source")}


def weak_examples(articles: list[Article], progress: Callable[[int], None] | None = None,
                  batch_size: int = 16) -> list[Example]:
    """Run the rule pipeline (without the classifier) and label each candidate sentence."""
    from analyzer.extract.classifier import candidate_sentences
    from analyzer.extract.pipeline import load_pipeline

    nlp = load_pipeline(classifier="off")
    out: list[Example] = []

    def docs() -> Iterator[Any]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.article_id = article.id
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        out.extend(_sentence_examples(doc, candidate_sentences))
        if progress is not None:
            progress(1)
    return out


def _sentence_examples(doc: Any, candidate_sentences: Callable[[Any], list[Any]]) -> list[Example]:
    """One weakly labelled example per candidate sentence of a processed doc."""
    claims_at: dict[int, list[Any]] = {}
    for claim in doc._.claims or []:
        claims_at.setdefault(claim.char_start, []).append(claim)
    out: list[Example] = []
    for sentence in candidate_sentences(doc):
        text = sentence.text.strip()
        if len(text) < 12:
            continue
        claims = sorted(claims_at.get(sentence.start_char, []), key=lambda c: c.span_start or 0)
        label = weak_kind_label([c.kind for c in claims], text)
        modality = claims[0].modality if claims else None
        out.append(Example(text=text, kind=label, modality=modality, source=doc._.article_id))
    return out


def sample_examples(examples: list[Example], limit: int | None, seed: int) -> list[Example]:
    """At most ``limit`` examples, seeded; every sentence with a claim is kept before claim-free ones."""
    unique: dict[str, Example] = {}
    for example in examples:  # wires repeat boilerplate sentences: keep one of each text
        unique.setdefault(example.text, example)
    examples = list(unique.values())
    if limit is None or len(examples) <= limit:
        return examples
    ranked = sorted(examples, key=lambda e: (e.modality is None, _rank(seed, e.text)))
    return ranked[:limit]
