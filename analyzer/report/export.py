"""Machine-readable output: JSONL (the output contract), CSV and Parquet.

JSONL is ``CheckedClaim.to_dict`` line by line. CSV and Parquet are the flat table of
:func:`analyzer.report.frame.to_dataframe` (article fields, stated and actual figures, deal and rate
fields), so the two flat formats always carry the same columns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from analyzer.errors import InputError
from analyzer.records import Article, CheckedClaim, dumps

FORMATS = ("jsonl", "csv", "parquet")
# (article id, claim id) -> the claim's verdict history entries, oldest first
History = Mapping[tuple[str, str], Any]


def _open_for_writing(path: str | Path, binary: bool = False) -> IO:
    try:
        return open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def write_jsonl_to(checked: Iterable[CheckedClaim], out: IO[str], history: History | None = None) -> int:
    """One contract line per claim; with ``history``, a stored claim's line also carries its verdicts over time."""
    count = 0
    for item in checked:
        entries = (history or {}).get((item.claim.article_id, item.claim.claim_id))
        if entries:
            row = item.to_dict()
            row["history"] = [{"verdict": e.verdict, "checked_at": e.checked_at, "market_as_of": e.market_as_of,
                               "reason": e.reason, "explanation": e.explanation} for e in entries]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(dumps(item) + "\n")
        count += 1
    return count


def write_jsonl(checked: Iterable[CheckedClaim], path: str | Path, history: History | None = None) -> int:
    with _open_for_writing(path) as out:
        return write_jsonl_to(checked, out, history)


def read_jsonl(path: str | Path) -> Iterator[CheckedClaim]:
    """Checked claims from a JSONL file; a file that is not one is an InputError naming it and the line."""
    try:
        with open(path, encoding="utf-8") as src:
            yield from _records(path, src)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _records(path: str | Path, src: IO[str]) -> Iterator[CheckedClaim]:
    at = [0]  # the line being read, for the error message
    try:
        for line in src:
            at[0] += 1
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError(f"a JSON {type(row).__name__}, not an object")
            item = CheckedClaim.from_dict(row)
            check_types(item.claim)
            check_types(item.verdict)
            yield item
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not a text file of checked claims (bytes that are not UTF-8 near line "
                         f"{at[0] + 1})") from exc
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise InputError(f"{path}:{at[0]}: not a checked-claim record ({exc})") from exc


_SCALARS: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}


def check_types(record: Any, where: str = "") -> None:
    """Raise TypeError naming the field when a record read from JSON holds a value of the wrong type
    ("change_pct": "big"), so that bad input is refused where it is read, not when it is drawn."""
    import dataclasses

    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        allowed = [part.strip() for part in str(f.type).split("|")]
        name = f"{where}{f.name}"
        if value is None:
            if "None" not in allowed and f.default is not None:
                raise TypeError(f"{name}: missing")
            continue
        base = allowed[0].split("[", 1)[0]
        if base in _SCALARS:
            if isinstance(value, bool) and base != "bool" or not isinstance(value, _SCALARS[base]):
                raise TypeError(f"{name}: expected {base}, got {type(value).__name__} {value!r:.40}")
        elif base in ("dict", "list"):
            if not isinstance(value, dict if base == "dict" else list):
                raise TypeError(f"{name}: expected a {base}, got {type(value).__name__}")
            for index, member in enumerate(value if base == "list" else ()):
                if dataclasses.is_dataclass(member):
                    check_types(member, f"{name}[{index}].")
        elif dataclasses.is_dataclass(value):
            check_types(value, f"{name}.")


def write_csv_to(checked: Iterable[CheckedClaim], out: IO[str],
                 articles: Mapping[str, Article] | None = None, history: History | None = None) -> int:
    from analyzer.report.frame import to_dataframe

    frame = to_dataframe(list(checked), articles, history)
    for column in frame.select_dtypes(include=["object", "string"]).columns:
        frame[column] = frame[column].map(spreadsheet_safe)
    frame.to_csv(out, index=False, date_format="%Y-%m-%dT%H:%M:%S%z")
    return len(frame)


# a cell a spreadsheet would run as a formula: "=...", "@...", a tab or carriage return first, or a sign not
# followed by a figure ("+0.07%" and "-25 bp" are figures and stay as they are)
_FORMULA_START = re.compile(r"^(?:[=@\t\r]|[+\-](?![\d.]))")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that opens in a spreadsheet as text, never as a formula (a leading apostrophe, the same
    rule as the HTML report's CSV download); other values unchanged."""
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def write_csv(checked: Iterable[CheckedClaim], path: str | Path,
              articles: Mapping[str, Article] | None = None, history: History | None = None) -> int:
    with _open_for_writing(path) as out:
        return write_csv_to(checked, out, articles, history)


def write_parquet(checked: Iterable[CheckedClaim], path: str | Path,
                  articles: Mapping[str, Article] | None = None, history: History | None = None) -> int:
    from analyzer.report.frame import to_dataframe

    frame = to_dataframe(list(checked), articles, history)
    with _open_for_writing(path, binary=True) as out:
        frame.to_parquet(out, index=False)
    return len(frame)


def write_claims(fmt: str, checked: Iterable[CheckedClaim], path: str | Path,
                 articles: Mapping[str, Article] | None = None, history: History | None = None) -> int:
    """Write ``checked`` to ``path`` as jsonl, csv or parquet; returns the number of claims written.

    ``history`` (``frame.group_history(store.verdict_history())``) adds each stored claim's verdicts over time.
    """
    if fmt == "jsonl":
        return write_jsonl(checked, path, history)
    if fmt == "csv":
        return write_csv(checked, path, articles, history)
    if fmt == "parquet":
        return write_parquet(checked, path, articles, history)
    raise InputError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
