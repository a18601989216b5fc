"""The article store, beside the stages: feeds, articles, claims, verdicts and their history.

Ingest writes to it, the CLI reads it; it imports no later stage (no cli, no report). SQLite by default,
PostgreSQL (or any SQLAlchemy URL) through ``--db``.
"""

from analyzer.store.store import (
    SCHEMA_VERSION,
    FeedState,
    HistoryEntry,
    SQLAlchemyError,
    Store,
    StoredArticle,
    StoredClaim,
    db_url,
    default_db_url,
)

__all__ = ["SCHEMA_VERSION", "FeedState", "HistoryEntry", "SQLAlchemyError", "Store", "StoredArticle",
           "StoredClaim", "db_url", "default_db_url"]
