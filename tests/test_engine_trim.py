"""A process hands the heap memory it freed back to the system after each chunk (glibc's malloc_trim)."""

from __future__ import annotations

import platform
from datetime import UTC, datetime

import pytest

from analyzer.engine import core
from analyzer.engine.core import ArticleAnalyzer, release_freed_memory
from analyzer.records import Article, to_dict

PUBLISHED = datetime(2008, 3, 4, 21, 0, tzinfo=UTC)  # Tuesday, after the close
TEXT = "Shares of Boeing rose 2.4 percent to $71.30 on Tuesday. The company will hold its meeting in Denver."


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_freed_memory_is_handed_back_on_glibc() -> None:
    assert release_freed_memory() is True


def test_each_chunk_ends_with_a_trim_and_the_same_claims(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = []
    monkeypatch.setattr(core, "release_freed_memory", lambda: calls.append(1) or True)
    analyzer = ArticleAnalyzer(None, preload_after=None)
    first = analyzer.analyze_chunk([Article("trim-1", TEXT, PUBLISHED), Article("trim-2", TEXT, PUBLISHED)])
    assert len(calls) == 1
    monkeypatch.setattr(core, "TRIM_AFTER_CHUNK", False)  # the control: no trim, the same claims
    second = analyzer.analyze_chunk([Article("trim-1", TEXT, PUBLISHED), Article("trim-2", TEXT, PUBLISHED)])
    assert len(calls) == 1
    claims = [[to_dict(c) for c in a.claims] for a in first.articles]
    assert claims == [[to_dict(c) for c in a.claims] for a in second.articles]
    assert any(c["kind"] == "stock_move" for c in claims[0])
