"""A day word is the claim's own when it stands between the claim's figures ('fell 1.28 percent, or 29.52 points, to
finish on Thursday at 2,282.78': the commas are its figures') or heads the sentence set off by its comma ('On
Thursday, the S&P 500 ended unchanged, the Dow added ... and the Nasdaq shed 1.3 percent'): the day is not inferred
from words outside its clause, so it is not read again at the session of publication (issue 12: a writer's wrong
day was let through). Sentences we wrote, through the real pipeline and real prices."""

from __future__ import annotations

from written import checked

# 2008-07-18 (Friday): the Nasdaq fell 29.52 points, 1.28%, to 2,282.78; on Thursday it rose 1.20%. A Friday
# evening piece.
FRIDAY_EVENING = "2008-07-18T17:30:00"
BETWEEN = "The Nasdaq Composite Index fell 1.28 percent, or 29.52 points, to finish on {day} at 2,282.78."
HEADING = ("On {day}, the S&P 500 ended unchanged, the Dow Jones industrial average added 0.4 percent and the "
           "Nasdaq shed 1.3 percent.")


def _nasdaq(nlp, market, text: str) -> str:  # type: ignore[no-untyped-def]
    found = [i for i in checked(nlp, market, text, FRIDAY_EVENING)
             if i.claim.kind == "index_move" and i.claim.instrument and i.claim.instrument.symbol == "^IXIC"]
    assert len(found) == 1
    return found[0].verdict.verdict


def test_a_day_word_between_the_figures_is_the_claims_own(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert _nasdaq(nlp, market, BETWEEN.format(day="Thursday")) == "contradicted"
    assert _nasdaq(nlp, market, BETWEEN.format(day="Friday")) == "supported"  # control


def test_a_weekday_heading_the_sentence_dates_each_clause(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert _nasdaq(nlp, market, HEADING.format(day="Thursday")) == "contradicted"
    assert _nasdaq(nlp, market, HEADING.format(day="Friday")) == "supported"  # control
