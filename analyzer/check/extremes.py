"""The readings a careful reader tries before calling a record, a 'biggest since' or a streak wrong.

A record or a superlative is checked first on the claim's own session, by closes, day by day. Where that
fails, the sentence's own words may name another reading: another session ('a day after the S&P 500 posted
its biggest decline in a year and a half', 'Last week, the stock tumbled to its lowest level in 15 years'),
a move over several sessions ('its biggest two-day advance'), in points ('its biggest one-day point drop'),
a level reached during the session ('pushed the Dow to lifetime highs'), weeks rather than days ('their sixth
weekly decline; for the Dow it was the fourth straight'), or a run of closes beyond a level ('closed above 30
for 50 days in a row'). Some sentences are about another series altogether (a sentiment index, a foreign
yield, an MSCI index, a deal's dollar amount), which the instrument's prices cannot settle.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np
import pandas as pd

from analyzer.check.article import BUSINESS_WORDS
from analyzer.extract import lexicon
from analyzer.extract.numbers import number_words
from analyzer.extract.timeref import MONTHS, MONTHS_ALT
from analyzer.market import calendar
from analyzer.market.data import MarketData
from analyzer.records import Claim

COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10}

# ---- other sessions the words name ------------------------------------------------------------------------------

PREVIOUS_DAY_RE = re.compile(r"\b(?:(?:a|one) day (?:after|earlier|before)|the day after|"
                             r"the (?:previous|prior) (?:day|session)|"
                             r"the day before|yesterday)\b", re.I)
LAST_WEEK_RE = re.compile(r"\b(?:last|the previous|the prior) week\b|\ba week (?:ago|earlier)\b", re.I)
THIS_WEEK_RE = re.compile(r"\b(?:earlier|this) (?:this |in the )?week\b", re.I)
# "in late November", "that October", "during March": a month the record fell in (not "since November")
MONTH_SPAN_RE = re.compile(rf"\b(?P<how>in|that|during)\s+(?:(?P<part>early|late|mid)[- ])?(?P<month>{MONTHS_ALT})\b"
                           r"(?!\.?\s*\d)", re.I)


def named_sessions(sentence: str, session: date) -> list[tuple[str, list[date]]]:
    """The other sessions the sentence's words name, each with the words: the previous session, the weeks
    before or around the session, a month (latest such month on or before the session; 'that October' after
    an earlier date in the same year)."""
    readings: list[tuple[str, list[date]]] = []
    if m := PREVIOUS_DAY_RE.search(sentence):
        readings.append((m.group(0), [calendar.previous_session(session)]))
    monday = session - timedelta(days=session.weekday())
    if m := LAST_WEEK_RE.search(sentence):
        readings.append((m.group(0), calendar.sessions_between(monday - timedelta(days=7),
                                                               monday - timedelta(days=1))))
    if m := THIS_WEEK_RE.search(sentence):
        readings.append((m.group(0), calendar.sessions_between(monday, session - timedelta(days=1))))
    for m in MONTH_SPAN_RE.finditer(sentence):
        days = _month_sessions(m, session)
        if days:
            readings.append((m.group(0), days))
    if m := RECENTLY_RE.search(sentence):
        readings.append((m.group(0), calendar.sessions_between(session - timedelta(days=RECENT_DAYS),
                                                               session - timedelta(days=1))))
    return readings


# "recently helped send the stock to a five-year low": a session of the last few weeks, not the piece's own
RECENTLY_RE = re.compile(r"\b(?:recently|lately|in recent (?:days|weeks|sessions))\b", re.I)
RECENT_DAYS = 21


def _month_sessions(m: re.Match[str], session: date) -> list[date]:
    month = MONTHS[m.group("month").lower()]
    year = session.year
    if m.group("how").lower() != "that" and (month, 1) > (session.month, 1):
        year -= 1  # "in late November" written in March: the November before
    start = date(year, month, 1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    part = (m.group("part") or "").lower()
    if part == "early":
        end = start.replace(day=10)
    elif part == "mid":
        start, end = start.replace(day=10), start.replace(day=20)
    elif part == "late":
        start = start.replace(day=20)
    return [d for d in calendar.sessions_between(start, end) if d != session]


# ---- moves over several sessions, or in points ---------------------------------------------------------------

SPAN_MOVE_RE = re.compile(rf"\b(?P<n>\d+|{number_words(2, 10)})[- ](?:day|session)\b", re.I)
POINTS_MOVE_RE = re.compile(r"\bpoints?[- ](?:drop|decline|fall|loss|slide|plunge|gain|rise|advance|jump|rally|"
                            r"increase|surge)\b|\b(?:in|by) points\b|"
                            # "its biggest fall in point terms since", "its worst day on a point basis since"
                            r"\b(?:in\s+points?\s+terms|on\s+a\s+points?\s+basis)\b", re.I)


# the words of the superlative that carries the 'since': "its largest point decline in history, and its biggest
# daily percentage slide since 1987" measures the second in percent
SUPERLATIVE_SINCE_RE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.words("moves", "since_superlatives")) + r")\b"
                                  r"(?P<what>[^,;.]{0,40}?)\b(?:since|in (?:more than |nearly |about |almost |over )?"
                                  r"(?:a|an|\d+|[a-z]+)[- ](?:and[- ]a[- ]half[- ])?(?:years?|months?|weeks?|days?))\b",
                                  re.I)


def _superlative_words(sentence: str) -> str:
    m = SUPERLATIVE_SINCE_RE.search(sentence)
    return m.group("what") if m else sentence


# "its three best days since March": the count comes before the superlative, the sessions after it
COUNTED_SUPERLATIVE_RE = re.compile(
    rf"\b(?P<n>\d+|{number_words(2, 10)})\s+(?:"
    + lexicon.alternation(lexicon.words("moves", "since_superlatives")) + r")\s+(?:days|sessions)\b", re.I)


def sessions_in_move(sentence: str) -> int:
    """'its biggest two-day advance', 'its three best days': the move the superlative measures spans that many
    sessions (1 when unsaid)."""
    m = SPAN_MOVE_RE.search(_superlative_words(sentence)) or COUNTED_SUPERLATIVE_RE.search(sentence)
    if m is None:
        return 1
    word = m.group("n").lower()
    return int(word) if word.isdigit() else COUNT_WORDS[word]


def in_points(sentence: str) -> bool:
    """'its biggest one-day point drop since September 2001': measured in index points, not percent."""
    words = _superlative_words(sentence)
    return bool(POINTS_MOVE_RE.search(words)) and not re.search(r"\bpercent(?:age)?\b", words, re.I)


def best_worst_over(md: MarketData, symbol: str, session: date, side: str, sessions: int, points: bool) -> dict:
    """Like ``measures.best_worst_since`` for a move over ``sessions`` sessions, in percent or points: the
    move to the session, and the last earlier move of the same length at least as extreme that does not
    overlap it."""
    track = md.price_track(symbol, "price", end=session)
    end = track.position(session)
    if end is None or end < sessions:
        raise ValueError(f"{symbol}: too few closes before {session.isoformat()} for a {sessions}-session move")
    values = track.values[:end + 1]
    moves = values[sessions:] - values[:-sessions]
    if not points:
        moves = moves / np.abs(values[:-sessions]) * 100.0
    current, earlier = float(moves[-1]), moves[:-sessions]  # earlier windows that end before this one starts
    hits = np.flatnonzero(earlier >= current if side == "best" else earlier <= current)
    since = track.day(int(hits[-1]) + sessions) if len(hits) else None
    return {"change": current, "since": since, "since_change": float(earlier[hits[-1]]) if len(hits) else None,
            "sessions": sessions, "unit": "points" if points else "percent", "series": track.column,
            "source": track.source}


# ---- levels reached during the session -------------------------------------------------------------------------

CLOSE_WORDS_RE = re.compile(r"\b(?:clos\w*|finish\w*|ended|ending|settl\w*)\b", re.I)


def says_close(sentence: str) -> bool:
    return bool(CLOSE_WORDS_RE.search(sentence))


def _bars_before(md: MarketData, symbol: str, session: date) -> pd.DataFrame | None:
    if not md.has_bars(symbol):
        return None
    bars = md.bars(symbol)
    return bars.loc[: pd.Timestamp(session)]


def session_bar(md: MarketData, symbol: str, session: date) -> dict[str, float] | None:
    """The session's high and low, or None where the data has no range for it."""
    bars = _bars_before(md, symbol, session)
    if bars is None or not len(bars) or bars.index[-1] != pd.Timestamp(session):
        return None
    row = bars.iloc[-1]
    if np.isnan(row["high"]) or np.isnan(row["low"]):
        return None
    return {"high": float(row["high"]), "low": float(row["low"])}


def intraday_record(md: MarketData, symbol: str, session: date, side: str) -> float | None:
    """The session's high (or low) when it is beyond every earlier high and close (low and close); None when
    it is not, or when the data has no intraday range for the session."""
    bars = _bars_before(md, symbol, session)
    if bars is None or len(bars) < 2 or bars.index[-1] != pd.Timestamp(session):
        return None
    today, earlier = bars.iloc[-1], bars.iloc[:-1]
    column = "high" if side == "high" else "low"
    if np.isnan(today[column]):
        return None
    extremes = pd.concat([earlier[column].dropna(), earlier["close"].dropna()])
    beyond = today[column] > extremes.max() if side == "high" else today[column] < extremes.min()
    return float(today[column]) if beyond else None


def last_traded_beyond(md: MarketData, symbol: str, session: date, level: float, side: str) -> date | None:
    """The last earlier session whose intraday low (or high) reached ``level``: 'a 10-month low' counts the
    levels traded during sessions, not only closes. None when no earlier session did (or no ranges)."""
    bars = _bars_before(md, symbol, session)
    if bars is None or len(bars) < 2:
        return None
    earlier = bars.iloc[:-1] if bars.index[-1] == pd.Timestamp(session) else bars
    column = "low" if side == "low" else "high"
    reached = earlier[column] <= level if side == "low" else earlier[column] >= level
    hits = earlier.index[reached.fillna(False).to_numpy(dtype=bool)]
    return hits[-1].date() if len(hits) else None


# ---- runs of weeks, runs of closes beyond a level ------------------------------------------------------------

WEEK_WORDS_RE = re.compile(r"\bweek(?:ly|s)?\b", re.I)
DAY_WORDS_RE = re.compile(r"\b(?:days?|sessions?|daily)\b", re.I)
# "has now closed above the historically extreme level of a 30 reading for 50 days in a row"
LEVEL_RUN_RE = re.compile(r"\b(?:closed|stayed|remained|held|ended|finished|been)\s+(?P<side>above|below|over|under)"
                          r"\s+(?:[A-Za-z-]+\s+){0,6}?(?P<level>\d[\d,]*(?:\.\d+)?)\b(?:\s+[A-Za-z-]+){0,3}?\s+for\s+"
                          r"(?P<n>\d+|[a-z]+)\s+(?:straight\s+|consecutive\s+)?(?:days|sessions|trading days)", re.I)


def closes_beyond_run(md: MarketData, symbol: str, session: date, level: float, side: str) -> int:
    """How many closes in a row, up to the session, were above (or below) ``level``."""
    track = md.price_track(symbol, "price", end=session)
    end = track.position(session)
    if end is None:
        raise ValueError(f"{symbol}: no close on {session.isoformat()}")
    values = track.values[:end + 1]
    beyond = values > level if side in ("above", "over") else values < level
    misses = np.flatnonzero(~beyond)
    return int(len(values) - 1 - misses[-1]) if len(misses) else len(values)


# ---- another series altogether ----------------------------------------------------------------------------------

# economic gauges whose records the wires report beside market moves
GAUGE_RE = re.compile(r"\b(?:consumer (?:sentiment|confidence)|sentiment (?:index|gauge)|index of [a-z ]{0,30}"
                      r"(?:sentiment|confidence|activity|prices)|(?:services|manufacturing) (?:index|gauge|sector)|"
                      r"purchasing managers|jobless claims|unemployment(?: rate)?|housing starts|home sales|"
                      r"retail sales|consumer prices|producer prices|inflation)\b", re.I)
RECORD_WORDS_RE = re.compile(r"\b(?:record|all-time|lifetime|highest|lowest|biggest|largest|worst|best|steepest|"
                             r"sharpest|\w+[- ](?:year|month|week)[- ](?:high|low|peak|trough))\b", re.I)
CLAUSE_BREAK_RE = re.compile(r"[,;:]|\b(?:and|after|as|while|when|but|before|which)\b", re.I)
# "its biggest drop since the indicator was created in 1997": the series began in that year
SERIES_BEGAN_RE = re.compile(r"\bsince (?:the|its|it) ?(?:\w+ )?(?:indicator|index|gauge|survey|series|measure|report)?"
                             r"\s*(?:was |were )?(?:created|launched|began|started|introduced|first published|"
                             r"inception)\s+in\s+(?P<year>(?:19|20)\d\d)\b", re.I)
FOREIGN_MARKET_RE = re.compile(r"\b(?:European|euro[- ]zone|German|Japanese|British|U\.K\.|Italian|French|Spanish|"
                               r"Bunds?|gilts?|JGBs?|Canadian|Australian)\b", re.I)
US_WORDS_RE = re.compile(r"\b(?:U\.S\.|US|Treasury|Treasuries|American)\b")
# an MSCI index, not MSCI Inc.'s shares: 'MSCI's all-country world index', 'MSCI's gauge of Latin American
# shares', 'emerging markets as tracked by MSCI' (session 32: the last two were read as the company's stock)
MSCI_INDEX_RE = re.compile(r"\bMSCI(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,3}?(?:index|indices|indexes|benchmark|measure|"
                           r"gauge|barometer)\b|\bMSCI (?:world|all-country|all country|emerging|EAFE|Asia|Europe)\b"
                           r"|\b(?:measured|tracked|gauged) by (?:the )?MSCI\b", re.I)
# "raising the package to a record $150 billion": the record is an amount of money, not a price
AMOUNT_RECORD_RE = re.compile(r"\brecord(?:[- ](?:high|low))?\s+(?:of\s+)?(?:US)?\$?\s?\d[\d,.]*\s*"
                              r"(?:billion|million|trillion|bln|mln)\b", re.I)
# "set a record for net earnings", "a record in quarterly sales": the business's record
# ("a record for Wall Street CEO compensation")
BUSINESS_RECORD_RE = re.compile(rf"\brecord\s+(?:for|in)\s+(?:[\w-]+\s+){{0,4}}{BUSINESS_WORDS}\b", re.I)
# ('paid $3 billion for 9 percent of a bank, beating rivals': a deal's money, won over other bidders)
BUSINESS_RE = re.compile(rf"\b{BUSINESS_WORDS}\b|\b(?:advertising|market share|business)\b"
                         r"|(?:\bUS)?\$\s?\d[\d,.]*\s*(?:billion|million|trillion|bln|mln)\b", re.I)


# words that put a level next to its record, not at it: 'propelled the Dow to near-record highs', 'battled a resistance
# level of its record closing high', 'within 1 percent of its record', 'just shy of its all-time high'; the record
# word is the head of the phrase the extraction read as a record set
NEAR_RECORD_RE = re.compile(
    r"\bnear[- ](?=(?:record|all-time|lifetime)\b)"
    r"|\b(?:near|nearing|approach(?:ed|es|ing)?|neared|shy of|short of|below|under|within (?:[\w.%-]+ ){1,3}of"
    r"|close to|resistance(?: level)? (?:at|of|near)|(?:test(?:ed|ing|s)?|challeng(?:ed|ing|es)?)"
    r"|fail(?:ed|s|ing)? to (?:set|reach|hit|top|break|match)) (?:(?:its|their|the|a|an|new) ){0,2}"
    r"(?=(?:record|all-time|lifetime)\b)", re.I)


def near_a_record(claim: Claim) -> str | None:
    """The words just before a record claim's record word that put the level near the record rather than at it
    ('near-record highs', 'a resistance level of its record closing high'); None when the words set a record."""
    sentence = claim.sentence or ""
    start = claim.span_start or 0
    end = claim.span_end if claim.span_end is not None else len(sentence)
    head = re.search(r"\b(?:record|all-time|lifetime)\b", sentence[start:end], re.I)
    if head is None:
        return None
    at = start + head.start()
    m = next((found for found in NEAR_RECORD_RE.finditer(sentence, max(0, at - 40)) if found.end() == at),
             None)
    return m.group(0).strip() if m else None


def another_series(claim: Claim, market: MarketData) -> str | None:
    """Why the record or superlative belongs to another series than the instrument's prices; None when it can be
    the instrument's."""
    assert claim.instrument is not None and claim.instrument.symbol is not None
    sentence, symbol = claim.sentence, claim.instrument.symbol
    if m := AMOUNT_RECORD_RE.search(sentence):
        return f"the record is an amount of money ('{m.group(0)}'), not a price"
    if m := BUSINESS_RECORD_RE.search(sentence):
        return f"the record is the business's ('{m.group(0)}'), not a price"
    if (m := SERIES_BEGAN_RE.search(sentence)) and _data_begins_before(market, symbol, int(m.group("year"))):
        return (f"the sentence dates the series' start to {m.group('year')} ('{m.group(0)}'), while "
                f"{claim.instrument.name}'s prices go back further: it is about another series")
    if (msci := an_msci_index(symbol, sentence)) is not None:
        return msci
    if market.registry.get(symbol).kind == "yield" and (m := FOREIGN_MARKET_RE.search(sentence)) and \
            not US_WORDS_RE.search(sentence):
        return f"the yield is a foreign one ('{m.group(0)}'); the data has US yields only"
    gauge = _gauge_in_record_clause(claim)
    if gauge:
        return f"the record belongs to an economic gauge ('{gauge}') named in its clause, not to " \
            f"{claim.instrument.name}"
    return None


def an_msci_index(symbol: str | None, sentence: str) -> str | None:
    """Why figures given to MSCI Inc. are an MSCI index's (``MSCI_INDEX_RE``); None where they can be its shares."""
    if symbol == "MSCI" and (m := MSCI_INDEX_RE.search(sentence)):
        return f"the sentence speaks of an MSCI index ('{m.group(0)}'), not of MSCI Inc.'s shares"
    return None


def business_figure(claim: Claim) -> str | None:
    """'earnings for the S&P 500 fell 20.4 percent, the worst performance in six years', 'a business in which
    Microsoft is trailing Google': a comparison of the business, not of prices."""
    m = BUSINESS_RE.search(claim.sentence)
    if m is None or re.search(r"\b(?:shares?|stocks?)\b", claim.sentence, re.I):
        return None
    return f"the comparison is about the business ('{m.group(0)}'), not the share price"


def _data_begins_before(market: MarketData, symbol: str, year: int) -> bool:
    try:
        first = market.price_track(symbol, "price").first_day
    except Exception:  # noqa: BLE001 - no data: nothing to compare the stated start with
        return False
    return first.year < year - 1


def _gauge_in_record_clause(claim: Claim) -> str | None:
    """An economic gauge named in the clause that leads to the record words, where no record words follow a
    clause naming the instrument: 'after an index of consumer sentiment fell to a 16-year low and retailer
    Best Buy warned ...' (but not 'the Dow fell to a five-year low while confidence hit a record low')."""
    assert claim.instrument is not None
    sentence = claim.sentence
    names = [w for w in (claim.instrument.symbol, *claim.instrument.name.split()) if w and len(w) > 2]
    gauges = []
    for record in RECORD_WORDS_RE.finditer(sentence):
        before = sentence[:record.start()]
        breaks = list(CLAUSE_BREAK_RE.finditer(before))
        clause = before[breaks[-1].end():] if breaks else before
        if any(re.search(rf"\b{re.escape(n)}\b", clause) for n in names):
            return None  # the instrument has record words of its own
        if gauge := GAUGE_RE.search(clause):
            gauges.append(gauge.group(0))
    return gauges[0] if gauges else None
