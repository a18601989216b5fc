"""Verdicts for index and stock moves, comparisons, records and streaks, from daily closes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

import pandas as pd

from analyzer.check import extremes, extremes_readings
from analyzer.check.figures import (
    APPROXIMATE,
    AT_LEAST,
    AT_MOST,
    BELOW,
    CENT,
    direction_agrees,
    figure_agrees,
    flat_tolerance,
    has_figure,
)
from analyzer.check.intensity import judge_intensity
from analyzer.check.readings import (
    SPAN_BASE_NOTE,
    TRAILING_RE,
    Reading,
    alternative_readings,
    describe,
    figure_start,
    named_end,
    other_time_readings,
    readings_tried,
    severity_of,
    snapshot_in_session,
    words_fix_reading,
)
from analyzer.check.since_event import literal_since_event, named_days_own_figure
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.numbers import WORD_NUMBERS, number_words
from analyzer.extract.timeref import MONTHS_ALT, period_words
from analyzer.market import calendar, measures
from analyzer.market.data import MarketData
from analyzer.market.measures import Change
from analyzer.records import Claim, Evidence, Verdict

SPOT_RE = re.compile(r"\bspot\b", re.I)
# figures a wire marks as preliminary ("unofficially", "based on the latest available data")
PRELIMINARY_RE = re.compile(r"\b(unofficial(?:ly)?|preliminary|latest available data)\b", re.I)
PRELIMINARY_SHARE = 0.0005
WEEKDAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DIAGNOSIS_REACH = 5  # sessions either side searched for the day a contradicted move did happen


def day_name(day: date) -> str:
    return f"{WEEKDAY[day.weekday()]} {day.isoformat()}"


def signed(value: float, decimals: int = 2) -> str:
    return f"{value:+,.{decimals}f}"


@dataclass(frozen=True)
class Target:
    """Which data a claim is checked against: the instrument itself or its declared proxy."""

    symbol: str
    data_symbol: str
    name: str
    proxy_note: str | None
    kind: str


def target_for(claim_symbol: str, market: MarketData) -> Target:
    info = market.registry.get(claim_symbol)
    return Target(info.symbol, info.data_symbol, info.name, info.proxy_note if info.proxy else None, info.kind)


def change_for(market: MarketData, target: Target, session: date, period: str,
               period_start: date | None = None) -> Change:
    if period in ("day", "intraday"):
        return measures.session_change(market, target.data_symbol, session)
    if period == "other" and period_start is not None:
        return measures.period_change(market, target.data_symbol, period_start, session)
    return measures.change_for_period(market, target.data_symbol, session, period)


def evidence_of(change: Change, target: Target, **extra: object) -> Evidence:
    figures = {
        "prev_session": change.start_session.isoformat(), "prev_close": round(change.start_value, 4),
        "close": round(change.end_value, 4), "change_pct": round(change.change_pct, 4),
        "change_points": round(change.change_points, 4),
    }
    if change.notes:
        figures["notes"] = list(change.notes)
    figures.update(extra)
    return Evidence(symbol=change.symbol, series=change.series, source=change.source,
                    session=change.end_session.isoformat(), figures=figures,
                    proxy_for=target.symbol if target.data_symbol != target.symbol else None)


# the data's closes and a writer's may come from different vendors: a previous close that differs by less
# than this share while the stated close matches is a vendor difference, not the writer's error
VENDOR_PREV_CLOSE_TOLERANCE = 0.0005
ADJUSTED_PCT_SLACK = 0.05
INDEX_VENDOR_SHARE = 0.000025
# a stock's quoted price this far from the data's close means the data is split-adjusted since
SPLIT_ADJUSTED_RATIO = 0.25


# "almost flat", "little changed", "nearly unchanged": a writer's word for a small move, not for none
NEARLY_FLAT_RE = re.compile(r"\b(" + lexicon.alternation(lexicon.words("moves", "nearly_flat_adverbs")) + r")\s+"
                            r"(flat|unchanged|changed|steady)\b", re.I)


def mismatches(claim: Claim, change: Change, series: str) -> tuple[list[str], list[str]]:
    """(what disagrees, what agrees) between the claim's figures and a measured change."""
    bad: list[str] = []
    good: list[str] = []
    price_comparable = prices_comparable(claim, change, series, good)
    direction_ok = bool(claim.direction) and _direction_holds(claim, change, series, good)
    # a small fall in the traded price is a rise in adjusted closes once a year's dividends are added back: the
    # percentage's price-return reading says so
    if claim.direction and not direction_ok and not (series == "adj_close" and _price_return_below(claim, change)):
        bad.append(f"direction {claim.direction} but it moved {signed(change.change_pct)}%")
    elif direction_ok:
        good.append(f"direction {claim.direction}")
    level_ok = None
    # index vendors differ by a few hundredths on the same close (Russell 2000 844.86 vs 844.88)
    vendor_slack = max(CENT, INDEX_VENDOR_SHARE * change.end_value) if claim.kind == "index_move" else CENT
    if claim.level is not None and price_comparable:
        level_ok = figure_agrees(claim.level, claim.stated.get("level"), change.end_value, None,
                                 slack=vendor_slack).ok
        (good if level_ok else bad).append(f"stated level {claim.level:,g} vs close {change.end_value:,.2f}")
    vendor = level_ok and _vendor_previous_close(claim, change)
    if vendor:
        good.append(vendor)
    if claim.change_pct is not None and not vendor:
        ok = _percent_agrees(claim, change, series, good)
        (good if ok else bad).append(f"stated {_q(claim)}{claim.change_pct:g}% vs actual {signed(change.change_pct)}%")
    if claim.change_points is not None and not vendor and price_comparable:
        ok = figure_agrees(claim.change_points, claim.stated.get("change_points"), change.change_points,
                           qualifier_of(claim, "change_points"),
                           slack=max(vendor_slack, _round_figure_slack(claim.stated.get("change_points")))).ok
        (good if ok else bad).append(f"stated {_q(claim)}{claim.change_points:g} points vs actual "
                                     f"{signed(change.change_points)}")
    return bad, good


def _direction_holds(claim: Claim, change: Change, series: str, good: list[str]) -> bool:
    """The claim's direction in the change; 'flat' over a span of sessions with a tolerance that grows with it, and
    on dividend-adjusted closes over months also as the price return a stock's ordinary dividends leave below them
    ('essentially flat in 2007' for +2.7% in adjusted closes, about -0.4% as traded)."""
    assert claim.direction is not None
    loose = bool(NEARLY_FLAT_RE.search(claim.sentence))
    # only a span the claim's own words name widens 'flat': 'steady on Thursday' read over the year stays a day's
    own_span = (claim.period or "day") not in ("day", "intraday")
    sessions = calendar.session_count(change.start_session, change.end_session) - 1 \
        if own_span and change.end_session > change.start_session else 1
    if direction_agrees(claim.direction, change.change_pct, loose=loose, sessions=sessions):
        return True
    days = (change.end_session - change.start_session).days
    if claim.direction != "flat" or series != "adj_close" or days < LONG_PERIOD_DAYS or not own_span:
        return False
    # the price return lies between the adjusted change less the dividends of the period and the adjusted change
    room = TYPICAL_DIVIDEND_YIELD * days / 365.25 * 100 * abs(change.end_value / change.start_value)
    tolerance = flat_tolerance(loose, sessions)
    if not change.change_pct - room <= tolerance or change.change_pct < -tolerance:
        return False
    good.append(f"flat as traded: the adjusted closes' {signed(change.change_pct)}% less an ordinary stock's "
                "dividends of the period")
    return True


def _percent_agrees(claim: Claim, change: Change, series: str, good: list[str]) -> bool:
    """Whether the claim's percentage holds for the change, at its precision or as a price return below
    dividend-adjusted closes or a round figure over months (those readings are added to ``good``)."""
    assert claim.change_pct is not None
    # adjusted closes differ from the traded prices a writer divided: allow half a tenth of a point
    slack = max(ADJUSTED_PCT_SLACK if series == "adj_close" else 0.0, _rounding_slack(change, series))
    if figure_agrees(claim.change_pct, claim.stated.get("change_pct"), change.change_pct,
                     qualifier_of(claim, "change_pct"), slack=slack).ok or _smallest_unit(claim, change.change_pct):
        return True
    if series == "adj_close" and _price_return_below(claim, change, DIVIDEND_YIELD_CAP):
        sign = "-" if claim.direction == "down" else "+"
        reading = (f"a price return of {_q(claim)}{sign}{claim.change_pct:g}% sits below the adjusted closes' "
                   f"{signed(change.change_pct)}%")
        if _price_return_below(claim, change, TYPICAL_DIVIDEND_YIELD):
            good.append(f"{reading} by no more than an ordinary stock's dividends of the period")
        else:
            good.append(f"{UNSETTLED_NOTE} {reading} by more than an ordinary stock's dividends of the period: it "
                        "holds only for a high-yield stock, and the data holds no dividends to tell")
        return True
    if _round_figure_over_months(claim, change):
        good.append(f"a round {claim.change_pct:g}% over {change.start_session.isoformat()}.."
                    f"{change.end_session.isoformat()} is read as rounded to the nearest {ROUND_STEP:g}")
        return True
    return False


def qualifier_of(claim: Claim, key: str) -> str | None:
    """The qualifier of this one figure: in 'lost more than 1,400 points, or nearly 13 percent' 'nearly' is the
    percentage's word; in 'closed down nearly 146 points, or 1.1 percent' the 1.1 is read as written."""
    if not claim.qualifier:
        return None
    own = {k: _qualifier_before(claim, k) for k in ("change_pct", "change_points", "level") if claim.stated.get(k)}
    if own.get(key) is None and not any(own.values()):
        return claim.qualifier  # no figure shows its own word (or none is found): the claim's word stands
    return own.get(key) or None


QUALIFIER_WORDS = sorted(APPROXIMATE | BELOW | AT_LEAST | AT_MOST, key=len, reverse=True)


# the unit that follows a figure of this kind as written: 'more than 3 months ... about 3 percent' has two 3s
UNIT_AFTER_FIGURE = {"change_pct": re.compile(r"\s*(?:%|percent\b|per cent\b|pct\b)", re.I),
                     "change_points": re.compile(r"\s*points?\b", re.I)}


def _own_figure_start(claim: Claim, key: str) -> int:
    """Where this figure stands in the sentence: the first time it is written with its unit, else the first time it
    is written at all (-1 if nowhere)."""
    text = claim.stated[key]
    first = figure_start(claim.sentence, text, claim.span_start or 0)
    unit = UNIT_AFTER_FIGURE.get(key)
    at = first
    while unit is not None and at >= 0:
        if unit.match(claim.sentence, at + len(text)):
            return at
        at = figure_start(claim.sentence, text, at + 1)
    return first


def _qualifier_before(claim: Claim, key: str) -> str | None:
    """The qualifier standing right before this figure in the sentence ('' when none does, None when the figure
    is not found)."""
    at = _own_figure_start(claim, key)
    if at < 0:
        return None
    before = claim.sentence[max(0, at - 20):at].lower().rstrip(" $")
    return next((word for word in QUALIFIER_WORDS if before.endswith(word)), "")


# "knocked the Dow down 200 points" for 205.99: a figure in whole hundreds is a round one
ROUND_FIGURE_SHARE = 0.05


def _round_figure_slack(text: str | None) -> float:
    """The slack a round figure ('200 points', '1,000 points') allows: 5% of it."""
    digits = (text or "").replace(",", "")
    if not digits.isdigit() or not digits.endswith("00"):
        return 0.0
    return ROUND_FIGURE_SHARE * int(digits)


# "up 60 percent from its March low" for +61.4%: over months, round figures are rounded to the nearest 5
ROUND_STEP = 5.0
LONG_PERIOD_DAYS = 28
# a stock quoted by a wire a little before the final close: how far its percent may sit from the close-to-close
# move when the data has no traded price or intraday range to tell the two apart (percentage points, share)
NEAR_CLOSE_POINTS = 0.3
NEAR_CLOSE_SHARE = 0.1


# adjusted closes add back dividends: a writer's price return over months sits below them by up to the yield;
# the data holds no dividends, so the cap is what a high-yield S&P 500 stock pays (Pfizer paid about 4.5% of its
# price in 2007, telecoms and tobacco 6-8%). A gap within an ordinary yield (the S&P 500's has been 1-3% since
# 1995) is the likely reading; a wider one fits only a high yield the data cannot confirm, so it settles nothing
DIVIDEND_YIELD_CAP = 0.08  # a year's dividends as a share of the price, at most
TYPICAL_DIVIDEND_YIELD = 0.03
# a reading that fits only under an assumption the data cannot check: the claim is neither supported nor refuted
UNSETTLED_NOTE = "unsettled:"


def _price_return_below(claim: Claim, change: Change, yield_share: float = DIVIDEND_YIELD_CAP) -> bool:
    """'GE shares have lost 57 percent this year' against -55.48% in dividend-adjusted closes: whether the
    price return sits below the adjusted closes' change by no more than dividends of this yield explain."""
    days = (change.end_session - change.start_session).days
    if claim.change_pct is None or claim.direction not in ("up", "down") or days < LONG_PERIOD_DAYS:
        return False
    stated = claim.change_pct if claim.direction == "up" else -claim.change_pct
    room = yield_share * days / 365.25 * 100 * abs(change.end_value / change.start_value)
    return change.change_pct - room <= stated <= change.change_pct


def _round_figure_over_months(claim: Claim, change: Change) -> bool:
    text = (claim.stated.get("change_pct") or "").replace(",", "")
    if claim.change_pct is None or not text.isdigit() or claim.change_pct < 10 or claim.change_pct % ROUND_STEP:
        return False
    if (change.end_session - change.start_session).days < LONG_PERIOD_DAYS or claim.qualifier in ("more than", "over"):
        return False
    same_way = claim.direction not in ("up", "down") or (change.change_pct > 0) == (claim.direction == "up")
    return same_way and abs(abs(change.change_pct) - claim.change_pct) <= ROUND_STEP / 2


def near_close_stock(claim: Claim, change: Change, bad: list[str]) -> str | None:
    """'GE shot up 3.4 percent to $37.45' against +3.18% in adjusted closes: the quoted price cannot be
    compared, and the data has no range to place a late-session price in, so a small gap is no evidence."""
    if claim.kind != "stock_move" or claim.change_pct is None or len(bad) != 1 or not bad[0].startswith("stated"):
        return None
    gap = abs(abs(change.change_pct) - claim.change_pct)
    if gap > max(NEAR_CLOSE_POINTS, NEAR_CLOSE_SHARE * claim.change_pct):
        return None
    return (f"the stated {claim.change_pct:g}% is {gap:.2f} points from the close-to-close move; a wire's stock "
            "figure is often the price shortly before the final close, and the data has no traded prices or "
            "intraday range for this stock to tell that from an error")


def _rounding_slack(change: Change, series: str) -> float:
    """Percentage points the data's own rounding leaves open: closes kept to the cent carry half a cent each,
    which at a split-adjusted 2009 Apple close of 6.72 is +-0.15 points of a day's change."""
    half_unit = 0.00005 if series == "adj_close" else 0.005
    if not change.start_value or not change.end_value:
        return 0.0
    return half_unit * (1 / abs(change.start_value) + 1 / abs(change.end_value)) * 100 * \
        abs(change.end_value / change.start_value)


def prices_comparable(claim: Claim, change: Change, series: str, notes: list[str]) -> bool:
    """Can stated prices (levels, dollar changes) be compared with this series at all?"""
    if claim.level is None and claim.change_points is None:
        return True
    if series == "adj_close" and claim.kind == "stock_move":
        notes.append("price and dollar change not checked: only adjusted closes exist here, and they are not "
                     "traded prices")
        return False
    if claim.kind == "stock_move" and claim.level and change.end_value and \
            abs(claim.level / change.end_value - 1) > SPLIT_ADJUSTED_RATIO:
        notes.append(f"price not checked: the data's close ({change.end_value:,.2f}) is split-adjusted, the quoted "
                     f"price ({claim.level:,g}) is not")
        return False
    implied = _price_implied_by_change(claim)
    if claim.kind == "stock_move" and implied and change.start_value and \
            abs(implied / change.start_value - 1) > SPLIT_ADJUSTED_RATIO:
        # 'Apple, up 3.8 percent, or $3.30': the dollar change and the percentage put the previous price near $87,
        # the data's split-adjusted close is 3.07
        notes.append(f"dollar change not checked: it and the percentage imply a previous price near {implied:,.2f}, "
                     f"the data's close ({change.start_value:,.2f}) is split-adjusted")
        return False
    return True


def _price_implied_by_change(claim: Claim) -> float | None:
    """The previous price a stated dollar change and percentage imply together (None without both)."""
    if claim.change_points is None or not claim.change_pct or claim.level is not None:
        return None
    return claim.change_points / (claim.change_pct / 100)


def _vendor_previous_close(claim: Claim, change: Change) -> str | None:
    """When the close matches and the stated points and percent imply one previous close that differs from
    the data's by a hair, the difference lies in the previous close the vendors recorded."""
    if claim.change_points is None or claim.level is None or claim.direction not in ("up", "down"):
        return None
    sign = 1 if claim.direction == "up" else -1
    implied = claim.level - sign * claim.change_points
    if implied <= 0 or abs(implied / change.start_value - 1) > VENDOR_PREV_CLOSE_TOLERANCE:
        return None
    if abs(implied - change.start_value) < CENT / 2:
        return None  # the same previous close: no vendor difference to speak of, the figures speak for themselves
    if claim.change_pct is not None:
        implied_pct = abs(claim.change_points / implied * 100)
        if not figure_agrees(claim.change_pct, claim.stated.get("change_pct"), implied_pct, claim.qualifier).ok:
            return None
    return (f"the stated change implies a previous close of {implied:,.2f} where the data has "
            f"{change.start_value:,.2f} ({change.source}): a difference between data vendors")


def _smallest_unit(claim: Claim, actual: float) -> bool:
    """'up 0.01 percent' for a gain too small to show at two decimals: writers print the smallest unit."""
    text = claim.stated.get("change_pct") or ""
    if "." not in text or claim.change_pct is None:
        return False
    unit = 10 ** -len(text.split(".", 1)[1])
    return abs(claim.change_pct - unit) < 1e-9 and 0 < abs(actual) < unit


# "since June", "from a record high on October 16", "off its post-March peak reached on October 19": the words
# that name a move's base, up to the clause's end ("since June, hitting a near-two-year high": the high is today's)
# or to the end of the move ("from its low in early March to a peak on May 8")
BASE_WORDS_RE = re.compile(r"\b(?:since|from|off)\b(?:(?!\bto\b)[^,;.])*", re.I)


def base_words(claim: Claim) -> str:
    """The words naming the base of a move over a period: its time words, else the claim's 'since'/'from' phrase."""
    if claim.time_text:
        return claim.time_text
    m = BASE_WORDS_RE.search(claim.sentence, claim.span_start or 0) or BASE_WORDS_RE.search(claim.sentence)
    return m.group(0) if m else ""


EXTREME_WORD_RE = re.compile(r"\b(low|lows|bottom|trough|high|highs|peak)\b", re.I)


def _extreme_in_window(market: MarketData, target: Target, start: date, session: date, claim: Claim) -> date:
    """'up 56% since hitting 12-year lows in early March': measure from the lowest close of that time.

    The window ends before the session at the latest: "off 2.9 percent from its peak reached on October 19" in an
    October 29 story names a peak already past, and a window running to the year's end would reach closes after
    the story (and a base after the session it is measured to)."""
    words = base_words(claim)
    end = min(_granule_end(start, words), session - timedelta(days=1))
    if end <= start:
        return start
    series, _ = market.price_series(target.data_symbol, "price", start=start, end=end)
    window = series[(series.index.date >= start) & (series.index.date <= end)]
    if window.empty:
        return start
    low = re.search(r"\b(low|lows|bottom|trough)\b", words, re.I)
    return (window.idxmin() if low else window.idxmax()).date()


def _from_the_windows_intraday_extreme(claim: Claim, market: MarketData, target: Target, start: date,
                                       session: date, measured: tuple[list[str], list[str], Change]
                                       ) -> tuple[list[str], list[str], Change]:
    """'up nearly 18 percent since tumbling to an 11-year low in late November': the low a writer measures from
    may be the session's low, not its close; the lowest low (or highest high) of the window is the other base."""
    bad, good, change = measured
    words = base_words(claim)
    side = "low" if re.search(r"\b(low|lows|bottom|trough)\b", words, re.I) else "high"
    end = min(_granule_end(start, words), session - timedelta(days=1))
    try:
        bars = market.bars(target.data_symbol)
    except MarketDataError:
        return measured
    if side not in bars:
        return measured
    window = bars[side][(bars.index >= str(start)) & (bars.index <= str(end))].dropna()
    if window.empty:
        return measured
    day = (window.idxmin() if side == "low" else window.idxmax()).date()
    try:
        other = measures.change_from_session_extreme(market, target.data_symbol, day, session, side)
    except (MarketDataError, ValueError, KeyError):
        return measured
    if mismatches(claim, other, other.series)[0]:
        return measured
    return [], good + [f"measured from the session's {side} of {day.isoformat()} ({other.start_value:,.2f}), the "
                       "extreme the writer names"], other


def _to_the_end_the_words_name(claim: Claim, market: MarketData, target: Target, start: date, session: date,
                               measured: tuple[list[str], list[str], Change]) -> tuple[list[str], list[str], Change]:
    """'rallied 37.4 percent from its closing low in early March to a peak on May 8', 'rallied as much as 40
    percent from its March low': the move ends on the day the words name or at its furthest, not on the session of
    the story."""
    end = named_end(claim.sentence, session) or _peak_of_as_much_as(claim, market, target, start, session)
    if end is None or end <= start:
        return measured
    try:
        other = measures.period_change(market, target.data_symbol, start, end)
    except (MarketDataError, ValueError, KeyError, IndexError):
        return measured
    bad, good = mismatches(claim, other, other.series)
    if bad:
        return measured
    return [], good + [f"measured to {end.isoformat()}, where the words end the move"], other


AS_MUCH_AS_RE = re.compile(r"\bas (?:much|high|far) as\b", re.I)


def _peak_of_as_much_as(claim: Claim, market: MarketData, target: Target, start: date, session: date) -> date | None:
    """'rallied as much as nearly 40 percent from its March low': the move at its furthest, on the highest close
    since the base (the lowest for a fall)."""
    figure = next((claim.stated[k] for k in ("change_pct", "change_points") if claim.stated.get(k)), None)
    at = figure_start(claim.sentence, figure, claim.span_start or 0) if figure else -1
    if at < 0 or not AS_MUCH_AS_RE.search(claim.sentence[max(0, at - 30):at]) or claim.direction not in ("up", "down"):
        return None
    series, _ = market.price_series(target.data_symbol, "price", start=start + timedelta(days=1), end=session)
    window = series[(series.index.date > start) & (series.index.date <= session)]
    if window.empty:
        return None
    return (window.idxmax() if claim.direction == "up" else window.idxmin()).date()


def _preliminary(claim: Claim, change: Change, bad: list[str], good: list[str]) -> tuple[list[str], list[str]]:
    """Figures the wire called unofficial may differ from the final close by a hair."""
    sign = 1 if change.change_points >= 0 else -1
    close_ok = claim.level is None or abs(claim.level - change.end_value) <= PRELIMINARY_SHARE * change.end_value
    points_ok = claim.change_points is None or \
        abs(claim.change_points - sign * change.change_points) <= PRELIMINARY_SHARE * change.end_value
    pct_ok = claim.change_pct is None or abs(claim.change_pct - abs(change.change_pct)) <= 0.05
    direction_ok = not any(b.startswith("direction") for b in bad)
    if close_ok and points_ok and pct_ok and direction_ok:
        return [], good + ["the wire marked these figures as preliminary; they are within "
                           f"{PRELIMINARY_SHARE:.2%} of the final close"]
    return bad, good


# a wire's first print of the close, minutes after the bell, may differ from the final close by a hair
FIRST_PRINT_SHARE = 0.0001


def _first_print_of_the_close(claim: Claim, change: Change, bad: list[str],
                              good: list[str]) -> tuple[list[str], list[str]]:
    """'fell 244.68 points to 8,770.42' where the final close is 8,769.70 (-245.40): the stated change runs
    from the data's own previous close to the cent, and the stated close is within a hundredth of a percent
    of the final one: the wire printed the close before the last ticks came in."""
    if claim.level is None or claim.change_points is None or claim.direction not in ("up", "down"):
        return bad, good
    sign = 1 if claim.direction == "up" else -1
    implied_prev = claim.level - sign * claim.change_points
    if abs(implied_prev - change.start_value) >= CENT or \
            abs(claim.level - change.end_value) > FIRST_PRINT_SHARE * change.end_value:
        return bad, good
    if claim.change_pct is not None and not figure_agrees(claim.change_pct, claim.stated.get("change_pct"),
                                                          claim.change_points / implied_prev * 100,
                                                          claim.qualifier).ok:
        return bad, good
    return [], good + [f"the stated {claim.level:,.2f} runs from the previous close {change.start_value:,.2f} to the "
                       f"cent and is within {FIRST_PRINT_SHARE:.2%} of the final close {change.end_value:,.2f}: a "
                       "first print of the close"]


def _level_at_session_extreme(claim: Claim, market: MarketData, target: Target, session: date, bad: list[str],
                              good: list[str]) -> tuple[list[str], list[str]]:
    """'climbed to 2,784.93, its highest since 2001': a level the index reached during the session."""
    try:
        rng = measures.session_range(market, target.data_symbol, session)
        prev = measures.session_change(market, target.data_symbol, session).start_value
    except MarketDataError:
        return bad, good
    for name in ("high", "low"):
        if name not in rng or abs(rng[name] - claim.level) > CENT + 1e-9:
            continue
        # "surged 20.4 percent to an all-time high at 76.94, before closing at 69.95": the figures run from the
        # previous close to the session's extreme
        rest = [b for b in bad if not b.startswith("stated level")]
        to_extreme = (rng[name] / prev - 1) * 100 if prev else None
        if rest and (to_extreme is None or claim.change_pct is None or any(not b.startswith("stated") for b in rest)
                     or not figure_agrees(claim.change_pct, claim.stated.get("change_pct"), to_extreme,
                                          claim.qualifier).ok):
            return bad, good
        return [], good + [f"the stated level is the session's {name} ({rng[name]:,.2f}), not its close"]
    return bad, good


def _q(claim: Claim) -> str:
    return f"{claim.qualifier} " if claim.qualifier else ""


def check_move(claim: Claim, market: MarketData, session: date) -> Verdict:
    assert claim.instrument is not None and claim.instrument.symbol is not None
    target = target_for(claim.instrument.symbol, market)
    period = claim.period or "day"
    not_a_price_move = _not_a_price_move(claim, target)
    if not_a_price_move is not None:
        return not_a_price_move
    if period == "intraday":
        return _check_intraday_move(claim, market, target, session)
    start = date.fromisoformat(claim.period_start) if claim.period_start else None
    unplaced = _unplaced_period(claim, period, start, session)
    if unplaced is not None:
        return unplaced
    window_start = start
    if start is not None and period == "other" and EXTREME_WORD_RE.search(base_words(claim)):
        start = _extreme_in_window(market, target, start, session, claim)
    change = change_for(market, target, session, period, start)
    bad, good = mismatches(claim, change, change.series)
    if bad and start != window_start and window_start is not None:
        bad, good, change = _from_the_windows_intraday_extreme(claim, market, target, window_start, session,
                                                               (bad, good, change))
    if bad and start is not None and period == "other":
        bad, good, change = _to_the_end_the_words_name(claim, market, target, start, session, (bad, good, change))
    if bad and PRELIMINARY_RE.search(claim.sentence):
        bad, good = _preliminary(claim, change, bad, good)
    if period == "day":
        bad, good = _day_readings(claim, market, target, session, change, bad, good)
    return _move_verdict(claim, market, target, session, period, change, bad, good)


def _not_a_price_move(claim: Claim, target: Target) -> Verdict | None:
    """`unverifiable` for figures our prices cannot settle: futures quotes of a commodity, percentage points."""
    if target.kind == "commodity" and not SPOT_RE.search(claim.sentence):
        # oil prices in the news are front-month futures settlements; the data has spot prices
        return Verdict("unverifiable", f"news quotes for {target.name} are futures prices (front-month settlements); "
                       f"the data has spot prices, which differ, so the figures cannot be checked against it.", [])
    return _percentage_points(claim)


def _check_intraday_move(claim: Claim, market: MarketData, target: Target, session: date) -> Verdict:
    verdict = check_intraday(claim, market, target, session)
    if verdict.verdict != "contradicted":
        return verdict
    return _second_look(claim, market, target, session, verdict,
                        measures.session_change(market, target.data_symbol, session), "the session's range")


PERCENTAGE_POINTS_RE = re.compile(r"\s*(?:of a |a )?percentage[- ]points?\b", re.I)


def _percentage_points(claim: Claim) -> Verdict | None:
    """'The shares dropped 4 percentage points at the end of the trading day, to end down 1.5 percent': a change
    in the day's percent change (or in a rate), not a move of the price by that percent."""
    text = claim.stated.get("change_pct")
    at = figure_start(claim.sentence, text, claim.span_start or 0) if text else -1
    if at < 0 or not PERCENTAGE_POINTS_RE.match(claim.sentence, at + len(text or "")):
        return None
    return Verdict("unverifiable", f"the {text} is in percentage points: a change in a percentage (the day's "
                   "percent change, a rate), not a move of the price by that percent, so closes cannot settle it.", [])


def _unplaced_period(claim: Claim, period: str, start: date | None, session: date) -> Verdict | None:
    """`unverifiable` for a period the claim names but that cannot be placed before its session."""
    if period == "other" and start is None:
        return _unverifiable_period(claim)
    if start is not None and start > session:
        return Verdict("unverifiable", f"the period the claim names starts {start.isoformat()}, after the session "
                       f"it is about ({session.isoformat()}): the 'since' could not be placed in time.", [])
    return None


def _move_verdict(claim: Claim, market: MarketData, target: Target, session: date, period: str, change: Change,
                  bad: list[str], good: list[str]) -> Verdict:
    """The verdict from what agrees and what does not; a mismatch gets a second look before it accuses."""
    evidence = [evidence_of(change, target)]
    near = near_close_stock(claim, change, bad) if period == "day" and not _range_known(market, target, session) \
        else None
    proxy = f" ({target.proxy_note})" if target.proxy_note else ""
    what = _period_words(period, change)
    actual = (f"{target.name}{proxy} {what}: {change.start_value:,.2f} -> {change.end_value:,.2f}, "
              f"{signed(change.change_pct)}% ({signed(change.change_points)} points, {change.series})")
    if not bad and good and not [g for g in good if not g.startswith(NOT_CHECKED_NOTES)]:
        # "Its shares ended at $122.96" against adjusted closes: nothing of the claim was compared
        return Verdict("unverifiable", f"{actual}; " + "; ".join(good) + ".", evidence)
    unsettled = [g.removeprefix(UNSETTLED_NOTE).strip() for g in good if g.startswith(UNSETTLED_NOTE)]
    if not bad and unsettled:
        return Verdict("unverifiable", f"{actual}; " + "; ".join(unsettled) + ".", evidence)
    if not bad:
        agreed = "; ".join(good) if good else "direction"
        return Verdict("supported", f"{actual}; matches: {agreed}.", evidence)
    if near is not None:
        return Verdict("unverifiable", f"{actual}; {near}.", evidence, readings=["the session's move",
                                                                                  "a price shortly before the close"])
    verdict = Verdict("contradicted", f"{actual}; " + "; ".join(bad) + ".", evidence)
    return _second_look(claim, market, target, session, verdict, change, _reading_name(period, change))


NOT_CHECKED_NOTES = ("price and dollar change not checked", "price not checked", "note:")


def _day_readings(claim: Claim, market: MarketData, target: Target, session: date, change: Change,
                  bad: list[str], good: list[str]) -> tuple[list[str], list[str]]:
    """A day's mismatch read again as the first print of the close, a session extreme or a figure from during
    the session; and the move word's intensity weighed."""
    if bad:
        bad, good = _first_print_of_the_close(claim, change, bad, good)
    if bad and claim.level is not None:
        bad, good = _level_at_session_extreme(claim, market, target, session, bad, good)
    if bad:
        snapshot = snapshot_in_session(claim, market, target.data_symbol, change)
        if snapshot is not None:
            bad, good = [], good + [snapshot]
    if claim.direction in ("up", "down"):
        intensity = judge_intensity(claim.verb, change.change_pct, market, target.data_symbol, session)
        if intensity.note and intensity.clearly_wrong and claim.change_pct is None and claim.change_points is None:
            bad.append(intensity.note)  # a bare word is the whole claim: a "surge" of 0.07% is wrong
        elif intensity.note:
            good.append(f"note: {intensity.note}")
    return bad, good


def _range_known(market: MarketData, target: Target, session: date) -> bool:
    try:
        rng = measures.session_range(market, target.data_symbol, session)
    except MarketDataError:
        return False
    return "high" in rng and "low" in rng


def _reading_name(period: str, change: Change) -> str:
    if period == "day":
        return "the session's move"
    if period == "other":
        return f"the move from the close of {change.start_session.isoformat()}"
    return {"week": "the week's move", "month": "the month to date", "ytd": "the year to date",
            "year": "the past 12 months"}.get(period, f"the {period}")


def _second_look(claim: Claim, market: MarketData, target: Target, session: date, verdict: Verdict,
                 change: Change, primary: str) -> Verdict:
    """Before accusing, the other readings a careful reader would try (readings.py).

    Where the claim's own words fix its period or day, they stand and the other readings only diagnose;
    where the reading was inferred, one that fits makes the claim supported with that reading named, and
    several that fit leave it unverifiable. Only when none fits is it contradicted, with what was tried.
    """
    fixed = words_fix_reading(claim)

    def compare(other: Change) -> list[str]:
        return mismatches(claim, other, other.series)[0]

    alternatives = alternative_readings(claim, market, target.data_symbol, session, compare, uncued=fixed is not None)
    alternatives += _to_a_moment_of_the_session(claim, market, target, session, alternatives, compare)
    # the words may fix the period, never the day they did not name: the same period ending elsewhere is inferred
    other_days = other_time_readings(claim, market, target.data_symbol, session, compare)
    if fixed is not None and any(r.fits for r in other_days):
        fits = [r for r in other_days if r.fits]
        return Verdict("supported", f"{verdict.explanation} Read as {describe(fits[0])}, the figures hold; the words "
                       f"('{fixed}') leave this reading open, and it fits.",
                       list(verdict.evidence) + [evidence_of(fits[0].change, target, role="reading",
                                                             reading=fits[0].name)],
                       readings=readings_tried(primary, other_days + alternatives))
    alternatives = other_days + alternatives
    fits = [r for r in alternatives if r.fits]
    tried = readings_tried(primary, alternatives)
    evidence = list(verdict.evidence)
    if fixed is not None and (year := _this_year_in_december(claim, session, fixed, fits)) is not None:
        return Verdict("supported", f"{verdict.explanation} Read as {describe(year)}, the figures hold: in a December "
                       f"piece '{fixed}' is as good as the year now ending.",
                       evidence + [evidence_of(year.change, target, role="reading", reading=year.name)], readings=tried)
    if fits and fixed is None:
        evidence += [evidence_of(r.change, target, role="reading", reading=r.name) for r in fits]
        if _one_reading(fits) and has_figure(claim):
            # one base day read two ways (its close, its high), or one span counted from bases a session apart
            # ('the past 3 months' from either close): one reading, and the first is the plain one
            return Verdict("supported", f"{verdict.explanation} Read as {describe(fits[0])}, the figures hold; the "
                           "sentence does not name its period, and this reading fits it.", evidence, readings=tried)
        what = "figures" if has_figure(claim) else "direction alone"
        return Verdict("unverifiable", f"{verdict.explanation} The sentence does not name its period, and the {what} "
                       f"hold in other readings: {'; '.join(describe(r) for r in fits)}; which one is meant "
                       "cannot be told from the sentence.", evidence, readings=tried)
    return _accusation(claim, market, target, session, verdict, change, fits, fixed, tried, evidence)


TO_A_MOMENT = " to a moment of the session"  # a reading's name when it ends at a quote of the session


def _one_reading(fits: list[Reading]) -> bool:
    """Whether the readings that fit are one: the same base day, or one named span whose base a writer may count
    a session either side of the calendar date (readings._trailing_bases_either_side)."""
    if len({r.change.start_session for r in fits}) == 1:
        return True
    return len({_span_name(r.name) for r in fits}) == 1


def _span_name(name: str) -> str:
    """'the past 3 months (from the close of 2024-11-20) to a moment of the session' -> 'the past 3 months'."""
    name = name.removesuffix(TO_A_MOMENT)
    return name.split(SPAN_BASE_NOTE)[0] if SPAN_BASE_NOTE in name else name


PAST_YEAR_RE = re.compile(r"\b(?:past|last)\s+year\b", re.I)


def _this_year_in_december(claim: Claim, session: date, fixed: str, fits: list[Reading]) -> Reading | None:
    """'The stock has risen 1.5 percent over the past year' in a December piece: the year to date (nearly all of
    the past year) is a reading the words leave open; the past twelve months stay the claim's own."""
    if (claim.period or "day") != "year" or session.month != 12 or not PAST_YEAR_RE.search(fixed):
        return None
    return next((r for r in fits if r.change.start_session.year == session.year - 1 and r.change.end_session == session
                 and r.name.startswith("the year to date")), None)


def _to_a_moment_of_the_session(claim: Claim, market: MarketData, target: Target, session: date,
                                readings: list[Reading], compare: Callable[[Change], list[str]]) -> list[Reading]:
    """'The stock has gained 11.5% over the past three months' in a piece stamped at noon: a figure from during the
    session read over a longer period ends at a moment of that session, not at its close. Each reading that ends
    on the session is read again to the price inside the session's high-low range nearest the stated figure."""
    if claim.period != "intraday" or claim.level is not None or \
            (claim.change_pct is None and claim.change_points is None) or not _names_a_span(claim.sentence):
        return []  # a bare state ('The S&P 500 is down 0.4%') takes no longer span to a moment: a chance fit
    try:
        rng = measures.session_range(market, target.data_symbol, session)
    except MarketDataError:
        return []
    if "high" not in rng or "low" not in rng:
        return []
    sign = -1 if claim.direction == "down" else 1
    out = []
    for reading in readings:
        change = reading.change
        if change.end_session != session or change.start_value <= 0 or change.series != "close":
            continue
        stated = change.start_value * (1 + sign * claim.change_pct / 100) if claim.change_pct is not None else \
            change.start_value + sign * (claim.change_points or 0.0)
        end = min(max(stated, rng["low"]), rng["high"])
        moment = replace(change, end_value=end, change_points=end - change.start_value,
                         change_pct=(end / change.start_value - 1) * 100)
        out.append(Reading(f"{reading.name}{TO_A_MOMENT}", moment, tuple(compare(moment))))
    return out


def _names_a_span(sentence: str) -> bool:
    """Words of a period or a trailing span of the sentence's own: 'over the past three months', 'so far this year'."""
    return period_words(sentence) is not None or TRAILING_RE.search(sentence) is not None


def _accusation(claim: Claim, market: MarketData, target: Target, session: date, verdict: Verdict, change: Change,
                fits: list, fixed: str | None, tried: list[str], evidence: list) -> Verdict:  # type: ignore[type-arg]
    """`contradicted`, with the reading the words rule out, the session the move happened on and what was tried."""
    explanation = verdict.explanation
    if fits and has_figure(claim):  # a direction alone matches some period or other: no diagnosis
        explanation += f" The figures match {describe(fits[0])}, but the claim says '{fixed}'."
    diagnosis = None
    found = diagnose_wrong_day(claim, market, target, session, claim.period or "day")
    if (claim.period or "day") == "day" and (claim.change_pct is not None or claim.change_points is not None):
        tried.append(f"the sessions up to {DIAGNOSIS_REACH} either side")
    if found is not None:
        when, other = found
        explanation += (f" The claimed move happened on {day_name(when)} ({signed(other.change_pct)}%), "
                        f"not {day_name(session)}.")
        evidence.append(evidence_of(other, target, role="diagnosed_session"))
        diagnosis = {"session": when.isoformat(), "change_pct": round(other.change_pct, 4),
                     "change_points": round(other.change_points, 4)}
    explanation += " Readings tried: " + ", ".join(tried) + "."
    return Verdict("contradicted", explanation, evidence, diagnosis=diagnosis, severity=severity_of(claim, change),
                   readings=tried)




def _period_words(period: str, change: Change) -> str:
    if period == "day":
        return f"on {day_name(change.end_session)} vs {change.start_session.isoformat()}"
    if period == "other":
        return f"from the close of {change.start_session.isoformat()} to {change.end_session.isoformat()}"
    start, end = change.start_session.isoformat(), change.end_session.isoformat()
    words = {"ytd": "year to date", "year": "past 12 months"}.get(period, period)
    return f"over the {words} to {end} (from the close of {start})"


def diagnose_wrong_day(claim: Claim, market: MarketData, target: Target, session: date,
                       period: str) -> tuple[date, Change] | None:
    """The nearest session within DIAGNOSIS_REACH where the claim's figures all hold, if any."""
    if period != "day" or (claim.change_pct is None and claim.change_points is None):
        return None
    candidates: list[date] = []
    for step in range(1, DIAGNOSIS_REACH + 1):
        for day in (_shift(session, -step), _shift(session, step)):
            if day is not None:
                candidates.append(day)
    for day in candidates:
        try:
            other = measures.session_change(market, target.data_symbol, day)
        except MarketDataError:
            continue
        bad, _ = mismatches(claim, other, other.series)
        if not bad:
            return day, other
    return None


def _shift(session: date, steps: int) -> date | None:
    try:
        if steps < 0:
            return calendar.previous_session(session, -steps)
        return calendar.next_session(session, steps)
    except Exception:  # outside the calendar's range
        return None


def check_intraday(claim: Claim, market: MarketData, target: Target, session: date) -> Verdict:
    """A move 'at midday' can only be judged against the session's range in daily data."""
    change = measures.session_change(market, target.data_symbol, session)
    try:
        rng = measures.session_range(market, target.data_symbol, session)
    except MarketDataError:
        rng = {}
    evidence = [evidence_of(change, target, **{k: round(v, 4) for k, v in rng.items()})]
    if "high" not in rng or "low" not in rng:
        return Verdict("unverifiable", f"{target.name}: the claim is about a moment inside the session of "
                       f"{session.isoformat()}, and {change.source} has no high/low for it, only the close "
                       f"({change.end_value:,.2f}, {signed(change.change_pct)}%).", evidence)
    prev = change.start_value
    # a quoted share price against split-adjusted data ($162 vs 6.04): only the percentage can be compared
    quoted = target.kind in ("stock", "etf") and claim.level is not None and \
        abs(claim.level / prev - 1) > SPLIT_ADJUSTED_RATIO
    implied = _implied_level(claim, prev, quoted)
    low, high = rng["low"], rng["high"]
    if quoted and claim.change_pct is None:
        return Verdict("unverifiable", f"{target.name}: the quoted price ({claim.level:,g}) is not on the basis of "
                       f"the data, whose prices are split-adjusted (range {low:,.2f}-{high:,.2f} on "
                       f"{day_name(session)}), and the claim gives no percentage to compare.", evidence)
    if implied is None:
        ok = (claim.direction == "up" and high > prev) or (claim.direction == "down" and low < prev) or \
            claim.direction in (None, "flat")
        what = f"a move {claim.direction}"
    else:
        # the stated figure is rounded: widen the range by the rounding it allows
        slack = max(abs(implied) * 0.0006, CENT)
        ok = low - slack <= implied <= high + slack or _qualified_figure_in_range(claim, prev, low, high, quoted)
        what = f"an implied level of {implied:,.2f}"
    label = "supported" if ok else "contradicted"
    inside = "lies within" if ok else "lies outside"
    explanation = (f"{target.name} traded between {low:,.2f} and {high:,.2f} on {day_name(session)} (previous close "
                   f"{prev:,.2f}): {what} {inside} that range; daily data cannot show the time of day, so only "
                   "consistency with the range is checked.")
    disagree = _figures_disagree(claim, prev) if ok and _figures_comparable(claim, change, quoted) else None
    if disagree is not None:
        return Verdict("contradicted", f"{explanation} But {disagree}.", evidence)
    return Verdict(label, explanation, evidence)


def _figures_comparable(claim: Claim, change: Change, quoted: bool) -> bool:
    """An index's figures, or a stock's where the data holds traded prices (adjusted closes sit off them by the
    dividends, split-adjusted ones by far more)."""
    return not quoted and (claim.kind == "index_move" or change.series == "close")


# an index's level and its move from the previous close, told together of one moment, agree to this share of the
# level (vendors' previous closes differ by hundredths; a changed figure or direction moves it by far more)
FIGURES_AGREE_SHARE = 0.001


def _figure_room(value: float, text: str | None, qualifier: str | None) -> float:
    """How far the value a figure stands for may lie from it: half its last unit, a tenth of it with 'about'."""
    from analyzer.extract.numbers import decimals_of

    half_unit = 10 ** -(decimals_of(text) if text else 0) / 2
    return max(half_unit, 0.1 * value) if qualifier in APPROXIMATE | BELOW else half_unit


def _figures_disagree(claim: Claim, prev: float) -> str | None:
    """'The S&P 500 was up 4.22 points, or 1.50 percent, at 856.28': an index's level told with its move from the
    previous close gives that move itself (856.28 from 852.06 is +4.22, +0.50%); a stated move or direction the
    level does not give is wrong at any moment of the session. None when the figures agree or cannot be set
    side by side (no level, a bound, a number that is no level)."""
    if prev <= 0 or claim.direction not in ("up", "down"):
        return None
    if claim.level is not None and not _not_a_level(claim.level, prev):
        slack = FIGURES_AGREE_SHARE * claim.level
        moved = claim.level - prev
        told = f"the stated level {claim.level:,.2f} is a move of {signed(moved)} points " \
            f"({signed(moved / prev * 100)}%)"
    elif claim.level is None and claim.change_points is not None and claim.change_pct is not None and \
            qualifier_of(claim, "change_points") not in AT_LEAST | AT_MOST:
        # 'up 1.86 percent, or about 108 points': the points as their word and precision allow
        points = claim.change_points
        slack = FIGURES_AGREE_SHARE * prev + _figure_room(points, claim.stated.get("change_points"),
                                                          qualifier_of(claim, "change_points"))
        moved = points if claim.direction == "up" else -points
        told = f"the stated {points:g} points are a move of {signed(moved / prev * 100)}%"
        claim = replace(claim, change_points=None)
    else:
        return None
    if abs(moved) > slack and (moved > 0) != (claim.direction == "up"):
        return f"{told} from the previous close, not a move {claim.direction}"
    for key, actual, room in (("change_points", abs(moved), slack), ("change_pct", abs(moved) / prev * 100,
                                                                     slack / prev * 100)):
        stated = getattr(claim, key)
        qualifier = qualifier_of(claim, key)
        if stated is None or qualifier in AT_LEAST or qualifier in AT_MOST:
            continue
        if not figure_agrees(stated, claim.stated.get(key), actual, qualifier, slack=room).ok:
            unit = "%" if key == "change_pct" else " points"
            return f"{told} from the previous close, not the stated {stated:g}{unit}"
    return None


def _qualified_figure_in_range(claim: Claim, prev: float, low: float, high: float, quoted: bool) -> bool:
    """'fell nearly 12 percent at one point' with a low 11.9% under the previous close: the move nearest the stated
    one that the session traded agrees with the figure as its qualifier and precision allow."""
    if claim.level is not None and not quoted and not _not_a_level(claim.level, prev) or prev <= 0:
        return False  # a stated level is where it stood
    sign = -1 if claim.direction == "down" else 1
    for key, to_move in (("change_pct", lambda level: (level / prev - 1) * 100),
                         ("change_points", lambda level: level - prev)):
        stated = getattr(claim, key)
        if stated is None or (key == "change_points" and quoted):
            continue
        nearest = min(max(sign * stated, to_move(low)), to_move(high))
        if (nearest > 0) == (sign > 0) and figure_agrees(stated, claim.stated.get(key), nearest, claim.qualifier).ok:
            return True
    return False


def _implied_level(claim: Claim, prev: float, quoted: bool) -> float | None:
    """The level a moment's figure implies: the level stated (unless quoted on another basis, or a number that
    cannot be a level of the instrument at all: 'at one point', '3:30 p.m.'), else the previous close moved by the
    points, else by the percentage."""
    if claim.level is not None and not quoted and not _not_a_level(claim.level, prev):
        return claim.level
    if claim.change_points is not None and not quoted:
        return prev + (claim.change_points if claim.direction != "down" else -claim.change_points)
    if claim.change_pct is not None:
        sign = -1 if claim.direction == "down" else 1
        return prev * (1 + sign * claim.change_pct / 100)
    return None


# a stated level under a hundredth of the previous close is no level of the instrument: a number the extraction
# took for one ("fell more than 3 percent at one point", "at 3:30 p.m."); another index's level (the S&P 500's
# 1,300 given to the Dow's 12,000) stays a level, and wrong
NOT_A_LEVEL_RATIO = 0.01


def _not_a_level(level: float, previous: float) -> bool:
    return previous > 0 and level / previous < NOT_A_LEVEL_RATIO


def _unverifiable_period(claim: Claim) -> Verdict:
    return Verdict("unverifiable", "the claim is about a time daily closes do not cover (extended-hours trading, "
                   "or a period whose start could not be resolved), so it cannot be checked against them.", [])


def check_best_worst_since(claim: Claim, market: MarketData, session: date) -> Verdict:
    """'its worst day since February 27': the last bigger move must fall on (or in) the named time. Before
    accusing, the sessions the words name ('a day after ... posted its biggest decline') are tried, and a
    sentence about another series or the business is left unverifiable."""
    verdict = _best_worst_on(claim, market, session)
    if verdict.verdict != "contradicted":
        return verdict
    verdict = extremes_readings.try_readings(claim, market, session, verdict, _best_worst_on, months=False)
    window = since_window(claim, session)
    return literal_since_event(claim, verdict, window) or \
        named_days_own_figure(claim, verdict, window, lambda day: _session_move(market, claim, day)) or verdict


def _session_move(market: MarketData, claim: Claim, day: date) -> float | None:
    """The data's move of the claim's instrument on a day, in percent (None where the data has none)."""
    assert claim.instrument is not None and claim.instrument.symbol is not None
    try:
        return measures.session_change(market, target_for(claim.instrument.symbol, market).data_symbol, day).change_pct
    except MarketDataError:
        return None


def _best_worst_on(claim: Claim, market: MarketData, session: date) -> Verdict:
    assert claim.instrument is not None and claim.instrument.symbol is not None
    target = target_for(claim.instrument.symbol, market)
    side = "worst" if claim.relation == "worst_since" else "best"
    if _longer_than_a_week(claim, side):
        return Verdict("unverifiable", f"a {side} month, quarter or year: only days and weeks are compared here.", [])
    if claim.period == "intraday":
        return Verdict("unverifiable", f"a {side} intraday swing: only moves from close to close are compared here.",
                       [])
    unit = claim.unit if claim.unit in ("day", "week") else claim.period if claim.period in ("day", "week") else "day"
    sessions, points = extremes.sessions_in_move(claim.sentence), extremes.in_points(claim.sentence)
    if unit == "day" and (sessions > 1 or points):
        return _best_worst_over(claim, market, target, session, side, sessions, points)
    verdict = _best_worst_of_steps(claim, market, target, session, side, unit)
    if points and verdict.verdict == "contradicted":
        # "its biggest weekly point loss since ...": the words measure the week in points; accused only when the
        # points fail as well as the percent (no accusation the percent reading did not already make)
        in_points = _best_worst_of_steps(claim, market, target, session, side, unit, points=True)
        return in_points if in_points.verdict != "contradicted" else verdict
    return verdict


def _iso_figures(status: dict) -> dict:
    """A measure's figures as evidence keeps them: its dates written as ISO days."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in status.items()}


def _best_worst_of_steps(claim: Claim, market: MarketData, target: Target, session: date, side: str,
                         unit: str, points: bool = False) -> Verdict:
    """A day's or a week's move in percent (or in points) against every earlier one."""
    status = measures.best_worst_since(market, target.data_symbol, session, side=side, unit=unit, points=points)
    figures = _iso_figures(status)
    evidence = [Evidence(symbol=target.data_symbol, series=status.get("series"), source=status.get("source"),
                         session=session.isoformat(), figures=figures,
                         proxy_for=target.symbol if target.data_symbol != target.symbol else None)]
    since = status.get("since")
    sign = " points" if points else "%"
    move = f"{target.name}'s {signed(status['change_pct'])}{sign} {unit} to {session.isoformat()}"
    found = (f"the last {unit} at least as {'bad' if side == 'worst' else 'good'} was {since.isoformat()} "
             f"({signed(status['since_change_pct'])}{sign})" if since else
             f"none as {side[:-1]}e since the data starts")
    wrong_sign = (side == "worst") != (status["change_pct"] < 0)
    window = since_window(claim, session)
    if window is None:
        return Verdict("unverifiable", f"{move}: {found}; the 'since' in the claim could not be read as a date or "
                       "a span of time.", evidence)
    start, end = window
    if unit == "week":  # writers and data may cut weeks differently: a week's slack either side
        # and a week is dated by its last session: its Monday (4 days before) may fall in the slack ("its biggest
        # weekly loss since the September 11 attacks" is the week the market reopened, ending 10 days after)
        start, end = start - timedelta(days=7), end + timedelta(days=7 + 4)
    ok = not wrong_sign and (since is None or start <= since <= end)
    named = start.isoformat() if end == start else f"{start.isoformat() if start > date.min else 'before'}.." \
        f"{end.isoformat()}"
    label = "supported" if ok else "contradicted"
    return Verdict(label, f"{move}: {found}; the claim names {named}.", evidence)


def _best_worst_over(claim: Claim, market: MarketData, target: Target, session: date, side: str, sessions: int,
                     points: bool) -> Verdict:
    """'its largest two-day percentage gain since October 2002', 'its biggest one-day point drop since September
    2001': the words fix the measure, a move over several sessions or in points."""
    status = extremes.best_worst_over(market, target.data_symbol, session, side, sessions, points)
    unit = " points" if points else "%"
    measure = f"{sessions}-session move in {'points' if points else 'percent'}"
    evidence = [Evidence(symbol=target.data_symbol, series=status["series"], source=status["source"],
                         session=session.isoformat(),
                         figures=_iso_figures(status),
                         proxy_for=target.symbol if target.data_symbol != target.symbol else None)]
    since = status["since"]
    move = f"{target.name}'s {signed(status['change'])}{unit} {measure} to {session.isoformat()}"
    found = (f"the last one at least as {'bad' if side == 'worst' else 'good'} ended {since.isoformat()} "
             f"({signed(status['since_change'])}{unit})" if since else "none as large since the data starts")
    window = since_window(claim, session)
    if window is None:
        return Verdict("unverifiable", f"{move}: {found}; the 'since' in the claim could not be read as a date or "
                       "a span of time.", evidence)
    start, end = window
    wrong_sign = (side == "worst") != (status["change"] < 0)
    ok = not wrong_sign and (since is None or start <= since <= end)
    return Verdict("supported" if ok else "contradicted", f"{move}: {found}; the claim names "
                   f"{start.isoformat() if start > date.min else 'before'}..{end.isoformat()}.", evidence)


def _longer_than_a_week(claim: Claim, side: str) -> bool:
    """Whether a best/worst-since claim is about a month, quarter or year (by its unit, period or words)."""
    if claim.unit in ("month", "quarter", "year") or (claim.unit is None and claim.period in ("month", "quarter")):
        return True
    return bool(re.search(rf"\b{side}\s+(?:monthly|quarterly|annual|month|quarter|year)\b", claim.sentence, re.I))


def _granule_end(start: date, text: str) -> date:
    """The end of the time a 'since' names: the day itself, its month, or its year."""
    # a day number names a day ("since November 7"); "12-year lows" and years do not
    plain = re.sub(r"(19|20)\d\d|\d+(?:-and-a-half)?-(?:year|month|week|day|session)s?", "", text)
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", plain):
        return start
    if re.search(r"[A-Za-z]{3,}", re.sub(r"(?i)\b(the|start|beginning|of|early|late|mid)\b", "", text)) and \
            not re.fullmatch(r"\D*(19|20)\d\d\D*", text):
        nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return nxt - timedelta(days=1)
    return date(start.year, 12, 31)


def check_comparison(claim: Claim, market: MarketData, session: date) -> Verdict:
    """'outpaced the S&P 500', 'its worst day since ...': before accusing, the sessions the words name and a
    comparison of the business rather than the prices are tried."""
    assert claim.instrument is not None and claim.instrument.symbol is not None
    if claim.relation in ("best_since", "worst_since"):
        return check_best_worst_since(claim, market, session)
    verdict = _compare_on(claim, market, session)
    if verdict.verdict != "contradicted":
        return verdict
    return extremes_readings.try_readings(claim, market, session, verdict, _compare_on, months=False)


def _compare_on(claim: Claim, market: MarketData, session: date) -> Verdict:
    assert claim.instrument is not None and claim.instrument.symbol is not None
    if not claim.benchmarks:
        # with nothing to compare against, "all benchmarks beaten" would hold vacuously
        return Verdict("unverifiable", "the comparison names no benchmark to measure against.", [])
    if claim.period == "other" or claim.period in (None, "day") and TRAILING_RE.search(claim.sentence or ""):
        # "rose 4% in the fiscal quarter, but lagged the S&P 500", "lagged the S&P 500 over the past five years" (read
        # as the day's when the extractor names no period): a span the closes are not read over here
        return Verdict("unverifiable", "the comparison is over a span of its own, not a day, week, month or year "
                       "the closes are read over.", [])
    period = claim.period if claim.period in ("day", "week", "month", "ytd", "year") else "day"
    subject = target_for(claim.instrument.symbol, market)
    base = change_for(market, subject, session, period)
    evidence = [evidence_of(base, subject)]
    parts = [f"{subject.name} {signed(base.change_pct)}%"]
    verdicts = []
    for bench in claim.benchmarks:
        if bench.symbol is None:
            return Verdict("unverifiable", f"the benchmark {bench.name!r} is ambiguous or unknown.", evidence)
        target = target_for(bench.symbol, market)
        other = change_for(market, target, session, period)
        evidence.append(evidence_of(other, target, role="benchmark"))
        parts.append(f"{target.name} {signed(other.change_pct)}%")
        beat = base.change_pct > other.change_pct
        verdicts.append(beat if claim.relation == "outperformed" else not beat)
    when = f"on {day_name(session)}" if period == "day" else f"over the {period} to {session.isoformat()}"
    label = "supported" if all(verdicts) else "contradicted"
    relation = "outperformed" if claim.relation == "outperformed" else "underperformed"
    return Verdict(label, f"{when}: " + ", ".join(parts) + f"; the claim that {subject.name} {relation} "
                   f"{'holds' if label == 'supported' else 'does not hold'}.", evidence)


def check_record(claim: Claim, market: MarketData, session: date) -> Verdict:
    """A record, 'highest since' or 'first close above' on the session's close; before accusing, the sessions
    the words name ('Last week, ... tumbled to its lowest level in 15 years', 'a record close that October'),
    levels reached during the session where the words do not say close, and another series than the
    instrument's prices (an economic gauge, a foreign yield, an MSCI index, a dollar amount)."""
    verdict = _record_on(claim, market, session)
    if verdict.verdict != "contradicted":
        return verdict
    return extremes_readings.near_a_record(claim, verdict) or \
        extremes_readings.try_readings(claim, market, session, verdict, _record_on, months=True)


def _record_on(claim: Claim, market: MarketData, session: date) -> Verdict:
    assert claim.instrument is not None and claim.instrument.symbol is not None
    target = target_for(claim.instrument.symbol, market)
    what = claim.what or "record_close_high"
    if what in ("highest_since", "lowest_since"):
        return check_extreme_since(claim, market, target, session)
    if what in ("first_close_above", "first_close_below"):
        return check_first_close_beyond(claim, market, target, session)
    if what.startswith("record_intraday"):
        return Verdict("unverifiable", "an intraday record needs intraday highs and lows for the whole history; "
                       "the daily data checks closing records only.", [])
    side = "low" if what.endswith("low") else "high"
    weeks = 52 if what.startswith("52_week") else None
    if weeks is None and claim.period == "ytd" and what.startswith("record_close") and \
            YEAR_HIGH_RE.search(claim.sentence):
        return _year_to_date_extreme(claim, market, target, session, side)
    status = measures.record_status(market, target.data_symbol, session, side=side, weeks=weeks)
    figures = _iso_figures(status)
    evidence = [Evidence(symbol=target.data_symbol, series=status.get("series"), source=status.get("source"),
                         session=session.isoformat(), figures=figures)]
    return _record_verdict(claim, target, session, status, side, weeks, evidence)


# "eked out fresh highs for the year", "its highest close of 2009", "'09 highs": the year's extreme, not a record
YEAR_HIGH_RE = re.compile(r"\b(?:highs?|lows?|highest|lowest)\b[^.;]{0,25}\b(?:for|of) (?:the|this) year\b"
                          r"|\b(?:year(?:'s|-to-date)?|(?:19|20)\d\d|'\d\d) (?:highs?|lows?)\b", re.I)


def _year_to_date_extreme(claim: Claim, market: MarketData, target: Target, session: date, side: str) -> Verdict:
    """'the Dow and the Nasdaq eked out fresh highs for the year': the session's close against every close of the
    year before it. Where the words speak of a level reached during the session ('hit a high for the year'), the
    caller's readings try the sessions' ranges; with no range in the data, daily closes cannot settle it."""
    first = date(session.year, 1, 1)
    closes, _ = market.price_series(target.data_symbol, "price", start=first, end=session)
    year = closes[(closes.index >= datetime.combine(first, time())) &
                  (closes.index <= datetime.combine(session, time()))].dropna()
    if year.empty or year.index[-1].date() != session:
        return Verdict("unverifiable", f"{target.name} has no close on {session.isoformat()} to compare with the "
                       "year's.", [])
    close, earlier = float(year.iloc[-1]), year.iloc[:-1]
    extreme = (earlier.max() if side == "high" else earlier.min()) if not earlier.empty else None
    ok = extreme is None or (close >= extreme if side == "high" else close <= extreme)
    evidence = [Evidence(symbol=target.data_symbol, series="close", source=market.source_of(target.data_symbol),
                         session=session.isoformat(), figures={"close": close, "year_extreme_before": extreme})]
    before = f"{extreme:,.2f}" if extreme is not None else "none"
    explanation = f"{target.name} closed at {close:,.2f} on {session.isoformat()}; the {side}est close of " \
                  f"{session.year} before it: {before}."
    if not ok and (_intraday_extreme(claim) or _level_not_the_close(claim, close)) and \
            not _range_known(market, target, session):
        return Verdict("unverifiable", explanation + INTRADAY_RECORD_NOTE, evidence)
    return Verdict("supported" if ok else "contradicted", explanation, evidence)


def _record_verdict(claim: Claim, target: Target, session: date, status: dict, side: str, weeks: int | None,
                    evidence: list[Evidence]) -> Verdict:
    """A closing record's verdict from the record status: supported, short of it (by how much), or a level that
    was not the close (an intraday extreme cannot be checked)."""
    window = "in the trailing 52 weeks" if weeks else f"since the data starts ({status['first_data']})"
    prev = status.get("previous_record")
    prev_text = f"{prev:,.2f} on {status.get('previous_record_session')}" if prev is not None else "none"
    near_record = prev is not None and abs(status["close"] - prev) <= INDEX_VENDOR_SHARE * prev and \
        claim.kind == "record" and target.symbol.startswith("^")
    if not (status["is_record"] or status.get("ties_record")) and near_record:
        return _near_record(claim, target, session, status, side, prev_text, evidence)
    if not (status["is_record"] or status.get("ties_record")) and (_intraday_extreme(claim) or
                                                                    _level_not_the_close(claim, status["close"])):
        return Verdict("unverifiable", f"{target.name} closed at {status['close']:,.2f} on {session.isoformat()}, "
                       f"below the earlier extreme {prev_text}." + INTRADAY_RECORD_NOTE, evidence)
    if status["is_record"] or status.get("ties_record"):
        return Verdict("supported", f"{target.name} closed at {status['close']:,.2f} on {session.isoformat()}, "
                       f"the {side}est close {window}; the previous extreme was {prev_text}.", evidence)
    return Verdict("contradicted", f"{target.name} closed at {status['close']:,.2f} on {session.isoformat()}, "
                   f"not a {side} record {window}: the earlier extreme was {prev_text}.", evidence)


def _near_record(claim: Claim, target: Target, session: date, status: dict, side: str, prev_text: str,
                 evidence: list[Evidence]) -> Verdict:
    """A final close a hair short of the record. The final close decides, unless the claim's own words put it on
    a preliminary close: the sentence says so ('unofficially'), or the level it states is a record and within a
    preliminary print of the final close; then the two readings compete and the claim is unverifiable."""
    close, prev = status["close"], status["previous_record"]
    short = (f"{target.name} closed at {close:,.2f} on {session.isoformat()}, {abs(close - prev):.2f} points short "
             f"of the earlier extreme {prev_text}")
    stated = claim.level
    stated_record = stated is not None and (stated > prev if side == "high" else stated < prev) and \
        abs(stated - close) <= PRELIMINARY_SHARE * close
    if PRELIMINARY_RE.search(claim.sentence) or stated_record:
        why = f"the article's figure {stated:,.2f} is a preliminary close" if stated_record else \
            "the sentence gives preliminary figures"
        return Verdict("unverifiable", f"{short}: not a record by the final close, but {why}, and by it the record "
                       "may have held.", evidence, readings=["the final close", "the preliminary close"])
    # the final close decides; say how close it came, since preliminary wire figures may have shown a record
    return Verdict("contradicted", f"{short}: not a record by the final close, though preliminary figures may have "
                   "shown one.", evidence, readings=["the final close"])


UNIT_DAYS = {"day": 1, "session": 1, "week": 7, "month": 30.44, "year": 365.25}
WORD_COUNTS = {"a": 1, "an": 1, **WORD_NUMBERS}


SINCE_PHRASE_RE = re.compile(
    r"\b(?:since|in)\s+(?:(?:more than|over|almost|nearly|about|roughly|just over|just under)\s+)?"
    rf"(?:a|an|{number_words(1, 20)}|\d+)"
    r"(?:[- ]and[- ]a[- ]half)?\s+(?:day|session|week|month|year)s?\b"
    r"|\bsince\s+[^,;.]{2,60}", re.I)
N_UNIT_HIGH_RE = re.compile(
    rf"\b(?P<q>more than (?:a )?|nearly (?:a )?|almost (?:a )?)?(?P<n>\d+|{number_words(1, 20)})"
    r"(?P<half>(?:-| and |-and-| )1/2|-and-a-half|\.5)?[- ](?:and-a-half-)?"
    r"(?P<unit>day|week|month|year)[- ](?:closing\s+)?"
    r"(?:high|low|peak|trough|best|worst)", re.I)
FOR_THE_YEAR_RE = re.compile(r"\b(?:high|low|best|worst)\w*\s+(?:close\s+|level\s+|finish\s+)?(?:so\s+far\s+)?"
                             r"(?:for|of|this)\s+(?:the\s+)?year\b", re.I)


EARLIEST = date(1800, 1, 1)  # before any data: the open end of "since at least <year>"


def _count(word: str) -> float:
    return float(word) if word[0].isdigit() else WORD_COUNTS[word.lower()]


def _claim_position(claim: Claim) -> int:
    """Where the claim starts in its sentence, so that 'the Dow ... since January' reads the Dow's 'since'."""
    if claim.span_start is not None:
        return claim.span_start
    if claim.instrument is not None:
        for word in (claim.instrument.name, *claim.instrument.name.split()):
            at = claim.sentence.find(word)
            if at >= 0 and len(word) > 2:
                return at
    return 0


def since_window(claim: Claim, session: date) -> tuple[date, date] | None:
    """Where the last more extreme move or close must fall for 'highest since <when>' to hold.

    Read from the claim's fields when extraction filled them, else from its sentence: "since October
    2008", "since November 7", "in 21 years", "in nearly a year", "an eight-month high", "high for the year".
    A day the market did not trade ("its biggest point decline since the September 11, 2001, attacks": the
    NYSE was shut until September 17) is met at the first session after it, where the event's move was made.
    """
    window = _words_window(claim, session)
    if window is None or window[0] != window[1] or window[1] >= session or calendar.is_session(window[1]):
        return window
    return window[0], min(calendar.next_session(window[1]), session)


def _words_window(claim: Claim, session: date) -> tuple[date, date] | None:
    """``since_window`` as the words name it."""
    if claim.period_start:
        start = date.fromisoformat(claim.period_start)
        if re.match(r"since\s+at\s+least\b", claim.time_text or "", re.I):
            # "its best week since at least 1980": a bound, the last better one may lie any time before
            return EARLIEST, _granule_end(start, re.sub(r"\s*--.*$", "", claim.time_text or ""))
        return start, _granule_end(start, claim.time_text or "")
    text = claim.time_text or ""
    sentence = claim.sentence or ""
    if not text:
        phrase = SINCE_PHRASE_RE.search(sentence, _claim_position(claim))
        text = phrase.group(0) if phrase else ""
    if text.lower().startswith("since"):
        start = _since_start_of(text[5:], session)
        if start is not None and re.match(r"since\s+at\s+least\b", text, re.I):
            return EARLIEST, _granule_end(start, text)
        if start is not None:
            return start, _granule_end(start, text)
        # "its biggest three-day gain since the three major U.S. indexes began a rebound from 12-year lows": a
        # 'since' whose time cannot be read names no window, and a span elsewhere in the sentence is another thing's
        return None
    return _span_window(text, sentence, session, _claim_position(claim))


def _span_window(text: str, sentence: str, session: date, position: int = 0) -> tuple[date, date] | None:
    """The window of "in 21 years", "in nearly a year", "an eight-month high", "high for the year"."""
    m = re.search(r"\bin\s+(?:(?P<q>more than|over|almost|nearly|about|roughly|just over|just under)\s+)?"
                  rf"(?P<n>\d+(?:\.\d+)?|a|an|{number_words(1, 20)})"
                  r"(?:[- ]and[- ]a[- ]half)?\s+(?P<unit>day|session|week|month|year)s?", text, re.I)
    if m is None:
        # "the Nasdaq 100 fell to a 3-month low, and the S&P 500 closed at a 6-week low": the claim's own span first
        # (the first span that reaches past the claim's start: "a 6 1/2-year high" whose claim starts at "2-year")
        m = next((found for found in N_UNIT_HIGH_RE.finditer(sentence) if found.end() > position), None) or \
            N_UNIT_HIGH_RE.search(sentence)
    if m is None:
        if FOR_THE_YEAR_RE.search(sentence):
            return date.min, date(session.year, 1, 1) - timedelta(days=1)
        return None
    n = _count(m.group("n")) + (0.5 if "half" in m.groupdict() and m.group("half") else 0.0)
    days = UNIT_DAYS[m.group("unit").lower()]
    qualifier = (m.group("q") or "").strip().lower().removesuffix(" a")
    low = n - 1 if qualifier in ("almost", "nearly", "just under", "about", "roughly", "") else n
    high = n + 1 if qualifier in ("more than", "over", "just over", "about", "roughly", "") else n + 2
    return session - timedelta(days=high * days), session - timedelta(days=max(low, 0) * days)


MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(
    ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December")) if m}
MONTH_NUMBERS.update({k[:3]: v for k, v in list(MONTH_NUMBERS.items())})
MONTH_NUMBERS["sept"] = 9


def _since_start_of(text: str, session: date) -> date | None:
    """'late November' -> 11-01 of the latest such month before the session; 'the 1987 crash' -> 1987-01-01."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    month = next((MONTH_NUMBERS[w.lower()] for w in words if w.lower() in MONTH_NUMBERS), None)
    year = next((int(w) for w in words if re.fullmatch(r"(19|20)\d\d", w)), None)
    day = next((int(w) for w in words if re.fullmatch(r"\d{1,2}", w) and 1 <= int(w) <= 31), None)
    if month is None and year is None:
        return None
    if month is None:
        return date(year, 1, 1)  # type: ignore[arg-type]
    if year is None:
        year = session.year if (month, day or 1) < (session.month, session.day) else session.year - 1
    try:
        return date(year, month, day or 1)
    except ValueError:
        return None


def check_extreme_since(claim: Claim, market: MarketData, target: Target, session: date) -> Verdict:
    side = "low" if claim.what == "lowest_since" else "high"
    status = measures.record_status(market, target.data_symbol, session, side=side)
    figures = _iso_figures(status)
    evidence = [Evidence(symbol=target.data_symbol, series=status.get("series"), source=status.get("source"),
                         session=session.isoformat(), figures=figures)]
    since = status.get("since")
    close = f"{target.name} closed at {status['close']:,.2f} on {session.isoformat()}"
    found = (f"the last close at least as {side} was on {since.isoformat()}" if since
             else f"no earlier close was as {side} (a record since the data starts, {status['first_data']})")
    window = since_window(claim, session)
    if window is None:
        return Verdict("unverifiable", f"{close}; {found}; the claim's '{claim.time_text}' could not be read as a "
                       "date or a span of time.", evidence)
    start, end = window
    if end > start and (claim.time_text or "").lower().startswith("since"):
        # "its highest close since March 2001" with the last higher close on 2001-02-15: writers round the
        # month; a month's slack before the named time
        start = start - min(end - start + timedelta(days=1), timedelta(days=31))
    ok = since is None or start <= since <= end
    label = "supported" if ok else "contradicted"
    explanation = f"{close}; {found}; the claim ({claim.time_text}) puts it between {start.isoformat()} " \
                  f"and {end.isoformat()}."
    if not ok and (_intraday_extreme(claim) or _level_not_the_close(claim, status["close"])):
        later = _a_later_close_beyond_the_session(claim, market, target.data_symbol, session, side, end, status)
        if later is not None:
            return Verdict("contradicted", explanation + later, evidence)
        return Verdict("unverifiable", explanation + INTRADAY_RECORD_NOTE, evidence)
    if not ok and status.get("series") == "adj_close" and \
            _dividends_may_explain(market, target.data_symbol, session, side, (start, end), since, status["close"]):
        return Verdict("unverifiable", explanation + DIVIDEND_ADJUSTED_NOTE, evidence)
    return Verdict(label, explanation, evidence)


# dividend-adjusted closes put a stock's older prices lower than it traded by the dividends paid since, a few
# percent a year: a quoted 'lowest since April 1997' reads in them as a later low, a quoted 'highest since 2005'
# as an earlier high. At most this share a year (a high yield) is allowed for.
DIVIDEND_SHARE_A_YEAR = 0.05
DIVIDEND_ADJUSTED_NOTE = (" Not called an error: the data has only dividend-adjusted closes for this stock, which put "
                          "its older prices lower than they traded, by enough over these years to move the last "
                          "close as extreme as this one; quoted prices could settle it.")


def _dividends_may_explain(market: MarketData, symbol: str, session: date, side: str, window: tuple[date, date],
                           since: date | None, close: float) -> bool:
    """Whether the gap between the claim's window and the adjusted closes is one dividends could make: every close
    after the window of a low, raised by the dividends of its years to the session at most, stays above the close;
    some close inside the window of a high, so raised, reaches it. A recent close gets almost no such slack."""
    start, end = window
    if since is None or (side == "low" and since <= end) or (side == "high" and since >= start):
        return False
    try:
        closes, _ = market.price_series(symbol, start=start, end=session)
    except (MarketDataError, KeyError, ValueError):
        return False
    closes = closes[closes.index < str(session)]
    closes = closes[closes.index > str(end)] if side == "low" else \
        closes[(closes.index >= str(start)) & (closes.index <= str(end))]
    if not len(closes):
        return False
    years = (pd.Timestamp(session) - closes.index).days.to_numpy() / 365.25
    raised = closes.to_numpy() / (1 - DIVIDEND_SHARE_A_YEAR) ** years
    return bool((raised > close).all()) if side == "low" else bool((raised >= close).any())
    try:
        closes, _ = market.price_series(symbol, start=start, end=session)
    except (MarketDataError, KeyError, ValueError):
        return False
    if side == "low" and since > end:
        later = closes[(closes.index > str(end)) & (closes.index < str(session))]
        years = (session - end).days / 365.25
        return len(later) > 0 and float(later.min()) >= close * (1 - DIVIDEND_SHARE_A_YEAR) ** years
    if side == "high" and since < start:
        inside = closes[(closes.index >= str(start)) & (closes.index <= str(end))]
        years = (session - start).days / 365.25
        return len(inside) > 0 and float(inside.max()) >= close * (1 - DIVIDEND_SHARE_A_YEAR) ** years
    return False


def check_first_close_beyond(claim: Claim, market: MarketData, target: Target, session: date) -> Verdict:
    """'ended above 9,000 for the first time since early January': beyond the level now, and the last earlier
    close beyond it falls in the window the sentence names (or there is none, for 'the first time ever')."""
    side = "below" if claim.what == "first_close_below" else "above"
    if claim.level is None:
        return Verdict("unverifiable", "the claim names no level to close beyond.", [])
    status = measures.last_close_beyond(market, target.data_symbol, session, claim.level, side=side)
    figures = _iso_figures(status)
    evidence = [Evidence(symbol=target.data_symbol, series=status.get("series"), source=status.get("source"),
                         session=session.isoformat(), figures=figures)]
    close = f"{target.name} closed at {status['close']:,.2f} on {session.isoformat()}"
    if not status["beyond"]:
        return Verdict("contradicted", f"{close}, not {side} {claim.level:,.2f}.", evidence)
    last = status["last_beyond"]
    found = (f"the last earlier close {side} {claim.level:,.2f} was on {last.isoformat()}" if last
             else f"no earlier close was {side} it (the data starts {status['first_data']})")
    if not claim.time_text:
        ok = last is None
        return Verdict("supported" if ok else "contradicted", f"{close}; {found}.", evidence)
    window = since_window(claim, session)
    if window is None:
        return Verdict("unverifiable", f"{close}; {found}; the claim's '{claim.time_text}' could not be read as a "
                       "date or a span of time.", evidence)
    start, end = window
    ok = last is not None and start <= last <= end
    return Verdict("supported" if ok else "contradicted", f"{close}; {found}; the claim ({claim.time_text}) puts "
                   f"it between {start.isoformat()} and {end.isoformat()}.", evidence)


def _a_later_close_beyond_the_session(claim: Claim, market: MarketData, symbol: str, session: date, side: str,
                                     end: date, status: dict) -> str | None:
    """'the Nasdaq climbed to 2,784.93 in the session, its highest level since 1998' where it closed at 2,792.57 on
    2001-01-31: a level reached during the session is no higher than the session's high, so a close after the
    claim's window at least as high as that high (as low as its low) refutes every level of the session the words
    may mean, whatever intraday prices the data lacks. Said where that close is found (closes as traded only:
    adjusted closes put older prices lower than they traded). Only where the claim's own level lies in the session's
    range: 'since August 16, when it rose to 37.50, its highest in five years' in a piece of August 24 is that
    earlier session's record, read at the piece's day. None otherwise."""
    if status.get("series") != "close" or claim.level is None:
        return None
    try:
        bar = measures.session_range(market, symbol, session)
        extreme = bar.get(side)
        slack = max(CENT, INDEX_VENDOR_SHARE * claim.level)
        if extreme is None or "low" not in bar or "high" not in bar or \
                not bar["low"] - slack <= claim.level <= bar["high"] + slack:
            return None
        found = measures.last_close_beyond(market, symbol, session, extreme, "above" if side == "high" else "below")
    except (MarketDataError, KeyError, ValueError):
        return None
    last = found.get("last_beyond")
    if last is None or last <= end:
        return None
    return (f" The session's {side} was {extreme:,.2f}, and the close of {last.isoformat()}, after that window, was "
            f"{'higher' if side == 'high' else 'lower'} still: no level of the session was the {side}est since then.")


INTRADAY_RECORD_NOTE = (" The sentence speaks of a level reached during the session ('hit', 'touched', or a level "
                        "that is not the close), which daily closes cannot settle.")


def _level_not_the_close(claim: Claim, close: float) -> bool:
    """'pushed the Nasdaq up to 2,401.33, its highest level in almost six years' where it closed at 2,376.01:
    the record is that level, reached during the session, not the close."""
    return claim.level is not None and abs(claim.level - close) > max(CENT, INDEX_VENDOR_SHARE * close)


CLOSE_OR_END_RE = re.compile(r"\b(clos\w*|finish\w*|end\w*|settl\w*)\b", re.I)
# 'fell early to their lowest level since 1984, but later recovered', 'which earlier had fallen ... to its lowest
# level since 1984, ended up 3 percent': words before the record that place it earlier in the session (not 'earlier
# this year', not 'early January')
EARLIER_IN_THE_SESSION_RE = re.compile(
    r"\b(?:earlier|early|at one point)\b(?!\s+(?:this|last|in\s+the)\s+(?:week|month|year|quarter|decade)\b)"
    rf"(?!\s+(?:{MONTHS_ALT})\b|\s+\d)", re.I)


def _intraday_extreme(claim: Claim) -> bool:
    """'hit an 18-month high', 'touched its highest level': a level inside the session, not a close."""
    verb = (claim.verb or "").split()[0].lower() if claim.verb else ""
    text = claim.sentence.lower()
    return ((verb.startswith(("hit", "touch", "reach", "scal", "climb", "rose", "rise", "rall", "jump", "surg", "soar",
                              "top", "cross", "surpass", "breach", "broke"))
             or bool(re.search(r"\b(hit|touched|reached|intraday|earlier|at one point)\b", text)))
            and not CLOSE_OR_END_RE.search(text)) or _placed_earlier_in_the_session(claim)


def _placed_earlier_in_the_session(claim: Claim) -> bool:
    """A record the words place earlier in the session, with no close word between those words and the record's:
    a close word after the record ('..., ended up 3 percent') tells how the session ended, not the record."""
    if claim.span_start is None:
        return False
    markers = list(EARLIER_IN_THE_SESSION_RE.finditer(claim.sentence[:claim.span_start]))
    return bool(markers) and not CLOSE_OR_END_RE.search(claim.sentence, markers[-1].end(),
                                                        claim.span_end or claim.span_start)


def check_streak(claim: Claim, market: MarketData, session: date) -> Verdict:
    """A run of up or down days or weeks. A run of closes beyond a level ('closed above 30 for 50 days in a
    row') is counted as the words say; a run whose unit the words do not give is also tried in weeks where the
    sentence speaks of weeks ('their sixth weekly decline; for the Dow it was the fourth straight')."""
    beyond = extremes_readings.level_run(claim, market, session)
    if beyond is not None:
        return beyond
    verdict = _streak_on(claim, market, session)
    if verdict.verdict != "contradicted":
        return verdict
    verdict = extremes_readings.run_before(claim, market, session, verdict, _streak_on)
    if verdict.verdict != "contradicted":
        return verdict
    return extremes_readings.weekly_run(claim, market, session, verdict, _streak_on)


def _streak_on(claim: Claim, market: MarketData, session: date) -> Verdict:
    assert claim.instrument is not None and claim.instrument.symbol is not None
    target = target_for(claim.instrument.symbol, market)
    unit = claim.unit or "day"
    if unit == "month":
        return check_run_of_months(claim, market, target, session)
    if claim.what == "ended_streak":
        return check_ended_streak(claim, market, target, session, unit)
    status = measures.streak(market, target.data_symbol, session, unit=unit)
    figures = _iso_figures(status)
    evidence = [Evidence(symbol=target.data_symbol, series=status.get("series"), source=status.get("source"),
                         session=session.isoformat(), figures=figures)]
    actual = f"{status['length']} straight {unit}{'s' if status['length'] != 1 else ''} {status['direction']}"
    # "its second consecutive week" without a direction word: only the length is claimed
    ok = (claim.direction is None or status["direction"] == claim.direction) and status["length"] == claim.length
    stated = f"{claim.length} straight {unit}s" + (f" {claim.direction}" if claim.direction else "")
    label = "supported" if ok else "contradicted"
    return Verdict(label, f"{target.name} to {session.isoformat()}: {actual}; the claim says {stated}.", evidence)


def check_run_of_months(claim: Claim, market: MarketData, target: Target, session: date) -> Verdict:
    """'Its sixth straight monthly gain', counted on month-end closes. Two readings are tried: the month to the
    session, and the run that ended at the last month's end (a story early in a month tells of the month before). A
    run of months neither shows is left `unverifiable`, never accused: which month a writer counts to is too often
    unsaid, and an ended run of months is not checked at all."""
    stated = f"{claim.length} straight months" + (f" {claim.direction}" if claim.direction else "")
    if claim.what == "ended_streak":
        return Verdict("unverifiable", f"an ended run of months ({stated}) is not checked: which month ended it is "
                       "not said.", [], readings=["not read: runs of months are checked only while they run"])
    ends = (session, calendar.previous_session(session.replace(day=1)))
    evidence: list[Evidence] = []
    seen: list[str] = []
    for end in ends:
        status = measures.streak(market, target.data_symbol, end, unit="month")
        figures = _iso_figures(status)
        evidence.append(Evidence(symbol=target.data_symbol, series=status.get("series"), source=status.get("source"),
                                 session=end.isoformat(), figures=figures))
        actual = f"{status['length']} straight month{'s' if status['length'] != 1 else ''} {status['direction']}"
        seen.append(f"{actual} to {end.isoformat()}")
        if (claim.direction is None or status["direction"] == claim.direction) and status["length"] == claim.length:
            return Verdict("supported", f"{target.name} on month-end closes: {actual} to {end.isoformat()}; the claim "
                           f"says {stated}.", evidence, readings=[f"the months to {e.isoformat()}" for e in ends])
    return Verdict("unverifiable", f"{target.name} on month-end closes: {'; '.join(seen)}; the claim says {stated}. "
                   "Not accused: the month a run is counted to is often unsaid.", evidence,
                   readings=[f"the months to {e.isoformat()}" for e in ends])


def check_ended_streak(claim: Claim, market: MarketData, target: Target, session: date, unit: str) -> Verdict:
    """'The Dow ended its five-day winning streak': the run of that length ran to the session before, and the
    session (or week) itself went the other way."""
    before = calendar.previous_session(session) if unit == "day" else \
        calendar.previous_session(session - timedelta(days=session.weekday()))
    ran = measures.streak(market, target.data_symbol, before, unit=unit)
    now = measures.streak(market, target.data_symbol, session, unit=unit)
    figures = {"run_before": _iso_figures(ran),
               "session": _iso_figures(now)}
    evidence = [Evidence(symbol=target.data_symbol, series=ran.get("series"), source=ran.get("source"),
                         session=session.isoformat(), figures=figures)]
    direction = claim.direction or ran["direction"]
    ok = ran["direction"] == direction and ran["length"] == claim.length and now["direction"] != direction
    stated = f"a {claim.length}-{unit} run {direction} that ended on the {unit} to {session.isoformat()}"
    actual = (f"{target.name}: {ran['length']} straight {unit}s {ran['direction']} to {before.isoformat()}, then "
              f"{now['direction']} to {session.isoformat()}")
    return Verdict("supported" if ok else "contradicted", f"{actual}; the claim says {stated}.", evidence,
                   readings=[f"the run ending the {unit} before, broken on the {unit} to {session.isoformat()}"])
