"""`analyzer export --format jsonl|csv|parquet --out FILE [--db URL]`: every stored claim with its verdict."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from analyzer.cli.app import app
from analyzer.errors import InputError


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


DB_HELP = "database: a file path or SQLAlchemy URL (default: $ANALYZER_DB, else the user data directory)"


@app.command("export")
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="file to write")],
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="jsonl (the output contract), csv or parquet (flat columns with the article fields, "
        "stated and actual figures, deal and rate fields)")] = ExportFormat.jsonl,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Write every stored claim with its verdict and its article's url, title, outlet and publication time."""
    from rich.console import Console

    from analyzer.cli.report_cmd import load_from_store, stored_history
    from analyzer.report.export import write_claims

    if out.is_dir():
        raise InputError(f"{out}: is a directory (--out names the file to write)")
    checked, articles = load_from_store(db)
    count = write_claims(fmt.value, checked, out, articles, stored_history(db))
    Console(stderr=True).print(f"wrote {count} claims from {len(articles)} articles to {out}", highlight=False,
                               soft_wrap=True)


