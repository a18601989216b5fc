"""`analyzer check INPUT... --market DIR --out FILE.jsonl`: extract and check claims in article files."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from analyzer.cli.app import app
from analyzer.cli.processing import ENGINE_HELP, RAY_ADDRESS_HELP, WORKERS_HELP
from analyzer.cli.processing import batch_processor
from analyzer.errors import InputError
from analyzer.ingest import ReadReport, parse_published, read_articles
from analyzer.market import MarketData
from analyzer.records import Article, CheckedClaim
from analyzer.report.export import write_jsonl

VERDICT_STYLE = {"supported": "green", "contradicted": "red", "unverifiable": "yellow", "pending": "cyan",
                 "not_checkable": "dim"}
BATCH = 64

err = Console(stderr=True)


def read_inputs(inputs: list[Path], published: str | None) -> tuple[list[Article], list[ReadReport]]:
    when = parse_published(published) if published else None
    articles: list[Article] = []
    reports: list[ReadReport] = []
    for path in inputs:
        report = ReadReport()
        articles.extend(read_articles(path, when, report))
        reports.append(report)
    return articles, reports


def market_dir_option(market: Path | None) -> Path:
    chosen = market or (Path(os.environ["ANALYZER_MARKET_DIR"]) if os.environ.get("ANALYZER_MARKET_DIR") else None)
    if chosen is None:
        raise InputError("no market data directory: pass --market DIR or set $ANALYZER_MARKET_DIR")
    return chosen


def run_pipeline(articles: list[Article], market: MarketData, progress_label: str = "checking",
                 workers: int | None = None, engine: str = "local",
                 ray_address: str | None = None) -> list[CheckedClaim]:
    """Extract and check a list of articles in batches, with a progress bar on stderr."""
    process = batch_processor(market, workers, engine, ray_address)
    checked = process([])  # an empty Analysis: claims and failures are gathered in it
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=len(articles) < 2) as progress:
        task = progress.add_task(progress_label, total=len(articles))
        for i in range(0, len(articles), BATCH):
            batch = articles[i:i + BATCH]
            result = process(batch)
            checked.extend(result)
            checked.failures.extend(result.failures)
            progress.advance(task, len(batch))
    process.close()
    return checked


def print_table(checked: list[CheckedClaim], console: Console) -> None:
    table = Table(title=f"{len(checked)} claims", show_lines=False)
    for column in ("article", "kind", "instrument", "claim", "verdict", "actual"):
        table.add_column(column, overflow="fold")
    for item in checked:
        c, v = item.claim, item.verdict
        span = c.sentence[c.span_start or 0:c.span_end or len(c.sentence)]
        name = c.instrument.symbol or c.instrument.name if c.instrument else (c.bank or "")
        table.add_row(c.article_id[:24], c.kind, name, span[:80],
                      f"[{VERDICT_STYLE.get(v.verdict, '')}]{v.verdict}[/]", actual_figures(item))
    console.print(table)


def actual_figures(item: CheckedClaim) -> str:
    """The measured figures in a few words: "+0.83% to 2,358.60 on 2025-08-26"."""
    for evidence in item.verdict.evidence:
        f = evidence.figures
        if "change_pct" in f and "close" in f:
            return f"{f['change_pct']:+.2f}% to {f['close']:,.2f} on {evidence.session}"
        if "change_bp" in f:
            return f"{f['change_bp']:+d} bp on {f.get('announced')}"
    return item.verdict.explanation[:80]


@app.command("check")
def check(
    inputs: list[Path] = typer.Argument(..., help="article files: .jsonl (one article per line), .txt, .html"),
    market: Path | None = typer.Option(None, "--market", help="market data directory [$ANALYZER_MARKET_DIR]"),
    out: Path | None = typer.Option(None, "--out", help="write the checked claims here as JSONL"),
    published: str | None = typer.Option(None, "--published",
                                         help="publication time for .txt inputs (ISO 8601, RFC 2822, wire style)"),
    report: Path | None = typer.Option(None, "--report", help="also write an HTML report here"),
    workers: int | None = typer.Option(None, "--workers", help=WORKERS_HELP),
    engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
    ray_address: str | None = typer.Option(None, "--ray-address", help=RAY_ADDRESS_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no table on stdout"),
) -> None:
    """Extract every checkable claim from the inputs and check it against market data."""
    market_data = MarketData.open(market_dir_option(market))
    articles, reports = read_inputs(inputs, published)
    for r in reports:
        for problem in r.problems[:20]:
            err.print(f"[yellow]skipped[/] {problem}")
        if r.skipped > 20:
            err.print(f"[yellow]... and {r.skipped - 20} more skipped lines in {r.source}[/]")
    checked = run_pipeline(articles, market_data, workers=workers, engine=engine, ray_address=ray_address)
    for failure in checked.failures:
        err.print(f"[red]failed[/] {failure}", highlight=False)
    if out is not None:
        write_jsonl(checked, out)
    if report is not None:
        from analyzer.report.html import write_report
        write_report(report, checked, {a.id: a for a in articles}, market_data)
    if not quiet:
        print_table(checked, Console())
    counts: dict[str, int] = {}
    for item in checked:
        counts[item.verdict.verdict] = counts.get(item.verdict.verdict, 0) + 1
    summary = ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "no claims"
    err.print(f"{len(articles)} article(s), {len(checked)} claim(s): {summary}"
              + (f"; written to {out}" if out else ""))
