"""The fields our components read and write on a spaCy ``Doc``, registered once for all of them.

``doc._.claims``, ``doc._.instruments`` and ``doc._.published`` read and write typed objects (``Claim``,
``Mention``, an aware ``datetime``), but what a ``Doc`` keeps in its user data is plain msgpack-able
values (dicts, lists, an ISO string), so a processed doc survives ``DocBin(store_user_data=True)``,
``Doc.to_bytes`` and ``nlp.pipe(..., n_process=2)``. Each read builds new objects: change a claim by
assigning the list again (``doc._.claims = [...]``), not by mutating what a read returned.

Every assignment of the claims also rewrites the span group ``doc.spans["market_claims"]``: one span per
claim, in document token offsets, labelled with the claim's kind, its ``id_`` the claim's ``claim_id``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from analyzer.records import Claim, from_dict, to_dict

if TYPE_CHECKING:
    from analyzer.extract.instruments import Mention

CLAIMS_SPAN_KEY = "market_claims"

for _name, _default in (("article_id", ""), ("published_iso", None), ("claim_rows", None),
                        ("instrument_rows", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _get_published(doc: Doc) -> datetime | None:
    return datetime.fromisoformat(doc._.published_iso) if doc._.published_iso else None


def _set_published(doc: Doc, value: datetime | None) -> None:
    # kept as an ISO string: user data must survive msgpack (nlp.pipe with n_process > 1, DocBin)
    doc._.published_iso = value.isoformat() if value is not None else None


def _get_claims(doc: Doc) -> list[Claim] | None:
    """None until a claim component has run; a list (maybe empty) after."""
    rows = doc._.claim_rows
    return None if rows is None else [from_dict(Claim, row) for row in rows]


def _set_claims(doc: Doc, claims: Sequence[Claim] | None) -> None:
    doc._.claim_rows = None if claims is None else [to_dict(c) for c in claims]
    doc.spans[CLAIMS_SPAN_KEY] = claim_spans(doc, claims or [])


def claim_spans(doc: Doc, claims: Iterable[Claim]) -> list[Span]:
    """The claims as spans of ``doc`` (token offsets in the document), labelled by kind, in text order."""
    spans = []
    for claim in claims:
        start, end = claim.char_range
        span = doc.char_span(start, end, label=claim.kind, alignment_mode="expand")
        if span is None:  # offsets outside this doc's text: a claim made for another text
            raise ValueError(f"claim {claim.claim_id} ({claim.kind}, article {claim.article_id!r}) lies at "
                             f"characters {start}-{end}, outside this doc of {len(doc.text)} characters")
        span.id_ = claim.claim_id
        spans.append(span)
    return sorted(spans, key=lambda s: (s.start, s.end))


def _get_instruments(doc: Doc) -> list[Mention] | None:
    from analyzer.extract.instruments import Mention  # here, not above: instruments imports this module

    rows = doc._.instrument_rows
    if rows is None:
        return None
    return [Mention(start, end, symbol, name, kind, tuple(candidates))
            for start, end, symbol, name, kind, candidates in rows]


def _set_instruments(doc: Doc, mentions: Sequence[Mention] | None) -> None:
    doc._.instrument_rows = None if mentions is None else [
        [m.start, m.end, m.symbol, m.name, m.kind, list(m.candidates)] for m in mentions]


def _get_span_claim(span: Span) -> Claim | None:
    """The claim a span of ``doc.spans["market_claims"]`` stands for (None for any other span)."""
    if not span.id_:
        return None
    return next((c for c in span.doc._.claims or [] if c.claim_id == span.id_), None)


def _register(name: str, getter: Any, setter: Any) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, getter=getter, setter=setter)


_register("published", _get_published, _set_published)
_register("claims", _get_claims, _set_claims)
_register("instruments", _get_instruments, _set_instruments)
if not Span.has_extension("claim"):
    Span.set_extension("claim", getter=_get_span_claim)


def add_claims(doc: Doc, claims: Sequence[Claim]) -> None:
    """Append a component's claims to those of the components before it (without reading theirs back)."""
    doc._.claim_rows = list(doc._.claim_rows or []) + [to_dict(c) for c in claims]
    earlier = list(doc.spans[CLAIMS_SPAN_KEY]) if CLAIMS_SPAN_KEY in doc.spans else []
    doc.spans[CLAIMS_SPAN_KEY] = sorted(earlier + claim_spans(doc, claims), key=lambda s: (s.start, s.end))
