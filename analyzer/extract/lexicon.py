"""The extractors' word lists, each kept once, as data: ``analyzer/extract/lexicon/<domain>.json``.

A domain file is one JSON object whose keys name lists ("up_verbs", "direction_words", ...). A list of words
is read as a set (``words``), an object of word -> word as a mapping (``labels``), an object of word -> number
as a mapping to numbers (``numbers``), and a list whose order matters (longest phrase first, say) as a tuple
(``phrases``). Every file is read once per process and its lists are frozen, so a caller cannot change what
another one reads; code that needs its own copy makes one (``set(words(...))``).

Keys starting with "_" are notes for people (why a list holds what it holds) and are never read as lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from analyzer.errors import AnalyzerError

PACKAGE = "analyzer.extract"
FOLDER = "lexicon"


@cache
def domain(name: str) -> Mapping[str, Any]:
    """Every list of one domain file, as stored (read once per process)."""
    path = resources.files(PACKAGE).joinpath(FOLDER, f"{name}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AnalyzerError(f"no lexicon domain {name!r}: {path} is missing") from exc
    except json.JSONDecodeError as exc:
        raise AnalyzerError(f"lexicon domain {name!r}: {path} is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise AnalyzerError(f"lexicon domain {name!r}: {path} must hold one JSON object of named lists")
    return MappingProxyType(data)


def _entry(name: str, key: str, kind: type) -> Any:
    lists = domain(name)
    if key not in lists or key.startswith("_"):
        raise AnalyzerError(f"lexicon domain {name!r} has no list {key!r}")
    value = lists[key]
    if not isinstance(value, kind):
        raise AnalyzerError(f"lexicon {name}.{key} must be a JSON {'array' if kind is list else 'object'}")
    return value


@cache
def words(name: str, key: str) -> frozenset[str]:
    """A word list of domain ``name`` as a set: {"rise", "gain", ...}."""
    value = _entry(name, key, list)
    if not all(isinstance(word, str) for word in value):
        raise AnalyzerError(f"lexicon {name}.{key} must hold only strings")
    return frozenset(value)


def alternation(words: Iterable[str], flexible_spaces: bool = False) -> str:
    """A regex alternation of ``words``, escaped, longest first (so that 'apart from' is tried before 'apart'); with
    ``flexible_spaces`` a space in a phrase matches any run of whitespace (a phrase broken across a line)."""
    escaped = (re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))
    return "|".join(e.replace(r"\ ", r"\s+") if flexible_spaces else e for e in escaped)


@cache
def phrases(name: str, key: str) -> tuple[str, ...]:
    """A word list of domain ``name`` in its stored order (where the order matters)."""
    value = _entry(name, key, list)
    if not all(isinstance(word, str) for word in value):
        raise AnalyzerError(f"lexicon {name}.{key} must hold only strings")
    return tuple(value)


@cache
def labels(name: str, key: str) -> Mapping[str, str | None]:
    """A word -> label mapping of domain ``name`` in its stored order: {"gain": "up", "loss": "down", ...}."""
    value = _entry(name, key, dict)
    if not all(isinstance(label, str) or label is None for label in value.values()):
        raise AnalyzerError(f"lexicon {name}.{key} must map words to strings (or null)")
    return MappingProxyType(dict(value))


@cache
def numbers(name: str, key: str) -> Mapping[str, int | float]:
    """A word -> number mapping of domain ``name`` in its stored order: {"two": 2, "half a": 0.5, ...}."""
    value = _entry(name, key, dict)
    if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in value.values()):
        raise AnalyzerError(f"lexicon {name}.{key} must map words to numbers")
    return MappingProxyType(dict(value))
