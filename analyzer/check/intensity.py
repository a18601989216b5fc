"""Move words judged against how big moves usually are for that instrument.

"Surged" on a 0.07% day is wrong; "edged higher" on a 3% day is wrong; in between a writer's choice of
word is their own. The thresholds are percentiles of the instrument's own absolute daily moves over the
five years before the session, so they scale with the instrument (a small-cap index moves more than the
Dow) and with the era. Measured on 1990-2025 closes, the S&P 500's absolute daily move has its 20th
percentile at 0.17%, median 0.52%, 95th percentile 2.25%; the Nasdaq's are 0.23%, 0.68% and 2.98%.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from analyzer.extract import lexicon
from analyzer.market.data import MarketData

STRONG_WORDS = lexicon.words("moves", "strong_verbs")
WEAK_WORDS = lexicon.words("moves", "weak_verbs")
# a strong word is clearly wrong below this percentile of absolute daily moves, a weak one above the other
STRONG_FLOOR_PERCENTILE = 20
WEAK_CEILING_PERCENTILE = 95
HISTORY_YEARS = 5


@dataclass(frozen=True)
class IntensityJudgement:
    clearly_wrong: bool
    note: str | None


def verb_stem(verb: str | None) -> str | None:
    if not verb:
        return None
    word = verb.split()[0].lower()
    for stem in sorted(STRONG_WORDS | WEAK_WORDS, key=len, reverse=True):
        if word.startswith(stem.rstrip("e")) or word == stem:
            return stem
    return None


@lru_cache(maxsize=256)
def _percentiles(market: MarketData, symbol: str, year: int) -> tuple[float, float, float] | None:
    end = date(year, 12, 31)
    series, _ = market.price_series(symbol, "price", start=end - timedelta(days=365 * HISTORY_YEARS), end=end)
    moves = np.abs(series.pct_change().dropna().to_numpy()) * 100
    if len(moves) < 250:
        return None
    low, mid, high = np.percentile(moves, [STRONG_FLOOR_PERCENTILE, 50, WEAK_CEILING_PERCENTILE])
    return float(low), float(mid), float(high)


def judge_intensity(verb: str | None, change_pct: float, market: MarketData, symbol: str,
                    session: date) -> IntensityJudgement:
    """Is the move word clearly wrong for a daily move of ``change_pct`` percent?"""
    stem = verb_stem(verb)
    if stem is None:
        return IntensityJudgement(False, None)
    levels = _percentiles(market, symbol, session.year - 1)
    if levels is None:
        return IntensityJudgement(False, None)
    low, mid, high = levels
    size = abs(change_pct)
    word = verb.split()[0] if verb else stem
    if stem in STRONG_WORDS:
        if size < low:
            return IntensityJudgement(True, f"'{word}' for a {size:.2f}% move, smaller than {STRONG_FLOOR_PERCENTILE}% "
                                      f"of daily moves in the previous {HISTORY_YEARS} years (under {low:.2f}%)")
        if size < mid:
            return IntensityJudgement(False, f"'{word}' is strong for a {size:.2f}% move (the median daily move was "
                                      f"{mid:.2f}%)")
    if stem in WEAK_WORDS and size > high:
        return IntensityJudgement(True, f"'{word}' for a {size:.2f}% move, bigger than {WEAK_CEILING_PERCENTILE}% of "
                                  f"daily moves in the previous {HISTORY_YEARS} years (over {high:.2f}%)")
    return IntensityJudgement(False, None)
