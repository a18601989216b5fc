"""Ingestion as one streaming pass: sources -> normalised articles -> deduplicated -> stored.

``Ingestor.run`` reads every source (files, feeds, OPML lists, pages), classifies each article against
the store and the batches not yet stored (already stored / exact copy / near-duplicate / new) and hands
batches of new articles to a ``process`` callback (extraction and checking, supplied by the CLI, since
ingest must not import later stages) before storing each article with its claims in its own transaction.

With a ``submit`` callback (the engine's: start analyzing a batch now) the run overlaps its work with the
engine's: a full batch is submitted and the run goes on reading; the oldest batch is processed (its result
collected) and stored once ``ahead`` batches wait behind it. Batches are processed and stored in the order
they were read, and deduplication sees the batches not yet stored, so the store ends the same as a run
without overlap: same rows, same order, same verdict history.

One bad source never stops the others: any failure while reading it, expected (an ``InputError``) or not
(a parser's own bug on a hostile document), is recorded against it (the feeds table for feeds, the run
summary for every source) with a reason naming it, and the run goes on with the next source. An article
that cannot be stored is recorded the same way and never takes its batch with it.

An item's identity is its GUID when the feed gives one, else its link, else its content: thirty items of
one feed with distinct GUIDs that all link to one page are thirty articles.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from analyzer.errors import InputError
from analyzer.ingest import dedup
from analyzer.ingest.feeds import looks_like_feed, looks_like_opml, parse_feed, parse_opml
from analyzer.ingest.fulltext import extract_page
from analyzer.ingest.http import FetchError, HttpClient
from analyzer.ingest.readers import ReadReport, derived_id, read_articles, read_capped, suffix_of
from analyzer.ingest.robots import RobotsRules
from analyzer.ingest.urls import canonical_url, host_of
from analyzer.records import Article, CheckedClaim
from analyzer.store import Store, StoredArticle

log = logging.getLogger("analyzer.ingest")

BATCH_SIZE = 64
# batches submitted to the engine and not yet stored, beyond the one being read: the engine works on these
# while the run reads the next batch and stores the last (the workers idled ~20% of a run without them)
AHEAD_BATCHES = 2
# a text shorter than this rarely holds a checkable claim (a feed's teaser, a headline)
SHORT_TEXT_CHARS = 200
MAX_FAILURES_KEPT = 200  # failed items listed in the summary; the rest are counted
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
               "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")

# process(articles) -> checked claims of those articles; raises to mark the batch unprocessed
Process = Callable[[Sequence[Article]], Sequence[CheckedClaim]]
# submit(articles): start processing them now; the later process(articles) call collects the result
Submit = Callable[[Sequence[Article]], object]


@dataclass
class SourceOutcome:
    source: str
    ok: bool
    reason: str | None = None
    articles: int = 0
    not_modified: bool = False
    expanded: bool = False  # an OPML list: its feeds are reported as sources of their own
    unexpected: bool = False  # failed on an error no reader anticipated (a bug to report, with its traceback)


@dataclass
class RunSummary:
    sources: list[SourceOutcome] = field(default_factory=list)
    new: int = 0
    already_stored: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)  # content|near
    processed: int = 0
    failed_batches: list[str] = field(default_factory=list)
    failed_items: list[str] = field(default_factory=list)  # articles that could not be stored, and why
    items_failed: int = 0
    short: int = 0  # new articles under SHORT_TEXT_CHARS
    verdicts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    @property
    def sources_ok(self) -> int:
        return sum(1 for s in self.sources if s.ok)

    @property
    def sources_failed(self) -> list[SourceOutcome]:
        return [s for s in self.sources if not s.ok]

    @property
    def failed(self) -> bool:
        """Whether anything failed: a source, an article, a batch. The CLI exits 0 only when not."""
        return bool(self.sources_failed or self.items_failed or self.failed_batches)

    @property
    def mostly_short(self) -> bool:
        """Most new articles are too short to hold claims (feed summaries): --full-text would help."""
        return self.new >= 3 and self.short * 2 > self.new


@dataclass
class Candidate:
    article: Article
    guid: str | None = None
    feed_url: str | None = None
    origin: str | None = None
    note: str | None = None
    summary_only: bool = False  # a feed item without its full content


class _Batch:
    """New articles not yet stored, indexed like the store so duplicates inside one batch are found."""

    def __init__(self) -> None:
        self.items: list[StoredArticle] = []
        self.canonical: list[Article] = []  # the articles to process: those that are no duplicate
        self.ids: set[str] = set()
        self.guids: set[str] = set()
        self.urls: set[str] = set()
        self.hashes: dict[str, str] = {}
        self.bands: dict[int, list[int]] = {}

    def add(self, item: StoredArticle) -> None:
        index = len(self.items)
        self.items.append(item)
        self.ids.add(item.article.id)
        if item.guid:
            self.guids.add(item.guid)
        if item.canonical_url:
            self.urls.add(item.canonical_url)
        if item.duplicate_of is None:
            self.hashes.setdefault(item.content_hash, item.article.id)
            if item.signature is not None:
                for key in dedup.band_keys(item.signature):
                    self.bands.setdefault(key, []).append(index)

    def near(self, keys: Sequence[int]) -> list[tuple[str, object]]:
        hits = {i for k in keys for i in self.bands.get(k, ())}
        return [(self.items[i].article.id, self.items[i].signature) for i in sorted(hits)]

    def has_item(self, article_id: str, guid: str | None, link: str | None) -> bool:
        return article_id in self.ids or bool(guid and guid in self.guids) or bool(link and link in self.urls)


class Ingestor:
    def __init__(self, store: Store, client: HttpClient | None = None, full_text: bool = False,
                 process: Process | None = None, published: datetime | None = None,
                 batch_size: int = BATCH_SIZE, on_article: Callable[[str], None] | None = None,
                 submit: Submit | None = None, ahead: int = AHEAD_BATCHES):
        self.store = store
        self.client = client
        self.full_text = full_text
        self.process = process
        self.submit = submit if process is not None else None
        self.ahead = max(0, ahead) if self.submit is not None else 0
        self.published = published
        self.batch_size = batch_size
        self.on_article = on_article or (lambda _source: None)
        self.summary = RunSummary()
        self._batch = _Batch()  # the batch being read
        self._waiting: deque[_Batch] = deque()  # read and submitted, not yet stored (oldest first)
        self._visited: set[str] = set()
        self._robots = RobotsRules(client) if client is not None else None

    # ---- the run ------------------------------------------------------------------------------

    def run(self, sources: Iterable[str]) -> RunSummary:
        if self.process is not None:
            self._process_stored_backlog()
        for source in sources:
            self._ingest_source(source)
        self._flush(keep=0)
        return self.summary

    def _ingest_source(self, source: str, listed_by: str | None = None) -> None:
        outcome = SourceOutcome(source, ok=True)
        if source in self._visited:
            self.summary.warnings.append(f"{source}: listed more than once; read once")
            return
        self._visited.add(source)
        try:
            if listed_by is not None and not _is_url(source):
                raise InputError(f"{source}: not an http(s) URL; a list fetched from {listed_by} may only name "
                                 "feeds on the web, never local files")
            for candidate in self._candidates(source, outcome):
                self._accept(candidate)
                outcome.articles += 1
                self.on_article(source)
        except InputError as exc:
            outcome.ok = False
            outcome.reason = str(exc)
            log.warning("%s", exc)
        except Exception as exc:  # noqa: BLE001  one source's surprise never costs the sources after it
            outcome.ok, outcome.unexpected = False, True
            outcome.reason = f"{source}: unexpected error while reading it ({exc.__class__.__name__}: {exc})"
            log.warning("%s", outcome.reason, exc_info=True)
        if not outcome.ok or not outcome.expanded:
            self.summary.sources.append(outcome)

    def _candidates(self, source: str, outcome: SourceOutcome) -> Iterator[Candidate]:
        if _is_url(source):
            yield from self._from_url(source, outcome)
            return
        path = Path(source).expanduser()
        if not path.exists():
            raise InputError(f"{source}: no such file, and not an http(s) URL")
        suffix = suffix_of(path)
        if suffix in (".xml", ".rss", ".atom", ".opml"):
            content = read_capped(path)
            if looks_like_opml(content):
                outcome.expanded = True
                for entry in parse_opml(content, str(path)):
                    # a local list's file entries are relative to the list, wherever the run starts
                    self._ingest_source(entry if _is_url(entry) else str(path.parent / Path(entry).expanduser()))
                return
            yield from self._from_feed_bytes(str(path.resolve()), content, {}, status=0)
            return
        report = ReadReport()
        for article in read_articles(path, published=self.published, report=report):
            yield Candidate(article, origin=str(path))
        self.summary.warnings.extend(str(p) for p in (report.problems + report.warnings)[:20])
        if report.skipped:
            self.summary.warnings.append(f"{path}: {report.skipped} bad lines skipped")

    def _from_url(self, url: str, outcome: SourceOutcome) -> Iterator[Candidate]:
        if self.client is None:
            raise InputError(f"{url}: fetching URLs is off in this run")
        state = self.store.feed_state(url)
        try:
            result = self.client.fetch(url, etag=state.etag, last_modified=state.last_modified,
                                       accept=FEED_ACCEPT)
        except FetchError as exc:
            self.store.record_feed_error(url, exc.reason, exc.status)
            raise
        if result.not_modified:
            outcome.not_modified = True
            self.store.record_feed_ok(url, 304)
            return
        if looks_like_opml(result.content):
            outcome.expanded = True
            self.store.record_feed_ok(url, result.status, result.etag, result.last_modified)
            for feed_url in parse_opml(result.content, url):
                self._ingest_source(feed_url, listed_by=url)
            return
        if looks_like_feed(result.content):
            yield from self._from_feed_bytes(url, result.content, result.headers, result.status,
                                             result.etag, result.last_modified)
            return
        # a single article page
        page = extract_page(result.content, result.url)
        if page.text is None:
            raise InputError(f"{url}: {page.reason}")
        article = Article(id=derived_id(canonical_url(result.url), None, ""), text=page.text,
                          published=page.published, url=result.url, title=page.title,
                          published_raw=page.published_raw, source=host_of(result.url))
        note = None if page.published else "the page states no publication time"
        if page.warning:
            note = _join(note, page.warning)
            self.summary.warnings.append(f"{url}: {page.warning}")
        yield Candidate(article, origin=url, note=note)

    def _from_feed_bytes(self, feed_url: str, content: bytes, headers: dict[str, str], status: int,
                         etag: str | None = None, last_modified: str | None = None) -> Iterator[Candidate]:
        try:
            feed = parse_feed(content, feed_url, headers)
        except InputError as exc:
            self.store.record_feed_error(feed_url, str(exc).removeprefix(f"{feed_url}: "), status or None)
            raise
        self.store.record_feed_ok(feed_url, status, etag, last_modified, feed.title)
        self.summary.warnings.extend(f"{feed_url}: {w}" for w in feed.warnings)
        for item in feed.items:
            yield Candidate(item.article, guid=item.guid, feed_url=feed_url, origin=feed_url, note=item.note,
                            summary_only=not item.has_full_content)

    # ---- classification and storage ----------------------------------------------------------

    def _seen(self, candidate: Candidate, canonical: str | None) -> bool:
        """Whether this item is one already stored or in the batch: by GUID when it has one, else by link.

        The link is no identity when a GUID is given: a live blog or a feed whose items all point at one
        page gives each item its own GUID and one shared link.
        """
        article = candidate.article
        by_link = canonical if not candidate.guid else None
        if any(batch.has_item(article.id, candidate.guid, by_link) for batch in self._unstored()):
            return True
        return self.store.find_same_item(article.id, candidate.guid, by_link) is not None

    def _unstored(self) -> list[_Batch]:
        """The batch being read and those waiting to be stored: deduplication looks in them as in the store."""
        return [self._batch, *self._waiting]

    def _same_text(self, content_hash: str) -> str | None:
        for batch in self._unstored():
            if content_hash in batch.hashes:
                return batch.hashes[content_hash]
        return self.store.find_by_hash(content_hash)

    def _accept(self, candidate: Candidate) -> None:
        article = candidate.article
        canonical = canonical_url(article.url)
        if self._seen(candidate, canonical):
            self.summary.already_stored += 1
            return
        if self.full_text and candidate.summary_only and article.url:
            self._fetch_full_text(candidate)
        item = StoredArticle(article, dedup.content_hash(article.text, article.title), guid=candidate.guid,
                             canonical_url=canonical, signature=dedup.signature(article.text),
                             feed_url=candidate.feed_url, origin=candidate.origin, note=candidate.note)
        same_text = self._same_text(item.content_hash)
        if same_text and candidate.guid and canonical and self._link_of(same_text) == canonical:
            # the same text at the same link under a new GUID: a feed that mints GUIDs on every fetch
            self.summary.already_stored += 1
            return
        if same_text:
            item.duplicate_of, item.duplicate_kind, item.similarity = same_text, "content", 1.0
        elif item.signature is not None:
            keys = dedup.band_keys(item.signature)
            nearby = [c for batch in self._unstored() for c in batch.near(keys)]
            match = dedup.best_match(item.signature, nearby + self.store.near_candidates(keys))
            if match:
                item.duplicate_of, item.duplicate_kind, item.similarity = match[0], "near", match[1]
        if item.duplicate_of:
            self.summary.duplicates[item.duplicate_kind or "content"] += 1
        else:
            self.summary.new += 1
            if len(article.text) < SHORT_TEXT_CHARS:
                self.summary.short += 1
        self._batch.add(item)
        if len(self._batch.items) >= self.batch_size:
            self._flush(keep=self.ahead)

    def _link_of(self, article_id: str) -> str | None:
        for stored in (item for batch in self._unstored() for item in batch.items):
            if stored.article.id == article_id:
                return stored.canonical_url
        article = self.store.article(article_id)
        return canonical_url(article.url) if article is not None else None

    def _fetch_full_text(self, candidate: Candidate) -> None:
        article = candidate.article
        assert self.client is not None and self._robots is not None and article.url
        try:
            refusal = self._robots.refusal(article.url)
            if refusal:
                candidate.note = _join(candidate.note, f"full text not fetched ({refusal}); kept the feed summary")
                return
            result = self.client.fetch(article.url, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
            page = extract_page(result.content, result.url)
        except InputError as exc:
            candidate.note = _join(candidate.note, f"full text not fetched ({exc}); kept the feed summary")
            return
        if page.text is None:
            reason = f"full text not extracted ({page.reason}); kept the feed summary"
            candidate.note = _join(candidate.note, reason)
            return
        article.text = page.text
        candidate.note = _join(candidate.note, "full text extracted from the article page")
        if page.warning:
            candidate.note = _join(candidate.note, page.warning)

    def _flush(self, keep: int) -> None:
        """The batch read so far submitted (when there is an engine to submit to), then the oldest batches
        processed and stored until ``keep`` wait."""
        batch, self._batch = self._batch, _Batch()
        if batch.items:
            batch.canonical = [i.article for i in batch.items if i.duplicate_of is None]
            if self.submit is not None and batch.canonical:
                self.submit(batch.canonical)
            self._waiting.append(batch)
        while len(self._waiting) > keep:
            self._store_batch(self._waiting[0])
            self._waiting.popleft()  # only now: until stored, deduplication finds its articles here

    def _store_batch(self, batch: _Batch) -> None:
        items = batch.items
        by_article: dict[str, list[CheckedClaim]] | None = None
        if self.process is not None:
            by_article = self._run_process(batch.canonical)
        for item in items:
            checked = None
            if by_article is not None and item.duplicate_of is None:
                checked = by_article.get(item.article.id)  # None: failed, stored unprocessed
            try:
                self.store.save(item, checked)
            except Exception as exc:  # noqa: BLE001  one article that cannot be stored never costs its batch
                self._item_failed(item, exc)
                continue
            if checked is not None:
                self._count(checked)

    def _item_failed(self, item: StoredArticle, exc: Exception) -> None:
        where = f"{item.origin or item.feed_url or '?'}: article {item.article.id}"
        reason = f"{where} not stored ({exc.__class__.__name__}: {exc})"
        log.warning("%s", reason, exc_info=True)
        self.summary.items_failed += 1
        if len(self.summary.failed_items) < MAX_FAILURES_KEPT:
            self.summary.failed_items.append(reason)

    def _run_process(self, batch: Sequence[Article]) -> dict[str, list[CheckedClaim]] | None:
        assert self.process is not None
        if not batch:
            return {}
        try:
            checked = self.process(batch)
        except Exception as exc:  # noqa: BLE001  a failing batch is stored unprocessed and retried next run
            reason = f"extract/check failed on {len(batch)} articles from {batch[0].id}: " \
                     f"{exc.__class__.__name__}: {exc}"
            log.exception("%s", reason)
            self.summary.failed_batches.append(reason)
            return None
        grouped: dict[str, list[CheckedClaim]] = {a.id: [] for a in batch}
        for item in checked:
            grouped.setdefault(item.claim.article_id, []).append(item)
        # articles the engine could not analyze (``checked.failures``) stay unprocessed: retried next run
        for failure in getattr(checked, "failures", ()):
            grouped.pop(failure.article_id, None)
            self.summary.failed_batches.append(f"{failure} (stored unprocessed)")
        return grouped

    def _count(self, checked: Sequence[CheckedClaim]) -> None:
        self.summary.processed += 1
        self.summary.verdicts.update(c.verdict.verdict for c in checked)

    def _process_stored_backlog(self) -> None:
        """Articles an earlier ingest-only run stored without claims are processed first (``ahead`` batches
        submitted beyond the one being stored, as in the run)."""
        waiting: deque[list[Article]] = deque()
        for batch in self.store.unprocessed(self.batch_size):
            if self.submit is not None:
                self.submit(batch)
            waiting.append(batch)
            if len(waiting) > self.ahead and not self._save_backlog(waiting.popleft()):
                return
        while waiting:
            if not self._save_backlog(waiting.popleft()):
                return

    def _save_backlog(self, batch: list[Article]) -> bool:
        """One batch of the backlog processed and saved; False when the batch failed as a whole."""
        grouped = self._run_process(batch)
        if grouped is None:
            return False
        for article in batch:
            checked = grouped.get(article.id)
            if checked is None:  # failed again: stays in the backlog
                continue
            self.store.save_checked(article.id, checked)
            self._count(checked)
        return True


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _join(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second
