"""The `fnspid_summaries` corpus: FNSPID's Nasdaq.com article summaries, resolved by Url from the shared data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analyzer import evaluate
from analyzer.errors import InputError

REPO = Path(__file__).resolve().parent.parent
_CSV = Path("news") / "fnspid_samples" / "news_summarized_AA.csv"


def _first_row(shared_data: Path) -> dict[str, str]:
    with (shared_data / _CSV).open(encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle))


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_summary_resolves_by_its_url(tmp_path: Path, shared_data: Path) -> None:
    row = _first_row(shared_data)
    end = row["New_text"].index(" ", 30)
    record = {"corpus": "fnspid_summaries", "article_id": row["Url"], "char_start": 0, "char_end": end,
              "sha1": evaluate.sentence_sha1(row["New_text"][:end]), "claims": []}
    [gold] = evaluate.load_gold(_write(tmp_path, [record]), shared_data)
    assert gold.article.source == "Nasdaq.com (FNSPID)"
    assert gold.article.url == row["Url"] and gold.sentence == row["New_text"][:end]
    assert gold.article.published.isoformat().startswith(row["Date"][:10])  # the stamps are UTC already


def test_an_unknown_url_is_named(tmp_path: Path, shared_data: Path) -> None:
    record = {"corpus": "fnspid_summaries", "article_id": "https://example.org/none", "char_start": 0,
              "char_end": 5, "sha1": "0" * 12, "claims": []}
    with pytest.raises(InputError, match="FNSPID summaries not found .*example.org/none"):
        evaluate.load_gold(_write(tmp_path, [record]), shared_data)


def test_the_training_file_loads_and_carries_no_text(shared_data: Path) -> None:
    path = REPO / "corpora" / "train" / "fnspid26.jsonl"
    gold = evaluate.load_gold(path, shared_data)
    assert len(gold) >= 250 and {g.corpus for g in gold} == {"fnspid_summaries"}
    assert all("text" not in json.loads(line) for line in path.read_text().splitlines())
