"""Classes of writing from text the rules were never tuned on (issue 13), on sentences we wrote, through the real
spaCy pipeline. Each test holds one class and a control that must still give its claim."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

AFTER_CLOSE = datetime.fromisoformat("2025-08-26T20:00:00-04:00")  # a Tuesday evening
BEFORE_OPEN = datetime.fromisoformat("2025-08-27T07:30:00-04:00")
MOVE_KINDS = ("index_move", "stock_move", "comparison", "record", "streak")


def claims_in(nlp, text: str, published: datetime = AFTER_CLOSE) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in found if c.kind in MOVE_KINDS]


def symbols(claims: list[Claim]) -> list[tuple[str, str | None]]:
    return [(c.kind, c.instrument.symbol if c.instrument else None) for c in claims]


def test_commodities_and_sector_indexes_are_no_index_moves(nlp) -> None:  # noqa: ANN001
    text = ("The S&P 500 rose 0.4% to 6,465.94. West Texas Intermediate crude gained 1.8% to $64.80 a barrel, "
            "while Brent added 1.6%. The Philadelphia semiconductor index fell 1.1%. The KBW Bank Index slipped 0.5%. "
            "The S&P energy index climbed 2.3%, and MSCI's world equity index gained 0.3%.")
    assert symbols(claims_in(nlp, text)) == [("index_move", "^GSPC")]


def test_futures_header_is_not_the_indexes(nlp) -> None:  # noqa: ANN001
    futures = "* Futures up: Dow 0.42%, S&P 500 0.35%, Nasdaq 0.18%"
    assert claims_in(nlp, futures, BEFORE_OPEN) == []
    indexes = "* Indexes up: Dow 0.42%, S&P 500 0.35%, Nasdaq 0.18%"
    assert [s for _, s in symbols(claims_in(nlp, indexes))] == ["^DJI", "^GSPC", "^IXIC"]


def periods(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.instrument.symbol if c.instrument else None, c.period, c.session) for c in claims
            if c.kind == "index_move"]


def test_whole_years_quarters_halves_and_short_weeks(nlp) -> None:  # noqa: ANN001
    year_end = datetime.fromisoformat("2021-12-31T17:30:00-05:00")
    assert periods(claims_in(nlp, "The Nasdaq Composite ended the year up 21.4%.", year_end)) == \
        [("^IXIC", "year", "2021-12-31")]
    assert periods(claims_in(nlp, "The Dow advanced 18.7% in 2021, its third straight annual gain.", year_end)) \
        == [("^DJI", "year", "2021-12-31")]
    later = datetime.fromisoformat("2022-03-02T17:30:00-05:00")
    assert periods(claims_in(nlp, "The S&P 500 finished 2021 up 26.9 percent.", later)) == \
        [("^GSPC", "year", "2021-12-31")]
    quarter_end = datetime.fromisoformat("2022-03-31T17:30:00-04:00")
    [c] = [c for c in claims_in(nlp, "The Nasdaq ended the first quarter down 9.1%.", quarter_end)
           if c.kind == "index_move"]
    assert (c.period, c.period_start) == ("other", "2021-12-31")
    half = datetime.fromisoformat("2022-06-30T17:30:00-04:00")
    assert periods(claims_in(nlp, "The Russell 2000 ended the first half down 3.1%.", half)) == \
        [("^RUT", "ytd", "2022-06-30")]
    short_week = datetime.fromisoformat("2022-07-08T17:30:00-04:00")
    assert periods(claims_in(nlp, "In the holiday-shortened week, the Dow rose 0.8%.", short_week)) == \
        [("^DJI", "week", "2022-07-08")]
    # control: a day's move in the same stories stays a day's
    assert periods(claims_in(nlp, "The Dow rose 0.8% on Friday.", short_week)) == [("^DJI", "day", "2022-07-08")]


def test_year_to_date_header_and_the_year_end_table(nlp) -> None:  # noqa: ANN001
    table = ("How major U.S. stock indexes fared Friday, 6/10/2022:\n"
             "The S&P 500 fell 116.96 points, or 2.9%, to 3,900.86.\n"
             "Year to date:\n"
             "The S&P 500 has shed 865.32 points, or 18.2%.\n")
    mid_year = datetime.fromisoformat("2022-06-10T16:45:00-04:00")
    assert periods(claims_in(nlp, table, mid_year)) == [("^GSPC", "day", "2022-06-10"), ("^GSPC", "ytd", "2022-06-10")]
    year_end = datetime.fromisoformat("2021-12-31T16:45:00-05:00")
    table = ("How major U.S. stock indexes fared Friday, 12/31/2021:\n"
             "The Dow fell 59.78 points, or 0.2%, to 36,338.30.\n"
             "For the year:\n"
             "The Dow is up 5,731.82 points, or 18.7%.\n")
    assert periods(claims_in(nlp, table, year_end)) == [("^DJI", "day", "2021-12-31"), ("^DJI", "year", "2021-12-31")]


def of_kind(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


def test_streaks_told_as_runs_and_counted_declines(nlp) -> None:  # noqa: ANN001
    day = datetime.fromisoformat("2023-08-02T17:00:00-04:00")
    [run] = of_kind(claims_in(nlp, "The Nasdaq dropped 2.2% on Wednesday, ending a five-session run of gains.", day),
                    "streak")
    assert (run.instrument.symbol, run.length, run.direction, run.what) == ("^IXIC", 5, "up", "ended_streak")
    [count] = of_kind(claims_in(nlp, "The Dow lost 0.98%, for a fourth straight decline.", day), "streak")
    assert (count.instrument.symbol, count.length, count.direction) == ("^DJI", 4, "down")
    # control: a run of days without a streak word is no streak
    assert of_kind(claims_in(nlp, "The Dow lost 0.98% after five sessions of trading.", day), "streak") == []


def test_best_and_worst_years_and_quarters(nlp) -> None:  # noqa: ANN001
    year_end = datetime.fromisoformat("2019-12-31T17:00:00-05:00")
    [best] = of_kind(claims_in(nlp, "The S&P 500 rose 28.9% in 2019, its best year since 2013.", year_end),
                     "comparison")
    assert (best.instrument.symbol, best.relation, best.unit, best.period) == ("^GSPC", "best_since", "year", "year")
    quarter_end = datetime.fromisoformat("2020-03-31T17:00:00-04:00")
    [worst] = of_kind(claims_in(nlp, "The Dow ended the first quarter down 23.2%, its worst quarter since 1987.",
                                quarter_end), "comparison")
    assert (worst.relation, worst.unit, worst.period) == ("worst_since", "quarter", "other")
    # control: "the best sector in 2019" names no span of the index's own
    assert of_kind(claims_in(nlp, "The S&P 500 rose 0.3% as technology was the best sector in a rally.", year_end),
                   "comparison") == []


def test_record_levels_after_the_phrase_and_near_records(nlp) -> None:  # noqa: ANN001
    day = datetime.fromisoformat("2021-11-08T17:00:00-05:00")
    [close] = of_kind(claims_in(nlp, "The S&P 500 closed at a record 4,701.70 on Monday.", day), "record")
    assert (close.instrument.symbol, close.what, close.level) == ("^GSPC", "record_close_high", 4701.70)
    [intraday] = of_kind(claims_in(nlp, "Tesla fell 4.8% to $1,162.94 and earlier reached a record $1,243.49.",
                                   day), "record")
    assert (intraday.what, intraday.level, intraday.period) == ("record_intraday_high", 1243.49, "intraday")
    near = claims_in(nlp, "The Dow slipped 0.1% to 36,432.22 after nearly matching its all-time high in early trading.",
                     day)
    assert of_kind(near, "record") == [] and [c.instrument.symbol for c in of_kind(near, "index_move")] == ["^DJI"]


def test_bullet_items_with_approximate_figures(nlp) -> None:  # noqa: ANN001
    midday = datetime.fromisoformat("2025-08-26T13:10:00-04:00")
    found = claims_in(nlp, "* Dow off ~0.5%, S&P 500 off ~0.2%, Nasdaq edges up", midday)
    assert [(c.instrument.symbol, c.direction, c.change_pct) for c in found] == \
        [("^DJI", "down", 0.5), ("^GSPC", "down", 0.2), ("^IXIC", "up", None)]
    # control: the same items with plain figures
    found = claims_in(nlp, "* Dow off 0.5%, S&P 500 off 0.2%", midday)
    assert [(c.instrument.symbol, c.change_pct) for c in found] == [("^DJI", 0.5), ("^GSPC", 0.2)]


def test_markdown_escaped_bullets(nlp) -> None:  # noqa: ANN001
    midday = datetime.fromisoformat("2025-08-26T13:10:00-04:00")
    for text in (r"\*\* Shares of Intel rose 6% to $24.80", "* Shares of Intel rose 6% to $24.80"):
        found = claims_in(nlp, text, midday)
        assert [(c.instrument.symbol, c.direction, c.change_pct, c.level) for c in found] == \
            [("INTC", "up", 6.0, 24.80)], text
