"""Command-line interface: a thin layer over the stages. Errors become one line and exit code 2."""

from __future__ import annotations

import sys

from analyzer.cli import (  # noqa: F401  (register)
    audit_cmd,
    check_cmd,
    eval_cmd,
    market_cmd,
    report_cmd,
    run_cmd,
    train_cmd,  # noqa: F401  (register)
)
from analyzer.cli.app import app
from analyzer.errors import AnalyzerError


def main() -> None:
    try:
        app()
    except AnalyzerError as exc:
        print(f"analyzer: error: {exc}", file=sys.stderr)
        sys.exit(2)
