"""Deduplication fingerprints and canonical URLs."""

import json

import pytest

from analyzer.ingest import dedup
from analyzer.ingest.urls import canonical_url


@pytest.mark.parametrize("url, expected", [
    ("HTTP://WWW.Example.com:80/a/b?utm_source=rss&id=7&fbclid=x#top", "http://www.example.com/a/b?id=7"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("https://example.com:8443/x", "https://example.com:8443/x"),
    ("https://example.com", "https://example.com/"),
    ("tag:example.com,2025:1", None),
    ("", None),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_near_duplicate_threshold_on_the_labelled_pairs(shared_data):
    """The stored threshold keeps the precision measured on the labelled TradingView pairs."""
    import csv
    import gzip
    from pathlib import Path

    pairs_file = Path(__file__).parent / "data" / "near_dup_pairs.csv"
    with open(pairs_file, encoding="utf-8") as src:
        pairs = [(r["id_a"], r["id_b"], r["duplicate"] == "1") for r in csv.DictReader(src)]
    ids = {i for a, b, _ in pairs for i in (a, b)}
    texts = {}
    with gzip.open(shared_data / "news" / "tradingview_2025_02" / "items.jsonl.gz", "rt", encoding="utf-8") as src:
        for line in src:
            row = json.loads(line)
            if row["id"] in ids:
                texts[row["id"]] = row["text"]
    predicted = []
    for a, b, label in pairs:
        sa, sb = dedup.signature(texts[a]), dedup.signature(texts[b])
        hit = sa is not None and sb is not None and dedup.similarity(sa, sb) >= dedup.NEAR_DUP_THRESHOLD
        predicted.append((hit, label))
    tp = sum(1 for p, y in predicted if p and y)
    fp = sum(1 for p, y in predicted if p and not y)
    assert len(pairs) >= 90 and sum(y for _, y in predicted) >= 15
    assert tp / (tp + fp) >= 0.9 and tp / sum(y for _, y in predicted) >= 0.6
