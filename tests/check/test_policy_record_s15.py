"""Rate claims the policy record cannot refute: several decisions of a month added up, and decisions dated before
the record starts. Our own sentences, the real pipeline and the real FOMC history."""

from __future__ import annotations

from written import rate_rows

from analyzer.market import MarketData

MID_FEBRUARY_2008 = "2008-02-15T12:00"  # after the January 2008 cuts: 75 bp on the 22nd, 50 bp on the 30th


def test_a_month_whose_decisions_add_up_to_the_stated_size(nlp, market: MarketData) -> None:  # noqa: ANN001
    [summed] = rate_rows(nlp, market, "In January the Fed lowered interest rates by 1.25 percentage points.",
                         MID_FEBRUARY_2008)
    assert summed.verdict.verdict == "supported", summed.verdict.explanation
    assert "add up to 125 bp" in summed.verdict.explanation
    # control: a size neither one decision nor their sum matches is still an error
    [wrong] = rate_rows(nlp, market, "In January the Fed lowered interest rates by 1 percentage point.",
                        MID_FEBRUARY_2008)
    assert wrong.verdict.verdict == "contradicted", wrong.verdict.explanation


def test_a_decision_before_the_record_starts_is_unverifiable(nlp, market: MarketData) -> None:  # noqa: ANN001
    [early] = rate_rows(nlp, market, "In 1988 the Fed cut interest rates.", MID_FEBRUARY_2008)
    assert early.verdict.verdict == "unverifiable", early.verdict.explanation
    assert "starts with the decision of 1990-07-13" in early.verdict.explanation
    # a span that begins before the record and reaches into it: the record's decision of July 1990 is found
    [straddling] = rate_rows(nlp, market, "In 1990 the Fed cut interest rates.", MID_FEBRUARY_2008)
    assert straddling.verdict.verdict == "supported", straddling.verdict.explanation
    # and a mismatch within such a span may lie in its part before the record: not an error
    [raised] = rate_rows(nlp, market, "In 1990 the Fed raised interest rates.", MID_FEBRUARY_2008)
    assert raised.verdict.verdict == "unverifiable", raised.verdict.explanation
    # control: a year the record covers, when the Fed only raised rates, is still an error
    [covered] = rate_rows(nlp, market, "In 1994 the Fed cut interest rates.", MID_FEBRUARY_2008)
    assert covered.verdict.verdict == "contradicted", covered.verdict.explanation
