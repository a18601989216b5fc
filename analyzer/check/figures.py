"""Does a stated figure agree with the actual one, read the way writers and careful readers read it?

Writers round or truncate to the precision they print ("0.8%" for +0.83%, "742 points" for 742.76),
so a bare figure is supported when the actual value, rounded or truncated to the stated number of
decimals, equals it; points and levels get a cent of slack for vendor differences. Qualifiers widen
or bound the range: "about 2%", "nearly 2%", "more than 2%", "less than 2%".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from analyzer.extract.numbers import decimals_of
from analyzer.records import Claim

APPROXIMATE = {"about", "around", "roughly", "some", "approximately", "close to"}
BELOW = {"nearly", "almost", "just under", "close to"}
AT_LEAST = {"more than", "over", "just over", "at least", "well over"}
AT_MOST = {"less than", "under", "up to", "as much as"}
CENT = 0.01
EPS = 1e-9
# |change| below which a move reads as "flat"/"unchanged" (percent)
FLAT_PCT = 0.05
NEARLY_OVER_SHARE = 0.025


@dataclass(frozen=True)
class FigureCheck:
    ok: bool
    stated: float
    actual: float
    reading: str  # how the figure was read, for the explanation: "0.8 (1 decimal)"


def _rounded(value: float, decimals: int) -> float:
    # round half away from zero, as people do, not banker's rounding
    factor = 10 ** decimals
    return math.floor(abs(value) * factor + 0.5 + EPS) / factor


def _truncated(value: float, decimals: int) -> float:
    factor = 10 ** decimals
    return math.floor(abs(value) * factor + EPS) / factor


def figure_agrees(stated: float, stated_text: str | None, actual: float, qualifier: str | None = None,
                  slack: float = 0.0) -> FigureCheck:
    """Compare magnitudes: ``stated`` as written (positive), ``actual`` as measured (any sign)."""
    decimals = decimals_of(stated_text) if stated_text else _decimals_of_value(stated)
    actual_abs = abs(actual)
    unit = 10 ** -decimals
    if qualifier in AT_LEAST:
        ok = actual_abs + slack + EPS >= stated
        reading = f"{qualifier} {stated:g}"
    elif qualifier in AT_MOST:
        ok = actual_abs - slack - EPS <= stated
        reading = f"{qualifier} {stated:g}"
    elif qualifier in BELOW:
        # "nearly 2 percent": 1.5 to a hair over 2, not anything from 1 up ("nearly 1 percent" is no 0.03%)
        tolerance = max(0.1 * stated, unit / 2)
        # "nearly 7.7 percent" for -7.7013%, "almost 18 percent" for 18.37%: a little under the figure, or a hair
        # over it (a writer's loose word for a figure that rounds to the one written): less than half its last
        # unit and at most 2.5% of it, so that "nearly 2 percent" for 2.3% stays wrong
        over = min(unit / 2 - EPS, NEARLY_OVER_SHARE * stated)
        ok = stated - tolerance - slack - EPS <= actual_abs <= stated + max(slack, unit / 10, over) + EPS
        reading = f"{qualifier} {stated:g} (a little under it)"
    elif qualifier in APPROXIMATE:
        tolerance = max(0.1 * stated, unit / 2)
        ok = abs(actual_abs - stated) <= tolerance + slack + EPS
        reading = f"{qualifier} {stated:g} (within {tolerance:g})"
    else:
        # the slack covers data that differs slightly from the writer's (another vendor, adjusted closes):
        # any value within it may be the one the writer rounded or truncated
        # writers also round a figure already rounded one place further (0.6454 -> 0.65 -> 0.7)
        ok = any(abs(candidate - stated) <= slack + EPS
                 for value in (actual_abs - slack, actual_abs, actual_abs + slack) if value >= 0
                 for candidate in (_rounded(value, decimals), _truncated(value, decimals),
                                   _rounded(_rounded(value, decimals + 1), decimals)))
        reading = f"{stated:g} to {decimals} decimal{'s' if decimals != 1 else ''}"
    return FigureCheck(ok, stated, actual, reading)


def _decimals_of_value(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".", 1)[1]) if "." in text else 0


# "almost flat", "little changed": how big a move such words still describe (percent)
NEARLY_FLAT_PCT = 0.5


# over many sessions a stock a writer calls flat wanders further than in one: 'flat over the past 12 months' for
# -1.5%. The tolerance grows with the square root of the sessions (as a price's spread does) up to these caps,
# which a year reaches; a careful reader would not call a year's -1.5% 'flat' an error
FLAT_SPAN_CAP_PCT = 2.0
NEARLY_FLAT_SPAN_CAP_PCT = 3.0


def flat_tolerance(loose: bool = False, sessions: int = 1) -> float:
    """The largest |change| (percent) that 'flat' (``loose``: 'almost flat', 'little changed') still describes
    over ``sessions`` sessions."""
    base = NEARLY_FLAT_PCT if loose else FLAT_PCT * 4
    if sessions <= 1:
        return base
    return max(base, min(base * math.sqrt(sessions), NEARLY_FLAT_SPAN_CAP_PCT if loose else FLAT_SPAN_CAP_PCT))


def direction_agrees(stated: str, change_pct: float, loose: bool = False, sessions: int = 1) -> bool:
    """'up' needs a rise, 'down' a fall; 'flat' a move under FLAT_PCT in either direction (``loose``, for
    "almost flat" and "little changed", one under NEARLY_FLAT_PCT), wider over a span of ``sessions``."""
    if stated == "flat":
        return abs(change_pct) < flat_tolerance(loose, sessions)
    if stated == "up":
        return change_pct > 0
    if stated == "down":
        return change_pct < 0
    return True


def has_figure(claim: Claim) -> bool:
    """Whether a move states a figure (a percent, points or a level), not its direction alone."""
    return claim.change_pct is not None or claim.change_points is not None or claim.level is not None
