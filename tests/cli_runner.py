"""The CLI's entry point run in the test process (faster than a new interpreter)."""

from __future__ import annotations

import sys


def run_cli(capsys, monkeypatch, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Run ``analyzer ARGS...`` through ``analyzer.cli.main``: the exit code, stdout and stderr."""
    from analyzer.cli import main

    monkeypatch.setattr(sys, "argv", ["analyzer", *args])
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
