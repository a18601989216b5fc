"""Analysis on Ray: one machine's cores or a cluster's (``pip install -e ".[ray]"``).

Two ways in, one analyzer per actor (pipeline and market data loaded once, in the actor's constructor):

- ``RayEngine`` analyzes batches handed to it (`analyzer check/run --engine ray`): each batch goes through
  Ray Data ``map_batches`` over an actor pool that lives as long as the engine's dataset pipeline for that
  batch; deals are corroborated over the whole batch by ``assemble``, as in every engine.
- ``analyze_files`` reads JSONL or Parquet article files with Ray Data and writes the checked claims as
  Parquet shards (one row per claim, the output contract as JSON plus flat columns), for data larger than
  one process should hold; ``load_shards`` reads them back, corroborating deals across all of them.

Without ``address``, Ray starts a local cluster sized to ``workers`` with a modest object store. With one,
every node must see the same market directory path.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from analyzer.engine.core import (
    Analysis,
    ArticleAnalyzer,
    ArticleResult,
    ChunkResult,
    Failure,
    assemble,
    market_directory,
)
from analyzer.errors import AnalyzerError
from analyzer.market import MarketData
from analyzer.records import Article, Claim, Verdict, from_dict, to_dict

BATCH_ARTICLES = 16  # articles per map_batches call
OBJECT_STORE_BYTES = 256 * 1024 ** 2  # a local cluster's object store: articles and claims are small
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


# ---- rows: what crosses between the driver and the actors ----------------------------------------------

ARTICLE_FIELDS = ("id", "text", "published", "url", "source", "title", "published_raw")


def plain_row(row: dict[str, Any]) -> dict[str, str]:
    """An article row with every field a string ('' for none), so every batch has one Arrow schema."""
    return {k: "" if row.get(k) is None else str(row[k]) for k in ARTICLE_FIELDS}


def article_row(article: Article) -> dict[str, str]:
    return plain_row(to_dict(article))


def row_article(row: dict[str, Any]) -> Article:
    return from_dict(Article, {k: (None if row.get(k) in ("", None) else str(row[k])) for k in ARTICLE_FIELDS})


class AnalyzeBatch:
    """The map_batches callable: an analyzer per actor, one output row per article of the batch."""

    def __init__(self, market_dir: str | None, model: str | None, gated: bool | None) -> None:
        self.analyzer = ArticleAnalyzer(market_dir, model, gated)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        columns = list(batch)
        rows = [{c: batch[c][i] for c in columns} for i in range(len(batch["id"]))]
        result = self.analyzer.analyze_chunk([row_article(r) for r in rows])
        return result_columns(rows, result)


def result_columns(rows: list[dict[str, Any]], result: ChunkResult) -> dict[str, list[Any]]:
    by_id = {r.article_id: r for r in result.articles}
    failed = {f.article_id: f for f in result.failures}
    out: dict[str, list[Any]] = {"id": [], "claims": [], "verdicts": [], "failed_stage": [], "failed_reason": []}
    for row in rows:
        done, failure = by_id.get(row["id"]), failed.get(row["id"])
        out["id"].append(row["id"])
        out["claims"].append(json.dumps([to_dict(c) for c in done.claims] if done else []))
        out["verdicts"].append(json.dumps([None if v is None else to_dict(v) for v in done.verdicts] if done else []))
        out["failed_stage"].append(failure.stage if failure else "")
        out["failed_reason"].append(failure.reason if failure else "")
    return out


def chunk_from_rows(rows: Sequence[dict[str, Any]]) -> ChunkResult:
    result = ChunkResult()
    for row in rows:
        if row["failed_stage"]:
            result.failures.append(Failure(row["id"], row["failed_stage"], row["failed_reason"]))
            continue
        claims = [from_dict(Claim, c) for c in json.loads(row["claims"])]
        verdicts = [None if v is None else from_dict(Verdict, v) for v in json.loads(row["verdicts"])]
        result.articles.append(ArticleResult(row["id"], claims, verdicts))
    return result


# ---- batches ----------------------------------------------------------------------------------------

class RayEngine:
    """Analyzes batches of articles with Ray Data over ``actors`` actors."""

    def __init__(self, market: MarketData | str | Path | None, workers: int | None = None, address: str | None = None,
                 model: str | None = None, gated: bool | None = None) -> None:
        connect(address, workers)
        ray = _ray()
        self.actors = max(1, workers or int(ray.cluster_resources().get("CPU", 1)))
        self.constructor = {"market_dir": market_directory(market), "model": model, "gated": gated}

    def analyze(self, articles: Sequence[Article], progress: Progress | None = None) -> Analysis:
        if not articles:
            return Analysis()
        ray = _ray()
        dataset = ray.data.from_items([article_row(a) for a in articles])
        rows = list(self._map(dataset, len(articles)).iter_rows())
        if progress is not None:
            progress(len(articles))
        return assemble(articles, [chunk_from_rows(rows)])

    def _map(self, dataset, articles: int):  # type: ignore[no-untyped-def]
        actors = min(self.actors, -(-articles // BATCH_ARTICLES))  # no idle actor loading a pipeline
        return dataset.map_batches(AnalyzeBatch, fn_constructor_kwargs=self.constructor, batch_size=BATCH_ARTICLES,
                                   concurrency=actors, num_cpus=1, batch_format="numpy")

    def close(self) -> None:
        """Nothing to release per engine: the Ray connection is the process's, ended by ``ray.shutdown()``."""

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- files in, Parquet shards out ------------------------------------------------------------------------

def analyze_files(inputs: Sequence[Path], out_dir: Path, market: MarketData | str | Path, workers: int | None = None,
                  address: str | None = None) -> int:
    """Articles from JSONL or Parquet files (fields of ``Article``) -> claim rows as Parquet shards in ``out_dir``.

    Deals are corroborated within each shard's batch here; load the shards into a store to corroborate them
    across everything. Returns the number of articles read.
    """
    connect(address, workers)
    ray = _ray()
    paths = [str(p) for p in inputs]
    # reading and writing take no CPU slot: the actors hold one each, and I/O tasks waiting for a slot that
    # an actor holds until the end would deadlock the pipeline
    if all(p.endswith(".parquet") for p in paths):
        dataset = ray.data.read_parquet(paths, num_cpus=0)
    elif all(p.endswith((".jsonl", ".json", ".jsonl.gz")) for p in paths):
        dataset = ray.data.read_json(paths, lines=True, num_cpus=0)
    else:
        raise AnalyzerError("--engine ray reads .jsonl or .parquet article files, one kind per run")
    dataset = dataset.map(plain_row)
    count = dataset.count()
    actors = max(1, workers or int(ray.cluster_resources().get("CPU", 1)))
    constructor = {"market_dir": market_directory(market), "model": None, "gated": None}
    claims = dataset.map_batches(AnalyzeBatch, fn_constructor_kwargs=constructor, batch_size=BATCH_ARTICLES,
                                 concurrency=actors, num_cpus=1, batch_format="numpy")
    claims.write_parquet(str(out_dir), ray_remote_args={"num_cpus": 0})
    return count


def load_shards(out_dir: Path, articles: Sequence[Article]) -> Analysis:
    """The checked claims in the Parquet shards of ``analyze_files``, deals corroborated across all of them."""
    import pyarrow.parquet as pq

    rows = [row for path in sorted(Path(out_dir).glob("*.parquet")) for row in pq.read_table(path).to_pylist()]
    return assemble(articles, [chunk_from_rows(rows)])
