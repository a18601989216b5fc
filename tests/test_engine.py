"""The processing engine: one path from articles to verdicts, isolation per article, workers, long texts.

Real pipeline, real market data; the sentences are our own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import analyzer
from analyzer.engine.core import ArticleAnalyzer, assemble
from analyzer.engine.local import LocalEngine
from analyzer.ingest.readers import development_articles
from analyzer.records import Article

PUBLISHED = datetime(2008, 3, 4, 21, 0, tzinfo=UTC)  # Tuesday 2008-03-04, after the close
MOVE = "The Dow Jones industrial average fell 0.4 percent on Tuesday."
OTHER = "Shares of Boeing rose 2 percent to $84 on Tuesday after the planemaker reported strong orders."


@Language.component("fail_for_marked_articles")
def fail_for_marked_articles(doc: Doc) -> Doc:
    """Stands for a bug in one of our components that only one article's text triggers."""
    if doc._.article_id.startswith("broken"):
        raise ValueError(f"simulated component bug on {doc._.article_id}")
    return doc


@Language.component("stall_for_marked_articles")
def stall_for_marked_articles(doc: Doc) -> Doc:
    """Stands for a pathological text that keeps a component busy far too long."""
    if doc._.article_id.startswith("stalled"):
        time.sleep(60)
    return doc


def test_import_analyzer_stays_light() -> None:
    code = "import sys, analyzer; analyzer.__version__; print('spacy' in sys.modules, 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_check_text_and_analyze_take_plain_strings(market_dir: Path) -> None:
    checked = analyzer.check_text(MOVE, published="2008-03-04T16:30:00-05:00", market=market_dir)
    assert [(c.claim.kind, c.claim.instrument.symbol, c.claim.session) for c in checked] == [
        ("index_move", "^DJI", "2008-03-04")]
    assert checked[0].verdict.verdict == "supported"  # the Dow lost 0.37% that day
    assert checked.failures == []
    both = analyzer.analyze([OTHER, Article(id="mine", text=MOVE, published=PUBLISHED)], market=market_dir,
                            published=PUBLISHED)
    assert [c.claim.article_id for c in both][-1] == "mine"
    assert {c.claim.kind for c in both} == {"stock_move", "index_move"}


def test_a_failing_article_and_an_over_long_one_never_cost_their_batch_mates(market_dir: Path) -> None:
    engine = ArticleAnalyzer(market_dir)
    engine.nlp.add_pipe("fail_for_marked_articles", after="instrument_mentions")
    # over spaCy's 1,000,000-character limit: a first paragraph, a long stretch, a claim at the very end
    filler = ("\n\n" + " " * 199_990) * 6
    long_text = f"{OTHER}{filler}\n\n{MOVE}"
    assert len(long_text) > 1_000_000
    batch = [Article("before", MOVE, PUBLISHED), Article("broken-1", OTHER, PUBLISHED),
             Article("long", long_text, PUBLISHED), Article("after", OTHER, PUBLISHED)]
    result = assemble(batch, [engine.analyze_chunk(batch)])
    by_article: dict[str, list] = {}
    for item in result:
        by_article.setdefault(item.claim.article_id, []).append(item)
    assert set(by_article) == {"before", "long", "after"}
    assert [(f.article_id, f.stage) for f in result.failures] == [("broken-1", "extract")]
    assert "simulated component bug on broken-1" in result.failures[0].reason
    # the long article's claims carry offsets into the whole text, the last one beyond a million characters
    long_claims = by_article["long"]
    assert [c.claim.kind for c in long_claims] == ["stock_move", "index_move"]
    for item in long_claims:
        claim = item.claim
        assert long_text[claim.char_start:claim.char_end] == claim.sentence
    assert long_claims[-1].claim.char_start > 1_000_000
    assert long_claims[-1].verdict.verdict == "supported"


def test_an_article_over_its_time_is_stopped_and_reported_alone(market_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from analyzer.engine import core

    monkeypatch.setattr(core, "CHUNK_TIMEOUT_S", 5)
    engine = ArticleAnalyzer(market_dir)
    engine.nlp.add_pipe("stall_for_marked_articles", after="instrument_mentions")
    batch = [Article("quick-1", MOVE, PUBLISHED), Article("stalled-2", OTHER, PUBLISHED)]
    started = time.monotonic()
    result = assemble(batch, [engine.analyze_chunk(batch)])
    assert time.monotonic() - started < 30
    assert {c.claim.article_id for c in result} == {"quick-1"}
    assert [(f.article_id, f.stage) for f in result.failures] == [("stalled-2", "extract")]
    assert "TimeoutError" in result.failures[0].reason and "stalled-2" in result.failures[0].reason


def test_claims_are_the_same_with_one_or_two_workers(shared_data: Path, market_dir: Path) -> None:
    path = shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    articles = list(development_articles(path, 20))
    with LocalEngine(market_dir, workers=1) as one:
        alone = one.analyze(articles)
    seen: list[int] = []
    with LocalEngine(market_dir, workers=2, chunk_articles=3) as two:
        workers = two.warm_up()  # both started and loaded before the first batch (benchmarks time from here)
        pooled = two.analyze(articles, progress=seen.append)
    assert len(workers) == 2 and os.getpid() not in workers
    assert sum(seen) == len(articles)
    assert len(alone) > 20
    assert [c.to_dict() for c in pooled] == [c.to_dict() for c in alone]
    assert pooled.failures == alone.failures == []


def test_extract_claims_runs_with_spacy_processes(market_dir: Path) -> None:
    from analyzer.extract import extract_claims, load_pipeline

    nlp = load_pipeline(market_dir=str(market_dir))
    articles = [Article(f"a{i}", MOVE, PUBLISHED) for i in range(4)]
    claims = extract_claims(articles, nlp, batch_size=2, n_process=2)
    assert [(c.article_id, c.session) for c in claims] == [(f"a{i}", "2008-03-04") for i in range(4)]


def test_analyze_rejects_what_is_not_an_article(market_dir: Path) -> None:
    with pytest.raises(TypeError, match="Article records or strings"):
        analyzer.analyze([42], market=market_dir)  # type: ignore[list-item]


def test_run_stores_a_failing_article_unprocessed_and_retries_it_next_run(market_dir: Path, tmp_path: Path) -> None:
    from analyzer.cli.processing import batch_processor
    from analyzer.engine.local import in_process_analyzer
    from analyzer.ingest.pipeline import Ingestor
    from analyzer.market import MarketData
    from analyzer.records import to_dict
    from analyzer.store import Store

    source = tmp_path / "articles.jsonl"
    rows = [Article("good-1", MOVE, PUBLISHED), Article("broken-2", OTHER, PUBLISHED),
            Article("good-3", "The Nasdaq composite index fell 1.2 percent on Tuesday.", PUBLISHED)]
    source.write_text("".join(json.dumps(to_dict(a), default=str) + "\n" for a in rows))
    store = Store.open(str(tmp_path / "store.sqlite"))
    market = MarketData.open(market_dir)
    nlp = in_process_analyzer(str(market_dir), None, None).nlp  # the pipeline a 1-worker engine uses
    nlp.add_pipe("fail_for_marked_articles", after="instrument_mentions")
    try:
        with batch_processor(market, workers=1) as process:
            summary = Ingestor(store, process=process).run([str(source)])
    finally:
        nlp.remove_pipe("fail_for_marked_articles")
    assert summary.new == 3 and summary.processed == 2
    assert len(summary.failed_batches) == 1 and "broken-2" in summary.failed_batches[0]
    assert summary.failed
    assert [a.id for batch in store.unprocessed() for a in batch] == ["broken-2"]
    stored = {c.claim.article_id for c in store.checked_claims()}
    assert stored == {"good-1", "good-3"}
    with batch_processor(market, workers=1) as process:  # the bug fixed: the next run processes it
        again = Ingestor(store, process=process).run([])
    assert again.processed == 1 and not again.failed_batches
    assert {c.claim.article_id for c in store.checked_claims()} == {"good-1", "broken-2", "good-3"}
    store.close()


def test_gated_parsing_maps_claims_back_to_the_article(market_dir: Path) -> None:
    from analyzer.extract import extract_claims, load_pipeline
    from analyzer.extract.gate import SentenceGate

    text = ("NEW YORK (Reuters) - Stocks were mixed on Tuesday.\n\n"
            "The weather in the city was mild and the streets were quiet. Nobody seemed in a hurry.\n\n"
            f"{MOVE} Traders pointed to nothing in particular. {OTHER}\n\n"
            "A spokesman declined to comment. The mood on the floor was calm.")
    nlp = load_pipeline(market_dir=str(market_dir))
    reduced, _, stats = SentenceGate(nlp).reduce(text)
    assert stats.kept_sentences < stats.sentences and "weather" not in reduced and "spokesman" not in reduced
    article = Article("gated", text, PUBLISHED)
    gated = extract_claims([article], nlp, gated=True)
    whole = extract_claims([article], nlp, gated=False)
    assert [c.kind for c in gated] == ["index_move", "stock_move"]
    assert gated == whole
    for claim in gated:
        assert text[claim.char_start:claim.char_end] == claim.sentence


WORKER_OWNER = """
import sys, time
from analyzer.engine.local import LocalEngine
from analyzer.records import Article
engine = LocalEngine(sys.argv[1], workers=2, chunk_articles=1)
engine.analyze([Article(id=f"a{i}", text=sys.argv[2]) for i in range(2)])
print(" ".join(str(pid) for pid in engine._pool._processes), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """A process that still runs (a zombie waiting for its parent to reap it has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_workers_exit_when_the_run_that_owns_them_is_killed(market_dir: Path) -> None:
    owner = subprocess.Popen([sys.executable, "-c", WORKER_OWNER, str(market_dir), MOVE], stdout=subprocess.PIPE,
                             text=True)
    try:
        workers = [int(pid) for pid in owner.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    finally:
        owner.kill()  # SIGKILL: no clean-up code of the owner runs
        owner.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "worker processes outlived the run that owned them"


def test_a_batch_is_cut_so_that_every_worker_gets_several_chunks() -> None:
    from analyzer.engine.core import chunked, largest_first

    batch = [Article(f"a{i}", "x" * (i + 1), PUBLISHED) for i in range(64)]
    two = chunked(batch, 16, 2)  # a run's batch of 64 on 2 workers: 8 chunks of 8, not 4 of 16
    assert [len(c) for c in two] == [8] * 8 and [a for c in two for a in c] == batch
    assert [len(c) for c in chunked(batch * 5, 16, 2)] == [16] * 20  # big batches keep full chunks
    assert [len(c) for c in chunked(batch[:6], 16, 2)] == [4, 2]  # never below 4 articles while there are more
    assert largest_first(two)[0] == 7 and largest_first(two)[-1] == 0  # the most text handed out first


NAMES_UNDER_A_HASH_SEED = """
import json, sys
from analyzer.extract import extract_claims, load_pipeline
from analyzer.ingest.readers import development_articles
article = next(a for a in development_articles(sys.argv[1]) if a.id == sys.argv[2])
claims = extract_claims([article], load_pipeline())
print(json.dumps([(c.claim_id, c.instrument.name if c.instrument else None) for c in claims]))
"""


def test_claims_do_not_depend_on_the_process_hash_seed(shared_data: Path) -> None:
    # a Reuters 2006 story that names one company in two spellings before its short form: the whole name was
    # picked from a set, whose order follows the process's string hashing (1 vs 2 workers gave other names)
    path = shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    outputs = []
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", NAMES_UNDER_A_HASH_SEED, str(path),
                               "us-media-jcdecaux-idUSN0823131720061108"], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=600, check=True)
        outputs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert outputs[0] == outputs[1] == outputs[2]
    assert ["Clear Channel Outdoor Holdings Inc." in (name or "") for _, name in outputs[0]].count(True) >= 1


def test_a_worker_lets_go_of_the_words_of_past_chunks_and_finds_the_same_claims(market_dir: Path) -> None:
    """Chunks run in spaCy memory zones (renewed every few chunks): the string store of a long run stays
    flat instead of growing with every new name and figure, and the claims are those found without zones."""
    def chunk(n: int) -> list[Article]:
        return [Article(f"new-{n}-{k}", f"Shares of Quxwell{n}{k} Holdings rose {n}.{k}7 percent to ${40 + n}.{k}3 "
                        f"after Vantrope{n}{k} said orders grew. {MOVE}", PUBLISHED) for k in range(3)]

    zoned, plain = ArticleAnalyzer(market_dir, zone_chunks=2), ArticleAnalyzer(market_dir, zone_chunks=0)
    for engine in (zoned, plain):
        engine.analyze_chunk([Article("warm", OTHER, PUBLISHED)])
        engine.end_zone()
    before = {id(e): len(e.nlp.vocab.strings) for e in (zoned, plain)}
    found = {id(e): [assemble(chunk(n), [e.analyze_chunk(chunk(n))]) for n in range(5)] for e in (zoned, plain)}
    for engine in (zoned, plain):
        engine.end_zone()
    assert len(zoned.nlp.vocab.strings) == before[id(zoned)]
    assert len(plain.nlp.vocab.strings) > before[id(plain)] + 30  # without zones: every new word stays
    as_dicts = {key: [[c.to_dict() for c in result] for result in results] for key, results in found.items()}
    assert as_dicts[id(zoned)] == as_dicts[id(plain)]
    assert sum(len(result) for result in found[id(zoned)]) >= 10


def test_batches_in_flight_when_a_worker_dies_are_finished_on_a_new_pool(shared_data: Path, market_dir: Path) -> None:
    """A run keeps two batches in the pool; a worker killed (as by the OOM killer) takes the other chunks in
    flight with it, of both batches: each is retried alone on a new pool, so nothing innocent is lost."""
    import signal

    path = shared_data / "news" / "reuters_2006_2013" / "reuters_news_106521.jsonl.gz"
    articles = list(development_articles(path, 12))
    with LocalEngine(market_dir, workers=1) as one:
        alone = [c.to_dict() for c in one.analyze(articles[:6])], [c.to_dict() for c in one.analyze(articles[6:])]
    with LocalEngine(market_dir, workers=2, chunk_articles=1) as two:
        workers = two.warm_up()
        first, second = two.submit(articles[:6]), two.submit(articles[6:])
        os.kill(workers[0], signal.SIGKILL)
        results = first.result(), second.result()
    assert [r.failures for r in results] == [[], []]
    assert ([c.to_dict() for c in results[0]], [c.to_dict() for c in results[1]]) == alone


def test_a_long_run_loads_the_whole_market_data_once_and_finds_the_same_verdicts(market_dir: Path,
                                                                                   tmp_path: Path) -> None:
    """After ``preload_after`` articles a process loads every daily file at once (its memory then stays flat for
    the rest of a long run); before that, only what the claims name. The verdicts are those of lazy loading; a
    file that cannot be read is left to fail where a claim needs it."""
    small = tmp_path / "market"
    shutil.copytree(market_dir, small, ignore=lambda folder, names: [
        n for n in names if Path(folder).name == "daily" and n not in ("IDX_DJI.csv.gz", "BA.csv.gz", "AAPL.csv.gz",
                                                                        "MSFT.csv.gz", "IDX_GSPC.csv.gz")])
    (small / "daily" / "XOM.csv").write_text("not,a,daily,file\n1,2\n")

    def chunk(n: int) -> list[Article]:
        return [Article(f"long-{n}-{k}", f"{MOVE} {OTHER}" if k else MOVE, PUBLISHED) for k in range(2)]

    eager, lazy = ArticleAnalyzer(small, preload_after=3), ArticleAnalyzer(small, preload_after=None)
    found = {id(e): [] for e in (eager, lazy)}
    for n in range(3):
        for engine in (eager, lazy):
            found[id(engine)].append([c.to_dict() for c in assemble(chunk(n), [engine.analyze_chunk(chunk(n))])])
        if n == 0:  # 2 articles: nothing loaded but what the claims named
            assert set(eager.market._bars) == set(lazy.market._bars) == {"^DJI", "BA"}
    assert set(eager.market._bars) == {"^DJI", "BA", "AAPL", "MSFT", "^GSPC"}  # after 4 articles: every readable file
    assert {key for key, track in eager.market._tracks.items() if track is not None} >= {("AAPL", "close"),
                                                                                          ("MSFT", "adj_close")}
    assert set(lazy.market._bars) == {"^DJI", "BA"}
    assert found[id(eager)] == found[id(lazy)]
    assert sum(len(chunk_claims) for chunk_claims in found[id(eager)]) == 9
