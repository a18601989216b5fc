"""The store's tables and the migrations that bring an older database up to them.

Schema versions: the ``meta`` table holds ``schema_version``. A new database is created at the current
version in one step; an existing one runs ``MIGRATIONS[v]`` for every version after its own, each in one
transaction on open. That is what Alembic would do for a schema this size, without a migration
environment to ship and configure, and the steps stay plain SQLAlchemy so they run on any backend.

Version 2 added the verdict history (every verdict a claim has had, when, with what market data and
why it changed), the market-data coverage of the current verdict, and the words of deal parties
(to find earlier reports of a deal without reading every stored claim).

Version 3 added each deal word's session, so that the search for earlier reports of a deal reads only the
reports within the deal window of the new ones: without it every report sharing a common word ("bank",
"general") was read and compared, and a long run slowed down as its store grew.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    insert,
    inspect,
    select,
    update,
)

SCHEMA_VERSION = 3

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

feeds = Table(
    "feeds", metadata,
    Column("id", Integer, primary_key=True),
    # Text, not String(n): PostgreSQL enforces lengths and a feed or article URL has none
    Column("url", Text, nullable=False, unique=True),
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
    Column("id", Text, primary_key=True),
    Column("guid", Text),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", String(40)),  # ISO 8601 in UTC
    Column("published_raw", Text),  # as the source wrote it
    Column("content_hash", String(64), nullable=False),
    Column("minhash", LargeBinary),
    Column("duplicate_of", Text, ForeignKey("articles.id")),
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
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False),
    Index("ix_minhash_bands_key", "key"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(32), nullable=False),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False),
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
    Column("checked_at", String(40)),  # v2: when this verdict was reached
    Column("market_as_of", String(10)),  # v2: the last day the market data covered then
    Index("ix_verdicts_verdict", "verdict"),
)

# v2: every verdict a claim has had, oldest first; the last row is the one in ``verdicts``
verdict_history = Table(
    "verdict_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_row", Integer, ForeignKey("claims.id"), nullable=False),
    Column("verdict", String(32), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("checked_at", String(40), nullable=False),
    Column("market_as_of", String(10)),
    Column("reason", Text, nullable=False),  # why it was (re)checked: first check, market data, a new report
    Index("ix_verdict_history_claim", "claim_row"),
)

# v2: each word of each party name of a deal claim, so earlier reports of a deal are found by index
deal_words = Table(
    "deal_words", metadata,
    Column("claim_row", Integer, ForeignKey("claims.id"), nullable=False),
    Column("word", String(100), nullable=False),
    Column("session", String(10)),  # v3: the claim's session (None when it has none)
    Index("ix_deal_words_word", "word"),
    Index("ix_deal_words_word_session", "word", "session"),
)

NAME_WORD = re.compile(r"[a-z0-9&]+")


def party_words(parties: Iterable[dict]) -> set[str]:
    """The lower-case words of a deal's party names (the same characters the deal check's keys keep)."""
    return {w[:100] for p in parties for w in NAME_WORD.findall((p.get("name") or "").lower())}


def create_current(conn: Connection) -> None:
    metadata.create_all(conn)


def _migrate_to_2(conn: Connection) -> None:
    have = {c["name"] for c in inspect(conn).get_columns("verdicts")}
    for column in ("checked_at VARCHAR(40)", "market_as_of VARCHAR(10)"):
        if column.split()[0] not in have:
            conn.exec_driver_sql(f"ALTER TABLE verdicts ADD COLUMN {column}")
    metadata.create_all(conn, tables=[verdict_history, deal_words])
    # the verdicts stored before history was kept become each claim's first history row
    first = (select(verdicts.c.claim_row, verdicts.c.verdict, verdicts.c.explanation, verdicts.c.data,
                    articles.c.processed_at)
             .join(claims, claims.c.id == verdicts.c.claim_row).join(articles, articles.c.id == claims.c.article_id))
    rows = [{"claim_row": r.claim_row, "verdict": r.verdict, "explanation": r.explanation, "data": r.data,
             "checked_at": r.processed_at or "", "market_as_of": None,
             "reason": "first check (stored before verdict history was kept)"} for r in conn.execute(first)]
    if rows:
        conn.execute(insert(verdict_history), rows)
    words = [{"claim_row": r.id, "word": w}
             for r in conn.execute(select(claims.c.id, claims.c.data).where(claims.c.kind == "deal"))
             for w in party_words(json.loads(r.data).get("parties") or [])]
    if words:
        conn.execute(insert(deal_words), words)


def _migrate_to_3(conn: Connection) -> None:
    have = {c["name"] for c in inspect(conn).get_columns("deal_words")}
    if "session" not in have:
        conn.exec_driver_sql("ALTER TABLE deal_words ADD COLUMN session VARCHAR(10)")
    rows = [{"row": r.id, "claim_session": json.loads(r.data).get("session")}
            for r in conn.execute(select(claims.c.id, claims.c.data).where(claims.c.kind == "deal"))]
    rows = [r for r in rows if r["claim_session"]]
    if rows:
        conn.execute(update(deal_words).where(deal_words.c.claim_row == bindparam("row"))
                     .values(session=bindparam("claim_session")), rows)
    for index in deal_words.indexes:
        index.create(conn, checkfirst=True)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _migrate_to_2, 3: _migrate_to_3}
