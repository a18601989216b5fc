"""A copy of a market directory as it stood on a day: every dated row after that day left out."""

from __future__ import annotations

import gzip
import shutil
from datetime import date
from pathlib import Path

# files whose rows are known in advance (meeting calendars) are copied whole
DATED_DIRS = ("daily", "series")
DECISIONS = Path("fomc") / "fomc_decisions.csv"


def _cut_lines(lines: list[str], until: str) -> list[str]:
    """The header and the rows whose first field (an ISO date) is on or before ``until``."""
    return lines[:1] + [line for line in lines[1:] if line[:10] <= until]


def cut_market(source: Path, target: Path, until: date) -> Path:
    """Write ``target``: ``source`` with daily bars, series and Fed decisions dated after ``until`` removed."""
    day = until.isoformat()
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*DATED_DIRS))
    for folder in DATED_DIRS:
        (target / folder).mkdir()
        for path in (source / folder).iterdir():
            if path.name.endswith(".csv.gz"):
                with gzip.open(path, "rt", encoding="utf-8") as src:
                    lines = src.read().splitlines(keepends=True)
                (target / folder / path.name.removesuffix(".gz")).write_text("".join(_cut_lines(lines, day)),
                                                                             encoding="utf-8")
            elif path.name.endswith(".csv"):
                lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
                (target / folder / path.name).write_text("".join(_cut_lines(lines, day)), encoding="utf-8")
    decisions = (source / DECISIONS).read_text(encoding="utf-8").splitlines(keepends=True)
    (target / DECISIONS).write_text("".join(_cut_lines(decisions, day)), encoding="utf-8")
    return target
