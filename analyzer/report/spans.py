"""Where each claim sits in its article's text, and the text cut into highlightable segments.

A claim carries the offsets of its sentence (``char_start``/``char_end``) and, optionally, of its
span inside that sentence. Offsets written by another version of the text (a re-fetched page, a
reconstructed article) may not line up, so every placement is verified against the text and
re-found by the sentence when it does not match; a claim that cannot be placed is reported, not
drawn at a wrong place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from analyzer.records import Article, CheckedClaim, Claim

# when several claims cover the same characters, the segment takes the colour of the most
# serious verdict among the innermost ones
VERDICT_SEVERITY = {"contradicted": 0, "pending": 1, "unverifiable": 2, "supported": 3, "not_checkable": 4}


@dataclass(frozen=True)
class Placement:
    """A claim located in its article text: absolute offsets of the sentence and of the claim span."""

    claim_id: str
    sentence_start: int
    sentence_end: int
    span_start: int
    span_end: int


@dataclass(frozen=True)
class Segment:
    """A run of article text covered by the same set of claims (empty set: plain text)."""

    text: str
    claim_ids: tuple[str, ...] = ()
    verdict: str | None = None  # colour of the segment
    ends_claims: tuple[str, ...] = ()  # claims whose span ends with this segment (they get a badge)
    ending_verdicts: tuple[str, ...] = ()  # their verdicts, in the same order


def place_claim(claim: Claim, text: str) -> Placement | None:
    """Locate ``claim`` in ``text``; ``None`` when its sentence is not in the text."""
    start, end = claim.char_start, claim.char_end
    if not (0 <= start < end <= len(text) and text[start:end] == claim.sentence):
        found = _find_sentence(text, claim.sentence, near=start)
        if found < 0:
            return None
        start, end = found, found + len(claim.sentence)
    span_start, span_end = start, end
    if (claim.span_start is not None and claim.span_end is not None
            and 0 <= claim.span_start < claim.span_end <= end - start):
        span_start, span_end = start + claim.span_start, start + claim.span_end
    return Placement(claim.claim_id, start, end, span_start, span_end)


def _find_sentence(text: str, sentence: str, near: int) -> int:
    """The occurrence of ``sentence`` in ``text`` closest to offset ``near`` (-1 if none)."""
    if not sentence:
        return -1
    best, pos = -1, text.find(sentence)
    while pos >= 0:
        if best < 0 or abs(pos - near) < abs(best - near):
            best = pos
        pos = text.find(sentence, pos + 1)
    return best


def segment_text(text: str, placements: Sequence[Placement], verdicts: Mapping[str, str]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece lists the claims covering it, innermost first."""
    cuts = {0, len(text)}
    for p in placements:
        cuts.update((p.span_start, p.span_end))
    bounds = sorted(cuts)
    segments: list[Segment] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        if left == right:
            continue
        covering = [p for p in placements if p.span_start <= left and right <= p.span_end]
        covering.sort(key=lambda p: (p.span_end - p.span_start,
                                     VERDICT_SEVERITY.get(verdicts.get(p.claim_id, ""), 9)))
        ids = tuple(p.claim_id for p in covering)
        ending = tuple(p.claim_id for p in covering if p.span_end == right)
        segments.append(Segment(text[left:right], ids, verdicts.get(ids[0]) if ids else None, ending,
                                tuple(verdicts.get(c, "unverifiable") for c in ending)))
    return segments


def reconstruct_article(article_id: str, claims: Iterable[Claim]) -> Article:
    """An article made of its claim sentences only, in text order, for batches given without texts.

    The offsets of the sentences inside it differ from the original article; placement finds
    them again by their text.
    """
    by_start: dict[int, str] = {}
    for claim in claims:
        by_start.setdefault(claim.char_start, claim.sentence)
    sentences: list[str] = []
    for _, sentence in sorted(by_start.items()):
        if sentence not in sentences:
            sentences.append(sentence)
    return Article(id=article_id, text="\n\n".join(sentences))


def articles_for(checked: Sequence[CheckedClaim],
                 articles: Mapping[str, Article]) -> tuple[list[Article], set[str]]:
    """The articles of a batch in first-seen order, reconstructing those not given.

    Returns the articles and the ids of the reconstructed ones. Articles given without claims are
    kept too: an article in which nothing checkable was found is part of the batch.
    """
    claims_by_article: dict[str, list[Claim]] = {}
    for item in checked:
        claims_by_article.setdefault(item.claim.article_id, []).append(item.claim)
    ordered: list[Article] = list(articles.values())
    reconstructed: set[str] = set()
    for article_id, claims in claims_by_article.items():
        if article_id not in articles:
            ordered.append(reconstruct_article(article_id, claims))
            reconstructed.add(article_id)
    return ordered, reconstructed
