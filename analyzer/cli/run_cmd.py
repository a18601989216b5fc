"""`analyzer run SOURCES...`: ingest, extract, check and store what is new (`analyzer export` writes it out)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from analyzer.cli.app import app
from analyzer.cli.processing import ENGINE_HELP, RAY_ADDRESS_HELP, WORKERS_HELP
from analyzer.records import Article, CheckedClaim

if TYPE_CHECKING:  # the stages load spaCy, pandas and SQLAlchemy: imported in the command, so --help is quick
    from analyzer.engine.ray_engine import FilesSummary
    from analyzer.ingest.pipeline import RunSummary
    from analyzer.market import MarketData
    from analyzer.store import Store

err = Console(stderr=True)

DB_HELP = "database: a file path or SQLAlchemy URL (default: $ANALYZER_DB, else the user data directory)"


@app.command("run")
def run(
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE",
        help="feed URLs, OPML lists, article URLs, .xml/.opml/.jsonl/.txt/.html files")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    market: Annotated[Path | None, typer.Option(
        "--market", help="market data directory [$ANALYZER_MARKET_DIR]")] = None,
    full_text: Annotated[bool, typer.Option(
        "--full-text", help="fetch the article page for feed items that carry only a summary")] = False,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="allow loopback, link-local and private addresses for every host "
                                "(prefer --allow-host)")] = False,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="HOST or HOST:PORT that may resolve to a private address (an intranet feed); "
                             "repeatable")] = None,
    ingest_only: Annotated[bool, typer.Option(
        "--ingest-only", "--no-extract",
        help="store articles without extracting claims (a later run processes them)")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="publication time for .txt articles")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="read timeout per request, seconds")] = 20.0,
    host_interval: Annotated[float, typer.Option(
        "--host-interval", help="seconds between two requests to one host")] = 1.0,
    report: Annotated[Path | None, typer.Option(
        "--report", help="also write an HTML report of this run's new articles and their claims")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help=WORKERS_HELP)] = None,
    engine: Annotated[str, typer.Option("--engine", help=ENGINE_HELP)] = "local",
    ray_address: Annotated[str | None, typer.Option("--ray-address", help=RAY_ADDRESS_HELP)] = None,
    shards: Annotated[Path | None, typer.Option(
        "--shards", help="with --engine ray: read .jsonl/.parquet files on Ray and write the claims as Parquet "
                         "shards to this new directory instead of the store (load them with `analyzer import "
                         "DIR`; with --db the run imports them itself)")] = None,
    shard_size: Annotated[int | None, typer.Option(
        "--shard-size", help="--shards: articles per shard (default 1000)")] = None,
) -> None:
    """Ingest sources, extract and check the claims of new articles, and store everything.

    A source that cannot be read, or an article that cannot be stored or analyzed, is listed in the
    summary with its reason, and the run goes on. Exit code: 0 when nothing failed, 1 when something
    did (the rest is stored), 2 for bad arguments or an unusable --db or --market.
    """
    from analyzer.cli.check_cmd import published_option
    from analyzer.cli.processing import batch_processor
    from analyzer.cli.progress import RunProgress
    from analyzer.ingest.http import FetchPolicy, HttpClient
    from analyzer.ingest.pipeline import Ingestor
    from analyzer.market import MarketData
    from analyzer.store import Store

    logging.getLogger("analyzer.ingest").setLevel(logging.ERROR)  # problems go in the summary instead
    when = published_option(published)
    if shards is not None:
        _refuse_with_shards(engine, ingest_only, report, full_text, shard_size)
        run_to_shards(sources, shards, MarketData.open(market), workers, ray_address, published, shard_size, db)
        return
    _refuse_parquet(sources)
    market_data = None if ingest_only else MarketData.open(market)  # raises MarketDataError with the reason
    processor = None if market_data is None else batch_processor(market_data, workers, engine, ray_address)
    process = processor
    store = Store.open(db)
    if process is not None and market_data is not None:  # verdicts that follow the news (see recheck_cmd)
        from analyzer.cli.recheck_cmd import recheck_stored, with_stored_reports

        err.print(recheck_stored(store, market_data, err).line(), highlight=False, soft_wrap=True)
        process = with_stored_reports(process, store)
    batch_articles: dict[str, Article] = {}
    batch_checked: list[CheckedClaim] = []
    if process is not None and report is not None:
        process = _collecting(process, batch_articles, batch_checked)
    policy = FetchPolicy(read_timeout=timeout, allow_private=allow_private, per_host_interval=host_interval,
                         allowed_hosts=frozenset(h.strip().lower() for h in allow_host or ()))
    with HttpClient(policy) as client, RunProgress(err, checking=process is not None) as progress:
        # batches go to the engine as they are read (``submit``) and are stored in order while it works
        ingestor = Ingestor(store, client, full_text=full_text, process=progress.wrap(process), published=when,
                            on_article=progress.read, submit=None if processor is None else processor.submit)
        progress.follow(ingestor.summary)
        try:
            summary = ingestor.run(sources)
        finally:
            if processor is not None:
                processor.close()
    print_summary(summary, store, err)
    err.print(progress.timing(), highlight=False)
    store.close()
    if report is not None:
        from analyzer.report.html import write_report

        write_report(report, batch_checked, batch_articles, market_data)
        err.print(f"report: {report} ({len(batch_articles)} articles, {len(batch_checked)} claims)")
    if summary.failed:  # exit codes: 0 nothing failed, 1 a source, article or batch failed (listed above)
        raise typer.Exit(1)


def _refuse_with_shards(engine: str, ingest_only: bool, report: Path | None, full_text: bool,
                        shard_size: int | None) -> None:
    from analyzer.errors import InputError

    if engine != "ray":
        raise InputError("--shards needs --engine ray")
    for given, option in ((ingest_only, "--ingest-only"), (report, "--report"), (full_text, "--full-text")):
        if given:
            raise InputError(f"{option} does not go with --shards (the shards hold claims, not a store)")
    if shard_size is not None and shard_size < 1:
        raise InputError(f"--shard-size {shard_size}: expected 1 or more")


def _refuse_parquet(sources: Sequence[str]) -> None:
    from analyzer.errors import InputError

    for source in sources:
        if source.lower().endswith(".parquet"):
            raise InputError(f"{source}: Parquet article files are read on Ray: add --engine ray --shards DIR")


def run_to_shards(sources: Sequence[str], out_dir: Path, market: MarketData, workers: int | None,
                  ray_address: str | None, published: str | None, shard_size: int | None, db: str | None) -> None:
    """`run --engine ray --shards DIR`: files read and analyzed on Ray, claims written as shards, then
    imported into ``db`` when one is given (opened first: an unusable --db stops the run before it starts).
    Exits 1 when a file could not be read or an article failed (skipped lines are listed, as `run` lists
    them, without failing the run)."""
    from analyzer.engine.ray_engine import article_files
    from analyzer.errors import InputError
    from analyzer.store import Store

    if workers is not None and workers < 1:
        raise InputError(f"--workers {workers}: expected 1 or more")
    files = article_files(sources)
    store = Store.open(db) if db is not None else None
    try:
        done = _analyze_into_shards(files, out_dir, market, workers, ray_address, published, shard_size)
        failed = bool(done.unreadable or done.failures)
        if store is not None:
            from analyzer.cli.import_cmd import import_shards

            summary = import_shards(out_dir, store)
            print_summary(summary, store, err)
            failed = failed or summary.failed
    finally:
        if store is not None:
            store.close()
    if failed:
        raise typer.Exit(1)


def _analyze_into_shards(files: list[Path], out_dir: Path, market: MarketData, workers: int | None,
                         ray_address: str | None, published: str | None, shard_size: int | None) -> FilesSummary:
    from analyzer.cli.progress import article_progress
    from analyzer.cli.recheck_cmd import market_as_of
    from analyzer.engine.ray_engine import SHARD_ARTICLES, analyze_files, count_records

    total = sum(count_records(path) for path in files)
    metadata = {"analyzer.market_as_of": market_as_of(market) or "", "analyzer.market": str(market.directory)}
    with article_progress(total, "analyzing on Ray") as advance:
        done = analyze_files(files, out_dir, market, workers, ray_address, published, shard_size or SHARD_ARTICLES,
                             metadata, advance)
    for problem in done.problems[:20]:
        err.print(f"[yellow]skipped[/] {escape(problem)}", highlight=False)
    if len(done.problems) > 20:
        err.print(f"[yellow]... and {len(done.problems) - 20} more problems[/]")
    for reason in done.unreadable:
        err.print(f"[red]failed[/] {escape(reason)}", highlight=False)
    for failure in done.failures:
        err.print(f"[red]failed[/] {escape(str(failure))}", highlight=False)
    err.print(f"{done.articles} articles analyzed into {len(done.shards)} shards in {out_dir}", highlight=False)
    return done


def _collecting(process, articles: dict[str, Article], checked: list[CheckedClaim]):  # type: ignore[no-untyped-def]
    """The same processing, keeping this run's articles and verdicts for its report."""
    def wrapped(batch: Sequence[Article]) -> list[CheckedClaim]:
        result = process(batch)
        articles.update((a.id, a) for a in batch)
        checked.extend(result)
        return result

    return wrapped


def print_summary(summary: RunSummary, store: Store, console: Console) -> None:
    from analyzer.ingest.pipeline import SHORT_TEXT_CHARS

    failed = summary.sources_failed
    console.print(f"sources: {summary.sources_ok} ok, {len(failed)} failed")
    for outcome in failed:
        console.print(f"  [red]failed[/] {escape(outcome.reason or '')}")
    not_modified = sum(1 for s in summary.sources if s.not_modified)
    if not_modified:
        console.print(f"  {not_modified} not modified since the last run (HTTP 304)")
    dups = sum(summary.duplicates.values())
    console.print(f"articles: {summary.new} new, {dups} duplicates "
                  f"({summary.duplicates['content']} same text, {summary.duplicates['near']} near), "
                  f"{summary.already_stored} already stored")
    if summary.processed or summary.verdicts:
        table = Table(title=f"claims of {summary.processed} processed articles")
        table.add_column("verdict")
        table.add_column("claims", justify="right")
        for verdict, count in summary.verdicts.most_common():
            table.add_row(verdict, str(count))
        console.print(table)
    for reason in summary.failed_batches:
        console.print(f"  [yellow]unprocessed[/] {escape(reason)} (retried next run)")
    for reason in summary.failed_items:
        console.print(f"  [red]not stored[/] {escape(reason)}")
    if summary.items_failed > len(summary.failed_items):
        console.print(f"  ... and {summary.items_failed - len(summary.failed_items)} more articles not stored")
    if summary.mostly_short:
        console.print(f"{summary.short} of {summary.new} new articles have under {SHORT_TEXT_CHARS} characters "
                      "(feed summaries), too short to hold most claims; --full-text reads each article's page")
    if summary.warnings:
        console.print(f"{len(summary.warnings)} warnings; first: {escape(summary.warnings[0])}")
    counts = store.counts()
    console.print(f"store: {counts['articles']} articles ({counts['duplicates']} duplicates), "
                  f"{counts['claims']} claims, {counts['feeds']} feeds")
