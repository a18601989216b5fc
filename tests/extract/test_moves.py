"""Extraction on sentences we wrote, through the real spaCy pipeline."""

from __future__ import annotations

from datetime import datetime

import pytest

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

AFTER_CLOSE = datetime.fromisoformat("2025-08-26T20:00:00-04:00")  # a Tuesday evening
MIDDAY = datetime.fromisoformat("2025-08-26T12:30:00-04:00")


def claims_in(nlp, text: str, published: datetime = AFTER_CLOSE) -> list[Claim]:  # noqa: ANN001
    return extract_claims([Article(id="t", text=text, published=published)], nlp)


def moves(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.kind in ("index_move", "stock_move")]


def test_points_percent_and_level(nlp) -> None:  # noqa: ANN001
    text = "The Dow Jones industrial average fell 508 points, or 22.6 percent, on Monday to 1,738.74."
    [c] = moves(claims_in(nlp, text, datetime.fromisoformat("1987-10-19T18:00:00-04:00")))
    assert (c.instrument.symbol, c.direction, c.change_points, c.change_pct, c.level) == \
        ("^DJI", "down", 508, 22.6, 1738.74)
    assert c.session == "1987-10-19" and c.period == "day" and c.modality == "reported"
    assert c.stated == {"change_points": "508", "change_pct": "22.6", "level": "1,738.74"}


def test_two_claims_in_one_sentence_kept_apart(nlp) -> None:  # noqa: ANN001
    found = moves(claims_in(nlp, "On Monday the Dow fell 0.5% and the Nasdaq rose 0.2%."))
    assert [(c.instrument.symbol, c.direction, c.change_pct) for c in found] == \
        [("^DJI", "down", 0.5), ("^IXIC", "up", 0.2)]
    assert all(c.session == "2025-08-25" for c in found)


def test_shares_of_a_company(nlp) -> None:  # noqa: ANN001
    [c] = moves(claims_in(nlp, "Shares of Boeing fell 2.3 percent to $150.10."))
    assert (c.kind, c.instrument.symbol, c.direction, c.change_pct, c.level) == \
        ("stock_move", "BA", "down", 2.3, 150.10)


def test_the_index_refers_back(nlp) -> None:  # noqa: ANN001
    text = "The S&P 500 had a volatile session. The index edged higher by 0.1 percent."
    [c] = moves(claims_in(nlp, text))
    assert c.instrument.symbol == "^GSPC" and c.direction == "up" and c.change_pct == 0.1


def test_periods(nlp) -> None:  # noqa: ANN001
    [week] = moves(claims_in(nlp, "For the week the S&P 500 climbed by 2.1%."))
    assert week.period == "week"
    [ytd] = moves(claims_in(nlp, "The Nasdaq is up 14% this year."))
    assert ytd.period == "ytd" and ytd.direction == "up"
    [midday] = moves(claims_in(nlp, "At midday the S&P 500 stood 1.2% higher.", MIDDAY))
    assert midday.period == "intraday"


def test_weekday_anchors_to_the_latest_such_day(nlp) -> None:  # noqa: ANN001
    [c] = moves(claims_in(nlp, "The Russell 2000 jumped 2% on Friday."))
    assert c.session == "2025-08-22"


@pytest.mark.parametrize("text", [
    "Small caps could rally hard if rates fall.",
    "Small caps are cheap compared to large caps.",
    "Boeing's profit rose 5 percent in the quarter.",
    "Dow futures rose 0.3% ahead of the open.",
    "He added that the Nasdaq looked stretched.",
])
def test_no_move_claim(nlp, text: str) -> None:  # noqa: ANN001
    assert [c for c in moves(claims_in(nlp, text)) if c.modality == "reported"] == []


def test_hypothetical_move_is_marked(nlp) -> None:  # noqa: ANN001
    for c in moves(claims_in(nlp, "The Russell 2000 could rise 10% if the Fed cuts.")):
        assert c.modality == "hypothetical"


def test_records_and_streaks(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "The Dow rose 0.5% and closed at a record high, its third straight session of gains.")
    kinds = {c.kind: c for c in found}
    assert kinds["record"].what == "record_close_high" and kinds["record"].instrument.symbol == "^DJI"
    assert (kinds["streak"].length, kinds["streak"].direction, kinds["streak"].unit) == (3, "up", "day")


def test_comparison_with_the_broad_market(nlp) -> None:  # noqa: ANN001
    found = [c for c in claims_in(nlp, "Boeing rose 3%, outpacing the broader market.") if c.kind == "comparison"]
    assert len(found) == 1
    assert found[0].instrument.symbol == "BA" and [b.symbol for b in found[0].benchmarks] == ["^GSPC"]


def test_rate_policy(nlp) -> None:  # noqa: ANN001
    published = datetime.fromisoformat("2025-09-17T18:00:00-04:00")
    [c] = [c for c in claims_in(nlp, "On Wednesday the Federal Reserve trimmed interest rates by a quarter point.",
                                published) if c.kind == "rate_policy"]
    assert (c.bank, c.action, c.bp, c.modality, c.session) == ("Fed", "cut", 25, "reported", "2025-09-17")
    [e] = [c for c in claims_in(nlp, "Traders expect the ECB to raise rates by 50 basis points next month.",
                                published) if c.kind == "rate_policy"]
    assert (e.bank, e.action, e.bp, e.modality) == ("ECB", "hike", 50, "expected")
    assert (e.horizon.start, e.horizon.end) == ("2025-10-01", "2025-10-31")


def test_list_items_and_absolute_clauses(nlp) -> None:  # noqa: ANN001
    found = moves(claims_in(nlp, "* S&P500 +0.03%, Nasdaq Composite -0.36%, Dow Jones +0.28%"))
    assert [(c.instrument.symbol, c.direction, c.change_pct) for c in found] == \
        [("^GSPC", "up", 0.03), ("^IXIC", "down", 0.36), ("^DJI", "up", 0.28)]
    found = moves(claims_in(nlp, "Stocks gained, with Dow industrials up 0.81 percent and the wider S&P 500 up "
                                 "5.30 percent."))
    assert {(c.instrument.symbol, c.change_pct) for c in found} == {("^DJI", 0.81), ("^GSPC", 5.3)}


def test_move_stated_on_a_noun(nlp) -> None:  # noqa: ANN001
    [c] = moves(claims_in(nlp, "The S&P 500 index started February with a weekly decline of 0.2%."))
    assert (c.instrument.symbol, c.direction, c.change_pct, c.period) == ("^GSPC", "down", 0.2, "week")
    assert moves(claims_in(nlp, "Boeing reported a 5% gain in profit.")) == []


@pytest.mark.parametrize("text", [
    "The S&P financial index gained 1.67 percent.",
    "A Dow Jones home construction index .DJUSHB surged by 8.3 percent.",
    "An S&P index tracking financial shares .GSPF shed 1.2 percent.",
    "Shares of oil producer Hess Corp ( HES.N ) rose 5.3 percent.",
])
def test_sub_indices_and_modifiers_are_not_the_index(nlp, text: str) -> None:  # noqa: ANN001
    assert all(c.instrument.symbol not in ("^GSPC", "^DJI", "DCOILWTICO") for c in moves(claims_in(nlp, text)))


def test_comparison_without_a_move_verb(nlp) -> None:  # noqa: ANN001
    [c] = [c for c in claims_in(nlp, "Small caps outperformed on Monday, with the Russell 2000 beating both the "
                                     "S&P 500 benchmark and the Nasdaq.") if c.kind == "comparison"]
    assert c.instrument.symbol == "^RUT" and [b.symbol for b in c.benchmarks] == ["^GSPC", "^IXIC"]


def test_streak_in_a_row_and_month_period(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "The Nasdaq fell 1%. The tech-heavy index has now risen for three weeks in a row.")
    [streak] = [c for c in found if c.kind == "streak"]
    assert (streak.instrument.symbol, streak.length, streak.unit) == ("^IXIC", 3, "week")
    [month] = moves(claims_in(nlp, "The Nasdaq ended January with a gain of 2 percent.",
                              datetime.fromisoformat("2007-01-31T17:00:00-05:00")))
    assert month.period == "month" and month.change_pct == 2


def test_since_a_low_in_a_month(nlp) -> None:  # noqa: ANN001
    [c] = moves(claims_in(nlp, "The benchmark S&P 500 has rallied about 56 percent since hitting its 12-year lows "
                               "early in March.",
                          datetime.fromisoformat("2009-10-06T17:00:00-04:00")))
    assert (c.period, c.period_start, c.qualifier) == ("other", "2009-03-01", "about")
