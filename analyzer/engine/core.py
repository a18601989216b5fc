"""Articles in, checked claims out: the one path that the CLI, `analyzer eval` and the benchmarks call.

An ``ArticleAnalyzer`` holds what one process needs (the spaCy pipeline, the market data), loaded once. It
works on chunks of articles: a chunk is extracted and checked as a whole, and when that fails, each article
is retried alone, so one article that breaks a component costs only itself; it is reported as a
``Failure`` with its id and the exception. Deal claims are corroborated by ``assemble`` over everything one
call analyzes, never per chunk, so verdicts do not depend on how the work was split between workers.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.check import second_reader
from analyzer.check.checker import check_claim, review_in_articles
from analyzer.check.deals import corroborate_deals
from analyzer.market import MarketData
from analyzer.records import Article, CheckedClaim, Claim, Verdict

log = logging.getLogger("analyzer.engine")

# a chunk (or one article retried alone) that takes longer than this is stopped and its articles retried
# alone or reported as failed, so that one pathological text never blocks a run
CHUNK_TIMEOUT_S = 600
# chunks analyzed inside one ``nlp.memory_zone()`` (0: none): the strings and words of new texts go when it
# ends, so a worker's string store stays flat instead of growing with every new name and figure (~15 strings
# an article, fewer as a run goes on). Off: on 2 x 800 Reuters articles a zone per chunk cost +6% CPU and one
# per 8 chunks +4% (same claims), for no RSS difference visible at that length; the RSS a long run adds is
# mostly the market data's caches filling (every daily file loaded: 258 MB), which stop at the data's size
ZONE_CHUNKS = 0
# after this many articles a process loads every daily file of the market data at once (MarketData.preload): a
# long run would load most symbols anyway, one by one, its memory creeping up for hours; loaded at once, it stays
# flat from there. Shorter runs (and the 1,000-article benchmark) load only the symbols their claims name.
PRELOAD_AFTER_ARTICLES = 1_500
# whether a process hands the heap memory it has freed back to the system after each chunk (glibc's malloc_trim;
# a no-op elsewhere): the tagger's tensors of many sizes leave freed pages that glibc keeps. 1 worker, 100/200/300
# Reuters articles: RSS 807/822/839 MB -> 734/764/783 MB after one trim, 2 ms a call
TRIM_AFTER_CHUNK = True


@dataclass(frozen=True)
class Failure:
    """An article that could not be analyzed, and why."""

    article_id: str
    stage: str  # extract|check
    reason: str  # the exception: "ValueError: ..."

    def __str__(self) -> str:
        return f"article {self.article_id}: {self.stage} failed ({self.reason})"


class Analysis(list[CheckedClaim]):
    """The checked claims of one call, in input order, with the articles that failed in ``failures``."""

    def __init__(self, checked: Sequence[CheckedClaim] = (), failures: Sequence[Failure] = ()) -> None:
        super().__init__(checked)
        self.failures: list[Failure] = list(failures)


class Pending:
    """A batch handed to an engine (``Engine.submit``) whose analysis is collected later with ``result``.

    This base runs the analysis only when asked (one process: nothing to overlap it with); the pool and Ray
    engines start it at once, so the caller reads and stores other batches meanwhile.
    """

    def __init__(self, run: Callable[[Callable[[int], None] | None], Analysis],
                 cancel: Callable[[], object] | None = None) -> None:
        self._run = run
        self._cancel = cancel

    def result(self, progress: Callable[[int], None] | None = None) -> Analysis:
        """The batch's claims in input order (waits for them); ``progress(n)`` as articles are done."""
        return self._run(progress)

    def cancel(self) -> None:
        """Drop the batch (a run that stops): work not started is not done."""
        if self._cancel is not None:
            self._cancel()


@dataclass
class ArticleResult:
    """One article's claims with their verdicts; deal claims wait (None) for corroboration in ``assemble``."""

    article_id: str
    claims: list[Claim]
    verdicts: list[Verdict | None]


@dataclass
class ChunkResult:
    articles: list[ArticleResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def market_directory(market: MarketData | str | Path | None) -> str | None:
    if market is None:
        return None
    return str(market.directory) if isinstance(market, MarketData) else str(market)


class ArticleAnalyzer:
    """The pipeline and the market data of one process, loaded once; analyzes chunks of articles."""

    def __init__(self, market: MarketData | str | Path | None, model: str | None = None,
                 gated: bool | None = None, zone_chunks: int = ZONE_CHUNKS,
                 preload_after: int | None = PRELOAD_AFTER_ARTICLES) -> None:
        self.market = market if isinstance(market, MarketData) or market is None else MarketData.open(market)
        # spaCy loads here, not when this module is imported: `analyzer import` assembles shards without it
        from analyzer.extract import load_pipeline

        self.nlp = load_pipeline(model, market_dir=market_directory(self.market))
        self.gated = gated
        self.zone_chunks = zone_chunks  # 0: no memory zones
        self._zone = ExitStack()
        self._chunks = 0
        self.preload_after = preload_after  # None: never (see PRELOAD_AFTER_ARTICLES)
        self._analyzed = 0  # articles of the chunks so far

    def warm_up(self) -> None:
        """Load now what would otherwise load at first use (the second reader), so that timings and a run's
        first batch do not pay for it."""
        if self.market is not None:
            second_reader.load()

    def analyze_chunk(self, articles: Sequence[Article]) -> ChunkResult:
        """Extract and check a chunk; on any failure, each article again alone."""
        self._renew_zone()
        self._preload_when_long(len(articles))
        try:
            with time_limit(CHUNK_TIMEOUT_S, f"{len(articles)} articles from {articles[0].id if articles else '-'}"):
                return ChunkResult([self._analyze_one(a, claims) for a, claims in self._extract(articles)])
        except Exception as exc:  # noqa: BLE001  isolate: find the article that fails, keep the others
            if len(articles) > 1:
                log.info("a chunk of %d articles failed (%s); retrying each alone", len(articles), exc)
            result = ChunkResult()
            for article in articles:
                self._analyze_alone(article, result)
            return result
        finally:
            if TRIM_AFTER_CHUNK:
                release_freed_memory()

    def _preload_when_long(self, chunk: int) -> None:
        """The whole market data loaded once this process has analyzed ``preload_after`` articles."""
        before, self._analyzed = self._analyzed, self._analyzed + chunk
        if self.market is not None and self.preload_after is not None and before <= self.preload_after < self._analyzed:
            loaded = self.market.preload()
            log.info("after %d articles: market data of %d symbols loaded", before, loaded)

    def _renew_zone(self) -> None:
        """A new memory zone every ``zone_chunks`` chunks (the docs of a chunk never outlive it; the claims
        and verdicts hold plain strings)."""
        if self.zone_chunks > 0 and self._chunks % self.zone_chunks == 0:
            self._zone.close()
            self._zone.enter_context(self.nlp.memory_zone())
        self._chunks += 1

    def end_zone(self) -> None:
        """Let go of the words of the chunks since the last zone began (the next chunk starts a new one)."""
        self._zone.close()
        self._chunks = 0

    def _analyze_alone(self, article: Article, result: ChunkResult) -> None:
        stage = "extract"
        try:
            with time_limit(CHUNK_TIMEOUT_S, f"article {article.id}"):
                [(_, claims)] = self._extract([article])
                stage = "check"
                result.articles.append(self._analyze_one(article, claims))
        except Exception as exc:  # noqa: BLE001  reported with the article's id, never raised
            log.warning("article %s: %s failed: %s: %s", article.id, stage, exc.__class__.__name__, exc)
            result.failures.append(Failure(article.id, stage, f"{exc.__class__.__name__}: {exc}"))

    def _extract(self, articles: Sequence[Article]) -> list[tuple[Article, list[Claim]]]:
        from analyzer.extract import extract_claims

        claims = extract_claims(articles, self.nlp, gated=self.gated)
        by_article: dict[str, list[Claim]] = {a.id: [] for a in articles}
        for claim in claims:
            by_article[claim.article_id].append(claim)
        return [(a, by_article[a.id]) for a in articles]

    def _analyze_one(self, article: Article, claims: list[Claim]) -> ArticleResult:
        if self.market is None:
            return ArticleResult(article.id, claims, [None] * len(claims))
        own = {article.id: article}
        verdicts = [None if c.kind == "deal" else check_claim(c, self.market, own) for c in claims]
        return ArticleResult(article.id, claims, review_in_articles(claims, verdicts, self.market, own))


def release_freed_memory() -> bool:
    """Hand the heap pages this process has freed back to the system (glibc's ``malloc_trim(0)``); False where
    there is no glibc (macOS, musl): nothing to do there."""
    trim = _malloc_trim()
    return bool(trim is not None and trim(0) >= 0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


CHUNKS_PER_WORKER = 4  # a batch is cut into at least this many chunks per worker (if it has the articles)
LEAST_CHUNK = 4  # articles: fewer would cut spaCy's batches short


def chunked(articles: Sequence[Article], most: int, workers: int) -> list[list[Article]]:
    """The batch in chunks of at most ``most`` articles, smaller where that gives each worker several: a run
    hands over 64 articles at a time and waits for all of them, so 4 chunks of 16 on 2 workers left one idle
    while the other finished a long chunk. The claims do not depend on the cut (deals are corroborated over
    the whole batch)."""
    size = max(1, min(most, max(LEAST_CHUNK, -(-len(articles) // (CHUNKS_PER_WORKER * workers)))))
    return [list(articles[i:i + size]) for i in range(0, len(articles), size)]


def largest_first(chunks: Sequence[Sequence[Article]]) -> list[int]:
    """The chunks' indices, the most text first: handed out in this order, the last chunks to finish are
    small ones, so no worker idles long at the end of a batch waiting for one that drew a long chunk."""
    return sorted(range(len(chunks)), key=lambda i: -sum(len(a.text) for a in chunks[i]))


def assemble(articles: Sequence[Article], chunks: Sequence[ChunkResult]) -> Analysis:
    """The claims of every chunk in input order, deal claims corroborated across all of them."""
    results = {r.article_id: r for chunk in chunks for r in chunk.articles}
    failures = [f for chunk in chunks for f in chunk.failures]
    claims: list[Claim] = []
    verdicts: list[Verdict | None] = []
    for article_id in dict.fromkeys(a.id for a in articles):
        result = results.get(article_id)
        if result is not None:
            claims.extend(result.claims)
            verdicts.extend(result.verdicts)
    by_id = {a.id: a for a in articles}
    deal_verdicts = corroborate_deals(claims, by_id)
    checked = []
    for i, (claim, verdict) in enumerate(zip(claims, verdicts, strict=True)):
        verdict = deal_verdicts.get(i, verdict)
        if verdict is None:  # extraction only (no market data): nothing to say about it yet
            verdict = Verdict("unverifiable", "not checked: no market data was given.", [])
        checked.append(CheckedClaim(claim, verdict))
    return Analysis(checked, failures)


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
