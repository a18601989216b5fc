"""A claim's own figures that the data confirms keep its accusation (issue 12: injected errors let through).

- A stock's move told in dollars, in percent and as a price: where the dollars and the price give the data's
  close-to-close move, they are the close's, so no reading of the figure as a quote from during the session or
  after the bell excuses a percentage that disagrees with them.
- An index's level that is the data's close answers the claim tagger's doubt that the sentence states its move.
Sentences we wrote, through the real pipeline and real prices."""

from __future__ import annotations

from written import checked

# 2008-06-24 (Tuesday): Caterpillar's adjusted close fell 4.20%; a piece stamped after the close that also tells the
# close: a figure without a word of the close would otherwise be read as a quote from during the session
CAT = "Caterpillar Inc shares closed down 4.2 percent on Tuesday. Caterpillar shares fell {move} to $73.00."
CAT_TIME = "2008-06-24T17:30:00"


def _caterpillar(nlp, market, move: str) -> str:  # type: ignore[no-untyped-def]
    found = [i for i in checked(nlp, market, CAT.format(move=move), CAT_TIME)
             if i.claim.kind == "stock_move" and i.claim.level is not None]
    assert len(found) == 1, [i.claim for i in checked(nlp, market, CAT.format(move=move), CAT_TIME)]
    return found[0].verdict.verdict


def test_dollars_and_price_of_the_close_keep_a_wrong_percentage_accused(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # $3.20 down to $73.00 is -4.20%, the data's move: the 8.4 percent is the sentence's own error
    assert _caterpillar(nlp, market, "$3.20, or 8.4 percent,") == "contradicted"


def test_controls_without_a_close_pinned_by_the_sentence(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # no dollar change: the figure may still be a price from during the session (the close is told elsewhere)
    assert _caterpillar(nlp, market, "8.4 percent") == "unverifiable"
    # dollars, percent and price agree with each other but not with the close: a quote of another moment
    assert _caterpillar(nlp, market, "$6.35, or 8 percent,") == "unverifiable"
    # all agree with the data
    assert _caterpillar(nlp, market, "$3.20, or 4.2 percent,") == "supported"


# 2008-03-18 (Tuesday): the VIX closed at 25.79, down 20.01% (the tagger doubts this wording: probability ~0.002)
VIX = ("The VIX, a gauge of investor anxiety, finished at {level}, off {pct} percent, its sharpest one-day slide "
       "in months.")
VIX_TIME = "2008-03-18T17:30:00"


def _vix(nlp, market, level: str, pct: str) -> str:  # type: ignore[no-untyped-def]
    found = [i for i in checked(nlp, market, VIX.format(level=level, pct=pct), VIX_TIME)
             if i.claim.kind == "index_move"]
    assert len(found) == 1
    return found[0].verdict.verdict


def test_a_level_that_is_the_close_answers_the_taggers_doubt(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert _vix(nlp, market, "25.79", "40.02") == "contradicted"


def test_controls_a_level_not_the_close_leaves_the_doubt(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert _vix(nlp, market, "27.50", "40.02") == "unverifiable"
    assert _vix(nlp, market, "25.79", "20.01") == "supported"
