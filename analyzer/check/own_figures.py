"""Where a claim's own figures, read together, say which close they describe, and the data agrees.

'GE rose 42 cents, or 2.4 percent, to $35.64' gives the move three times: in cents, in percent and as the price
it ended at. Cents and price alone fix the percentage (42 cents on $35.22 is 1.19%); where the data's
close-to-close move of the session is that same 1.19%, the sentence's cents and price are the session's close,
not a quote from during the session or after the bell, and not another company's: a stated 2.4% (or a rise
where the cents and price fell) is the sentence's own error, which no reading of its time can excuse.

Likewise an index's level that is the data's close (or, for a figure from during the session, inside the
session's range) shows that the sentence does state this index's move: a doubt of the claim tagger that the
sentence states one is answered by the data.
"""

from __future__ import annotations

import re
from datetime import date

from analyzer.check.figures import CENT
from analyzer.check.readings import CLAUSE_BREAK_RE, figure_start
from analyzer.errors import MarketDataError
from analyzer.market import measures
from analyzer.market.data import MarketData
from analyzer.records import Claim, Verdict

# adjusted closes sit off the traded prices a writer divided by about this much (moves.ADJUSTED_PCT_SLACK)
PIN_SLACK_PCT = 0.05
INDEX_VENDOR_SHARE = 0.000025  # moves.INDEX_VENDOR_SHARE


# 'fell 23 cents, or 7.0 percent, to $6.34', 'closed down $10.88, or 15.6 percent, at $58.82': the change in
# dollars or cents before the percentage (the number reader takes it only after one: 'or 42 cents')
DOLLAR_MOVE_RE = re.compile(r"(?<![\w.$])(?:\$(?P<num>\d+(?:\.\d+)?)|(?P<cents>\d+(?:\.\d+)?)\s+cents?\b)"
                            r"(?!\s*(?:a|per)\s+share)", re.I)


def _place(claim: Claim, key: str) -> tuple[int, int] | None:
    text = claim.stated.get(key) or ""
    if key == "change_points" and text.startswith("0."):  # '42 cents' is stated as 0.42
        text = str(int(text[2:].ljust(2, "0")))
    at = figure_start(claim.sentence, text, claim.span_start or 0) if text else -1
    return (at, at + len(text)) if at >= 0 else None


def own_change(claim: Claim) -> tuple[float, str, tuple[int, int]] | None:
    """The claim's change in dollars (value, as written, where): its own, or the one dollar or cents figure between
    its subject and its price."""
    if claim.change_points is not None:
        at = _place(claim, "change_points")
        return (claim.change_points, claim.stated.get("change_points") or "", at) if at else None
    level = _place(claim, "level")
    if level is None:
        return None
    found = list(DOLLAR_MOVE_RE.finditer(claim.sentence, claim.span_start or 0, level[0]))
    found = [m for m in found if m.start() < level[0] - 1]
    if len(found) != 1:
        return None
    m = found[0]
    if m.group("cents"):
        return float(m.group("cents")) / 100, f"{float(m.group('cents')) / 100:.2f}", (m.start(), m.end())
    return float(m.group("num")), m.group("num"), (m.start(), m.end())


def _told_together(claim: Claim, change: tuple[int, int]) -> bool:
    """The claim's percentage, change and price stand in one stretch of its sentence with no clause between them
    ('rose 42 cents, or 2.4 percent, to $35.64'), not in two ('traded down 50 cents ... after closing at $14.76')."""
    places = [_place(claim, "change_pct"), _place(claim, "level"), change]
    if any(p is None for p in places):
        return False
    start, end = min(p[0] for p in places if p), max(p[1] for p in places if p)
    return not any(m.group(0) != "," for m in CLAUSE_BREAK_RE.finditer(claim.sentence, start, end))


def _half_unit(text: str | None) -> float:
    """Half the last unit a figure is written to ('35.64' -> 0.005, '9' -> 0.5)."""
    if not text:
        return CENT / 2
    digits = text.replace(",", "")
    return 0.5 * 10 ** -(len(digits.split(".")[1]) if "." in digits else 0)


def close_pinned_by_own_figures(claim: Claim, market: MarketData, symbol: str | None) -> str | None:
    """Words saying that the claim's own change and price are the session's close by the data (None if not):
    a stock's move of a day told in percent, in dollars and cents and as a price, in one stretch, whose cents and
    price give the data's close-to-close move of the session (in its direction) and whose percentage does not."""
    if claim.kind != "stock_move" or (claim.period or "day") != "day" or claim.session is None or symbol is None:
        return None
    told = own_change(claim) if claim.change_pct is not None and claim.level is not None else None
    if told is None or not _told_together(claim, told[2]):
        return None
    try:
        change = measures.session_change(market, symbol, date.fromisoformat(claim.session))
    except (MarketDataError, ValueError, KeyError):
        return None
    sign = 1 if change.change_pct > 0 else -1
    points, level = told[0], claim.level or 0.0
    p_slack, l_slack = _half_unit(told[1]), _half_unit(claim.stated.get("level"))
    implied = []
    for p in (points - p_slack, points + p_slack):
        for lv in (level - l_slack, level + l_slack):
            base = lv - sign * p
            if base <= 0:
                return None
            implied.append(sign * p / base * 100)
    low, high = min(implied) - PIN_SLACK_PCT, max(implied) + PIN_SLACK_PCT
    if not low <= change.change_pct <= high:
        return None
    stated = (1 if claim.direction == "up" else -1) * claim.change_pct
    half = _half_unit(claim.stated.get("change_pct"))
    if low - half <= stated <= high + half:
        return None  # the claim's percentage agrees with its own cents and price: nothing pinned against it
    return (f"its own change and price ({told[1]} to {claim.stated.get('level')}) give "
            f"the session's close-to-close move in the data ({change.change_pct:+.2f}%), so the figure is the "
            f"close's, and its {'+' if stated > 0 else ''}{stated:g}% does not agree with them")


def level_confirmed(claim: Claim, verdict: Verdict) -> bool:
    """Whether an index claim's stated level is the data's close of its session (a day's move) or lies inside the
    session's high-low range (a figure from during the session), at the level's written precision."""
    if claim.kind != "index_move" or claim.level is None or not verdict.evidence:
        return False
    figures = verdict.evidence[0].figures or {}
    close = figures.get("close")
    if close is None or verdict.evidence[0].session != claim.session:
        return False
    slack = max(CENT, INDEX_VENDOR_SHARE * close) + _half_unit(claim.stated.get("level"))
    if claim.period == "intraday" and "low" in figures and "high" in figures:
        return figures["low"] - slack <= claim.level <= figures["high"] + slack
    return (claim.period or "day") == "day" and abs(claim.level - close) <= slack
