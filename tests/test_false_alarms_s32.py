"""Session 32, issue 12: wrong-period classes of the studied audits, each withdrawn to `unverifiable` only where the
span or day the words name bears the figures out; a figure that fails there too stays accused.
Sentences we wrote, through the real pipeline and real prices."""

from __future__ import annotations

import pytest
from written import checked


def _figure_verdicts(nlp, market, text: str, published: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = [i.verdict.verdict for i in checked(nlp, market, text, published)
             if i.claim.kind == "index_move" and (i.claim.change_pct is not None or i.claim.change_points is not None)]
    assert found
    return found


# The Dow closed at 13,657.86 on Wednesday 2007-08-08 and at 12,845.78 on Thursday 2007-08-16 (-812.08 points over
# the six sessions before Friday 2007-08-17), and rose 233 points that Friday
SIX_SESSIONS = ("The Dow Jones industrial average, having shed {figure} points over the prior six sessions, bounced "
                "in early trading.")


def test_the_span_belongs_to_the_figure_it_follows(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # the six sessions are the 800 points'; Friday's own move turned into a fall of 300 points is no move of that span
    text = ("The Dow Jones industrial average, having shed more than 800 points over the prior six sessions, lost more "
            "than 300 points in early trading.")
    assert _figure_verdicts(nlp, market, text, "2007-08-17T16:49:00") == ["unverifiable", "contradicted"]


@pytest.mark.parametrize("figure, verdict", [("more than 800", "unverifiable"), ("more than 1,200", "contradicted"),
                                             ("about 500", "contradicted")])
def test_a_points_figure_over_the_sessions_its_words_count(nlp, market, figure: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert _figure_verdicts(nlp, market, SIX_SESSIONS.format(figure=figure), "2007-08-17T16:49:00") == [verdict]


# The Dow closed at 13,239.54 on Friday 2007-08-10 and at 12,861.47 on Wednesday 2007-08-15 (-2.86%); over the week
# to Friday 2007-08-17 it fell 1.21%
EARLY_IN_THE_WEEK = "The Dow Jones industrial average fell {figure} percent {when} as credit worries spread."


@pytest.mark.parametrize("figure, when, verdict", [
    ("nearly 3", "early in the week", "unverifiable"),
    ("6", "early in the week", "contradicted"),  # no session of the week's first part comes near
    ("nearly 3", "late in the week", "contradicted"),  # Wednesday to Friday: from Friday's close it never fell 2.5%+
])
def test_a_part_of_the_week_its_words_name(nlp, market, figure: str, when: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    text = EARLY_IN_THE_WEEK.format(figure=figure, when=when)
    assert _figure_verdicts(nlp, market, text, "2007-08-18T12:00:00") == [verdict]


# Thursday 2007-09-13: the Fed held on Tuesday 2007-09-11 (no meeting) and cut 50 bp on Tuesday 2007-09-18
@pytest.mark.parametrize("sentence, verdict", [
    # the cut priced in is the coming Tuesday's, not a decision of the Tuesday past
    ("Bond desks pulled back from all but fully pricing in a half-point rate cut from Fed officials on Tuesday.",
     "unverifiable"),
    # a decision told as taken, beside what had been priced in or bet on: still checked, and wrong
    ("The Fed cut rates by half a point on Tuesday, after futures had priced in a quarter point cut.",
     "contradicted"),
    ("The Fed raised rates by a quarter point on Tuesday, after markets had bet on a cut.", "contradicted"),
])
def test_a_decision_priced_in_is_one_to_come(nlp, market, sentence: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    found = [i.verdict.verdict for i in checked(nlp, market, sentence, "2007-09-13T15:00:00")
             if i.claim.kind == "rate_policy"]
    assert found == [verdict]


# August 2007: the Dow +1.10% (13,211.99 -> 13,357.74), the Nasdaq +1.97%; on Tuesday 2007-09-04 the Dow rose 0.68%
# and on Wednesday 2007-08-29 1.90%
CLOSING_PERIOD = ("The Dow Jones industrial average rose {figure} percent, the Standard & Poor's 500 index climbed 1.3 "
                  "percent, while the Nasdaq Composite index surged 2 percent in August.")


@pytest.mark.parametrize("figure, verdict", [("1.1", "unverifiable"), ("1.9", "contradicted"), ("3.5", "contradicted")])
def test_time_words_that_close_a_list_of_moves(nlp, market, figure: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    found = [i for i in checked(nlp, market, CLOSING_PERIOD.format(figure=figure), "2007-09-04T18:00:00")
             if i.claim.instrument is not None and i.claim.instrument.symbol == "^DJI"]
    assert [i.verdict.verdict for i in found] == [verdict]
