"""The TradingView titles corpus of `analyzer eval` (session 27, helper heads27): an item whose body is empty is its
title; only the dev/train wire outlets (Reuters, MT Newswires) may be read, every other outlet is held out and
refused. Built on a small shared-data folder we write, titles in our own words."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from analyzer import evaluate
from analyzer.errors import InputError


def _items(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    folder = tmp_path / "data" / "news" / "tradingview_2025_02"
    folder.mkdir(parents=True)
    with gzip.open(folder / "items.jsonl.gz", "wt") as out:
        for key, source, title in rows:
            out.write(json.dumps({"id": key, "published": "2025-02-12T05:30:00+08:00", "source": source,
                                  "title": title, "text": "", "url": None}) + "\n")
    return tmp_path / "data"


def _gold(tmp_path: Path, key: str, text: str) -> Path:
    path = tmp_path / "gold.jsonl"
    row = {"corpus": "tradingview_titles", "article_id": key, "char_start": 0, "char_end": len(text),
           "sha1": evaluate.sentence_sha1(text), "claims": []}
    path.write_text(json.dumps(row) + "\n")
    return path


def test_an_empty_items_title_is_its_text(tmp_path: Path) -> None:
    title = "Acme Widgets Shares Up 4% After Hours on Upbeat Guidance"
    data = _items(tmp_path, [("tag1", "MT Newswires", title)])
    [gold] = evaluate.load_gold(_gold(tmp_path, "tag1", title), data)
    assert gold.sentence == title
    assert gold.article.source == "MT Newswires"
    assert gold.article.published.isoformat() == "2025-02-11T21:30:00+00:00"
    with pytest.raises(InputError, match="TradingView titles not found .*: tag2"):
        evaluate.load_gold(_gold(tmp_path, "tag2", title), data)


@pytest.mark.parametrize("outlet", ["Dow Jones", "MarketWatch", "Mace News"])
def test_a_held_out_outlets_title_is_refused(tmp_path: Path, outlet: str) -> None:
    title = "Acme Widgets to Buy Beta Tools for $90 Million"
    data = _items(tmp_path, [("tag1", outlet, title)])
    with pytest.raises(InputError, match="held out"):
        evaluate.load_gold(_gold(tmp_path, "tag1", title), data)


def test_the_heads27_training_file_loads_from_the_shared_data(shared_data: Path) -> None:
    golds = evaluate.load_gold(Path(__file__).resolve().parent.parent / "corpora/train/heads27.jsonl", shared_data)
    assert {g.corpus for g in golds} == {"benzinga_headlines", "tradingview_titles"}
    assert {g.article.source for g in golds if g.corpus == "tradingview_titles"} == {"MT Newswires"}
