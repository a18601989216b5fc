"""Issue 12 (session 17): a company's business figure told with a direction and a percent is no price move, in every
form the writing takes: a verb ('slid 6.5 percent'), a copula and a direction word ('were down 6.5 percent'), a copula
and a comparative ('were 6.5 percent lower', 'was higher by 3 percent'), a modifier ('holiday revenue, down 6.5
percent, ...', 'reported holiday sales down 6.5 percent'). The accused class: after a verb of speech, a long subject
(a prepositional phrase, an apposition, 'or comparable sales') that the parse hangs on the verb of speech, joining the
figure's verb to the speech without 'and', so that the speaker (the company, its stock) took the figure; and a
copula with a business subject whose figure went up to the verb of speech above it ('added that sales ... were down
6.5 percent' read as 'Best Buy added 6.5 percent'). The company as the subject ('Best Buy was down 2 percent'), its
shares or its stock, with or without a comma-set figure, stay moves and keep their verdicts.

Sentences are our own; prices are real (../shared/data at run time): Best Buy (BBY) rose about 0.1 percent on
Tuesday 2009-01-27 (so no 6.5 percent fall) and about 7.1 percent on Wednesday 2009-01-28.
"""

from __future__ import annotations

from written import checked

from analyzer.records import CheckedClaim

TUESDAY = "2009-01-27T17:00"
WEDNESDAY = "2009-01-28T17:00"


def best_buy_moves(items: list[CheckedClaim]) -> list[CheckedClaim]:
    """The move claims about Best Buy, from the rules or the tagger-guided pass."""
    return [c for c in items if c.claim.kind == "stock_move" and c.claim.instrument is not None
            and c.claim.instrument.symbol == "BBY"]


def test_a_long_business_subject_after_a_verb_of_speech_is_no_move(nlp, market) -> None:  # type: ignore[no-untyped-def]
    """The accused class: the figure of sales (told after 'said', with a long subject the parse hangs on 'said')
    was Best Buy's move on a day it did not fall 6.5 percent, so `contradicted`. It is no move at all."""
    for text in (
            "Best Buy said sales at locations trading for more than a year, or comparable sales, were down 6.5 "
            "percent on Tuesday.",
            "Best Buy said sales at locations trading for more than a year, or comparable sales, slid 6.5 percent "
            "on Tuesday.",
            "Best Buy said revenue from branches running for over twelve months, the measure analysts call "
            "comparable sales, was down 6.5 percent on Tuesday.",
            "Best Buy said comparable sales in Canada, its second market, were down 6.5 percent on Tuesday.",
            "Best Buy said comparable sales in Canada, its second market, were 6.5 percent lower on Tuesday.",
            "Best Buy reported sales at branches running for over twelve months, or comparable sales, were down 6.5 "
            "percent on Tuesday.",
            "Best Buy disclosed sales at branches running for over twelve months, or comparable sales, were down "
            "6.5 percent on Tuesday."):
        found = best_buy_moves(checked(nlp, market, text, TUESDAY))
        assert found == [], (text, [c.claim for c in found])


def test_a_business_copulas_figure_goes_to_no_verb_above_it(nlp, market) -> None:  # type: ignore[no-untyped-def]
    """'Best Buy added that sales ... were down 6.5 percent': the figure is the sales', not 'added''s (read before as
    'Best Buy added 6.5 percent', up, and accused)."""
    for text in (
            "Best Buy added that sales at branches running for over twelve months, a figure retail watchers follow "
            "closely, were down 6.5 percent on Tuesday.",
            "Best Buy noted that holiday sales at its older stores, the ones open since 2007, were down 6.5 percent "
            "on Tuesday."):
        found = best_buy_moves(checked(nlp, market, text, TUESDAY))
        assert all(c.verdict.verdict != "contradicted" for c in found), text
        assert found == [], (text, [c.claim for c in found])


def test_every_form_of_a_business_figure_is_no_move(nlp, market) -> None:  # type: ignore[no-untyped-def]
    """A copula and a comparative, a modifier, an object with its figure: the business figure moved, not the
    stock."""
    for text in (
            "Best Buy reported holiday sales down 6.5 percent on Tuesday.",
            "Best Buy said operating profit, leaving out one-time items, was down 6.5 percent on Tuesday.",
            "Best Buy's holiday revenue, down 6.5 percent on Tuesday's figures, missed the forecast.",
            "Best Buy's same-store sales were 6.5 percent lower than a year before.",
            "Best Buy's gross margin was higher by 3 percent on Tuesday."):
        found = best_buy_moves(checked(nlp, market, text, TUESDAY))
        assert found == [], (text, [c.claim for c in found])


def test_the_company_its_shares_and_its_stock_stay_moves(nlp, market) -> None:  # type: ignore[no-untyped-def]
    """Controls: the company as the subject is its stock; shares and stock with a copula, a comparative or a
    comma-set figure are moves, checked against the prices as before (right figures supported, wrong ones
    contradicted), also beside a business figure of the same sentence (the relative clause's sales figure, kept by
    its copula now, no longer clouds the company's own move: that one was `unverifiable` before)."""
    supported = (
        "Best Buy shares were up 7 percent on Wednesday.",
        "Best Buy was up 7.1 percent on Wednesday.",
        "Best Buy shares, up 7 percent, led the gainers on Wednesday.",
        "Best Buy stock was 7 percent higher on Wednesday.",
        "Best Buy said holiday comparable sales slid 6.5 percent, and its stock was up 7 percent on Wednesday.",
        "Best Buy said little about holiday sales and was up 7 percent on Wednesday.",
        "Best Buy reported higher holiday sales and was up 7 percent on Wednesday.",
        "Revenue was flat at Best Buy, while its shares were up 7 percent on Wednesday.",
        "Best Buy, which said sales were down 6.5 percent, was up 7 percent on Wednesday.")
    for text in supported:
        found = best_buy_moves(checked(nlp, market, text, WEDNESDAY))
        assert [(c.claim.direction, c.verdict.verdict) for c in found] == [("up", "supported")], text
    contradicted = (
        "Best Buy shares were down 6.5 percent on Wednesday.",
        "Best Buy was down 2 percent on Wednesday.",
        "Best Buy shares, down 6.5 percent, led the decliners on Wednesday.")
    for text in contradicted:
        found = best_buy_moves(checked(nlp, market, text, WEDNESDAY))
        assert [(c.claim.direction, c.verdict.verdict) for c in found] == [("down", "contradicted")], text
