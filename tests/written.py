"""Articles we write for the tests, run through the real pipeline and checked against real prices.

One way to build a written article and check it, for the test modules that test classes of writing: with the
`nlp` and `market` fixtures (extract, then check) or with the `engine` fixture (the engine a run uses).
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from zoneinfo import ZoneInfo

from spacy.language import Language

from analyzer.check import check_claims
from analyzer.extract import extract_claims
from analyzer.market import MarketData
from analyzer.records import Article, CheckedClaim, Claim

EASTERN = ZoneInfo("America/New_York")
AFTER_CLOSE = datetime.fromisoformat("2025-08-26T20:00:00-04:00")  # a Tuesday evening
MOVE_KINDS = ("index_move", "stock_move", "comparison", "record", "streak")


def move_claims_in(nlp: Language, text: str) -> list[Claim]:
    """The move, comparison, record and streak claims the pipeline extracts from ``text`` published after a close."""
    found = extract_claims([Article(id="t", text=text, published=AFTER_CLOSE)], nlp)
    return [c for c in found if c.kind in MOVE_KINDS]


def of_kind(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


def written_article(text: str, published: str) -> Article:
    """An article of ours; a publication time without a zone is US Eastern, like the wires' datelines."""
    when = datetime.fromisoformat(published)
    if when.tzinfo is None:
        when = when.replace(tzinfo=EASTERN)
    # the id follows the text, so two articles of one test module never share claim ids
    return Article(id="written-" + hashlib.sha1(text.encode()).hexdigest()[:12], text=text, published=when)


def checked(nlp: Language, market: MarketData, text: str, published: str) -> list[CheckedClaim]:
    article = written_article(text, published)
    return check_claims(extract_claims([article], nlp), market, [article])


def the_verdict(nlp: Language, market: MarketData, text: str, published: str, kind: str) -> str:
    """The verdict of the one claim of ``kind`` the text gives (the test fails if it gives none or several)."""
    found = [item for item in checked(nlp, market, text, published) if item.claim.kind == kind]
    assert len(found) == 1, [item.claim for item in found]
    return found[0].verdict.verdict


def rate_claims_in(nlp: Language, text: str, published: datetime) -> list[Claim]:
    """The rate-policy claims of one article of ``text`` published at ``published``."""
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def analyzed(engine, text: str, published: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    """The same through an engine (tests/conftest.py `engine`), as `analyzer run` does it."""
    return list(engine.analyze([written_article(text, published)]))


def rate_rows(nlp: Language, market: MarketData, text: str, published: str) -> list[CheckedClaim]:
    return [r for r in checked(nlp, market, text, published) if r.claim.kind == "rate_policy"]


DEAL_STORY_TIME = datetime.fromisoformat("2024-03-14T18:30:00-04:00")  # a Thursday evening


def deals_in(nlp: Language, text: str, gated: bool | None = None) -> list[Claim]:
    """The deal claims extracted from one written story (``gated``: as the engine would parse it, or ungated)."""
    found = extract_claims([Article(id="t", text=text, published=DEAL_STORY_TIME)], nlp, gated=gated)
    return [c for c in found if c.kind == "deal"]


def roles(claim: Claim) -> set[tuple[str, str | None]]:
    return {(p.name, p.role) for p in claim.parties}
