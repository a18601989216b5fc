"""Analysis on one machine: in this process, or over a pool of worker processes.

Each worker loads the pipeline and the market data once (the pool's initializer); chunks of articles go
out, results come back and are put back in input order, so the claims and verdicts are the same, in the
same order, with one worker or many. Workers start with 'forkserver' (else 'spawn'): a fork of a process
that already holds a parsed pipeline and threads would be unsafe.

``submit`` hands a batch's chunks to the pool at once and returns a ``Pending`` whose ``result`` waits for
them: a run submits the next batch before it stores the last, so the workers never wait for the run.
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
    Pending,
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
        return self.submit(articles).result(progress)

    def submit(self, articles: Sequence[Article]) -> Pending:
        """The batch's chunks handed to the workers now; ``result()`` waits for them and assembles the claims.
        In this process (1 worker, or what one default chunk holds and no pool yet) the work waits for
        ``result()``."""
        articles = list(articles)
        if self.workers == 1 or (len(articles) <= self.chunk_articles and self._pool is None):
            def here(progress: Progress | None) -> Analysis:
                chunks = chunked(articles, self.chunk_articles, 1)
                return assemble(articles, [self._in_process(chunk, progress) for chunk in chunks])

            return Pending(here)
        return _PoolBatch(self, articles, chunked(articles, self.chunk_articles, self.workers))

    def _in_process(self, chunk: list[Article], progress: Progress | None) -> ChunkResult:
        result = in_process_analyzer(market_directory(self.market), self.model, self.gated).analyze_chunk(chunk)
        if progress is not None:
            progress(len(chunk))
        return result

    def _submit_chunks(self, chunks: list[list[Article]]) -> tuple[ProcessPoolExecutor, list[Future[ChunkResult]]]:
        pool = self._started_pool()
        submitted = {i: pool.submit(_analyze_in_worker, chunks[i]) for i in largest_first(chunks)}
        return pool, [submitted[i] for i in range(len(chunks))]

    def _result(self, future: Future[ChunkResult], chunk: list[Article], pool: ProcessPoolExecutor) -> ChunkResult:
        """A chunk's result; when its worker died (killed, out of memory), the chunk once more alone in a new
        pool, since the chunks that were in flight beside the culprit (of this batch or the next) died with
        it: only a chunk that fails again alone is reported, article by article."""
        try:
            return future.result()
        except Exception:  # noqa: BLE001  retried alone below
            self._drop_pool(pool)
        retry = self._started_pool()
        try:
            return retry.submit(_analyze_in_worker, chunk).result()
        except Exception as exc:  # noqa: BLE001  it fails alone too: its articles failed
            self._drop_pool(retry)
            reason = f"worker process failed: {exc.__class__.__name__}: {exc}"
            return ChunkResult(failures=[Failure(a.id, "worker", reason) for a in chunk])

    def _drop_pool(self, pool: ProcessPoolExecutor) -> None:
        """A broken pool takes no more work: the next chunk starts a new one."""
        pool.shutdown(wait=False, cancel_futures=True)
        if self._pool is pool:
            self._pool = None

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


class _PoolBatch(Pending):
    """A batch whose chunks are in the pool's queue (largest first), collected in input order."""

    def __init__(self, engine: LocalEngine, articles: list[Article], chunks: list[list[Article]]) -> None:
        super().__init__(self._collect)
        self.engine, self.articles, self.chunks = engine, articles, chunks
        self.pool, self.futures = engine._submit_chunks(chunks)

    def _collect(self, progress: Progress | None) -> Analysis:
        sizes = {id(f): len(c) for f, c in zip(self.futures, self.chunks, strict=True)}
        pending = set(self.futures)
        while pending:
            done, pending = wait(pending, return_when="FIRST_COMPLETED")
            if progress is not None:
                progress(sum(sizes[id(f)] for f in done))
        results = [self.engine._result(f, c, self.pool) for f, c in zip(self.futures, self.chunks, strict=True)]
        return assemble(self.articles, results)

    def cancel(self) -> None:
        for future in self.futures:
            future.cancel()  # those a worker has started run to their end
