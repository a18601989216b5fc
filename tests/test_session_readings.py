"""A stock's price from during the session or from extended hours, read from what the article itself says about
the same stock and day (issue 12, 'intraday or after-hours'; analyzer.check.session_readings). Articles we wrote,
through the real pipeline and real prices, each with controls that stay `contradicted`.

Facts used (from ../shared/data/market at run time): Moody's (MCO, adjusted closes only, no intraday range) closed
at 506.41 on 2025-02-11, 499.34 on Wednesday 2025-02-12 (-1.39%) and 521.12 on Thursday 2025-02-13 (+4.36%).
Wells Fargo (WFC, adjusted closes only) closed 12.42 on Friday 2009-02-06 and 12.37 on Monday 2009-02-09 (-0.42%);
in the 20 sessions before, it moved as much as 31% in a day.
"""

from __future__ import annotations

from written import checked

from analyzer.check.session_readings import words_direction
from analyzer.records import CheckedClaim

WEDNESDAY_EVENING = "2025-02-12T18:30:00-05:00"
MONDAY_BEFORE_THE_OPEN = "2009-02-09T08:30:00-05:00"
CLOSE_BESIDE = ("Moody's shares {} after the ratings firm raised its forecast. The stock closed 1.4 percent lower at "
                "$499.34 on the New York Stock Exchange.")
PRE_MARKET = ("NEW YORK (Reuters) - Bank shares tumbled in pre-market trading on Monday as investors waited for "
              "details of the government's rescue plan.\n\nAnalysts said the plan could dilute shareholders.\n\n"
              "Wells Fargo shares {} as traders sold financial stocks.")


def moves_of(nlp, market, text: str, published: str, symbol: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    found = [c for c in checked(nlp, market, text, published) if c.claim.kind == "stock_move" and
             c.claim.instrument is not None and c.claim.instrument.symbol == symbol]
    assert found, f"no move of {symbol} in {text!r}"
    return found


def first_move(nlp, market, text: str, published: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    return moves_of(nlp, market, text, published, symbol)[0]


def test_words_direction() -> None:
    assert words_direction("TI shares fell 5 percent") == {"down"}
    assert words_direction("traded slightly higher") == {"up"}
    assert words_direction("its shares rose 8 percent") == {"up"}
    assert words_direction("shares slipped") == {"down"}


def test_a_figure_beside_the_close_the_article_gives(nlp, market) -> None:  # type: ignore[no-untyped-def]
    moves = moves_of(nlp, market, CLOSE_BESIDE.format("rose 1.5 percent"), WEDNESDAY_EVENING, "MCO")
    close = [m for m in moves if m.claim.direction == "down"]
    assert close and close[0].verdict.verdict == "supported", [m.verdict.explanation for m in moves]
    quote = [m for m in moves if m.claim.direction == "up"][0]
    assert quote.verdict.verdict == "unverifiable", quote.verdict.explanation
    assert "gives the stock's close for 2025-02-12 elsewhere" in quote.verdict.explanation
    assert any("gives the close elsewhere" in r for r in quote.verdict.readings), quote.verdict.readings


def test_a_figure_beside_the_close_controls(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # control: a figure no session around it came near
    far = [m for m in moves_of(nlp, market, CLOSE_BESIDE.format("rose 25 percent"), WEDNESDAY_EVENING, "MCO")
           if m.claim.direction == "up"][0]
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: its own words say it closed there
    closed = [m for m in moves_of(nlp, market, CLOSE_BESIDE.format("closed 1.5 percent higher"), WEDNESDAY_EVENING,
                                  "MCO") if m.claim.direction == "up"][0]
    assert closed.verdict.verdict == "contradicted", closed.verdict.explanation
    # control: without the close told beside it, the evening piece's figure reads as the close
    alone = first_move(nlp, market, "Moody's shares rose 1.5 percent after the ratings firm raised its forecast.",
                       WEDNESDAY_EVENING, "MCO")
    assert alone.verdict.verdict == "contradicted", alone.verdict.explanation


def test_pre_market_words_in_a_piece_stamped_before_the_open(nlp, market) -> None:  # type: ignore[no-untyped-def]
    item = first_move(nlp, market, PRE_MARKET.format("fell 9 percent"), MONDAY_BEFORE_THE_OPEN, "WFC")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "a pre-market quote (the piece's words and its time stamp)" in item.verdict.readings


def test_pre_market_words_controls(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # control: far beyond anything the stock's recent sessions moved
    far = first_move(nlp, market, PRE_MARKET.format("fell 60 percent"), MONDAY_BEFORE_THE_OPEN, "WFC")
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: its own words say it closed there on Friday
    closed = first_move(nlp, market, PRE_MARKET.format("closed 9 percent lower on Friday"), MONDAY_BEFORE_THE_OPEN,
                        "WFC")
    assert closed.verdict.verdict == "contradicted", closed.verdict.explanation


THURSDAY_EVENING = "2025-02-13T18:00:00-05:00"
TOLD_OF_WEDNESDAY = ("NEW YORK (Reuters) - U.S. stocks were mixed on Wednesday after a hot inflation report.\n\n"
                     "The Nasdaq Composite Index {} as chip stocks rose.")


def index_move(nlp, market, text: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    found = [c for c in checked(nlp, market, text, THURSDAY_EVENING) if c.claim.kind == "index_move"]
    assert found, text
    return found[0]


def test_an_index_figure_of_the_day_the_article_tells_of(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # Nasdaq 2025-02-12: previous close 19,643.86, traded 19,415.48-19,682.51; +0.10% implies 19,663.5
    item = index_move(nlp, market, TOLD_OF_WEDNESDAY.format("rose 20.00 points, or 0.10 percent, to 19,663.86"))
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "a figure from during the session the article tells of" in item.verdict.readings


def test_an_index_figure_of_the_day_the_article_tells_of_controls(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # control: +2% implies 20,036.7, above anything Wednesday traded
    far = index_move(nlp, market, TOLD_OF_WEDNESDAY.format("rose 392.88 points, or 2.0 percent, to 20,036.74"))
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: its words say it closed there
    closed = index_move(nlp, market, TOLD_OF_WEDNESDAY.format("closed up 20.00 points, or 0.10 percent, at "
                                                              "19,663.86"))
    assert closed.verdict.verdict == "contradicted", closed.verdict.explanation


WEDNESDAY_NASDAQ = "The Nasdaq Composite {} as inflation data rattled investors."


def test_no_word_of_the_close_in_an_evening_piece(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # Nasdaq 2025-02-12: previous close 19,643.86, traded 19,415.48-19,682.51, closed +0.03%; -0.8% implies 19,486.7
    item = index_move_at(nlp, market, WEDNESDAY_NASDAQ.format("fell 0.8 percent"), "^IXIC")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "a figure from during the session (no word of the close)" in item.verdict.readings


def test_no_word_of_the_close_controls(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # control: -3% implies 19,054.5, below anything the session traded
    far = index_move_at(nlp, market, WEDNESDAY_NASDAQ.format("fell 3 percent"), "^IXIC")
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: its words say it closed there
    closed = index_move_at(nlp, market, WEDNESDAY_NASDAQ.format("closed down 0.8 percent"), "^IXIC")
    assert closed.verdict.verdict == "contradicted", closed.verdict.explanation
    # control: the piece's other figure of the day holds as a close (the Dow lost 225.09 points to 44,368.56)
    beside = index_move_at(nlp, market, "The Dow Jones industrial average lost 225.09 points, or 0.51 percent, to "
                           "44,368.56. " + WEDNESDAY_NASDAQ.format("fell 0.8 percent"), "^IXIC")
    assert beside.verdict.verdict == "contradicted", beside.verdict.explanation


def index_move_at(nlp, market, text: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    found = [c for c in checked(nlp, market, text, WEDNESDAY_EVENING) if c.claim.kind == "index_move" and
             c.claim.instrument is not None and c.claim.instrument.symbol == symbol]
    assert found, text
    return found[0]


SNAPSHOT = ("The Nasdaq Composite Index was down 40.00 points, or 0.20 percent, at 19,603.86. Among the gainers, "
            "Moody's shares rose {} after the ratings firm raised its forecast.")


def test_a_stock_beside_index_figures_from_during_the_session(nlp, market) -> None:  # type: ignore[no-untyped-def]
    rows = checked(nlp, market, SNAPSHOT.format("1.5 percent"), WEDNESDAY_EVENING)
    index = [r for r in rows if r.claim.kind == "index_move"][0]
    assert index.verdict.verdict == "supported" and "during the session" in index.verdict.explanation
    stock = [r for r in rows if r.claim.kind == "stock_move"][0]
    assert stock.verdict.verdict == "unverifiable", stock.verdict.explanation
    assert "a figure from during the session (no word of the close)" in stock.verdict.readings
    # control: 15% is far outside the band Moody's closes allow
    far = [r for r in checked(nlp, market, SNAPSHOT.format("15 percent"), WEDNESDAY_EVENING)
           if r.claim.kind == "stock_move"][0]
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
