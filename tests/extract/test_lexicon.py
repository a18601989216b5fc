"""The lexicon: every word list of the extractors kept once, as data, and read through typed accessors."""

from __future__ import annotations

import json
from importlib import resources
from itertools import combinations

import pytest

from analyzer.errors import AnalyzerError
from analyzer.extract import lexicon


def _domain_files() -> dict[str, dict]:
    folder = resources.files(lexicon.PACKAGE).joinpath(lexicon.FOLDER)
    out = {}
    for path in folder.iterdir():
        if path.name.endswith(".json"):
            def no_repeated_keys(pairs: list[tuple[str, object]], name: str = path.name) -> dict:
                keys = [k for k, _ in pairs]
                repeated = sorted({k for k in keys if keys.count(k) > 1})
                assert not repeated, f"{name}: keys given twice (the last would win silently): {repeated}"
                return dict(pairs)

            out[path.name.removesuffix(".json")] = json.loads(path.read_text(encoding="utf-8"),
                                                              object_pairs_hook=no_repeated_keys)
    return out


def _lists() -> list[tuple[str, str, object]]:
    return [(domain, key, value) for domain, data in _domain_files().items() for key, value in data.items()
            if not key.startswith("_")]


def test_the_domains_the_extractors_read_are_there() -> None:
    assert {"moves", "numbers", "modality", "time"} <= set(_domain_files())


def test_every_list_reads_through_its_accessor() -> None:
    for domain, key, value in _lists():
        if isinstance(value, list):
            assert lexicon.words(domain, key) == frozenset(value)
            assert lexicon.phrases(domain, key) == tuple(value)
        elif all(isinstance(v, str) or v is None for v in value.values()):
            assert dict(lexicon.labels(domain, key)) == value
        else:
            assert dict(lexicon.numbers(domain, key)) == value


def test_no_list_holds_a_word_twice() -> None:
    for domain, key, value in _lists():
        if isinstance(value, list):
            twice = sorted({w for w in value if value.count(w) > 1})
            assert not twice, f"{domain}.{key} holds {twice} twice"


def test_each_list_is_kept_once() -> None:
    """Two lists with the same words are one list kept twice: they drift apart as soon as one is edited."""
    contents = [(f"{domain}.{key}", frozenset(value) if isinstance(value, list) else frozenset(value.items()))
                for domain, key, value in _lists()]
    same = [(a, b) for (a, words_a), (b, words_b) in combinations(contents, 2) if words_a == words_b]
    assert not same


def test_the_lists_cannot_be_changed_by_a_reader() -> None:
    up = lexicon.words("moves", "up_verbs")
    assert "rise" in up and isinstance(up, frozenset)
    directions = lexicon.labels("moves", "direction_words")
    assert directions["higher"] == "up"
    with pytest.raises(TypeError):
        directions["higher"] = "down"  # type: ignore[index]
    assert lexicon.numbers("numbers", "word_numbers")["twelve"] == 12


def test_a_missing_domain_or_list_is_named_in_the_error() -> None:
    with pytest.raises(AnalyzerError, match="no lexicon domain 'no_such_domain'"):
        lexicon.words("no_such_domain", "up_verbs")
    with pytest.raises(AnalyzerError, match="'moves' has no list 'no_such_list'"):
        lexicon.words("moves", "no_such_list")
    with pytest.raises(AnalyzerError, match="moves.up_verbs must be a JSON object"):
        lexicon.labels("moves", "up_verbs")
    with pytest.raises(AnalyzerError, match="no list '_about'"):
        lexicon.words("moves", "_about")  # notes for people are not lists


def test_the_move_extractor_reads_its_verbs_from_the_lexicon() -> None:
    from analyzer.check import intensity
    from analyzer.extract import moves

    assert moves.UP_LEMMAS is lexicon.words("moves", "up_verbs")
    assert moves.DIRECTION_WORDS is lexicon.labels("moves", "direction_words")
    assert intensity.STRONG_WORDS is lexicon.words("moves", "strong_verbs")
