"""Analysis on Ray: one machine's cores or a cluster's (``pip install -e ".[ray]"``).

Two ways in, one ``ArticleAnalyzer`` per actor (pipeline and market data loaded once, when the actor starts):

- ``RayEngine`` analyzes batches handed to it (`analyzer check/run --engine ray`) on a pool of Ray actors
  started with the engine and kept until it closes, so a command pays the actors' start-up once, not per
  batch. Chunks go to whichever actor is free and come back in input order, so the claims are the same,
  in the same order, with any number of actors; deals are corroborated over each batch by ``assemble``,
  as in every engine.
- ``analyze_files`` reads JSONL or Parquet article files on Ray (Ray Data, with the readers of `analyzer
  run`), analyzes them with ``map_batches`` over an actor pool that lives for the whole run, and writes
  the results, in input order, as Parquet shards: one row per article with its fields, its claims and
  their verdicts (deal claims still waiting for corroboration). `analyzer import` loads shards into a
  store (corroborating deals across all of them and with the reports already stored); ``load_shards``
  reads them back as one ``Analysis``.

Without ``address``, Ray starts a local cluster sized to ``workers`` with a modest object store. With one,
every node must see the same market directory and input paths.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from analyzer.engine.core import (
    Analysis,
    ArticleAnalyzer,
    ArticleResult,
    ChunkResult,
    Failure,
    Pending,
    assemble,
    chunked,
    largest_first,
    market_directory,
)
from analyzer.errors import AnalyzerError, InputError
from analyzer.market import MarketData
from analyzer.records import Article, Claim, Verdict, from_dict, to_dict

BATCH_ARTICLES = 16  # articles per actor call: enough for spaCy's batches, few enough to share out
IN_FLIGHT_PER_ACTOR = 2  # chunks queued on each actor, so that it never waits for the driver between two
OBJECT_STORE_BYTES = 256 * 1024 ** 2  # a local cluster's object store: articles and claims are small
SHARD_ARTICLES = 1000  # articles per Parquet shard
READ_ROWS = BATCH_ARTICLES  # article rows that a file reader hands on at a time
BLOCK_BYTES = 16 * 1024  # Ray Data blocks of a few articles each, bundled to BATCH_ARTICLES per actor call
SHARD_FORMAT = "1"  # the shard layout's version, in each shard's metadata
SHARD_GLOB = "claims-*.parquet"
Progress = Callable[[int], None]


def _ray():  # type: ignore[no-untyped-def]
    # our own progress bar and failures, not Ray Data's execution log and bars (read when Ray Data loads)
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "WARNING")
    os.environ.setdefault("RAY_DATA_DISABLE_PROGRESS_BARS", "1")
    try:
        import ray
    except ImportError as exc:
        raise AnalyzerError('--engine ray needs Ray: pip install -e ".[ray]"') from exc
    return ray


def connect(address: str | None, workers: int | None) -> None:
    """Join the cluster at ``address``, else start a local one with ``workers`` CPUs (once per process)."""
    ray = _ray()
    if ray.is_initialized():
        return
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.WARNING}
    if address:
        ray.init(address=address, **options)
    else:
        # "local": a new cluster of this process's own, never one an earlier `ray start` left its address for
        ray.init(address="local", num_cpus=workers, object_store_memory=OBJECT_STORE_BYTES, **options)


def actor_count(workers: int | None) -> int:
    """``workers`` actors, at most one per CPU of the cluster (an actor beyond that would never start)."""
    cpus = max(1, int(_ray().cluster_resources().get("CPU", 1)))
    return max(1, min(workers or cpus, cpus))


# ---- rows: what crosses between the driver, the readers and the actors ----------------------------------

ARTICLE_FIELDS = ("id", "text", "published", "url", "source", "title", "published_raw")
RESULT_FIELDS = ("claims", "verdicts", "failed_stage", "failed_reason")
# a row read from a file: where it came from, and either an article or what went wrong: a line skipped
# ("problem_kind" line) or a file that could not be read (file)
READ_FIELDS = ("origin", "problem", "problem_kind", *ARTICLE_FIELDS)
SHARD_FIELDS = ("ordinal", "origin", *ARTICLE_FIELDS, *RESULT_FIELDS)


def plain_row(row: dict[str, Any]) -> dict[str, str]:
    """An article row with every field a string ('' for none), so every batch has one Arrow schema."""
    return {k: "" if row.get(k) is None else str(row[k]) for k in ARTICLE_FIELDS}


def article_row(article: Article) -> dict[str, str]:
    return plain_row(to_dict(article))


def row_article(row: dict[str, Any]) -> Article:
    return from_dict(Article, {k: (None if row.get(k) in ("", None) else str(row[k])) for k in ARTICLE_FIELDS})


def result_fields(result: ArticleResult | None, failure: Failure | None) -> dict[str, str]:
    """One article's claims and verdicts (JSON) or why it failed, as shard columns."""
    return {
        "claims": json.dumps([to_dict(c) for c in result.claims] if result else [], ensure_ascii=False),
        "verdicts": json.dumps([None if v is None else to_dict(v) for v in result.verdicts] if result else [],
                               ensure_ascii=False),
        "failed_stage": failure.stage if failure else "",
        "failed_reason": failure.reason if failure else "",
    }


def row_result(row: dict[str, Any]) -> ArticleResult | Failure:
    """The claims and verdicts of a shard row, or its failure."""
    if row["failed_stage"]:
        return Failure(row["id"], row["failed_stage"], row["failed_reason"])
    claims = [from_dict(Claim, c) for c in json.loads(row["claims"])]
    verdicts = [None if v is None else from_dict(Verdict, v) for v in json.loads(row["verdicts"])]
    if len(claims) != len(verdicts):
        raise ValueError(f"{len(claims)} claims but {len(verdicts)} verdicts")
    return ArticleResult(row["id"], claims, verdicts)


def chunk_result(results: Sequence[ArticleResult | Failure]) -> ChunkResult:
    chunk = ChunkResult()
    for result in results:
        if isinstance(result, Failure):
            chunk.failures.append(result)
        else:
            chunk.articles.append(result)
    return chunk


class AnalyzeBatch:
    """The map_batches callable: an analyzer per actor; each row gets its article's results (a row that
    holds a skipped line instead of an article passes through)."""

    def __init__(self, market_dir: str | None, model: str | None, gated: bool | None) -> None:
        self.analyzer = ArticleAnalyzer(market_dir, model, gated)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        columns = list(batch)
        rows = [{c: str(batch[c][i]) for c in columns} for i in range(len(batch["id"]))]
        articles = [row_article(r) for r in rows if not r.get("problem")]
        result = self.analyzer.analyze_chunk(articles)
        by_id = {r.article_id: r for r in result.articles}
        failed = {f.article_id: f for f in result.failures}
        out: dict[str, list[Any]] = {c: [r[c] for r in rows] for c in columns}
        for name in RESULT_FIELDS:
            out[name] = []
        for row in rows:
            done = None if row.get("problem") else result_fields(by_id.get(row["id"]), failed.get(row["id"]))
            for name in RESULT_FIELDS:
                out[name].append(done[name] if done else "")
        return out


# ---- batches on a pool of actors -------------------------------------------------------------------------

class AnalyzerActor:
    """One actor's analyzer (made a Ray actor class by ``RayEngine``, so that this module imports without Ray)."""

    def __init__(self, market_dir: str | None, model: str | None, gated: bool | None) -> None:
        self.analyzer = ArticleAnalyzer(market_dir, model, gated)

    def analyze_chunk(self, articles: list[Article]) -> ChunkResult:
        return self.analyzer.analyze_chunk(articles)

    def warm_up(self) -> int:
        self.analyzer.warm_up()
        return os.getpid()

    def pid(self) -> int:
        return os.getpid()


class RayEngine:
    """Analyzes batches of articles on ``workers`` Ray actors that live as long as the engine."""

    def __init__(self, market: MarketData | str | Path | None, workers: int | None = None, address: str | None = None,
                 model: str | None = None, gated: bool | None = None) -> None:
        connect(address, workers)
        ray = _ray()
        self._actor_class = ray.remote(num_cpus=1)(AnalyzerActor)
        self._constructor = (market_directory(market), model, gated)
        # started now: the actors load their pipelines while the command reads its first batch
        self._actors: list[Any] = [self._new_actor() for _ in range(actor_count(workers))]
        self._submitted: Any = None  # a one-thread executor that analyzes submitted batches in order

    @property
    def actors(self) -> int:
        return len(self._actors)

    def _new_actor(self):  # type: ignore[no-untyped-def]
        return self._actor_class.remote(*self._constructor)

    def warm_up(self) -> list[int]:
        """Wait until every actor has loaded the pipeline, the market data and the second reader; their pids."""
        return sorted(_ray().get([a.warm_up.remote() for a in self._actors]))

    def actor_pids(self) -> list[int]:
        """The process id of each actor (they stay the same from batch to batch)."""
        ray = _ray()
        return list(ray.get([a.pid.remote() for a in self._actors]))

    def analyze(self, articles: Sequence[Article], progress: Progress | None = None) -> Analysis:
        chunks = chunked(articles, BATCH_ARTICLES, len(self._actors))
        if not chunks:
            return Analysis()
        return assemble(articles, self._on_actors(chunks, progress))

    def submit(self, articles: Sequence[Article]) -> Pending:
        """The batch analyzed in the background (one batch after another, in the order submitted), so the
        caller reads and stores other batches meanwhile; ``result()`` waits for it."""
        from concurrent.futures import ThreadPoolExecutor

        if self._submitted is None:
            self._submitted = ThreadPoolExecutor(1, thread_name_prefix="ray-batches")
        future = self._submitted.submit(self.analyze, list(articles))

        def collect(progress: Progress | None) -> Analysis:
            result = future.result()
            if progress is not None:
                progress(len(articles))
            return result

        return Pending(collect, future.cancel)

    def _on_actors(self, chunks: list[list[Article]], progress: Progress | None) -> list[ChunkResult]:
        """Each chunk on the next free actor; the results in chunk order."""
        ray = _ray()
        results: list[ChunkResult] = [ChunkResult() for _ in chunks]
        waiting = deque(largest_first(chunks))
        # every actor's first slot before any actor's second: two chunks go to two actors
        free = deque(slot for _ in range(IN_FLIGHT_PER_ACTOR) for slot in range(len(self._actors)))
        running: dict[Any, tuple[int, int, Any]] = {}  # object ref -> (chunk, actor slot, actor)
        while waiting or running:
            while waiting and free:
                index, slot = waiting.popleft(), free.popleft()
                actor = self._actors[slot]
                running[actor.analyze_chunk.remote(chunks[index])] = (index, slot, actor)
            done, _ = ray.wait(list(running), num_returns=1)
            for ref in done:
                index, slot, actor = running.pop(ref)
                results[index] = self._chunk_result(ref, chunks[index], slot, actor)
                free.append(slot)
                if progress is not None:
                    progress(len(chunks[index]))
        return results

    def _chunk_result(self, ref: Any, chunk: list[Article], slot: int, actor: Any) -> ChunkResult:
        ray = _ray()
        try:
            return ray.get(ref)
        except ray.exceptions.RayError as exc:  # an actor that died (killed, out of memory): its chunk failed
            if self._actors[slot] is actor:  # not yet replaced (for another chunk it held)
                self._replace_actor(slot)
            reason = f"Ray actor failed: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            return ChunkResult(failures=[Failure(a.id, "worker", reason) for a in chunk])

    def _replace_actor(self, slot: int) -> None:
        ray = _ray()
        ray.kill(self._actors[slot], no_restart=True)
        self._actors[slot] = self._new_actor()

    def close(self) -> None:
        """End the actors (the Ray connection is the process's, ended by ``ray.shutdown()`` or its exit)."""
        if self._submitted is not None:  # batches not started are dropped; one in progress ends first
            self._submitted.shutdown(wait=True, cancel_futures=True)
            self._submitted = None
        if not self._actors:
            return
        ray = _ray()
        for actor in self._actors:
            ray.kill(actor, no_restart=True)
        self._actors = []

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- files in, Parquet shards out ------------------------------------------------------------------------

ARTICLE_FILE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".parquet")


@dataclass
class FilesSummary:
    """What ``analyze_files`` did: articles written, shards, lines skipped, files that could not be read
    (wholly or from some line on) and articles whose analysis failed."""

    articles: int = 0
    shards: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def article_files(sources: Sequence[str | Path]) -> list[Path]:
    """The inputs as local article files that Ray reads, or an error naming the first that is not one."""
    paths = []
    for source in sources:
        path = Path(source).expanduser()
        if not path.name.lower().endswith(ARTICLE_FILE_SUFFIXES):
            raise InputError(f"{source}: Ray reads .jsonl[.gz] or .parquet article files, not this one "
                             "(feeds and pages go through `analyzer run` without --shards)")
        if not path.is_file():
            raise InputError(f"{source}: no such file")
        paths.append(path)
    return paths


def count_records(path: Path) -> int:
    """Lines of a JSONL file (articles and bad lines alike) or rows of a Parquet file: the progress total."""
    import gzip

    if path.name.lower().endswith(".parquet"):
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(path).metadata.num_rows
        except Exception as exc:  # noqa: BLE001  pyarrow raises several kinds for a file that is no Parquet
            raise InputError(f"{path}: not a readable Parquet file ({exc})") from exc
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: unreadable ({exc})") from exc


def read_file_rows(batch: dict[str, Any], published: str | None = None) -> Iterator[dict[str, list[str]]]:
    """The Ray Data reader: the articles of each file in the batch (the readers of `analyzer run`), in
    file order, in blocks of READ_ROWS; lines that are no article come as rows with a ``problem``."""
    for path in batch["path"]:
        rows: list[dict[str, str]] = []
        for row in _file_rows(Path(str(path)), published):
            rows.append(row)
            if len(rows) >= READ_ROWS:
                yield _columns(rows, READ_FIELDS)
                rows = []
        if rows:
            yield _columns(rows, READ_FIELDS)


def _file_rows(path: Path, published: str | None) -> Iterator[dict[str, str]]:
    from analyzer.ingest.dates import parse_published
    from analyzer.ingest.readers import ReadReport, read_articles

    when = parse_published(published) if published else None
    report = ReadReport()
    origin = str(path)
    try:
        if path.name.lower().endswith(".parquet"):
            articles = _parquet_articles(path, when, report)
        else:
            articles = read_articles(path, when, report)
        for article in articles:
            yield {**_empty_row(origin), **article_row(article)}
    except InputError as exc:  # a file that cannot be read (any further): reported, the other files go on
        yield _problem_row(origin, str(exc), "file")
    for problem in report.problems:
        yield _problem_row(origin, str(problem), "line")
    if report.skipped > len(report.problems):
        yield _problem_row(origin, f"{origin}: ... and {report.skipped - len(report.problems)} more lines skipped",
                           "line")


def _parquet_articles(path: Path, published: datetime | None, report: Any) -> Iterator[Article]:
    """Articles of a Parquet file whose columns are those of a JSONL dump (id, text or body, published...)."""
    import pyarrow.parquet as pq

    from analyzer.ingest.readers import article_from_row
    from analyzer.ingest.text import clean_text

    try:
        parquet = pq.ParquetFile(path)
        batches = parquet.iter_batches(batch_size=READ_ROWS)
        number = 0
        for block in batches:
            for row in block.to_pylist():
                number += 1
                values = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}
                values = {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items()}
                try:
                    yield article_from_row(values, f"{path}: row {number}", published, report)
                except InputError as exc:
                    report.skip(f"{path}: row {number}", str(exc))
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from exc


def _empty_row(origin: str) -> dict[str, str]:
    return {"origin": origin, "problem": "", "problem_kind": "", **dict.fromkeys(ARTICLE_FIELDS, "")}


def _problem_row(origin: str, problem: str, kind: str) -> dict[str, str]:
    return {**_empty_row(origin), "problem": problem, "problem_kind": kind}


def _columns(rows: list[dict[str, str]], names: Sequence[str]) -> dict[str, list[str]]:
    return {name: [r[name] for r in rows] for name in names}


def analyze_files(inputs: Sequence[Path], out_dir: Path, market: MarketData | str | Path, workers: int | None = None,
                  address: str | None = None, published: str | None = None, shard_articles: int = SHARD_ARTICLES,
                  metadata: dict[str, str] | None = None, progress: Progress | None = None) -> FilesSummary:
    """Articles from JSONL or Parquet files -> their claims and verdicts as Parquet shards in ``out_dir``.

    The files are read and analyzed on Ray (``map_batches`` over ``workers`` actors, each loading the
    pipeline and the market data once); the results stream back in input order and are written here, one
    shard per ``shard_articles`` articles, each shard whole or not at all. ``metadata`` goes into every
    shard. ``progress(n)`` is called as lines or rows are done.
    """
    _check_out_dir(out_dir)
    connect(address, workers)
    ray = _ray()
    with _data_options(ray.data.DataContext.get_current()):
        files = ray.data.from_items([{"path": str(p)} for p in inputs], override_num_blocks=max(1, len(inputs)))
        # reading takes no CPU slot: the actors hold one each for the whole run, and a reader waiting for a
        # slot that an actor holds until the end would deadlock the pipeline
        rows = files.map_batches(read_file_rows, batch_size=1, fn_kwargs={"published": published}, num_cpus=0,
                                 batch_format="numpy")
        constructor = {"market_dir": market_directory(market), "model": None, "gated": None}
        checked = rows.map_batches(AnalyzeBatch, fn_constructor_kwargs=constructor, batch_size=BATCH_ARTICLES,
                                   compute=ray.data.ActorPoolStrategy(size=actor_count(workers)), num_cpus=1,
                                   batch_format="numpy")
        return _write_shards(checked.iter_rows(), out_dir, shard_articles, metadata or {}, progress)


@contextmanager
def _data_options(context: Any) -> Iterator[None]:
    """Ray Data options for one run of ``analyze_files``, restored after it.

    Rows come back in input order, whatever finishes first. Blocks stay small: Ray Data hands a whole block
    to one actor, and by default it gathers a reader's output into blocks of up to 128 MiB, so that one
    actor would get a whole file while the others wait.
    """
    saved = (context.execution_options.preserve_order, context.target_max_block_size)
    context.execution_options.preserve_order = True
    context.target_max_block_size = BLOCK_BYTES
    try:
        yield
    finally:
        context.execution_options.preserve_order, context.target_max_block_size = saved


def _check_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: not a directory")
    if out_dir.is_dir() and any(out_dir.glob(SHARD_GLOB)):
        raise InputError(f"{out_dir}: already holds claim shards; write to a new or empty directory")
    out_dir.mkdir(parents=True, exist_ok=True)


def _write_shards(rows: Iterator[dict[str, Any]], out_dir: Path, shard_articles: int, metadata: dict[str, str],
                  progress: Progress | None) -> FilesSummary:
    summary = FilesSummary()
    pending: list[dict[str, Any]] = []
    for row in rows:
        if progress is not None:
            progress(1)
        if row["problem"]:
            (summary.unreadable if row["problem_kind"] == "file" else summary.problems).append(str(row["problem"]))
            continue
        if row["failed_stage"]:
            summary.failures.append(Failure(str(row["id"]), str(row["failed_stage"]), str(row["failed_reason"])))
        pending.append({"ordinal": summary.articles, **{k: str(row[k]) for k in SHARD_FIELDS[1:]}})
        summary.articles += 1
        if len(pending) >= shard_articles:
            summary.shards.append(write_shard(out_dir, len(summary.shards), pending, metadata))
            pending = []
    if pending:
        summary.shards.append(write_shard(out_dir, len(summary.shards), pending, metadata))
    return summary


def _shard_schema():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    return pa.schema([("ordinal", pa.int64()), *((name, pa.string()) for name in SHARD_FIELDS[1:])])


def write_shard(out_dir: Path, index: int, rows: list[dict[str, Any]], metadata: dict[str, str]) -> Path:
    """One shard, written under a temporary name and renamed: a killed run leaves whole shards only."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = out_dir / f"claims-{index:05d}.parquet"
    partial = out_dir / f".{path.name}.partial"
    table = pa.Table.from_pylist(rows, schema=_shard_schema())
    table = table.replace_schema_metadata({"analyzer.shard": SHARD_FORMAT, **metadata})
    pq.write_table(table, partial, write_page_checksum=True)  # a damaged page is found when read back
    # page checksums cover page data only; the file's digest beside it finds any other byte changed since
    digest = _digest_path(path)
    digest.with_name(f".{digest.name}.partial").write_text(_file_sha256(partial) + "\n", encoding="utf-8")
    os.replace(digest.with_name(f".{digest.name}.partial"), digest)
    os.replace(partial, path)
    return path


def _digest_path(shard: Path) -> Path:
    """The file beside a shard holding its SHA-256 (shards written before session 24 have none)."""
    return shard.with_name(shard.name + ".sha256")


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- shards back in --------------------------------------------------------------------------------------

@dataclass
class ShardRow:
    ordinal: int
    origin: str
    article: Article
    result: ArticleResult | Failure


@dataclass
class Shard:
    path: Path
    metadata: dict[str, str]
    rows: list[ShardRow]


def shard_paths(directory: Path) -> list[Path]:
    """The shards of a directory in order, or an error naming it when it holds none."""
    if not directory.is_dir():
        raise InputError(f"{directory}: no such directory of claim shards")
    paths = sorted(directory.glob(SHARD_GLOB))
    if not paths:
        raise InputError(f"{directory}: holds no claim shards ({SHARD_GLOB}, written by "
                         "`analyzer run --engine ray --shards DIR`)")
    return paths


def read_shard(path: Path) -> Shard:
    """A shard with every row decoded, or an InputError naming the shard (and the row) when it is damaged."""
    import pyarrow.parquet as pq

    digest = _digest_path(path)
    if digest.is_file() and _file_sha256(path) != digest.read_text(encoding="utf-8").strip():
        raise InputError(f"{path}: not a readable claim shard (its bytes do not match the SHA-256 written beside it "
                         f"in {digest.name}: the file was altered or damaged)")
    try:
        table = pq.read_table(path, page_checksum_verification=True)
    except Exception as exc:  # noqa: BLE001  truncated, overwritten, not Parquet: pyarrow raises several kinds
        raise InputError(f"{path}: not a readable claim shard ({_first_line(exc)})") from exc
    metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    if metadata.get("analyzer.shard") != SHARD_FORMAT:
        raise InputError(f"{path}: not a claim shard of this analyzer (format "
                         f"{metadata.get('analyzer.shard', 'missing')!r}, expected {SHARD_FORMAT!r})")
    missing = [name for name in SHARD_FIELDS if name not in table.column_names]
    if missing:
        raise InputError(f"{path}: not a claim shard (no column {', '.join(missing)})")
    rows = []
    for number, row in enumerate(table.select(list(SHARD_FIELDS)).to_pylist(), start=1):
        try:
            rows.append(ShardRow(int(row["ordinal"]), row["origin"] or "", row_article(row), row_result(row)))
        except (TypeError, ValueError, KeyError, AttributeError) as exc:  # JSONDecodeError is a ValueError
            raise InputError(f"{path}: row {number} (article {row.get('id')!r}) is damaged "
                             f"({exc.__class__.__name__}: {_first_line(exc)})") from exc
    return Shard(path, metadata, rows)


def load_shards(out_dir: Path) -> Analysis:
    """The checked claims of every shard in ``out_dir``, in input order, deals corroborated across all."""
    rows = [row for path in shard_paths(out_dir) for row in read_shard(path).rows]
    rows.sort(key=lambda r: r.ordinal)
    return assemble([r.article for r in rows], [chunk_result([r.result for r in rows])])


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__
