"""The CLI's entry point run in the test process (faster than a new interpreter)."""

from __future__ import annotations

import sys


def analyzer_cli(capsys, monkeypatch, *args: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Run ``analyzer ARGS...`` through ``analyzer.cli.main``: the exit code and stderr."""
    from analyzer.cli import main

    monkeypatch.setattr(sys, "argv", ["analyzer", *args])
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code, capsys.readouterr().err
