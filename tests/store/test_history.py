"""Verdict history and the schema migration that brought it (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
)

from analyzer.ingest import dedup
from analyzer.records import Article, CheckedClaim, Claim, Party, Verdict, to_dict
from analyzer.store import SCHEMA_VERSION, Store, StoredArticle, db_url


def _rate_claim(article_id: str) -> Claim:
    return Claim(article_id=article_id, sentence="We wrote that the Fed is expected to cut rates this year.",
                 char_start=0, char_end=57, kind="rate_policy", modality="expectation", bank="Fed", action="cut",
                 session="2025-08-26")


def _deal_claim(article_id: str) -> Claim:
    return Claim(article_id=article_id, sentence="Acme Corp. agreed to buy Widget Holdings Inc.", char_start=0,
                 char_end=45, kind="deal", deal_type="acquisition", status="announced", session="2007-03-01",
                 parties=[Party("Acme Corp.", "acquirer"), Party("Widget Holdings Inc.", "target")])


def _save(store: Store, article_id: str, *items: CheckedClaim) -> None:
    article = Article(id=article_id, text=f"text of {article_id}")
    store.save(StoredArticle(article, dedup.content_hash(article.text)), list(items))


def test_history_records_each_change_with_its_reason(store):
    store.market_as_of = "2025-09-01"
    _save(store, "a1", CheckedClaim(_rate_claim("a1"), Verdict("pending", "no matching decision yet.")))
    [stored] = store.stored_claims(verdict_in=["pending"])
    assert stored.market_as_of == "2025-09-01"
    store.market_as_of = "2025-10-01"
    same = Verdict("pending", "no matching decision yet.")
    assert store.update_verdicts([(stored.row, same)], "checked again") == 0  # no change, no history row
    assert [h.verdict for h in store.verdict_history()] == ["pending"]
    assert store.stored_claims()[0].market_as_of == "2025-10-01"  # but it was checked with newer data
    store.market_as_of = "2025-10-20"
    supported = Verdict("supported", "the Fed cut on 2025-09-17.")
    assert store.update_verdicts([(stored.row, supported)], "checked again with newer data") == 1
    history = store.verdict_history()
    assert [(h.verdict, h.market_as_of, h.reason) for h in history] == [
        ("pending", "2025-09-01", "first check"), ("supported", "2025-10-20", "checked again with newer data")]
    assert history[0].article_id == "a1" and history[0].kind == "rate_policy" and history[0].to_dict()["seq"] == 0
    assert store.verdict_counts() == {"supported": 1}
    assert [c.verdict.verdict for c in store.checked_claims()] == ["supported"]


def test_deal_reports_are_found_by_party_words(store):
    _save(store, "d1", CheckedClaim(_deal_claim("d1"), Verdict("unverifiable", "the only report.")))
    _save(store, "r1", CheckedClaim(_rate_claim("r1"), Verdict("pending", "not yet.")))
    assert [s.claim.article_id for s in store.deal_reports({"widget"})] == ["d1"]
    assert [s.claim.article_id for s in store.deal_reports({"acme", "nobody"})] == ["d1"]
    assert store.deal_reports({"fed"}) == [] and store.deal_reports(set()) == []
    row = store.deal_reports({"acme"})[0].row
    assert store.deal_reports({"acme"}, exclude_rows=[row]) == []


# the schema as version 1 created it (analyzer before the verdict history)
V1 = MetaData()
Table("meta", V1, Column("key", String(64), primary_key=True), Column("value", Text))
Table("feeds", V1, Column("id", Integer, primary_key=True), Column("url", String(2048), nullable=False, unique=True),
      Column("title", Text), Column("etag", Text), Column("last_modified", Text), Column("last_status", Integer),
      Column("last_checked", String(40)), Column("last_ok", String(40)),
      Column("error_count", Integer, nullable=False, default=0), Column("last_error", Text))
Table("articles", V1, Column("id", String(200), primary_key=True), Column("guid", String(2048)),
      Column("url", String(2048)), Column("canonical_url", String(2048)), Column("source", Text),
      Column("title", Text), Column("text", Text, nullable=False), Column("published", String(40)),
      Column("published_raw", Text), Column("content_hash", String(64), nullable=False),
      Column("minhash", LargeBinary), Column("duplicate_of", String(200), ForeignKey("articles.id")),
      Column("duplicate_kind", String(16)), Column("similarity", Float),
      Column("feed_id", Integer, ForeignKey("feeds.id")), Column("origin", Text), Column("note", Text),
      Column("first_seen", String(40), nullable=False), Column("processed_at", String(40)))
Table("minhash_bands", V1, Column("key", BigInteger, nullable=False),
      Column("article_id", String(200), ForeignKey("articles.id"), nullable=False))
Table("claims", V1, Column("id", Integer, primary_key=True, autoincrement=True),
      Column("claim_id", String(32), nullable=False),
      Column("article_id", String(200), ForeignKey("articles.id"), nullable=False),
      Column("seq", Integer, nullable=False), Column("kind", String(32), nullable=False),
      Column("data", Text, nullable=False))
Table("verdicts", V1, Column("claim_row", Integer, ForeignKey("claims.id"), primary_key=True),
      Column("verdict", String(32), nullable=False), Column("explanation", Text, nullable=False),
      Column("data", Text, nullable=False))


def _v1_database(db: str) -> None:
    engine = create_engine(db_url(db))
    with engine.begin() as conn:
        V1.create_all(conn)
        t = V1.tables
        conn.execute(insert(t["meta"]).values(key="schema_version", value="1"))
        for n, claim in enumerate([_rate_claim("old1"), _deal_claim("old2")], start=1):
            conn.execute(insert(t["articles"]).values(id=claim.article_id, text="stored by version 1",
                                                      content_hash=f"h{n}", first_seen="2025-08-27T00:00:00+00:00",
                                                      processed_at="2025-08-27T00:00:01+00:00"))
            conn.execute(insert(t["claims"]).values(id=n, claim_id=claim.claim_id, article_id=claim.article_id,
                                                    seq=0, kind=claim.kind, data=json.dumps(to_dict(claim))))
            verdict = Verdict("pending", "stored by version 1.")
            conn.execute(insert(t["verdicts"]).values(claim_row=n, verdict="pending", explanation=verdict.explanation,
                                                      data=json.dumps(to_dict(verdict))))
    engine.dispose()


def test_a_version_1_database_is_migrated_and_keeps_its_data(db):
    _v1_database(db)
    store = Store.open(db)
    assert store.schema_version() == SCHEMA_VERSION == 3
    assert store.counts()["articles"] == 2 and store.counts()["claims"] == 2
    assert [c.claim for c in store.checked_claims()] == [_rate_claim("old1"), _deal_claim("old2")]
    history = store.verdict_history()
    assert [(h.article_id, h.verdict, h.checked_at) for h in history] == [
        ("old1", "pending", "2025-08-27T00:00:01+00:00"), ("old2", "pending", "2025-08-27T00:00:01+00:00")]
    assert [s.claim.article_id for s in store.deal_reports({"acme"})] == ["old2"]  # deal words backfilled
    # ... with their session (2007-03-01), so a search within another deal window does not read them
    assert [s.claim.article_id for s in store.deal_reports({"acme"}, sessions=("2007-02-01", "2007-03-31"))] == ["old2"]
    assert store.deal_reports({"acme"}, sessions=("2008-02-01", "2008-03-31")) == []
    [rate] = store.stored_claims(kinds=["rate_policy"])
    store.update_verdicts([(rate.row, Verdict("supported", "the Fed cut."))], "checked again")
    assert [h.verdict for h in store.verdict_history("old1")] == ["pending", "supported"]
    store.close()
    assert Store.open(db).schema_version() == 3  # reopening migrates nothing


def test_a_version_2_database_gets_the_sessions_of_its_deal_words(db):
    """Version 2 stored deal words without sessions: version 3 fills them in from the claims."""
    store = Store.open(db)
    _save(store, "d1", CheckedClaim(_deal_claim("d1"), Verdict("unverifiable", "one report.")))
    with store.engine.begin() as conn:  # back to version 2: the column and its index did not exist
        conn.exec_driver_sql("DROP INDEX ix_deal_words_word_session")
        conn.exec_driver_sql("ALTER TABLE deal_words DROP COLUMN session")
        conn.exec_driver_sql("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    store.close()
    store = Store.open(db)
    assert store.schema_version() == 3
    assert [s.claim.article_id for s in store.deal_reports({"widget"}, sessions=("2007-03-01", "2007-03-01"))] == ["d1"]
    assert store.deal_reports({"widget"}, sessions=("2007-04-01", "2007-05-01")) == []
    store.close()
