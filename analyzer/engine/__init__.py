"""The processing engine: articles (or plain texts) in, checked claims out, on one core, many, or Ray.

    import analyzer
    checked = analyzer.analyze(["The Dow rose 1.2% on Tuesday."], market="../shared/data/market",
                               published="2025-08-26T20:00:00-04:00")

``analyze`` is the one path from text to verdicts: `analyzer check`, `analyzer run`, `analyzer eval` and the
benchmarks all call it (or an ``Engine`` for many batches with one set of workers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from analyzer.engine.core import Analysis, Failure, Pending
from analyzer.market import MarketData
from analyzer.records import Article

__all__ = ["Analysis", "Engine", "Failure", "Pending", "analyze", "as_articles", "check_text", "open_engine"]

ENGINES = ("local", "ray")


class Engine(Protocol):
    def analyze(self, articles: Sequence[Article], progress: Callable[[int], None] | None = None) -> Analysis: ...

    def submit(self, articles: Sequence[Article]) -> Pending: ...

    def warm_up(self) -> list[int]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...


def open_engine(market: MarketData | str | Path | None, workers: int | None = None, engine: str = "local",
                ray_address: str | None = None, model: str | None = None, gated: bool | None = None) -> Engine:
    """An engine for many batches: ``local`` with ``workers`` processes (default: every core), or ``ray``."""
    if engine == "local":
        from analyzer.engine.local import LocalEngine

        return LocalEngine(market, workers, model=model, gated=gated)
    if engine == "ray":
        from analyzer.engine.ray_engine import RayEngine

        return RayEngine(market, workers, address=ray_address, model=model, gated=gated)
    from analyzer.errors import InputError

    raise InputError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")


def as_articles(items: Iterable[Article | str], published: datetime | str | None = None) -> list[Article]:
    """Articles as given, plain strings made into articles published at ``published`` (ids from the text)."""
    from analyzer.ingest.dates import parse_published
    from analyzer.ingest.readers import derived_id

    when = parse_published(published) if isinstance(published, str) else published
    articles = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, str):
            articles.append(Article(id=derived_id(None, None, item), text=item, published=when))
        else:
            raise TypeError(f"analyze takes Article records or strings, not {type(item).__name__}")
    return articles


def analyze(articles_or_texts: Iterable[Article | str] | Article | str, market: MarketData | str | Path | None = None,
            published: datetime | str | None = None, workers: int | None = 1, engine: str = "local",
            ray_address: str | None = None, progress: Callable[[int], None] | None = None) -> Analysis:
    """Every checkable claim in the articles, checked against the market data, in input order.

    ``market`` is a ``MarketData`` or a market directory (default: $ANALYZER_MARKET_DIR); plain strings are
    articles published at ``published``. Articles that could not be analyzed are in ``.failures``.
    """
    if isinstance(articles_or_texts, (str, Article)):
        articles_or_texts = [articles_or_texts]
    articles = as_articles(articles_or_texts, published)
    market_data = market if isinstance(market, MarketData) else MarketData.open(market)
    with open_engine(market_data, workers, engine, ray_address) as running:
        return running.analyze(articles, progress)


def check_text(text: str, published: datetime | str | None = None,
               market: MarketData | str | Path | None = None) -> Analysis:
    """The checked claims of one passage (``published`` anchors 'Tuesday', 'last week', ...)."""
    return analyze([text], market=market, published=published)
