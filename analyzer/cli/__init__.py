"""Command-line interface: a thin layer over the stages. Errors become one line and exit code 2."""

from __future__ import annotations

import sys

import typer

from analyzer.cli import (  # noqa: F401  (register)
    audit_cmd,
    check_cmd,
    eval_cmd,
    export_cmd,
    import_cmd,
    market_cmd,
    recheck_cmd,
    report_cmd,
    run_cmd,
    train_cmd,
)
from analyzer.cli.app import app
from analyzer.errors import AnalyzerError

# exit codes: 0 done, 1 some sources or items failed (run, market update), 2 bad input or usage, 130 interrupted
EXIT_INPUT = 2


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every input or usage error is one line on stderr naming its input, never a traceback."""
    try:
        code = app(args=argv, prog_name="analyzer", standalone_mode=False)
    except AnalyzerError as exc:
        _fail(str(exc))
    except typer.TyperException as exc:  # click's usage errors: unknown option, bad value, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":
            exc.show()  # type: ignore[attr-defined]
            sys.exit(EXIT_INPUT)
        command = getattr(getattr(exc, "ctx", None), "command_path", "analyzer")
        _fail(f"{exc.format_message()} (see `{command} --help`)")
    except typer.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:  # a file the command was given could not be read or written
        where = exc.filename or "input/output"
        _fail(f"{where}: {exc.strerror or exc}")
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str) -> None:
    print(f"analyzer: error: {' '.join(message.split())}", file=sys.stderr)
    sys.exit(EXIT_INPUT)
