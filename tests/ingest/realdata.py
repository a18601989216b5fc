"""Slices of the real news dumps, read at test time from shared data (never stored in the repo)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

REUTERS_CUTOFF = datetime(2010, 1, 1)  # 2010+ Reuters is reserved for blind evaluation


def reuters_rows_before_2010(shared_data: Path, limit: int) -> Iterator[dict]:
    """The first ``limit`` Reuters 2006-2013 rows dated before 2010 (the dump is in date order)."""
    path = shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    taken = 0
    with gzip.open(path, "rt", encoding="utf-8") as src:
        for line in src:
            row = json.loads(line)
            if row["day"] >= "20100101":
                break
            yield row
            taken += 1
            if taken >= limit:
                return


def tradingview_rows(shared_data: Path, limit: int | None = None) -> Iterator[dict]:
    path = shared_data / "news" / "tradingview_2025_02" / "items.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as src:
        for n, line in enumerate(src):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


