"""Issue 12, session 18 (helper dev18): classes of writing that gave a false `contradicted` on the development
draw `corpora/audit/dev_stories_2009_seed1809`, written in our own words.

1. A past-year figure stated as a state ('have lost about 15 percent over the past year') in a piece whose figures
   were prepared to the previous session's close (a results story after a long weekend): the trailing twelve
   months to that close is a reading, as it already was for the week, month and year to date.
2. A weekday that dates news ('despite the company reporting strong results late on Wednesday'): the checker's
   reading of a news day word at the article's session did not know the gerunds of the news verbs ('reporting',
   'posting') or 'despite', and looked back only 40 characters from the day word.
3. A superlative with no figure of its own after a tally of months ('posted its fifth down month out of six and
   the biggest drop since October') was read as the day's.
4. A list of extended-hours quotes: a sentence headed 'In extended trading, <one company> ...' and then another
   company's move with no time words ('Hartford shares tumbled 11.2 percent to $10.19'), read as the close.
5. A lead's figure that the article gives again in extended trading ('sent its shares down 8 percent' and later
   'fell 8 percent to $23.44 in extended trading'), read as a moment of the session when the lead also speaks of
   the day's earlier rally.
6. A note's price move in whole points in a sentence that prices it in 32nds ('jumped more than four points to
   103-20/32'), read as a change of the 10-year yield.
7. 'The company's shares' of a story about a company we do not list, after a sentence that names a bank with a
   clause or an apposition calling 'the company' someone else ('Morgan Stanley, which is also advising the
   company'): read as the bank's.
8. A day move with no time words after a sentence that dates the shares' move to an earlier day ('Shares of both
   exchange operators rose on Wednesday ...' then 'CME climbed 6 percent ...' in a Thursday piece): read at the
   piece's session.

Each class has its control: a wrong figure of the same shape stays `contradicted`.

Facts used (from ../shared/data at run time): over the year to Friday 2009-01-16 (from 2008-01-16) IBM lost about
15% and the Nasdaq Composite 36.1%; to Tuesday 2009-01-20 (from 2008-01-18) 19.3% and 38.4%. Cisco (CSCO) fell
3.4% on Thursday 2009-05-07 and 0.1% on Wednesday 2009-05-06. The S&P 500 fell 2.36% on Friday 2009-02-27 (its
worst day since 2009-02-23) and 11% over February, its worst month since October 2008. Hartford (HIG) rose 5.4% on
Thursday 2009-04-30 and fell 7.9% the next day. Microsoft (MSFT) closed up 3.1% on Thursday 2009-07-23 (range 24.84
to 25.72 from a 24.80 close). The 10-year yield fell from 3.00% to 2.53% on Wednesday 2009-03-18. Morgan Stanley
(MS) fell 2.0% on Friday 2009-07-17. CME Group (CME) rose 6.0% on Wednesday 2009-05-13 and 3.7% on Thursday 2009-05-14.
"""

from __future__ import annotations

import pytest
from written import checked

from analyzer.records import CheckedClaim


def of(items: list[CheckedClaim], symbol: str, kind: str | None = None) -> list[CheckedClaim]:
    return [c for c in items if c.claim.instrument is not None and c.claim.instrument.symbol == symbol
            and (kind is None or c.claim.kind == kind)]


def verdicts(items: list[CheckedClaim]) -> list[str]:
    return [c.verdict.verdict for c in items]


# ---- 1. the past year to the previous session's close -----------------------------------------------------------

RESULTS = "IBM ( IBM.N ) reported fourth-quarter profit above forecasts on Tuesday."


@pytest.mark.parametrize("sentence", [
    "Over the past year the shares of IBM have lost about 15 percent, while the Nasdaq Composite Index has fallen "
    "36 percent.",
    "The Nasdaq Composite Index has fallen 36 percent over the past 12 months, and IBM's stock is down about 15 "
    "percent.",
])
def test_a_past_year_to_the_previous_close(nlp, market, sentence) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{RESULTS} {sentence}", "2009-01-20T18:30")
    assert of(items, "^IXIC") and of(items, "IBM")
    assert "contradicted" not in verdicts(items)


def test_a_past_year_no_close_bears_out_is_still_an_error(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{RESULTS} Over the past year the Nasdaq Composite Index has fallen 25 percent.",
                    "2009-01-20T18:30")
    assert verdicts(of(items, "^IXIC")) == ["contradicted"]


# ---- 2. the day of news released after a close --------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Cisco Systems ( CSCO.O ) shares slipped 3.4 percent despite the company reporting better-than-expected "
    "results late on Wednesday.",
    "Shares of router maker Cisco Systems ( CSCO.O ) lost 3.4 percent, even though the company had posted a "
    "quarterly profit above estimates late on Wednesday.",
    "Cisco Systems ( CSCO.O ) shares fell 3.4 percent after the network gear maker issued a cautious outlook "
    "after the bell on Wednesday.",
])
def test_news_after_a_close_does_not_date_the_move(nlp, market, sentence) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, sentence, "2009-05-07T18:00"), "CSCO")
    assert items and "contradicted" not in verdicts(items)


def test_a_wrong_move_after_late_news_is_still_an_error(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Cisco Systems ( CSCO.O ) shares rose 5 percent despite the company reporting results late on Wednesday."
    items = of(checked(nlp, market, text, "2009-05-07T18:00"), "CSCO")
    assert verdicts(items) == ["contradicted"]  # Cisco fell on both days


def test_a_move_late_on_a_day_keeps_its_day(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, "Cisco Systems ( CSCO.O ) shares fell 3.4 percent late on Wednesday.",
                       "2009-05-07T18:00"), "CSCO")
    assert verdicts(items) == ["contradicted"]  # no news clause: the day is the move's, and it fell 0.1% then


# ---- 3. a superlative after a tally of months -----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "With Friday's loss, the S&P 500 posted its fifth down month out of six and the biggest drop since October.",
    "Chip stocks led the losses. With the day's slide, the S&P 500 closed out a fifth losing month in the last six "
    "and its deepest decline since October.",
])
def test_a_superlative_after_a_tally_of_months(nlp, market, sentence) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, sentence, "2009-02-27T17:00"), "^GSPC", "comparison")
    assert items and "contradicted" not in verdicts(items)
    assert {c.claim.period for c in items} == {"month"}


def test_a_day_figures_superlative_stays_the_days(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The S&P 500 fell 2.4 percent on Friday, its biggest drop since October, closing out a fifth losing month."
    items = of(checked(nlp, market, text, "2009-02-27T17:00"), "^GSPC", "comparison")
    assert verdicts(items) == ["contradicted"]  # Monday 2009-02-23 fell further


# ---- 4. a list of extended-hours quotes ------------------------------------------------------------------------

LIST_HEAD = "Both insurers missed forecasts. In extended trading, MetLife ( MET.N ) stock lost 4 percent to $28.52."


def test_a_move_in_a_list_of_extended_hours_quotes(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = f"{LIST_HEAD} Hartford Financial ( HIG.N ) shares tumbled 11.2 percent to $10.19."
    items = of(checked(nlp, market, text, "2009-04-30T18:10"), "HIG")
    assert items and "contradicted" not in verdicts(items)


def test_a_quote_no_session_could_reach_is_still_an_error(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = f"{LIST_HEAD} Hartford Financial ( HIG.N ) shares tumbled 60 percent to $4.59."
    assert verdicts(of(checked(nlp, market, text, "2009-04-30T18:10"), "HIG")) == ["contradicted"]


def test_without_the_heading_the_move_is_the_close(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Both insurers missed forecasts. MetLife ( MET.N ) stock lost 4 percent to $28.52 on the New York Stock "
            "Exchange. Hartford Financial ( HIG.N ) shares tumbled 11.2 percent to $10.19.")
    assert verdicts(of(checked(nlp, market, text, "2009-04-30T18:10"), "HIG")) == ["contradicted"]


# ---- 5. a lead's figure told again in extended trading ---------------------------------------------------------

LATER = ("Sales of Windows fell for the first time. Microsoft's shares fell 8 percent to $23.44 in extended trading, "
         "after ending the regular session up 3 percent at $25.56.")


def test_a_leads_figure_told_again_in_extended_trading(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = f"Microsoft's results sent its shares down 8 percent and spoiled a rally earlier in the day. {LATER}"
    items = of(checked(nlp, market, text, "2009-07-23T19:19"), "MSFT")
    assert items and "contradicted" not in verdicts(items)


def test_a_leads_other_figure_is_still_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = f"Microsoft's results sent its shares down 12 percent and spoiled a rally earlier in the day. {LATER}"
    items = of(checked(nlp, market, text, "2009-07-23T19:19"), "MSFT")
    assert [c.claim.change_pct for c in items if c.verdict.verdict == "contradicted"] == [12.0]


# ---- 6. a note's price in points -------------------------------------------------------------------------------

FED = "Treasuries soared after the Fed said it would buy longer-dated government debt."


@pytest.mark.parametrize("sentence", [
    "Benchmark 10-year notes, which had gained 18/32 in price before the statement, jumped more than four points "
    "to 103-20/32.",
    "The benchmark 10-year note leapt about 3 points in price on the day, its biggest gain in decades.",
])
def test_a_notes_price_in_points_is_no_yield_move(nlp, market, sentence) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, f"{FED} {sentence}", "2009-03-18T16:50"), "^TNX")
    assert "contradicted" not in verdicts(items)


# ---- 7. 'the company' that a clause of another company's name says is someone else ------------------------------

LENDER = "Ambrose Lending Corp is weighing a debt swap to stay out of bankruptcy, people familiar with the talks said."
RALLY = "The company's shares ended up 29 cents, or 71 percent, at 70 cents on Friday."


@pytest.mark.parametrize("banks", [
    "JPMorgan Chase and Goldman Sachs, together with Morgan Stanley, which is also advising the company, could join "
    "a rescue loan.",
    "Morgan Stanley, the company's adviser, could join a rescue loan.",
])
def test_the_company_is_not_its_adviser(nlp, market, banks) -> None:  # type: ignore[no-untyped-def]
    items = checked(nlp, market, f"{LENDER} {banks} {RALLY}", "2009-07-18T18:40")
    assert of(items, "MS") == [] and "contradicted" not in verdicts(items)


def test_the_company_that_speaks_is_still_itself(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Morgan Stanley said on Friday the company would cut 500 jobs in its bond unit. The company's shares "
            "ended up 71 percent on Friday.")
    assert verdicts(of(checked(nlp, market, text, "2009-07-18T18:40"), "MS")) == ["contradicted"]


# ---- 8. the day of the shares' move in the sentence before -----------------------------------------------------

SWAPS = "Lawmakers proposed new rules for swaps trading. Shares of both exchange operators rose on {day} as word of " \
    "the plan spread. CME Group ( CME.O ) climbed {pct} percent while the broader market slipped."


def test_a_move_goes_on_with_the_day_of_the_sentence_before(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, SWAPS.format(day="Wednesday", pct=6), "2009-05-14T16:40"), "CME")
    assert verdicts(items) == ["supported"]


@pytest.mark.parametrize(("day", "pct"), [("Wednesday", 12), ("Thursday", 6)])
def test_the_day_before_excuses_only_its_own_figure(nlp, market, day, pct) -> None:  # type: ignore[no-untyped-def]
    items = of(checked(nlp, market, SWAPS.format(day=day, pct=pct), "2009-05-14T16:40"), "CME")
    assert verdicts(items) == ["contradicted"]  # no day's move bears 12%; Thursday's own is 3.7%
