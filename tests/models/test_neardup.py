"""Labelled story pairs from the real TradingView items, and the exported threshold on a few of them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from analyzer.embeddings import NEAR_DUPLICATE_THRESHOLD, article_text_for_similarity, embed_texts
from analyzer.models.neardup import labelled_pairs, title_words


@pytest.fixture(scope="module")
def labelled(shared_data: Path):
    return labelled_pairs(shared_data, 60, seed=0)


def test_pairs_follow_the_labelling_rules(labelled) -> None:
    items, pairs = labelled
    story = [p for p in pairs if p.source == "same_story"]
    assert sum(p.same for p in story) >= 30 and sum(not p.same for p in story) >= 30
    for pair in story:
        a, b = items[pair.a], items[pair.b]
        assert a["source"] != b["source"]
        shared = title_words(a["title"]) & title_words(b["title"])
        if pair.same:
            assert len(shared) >= 3 and abs(a["when"] - b["when"]) <= timedelta(hours=36)
        else:
            assert len(shared) <= 1 and abs(a["when"] - b["when"]) <= timedelta(hours=24)


def test_threshold_separates_most_same_story_pairs(labelled) -> None:
    items, pairs = labelled
    same = [p for p in pairs if p.source == "same_story" and p.same][:8]
    different = [p for p in pairs if p.source == "same_story" and not p.same][:8]
    ids = sorted({i for p in same + different for i in (p.a, p.b)})
    vectors = dict(zip(ids, embed_texts([article_text_for_similarity(items[i]["title"], items[i]["text"])
                                         for i in ids]), strict=True))
    sims_same = np.array([vectors[p.a] @ vectors[p.b] for p in same])
    sims_different = np.array([vectors[p.a] @ vectors[p.b] for p in different])
    assert sims_same.mean() > sims_different.mean() + 0.2
    assert (sims_same >= NEAR_DUPLICATE_THRESHOLD).mean() >= 0.75
    assert (sims_different < NEAR_DUPLICATE_THRESHOLD).mean() >= 0.75
