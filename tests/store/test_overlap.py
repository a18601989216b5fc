"""`analyzer run` hands each batch to the engine before it stores the one before (overlap): the store ends
exactly as with one batch at a time.

The batches are two articles long, so that copies, near-copies, repeated ids and reports of one deal fall
in batches that are still waiting to be stored when their later copy is read. Our own sentences: the deal
reports of test_deal_batching, a stock move, and a long paragraph that makes a near-copy detectable.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from analyzer.records import Article, to_dict
from analyzer.store import Store

from .test_deal_batching import ARTICLES

BODY = ("\n\nThe company has spent the past two years selling units that did not fit its plans, and its chief "
        "executive told analysts in a call that the board wanted a larger presence in government work. "
        "Several people who have followed the company for a long time said the talks had started in the "
        "autumn and had stalled twice over the terms of the pension plans. Bankers at two firms advised on "
        "the talks, and lawyers in Washington and New York drew up the papers. The combined business would "
        "employ about forty thousand people in nine states and would keep both headquarters for at least "
        "three years, the people said, asking not to be named because the talks were private.")
MOVE = "Shares of Boeing rose 2 percent to $84 on Tuesday after the planemaker reported strong orders."
OTHER = "The Dow Jones industrial average fell 0.4 percent on Tuesday."
TIME_COLUMNS = {"first_seen", "processed_at", "checked_at", "last_checked", "last_ok"}


@Language.component("overlap_fails_broken_articles")
def overlap_fails_broken_articles(doc: Doc) -> Doc:
    """Stands for a bug in one of our components that only one article's text triggers."""
    if doc._.article_id.startswith("broken"):
        raise ValueError(f"simulated component bug on {doc._.article_id}")
    return doc


def _articles() -> list[dict]:
    deals = {a["id"]: a for a in ARTICLES}
    long_one = {"id": "long-1", "published": "2007-03-06T15:00:00Z", "text": deals["deal-a1"]["text"] + BODY}
    near = dict(long_one, id="near-long-1", text=long_one["text"].replace("nine states", "ten states"))
    return [
        deals["deal-a1"], long_one,  # batch 1
        deals["deal-a2"], dict(deals["deal-a1"], id="copy-a1"),  # batch 2: an exact copy of batch 1's first
        near, deals["deal-a3"],  # batch 3: a near-copy of batch 1's second (both still waiting)
        {"id": "broken-7", "published": "2007-03-07T20:00:00Z", "text": OTHER},
        deals["deal-a4"],  # batch 4
        deals["deal-a1"],  # the same id again: already read
        deals["deal-a5"], {"id": "move-9", "published": "2007-03-06T21:00:00Z", "text": MOVE},  # batch 5
    ]


def _source(tmp_path: Path) -> str:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _articles()), encoding="utf-8")
    return str(path)


def _dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table in storage order, times reduced to whether they are set."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        dump = {}
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')  # noqa: S608  our own table names
            names = [d[0] for d in cursor.description]
            dump[table] = [tuple(v is not None if n in TIME_COLUMNS else v for n, v in zip(names, row, strict=True))
                           for row in cursor]
    dump.pop("meta", None)
    return dump


def _run(db: Path, source: str, market, workers: int, overlap: bool, chunk_articles: int | None = None):  # type: ignore[no-untyped-def]
    from analyzer.cli.processing import batch_processor
    from analyzer.cli.recheck_cmd import with_stored_reports
    from analyzer.ingest.pipeline import Ingestor

    store = Store.open(str(db))
    try:
        with batch_processor(market, workers=workers) as processor:
            if chunk_articles is not None:
                processor.engine.chunk_articles = chunk_articles  # type: ignore[attr-defined]
            process = with_stored_reports(processor, store)  # the deal reports of earlier batches, as `run`
            ingestor = Ingestor(store, process=process, batch_size=2,
                                submit=processor.submit if overlap else None)
            return ingestor.run([source])
    finally:
        store.close()


def _summary(summary) -> tuple:  # type: ignore[no-untyped-def]
    return (summary.new, dict(summary.duplicates), summary.already_stored, summary.processed,
            dict(summary.verdicts), summary.failed_batches)


def test_overlapped_run_on_two_workers_stores_what_a_sequential_run_stores(market, tmp_path: Path) -> None:
    source = _source(tmp_path)
    alone = _run(tmp_path / "sequential.db", source, market, workers=1, overlap=False)
    together = _run(tmp_path / "overlap.db", source, market, workers=2, overlap=True, chunk_articles=1)
    assert _summary(together) == _summary(alone)
    assert alone.duplicates == {"content": 1, "near": 1} and alone.already_stored == 1  # the test has teeth
    assert _dump(tmp_path / "overlap.db") == _dump(tmp_path / "sequential.db")
    store = Store.open(str(tmp_path / "overlap.db"))
    try:
        history = store.verdict_history("deal-a1")
    finally:
        store.close()
    assert [h.verdict for h in history] == ["unverifiable", "supported"]  # corroborated by a later batch
    assert "another report of the deal" in history[1].reason


def test_an_article_that_fails_is_named_and_the_rest_stored_as_without_overlap(market, market_dir: Path,
                                                                               tmp_path: Path) -> None:
    from analyzer.engine.local import in_process_analyzer

    source = _source(tmp_path)
    nlp = in_process_analyzer(str(market_dir), None, None).nlp  # the pipeline a 1-worker engine uses
    nlp.add_pipe("overlap_fails_broken_articles", after="instrument_mentions")
    try:
        alone = _run(tmp_path / "sequential.db", source, market, workers=1, overlap=False)
        together = _run(tmp_path / "overlap.db", source, market, workers=1, overlap=True)
    finally:
        nlp.remove_pipe("overlap_fails_broken_articles")
    assert _summary(together) == _summary(alone)
    assert len(together.failed_batches) == 1 and "article broken-7: extract failed" in together.failed_batches[0]
    assert _dump(tmp_path / "overlap.db") == _dump(tmp_path / "sequential.db")
    store = Store.open(str(tmp_path / "overlap.db"))
    try:
        assert [a.id for batch in store.unprocessed() for a in batch] == ["broken-7"]
    finally:
        store.close()


class Recorder:
    """A stand-in engine that records when batches are submitted and collected."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.events: list[tuple[str, tuple[str, ...], int]] = []  # (what, article ids, articles stored then)

    def submit(self, batch: Sequence[Article]) -> None:
        self.events.append(("submit", tuple(a.id for a in batch), self.store.counts()["articles"]))

    def __call__(self, batch: Sequence[Article]) -> list:
        self.events.append(("collect", tuple(a.id for a in batch), self.store.counts()["articles"]))
        return []


def test_the_engine_has_the_next_batches_before_the_last_is_stored(tmp_path: Path) -> None:
    from analyzer.ingest.pipeline import Ingestor

    rows = [Article(f"a{i}", f"{MOVE} Story number {i}.", None) for i in range(7)]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(to_dict(a), default=str) + "\n" for a in rows), encoding="utf-8")
    store = Store.open(str(tmp_path / "store.db"))
    recorder = Recorder(store)
    summary = Ingestor(store, process=recorder, batch_size=2, submit=recorder.submit, ahead=2).run([str(path)])
    store.close()
    assert summary.processed == 7
    assert [(what, ids[0], stored) for what, ids, stored in recorder.events] == [
        ("submit", "a0", 0), ("submit", "a2", 0), ("submit", "a4", 0),  # two batches wait behind the first
        ("collect", "a0", 0), ("submit", "a6", 2), ("collect", "a2", 2),  # collected and stored in order
        ("collect", "a4", 4), ("collect", "a6", 6)]


def test_the_backlog_of_an_ingest_only_run_is_processed_with_overlap_as_without(market, tmp_path: Path) -> None:
    from analyzer.cli.processing import batch_processor
    from analyzer.cli.recheck_cmd import with_stored_reports
    from analyzer.ingest.pipeline import Ingestor

    source = _source(tmp_path)
    for name, overlap in (("sequential.db", False), ("overlap.db", True)):
        store = Store.open(str(tmp_path / name))
        Ingestor(store, batch_size=2).run([source])  # --ingest-only
        with batch_processor(market, workers=1) as processor:
            Ingestor(store, process=with_stored_reports(processor, store), batch_size=2,
                     submit=processor.submit if overlap else None).run([])
        assert list(store.unprocessed()) == []
        store.close()
    assert _dump(tmp_path / "overlap.db") == _dump(tmp_path / "sequential.db")
