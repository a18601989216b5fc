"""Analysis on one machine: in this process, or over a pool of worker processes.

Each worker loads the pipeline and the market data once (the pool's initializer); chunks of articles go
out, results come back and are put back in input order, so the claims and verdicts are the same, in the
same order, with one worker or many. Workers start with 'forkserver' (else 'spawn'): a fork of a process
that already holds a parsed pipeline and threads would be unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from functools import lru_cache
from pathlib import Path

from analyzer.engine.core import (
    Analysis,
    ArticleAnalyzer,
    ChunkResult,
    Failure,
    assemble,
    chunked,
    largest_first,
    market_directory,
)
from analyzer.market import MarketData
from analyzer.records import Article

CHUNK_ARTICLES = 16  # articles per task sent to a worker: enough for spaCy batches, few enough to share out
Progress = Callable[[int], None]

_worker: ArticleAnalyzer | None = None  # the analyzer of a worker process, built by its initializer


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=2)
def in_process_analyzer(market_dir: str | None, model: str | None, gated: bool | None) -> ArticleAnalyzer:
    """This process's analyzer for one market directory: the pipeline loads once, not per call."""
    return ArticleAnalyzer(market_dir, model, gated)


def _start_worker(market_dir: str | None, model: str | None, gated: bool | None, owner_pid: int) -> None:
    global _worker
    _exit_with(owner_pid)
    _worker = ArticleAnalyzer(market_dir, model, gated)


def _exit_with(owner_pid: int, every_s: float = 1.0) -> None:
    """End this worker once the process that owns the pool is gone.

    A worker's parent is the forkserver, not the run: after a kill -9 of the run, workers blocked in a pipe
    read would otherwise stay alive, each holding a loaded pipeline (~500 MB), until the machine restarts.
    """
    def watch() -> None:
        while True:
            time.sleep(every_s)
            try:
                os.kill(owner_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # alive, under another user
                continue

    threading.Thread(target=watch, name="exit-with-owner", daemon=True).start()


def _warm_worker(pause_s: float) -> int:
    """Load what loads at first use; the pause keeps a worker that is already ready from taking every probe."""
    assert _worker is not None, "the worker's initializer did not run"
    _worker.warm_up()
    time.sleep(pause_s)
    return os.getpid()


def _analyze_in_worker(articles: Sequence[Article]) -> ChunkResult:
    assert _worker is not None, "the worker's initializer did not run"
    return _worker.analyze_chunk(articles)


class LocalEngine:
    """Analyzes batches of articles with ``workers`` processes (1: here, in this process)."""

    def __init__(self, market: MarketData | str | Path | None, workers: int | None = None,
                 model: str | None = None, gated: bool | None = None, chunk_articles: int = CHUNK_ARTICLES) -> None:
        self.workers = max(1, workers or default_workers())
        self.market = market
        self.model = model
        self.gated = gated
        self.chunk_articles = chunk_articles
        self._pool: ProcessPoolExecutor | None = None

    def warm_up(self, timeout_s: float = 600.0) -> list[int]:
        """Start every worker and wait until each has loaded the pipeline, the market data and the second
        reader, so that the next ``analyze`` pays for none of it (benchmarks; the first batch of a run).
        The process ids of the ready workers (this process's with one worker)."""
        if self.workers == 1:
            in_process_analyzer(market_directory(self.market), self.model, self.gated).warm_up()
            return [os.getpid()]
        pool, ready, deadline = self._started_pool(), set(), time.monotonic() + timeout_s
        while len(ready) < self.workers and time.monotonic() < deadline:
            probes = [pool.submit(_warm_worker, 0.2) for _ in range(self.workers)]
            ready.update(probe.result() for probe in probes)
        return sorted(ready)

    def analyze(self, articles: Sequence[Article], progress: Progress | None = None) -> Analysis:
        # no pool for what one default chunk holds ('analyzer check' of an article or a few)
        if self.workers == 1 or (len(articles) <= self.chunk_articles and self._pool is None):
            chunks = chunked(articles, self.chunk_articles, 1)
            return assemble(articles, [self._in_process(chunk, progress) for chunk in chunks])
        return assemble(articles, self._in_pool(chunked(articles, self.chunk_articles, self.workers), progress))

    def _in_process(self, chunk: list[Article], progress: Progress | None) -> ChunkResult:
        result = in_process_analyzer(market_directory(self.market), self.model, self.gated).analyze_chunk(chunk)
        if progress is not None:
            progress(len(chunk))
        return result

    def _in_pool(self, chunks: list[list[Article]], progress: Progress | None) -> list[ChunkResult]:
        pool = self._started_pool()
        submitted = {i: pool.submit(_analyze_in_worker, chunks[i]) for i in largest_first(chunks)}
        futures: list[Future[ChunkResult]] = [submitted[i] for i in range(len(chunks))]
        sizes = {id(f): len(c) for f, c in zip(futures, chunks, strict=True)}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when="FIRST_COMPLETED")
            if progress is not None:
                progress(sum(sizes[id(f)] for f in done))
        return [self._result(future, chunk) for future, chunk in zip(futures, chunks, strict=True)]

    def _result(self, future: Future[ChunkResult], chunk: list[Article]) -> ChunkResult:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001  a worker that died (killed, out of memory): its chunk failed
            if self._pool is not None:  # a broken pool takes no more work: the next batch starts a new one
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            reason = f"worker process failed: {exc.__class__.__name__}: {exc}"
            return ChunkResult(failures=[Failure(a.id, "worker", reason) for a in chunk])

    def _started_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker,
                initargs=(market_directory(self.market), self.model, self.gated, os.getpid()))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
