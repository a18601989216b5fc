"""The shared data directory (``../shared/data``): where it is, the dumps read from it by name, and how they are read.

The CLI, evaluation, the audit, training, the benchmarks and the scripts all take their articles from the same
directory; one module says where it is and reads its gzipped JSONL dumps, so that they look in the same place and
fail the same way (an error naming the file, and the line where a row is broken).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analyzer.errors import InputError

ENV_VAR = "ANALYZER_SHARED_DATA"
REUTERS_ALL = Path("news/reuters_2006_2013/reuters_news_106521.jsonl.gz")
REUTERS_WRAPS = Path("news/reuters_2006_2013/us_market_wraps.jsonl.gz")
TRADINGVIEW = Path("news/tradingview_2025_02/items.jsonl.gz")
HOW_TO_POINT = f"pass --shared-data DIR or set {ENV_VAR}"


def shared_data_dir(given: str | Path | None = None, beside: Path | None = None) -> Path:
    """``given`` when set, else ``$ANALYZER_SHARED_DATA``, else ``shared/data`` beside ``beside``.

    ``beside`` defaults to the working directory, so the last is ``../shared/data`` from a clone's root, where CI
    and the README run everything; benchmarks and scripts pass their clone's root so they run from anywhere.
    """
    if given:
        return Path(given)
    from_env = os.environ.get(ENV_VAR)
    return Path(from_env) if from_env else (beside or Path.cwd()).parent / "shared" / "data"


def read_dump(path: Path, needed_for: str) -> Iterator[dict[str, Any]]:
    """The rows of a gzipped JSONL dump, blank lines skipped.

    ``needed_for`` says in the error what the file was wanted for, since a missing dump usually means the
    shared data directory is not where the command looked.
    """
    if not path.is_file():
        raise InputError(f"shared data file {path} not found: {needed_for} ({HOW_TO_POINT})")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}: not JSON: {exc.msg}") from exc
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
