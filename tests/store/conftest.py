"""Fixtures for the store tests: real Reuters slices (read at test time) and a store on each backend."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from ingest.realdata import reuters_rows_before_2010


@pytest.fixture()
def reuters_jsonl(shared_data: Path, tmp_path: Path) -> Path:
    """200 real 2006 Reuters articles written as a gzip JSONL dump."""
    path = tmp_path / "reuters_200.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for row in reuters_rows_before_2010(shared_data, 200):
            out.write(json.dumps(row) + "\n")
    return path
