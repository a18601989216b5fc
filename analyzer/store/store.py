"""The article store: feeds, articles, claims, verdicts and their history in one database.

SQLAlchemy Core over SQLite by default (one file, WAL journal, so a reader such as ``analyzer export``
never blocks a running ``analyzer run``), or PostgreSQL through its URL (``--db
postgresql+psycopg://user@host/db``; ``pip install -e ".[postgres]"``).

Writes are transactional per article: an article, its claims and their verdicts are committed together,
so a crash or ``kill -9`` loses at most the article in flight, and the next run, which skips what is
stored, resumes without duplicates. Inserts are idempotent (``ON CONFLICT DO NOTHING``), so two runs on
one store with overlapping input never fail on a race: the second to store an article leaves it as the
first stored it. On SQLite a writing transaction takes the write lock when it begins (``BEGIN
IMMEDIATE``) and waits for it (busy timeout) rather than failing when another process wrote in between.

Verdicts change when the data does (a ``pending`` expectation once its horizon has passed, a deal when
another report of it arrives): ``update_verdicts`` replaces the current verdict and appends it to the
claim's history with the reason, and ``verdict_history`` returns that history for exports and reports.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, func, insert, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DatabaseError, IntegrityError, SQLAlchemyError

from analyzer.errors import InputError
from analyzer.ingest import dedup
from analyzer.records import Article, CheckedClaim, Claim, Verdict, from_dict, to_dict
from analyzer.store.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    articles,
    claims,
    create_current,
    deal_words,
    feeds,
    meta,
    minhash_bands,
    party_words,
    verdict_history,
    verdicts,
)

ENV_DB = "ANALYZER_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another process's transaction
# SQLite can answer SQLITE_BUSY without waiting out the busy timeout while several processes open one
# fresh file at once (the switch to WAL, WAL recovery?); seen in a full test-suite run where two `analyzer run`s
# started together. Opening is idempotent, so it is simply tried again after these pauses.
OPEN_RETRY_PAUSES_S = (0.5, 1.0, 2.0, 4.0)
MIGRATION_LOCK = 0x616E616C  # PostgreSQL advisory lock key ("anal"): one process migrates at a time


def default_db_url() -> str:
    """``$ANALYZER_DB`` if set, else a SQLite file in the user's data directory."""
    given = os.environ.get(ENV_DB)
    if given:
        return given
    return str(Path(platformdirs.user_data_dir("analyzer", appauthor=False)) / "analyzer.db")


def db_url(value: str | None, create: bool = True) -> str:
    """A SQLAlchemy URL from a ``--db`` value: a URL as is, a path as a SQLite file.

    ``postgresql://`` without a driver means psycopg (3), the driver the ``postgres`` extra installs.
    ``create`` False refuses a SQLite path that does not exist (commands that only read a store).
    """
    value = value or default_db_url()
    if "://" in value:
        if value.startswith(("postgresql://", "postgres://")):
            return "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    path = Path(value).expanduser()
    if not create and not path.is_file():
        raise InputError(f"{value}: no such database (run `analyzer run --db {value}` first)")
    if not create and path.stat().st_size == 0:  # SQLite would make it a new database: nothing to read
        raise InputError(f"database {value}: an empty file, not an analyzer database")
    path = path.resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise InputError(f"{value}: cannot create the database there ({exc.filename} is not a directory)") from exc
    except OSError as exc:
        raise InputError(f"{value}: cannot create the database's directory ({exc.strerror or exc})") from exc
    return f"sqlite:///{path}"


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    error_count: int = 0


@dataclass
class StoredArticle:
    """An article ready to store, with what deduplication learned about it."""

    article: Article
    content_hash: str
    guid: str | None = None
    canonical_url: str | None = None
    signature: np.ndarray | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    similarity: float | None = None
    feed_url: str | None = None
    origin: str | None = None
    note: str | None = None


@dataclass
class StoredClaim:
    """A stored claim with its current verdict; ``row`` is its key in the store."""

    row: int
    claim: Claim
    verdict: Verdict
    checked_at: str | None = None
    market_as_of: str | None = None


@dataclass
class HistoryEntry:
    """One verdict a claim has had: when, with market data up to which day, and why it was checked."""

    claim_row: int
    article_id: str
    claim_id: str
    seq: int
    kind: str
    verdict: str
    explanation: str
    checked_at: str
    market_as_of: str | None
    reason: str

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


class Store:
    def __init__(self, engine: Engine, label: str | None = None):
        self.engine = engine
        self.label = label or engine.url.render_as_string(hide_password=True)
        self._feed_ids: dict[str, int] = {}
        # the last day the market data of this run covers; set by the run, recorded with each verdict
        self.market_as_of: str | None = None

    @classmethod
    def open(cls, url: str | None = None, create: bool = True) -> Store:
        """Open (creating or migrating) the store at a ``--db`` value or the default location.

        ``create`` False: a SQLite path must name an existing database (for commands that read a store).
        Every failure (no such file, not a database, no permission, no server) is an ``InputError`` naming
        the database.
        """
        resolved = db_url(url, create=create)
        label = url or default_db_url()
        for attempt, pause in enumerate((*OPEN_RETRY_PAUSES_S, None)):
            try:
                return cls._open_once(resolved, label, create)
            except _LockedAtOpen as locked:
                if pause is None:
                    raise InputError(f"database {label}: cannot open ({locked}; tried {attempt + 1} "
                                     "times)") from locked.__cause__
                time.sleep(pause)
        raise AssertionError("unreachable")

    @classmethod
    def _open_once(cls, resolved: str, label: str, create: bool) -> Store:
        try:
            engine = create_engine(resolved, future=True)
        except (ArgumentError, ImportError, ValueError) as exc:
            raise InputError(f"database {label}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine, label)
        try:
            if not create and store.schema_version() == 0:
                raise InputError(f"database {label}: not an analyzer database (it has no analyzer tables)")
            store._migrate()
        except DatabaseError as exc:
            engine.dispose()
            reason = _first_line(exc.orig)
            if engine.dialect.name == "sqlite" and "database is locked" in reason:
                raise _LockedAtOpen(reason) from exc
            raise InputError(f"database {label}: cannot open ({reason})") from exc
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction (on SQLite one that holds the write lock from its start)."""
        with self.engine.connect() as conn:
            conn.execution_options(write=True)
            with conn.begin():
                yield conn

    # ---- schema -------------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return _schema_version(conn)

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self._writing() as conn:
            if self.engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            current = _schema_version(conn)  # again, under the lock: another process may have migrated
            if current > SCHEMA_VERSION:
                raise InputError(f"database {self.label}: schema version {current} is newer than this "
                                 f"analyzer understands ({SCHEMA_VERSION}); upgrade analyzer")
            if current == 0:
                create_current(conn)
            for version in range(current + 1, SCHEMA_VERSION + 1):
                if current:
                    MIGRATIONS[version](conn)
            if current != SCHEMA_VERSION:
                _set_meta(conn, "schema_version", str(SCHEMA_VERSION))

    # ---- feeds --------------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
        if row is None:
            return FeedState(url)
        return FeedState(url, row["etag"], row["last_modified"], row["error_count"])

    def feed_id(self, url: str) -> int:
        if url not in self._feed_ids:
            with self._writing() as conn:
                conn.execute(self._insert_ignoring_conflicts(feeds).values(url=url, error_count=0))
                found = conn.execute(select(feeds.c.id).where(feeds.c.url == url)).scalar_one()
            self._feed_ids[url] = int(found)
        return self._feed_ids[url]

    def record_feed_ok(self, url: str, status: int, etag: str | None = None, last_modified: str | None = None,
                       title: str | None = None) -> None:
        feed_id = self.feed_id(url)
        values = {"last_status": status, "last_checked": now_utc(), "last_ok": now_utc(), "error_count": 0,
                  "last_error": None}
        if status != 304:  # a 304 carries no new validators worth replacing the stored ones with
            values.update(etag=etag, last_modified=last_modified)
        if title:
            values["title"] = title
        with self._writing() as conn:
            conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))

    def record_feed_error(self, url: str, reason: str, status: int | None = None) -> None:
        feed_id = self.feed_id(url)
        with self._writing() as conn:
            conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
                last_status=status, last_checked=now_utc(), last_error=reason,
                error_count=feeds.c.error_count + 1))

    def feeds(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(feeds).order_by(feeds.c.id)).mappings()]

    # ---- deduplication lookups ----------------------------------------------------------------

    def find_same_item(self, article_id: str, guid: str | None, canonical: str | None) -> str | None:
        """The stored article this item already is (same id, GUID or canonical URL), if any."""
        with self.engine.connect() as conn:
            found = conn.execute(select(articles.c.id).where(articles.c.id == article_id)).scalar()
            if found is None and guid:
                found = conn.execute(select(articles.c.id).where(articles.c.guid == guid).limit(1)).scalar()
            if found is None and canonical:
                found = conn.execute(select(articles.c.id).where(articles.c.canonical_url == canonical)
                                     .limit(1)).scalar()
        return found

    def find_by_hash(self, content_hash: str) -> str | None:
        """The canonical stored article with this exact text, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles.c.id, articles.c.duplicate_of)
                               .where(articles.c.content_hash == content_hash).limit(1)).first()
        return (row.duplicate_of or row.id) if row else None

    def near_candidates(self, keys: Sequence[int]) -> list[tuple[str, np.ndarray]]:
        """Stored canonical articles sharing an LSH band with a signature, with their signatures."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.id, articles.c.minhash, articles.c.duplicate_of)
                .where(articles.c.id.in_(select(minhash_bands.c.article_id)
                                         .where(minhash_bands.c.key.in_(list(keys))))))
            return [(r.duplicate_of or r.id, dedup.signature_from_bytes(r.minhash))
                    for r in rows if r.minhash]

    # ---- writes -------------------------------------------------------------------------------

    def save(self, item: StoredArticle, checked: Sequence[CheckedClaim] | None = None) -> bool:
        """Store one article with its checked claims, in one transaction.

        ``checked`` None means not processed yet (ingest only); a list, even empty, marks it processed.
        False when the article was already stored (by another run at the same time): it is left as is.
        """
        feed_id = self.feed_id(item.feed_url) if item.feed_url else None
        art = item.article
        row = {
            "id": art.id, "guid": item.guid, "url": art.url, "canonical_url": item.canonical_url,
            "source": art.source, "title": art.title, "text": art.text,
            "published": art.published.astimezone(UTC).isoformat() if art.published else None,
            "published_raw": art.published_raw, "content_hash": item.content_hash,
            "minhash": dedup.signature_bytes(item.signature) if item.signature is not None else None,
            "duplicate_of": item.duplicate_of, "duplicate_kind": item.duplicate_kind,
            "similarity": item.similarity, "feed_id": feed_id, "origin": item.origin, "note": item.note,
            "first_seen": now_utc(), "processed_at": now_utc() if checked is not None else None,
        }
        try:
            with self._writing() as conn:
                if conn.execute(self._insert_ignoring_conflicts(articles).values(**row)).rowcount == 0:
                    return False
                if item.signature is not None and item.duplicate_of is None:
                    conn.execute(insert(minhash_bands),
                                 [{"key": k, "article_id": art.id} for k in dedup.band_keys(item.signature)])
                if checked:
                    self._insert_checked(conn, art.id, checked)
        except IntegrityError:
            # a backend without ON CONFLICT: the article is already stored (another run), or its
            # duplicate_of is gone; either way nothing of this transaction was written
            if self.find_same_item(art.id, None, None):
                return False
            raise
        return True

    def save_checked(self, article_id: str, checked: Sequence[CheckedClaim]) -> bool:
        """Claims for an article stored earlier without them; one transaction, marks it processed.

        False when it was processed already (by another run at the same time).
        """
        with self._writing() as conn:
            done = conn.execute(select(articles.c.processed_at).where(articles.c.id == article_id)
                                .with_for_update()).first()
            if done is None or done.processed_at is not None:
                return False
            self._insert_checked(conn, article_id, checked)
            conn.execute(update(articles).where(articles.c.id == article_id).values(processed_at=now_utc()))
        return True

    def update_verdicts(self, changes: Iterable[tuple[int, Verdict]], reason: str) -> int:
        """New verdicts for stored claims (by row), each recorded in the claim's history with ``reason``.

        A verdict equal to the current one (same verdict, explanation and evidence) only refreshes when
        it was checked and with which market data; the history gets a row only when something changed.
        Returns the number of claims whose verdict changed.
        """
        changed = 0
        stamp = now_utc()
        with self._writing() as conn:
            for claim_row, verdict in changes:
                data = _json(to_dict(verdict))
                current = conn.execute(select(verdicts.c.data).where(verdicts.c.claim_row == claim_row)
                                       .with_for_update()).scalar()
                if current is None:
                    continue  # the claim is gone (never deleted today; kept for safety)
                values = {"checked_at": stamp, "market_as_of": self.market_as_of}
                if current != data:
                    values.update(verdict=verdict.verdict, explanation=verdict.explanation, data=data)
                    self._append_history(conn, claim_row, verdict, data, stamp, reason)
                    changed += 1
                conn.execute(update(verdicts).where(verdicts.c.claim_row == claim_row).values(**values))
        return changed

    def _insert_checked(self, conn: Connection, article_id: str, checked: Sequence[CheckedClaim]) -> None:
        stamp = now_utc()
        for seq, item in enumerate(checked):
            claim_data = to_dict(item.claim)
            claim_row = conn.execute(insert(claims).values(
                claim_id=item.claim.claim_id, article_id=article_id, seq=seq, kind=item.claim.kind,
                data=_json(claim_data))).inserted_primary_key[0]
            data = _json(to_dict(item.verdict))
            conn.execute(insert(verdicts).values(
                claim_row=claim_row, verdict=item.verdict.verdict, explanation=item.verdict.explanation,
                data=data, checked_at=stamp, market_as_of=self.market_as_of))
            self._append_history(conn, claim_row, item.verdict, data, stamp, "first check")
            if item.claim.kind == "deal":
                words = party_words(claim_data.get("parties") or [])
                if words:
                    conn.execute(insert(deal_words), [{"claim_row": claim_row, "word": w, "session": item.claim.session}
                                                      for w in sorted(words)])

    def _append_history(self, conn: Connection, claim_row: int, verdict: Verdict, data: str, stamp: str,
                        reason: str) -> None:
        conn.execute(insert(verdict_history).values(
            claim_row=claim_row, verdict=verdict.verdict, explanation=verdict.explanation, data=data,
            checked_at=stamp, market_as_of=self.market_as_of, reason=reason))

    def _insert_ignoring_conflicts(self, table):  # type: ignore[no-untyped-def]
        """INSERT that does nothing where the row's key is already stored (SQLite and PostgreSQL)."""
        name = self.engine.dialect.name
        if name == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        if name == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        return insert(table)  # elsewhere the IntegrityError is handled by the caller

    # ---- reads --------------------------------------------------------------------------------

    def unprocessed(self, batch_size: int = 64) -> Iterator[list[Article]]:
        """Canonical articles stored without claims (an ingest-only run), in batches, oldest first."""
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(articles)
                    .where(articles.c.processed_at.is_(None), articles.c.duplicate_of.is_(None),
                           articles.c.id > last)
                    .order_by(articles.c.id).limit(batch_size)).mappings().all()
            if not rows:
                return
            last = rows[-1]["id"]
            yield [_article(r) for r in rows]

    def article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        return _article(row) if row else None

    def articles(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """Stored articles by id (those that exist)."""
        wanted = sorted(set(article_ids))
        found: dict[str, Article] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                query = select(articles).where(articles.c.id.in_(wanted[start:start + 500]))
                found.update((r["id"], _article(r)) for r in conn.execute(query).mappings())
        return found

    def checked_claims(self) -> Iterator[CheckedClaim]:
        """Every stored claim with its verdict, in article and sentence order."""
        query = (select(claims.c.data, verdicts.c.data.label("verdict_data"))
                 .join(verdicts, verdicts.c.claim_row == claims.c.id)
                 .order_by(claims.c.article_id, claims.c.seq))
        with self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True).execute(query):
                yield CheckedClaim(from_dict(Claim, json.loads(row.data)),
                                   from_dict(Verdict, json.loads(row.verdict_data)))

    def stored_claims(self, verdict_in: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
                      exclude_kinds: Sequence[str] = (), market_before: str | None = None) -> list[StoredClaim]:
        """Stored claims with their current verdicts, optionally only some verdicts or kinds.

        ``market_before``: only those last checked with market data ending before that day (or unknown).
        """
        query = self._stored_query()
        if market_before is not None:
            query = query.where(or_(verdicts.c.market_as_of.is_(None), verdicts.c.market_as_of < market_before))
        if verdict_in is not None:
            query = query.where(verdicts.c.verdict.in_(list(verdict_in)))
        if kinds is not None:
            query = query.where(claims.c.kind.in_(list(kinds)))
        if exclude_kinds:
            query = query.where(claims.c.kind.not_in(list(exclude_kinds)))
        with self.engine.connect() as conn:
            return [_stored(r) for r in conn.execute(query)]

    def deal_reports(self, words: Iterable[str], exclude_rows: Iterable[int] = (),
                     sessions: tuple[str, str] | None = None) -> list[StoredClaim]:
        """Stored deal claims with a party name containing one of ``words`` (lower case).

        ``sessions`` (first, last; ISO dates) keeps only the claims of those sessions, and those without one.
        """
        wanted = sorted({w[:100] for w in words})
        if not wanted:
            return []
        skip = set(exclude_rows)
        found: dict[int, StoredClaim] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                rows = select(deal_words.c.claim_row).where(deal_words.c.word.in_(wanted[start:start + 500]))
                if sessions is not None:
                    rows = rows.where(deal_words.c.session.is_(None)
                                      | deal_words.c.session.between(sessions[0], sessions[1]))
                for r in conn.execute(self._stored_query().where(claims.c.id.in_(rows))):
                    if r.id not in skip:
                        found[r.id] = _stored(r)
        return [found[k] for k in sorted(found)]

    def verdict_history(self, article_id: str | None = None) -> list[HistoryEntry]:
        """Every verdict each stored claim has had, by article, claim and time (for exports and reports)."""
        query = (select(verdict_history, claims.c.article_id, claims.c.claim_id, claims.c.seq, claims.c.kind)
                 .join(claims, claims.c.id == verdict_history.c.claim_row)
                 .order_by(claims.c.article_id, claims.c.seq, verdict_history.c.id))
        if article_id is not None:
            query = query.where(claims.c.article_id == article_id)
        with self.engine.connect() as conn:
            return [HistoryEntry(r.claim_row, r.article_id, r.claim_id, r.seq, r.kind, r.verdict, r.explanation,
                                 r.checked_at, r.market_as_of, r.reason) for r in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            def scalar(q):  # type: ignore[no-untyped-def]
                return int(conn.execute(q).scalar() or 0)
            return {
                "articles": scalar(select(func.count()).select_from(articles)),
                "canonical": scalar(select(func.count()).select_from(articles)
                                    .where(articles.c.duplicate_of.is_(None))),
                "duplicates": scalar(select(func.count()).select_from(articles)
                                     .where(articles.c.duplicate_of.is_not(None))),
                "claims": scalar(select(func.count()).select_from(claims)),
                "feeds": scalar(select(func.count()).select_from(feeds)),
            }

    def verdict_counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(verdicts.c.verdict, func.count()).group_by(verdicts.c.verdict))
            return {v: int(n) for v, n in rows}

    @staticmethod
    def _stored_query():  # type: ignore[no-untyped-def]
        return (select(claims.c.id, claims.c.data, verdicts.c.data.label("verdict_data"), verdicts.c.checked_at,
                       verdicts.c.market_as_of)
                .join(verdicts, verdicts.c.claim_row == claims.c.id).order_by(claims.c.id))


def _stored(row) -> StoredClaim:  # type: ignore[no-untyped-def]
    return StoredClaim(row.id, from_dict(Claim, json.loads(row.data)), from_dict(Verdict, json.loads(row.verdict_data)),
                       row.checked_at, row.market_as_of)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _article(row) -> Article:  # type: ignore[no-untyped-def]
    published = datetime.fromisoformat(row["published"]) if row["published"] else None
    return Article(id=row["id"], text=row["text"], published=published, url=row["url"], source=row["source"],
                   title=row["title"], published_raw=row["published_raw"])


def _schema_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def _set_meta(conn: Connection, key: str, value: str) -> None:
    if conn.execute(select(meta.c.key).where(meta.c.key == key)).first() is None:
        conn.execute(insert(meta).values(key=key, value=value))
    else:
        conn.execute(update(meta).where(meta.c.key == key).values(value=value))


def _first_line(exc: object) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]


class _LockedAtOpen(Exception):
    """SQLite said "database is locked" while a store was being opened (tried again by ``Store.open``)."""


def _sqlite_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # transactions are begun by SQLAlchemy's "begin" event below (the pysqlite driver's own implicit
    # BEGIN comes too late for DDL and cannot take the write lock up front)
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    # first: the statements below wait for another process's lock too (switching to WAL while a second run
    # writes failed with "database is locked" after the driver's default 5 s on a loaded machine)
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a committed transaction survives a process kill; only power loss may lose the
    # last few, and never corrupts the file
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # a writer takes the write lock when it begins: a deferred transaction that read first would fail
    # with SQLITE_BUSY (no waiting) if another process committed in between
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


__all__ = ["SCHEMA_VERSION", "FeedState", "HistoryEntry", "SQLAlchemyError", "Store", "StoredArticle",
           "StoredClaim", "db_url", "default_db_url"]
