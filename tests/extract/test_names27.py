"""Company names that open with a number or a word of letters and digits ('60 Degrees Pharmaceuticals', 'H2G Green'):
before session 27 the name was cut at the digit ('Degrees Pharmaceuticals', 'G Green'), so the move went to a
company that does not exist (train: wire26's MT Newswires briefs). Sentences we wrote, through the real spaCy
pipeline; each class with controls."""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article

PUBLISHED = "2025-02-11T14:00:00-05:00"  # a Tuesday afternoon, New York time


def _names(nlp, text: str) -> list[str | None]:  # noqa: ANN001
    found = extract_claims([written_article(text, PUBLISHED)], nlp)
    return [c.instrument.name for c in of_kind(found, "stock_move")]


def test_a_number_that_opens_the_name_belongs_to_it(nlp) -> None:  # noqa: ANN001
    assert _names(nlp, "Shares of 7 Acre Foods climbed 9% on Tuesday.") == ["7 Acre Foods"]
    assert _names(nlp, "H3G Minerals shares jumped 13% on Tuesday.") == ["H3G Minerals"]


def test_controls_a_count_or_a_year_before_the_name(nlp) -> None:  # noqa: ANN001
    # a count hangs on 'shares', a year is no part of the name, a listed name keeps its symbol
    assert _names(nlp, "The fund sold 500 Acme Widgets shares on Tuesday, and the stock fell 3%.") == ["Acme Widgets"]
    assert _names(nlp, "2024 Acme Widgets shares fell 2%, the company said.") == ["Acme Widgets"]
    found = extract_claims([written_article("3M shares fell 2% on Tuesday.", PUBLISHED)], nlp)
    assert [c.instrument.symbol for c in of_kind(found, "stock_move")] == ["MMM"]
