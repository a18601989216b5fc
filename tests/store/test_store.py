import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from analyzer.errors import InputError
from analyzer.ingest import dedup, read_articles
from analyzer.ingest.pipeline import Ingestor
from analyzer.records import Article, CheckedClaim, Claim, Evidence, Instrument, Verdict
from analyzer.report.export import read_jsonl
from analyzer.store import SCHEMA_VERSION, Store, StoredArticle, db_url, default_db_url
from analyzer.store.store import meta


def checked(article_id: str, n: int = 2) -> list[CheckedClaim]:
    out = []
    for i in range(n):
        claim = Claim(article_id=article_id, sentence=f"The Dow rose {i}%.", char_start=10 * i, char_end=10 * i + 9,
                      kind="index_move", instrument=Instrument("Dow Jones Industrial Average", "^DJI"),
                      direction="up", change_pct=float(i), session="2006-10-20", stated={"change_pct": f"{i}%"})
        verdict = Verdict("supported", f"The Dow rose {i}%.",
                          [Evidence(symbol="^DJI", series="close", figures={"close": 12002.37})])
        out.append(CheckedClaim(claim, verdict))
    return out


def test_new_store_is_at_the_current_schema(db, store):
    assert store.schema_version() == SCHEMA_VERSION == 3
    assert Store.open(db).schema_version() == 3  # reopening migrates nothing


def test_newer_schema_is_refused(db, store):
    with store.engine.begin() as conn:
        conn.execute(update(meta).where(meta.c.key == "schema_version").values(value="99"))
    with pytest.raises(InputError, match="schema version 99 is newer"):
        Store.open(db)


def test_wal_mode(tmp_path):
    store = Store.open(str(tmp_path / "wal.db"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_db_location(monkeypatch, tmp_path):
    monkeypatch.setenv("ANALYZER_DB", str(tmp_path / "env.db"))
    assert default_db_url() == str(tmp_path / "env.db")
    assert db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert db_url("sqlite:///x.db") == "sqlite:///x.db"
    monkeypatch.delenv("ANALYZER_DB")
    assert "analyzer" in default_db_url()


def test_article_and_claims_round_trip_and_export(store, reuters_jsonl, tmp_path):
    article = next(iter(read_articles(reuters_jsonl)))
    item = StoredArticle(article, dedup.content_hash(article.text), signature=dedup.signature(article.text))
    store.save(item, checked(article.id))
    assert store.article(article.id) == article
    claims = list(store.checked_claims())
    assert [c.to_dict() for c in claims] == [c.to_dict() for c in checked(article.id)]
    from analyzer.report.export import write_jsonl
    out = tmp_path / "claims.jsonl"
    assert write_jsonl(store.checked_claims(), out) == 2
    assert [c.to_dict() for c in read_jsonl(out)] == [c.to_dict() for c in claims]
    assert store.verdict_counts() == {"supported": 2}


def test_an_article_and_its_claims_commit_together(store):
    article = Article(id="a1", text="The Dow rose 1%.", published=datetime(2006, 10, 20, 20, tzinfo=UTC))
    broken = checked("a1")
    broken[1].claim.stated = {"change_pct": object()}  # cannot be serialised: fails after the article insert
    with pytest.raises(TypeError):
        store.save(StoredArticle(article, dedup.content_hash(article.text)), broken)
    assert store.article("a1") is None and store.counts()["claims"] == 0
    store.save(StoredArticle(article, dedup.content_hash(article.text)), checked("a1"))
    assert store.counts() == {"articles": 1, "canonical": 1, "duplicates": 0, "claims": 2, "feeds": 0}


def test_ingest_only_then_processing_the_backlog(store, reuters_jsonl):
    summary = Ingestor(store).run([str(reuters_jsonl)])
    assert summary.new + sum(summary.duplicates.values()) == store.counts()["articles"] == 200
    seen: list[str] = []

    def process(batch):
        seen.extend(a.id for a in batch)
        return [c for a in batch[:1] for c in checked(a.id, 1)]

    again = Ingestor(store, process=process, batch_size=50).run([str(reuters_jsonl)])
    assert again.new == 0 and again.already_stored == 200
    assert len(seen) == summary.new == len(set(seen))  # canonical articles only, each once
    assert again.processed == summary.new
    assert list(store.unprocessed()) == []
    third = Ingestor(store, process=process).run([str(reuters_jsonl)])
    assert third.processed == 0 and len(seen) == summary.new


def test_a_failing_batch_is_kept_unprocessed(store, reuters_jsonl):
    def process(batch):
        raise RuntimeError("model crashed")

    summary = Ingestor(store, process=process).run([str(reuters_jsonl)])
    assert summary.failed_batches and "model crashed" in summary.failed_batches[0]
    assert store.counts()["articles"] == 200
    assert sum(len(b) for b in store.unprocessed()) == summary.new


def test_duplicates_are_linked_not_dropped(store, reuters_jsonl, tmp_path):
    rows = [json.loads(line) for line in read_lines(reuters_jsonl)[:3]]
    original = rows[0]
    copy = dict(original, id="copy-elsewhere", url="http://other.example/story")  # same text, other URL
    edited = dict(original, id="syndicated", url="http://third.example/s",
                  body=original["body"] + "\n\n(Reporting by a syndication desk; editing by us)")
    tracked = dict(original, id="tracked", url=original["url"] + "?utm_source=twitter&utm_medium=social")
    path = tmp_path / "dups.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows + [copy, edited, tracked]), encoding="utf-8")
    summary = Ingestor(store).run([str(path)])
    assert summary.already_stored == 1  # the tracking-URL copy is the same item
    assert summary.duplicates == {"content": 1, "near": 1}
    with store.engine.connect() as conn:
        links = dict(conn.exec_driver_sql(
            "select id, duplicate_of || ':' || duplicate_kind from articles where duplicate_of is not null").all())
    assert links == {"copy-elsewhere": f"{original['id']}:content", "syndicated": f"{original['id']}:near"}


def read_lines(path):
    import gzip
    with gzip.open(path, "rt", encoding="utf-8") as src:
        return src.read().splitlines()
