"""The engine behind `analyzer check` and `analyzer run`: their --workers / --engine / --ray-address options.

The work itself is ``analyzer.engine`` (one path from articles to verdicts); this module only turns the
command-line options into an engine that processes batches, with failures kept per article.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analyzer.errors import InputError

if TYPE_CHECKING:
    from analyzer.engine import Analysis, Engine, Pending
    from analyzer.market import MarketData
    from analyzer.records import Article

WORKERS_HELP = "worker processes for extraction and checking (default: every core)"
ENGINE_HELP = "local (processes on this machine) or ray (a pool of Ray actors, started once per command)"
RAY_ADDRESS_HELP = "address of a running Ray cluster (default with --engine ray: start a local one)"


class BatchProcessor:
    """Extract and check batches of articles with one engine (pipeline and workers started once).

    ``submit(batch)`` starts a batch now; calling the processor with the same articles later collects it
    (a run reads and stores other batches meanwhile; the wrappers in between see an ordinary call).
    """

    def __init__(self, market: MarketData, workers: int | None = None, engine: str = "local",
                 ray_address: str | None = None) -> None:
        from analyzer.engine import open_engine

        if workers is not None and workers < 1:
            raise InputError(f"--workers {workers}: expected 1 or more")
        if ray_address and engine != "ray":
            raise InputError("--ray-address needs --engine ray")
        self.engine: Engine = open_engine(market, workers, engine, ray_address)
        self._submitted: dict[tuple[str, ...], Pending] = {}

    def submit(self, batch: Sequence[Article]) -> None:
        self._submitted[_key(batch)] = self.engine.submit(batch)

    def __call__(self, batch: Sequence[Article], progress=None) -> Analysis:  # type: ignore[no-untyped-def]
        pending = self._submitted.pop(_key(batch), None)
        if pending is None:
            return self.engine.analyze(batch, progress)
        return pending.result(progress)

    def close(self) -> None:
        """Batches submitted and not collected are dropped (a run stopped early), then the engine closes."""
        for pending in self._submitted.values():
            pending.cancel()
        self._submitted.clear()
        self.engine.close()

    def __enter__(self) -> BatchProcessor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _key(batch: Sequence[Article]) -> tuple[str, ...]:
    return tuple(a.id for a in batch)


def batch_processor(market: MarketData, workers: int | None = None, engine: str = "local",
                    ray_address: str | None = None) -> BatchProcessor:
    """The processor `check` and `run` hand their batches to; close it (or use ``with``) when done."""
    return BatchProcessor(market, workers, engine, ray_address)
