"""Labelled story pairs from the 2025-02 TradingView items, and the embedding similarity threshold.

Two sources of labels, both built at run time from the shared data (no text in the repository):

* ``same_story`` pairs, built here: two items from different outlets published within 36 hours
  whose headlines share most of their content words (at least 60% of the shorter headline's words,
  at least three, one of them a rare word such as a name) are the same story; two items from
  different outlets on the same day whose headlines share no content word are different stories,
  plus (a third as many) pairs sharing exactly one headline word, so that the negatives are not all
  trivially apart. Only the bodies' leads are embedded, not the headlines the labels come from.
* ``copies``: the ingest stage's hand-labelled pairs (``tests/ingest/data/near_dup_pairs.csv``,
  copy or light edit vs not), when that file is present.

The threshold is chosen on one half of the pairs (seeded split) and reported on the other.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.embeddings import article_text_for_similarity, embed_texts
from analyzer.models.data import TRADINGVIEW, _read_jsonl_gz

REPO = Path(__file__).resolve().parents[2]
COPY_PAIRS = REPO / "tests" / "ingest" / "data" / "near_dup_pairs.csv"
STOPWORDS = frozenset({"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "as", "at", "by", "with",
                       "from", "after", "before", "over", "under", "amid", "into", "its", "it", "is", "are",
                       "was", "were", "be", "been", "has", "have", "had", "will", "would", "says", "said", "say",
                       "new", "us", "u.s.", "update", "brief"})
WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9&'.-]*")
# a headline word used by at most this many items names something (a company, a person), not a topic
RARE_WORD_ITEMS = 20


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    same: bool
    source: str  # same_story | copies


def title_words(title: str) -> set[str]:
    return {w.lower().strip(".'") for w in WORD_RE.findall(title or "")} - STOPWORDS


def _hash(seed: int, *parts: str) -> int:
    return int(hashlib.sha1(":".join((str(seed),) + parts).encode()).hexdigest()[:12], 16)


def load_items(shared_data: Path) -> dict[str, dict[str, Any]]:
    items = {}
    for row in _read_jsonl_gz(shared_data / TRADINGVIEW):
        if len((row.get("text") or "").strip()) >= 200:
            row["when"] = datetime.fromisoformat(row["published"])
            items[row["id"]] = row
    return items


def same_story_pairs(items: dict[str, dict[str, Any]], n: int, seed: int) -> list[Pair]:
    rows = sorted(items.values(), key=lambda r: r["when"])
    words = {r["id"]: title_words(r["title"]) for r in rows}
    positives, hard = _sharing_pairs(rows, words)
    negatives = _unrelated_pairs(rows, words, n, seed)

    def draw(pairs: list[Pair], k: int) -> list[Pair]:
        return sorted(pairs, key=lambda p: _hash(seed, p.a, p.b))[:k]

    return draw(positives, n) + draw(hard, n // 3) + draw(negatives, n - n // 3)


def _apart(a: dict[str, Any], b: dict[str, Any], hours: int) -> bool:
    return abs(b["when"] - a["when"]) > timedelta(hours=hours)


def _sharing_pairs(rows: list[dict[str, Any]], words: dict[str, set[str]]) -> tuple[list[Pair], list[Pair]]:
    """Positives (most headline words shared, one of them rare, within 36 hours) and hard negatives (one word
    shared, within a day), from different outlets; found through an index of the words, common words skipped."""
    by_id = {r["id"]: r for r in rows}
    postings: dict[str, list[str]] = {}
    for r in rows:
        for w in words[r["id"]]:
            postings.setdefault(w, []).append(r["id"])
    shared_count: Counter[tuple[str, str]] = Counter()
    for ids in postings.values():
        if len(ids) <= 150:
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    shared_count[(a, b) if a < b else (b, a)] += 1
    positives, hard = [], []
    for a, b in shared_count:  # pairs sharing a word that is not common; count every shared word
        ra, rb = by_id[a], by_id[b]
        common = words[a] & words[b]
        if ra["source"] == rb["source"]:
            continue
        if (len(common) >= 3 and len(common) >= 0.6 * min(len(words[a]), len(words[b])) and not _apart(ra, rb, 36)
                and any(len(postings[w]) <= RARE_WORD_ITEMS for w in common)):
            positives.append(Pair(a, b, True, "same_story"))
        elif len(common) == 1 and not _apart(ra, rb, 24):
            hard.append(Pair(a, b, False, "same_story"))
    return positives, hard


def _unrelated_pairs(rows: list[dict[str, Any]], words: dict[str, set[str]], n: int, seed: int) -> list[Pair]:
    """Negatives: random same-day pairs from different outlets with no headline word in common."""
    rng = np.random.default_rng(seed)
    negatives: list[Pair] = []
    tries = 0
    while len(negatives) < n and tries < 200 * n:
        tries += 1
        i = int(rng.integers(len(rows)))
        j = min(len(rows) - 1, i + int(rng.integers(1, 400)))
        ra, rb = rows[i], rows[j]
        if ra["source"] != rb["source"] and not _apart(ra, rb, 24) and not words[ra["id"]] & words[rb["id"]]:
            negatives.append(Pair(ra["id"], rb["id"], False, "same_story"))
    return negatives


def copy_pairs(items: dict[str, dict[str, Any]]) -> list[Pair]:
    if not COPY_PAIRS.is_file():
        return []
    with COPY_PAIRS.open(encoding="utf-8") as handle:
        return [Pair(r["id_a"], r["id_b"], r["duplicate"] == "1", "copies") for r in csv.DictReader(handle)
                if r["id_a"] in items and r["id_b"] in items]


def labelled_pairs(shared_data: Path, n: int, seed: int) -> tuple[dict[str, dict[str, Any]], list[Pair]]:
    items = load_items(shared_data)
    return items, same_story_pairs(items, n, seed) + copy_pairs(items)


@dataclass
class ThresholdResult:
    chosen: dict[str, float]  # per pair source, the threshold that maximised F1 on the choosing half
    rows: list[dict[str, Any]]  # per source and threshold: precision/recall/F1 on the reporting half
    counts: dict[str, dict[str, int]]


def _prf(sims: np.ndarray, labels: np.ndarray, t: float) -> tuple[float, float, float]:
    pred = sims >= t
    tp, fp, fn = int((pred & labels).sum()), int((pred & ~labels).sum()), int((~pred & labels).sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_threshold(labelled: tuple[dict[str, dict[str, Any]], list[Pair]], seed: int = 0,
                       progress: Callable[[int], None] | None = None) -> ThresholdResult:
    items, pairs = labelled
    ids = sorted({p.a for p in pairs} | {p.b for p in pairs})
    vectors = embed_texts([article_text_for_similarity(items[i]["title"], items[i]["text"]) for i in ids])
    if progress is not None:
        progress(2 * len(pairs))
    index = {i: k for k, i in enumerate(ids)}
    thresholds = [round(t, 2) for t in np.arange(0.30, 0.99, 0.02)]
    result = ThresholdResult({}, [], {})
    for source in sorted({p.source for p in pairs}):
        chosen = [p for p in pairs if p.source == source]
        sims = np.array([float(vectors[index[p.a]] @ vectors[index[p.b]]) for p in chosen])
        labels = np.array([p.same for p in chosen])
        half = np.array([_hash(seed, p.a, p.b) % 2 == 0 for p in chosen])
        result.counts[source] = {"pairs": len(chosen), "same": int(labels.sum()),
                                 "choose_half": int(half.sum()), "report_half": int((~half).sum())}
        best = max(thresholds, key=lambda t: (_prf(sims[half], labels[half], t)[2], t))
        result.chosen[source] = best
        for t in thresholds:
            p, r, f = _prf(sims[~half], labels[~half], t)
            result.rows.append({"source": source, "threshold": t, "precision": p, "recall": r, "f1": f})
    return result


def threshold_markdown(result: ThresholdResult) -> str:
    lines = []
    for source, counts in result.counts.items():
        lines.append(f"{source}: {counts}; threshold chosen on the choosing half: {result.chosen[source]:.2f}")
    lines += ["", "| pairs | threshold | precision | recall | F1 (reporting half) |", "|---|---|---|---|---|"]
    for row in result.rows:
        if row["threshold"] * 100 % 4 == 2 or row["threshold"] == result.chosen[row["source"]]:
            lines.append(f"| {row['source']} | {row['threshold']:.2f} | {row['precision']:.3f} | {row['recall']:.3f} "
                         f"| {row['f1']:.3f} |")
    return "\n".join(lines)
