"""Machine-readable output: JSONL (the output contract) and CSV, both from ``CheckedClaim.to_dict``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from analyzer.errors import InputError
from analyzer.records import CheckedClaim, dumps

CSV_COLUMNS = [
    "claim_id", "article_id", "kind", "instrument_name", "instrument_symbol", "direction", "change_pct",
    "change_points", "level", "period", "session", "modality", "relation", "benchmarks", "verdict",
    "explanation", "sentence", "char_start", "char_end",
]


def write_jsonl(checked: Iterable[CheckedClaim], path: str | Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for item in checked:
            out.write(dumps(item) + "\n")
            count += 1
    return count


def read_jsonl(path: str | Path) -> Iterator[CheckedClaim]:
    with open(path, encoding="utf-8") as src:
        for lineno, line in enumerate(src, 1):
            if not line.strip():
                continue
            try:
                yield CheckedClaim.from_dict(json.loads(line))
            except (ValueError, TypeError, KeyError) as exc:
                raise InputError(f"{path}:{lineno}: not a checked-claim record ({exc})") from exc


def csv_row(item: CheckedClaim) -> dict[str, object]:
    row = item.to_dict()
    instrument = row.pop("instrument") or {}
    row["instrument_name"] = instrument.get("name")
    row["instrument_symbol"] = instrument.get("symbol")
    row["benchmarks"] = ";".join(b.get("symbol") or b.get("name") for b in row["benchmarks"])
    return {col: row.get(col) for col in CSV_COLUMNS}


def write_csv(checked: Iterable[CheckedClaim], path: str | Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for item in checked:
            writer.writerow(csv_row(item))
            count += 1
    return count
