"""Figure-less injected errors (issue 12, session 31): copies of supported claims with no figure of their own.

A streak's length, a best/worst or lowest/highest 'since', a comparison's order, a rate decision's direction and a
figure-less move's direction, changed in the claim's own words as a writer's slip would stand, only where the data
the original's verdict read makes the copy sure to be wrong. Counted apart from the older injected set. Sentences we
wrote, through the real pipeline and real prices.
"""

from __future__ import annotations

from written import checked, written_article

from analyzer import audit


def _copy(nlp, market, text: str, published: str, kind: str) -> audit.InjectedCase:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, text, published)
    ours = [i for i, item in enumerate(items) if item.claim.kind == kind]
    assert ours and items[ours[0]].verdict.verdict == "supported", [item.verdict for item in items]
    cases = [case for case in audit.figureless_cases(items) if case.index == ours[0]]
    assert len(cases) == 1, cases
    article = written_article(text, published)
    audit.check_injected_in_articles(cases, items, market, {article.id: article})
    return cases[0]


def _none(nlp, market, text: str, published: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, text, published)
    ours = [i for i, item in enumerate(items) if item.claim.kind == kind]
    assert ours and items[ours[0]].verdict.verdict == "supported", [item.verdict for item in items]
    assert not [case for case in audit.figureless_cases(items) if case.index in ours]


def test_a_streaks_length_told_longer(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # the Nasdaq fell five weeks running to the week of 2008-01-25
    text = "The Nasdaq Composite fell for a fifth straight week as chip makers slumped."
    case = _copy(nlp, market, text, "2008-01-25T18:00:00", "streak")
    assert case.mutation == "streak_length" and case.claim.length == 9
    assert case.claim.sentence == text.replace("fifth", "ninth")
    assert case.verdict == "contradicted", case.final


def test_a_worst_day_since_moved_years_back(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 2008-08-18: the S&P 500 fell 1.51%, its worst day since 2008-08-07 (-1.79%)
    text = "On Monday the S&P 500 suffered its worst day since August 7 as bank shares slid."
    case = _copy(nlp, market, text, "2008-08-18T18:00:00", "comparison")
    assert case.mutation == "since_reach" and case.claim.period_start == "2005-01-01"
    assert case.claim.sentence == text.replace("August 7", "2005")
    assert case.verdict == "contradicted", case.final


def test_a_comparisons_order_reversed(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 2008-11-18: the Dow rose 1.83%, the Nasdaq 0.08%
    text = "The Dow Jones industrial average outperformed the Nasdaq on Tuesday as investors bought blue chips."
    case = _copy(nlp, market, text, "2008-11-18T18:00:00", "comparison")
    assert case.mutation == "comparison_order" and case.claim.relation == "underperformed"
    assert case.claim.sentence == text.replace("outperformed", "underperformed")
    assert case.verdict == "contradicted", case.final


def test_a_rate_decisions_direction_reversed_on_the_day_it_was_taken(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 2008-10-29: the Fed cut its target by 50 bp to 1%
    text = "On Wednesday the Federal Reserve cut its key lending rate by 50 basis points to steady the economy."
    case = _copy(nlp, market, text, "2008-10-29T16:30:00", "rate_policy")
    assert case.mutation == "rate_direction" and case.claim.action == "raise"
    assert case.claim.sentence == text.replace("cut", "raised")
    assert case.verdict == "contradicted", case.final


def test_a_figureless_moves_direction_reversed_on_a_big_day(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 2008-03-20: Bank of America rose 8.6%
    text = "Bank of America shares rose on Thursday after the bank said its capital was ample."
    case = _copy(nlp, market, text, "2008-03-20T18:00:00", "stock_move")
    assert case.mutation == "move_direction" and case.claim.direction == "down"
    assert case.claim.sentence == text.replace("rose", "fell")
    assert case.verdict == "contradicted", case.final


def test_no_direction_copy_of_a_small_move(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 2008-01-07: the Dow rose 0.21%, under the half point a flip needs to be sure
    _none(nlp, market, "The Dow Jones industrial average rose on Monday as oil prices eased.", "2008-01-07T18:00:00",
          "index_move")


def test_the_counts_stay_apart_from_the_older_injected_set(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Bank of America shares rose on Thursday after the bank said its capital was ample."
    case = _copy(nlp, market, text, "2008-03-20T18:00:00", "stock_move")
    scores = audit.score_audit(1, [], [], [], [case])
    assert not scores.injected and scores.figureless == {"move_direction": 1}
    assert scores.as_dict()["figureless_injected"]["caught"] == 1
    assert ["figure-less injected caught", "1.000 (1/1)"] in audit.audit_rows(scores)
