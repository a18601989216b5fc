"""Named entities only where the components read them: spaCy's NER run on stretches of a gated doc.

In ``en_core_web_sm`` the entity recognizer has its own tok2vec and is the dearest step of the pipeline
(about 40% of our time on gated text), while our components read its entities mostly for deals (the
parties). ``ScopedEntities`` stands in for the model's ``ner`` (``load_pipeline`` swaps it in): on a doc
whose ``user_data[ENTITY_SCOPE_KEY]`` lists character ranges (the gate's ``entity_scope``), it runs the same
recognizer on each range as a doc of its own and copies the entities back (the other tokens of a range are
outside any entity). The entity of a token outside the ranges is unknown (``ent_iob == 0``, spaCy's
'missing'), which a component may read as 'not known to be anything else'. A doc without that key (an
ungated text, ``nlp(text)``) gets the recognizer over all of it, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import minibatch

ENTITY_SCOPE_KEY = "analyzer.entity_scope"  # character ranges of a doc that need named entities


class ScopedEntities(Pipe):
    """The model's entity recognizer (``recognizer``), run only on a doc's scoped stretches."""

    def __init__(self, name: str, recognizer: Pipe) -> None:
        self.name = name
        self.recognizer = recognizer

    # saved and loaded as the recognizer is (its weights, its moves)
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.recognizer.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ScopedEntities:
        self.recognizer.from_disk(path, exclude=exclude)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.recognizer.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ScopedEntities:
        self.recognizer.from_bytes(data, exclude=exclude)
        return self

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for docs in minibatch(stream, size=batch_size):
            yield from self._batch(list(docs), batch_size)

    def _batch(self, docs: list[Doc], batch_size: int) -> list[Doc]:
        whole = [doc for doc in docs if doc.user_data.get(ENTITY_SCOPE_KEY) is None]
        for _ in self.recognizer.pipe(whole, batch_size=batch_size):
            pass
        scoped = [(doc, _token_ranges(doc, doc.user_data[ENTITY_SCOPE_KEY])) for doc in docs
                  if doc.user_data.get(ENTITY_SCOPE_KEY) is not None]
        stretches = [(doc, start, end, rows) for doc, ranges in scoped if ranges
                     for rows in [doc.to_array(STRETCH_ATTRS)] for start, end in ranges]
        found: dict[int, list[Span]] = {}
        parts = self.recognizer.pipe((_alone(doc, rows[start:end]) for doc, start, end, rows in stretches),
                                     batch_size=batch_size)
        for (doc, start, _end, _rows), part in zip(stretches, parts, strict=True):
            found.setdefault(id(doc), []).extend(
                Span(doc, start + ent.start, start + ent.end, label=ent.label) for ent in part.ents)
        for doc, ranges in scoped:
            doc.set_ents(found.get(id(doc), []), missing=_between(doc, ranges), default="outside")
        return docs


# what a stretch keeps of its doc for the recognizer: its words and spaces (the recognizer's own tok2vec reads
# the words' lexical features) and the parser's sentence starts (no entity crosses one)
STRETCH_ATTRS = [ORTH, SPACY, SENT_START]


def _alone(doc: Doc, rows: np.ndarray) -> Doc:
    """A stretch of ``doc`` (its rows of ``STRETCH_ATTRS``) as a doc of its own: what ``Span.as_doc`` gives the
    recognizer, without copying every other attribute (as_doc reads the whole doc's arrays for each span)."""
    strings = doc.vocab.strings
    alone = Doc(doc.vocab, words=[strings[int(orth)] for orth in rows[:, 0]], spaces=rows[:, 1].astype(bool).tolist())
    starts = rows[:, 2:3].copy()
    starts[0, 0] = 1
    alone.from_array([SENT_START], starts)
    return alone


def _between(doc: Doc, ranges: list[tuple[int, int]]) -> list[Span]:
    """The tokens outside every stretch, as spans: their entities are unknown ('missing')."""
    out, at = [], 0
    for start, end in ranges:
        if start > at:
            out.append(doc[at:start])
        at = max(at, end)
    if at < len(doc):
        out.append(doc[at:len(doc)])
    return out


def _token_ranges(doc: Doc, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character ranges as token ranges, in order, without overlaps."""
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if out and span.start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], span.end))
        else:
            out.append((span.start, span.end))
    return out
