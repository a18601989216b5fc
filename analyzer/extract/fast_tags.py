"""The base model's attribute ruler and lemmatizer, with the same output at a fraction of the cost.

Over the gated text, spaCy's ``attribute_ruler`` and ``lemmatizer`` took about 13% of extraction: the ruler
runs a ``Matcher`` of ~180 one- and two-token patterns over every token and then sets each match's
attributes token by token (every token matches at least its tag's pattern); the lemmatizer makes a Python
``Token`` per token to look up a cache. ``IndexedAttributeRuler`` tests each pattern on arrays of the
tokens' attributes at once and writes the winning values back in one ``Doc.from_array``;
``CachedLemmatizer`` looks its cache up on the arrays and makes a ``Token`` only for a (word, part of
speech, morphology) it has not seen. Both subclass spaCy's own, so their settings, patterns, lookups and
serialization are spaCy's; ``load_pipeline`` swaps them in for the base model's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import minibatch

# what the fast path reads: the token attributes the base model's patterns test, and the values they set
MATCHED_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
ARRAY_SET = (POS, MORPH, LEMMA)  # set through Doc.from_array; any other attribute is set token by token

TokenTest = Callable[[dict[int, np.ndarray]], np.ndarray]


@dataclass(frozen=True)
class CompiledPattern:
    """One attribute-ruler pattern: a test per token position, the target position, what it sets."""

    alternatives: tuple[tuple[TokenTest, ...], ...]  # a test per position, for each of the pattern's alternatives
    index: int
    attrs: dict[int, int]  # what it sets through the arrays (POS, MORPH, LEMMA)
    other_attrs: dict[int, int]  # what it sets token by token (TAG, DEP: set after the arrays, as rarely needed)


class UnsupportedPattern(ValueError):
    """A pattern the array path does not read (an operator, another attribute): spaCy's Matcher runs."""


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler``, matched on token attribute arrays; falls back to spaCy's path for
    patterns it does not read."""

    _compiled: list[CompiledPattern] | None = None
    _compiled_for = -1

    def __call__(self, doc: Doc) -> Doc:
        return self._annotate([doc])[0]

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Docs in batches: each pattern is tested once per batch, on the batch's tokens together."""
        for docs in minibatch(stream, size=batch_size):
            yield from self._annotate(list(docs))

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        compiled = self._patterns()
        if compiled is None:
            return [super(IndexedAttributeRuler, self).__call__(doc) for doc in docs]
        by_attr = dict(zip(MATCHED_ATTRS.values(), _stacked(docs, tuple(MATCHED_ATTRS.values())).T, strict=True))
        values = _stacked(docs, ARRAY_SET)
        doc_of_token = np.repeat(np.arange(len(docs)), [len(doc) for doc in docs])
        token_by_token: list[tuple[np.ndarray, dict[int, int]]] = []
        for pattern in compiled:  # in pattern order: a later pattern's value wins, as in AttributeRuler.match
            targets = _targets(pattern, by_attr, doc_of_token)
            if targets is None:  # an index outside its match: spaCy's path, with spaCy's error
                return [super(IndexedAttributeRuler, self).__call__(doc) for doc in docs]
            for column, attr in enumerate(ARRAY_SET):
                if attr in pattern.attrs and len(targets):
                    values[targets, column] = pattern.attrs[attr]
            if pattern.other_attrs and len(targets):
                token_by_token.append((targets, pattern.other_attrs))
        _write_back(docs, values, token_by_token)
        return docs

    def _patterns(self) -> list[CompiledPattern] | None:
        """The patterns compiled for the array path (again when patterns were added), None if one cannot be."""
        if self._compiled_for != len(self.attrs):
            try:
                self._compiled = [self._compile(i) for i in range(len(self.attrs))]
            except UnsupportedPattern:
                self._compiled = None
            self._compiled_for = len(self.attrs)
        return self._compiled

    def _compile(self, i: int) -> CompiledPattern:
        _, patterns = self.matcher.get(self.vocab.strings[str(i)])
        if not patterns:
            raise UnsupportedPattern(f"attribute ruler pattern {i}")
        alternatives = tuple(tuple(_token_test(spec, self.vocab.strings) for spec in p) for p in patterns)
        attrs = self.attrs[i]
        return CompiledPattern(alternatives, self.indices[i], {a: v for a, v in attrs.items() if a in ARRAY_SET},
                               {a: v for a, v in attrs.items() if a not in ARRAY_SET})


def _stacked(docs: list[Doc], attrs: tuple[int, ...]) -> np.ndarray:
    """The attributes of every token of the docs, one row per token, the docs one after the other."""
    return np.concatenate([np.zeros((0, len(attrs)), dtype=np.uint64)] + [
        doc.to_array(list(attrs)).astype(np.uint64).reshape(-1, len(attrs)) for doc in docs])


def _write_back(docs: list[Doc], values: np.ndarray, token_by_token: list[tuple[np.ndarray, dict[int, int]]]) -> None:
    """The array attributes into each doc at once, then the rare others token by token (in pattern order)."""
    starts = np.concatenate(([0], np.cumsum([len(doc) for doc in docs]))).tolist()
    for doc, start in zip(docs, starts, strict=False):
        if len(doc):
            doc.from_array(list(ARRAY_SET), values[start:start + len(doc)])
    for targets, attrs in token_by_token:
        for i in targets.tolist():
            d = bisect.bisect_right(starts, i) - 1
            set_token_attrs(docs[d][i - starts[d]], attrs)


def _targets(pattern: CompiledPattern, columns: dict[int, np.ndarray], doc_of_token: np.ndarray) -> np.ndarray | None:
    """The tokens a pattern sets: the token at its index in each match of any alternative (inside one doc)."""
    out = [np.zeros(0, dtype=np.int64)]
    for tests in pattern.alternatives:
        width = len(tests)
        n = len(doc_of_token) - width + 1
        if n <= 0 or not width:
            continue
        starts = doc_of_token[:n] == doc_of_token[width - 1:]
        for offset, test in enumerate(tests):
            starts &= test(columns)[offset:offset + n]
        index = pattern.index if pattern.index >= 0 else width + pattern.index
        if not 0 <= index < width:
            if starts.any():
                return None
            continue
        out.append(np.flatnonzero(starts) + index)
    return np.unique(np.concatenate(out))


def _token_test(spec: dict[str, object], strings) -> TokenTest:  # type: ignore[no-untyped-def]
    """A Matcher token pattern as a test over the attribute arrays (all of its conditions must hold)."""
    if not spec or set(spec) - set(MATCHED_ATTRS):
        raise UnsupportedPattern(str(spec))
    conditions = [_condition(MATCHED_ATTRS[key], value, strings) for key, value in spec.items()]

    def test(columns: dict[int, np.ndarray]) -> np.ndarray:
        out = conditions[0](columns)
        for condition in conditions[1:]:
            out = out & condition(columns)
        return out

    return test


def _condition(attr: int, value: object, strings) -> TokenTest:  # type: ignore[no-untyped-def]
    if attr == IS_SPACE:
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        return lambda columns: (columns[attr] == 1) == value
    if isinstance(value, str):
        key = strings.add(value)
        return lambda columns: columns[attr] == key
    if isinstance(value, dict) and len(value) == 1:
        [(op, arg)] = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            keys = np.array([strings.add(a) for a in arg], dtype=np.uint64)
            return lambda columns: np.isin(columns[attr], keys, invert=op == "NOT_IN")
        if op == "REGEX" and isinstance(arg, str):
            return _regex_condition(attr, re.compile(arg), strings)
    raise UnsupportedPattern(f"{attr} {value!r}")


def _regex_condition(attr: int, pattern: re.Pattern[str], strings) -> TokenTest:  # type: ignore[no-untyped-def]
    """The Matcher's REGEX: ``re.search`` on the attribute's string, once per distinct value."""
    known: dict[int, bool] = {}

    def condition(columns: dict[int, np.ndarray]) -> np.ndarray:
        column = columns[attr]
        for key in np.unique(column).tolist():
            if key not in known:
                known[key] = pattern.search(strings[key]) is not None
        hits = np.array([k for k, hit in known.items() if hit], dtype=np.uint64)
        return np.isin(column, hits)

    return condition


class CachedLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, its cache read on token arrays: a ``Token`` is made only for a
    (word, part of speech, morphology) not seen before. Its lemma depends on nothing else."""

    _lemmas: dict[tuple[int, int, int], int] | None = None
    _indexes: dict[str, frozenset[str]] | None = None
    _zone_ended = False

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[Any]:
        """Inside ``nlp.memory_zone()`` new words' strings are transient and go when the zone ends (after this
        component's exit): so the next call first forgets the cached entries whose word or lemma went with
        them (else the cache would hand out hashes of strings that are gone, and grow with every new word of
        a long run); the entries of known words stay."""
        try:
            yield mem
        finally:
            self._zone_ended = True

    def _forget_gone_strings(self) -> None:
        strings = self.vocab.strings
        if self._lemmas:
            for key in [k for k, lemma in self._lemmas.items() if k[0] not in strings or lemma not in strings]:
                del self._lemmas[key]
        for key in [k for k in self.cache if k[0] not in strings]:
            del self.cache[key]

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        if self._lemmas is None:
            self._lemmas = {}
        if self._zone_ended:
            self._forget_gone_strings()
            self._zone_ended = False
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype(np.uint64)
        lemmas = rows[:, 3].copy()
        todo = range(len(doc)) if self.overwrite else np.flatnonzero(lemmas == 0).tolist()
        keys = rows[:, :3].tolist()
        for i in todo:
            key = tuple(keys[i])
            lemma = self._lemmas.get(key)
            if lemma is None:
                lemma = self._lemmas[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def rule_lemmatize(self, token: Token) -> list[str]:
        """spaCy's ``Lemmatizer.rule_lemmatize`` (3.8) step for step, with each part of speech's word index as a
        set: spaCy tests ``form in index`` on the table's list, a scan of thousands of words per rule."""
        cache_key = (token.orth, token.pos, token.morph.key)
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return super().rule_lemmatize(token)  # spaCy's warning for a token without a part of speech
        if self.is_base_form(token):
            return [string.lower()]
        index, exceptions, rules = self._tables(univ_pos)
        if not (index or exceptions or rules):
            return [string] if univ_pos == "propn" else [string.lower()]
        forms = _rule_forms(string, index, exceptions, rules)
        self.cache[cache_key] = forms
        return forms

    def _tables(self, univ_pos: str) -> tuple[frozenset[str], dict[str, list[str]], list[list[str]]]:
        if self._indexes is None:
            self._indexes = {}
        if univ_pos not in self._indexes:
            index = self.lookups.get_table("lemma_index", {}).get(univ_pos, {})
            self._indexes[univ_pos] = frozenset(index)
        return (self._indexes[univ_pos], self.lookups.get_table("lemma_exc", {}).get(univ_pos, {}),
                self.lookups.get_table("lemma_rules", {}).get(univ_pos, {}))


def _rule_forms(orig: str, index: frozenset[str], exceptions: dict[str, list[str]],
                rules: list[list[str]]) -> list[str]:
    """The lemmas the suffix rules and exceptions give, in spaCy's order of preference."""
    string = orig.lower()
    forms: list[str] = []
    oov_forms = []
    for old, new in rules:
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if not form:
                pass
            elif form in index or not form.isalpha():
                if form in index:
                    forms.insert(0, form)
                else:
                    forms.append(form)
            else:
                oov_forms.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exceptions.get(string, []):
        if form not in forms:
            forms.insert(0, form)
    if not forms:
        forms.extend(oov_forms)
    if not forms:
        forms.append(orig)
    return forms
