"""Extraction and checking of article batches, shared by `analyzer check` and `analyzer run`."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from analyzer.check import check_claims
from analyzer.extract import extract_claims, load_pipeline
from analyzer.market import MarketData
from analyzer.records import Article, CheckedClaim

# a batch that takes longer than this is stopped: `run` stores it unprocessed and names it in the summary,
# so that one pathological article never blocks a run (a later run retries it)
BATCH_TIMEOUT_S = 600


def batch_processor(market: MarketData) -> Callable[[Sequence[Article]], list[CheckedClaim]]:
    """Extract and check one batch of articles; the pipeline is loaded once, here."""
    nlp = load_pipeline(market_dir=str(market.directory))

    def process(batch: Sequence[Article]) -> list[CheckedClaim]:
        by_id = {a.id: a for a in batch}
        with time_limit(BATCH_TIMEOUT_S, f"a batch starting with article {batch[0].id if batch else '-'}"):
            return check_claims(extract_claims(batch, nlp), market, by_id)

    return process


@contextmanager
def time_limit(seconds: int, what: str) -> Iterator[None]:
    """Raise TimeoutError in the main thread after ``seconds`` (SIGALRM; a no-op where there is none)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError(f"{what} took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
