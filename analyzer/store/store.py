"""The article store: feeds, articles, claims and verdicts in one embedded database.

SQLAlchemy Core over SQLite by default (one file, WAL journal, so a reader such as ``analyzer export``
never blocks a running ``analyzer run``). Any SQLAlchemy URL works (``--db postgresql://...``).

Writes are transactional per article: an article, its claims and their verdicts are committed together,
so a crash or ``kill -9`` loses at most the article in flight, and the next run, which skips what is
stored, resumes without duplicates.

Schema versions: the ``meta`` table holds ``schema_version``; ``MIGRATIONS`` maps each version to the
steps that bring the previous one up to it, run in one transaction on open. That is what Alembic would do
for a schema of six tables, without a migration environment to ship and configure, and the steps stay
plain SQLAlchemy so they run on any backend.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import platformdirs
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from analyzer.errors import InputError
from analyzer.ingest import dedup
from analyzer.records import Article, CheckedClaim, Claim, Verdict, from_dict, to_dict

SCHEMA_VERSION = 1
ENV_DB = "ANALYZER_DB"

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

feeds = Table(
    "feeds", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_status", Integer),  # HTTP status of the last fetch (0: not fetched over HTTP)
    Column("last_checked", String(40)),
    Column("last_ok", String(40)),
    Column("error_count", Integer, nullable=False, default=0),  # consecutive failures
    Column("last_error", Text),
)

articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("guid", String(2048)),
    Column("url", String(2048)),
    Column("canonical_url", String(2048)),
    Column("source", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", String(40)),  # ISO 8601 in UTC
    Column("published_raw", Text),  # as the source wrote it
    Column("content_hash", String(64), nullable=False),
    Column("minhash", LargeBinary),
    Column("duplicate_of", String(200), ForeignKey("articles.id")),
    Column("duplicate_kind", String(16)),  # content|near
    Column("similarity", Float),
    Column("feed_id", Integer, ForeignKey("feeds.id")),
    Column("origin", Text),  # the input it came from: file path or URL
    Column("note", Text),  # e.g. why full text was not extracted, a date we could not trust
    Column("first_seen", String(40), nullable=False),
    Column("processed_at", String(40)),  # claims extracted and checked
    Index("ix_articles_guid", "guid"),
    Index("ix_articles_canonical_url", "canonical_url"),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_duplicate_of", "duplicate_of"),
    Index("ix_articles_processed", "processed_at"),
)

minhash_bands = Table(
    "minhash_bands", metadata,
    Column("key", BigInteger, nullable=False),
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Index("ix_minhash_bands_key", "key"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), nullable=False),
    Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("data", Text, nullable=False),  # records.to_dict(Claim)
    Index("ix_claims_article", "article_id"),
    Index("ix_claims_claim_id", "claim_id"),
)

verdicts = Table(
    "verdicts", metadata,
    Column("claim_row", Integer, ForeignKey("claims.id"), primary_key=True),
    Column("verdict", String(32), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("data", Text, nullable=False),  # records.to_dict(Verdict)
    Index("ix_verdicts_verdict", "verdict"),
)


def _migrate_to_1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[meta, feeds, articles, minhash_bands, claims, verdicts])


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _migrate_to_1}


def default_db_url() -> str:
    """``$ANALYZER_DB`` if set, else a SQLite file in the user's data directory."""
    given = os.environ.get(ENV_DB)
    if given:
        return given
    return str(Path(platformdirs.user_data_dir("analyzer", appauthor=False)) / "analyzer.db")


def db_url(value: str | None) -> str:
    """A SQLAlchemy URL from a ``--db`` value: a URL as is, a path as a SQLite file."""
    value = value or default_db_url()
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
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


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._feed_ids: dict[str, int] = {}

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating or migrating) the store at a ``--db`` value or the default location."""
        resolved = db_url(url)
        try:
            engine = create_engine(resolved, future=True)
        except (ArgumentError, ImportError, ValueError) as exc:
            raise InputError(f"database {resolved}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        try:
            store._migrate()
        except OperationalError as exc:
            raise InputError(f"database {resolved}: cannot open ({exc.orig})") from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    # ---- schema -------------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, "meta"):
                return 0
            value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
            return int(value) if value is not None else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise InputError(f"database {self.engine.url}: schema version {current} is newer than this "
                             f"analyzer understands ({SCHEMA_VERSION}); upgrade analyzer")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.engine.begin() as conn:
                MIGRATIONS[version](conn)
                _set_meta(conn, "schema_version", str(version))

    # ---- feeds --------------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
        if row is None:
            return FeedState(url)
        return FeedState(url, row["etag"], row["last_modified"], row["error_count"])

    def feed_id(self, url: str) -> int:
        if url not in self._feed_ids:
            with self.engine.begin() as conn:
                found = conn.execute(select(feeds.c.id).where(feeds.c.url == url)).scalar()
                if found is None:
                    found = conn.execute(insert(feeds).values(url=url, error_count=0)).inserted_primary_key[0]
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
        with self.engine.begin() as conn:
            conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))

    def record_feed_error(self, url: str, reason: str, status: int | None = None) -> None:
        feed_id = self.feed_id(url)
        with self.engine.begin() as conn:
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

    def save(self, item: StoredArticle, checked: Sequence[CheckedClaim] | None = None) -> None:
        """Store one article with its checked claims, in one transaction.

        ``checked`` None means not processed yet (ingest only); a list, even empty, marks it processed.
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
        with self.engine.begin() as conn:
            conn.execute(insert(articles).values(**row))
            if item.signature is not None and item.duplicate_of is None:
                conn.execute(insert(minhash_bands),
                             [{"key": k, "article_id": art.id} for k in dedup.band_keys(item.signature)])
            if checked:
                _insert_checked(conn, art.id, checked)

    def save_checked(self, article_id: str, checked: Sequence[CheckedClaim]) -> None:
        """Claims for an article stored earlier without them; one transaction, marks it processed."""
        with self.engine.begin() as conn:
            done = conn.execute(select(articles.c.processed_at).where(articles.c.id == article_id)).scalar()
            if done is not None:
                return
            _insert_checked(conn, article_id, checked)
            conn.execute(update(articles).where(articles.c.id == article_id).values(processed_at=now_utc()))

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

    def checked_claims(self) -> Iterator[CheckedClaim]:
        """Every stored claim with its verdict, in article and sentence order."""
        query = (select(claims.c.data, verdicts.c.data.label("verdict_data"))
                 .join(verdicts, verdicts.c.claim_row == claims.c.id)
                 .order_by(claims.c.article_id, claims.c.seq))
        with self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True).execute(query):
                yield CheckedClaim(from_dict(Claim, json.loads(row.data)),
                                   from_dict(Verdict, json.loads(row.verdict_data)))

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


def _insert_checked(conn: Connection, article_id: str, checked: Sequence[CheckedClaim]) -> None:
    for seq, item in enumerate(checked):
        claim_row = conn.execute(insert(claims).values(
            claim_id=item.claim.claim_id, article_id=article_id, seq=seq, kind=item.claim.kind,
            data=json.dumps(to_dict(item.claim), ensure_ascii=False))).inserted_primary_key[0]
        conn.execute(insert(verdicts).values(
            claim_row=claim_row, verdict=item.verdict.verdict, explanation=item.verdict.explanation,
            data=json.dumps(to_dict(item.verdict), ensure_ascii=False)))


def _article(row) -> Article:  # type: ignore[no-untyped-def]
    published = datetime.fromisoformat(row["published"]) if row["published"] else None
    return Article(id=row["id"], text=row["text"], published=published, url=row["url"], source=row["source"],
                   title=row["title"], published_raw=row["published_raw"])


def _set_meta(conn: Connection, key: str, value: str) -> None:
    if conn.execute(select(meta.c.key).where(meta.c.key == key)).first() is None:
        conn.execute(insert(meta).values(key=key, value=value))
    else:
        conn.execute(update(meta).where(meta.c.key == key).values(value=value))


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a committed transaction survives a process kill; only power loss may lose the
    # last few, and never corrupts the file
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


__all__ = ["SCHEMA_VERSION", "FeedState", "Store", "StoredArticle", "SQLAlchemyError", "db_url",
           "default_db_url"]
