"""Ended runs, runs of months, first closes, intraday and closing extremes and superlatives given to an index: classes
of writing from issue 13 (session 15), on sentences we wrote, through the real spaCy pipeline and real closes. Each
test holds one class and a control that must not change."""

from __future__ import annotations

from analyzer.records import Claim
from tests.written import checked, of_kind
from tests.written import move_claims_in as claims_in


def streaks_in(nlp, text: str) -> list[Claim]:  # noqa: ANN001
    return of_kind(claims_in(nlp, text), "streak")


def shape(claim: Claim) -> tuple:
    return claim.instrument.symbol, claim.what, claim.direction, claim.length, claim.unit


def verdicts(nlp, market, text: str, published: str, kind: str) -> list[str]:  # noqa: ANN001
    return [r.verdict.verdict for r in checked(nlp, market, text, published) if r.claim.kind == kind]


def test_an_ended_run_told_without_its_length_or_by_its_noun(nlp, market) -> None:  # noqa: ANN001
    [snapped] = streaks_in(nlp, "The S&P 500 snapped its winning streak on Friday.")
    assert shape(snapped) == ("^GSPC", "ended_streak", "up", None, "day")
    [slide] = streaks_in(nlp, "Apple shares snapped a three-day slide, rising 2%.")
    assert shape(slide) == ("AAPL", "ended_streak", "down", 3, "day")
    # real closes: the S&P 500 rose four sessions to 21 March 2024 and fell on Friday the 22nd; it fell three
    # sessions to 26 March and rose on the 27th
    assert verdicts(nlp, market, "The S&P 500 snapped its winning streak on Friday.", "2024-03-22T17:00:00",
                    "streak") == ["supported"]
    assert verdicts(nlp, market, "The S&P 500 rose 0.9% on Wednesday, snapping a three-day slide.",
                    "2024-03-27T17:00:00", "streak") == ["supported"]
    # a run without its length that the closes do not show ending is no accusation (the words may be of another day)
    assert verdicts(nlp, market, "The S&P 500 snapped its losing streak on Friday.", "2024-03-22T17:00:00",
                    "streak") == ["unverifiable"]
    # controls: a one-word run noun without its length, a run of something else, a commodity's run
    assert streaks_in(nlp, "Nvidia ended its rally on Tuesday.") == []
    assert streaks_in(nlp, "The S&P 500 ended a six-day rally in tech shares.") == []
    assert claims_in(nlp, "Oil prices snapped a three-day slide.") == []


def test_a_run_that_may_not_have_ended_is_no_ended_run(nlp) -> None:  # noqa: ANN001
    assert streaks_in(nlp, "The Dow threatened to snap its five-day winning streak.") == []
    assert streaks_in(nlp, "The Nasdaq was on track to end a three-day losing streak.") == []
    assert streaks_in(nlp, "The S&P 500 could snap its winning streak on Wednesday.") == []
    assert streaks_in(nlp, "The Dow failed to break its losing streak.") == []
    assert streaks_in(nlp, "The Dow looked set to snap its five-day winning streak.") == []
    # controls: the run that did end, also as a move's result ("rebounded to snap", "rose 1% to snap")
    [ended] = streaks_in(nlp, "The Dow snapped a five-day winning streak on Tuesday.")
    assert shape(ended) == ("^DJI", "ended_streak", "up", 5, "day")
    [result] = streaks_in(nlp, "Stocks rose as the S&P 500 rebounded to snap a three-day losing streak.")
    assert shape(result) == ("^GSPC", "ended_streak", "down", 3, "day")
    [figure] = streaks_in(nlp, "The S&P 500 rose 1% to snap its losing streak.")
    assert shape(figure) == ("^GSPC", "ended_streak", "down", None, "day")


def test_a_run_ended_at_its_length_and_an_index_named_with_its_possessive(nlp, market) -> None:  # noqa: ANN001
    [ended] = streaks_in(nlp, "The S&P 500's winning streak ended at five sessions as it slipped 0.3%.")
    assert shape(ended) == ("^GSPC", "ended_streak", "up", 5, "day")
    [told] = streaks_in(nlp, "The S&P 500's five-session winning streak ended on Tuesday.")
    assert shape(told) == ("^GSPC", "ended_streak", "up", 5, "day")
    assert verdicts(nlp, market, "The S&P 500's winning streak ended at four sessions on Friday.",
                    "2024-03-22T17:00:00", "streak") == ["supported"]
    # controls: the Dow's (a possessive the parse always gave), a figure with no instrument
    assert [shape(c) for c in streaks_in(nlp, "The Dow's winning streak ended at five sessions.")] == \
        [("^DJI", "ended_streak", "up", 5, "day")]
    assert claims_in(nlp, "Consumer confidence's losing streak ended at three months.") == []


def test_runs_of_months_and_quarters(nlp, market) -> None:  # noqa: ANN001
    [monthly] = streaks_in(nlp, "The S&P 500 rose 2.3% in August, its third straight monthly gain.")
    assert shape(monthly) == ("^GSPC", None, "up", 3, "month")
    [months] = streaks_in(nlp, "The Dow gained for a third consecutive month.")
    assert shape(months) == ("^DJI", None, "up", 3, "month")
    [quarters] = streaks_in(nlp, "The S&P 500 notched its fourth consecutive quarterly gain.")
    assert shape(quarters) == ("^GSPC", None, "up", 4, "quarter")
    # daily closes do not count months here: no accusation
    assert verdicts(nlp, market, "The S&P 500 rose for a fifth straight month.", "2024-03-28T17:00:00",
                    "streak") == ["unverifiable"]
    # controls: a business figure's run, economic data, an index of indicators (no index named before)
    assert streaks_in(nlp, "Apple's revenue rose for a third straight quarter.") == []
    assert streaks_in(nlp, "Apple posted its fourth straight quarterly decline in iPhone sales.") == []
    assert claims_in(nlp, "Retail sales posted a third straight monthly gain.") == []
    found = claims_in(nlp, "The S&P 500 rose 1%. On the economic data front, the index of leading economic "
                           "indicators increased in June for the third straight month, the Conference Board said.")
    assert [(c.kind, c.instrument.symbol) for c in found] == [("index_move", "^GSPC")]
    # control: a run of weeks as before
    [weeks] = streaks_in(nlp, "For the week, the S&P 500 rose 1.5%, its third straight weekly gain.")
    assert shape(weeks) == ("^GSPC", None, "up", 3, "week")


def test_a_first_close_told_as_a_noun(nlp, market) -> None:  # noqa: ANN001
    [first] = of_kind(claims_in(nlp, "The Nasdaq notched its first close above 20,000 on Tuesday."), "record")
    assert (first.instrument.symbol, first.what, first.level) == ("^IXIC", "first_close_above", 20000.0)
    # real closes: the S&P 500 first closed above 5,000 on 9 February 2024
    assert verdicts(nlp, market, "The S&P 500 notched its first close above 5,000 on Friday.",
                    "2024-02-09T17:00:00", "record") == ["supported"]
    # controls: a rate's first close above a percent, the verb form as before
    assert claims_in(nlp, "Mortgage rates posted their first close above 7% since May.") == []
    [verb] = of_kind(claims_in(nlp, "The Dow closed above 45,000 for the first time."), "record")
    assert (verb.what, verb.level) == ("first_close_above", 45000.0)


def test_intraday_and_closing_extremes_since_a_time(nlp) -> None:  # noqa: ANN001
    [intraday] = of_kind(claims_in(nlp, "Earlier in the day, the S&P 500 climbed to 5,039.47, its highest intraday "
                                        "level since October 14, before turning negative."), "record")
    assert (intraday.instrument.symbol, intraday.what, intraday.period, intraday.level) == \
        ("^GSPC", "highest_since", "intraday", 5039.47)
    [closing] = of_kind(claims_in(nlp, "The VIX rose 7.05 percent to 45.84, its highest closing since December 18."),
                        "record")
    assert (closing.instrument.symbol, closing.what, closing.period) == ("^VIX", "highest_since", "day")
    # controls: a rate's extreme, the plain level as before
    assert claims_in(nlp, "Mortgage rates rose to their highest intraday level since May.") == []
    [level] = of_kind(claims_in(nlp, "The Nasdaq rose 1.1% to its highest level since 2021."), "record")
    assert (level.what, level.period) == ("highest_since", "day")


def test_a_record_of_a_price_and_a_record_left_before_the_close(nlp) -> None:  # noqa: ANN001
    [left] = of_kind(claims_in(nlp, "Google climbed to a record of $596.81 and then gave up some of those gains to "
                                    "finish at $584.39."), "record")
    assert (left.instrument.symbol, left.what, left.level) == ("GOOGL", "record_intraday_high", 596.81)
    [close] = of_kind(claims_in(nlp, "The Dow rose to a record of 45,210.35 on Tuesday."), "record")
    assert (close.what, close.level) == ("record_close_high", 45210.35)
    # control: a record of a count is no price's record
    assert of_kind(claims_in(nlp, "Apple shares rose 1%, and options volume set a record of 467.7 million "
                                  "contracts."), "record") == []


def test_a_superlative_given_to_an_index(nlp) -> None:  # noqa: ANN001
    [best] = of_kind(claims_in(nlp, "Friday's rally gave the S&P 500 its best day in almost four-and-a-half years."),
                     "comparison")
    assert (best.instrument.symbol, best.relation) == ("^GSPC", "best_since")
    [worst] = of_kind(claims_in(nlp, "The selloff handed the Nasdaq its worst week since March."), "comparison")
    assert (worst.instrument.symbol, worst.relation, worst.unit) == ("^IXIC", "worst_since", "week")
    [given] = of_kind(claims_in(nlp, "Apple's surge gave the Nasdaq its biggest gain since May."), "comparison")
    assert given.instrument.symbol == "^IXIC"
    # control: given to someone who is no instrument
    assert claims_in(nlp, "The report gave economists their biggest surprise since March.") == []
