"""Figures of wire items stamped outside the regular session, or during it (issue 12, 'intraday or after-hours'):
each rule on articles we wrote, through the real pipeline and real prices, with a control that stays
`contradicted` (a figure far outside what the session traded, words that say it closed, an article whose other
figures are that day's closes, the same words stamped after the close).

Facts used (from ../shared/data/market at run time): Moody's (MCO, adjusted closes only, no intraday range) closed
at 506.41 on 2025-02-11, 499.34 on Wednesday 2025-02-12 (-1.39%) and 521.12 on Thursday 2025-02-13 (+4.36%).
Nvidia closed at 131.14 on 2025-02-12 (-1.25%) and traded 131.17-136.50 on 2025-02-13 (open 131.56). The Nasdaq
Composite closed at 19,310.79 on 2024-12-31, 19,643.86 on 2025-02-11 and 19,649.95 on 2025-02-12 (+6.09 points),
trading 19,415.48-19,682.51 that day.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim

THURSDAY_BEFORE_THE_OPEN = "2025-02-13T08:15:00-05:00"
WEDNESDAY_EVENING = "2025-02-12T18:30:00-05:00"
WEDNESDAY_LATE_MORNING = "2025-02-12T11:30:00-05:00"
MOODYS = "Moody's stock was {} higher as the ratings firm's profit beat forecasts."
NVIDIA = "Nvidia shares rose {} as investors bet on demand for its chips."
# Moody's from the close of 2024-12-31 (467.66): +6.77% to 2025-02-12, +11.43% to 2025-02-13
QTD_TO_PREVIOUS = "6.8%"


def move_of(engine, text: str, published: str, symbol: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == symbol
             and c.claim.kind in ("index_move", "stock_move")]
    assert found, f"no move claim on {symbol} in {text!r}"
    return found[0]


def test_a_quote_before_the_open_is_not_settled_by_the_closes(engine) -> None:  # type: ignore[no-untyped-def]
    item = move_of(engine, MOODYS.format("2.5%"), THURSDAY_BEFORE_THE_OPEN, "MCO")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "extended-hours trading" in item.verdict.explanation
    assert "a quote from extended-hours trading" in item.verdict.readings
    # control: 25% implies a price far outside anything the closes around Thursday allow
    far = move_of(engine, MOODYS.format("25%"), THURSDAY_BEFORE_THE_OPEN, "MCO")
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: words that say the stock closed on Wednesday fix the close-to-close reading
    closed = move_of(engine, "Moody's stock closed 2.5% higher on Wednesday as the ratings firm's profit beat "
                     "forecasts.", THURSDAY_BEFORE_THE_OPEN, "MCO")
    assert closed.verdict.verdict == "contradicted", closed.verdict.explanation


def test_a_quote_before_the_open_that_the_close_carries_is_supported(engine) -> None:  # type: ignore[no-untyped-def]
    item = move_of(engine, MOODYS.format("4.4%"), THURSDAY_BEFORE_THE_OPEN, "MCO")
    assert item.verdict.verdict == "supported", item.verdict.explanation
    assert any("carried to the close of 2025-02-13" in r for r in item.verdict.readings), item.verdict.readings


def test_a_recap_of_the_last_close_does_not_fix_a_morning_quote(engine) -> None:  # type: ignore[no-untyped-def]
    recap = ("In the last session Wall Street's main indexes finished mixed; the Nasdaq Composite inched up 6.09 "
             "points to 19,649.95.\n\n")
    index = move_of(engine, recap + MOODYS.format("2.5%"), THURSDAY_BEFORE_THE_OPEN, "^IXIC")
    assert index.verdict.verdict == "supported", index.verdict.explanation
    item = move_of(engine, recap + MOODYS.format("2.5%"), THURSDAY_BEFORE_THE_OPEN, "MCO")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation


def test_pre_bell_words_and_a_news_day_word(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Moody's stock gained 2.5% pre-bell on the earnings report it issued late Wednesday."
    item = move_of(engine, text, "2025-02-13T06:10:00-05:00", "MCO")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    # control: the same figure said to be Wednesday's close, in the evening
    closed = move_of(engine, "Moody's shares closed 2.5% higher on Wednesday.", WEDNESDAY_EVENING, "MCO")
    assert closed.verdict.verdict == "contradicted", closed.verdict.explanation


def test_a_quote_after_the_close_is_judged_on_the_next_sessions_trading(engine) -> None:  # type: ignore[no-untyped-def]
    after_the_bell = "Chip stocks traded after the bell as results came in.\n\n"
    item = move_of(engine, after_the_bell + NVIDIA.format("1.5%"), WEDNESDAY_EVENING, "NVDA")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "131.17-136.50" in item.verdict.explanation
    # control: 12% above Wednesday's close is far above anything Thursday traded
    far = move_of(engine, after_the_bell + NVIDIA.format("12%"), WEDNESDAY_EVENING, "NVDA")
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: a piece that tells of no trading or news after the session reads the session (-1.25%)
    plain = move_of(engine, NVIDIA.format("1.5%"), WEDNESDAY_EVENING, "NVDA")
    assert plain.verdict.verdict == "contradicted", plain.verdict.explanation
    # control: an article whose index figure is Wednesday's close reads closes for its stocks too
    wrap = "The Nasdaq Composite edged up 6.09 points to end at 19,649.95.\n\n" + NVIDIA.format("1.5%")
    assert move_of(engine, wrap, WEDNESDAY_EVENING, "^IXIC").verdict.verdict == "supported"
    in_wrap = move_of(engine, wrap, WEDNESDAY_EVENING, "NVDA")
    assert in_wrap.verdict.verdict == "contradicted", in_wrap.verdict.explanation


def test_a_period_figure_stamped_during_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    # 1.2% on the year implies 19,542.52, inside Wednesday's range; the year to the close was +1.76%
    text = "The Nasdaq Composite is up 1.2% this year."
    item = move_of(engine, text, WEDNESDAY_LATE_MORNING, "^IXIC")
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "stamped during the session" in item.verdict.explanation and "19,542.52" in item.verdict.explanation
    # control: 5% implies 20,276.33, far above the session's high
    far = move_of(engine, "The Nasdaq Composite is up 5% this year.", WEDNESDAY_LATE_MORNING, "^IXIC")
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: the same words stamped in the evening are about the close
    evening = move_of(engine, text, WEDNESDAY_EVENING, "^IXIC")
    assert evening.verdict.verdict == "contradicted", evening.verdict.explanation


def test_a_weekend_piece_reads_closes(engine) -> None:  # type: ignore[no-untyped-def]
    # no extended-hours trading on a Saturday: the figure is read against Friday's close, 2025-02-14
    item = move_of(engine, NVIDIA.format("12%"), "2025-02-15T10:00:00-05:00", "NVDA")
    assert item.verdict.verdict == "contradicted", item.verdict.explanation
    assert "extended-hours" not in item.verdict.explanation


def test_an_index_figure_given_as_a_futures_quote(engine) -> None:  # type: ignore[no-untyped-def]
    # the S&P 500 fell 0.27% on 2025-02-12; a morning piece's futures figure is no figure of the index's close
    morning = "2025-02-13T06:10:00-05:00"
    futures = move_of(engine, "In the futures market, the S&P 500 was up 2.5% ahead of the data.", morning, "^GSPC")
    # the time words mark it outside the session (analyzer.extract.timeref), or the second look names the futures
    assert futures.verdict.verdict == "unverifiable", futures.verdict.explanation
    assert "futures quote" in futures.verdict.explanation or "daily closes do not cover" in futures.verdict.explanation
    # control: the index itself, said to have closed
    closed = move_of(engine, "The S&P 500 closed up 2.5% on Wednesday.", WEDNESDAY_EVENING, "^GSPC")
    assert closed.verdict.verdict == "contradicted", closed.verdict.explanation


def test_a_quarters_figure_to_the_previous_close(engine) -> None:  # type: ignore[no-untyped-def]
    # Moody's from the close of 2024-12-31: to the close of 2025-02-12 and to that of 2025-02-13 differ; a summary
    # stamped that evening whose 'had risen' figure runs to the previous close is no error
    evening = "2025-02-13T19:30:00-05:00"
    to_previous = move_of(engine, f"Moody's shares had risen by {QTD_TO_PREVIOUS} this quarter.", evening, "MCO")
    assert to_previous.verdict.verdict in ("supported", "unverifiable"), to_previous.verdict.explanation
    assert "previous" in to_previous.verdict.explanation
    far = move_of(engine, "Moody's shares had risen by 30% this quarter.", evening, "MCO")
    assert far.verdict.verdict == "contradicted", far.verdict.explanation


def test_a_figure_before_the_index_rebounded(engine) -> None:  # type: ignore[no-untyped-def]
    # the Dow on 2007-03-14: previous close 12,075.96, close 12,133.40, low 11,939.61
    evening = "2007-03-14T16:45:00-04:00"
    text = "At one stage the Dow industrials were off more than {} percent before rebounding."
    inside = move_of(engine, text.format("1"), evening, "^DJI")
    assert inside.verdict.verdict in ("unverifiable", "supported"), inside.verdict.explanation
    far = move_of(engine, text.format("3"), evening, "^DJI")
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
