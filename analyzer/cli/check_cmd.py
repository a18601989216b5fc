"""`analyzer check INPUT... --market DIR [--out FILE.jsonl] [--format table|wide|jsonl|csv]`: check article files."""

from __future__ import annotations

import logging
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from analyzer.cli.app import app
from analyzer.cli.processing import ENGINE_HELP, RAY_ADDRESS_HELP, WORKERS_HELP
from analyzer.errors import InputError

if TYPE_CHECKING:  # the stages are imported inside the command: `--help` must not load spaCy
    from datetime import datetime

    from rich.console import Console

    from analyzer.ingest import ReadReport
    from analyzer.market import MarketData
    from analyzer.records import Article, CheckedClaim

VERDICT_STYLE = {"supported": "green", "contradicted": "bold red", "unverifiable": "yellow", "pending": "cyan",
                 "not_checkable": "dim"}
BATCH = 64


class OutputFormat(StrEnum):
    table = "table"
    wide = "wide"
    jsonl = "jsonl"
    csv = "csv"


def read_inputs(inputs: list[Path], published: str | None) -> tuple[list[Article], list[ReadReport]]:
    from analyzer.ingest import ReadReport, read_articles

    when = published_option(published)
    articles: list[Article] = []
    reports: list[ReadReport] = []
    for path in inputs:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not an article file")
        report = ReadReport()
        articles.extend(read_articles(path, when, report))
        reports.append(report)
    return articles, reports


def published_option(value: str | None) -> datetime | None:
    """The --published time, or an error that names the option."""
    from analyzer.ingest import parse_published

    if value is None:
        return None
    try:
        return parse_published(value)
    except (InputError, ValueError) as exc:
        raise InputError(f"--published {value!r}: {exc} (try 2025-08-26T20:00:00-04:00)") from exc


def market_dir_option(market: Path | None) -> Path:
    chosen = market or (Path(os.environ["ANALYZER_MARKET_DIR"]) if os.environ.get("ANALYZER_MARKET_DIR") else None)
    if chosen is None:
        raise InputError("no market data directory: pass --market DIR or set $ANALYZER_MARKET_DIR")
    return chosen


def run_pipeline(articles: list[Article], market: MarketData, progress_label: str = "checking",
                 workers: int | None = None, engine: str = "local",
                 ray_address: str | None = None) -> list[CheckedClaim]:
    """Extract and check a list of articles in batches, with a progress bar (total, rate, ETA) on stderr."""
    from analyzer.cli.processing import batch_processor
    from analyzer.cli.progress import article_progress, call_with_steps

    with batch_processor(market, workers, engine, ray_address) as process:  # workers or actors start once
        checked = process([])  # an empty Analysis: claims and failures are gathered in it
        with article_progress(len(articles), progress_label, disable=len(articles) < 2) as advance:
            for i in range(0, len(articles), BATCH):
                batch = articles[i:i + BATCH]
                result = call_with_steps(process, batch, advance)
                checked.extend(result)
                checked.failures.extend(result.failures)
    return checked


def claims_table(checked: list[CheckedClaim], width: int, wide: bool = False):  # type: ignore[no-untyped-def]
    """The claims as a rich Table.

    ``table`` (the default) has two columns, so that it reads at 80 columns: the verdict, never wrapped,
    and a block per claim: what and when, the claim's words cut around its figure (never cutting the
    figure), stated vs actual, and the reason. ``wide`` has one column per field and keeps every word.
    """
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), expand=wide)
    table.add_column("verdict", no_wrap=True)
    if wide:
        for name in ("article", "kind", "instrument", "session"):
            table.add_column(name, no_wrap=True)
        for name, ratio in (("claim", 3), ("stated", 2), ("actual", 2), ("reason", 4)):
            table.add_column(name, overflow="fold", ratio=ratio)
    else:
        table.add_column("claim: stated vs actual, and why", overflow="fold")
    verdict_width = 16
    text_width = max(width - verdict_width - 2, 30)
    for item in checked:
        table.add_row(*_claim_row(item, text_width, wide), end_section=not wide)
    return table


def _claim_row(item: CheckedClaim, text_width: int, wide: bool) -> list:  # type: ignore[type-arg]
    from rich.text import Text

    from analyzer.report import plain

    claim, verdict = item.claim, item.verdict.verdict
    mark = Text(f"{plain.VERDICT_ICONS.get(verdict, '')} {verdict}", style=VERDICT_STYLE.get(verdict, ""))
    stated, actual = plain.stated_text(claim) or "-", plain.actual_text(item) or "-"
    if wide:
        return [mark, claim.article_id, plain.words(claim.kind), _instrument(claim), claim.session or "",
                " ".join(plain.claim_quote(claim).split()), stated, actual, plain.reason_text(item)]
    head = " ".join(p for p in (plain.words(claim.kind), _instrument(claim), claim.session or "") if p)
    cell = Text(head + "\n", style="dim")
    cell.append("“" + plain.short_quote(claim, text_width - 2) + "”")
    if (stated, actual) != ("-", "-"):
        cell.append("\nstated ", style="dim")
        cell.append(stated, style="bold")
        cell.append(" · actual ", style="dim")
        cell.append(actual, style="bold")
    if verdict != "supported" or item.verdict.diagnosis:
        cell.append("\n" + _shorten(plain.reason_text(item), 2 * text_width), style="italic")
    return [mark, cell]


def _instrument(claim) -> str:  # type: ignore[no-untyped-def]
    if claim.instrument is not None:
        return claim.instrument.symbol or claim.instrument.name
    return claim.bank or ""


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def print_claims(checked: list[CheckedClaim], fmt: OutputFormat, console: Console) -> None:
    """Write the claims to stdout in the chosen format."""
    from analyzer.report.export import write_csv_to, write_jsonl_to

    if fmt is OutputFormat.jsonl:
        write_jsonl_to(checked, sys.stdout)
    elif fmt is OutputFormat.csv:
        write_csv_to(checked, sys.stdout)
    else:
        console.print(claims_table(checked, console.width, wide=fmt is OutputFormat.wide))


@app.command("check")
def check(
    inputs: list[Path] = typer.Argument(..., metavar="FILE",
                                        help="article files: .jsonl (one article per line), .txt, .html"),
    market: Path | None = typer.Option(None, "--market", help="market data directory [$ANALYZER_MARKET_DIR]"),
    out: Path | None = typer.Option(None, "--out", help="write the checked claims here as JSONL"),
    published: str | None = typer.Option(None, "--published",
                                         help="publication time for .txt inputs (ISO 8601, RFC 2822, wire style)"),
    report: Path | None = typer.Option(None, "--report", help="also write an HTML report here"),
    workers: int | None = typer.Option(None, "--workers", help=WORKERS_HELP),
    engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
    ray_address: str | None = typer.Option(None, "--ray-address", help=RAY_ADDRESS_HELP),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f",
                                     help="stdout: table (fits the terminal), wide (every word), jsonl or csv"),
    wide: bool = typer.Option(False, "--wide", help="same as --format wide"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="nothing on stdout"),
) -> None:
    """Extract every checkable claim from the inputs and check it against market data."""
    from rich.console import Console

    from analyzer.market import MarketData
    from analyzer.report.export import write_jsonl

    err = Console(stderr=True)
    logging.getLogger("analyzer.ingest").setLevel(logging.ERROR)  # skipped lines are listed below instead
    market_data = MarketData.open(market_dir_option(market))
    articles, reports = read_inputs(inputs, published)
    for r in reports:
        for problem in r.problems[:20]:
            err.print(f"[yellow]skipped[/] {problem}", markup=True, highlight=False)
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
        chosen = OutputFormat.wide if wide else fmt
        # wide keeps every word: piped to a file it is not squeezed into 80 columns
        width = 240 if chosen is OutputFormat.wide and not sys.stdout.isatty() else None
        print_claims(checked, chosen, Console(soft_wrap=chosen in ("jsonl", "csv"), width=width))
    counts: dict[str, int] = {}
    for item in checked:
        counts[item.verdict.verdict] = counts.get(item.verdict.verdict, 0) + 1
    summary = ", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "no claims"
    err.print(f"{len(articles)} article(s), {len(checked)} claim(s): {summary}"
              + (f"; written to {out}" if out else ""), highlight=False)
    if checked.failures:  # the exit code says that some input was not analyzed
        raise typer.Exit(1)
