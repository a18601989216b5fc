"""A figure's qualifier is the word before that figure as written with its unit, not before the same number
written earlier for something else ('in more than 5 sessions ... about 5 percent'). Sentences are ours; the
S&P 500 fell 4.66% on 2009-03-02 (735.09 -> 700.82)."""

from __future__ import annotations

from tests.written import checked

STAMP = "2009-03-02T17:00:00"


def _index_verdict(nlp, market, text: str) -> str:  # type: ignore[no-untyped-def]
    found = [i for i in checked(nlp, market, text, STAMP) if i.claim.kind == "index_move"]
    assert found, text
    return found[0].verdict.verdict


def test_the_same_number_of_sessions_before_the_percentage_lends_it_no_qualifier(nlp, market) -> None:  # type: ignore[no-untyped-def]
    for text in ("The S&P 500, which had not fallen in more than 5 sessions, fell about 5 percent on Monday.",
                 "The S&P 500 fell for the first time in more than 5 sessions, dropping about 5 percent on Monday.",
                 "The S&P 500 posted its biggest drop in more than 5 months on Monday, falling about 5 percent."):
        assert _index_verdict(nlp, market, text) == "supported", text


def test_the_percentages_own_qualifier_still_accuses(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 'more than 5 percent' against -4.66%: the article's own words are wrong
    text = "The S&P 500 fell more than 5 percent on Monday, its worst day in about 5 months."
    assert _index_verdict(nlp, market, text) == "contradicted"
