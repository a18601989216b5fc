"""Where the shared data directory is looked for, and how its gzipped dumps are read (ingest/shared_data.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from analyzer.errors import InputError
from analyzer.ingest.shared_data import ENV_VAR, REUTERS_ALL, read_dump, shared_data_dir


def test_a_given_directory_wins_over_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from_env"))
    assert shared_data_dir(tmp_path / "given") == tmp_path / "given"
    assert shared_data_dir() == tmp_path / "from_env"


def test_without_either_it_is_shared_data_beside_the_directory(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    clone = tmp_path / "analyzer"
    clone.mkdir()
    monkeypatch.chdir(clone)
    assert shared_data_dir() == tmp_path / "shared" / "data"
    assert shared_data_dir(beside=tmp_path / "elsewhere" / "repo") == tmp_path / "elsewhere" / "shared" / "data"
    monkeypatch.setenv(ENV_VAR, "")  # set but empty counts as unset
    assert shared_data_dir() == tmp_path / "shared" / "data"


def test_the_real_reuters_dump_reads_as_rows(shared_data: Path) -> None:
    first = next(iter(read_dump(shared_data / REUTERS_ALL, "a test")))
    assert {"id", "day", "body"} <= set(first)


def _dump(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path


def test_blank_lines_are_skipped_and_a_broken_row_names_file_and_line(tmp_path: Path) -> None:
    path = _dump(tmp_path / "dump.jsonl.gz", ['{"id": "a"}', "", '{"id": "b"}', "{not json"])
    rows = read_dump(path, "a test")
    assert [next(rows)["id"], next(rows)["id"]] == ["a", "b"]
    with pytest.raises(InputError, match=r"dump\.jsonl\.gz:4: not JSON"):
        next(rows)


def test_a_missing_dump_says_what_it_was_for_and_how_to_point_elsewhere(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"not found: the audit draws from it \(pass --shared-data DIR or set "
                                         r"ANALYZER_SHARED_DATA\)"):
        list(read_dump(tmp_path / "missing.jsonl.gz", "the audit draws from it"))


def test_a_file_that_is_not_gzip_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"plain\.jsonl\.gz: cannot read"):
        list(read_dump(path, "a test"))
