"""Trying the other readings of a record, a superlative, a comparison or a streak before accusing.

``moves.py`` checks such a claim on its own session's closes; where that says `contradicted`, these functions
try what a careful reader would (``extremes.py`` has the measures and the words): another series than the
instrument's prices (unverifiable), the sessions the sentence names, a level reached during the session where
the words do not say close, weeks where the sentence speaks of weeks. A reading that fits makes the claim
`supported` with the reading named; a claim that stays `contradicted` lists the readings tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from analyzer.check import extremes
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.timeref import DATE_RE, resolve_date_mention
from analyzer.market.calendar import next_session, previous_session
from analyzer.market.data import MarketData
from analyzer.records import Claim, Verdict

Check = Callable[[Claim, MarketData, date], Verdict]
# what a reading on a session the data cannot measure raises (check_claim turns the same into `unverifiable`)
UNMEASURABLE = (MarketDataError, ValueError, KeyError, IndexError, ZeroDivisionError)


def near_a_record(claim: Claim, verdict: Verdict) -> Verdict | None:
    """`unverifiable` for a contradicted record whose words put the level near its record, not at a new one
    ('propelled the Dow to near-record highs', 'battled a resistance level of its record closing high'): no
    distance is named to check; None when the words set a record."""
    near = extremes.near_a_record(claim)
    if near is None:
        return None
    return Verdict("unverifiable", f"the words put the level near its record ('{near} record'), not at a new one, "
                   f"and say no distance to check. As a record: {verdict.explanation}", verdict.evidence,
                   readings=["a record set", "a level near the record (no distance named)"])


def try_readings(claim: Claim, market: MarketData, session: date, verdict: Verdict, check: Check,
                 months: bool) -> Verdict:
    """``verdict`` is ``check``'s `contradicted` on the claim's session; ``months`` lets a month the sentence
    names ('in late November', 'that October') place a record (a superlative's month is too loose a place)."""
    assert claim.instrument is not None
    why = extremes.another_series(claim, market)
    if why is None and claim.kind == "comparison":
        why = extremes.business_figure(claim)
    if why is not None:
        return Verdict("unverifiable", f"{claim.instrument.name}: {why}, so its prices cannot settle the claim. On "
                       f"its prices: {verdict.explanation}", verdict.evidence,
                       readings=[f"{claim.instrument.name}'s prices", "another series named in the sentence"])
    tried = [f"the session {session.isoformat()}"]
    named = [("the claim's session", [session])]
    for words, days in extremes.named_sessions(claim.sentence, session):
        # "this week" in a story of Monday morning names no session yet
        if days and (months or words.split()[0].lower() not in ("in", "that", "during")):
            named.append((f"'{words}'", days))
            tried.append(f"'{words}' ({days[0].isoformat()}..{days[-1].isoformat()})")
    written = _since_as_written(claim, session)
    if written is not None:
        tried.append(f"the 'since' date as written ({written.period_start})")
        found = _first_supported(written, market, [session], check)
        if found is not None:
            return Verdict("supported", f"read with the 'since' date as the sentence writes it: {found.explanation}",
                           found.evidence, readings=tried)
    for words, days in named[1:]:
        found = _first_supported(claim, market, days, check)
        if found is not None:
            return Verdict("supported", f"read as {words}, as the sentence says: {found.explanation}",
                           found.evidence, readings=tried)
    if claim.kind == "record" and not extremes.says_close(claim.sentence):
        tried.append("levels reached during those sessions (the words do not say close)")
        found = _intraday_reading(claim, market, named)
        if found is not None:
            return Verdict("supported", found.explanation, found.evidence, readings=tried)
        if claim.period == "intraday" and _near_without_a_range(claim, market, session):
            return Verdict("unverifiable", f"{verdict.explanation} Not called an error: the piece was written during "
                           "the session, of a level reached then; the data has no high or low for the session, and "
                           f"the close was within {NEAR_EXTREME_SHARE:.0%} of the recent closes' extreme.",
                           verdict.evidence, readings=[*tried, "a level reached during the session (no range)"])
    if claim.kind == "record" and (crossed := _crossed_the_record_close(claim, market, session, verdict)) is not None:
        return crossed
    return Verdict("contradicted", f"{verdict.explanation} Readings tried: {'; '.join(tried)}.", verdict.evidence,
                   verdict.diagnosis, verdict.severity, [*verdict.readings, *tried])


# "the S&P 500 rose above its record closing high for the first time in seven years", "went above", "topped": a level
# crossed during the session (the record close is the mark it crossed, not the kind of level it set); the verbs are
# the lexicon's (moves.crossing_verbs with a crossing preposition, moves.crossed_mark_verbs alone)
CROSSED_MARK_RE = re.compile(
    rf"\b(?:(?:{lexicon.alternation(lexicon.words('moves', 'crossing_verbs'))})\s+"
    rf"(?:{lexicon.alternation(lexicon.words('moves', 'crossing_prepositions'))})"
    rf"|{lexicon.alternation(lexicon.words('moves', 'crossed_mark_verbs'))})\s+(?:its|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}(?:record|all-time)\s+(?:closing|close)\b", re.I)


def _crossed_the_record_close(claim: Claim, market: MarketData, session: date, verdict: Verdict) -> Verdict | None:
    """A record close the session's high went beyond (the low, for a record low): `supported` as crossed during the
    session; None where the words say no crossing or the data has no range or no earlier record."""
    if claim.what not in ("record_close_high", "record_close_low") or not CROSSED_MARK_RE.search(claim.sentence):
        return None
    from analyzer.market import measures

    assert claim.instrument is not None and claim.instrument.symbol is not None
    record = next((e.figures.get("previous_record") for e in verdict.evidence
                   if e.figures.get("previous_record") is not None), None)
    try:
        rng = measures.session_range(market, market.registry.get(claim.instrument.symbol).data_symbol, session)
    except UNMEASURABLE:
        return None
    high = claim.what == "record_close_high"
    level = rng.get("high" if high else "low")
    if record is None or level is None or (level <= record if high else level >= record):
        return None
    return Verdict("supported", f"{verdict.explanation} Read as crossed during the session, as the words say: the "
                   f"session's {'high' if high else 'low'} {level:,.2f} went beyond the record close "
                   f"{record:,.2f}.", verdict.evidence, readings=[*verdict.readings, "the session's range against "
                                                                "the record close"])


NEAR_EXTREME_SHARE = 0.05  # how far a session's high (low) may plausibly run beyond its close
RECENT_SESSIONS = 20


def _near_without_a_range(claim: Claim, market: MarketData, session: date) -> bool:
    """'sending its shares to an eight-year high' in a noon piece, of a stock whose data has adjusted closes only:
    the session's level cannot be measured, and the close lies within reach of the recent closes' extreme."""
    from analyzer.market import measures

    assert claim.instrument is not None and claim.instrument.symbol is not None
    symbol = market.registry.get(claim.instrument.symbol).data_symbol
    try:
        measures.session_range(market, symbol, session)
        return False  # a range to read: _intraday_reading has had its say
    except MarketDataError:
        pass
    try:
        track = market.price_track(symbol, "price", end=session)
    except MarketDataError:
        return False
    at = track.position(session)
    if at is None or at < RECENT_SESSIONS:
        return False
    close, before = track.values[at], track.values[at - RECENT_SESSIONS:at]
    if (claim.what or "").endswith("low") or claim.what == "lowest_since":
        return close <= before.min() * (1 + NEAR_EXTREME_SHARE)
    return close >= before.max() * (1 - NEAR_EXTREME_SHARE)


def _since_as_written(claim: Claim, session: date) -> Claim | None:
    """'since October 15, 2002' read as 2007-10-15 where the year was lost: the claim with the date as written;
    None where the sentence gives no full date after 'since', or the claim already has it."""
    since = re.search(r"\bsince\b", claim.sentence, re.I)
    m = DATE_RE.search(claim.sentence, since.end()) if since else None
    if m is None or not (m.group("year") or m.group("year2")):
        return None
    written = resolve_date_mention(m, session)
    if written is None or claim.period_start == written.isoformat():
        return None
    return replace(claim, period_start=written.isoformat(), time_text=f"since {m.group(0)}")


def _intraday_reading(claim: Claim, market: MarketData, named: list[tuple[str, list[date]]]) -> Verdict | None:
    for words, days in named:
        for day in days:  # the claim's own session first, then those the words name
            try:
                found = _intraday_on(claim, market, day)
            except UNMEASURABLE:
                continue
            if found is not None:
                where = "" if words == "the claim's session" else f" (read as {words})"
                return Verdict("supported", found.explanation + where, found.evidence)
    return None


def _first_supported(claim: Claim, market: MarketData, days: list[date], check: Check) -> Verdict | None:
    for day in days:
        try:
            verdict = check(claim, market, day)
        except UNMEASURABLE:  # a session the data does not cover is no reading that fits
            continue
        if verdict.verdict == "supported":
            return verdict
    return None


def _intraday_on(claim: Claim, market: MarketData, day: date) -> Verdict | None:
    """'pushed the Dow to lifetime highs on October 11', 'was down at 2,340.02, a 10-month low': the level
    reached during the session, against every earlier session's range; None where it does not fit (or the data
    has no ranges)."""
    # imported here: moves.py imports this module to call it
    from analyzer.check.moves import since_window

    assert claim.instrument is not None and claim.instrument.symbol is not None
    symbol = market.registry.get(claim.instrument.symbol).data_symbol
    what = claim.what or "record_close_high"
    side = "low" if what.endswith("low") or what == "lowest_since" else "high"
    name = claim.instrument.name
    if what in ("record_close_high", "record_close_low"):
        value = extremes.intraday_record(market, symbol, day, side)
        if value is None:
            return None
        return Verdict("supported", f"as a level reached during the session: {name}'s {side} of {value:,.2f} on "
                       f"{day.isoformat()} was beyond every earlier session's {side} and close.", [])
    if what not in ("highest_since", "lowest_since"):
        return None
    bars = extremes.session_bar(market, symbol, day)
    window = since_window(claim, day)
    if bars is None or window is None:
        return None
    level = claim.level if claim.level is not None else bars[side]
    last = extremes.last_traded_beyond(market, symbol, day, level, side)
    start, end = window
    if last is None or not start <= last <= end:
        return None
    return Verdict("supported", f"as a level reached during trading: {name} at {level:,.2f} on {day.isoformat()}; "
                   f"the last earlier session that traded {'as low' if side == 'low' else 'as high'} was "
                   f"{last.isoformat()}, within the {start.isoformat()}..{end.isoformat()} the claim names.", [])


def level_run(claim: Claim, market: MarketData, session: date) -> Verdict | None:
    """'The VIX has closed above 30 for 50 days in a row': the words fix the run, closes beyond a level."""
    assert claim.instrument is not None and claim.instrument.symbol is not None
    m = extremes.LEVEL_RUN_RE.search(claim.sentence)
    if m is None or claim.length is None:
        return None
    level, side = float(m.group("level").replace(",", "")), m.group("side").lower()
    symbol = market.registry.get(claim.instrument.symbol).data_symbol
    run = extremes.closes_beyond_run(market, symbol, session, level, side)
    ok = run == claim.length
    return Verdict("supported" if ok else "contradicted",
                   f"{claim.instrument.name} to {session.isoformat()}: {run} closes in a row {side} {level:,.2f}; "
                   f"the claim says {claim.length}.", [], readings=[f"closes {side} {level:,.2f} in a row"])


def weekly_run(claim: Claim, market: MarketData, session: date, verdict: Verdict, check: Check) -> Verdict:
    """A run whose unit the words do not give, in a sentence that speaks of weeks ('their sixth weekly decline;
    for the Dow it was the fourth straight decline'), is also tried in weeks."""
    tried = [f"a run of {claim.unit or 'day'}s to {session.isoformat()}"]
    # a unit of 'day' may be only the default: a sentence without day words that speaks of weeks is tried in weeks
    if claim.unit in (None, "day") and extremes.WEEK_WORDS_RE.search(claim.sentence) and \
            not extremes.DAY_WORDS_RE.search(claim.sentence):
        tried.append(f"a run of weeks to {session.isoformat()}")
        weekly = check(_with_unit(claim, "week"), market, session)
        if weekly.verdict == "supported":
            return Verdict("supported", f"read in weeks, as the sentence speaks of weeks: {weekly.explanation}",
                           weekly.evidence, readings=tried)
    if claim.unit == "week" and claim.what != "ended_streak" and (done := _last_finished_week(session)) is not None:
        # "The S&P 500 has enjoyed six straight weeks of gains" on a Tuesday: the weeks told are the finished ones
        tried.append(f"a run of weeks to {done.isoformat()}, the last finished week")
        finished = check(claim, market, done)
        if finished.verdict == "supported":
            return Verdict("supported", f"counted over the finished weeks, the session's own week not being over: "
                           f"{finished.explanation}", finished.evidence, readings=tried)
    return Verdict(verdict.verdict, f"{verdict.explanation} Readings tried: {'; '.join(tried)}.", verdict.evidence,
                   verdict.diagnosis, verdict.severity, [*verdict.readings, *tried])


# 'following three consecutive days of gains': the run told stands before the moment of the sentence
RUN_BEFORE_RE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.words("time", "run_before_words"), True) +
                           r")\s+(?:(?:a|an|the|its|their|his|her)\s+)?$", re.I)


def run_before(claim: Claim, market: MarketData, session: date, verdict: Verdict, check: Check) -> Verdict:
    """A run of days the words put before the moment told ('GE shares were down 2 cents, following three
    consecutive days of gains'; 'edged down on Friday after five straight days of gains') may have ended at the
    session before: it is also counted to there. Only a run of days whose own words follow 'after' or
    'following'; a run still going ('its fourth straight gain') is counted to the session alone."""
    if verdict.verdict != "contradicted" or claim.what == "ended_streak" or claim.unit not in (None, "day") or \
            claim.span_start is None or not RUN_BEFORE_RE.search(claim.sentence[:claim.span_start]):
        return verdict
    before = previous_session(session)
    try:
        earlier = check(claim, market, before)
    except UNMEASURABLE:
        return verdict
    tried = f"the run to {before.isoformat()}, the session before, as the words put it before the moment told"
    if earlier.verdict == "supported":
        return Verdict("supported", f"counted to the session before, the run standing before the moment the "
                       f"sentence tells: {earlier.explanation}", earlier.evidence,
                       readings=[*verdict.readings, tried])
    return Verdict(verdict.verdict, f"{verdict.explanation} Also tried: {tried}.", verdict.evidence,
                   verdict.diagnosis, verdict.severity, [*verdict.readings, tried])


def _last_finished_week(session: date) -> date | None:
    """The last session of the week before ``session``'s, when ``session`` is not its own week's last session."""
    if next_session(session).isocalendar()[:2] != session.isocalendar()[:2]:
        return None  # the session ends its week: the week is finished
    return previous_session(session - timedelta(days=session.weekday()))


def _with_unit(claim: Claim, unit: str) -> Claim:
    return replace(claim, unit=unit)
