"""`analyzer import DIR [--db URL]`: load the Parquet claim shards of `analyzer run --engine ray --shards DIR`.

The shards hold each article with its claims and verdicts, in input order. They go into the store the way
`analyzer run` stores what it analyzes itself: articles already stored are skipped, copies of a stored
text (exact or near) are stored as duplicates without claims, and each batch's deal claims are
corroborated with each other and with every stored report of the same deal, whichever shard it came from.
So importing the same shards twice stores nothing twice, and shards imported into an empty store give the
claims and verdicts of a single-process run of the same articles. Every shard is read and decoded before
anything is stored: a damaged one stops the import with one line naming it, and nothing of it is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from analyzer.cli.app import app
from analyzer.cli.run_cmd import DB_HELP

if TYPE_CHECKING:  # SQLAlchemy, pyarrow and the stages load inside the command, so --help is quick
    from analyzer.engine.core import ArticleResult, Failure
    from analyzer.ingest.pipeline import Candidate, Ingestor, RunSummary, SourceOutcome
    from analyzer.records import Article, CheckedClaim
    from analyzer.store import Store

err = Console(stderr=True)


def _shard_ingestor(store: Store, advance: Callable[[int], None]) -> Ingestor:
    """An ``Ingestor`` whose sources are shards and whose processing hands back their stored results."""
    from analyzer.cli.recheck_cmd import with_stored_reports
    from analyzer.engine.core import assemble
    from analyzer.engine.ray_engine import chunk_result, read_shard
    from analyzer.ingest.pipeline import Candidate, Ingestor

    class ShardIngestor(Ingestor):
        """Classification, deduplication and storage as in `analyzer run`; only reading and analyzing differ.

        Results wait in ``results`` from the moment their shard row is read until their batch is stored.
        """

        def __init__(self) -> None:
            self.results: dict[str, ArticleResult | Failure] = {}
            super().__init__(store, None, process=with_stored_reports(self.stored_results, store),
                             on_article=lambda _source: advance(1))

        def stored_results(self, batch: Sequence[Article]) -> list[CheckedClaim]:
            return assemble(batch, [chunk_result([self.results[a.id] for a in batch])])

        def _candidates(self, source: str, outcome: SourceOutcome) -> Iterator[Candidate]:
            shard = read_shard(Path(source))
            self.store.market_as_of = shard.metadata.get("analyzer.market_as_of") or None
            for row in shard.rows:
                # the first row of an id is the one stored (as in `run`); a later one is skipped, never its claims
                self.results.setdefault(row.article.id, row.result)
                yield Candidate(row.article, origin=row.origin or None)
                if row.article.id not in self._batch.ids:  # already stored, or stored with its batch
                    self.results.pop(row.article.id, None)

        def _flush(self, keep: int) -> None:  # no engine to submit to: every batch is stored at once
            ids = list(self._batch.ids)
            super()._flush(keep)
            for article_id in ids:  # duplicates are stored without claims: their results are not needed
                self.results.pop(article_id, None)

        def _process_stored_backlog(self) -> None:
            """Not here: articles stored unprocessed are analyzed by `analyzer run`, not by an import."""

    return ShardIngestor()


def import_shards(directory: Path, store: Store) -> RunSummary:
    """Check every shard of ``directory``, then store them in order; the run summary of the import."""
    from analyzer.cli.progress import article_progress
    from analyzer.engine.ray_engine import read_shard, shard_paths

    paths = shard_paths(directory)
    total = 0
    with article_progress(len(paths), "checking shards", disable=len(paths) < 2) as advance:
        for path in paths:
            total += len(read_shard(path).rows)  # raises, naming the shard, before anything is stored
            advance(1)
    with article_progress(total, "importing") as advance:
        ingestor = _shard_ingestor(store, advance)
        return ingestor.run([str(p) for p in paths])


@app.command("import")
def import_command(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="directory of claim shards (claims-*.parquet)")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Load the claim shards of `analyzer run --engine ray --shards DIR` into the store.

    Exit code: 0 when every article was stored, 1 when some were not (listed), 2 for a damaged shard (one
    line naming it; nothing stored) or an unusable --db.
    """
    from analyzer.cli.run_cmd import print_summary
    from analyzer.store import Store

    store = Store.open(db)
    try:
        summary = import_shards(directory, store)
        print_summary(summary, store, err)
    finally:
        store.close()
    if summary.failed:
        raise typer.Exit(1)
