"""Comparisons and the records beside them, in wordings found on a fresh file of 2006/2007/2009 Reuters market wraps
scored before any change (corpora/train/cmp21.jsonl, issue 13, session 21), on sentences we wrote, through the real
spaCy pipeline and, where a verdict is at stake, real closes. Each test holds one class of writing and a control;
none adds a way to accuse (a reading added either supports or is one no careful reader doubts; one removes an
accusation)."""

from __future__ import annotations

from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def _rows(nlp, market, text: str, published: str, kind: str) -> list[tuple[str | None, str]]:  # noqa: ANN001
    return [(r.claim.instrument.symbol if r.claim.instrument else None, r.verdict.verdict)
            for r in checked(nlp, market, text, published) if r.claim.kind == kind]


def test_a_record_inside_a_since_clause_is_the_start_of_the_span(nlp) -> None:  # noqa: ANN001
    # the 'since' clause names the event a span runs from: the low is history, no record of this session (it had
    # been read as the S&P 500's lowest close in 12 years on the day of the story, and accused)
    for text in ("Recent gains have handed the market its strongest fortnight since soon after the S&P 500 touched "
                 "a 12-year closing low in March.",
                 "The Nasdaq has gained 60 percent since the Nasdaq Composite Index reached its lowest close in six "
                 "years."):
        assert of_kind(claims_in(nlp, text), "record") == [], text
    # controls: the same low told as this session's, and a record told after a 'since' of a time, are records
    [record] = of_kind(claims_in(nlp, "The S&P 500 touched a 12-year closing low on Monday."), "record")
    assert record.instrument.symbol == "^GSPC"
    [record] = of_kind(claims_in(nlp, "The Dow has climbed 40 percent since March and reached its highest level "
                                      "since November on Monday."), "record")
    assert record.instrument.symbol == "^DJI"


def test_a_superlative_told_in_percentage_or_point_terms(nlp, market) -> None:  # noqa: ANN001
    # American Express fell 4.3% on 23 October 2006, its worst day since October 2005
    assert _rows(nlp, market, "American Express Co. ( AXP.N ) stock posted its sharpest one-day fall in percentage "
                              "terms since October 2005.", "2006-10-23T19:00:00", "comparison") == \
        [("AXP", "supported")]
    # on 27 February 2007 the Dow fell 416 points, its largest point drop since 17 September 2001; in percent
    # (3.3%) it was the largest only since March 2003: a point superlative is measured in points
    for words in ("its steepest daily decline in point terms", "its worst session on a point basis"):
        assert _rows(nlp, market, f"The Dow Jones industrial average suffered {words} since September 2001.",
                     "2007-02-27T18:00:00", "comparison") == [("^DJI", "supported")], words
    # control: said without a unit, the superlative is a percentage one, and the March 2003 fall was larger
    assert _rows(nlp, market, "The Dow Jones industrial average suffered its steepest daily decline since "
                              "September 2001.", "2007-02-27T18:00:00", "comparison") == [("^DJI", "contradicted")]


def test_a_comparison_of_a_stock_told_by_reference(nlp, market) -> None:  # noqa: ANN001
    # American Express (adjusted) rose 11.2% in 2006 to 23 October, the S&P 500 10.3%
    for subject in ("The company's shares have", "Its stock has", "The stock has"):
        text = f"American Express Co. ( AXP.N ) said its profit climbed. {subject} gained 10 percent this year, " \
               "outpacing the S&P 500."
        assert _rows(nlp, market, text, "2006-10-23T19:00:00", "comparison") == [("AXP", "supported")], subject
    # control: a figure that is no price move gives no comparison
    text = "American Express Co. ( AXP.N ) said its profit climbed. Its card spending has grown 10 percent this " \
           "year, outpacing rivals."
    assert _rows(nlp, market, text, "2006-10-23T19:00:00", "comparison") == []
