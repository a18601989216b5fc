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
from analyzer.records import Article, CheckedClaim

EASTERN = ZoneInfo("America/New_York")


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


def analyzed(engine, text: str, published: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    """The same through an engine (tests/conftest.py `engine`), as `analyzer run` does it."""
    return list(engine.analyze([written_article(text, published)]))


def rate_rows(nlp: Language, market: MarketData, text: str, published: str) -> list[CheckedClaim]:
    return [r for r in checked(nlp, market, text, published) if r.claim.kind == "rate_policy"]
