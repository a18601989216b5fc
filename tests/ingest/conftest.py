"""Fixtures for ingest tests: slices of the real dumps, read at test time (never stored in the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def rss_dir(shared_data: Path) -> Path:
    return shared_data / "news" / "rss"


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
