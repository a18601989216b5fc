"""The classifier's weak-label data leaves out the held-out test split: its Reuters year and its outlets."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from analyzer.errors import InputError
from analyzer.models.data import HELD_OUT_REUTERS_YEAR, held_out_sources, reuters_articles, tradingview_articles

TEST_DIR = Path(__file__).resolve().parents[2] / "corpora" / "test"


def test_no_item_of_a_held_out_outlet_and_no_held_out_year(shared_data: Path) -> None:
    held_out = held_out_sources(shared_data, sorted(TEST_DIR.glob("*.jsonl")))
    assert {"Dow Jones", "Trading Economics", "MarketWatch"} <= held_out
    assert not held_out & {"Reuters", "MT Newswires"}  # the dev set's outlets stay in
    items = tradingview_articles(shared_data, 400, seed=3, exclude_sources=held_out)
    with gzip.open(shared_data / "news" / "tradingview_2025_02" / "items.jsonl.gz", "rt", encoding="utf-8") as src:
        sources = {row["id"]: row.get("source") for row in map(json.loads, src)}
    assert len(items) == 400
    assert not {sources[a.id.removeprefix("tradingview:")] for a in items} & held_out
    stories = reuters_articles(shared_data, n_wraps=60, n_other=60, seed=3)
    days = {a.id: None for a in stories}
    assert len(days) == 120
    with gzip.open(shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz", "rt") as dump:
        years = {row["id"]: int(str(row["day"])[:4]) for row in map(json.loads, dump)
                 if f"reuters:{row['id']}" in days}
    assert years and HELD_OUT_REUTERS_YEAR not in set(years.values())


def test_training_without_the_test_split_is_refused(shared_data: Path) -> None:
    with pytest.raises(InputError, match="held-out test split"):
        held_out_sources(shared_data, [])
