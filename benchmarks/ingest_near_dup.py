"""Measure the near-duplicate threshold on labelled TradingView pairs.

The pairs (ids and a label, no text) are in tests/ingest/data/near_dup_pairs.csv: 94 pairs sampled
from every similarity band of the 2025-02 TradingView items plus every cross-outlet candidate pair,
labelled by reading both texts. A pair is a duplicate when one text is a copy or light edit of the other
(syndication, reissue, reformatting) carrying the same facts; independent write-ups of one event,
editions of a roundup and templated releases about other companies are not.

    .venv/bin/python benchmarks/ingest_near_dup.py [--shared-data DIR]

Prints precision/recall/F1 per threshold for the exact Jaccard of the shingles and for the MinHash
estimate the store uses.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from pathlib import Path

from analyzer.ingest import dedup

REPO = Path(__file__).resolve().parent.parent
PAIRS = REPO / "tests" / "ingest" / "data" / "near_dup_pairs.csv"


def load_pairs() -> list[tuple[str, str, int]]:
    with open(PAIRS, encoding="utf-8") as src:
        return [(r["id_a"], r["id_b"], int(r["duplicate"])) for r in csv.DictReader(src)]


def load_texts(shared: Path, ids: set[str]) -> dict[str, str]:
    texts = {}
    with gzip.open(shared / "news" / "tradingview_2025_02" / "items.jsonl.gz", "rt", encoding="utf-8") as src:
        for line in src:
            row = json.loads(line)
            if row["id"] in ids:
                texts[row["id"]] = row["text"]
    return texts


def scores(pairs, texts) -> tuple[list[float], list[float]]:
    exact, estimated = [], []
    for a, b, _ in pairs:
        sa, sb = dedup.shingles(texts[a]), dedup.shingles(texts[b])
        exact.append(len(sa & sb) / max(1, len(sa | sb)))
        ga, gb = dedup.signature(texts[a]), dedup.signature(texts[b])
        estimated.append(dedup.similarity(ga, gb) if ga is not None and gb is not None else 0.0)
    return exact, estimated


def table(labels: list[int], values: list[float], title: str) -> None:
    print(f"\n{title}\n threshold  precision  recall  F1    (pairs: {len(labels)}, duplicates: {sum(labels)})")
    for t in [x / 100 for x in range(30, 100, 5)]:
        tp = sum(1 for v, y in zip(values, labels, strict=True) if v >= t and y)
        fp = sum(1 for v, y in zip(values, labels, strict=True) if v >= t and not y)
        fn = sum(1 for v, y in zip(values, labels, strict=True) if v < t and y)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        mark = "  <- store default" if abs(t - dedup.NEAR_DUP_THRESHOLD) < 1e-9 else ""
        print(f"   {t:.2f}      {p:.3f}     {r:.3f}  {f1:.3f}{mark}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()
    pairs = load_pairs()
    texts = load_texts(args.shared_data, {i for a, b, _ in pairs for i in (a, b)})
    labels = [y for _, _, y in pairs]
    exact, estimated = scores(pairs, texts)
    table(labels, exact, f"exact Jaccard of {dedup.SHINGLE_KIND} shingles")
    table(labels, estimated, f"MinHash estimate ({dedup.NUM_PERM} permutations), as stored")


if __name__ == "__main__":
    main()
