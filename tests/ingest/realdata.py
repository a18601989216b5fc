"""Slices of the real news dumps, read at test time from shared data (never stored in the repo)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path

from analyzer.ingest.shared_data import REUTERS_ALL, TRADINGVIEW, read_dump

REUTERS_CUTOFF = datetime(2010, 1, 1)  # 2010+ Reuters is reserved for blind evaluation


def reuters_rows_before_2010(shared_data: Path, limit: int) -> Iterator[dict]:
    """The first ``limit`` Reuters 2006-2013 rows dated before 2010 (the dump is in date order)."""
    for taken, row in enumerate(read_dump(shared_data / REUTERS_ALL, "tests read real Reuters articles"), 1):
        if row["day"] >= "20100101":
            return
        yield row
        if taken >= limit:
            return


def tradingview_rows(shared_data: Path, limit: int | None = None) -> Iterator[dict]:
    yield from islice(read_dump(shared_data / TRADINGVIEW, "tests read real wire items"), limit)


