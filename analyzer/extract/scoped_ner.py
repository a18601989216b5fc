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
        stretches = [(doc, span) for doc in docs if doc.user_data.get(ENTITY_SCOPE_KEY) is not None
                     for span in _spans(doc, doc.user_data[ENTITY_SCOPE_KEY])]
        found: dict[int, list[Span]] = {}
        scoped: dict[int, list[Span]] = {}
        for doc, span in stretches:
            scoped.setdefault(id(doc), []).append(span)
        parts = self.recognizer.pipe((span.as_doc() for _, span in stretches), batch_size=batch_size)
        for (doc, span), part in zip(stretches, parts, strict=True):
            found.setdefault(id(doc), []).extend(
                Span(doc, span.start + ent.start, span.start + ent.end, label=ent.label) for ent in part.ents)
        for doc in docs:
            if doc.user_data.get(ENTITY_SCOPE_KEY) is not None:
                ents = found.get(id(doc), [])
                doc.set_ents(ents, outside=_outside(doc, scoped.get(id(doc), []), ents), default="missing")
        return docs


def _outside(doc: Doc, stretches: list[Span], ents: list[Span]) -> list[Span]:
    """The tokens of the stretches outside their entities, as spans (every other token's entity is unknown)."""
    inside = {i for ent in ents for i in range(ent.start, ent.end)}
    tokens = sorted({i for span in stretches for i in range(span.start, span.end)} - inside)
    runs: list[Span] = []
    for i in tokens:
        if runs and runs[-1].end == i:
            runs[-1] = doc[runs[-1].start:i + 1]
        else:
            runs.append(doc[i:i + 1])
    return runs


def _spans(doc: Doc, ranges: Iterable[tuple[int, int]]) -> list[Span]:
    spans = (doc.char_span(start, end, alignment_mode="expand") for start, end in ranges)
    return [span for span in spans if span is not None and len(span)]
