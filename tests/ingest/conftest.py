"""Fixtures for ingest tests: slices of the real dumps, read at test time (never stored in the repo)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from ingest.realdata import reuters_rows_before_2010


@pytest.fixture(scope="session")
def rss_dir(shared_data: Path) -> Path:
    return shared_data / "news" / "rss"


@pytest.fixture()
def reuters_jsonl(shared_data: Path, tmp_path: Path) -> Path:
    """200 real 2006 Reuters articles written as a gzip JSONL dump."""
    path = tmp_path / "reuters_200.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for row in reuters_rows_before_2010(shared_data, 200):
            out.write(json.dumps(row) + "\n")
    return path


@pytest.fixture()
def server():
    from ingest.server import FeedServer

    srv = FeedServer()
    yield srv
    srv.close()


@pytest.fixture()
def fast_policy(server):
    """Short timeouts and no politeness delays; the test server's own address is trusted, nothing else."""
    from analyzer.ingest.http import FetchPolicy

    return FetchPolicy(connect_timeout=1.0, read_timeout=1.0, total_timeout=5.0, retries=2, backoff=0.01,
                       per_host_interval=0.0, max_bytes=2 * 1024 * 1024,
                       allowed_hosts=frozenset({f"127.0.0.1:{server.port}"}))
