"""Issue 12: classes of false `contradicted` found on the spent audit reuters_2008_stories_seed1313, written again
here in our own words, each with a control that stays `contradicted`:

- wrong period: a figure inside a dated entry of a timeline ('March 10 - ...') is that date's; 'in the same
  period' takes the period the sentence before names; a fragment cut after a ticker tag ('... index .SPX' / 'and
  the 11 percent loss in the Dow ...') carries the 'Since ...' of the sentence it continues; 'from its record close
  set in October' dates the base of the move, not its period; 'lost 44.90 points to 805.22, capping a 10.85 percent
  slide over the first 12 sessions of 2009' gives the day's points and the run's percentage; a view read in the
  minutes of a dated meeting already held is about that meeting's decision; a record the stock 'recently' reached
  is tried on the sessions of the last three weeks; a move 'from their $44 offering price' runs from a quoted price;
- intraday: a figure the sentence says the market then turned from (", but retreated") is a moment before the
  turn; 'fell as much as N percent' beside the stock's close, for a stock without a high-low range in the data;
- extraction: "AMD's share fell to 18 percent from 20 percent" is a share of a market, not a share price.

Facts used (from ../shared/data at run time): Citigroup rose 38.1% on 2009-03-10 (adjusted closes, no range) and
closed at 25.49 on 2009-06-12 (-0.29% that day); on 2007-02-27 the S&P 500 dropped by 3.47% (worst day since
2003-03-24) and rose 1.55% on 2007-03-06; Bank of America fell 7.5% from the 2006 close to 2007-07-20 and 1.95%
that day; the Dow closed 8,183.17 on 2009-07-09 (11% under its close of 2008-10-08); the highest S&P 500 close
of October 2007 was 1,565.15 (the record, 2007-10-09), 805.22 on 2009-01-20 (-48.55%); on 2009-03-06 the Dow
rose 0.49% at the close after a high 160.73 points (2.44%) over the previous close; the S&P 500 fell 44.90 points
to 805.22 on 2009-01-20, 10.85% under its 2008 close; the Fed cut 50 bp on 2008-10-29, then 75-100 bp on 2008-12-16.
"""

from __future__ import annotations

from test_dev_stories import verdicts_of
from written import rate_rows

TIMELINE = ("TIMELINE: A bank's long year. March 3 - The bank warns of more losses. Its chairman steps down. "
            "March 10 - The bank says it made money in January and February. Citigroup shares soar "
            "{figure} percent. April 20 - Regulators begin stress tests. May 7 - Results of the tests are published.")
JUNE_PIECE = "2009-06-12T17:30"


def test_a_figure_in_a_dated_timeline_entry(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert verdicts_of(nlp, market, TIMELINE.format(figure=38), JUNE_PIECE, "C") == ["supported"]
    # controls: a figure the entry's date does not bear out, and the same words outside a timeline, stay errors
    assert verdicts_of(nlp, market, TIMELINE.format(figure=18), JUNE_PIECE, "C") == ["contradicted"]
    assert verdicts_of(nlp, market, "A bank's long year. On March 10 the bank said it made money in January and "
                       "February. Citigroup shares soar 38 percent. Regulators began stress tests in "
                       "April.", JUNE_PIECE, "C") == ["contradicted"]


def test_a_worst_day_in_a_dated_timeline_entry(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("TIMELINE: Market turmoil. February 26 - Chinese shares hit a record. February {day} - Chinese stocks "
            "plunge. -- Wall Street slides as the S&P 500 suffers its worst day since March 2003 with a 3.5 percent "
            "drop. March 1 - Markets stay nervous.")
    comparisons = ("comparison",)
    assert verdicts_of(nlp, market, text.format(day=27), "2007-03-06T17:30", "^GSPC", comparisons) == ["supported"]
    # control: an entry dated a day the worst day does not hold of
    assert verdicts_of(nlp, market, text.format(day=28), "2007-03-06T17:30", "^GSPC",
                       comparisons) == ["contradicted"]


def test_the_same_period_as_the_sentence_before(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Wells Fargo earnings beat forecasts. Wells Fargo shares have lost about 3 percent so far this year on "
            "lending worries. "
            "Shares of Bank of America have slipped {figure} percent{same}.")
    piece, same = "2007-07-23T08:00", " in the same period"
    assert verdicts_of(nlp, market, text.format(figure=7.5, same=same), piece, "BAC") == ["supported"]
    # controls: a figure the year to date does not bear out; no 'same period' words
    assert verdicts_of(nlp, market, text.format(figure=17.5, same=same), piece, "BAC") == ["contradicted"]
    assert verdicts_of(nlp, market, text.format(figure=7.5, same=""), piece, "BAC") == ["contradicted"]


def test_a_fragment_cut_after_a_ticker_tag(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Alcoa reports next week. {start} its stock {verb} 15 percent, worse than the S&P 500 benchmark .SPX and "
            "the 11 percent loss in the Dow Jones industrial average index .DJI .")
    piece = "2009-07-09T17:00"
    assert verdicts_of(nlp, market, text.format(start="Since the aluminum maker's last outlook,", verb="has shed"),
                       piece, "^DJI") == ["unverifiable"]
    # control: the sentence it continues tells of the day
    assert verdicts_of(nlp, market, text.format(start="On Thursday", verb="shed"), piece, "^DJI") == ["contradicted"]


def test_a_base_dated_by_its_month(nlp, market) -> None:  # type: ignore[no-untyped-def]
    piece = "2009-01-20T18:00"
    assert verdicts_of(nlp, market, "Stocks slumped again. Now the S&P 500 is down 49 percent from its record close "
                       "set in October.", piece, "^GSPC") == ["supported"]
    # controls: a figure no close of October bears out; a month's move said as such
    assert verdicts_of(nlp, market, "Stocks slumped again. Now the S&P 500 is down 39 percent from its record close "
                       "set in October.", piece, "^GSPC") == ["contradicted"]
    assert verdicts_of(nlp, market, "Stocks slumped again. The S&P 500 fell 49 percent in October.", piece,
                       "^GSPC") == ["contradicted"]


def test_a_figure_the_market_then_turned_from(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Traders watched Washington. The Dow Jones industrial average traded up {points}-plus points, or more than "
            "{pct} percent, on the hearing{tail}.")
    piece, turn = "2009-03-07T05:00", ", but retreated as it went on"
    # the first figure of the sentence (the second claim is the retreat)
    assert verdicts_of(nlp, market, text.format(points=160, pct=2, tail=turn), piece, "^DJI")[:1] == ["unverifiable"]
    # controls: a figure outside the session's range; no turn told
    assert verdicts_of(nlp, market, text.format(points=260, pct=3, tail=turn), piece, "^DJI")[:1] == \
        ["contradicted"]
    assert verdicts_of(nlp, market, text.format(points=160, pct=2, tail=""), piece, "^DJI") == ["contradicted"]


def test_as_much_as_beside_the_close_without_a_range(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Rescue hopes lifted lenders. Citigroup stock fell {figure} percent before bets on government help "
            "pulled it back.{close}")
    piece, close = "2009-03-10T17:30", " Citigroup finished up 38 percent."
    assert verdicts_of(nlp, market, text.format(figure="as much as 60", close=close), piece, "C")[:1] == \
        ["unverifiable"]
    # control: the same figure not told as the furthest it went
    assert verdicts_of(nlp, market, text.format(figure="60", close=close), piece, "C")[:1] == ["contradicted"]
    # no close given in the article: since session 32 'as much as' is the session's extreme (period intraday, as the
    # gold reads it), and the data hold no intraday range for this stock, so no reading can refute it
    assert verdicts_of(nlp, market, text.format(figure="as much as 60", close=""), piece, "C") == ["unverifiable"]


def test_a_view_read_in_the_minutes_of_a_dated_meeting(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Bonds rallied. {minutes}ost officials saw a {size} rate cut as unlikely to stoke inflation."
    piece, minutes = "2008-11-19T18:00", "The Fed's minutes of its October 28-29 meeting showed m"

    def verdicts(words: str, size: str) -> list[str]:
        return [r.verdict.verdict for r in rate_rows(nlp, market, text.format(minutes=words, size=size), piece)]

    assert verdicts(minutes, "half-point") == ["supported"]  # the 50 bp cut of 2008-10-29
    # controls: a size that meeting did not decide; no dated meeting named: views the record did not bear out,
    # which since session 15 are no accusation (check/policy.py, 'a view not borne out')
    assert verdicts(minutes, "quarter-point") == ["unverifiable"]
    assert verdicts("M", "half-point") == ["unverifiable"]


def test_a_percentage_of_the_run_the_day_capped(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("Stocks slumped again. The S&P 500 shed 44.90 points to finish at 805.22, capping a {pct} percent "
            "slide{tail}.")
    piece, tail = "2009-01-20T18:00", " over the first 12 sessions of 2009"
    assert verdicts_of(nlp, market, text.format(pct=10.85, tail=tail), piece, "^GSPC") == ["supported"]
    # controls: a percentage no run bears out; the same percentage given as the day's
    assert verdicts_of(nlp, market, text.format(pct=12.85, tail=tail), piece, "^GSPC") == ["contradicted"]
    assert verdicts_of(nlp, market, "Stocks slumped again. The S&P 500 shed 44.90 points, or 10.85 percent, and "
                       "finished at 805.22.", piece, "^GSPC") == ["contradicted"]


def test_a_record_reached_recently(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # General Electric's close of 2009-03-05 was its lowest since June 1995; it had rebounded by 2009-03-20
    text = ("GE reassured investors. Worries about its finance arm {when}helped send General Electric's stock to a "
            "{n}-year low.")
    piece, records = "2009-03-20T17:00", ("record",)
    assert verdicts_of(nlp, market, text.format(when="recently ", n=14), piece, "GE", records) == ["supported"]
    # controls: no word of a recent session; a low the recent sessions do not bear out
    # (since session 23 a stock's record never accuses: check.standing)
    assert verdicts_of(nlp, market, text.format(when="", n=14), piece, "GE", records) == ["unverifiable"]
    assert verdicts_of(nlp, market, text.format(when="recently ", n=40), piece, "GE", records) == ["unverifiable"]


def test_a_move_from_a_quoted_price(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # Visa has adjusted closes only (its $44 offering price of 2008 cannot be placed on them); the Dow closed at
    # 6,547.05 on 2009-03-09 and 8,799.26 on 2009-06-12 (+34.4%)
    piece = "2009-06-12T17:00"
    text = "Visa beat forecasts. Visa shares have gained 40 percent {base} and 15 percent so far this year."
    assert verdicts_of(nlp, market, text.format(base="from their $44 offering price"), piece, "V")[:1] == \
        ["unverifiable"]
    # control: the base not a quoted price
    assert verdicts_of(nlp, market, text.format(base="since the offering"), piece, "V")[:1] == ["contradicted"]
    # as-traded closes: the move from the quoted level is checked
    dow = "Stocks rose. The Dow is up {pct} percent from the $6,547.05 it fetched in March."
    assert verdicts_of(nlp, market, dow.format(pct=34), piece, "^DJI") == ["supported"]
    assert verdicts_of(nlp, market, dow.format(pct=16), piece, "^DJI") == ["contradicted"]


def test_a_share_of_a_market(nlp, market) -> None:  # type: ignore[no-untyped-def]
    piece = "2009-06-12T17:00"
    text = ("Chip makers gained ground. Cheaper notebooks helped Nvidia lift its share of the graphics chip market to "
            "64 percent from 60 percent, while AMD's share fell to 18 percent from 20 percent, a research firm said.")
    assert verdicts_of(nlp, market, text, piece, "AMD") == ["unverifiable"]
    # controls: the company's shares; a market share named, then the stock's own move
    assert verdicts_of(nlp, market, "Chip makers gained ground. Cheaper notebooks helped Nvidia win business, while "
                       "AMD's shares fell 18 percent.", piece, "AMD") == ["contradicted"]
    assert verdicts_of(nlp, market, "Chip makers gained ground. AMD's share of the market held steady, and its stock "
                       "fell 18 percent.", piece, "AMD") == ["contradicted"]
