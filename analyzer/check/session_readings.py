"""Second looks for a stock's move that is a price from during the session or from extended hours, read from
what the article itself says about the same stock and the same day (``article.second_look_in_article`` tries
them after its own looks).

Many wire stories are first written while the market is open, or in the evening after results, and keep an
earlier quote beside the close: 'Boeing shares traded slightly higher Wednesday before closing 0.5 percent
lower', 'Marvell shares traded down 3.4 percent at $14.26 following the earnings report, after closing up 2.2
percent', 'Ford shares fell more than 2.5 percent to $6.59 ... The stock, which closed down 1 percent'. A bank
list under 'In pre-market electronic trading on Friday, the following bank shares fell:' in a piece stamped
before the open is a list of pre-market quotes. Daily closes (most stocks before 2010 have no high-low range)
cannot settle such a price: the careful reading is `unverifiable`, with the reason.

Two more of the same kind: an index figure in a piece whose text tells only of the session before its stamp
('on Thursday' in a Friday-evening piece) that lies inside that session's range; and a figure whose sentence has no
word of the close and names no day, in a piece stamped during or after its session none of whose other figures of
that day holds as a close, inside the session's high-low range (a stock without a range only where the piece's
other figures are read as figures from during the session).

What keeps the accusation: the claim's own words say it is a close or name another day; its figure is not in
its sentence, or its direction is not the one its words give (so it is not what the article wrote); the
article's other figures of that day are closes; or the figure lies outside anything the session (or, for a
quote told out of hours, the session it led into) could have traded.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta

from analyzer.check import article as art
from analyzer.check import snapshot_line
from analyzer.check.article import Sibling
from analyzer.check.figures import has_figure
from analyzer.check.moves import prices_comparable
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.timeref import FULL_MONTHS_ALT
from analyzer.market import measures
from analyzer.market.calendar import next_session
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

UP_WORDS = lexicon.words("moves", "up_verbs")
DOWN_WORDS = lexicon.words("moves", "down_verbs")
DIRECTION_WORDS = lexicon.labels("moves", "direction_words")
MOVE_NOUNS = lexicon.labels("moves", "move_nouns")
PAST_FORMS = lexicon.labels("moves", "past_forms")

# a price told out of hours may lead into a session that moves as far as the stock's recent sessions did: the
# largest close-to-close move of this many sessions before it (at least the extended-hours slack) widens the band
RECENT_SESSIONS = 20
# "The stock, which closed down 1 percent to $6.80": the sentence after the claim gives the same stock's close
CLOSE_AFTER_RE = re.compile(rf"(?:{art.CLOSE_WORD_RE.pattern})[^.;]{{0,30}}?(?:\d|\b(?:"
                            rf"{'|'.join(map(re.escape, sorted(DIRECTION_WORDS)))})\b)", re.I)


def _lemma(word: str) -> str:
    """A move word's lemma, well enough to look it up: 'fell' -> 'fall', 'slipped' -> 'slip', 'drops' -> 'drop'."""
    if word in PAST_FORMS:
        return PAST_FORMS[word] or word
    for suffix, back in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("es", ""), ("s", "")):
        if word.endswith(suffix) and (stem := word[:len(word) - len(suffix)] + back) in UP_WORDS | DOWN_WORDS | \
                set(MOVE_NOUNS):
            return stem
    return word


def words_direction(text: str) -> set[str]:
    """The directions the words of ``text`` give: move verbs ('fell', 'rose'), move nouns ('a 2% gain') and
    direction words ('higher', 'down')."""
    found: set[str] = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in DIRECTION_WORDS and DIRECTION_WORDS[word] in ("up", "down"):
            found.add(DIRECTION_WORDS[word] or "")
            continue
        lemma = _lemma(word)
        if lemma in UP_WORDS or MOVE_NOUNS.get(lemma) == "up":
            found.add("up")
        elif lemma in DOWN_WORDS or MOVE_NOUNS.get(lemma) == "down":
            found.add("down")
    return found


def _as_written(claim: Claim, own: str) -> bool:
    """The claim is what its sentence says: its figure (if it states one) is in the sentence, and its own words or
    its move word give its direction."""
    return (art._figure_found(claim) or not has_figure(claim)) and \
        claim.direction in words_direction(f"{own} {claim.verb or ''}")


def _same_stock(other: Claim, claim: Claim) -> bool:
    if other.instrument is None or claim.instrument is None:
        return False
    if other.instrument.symbol and claim.instrument.symbol:
        return other.instrument.symbol == claim.instrument.symbol
    # a sibling the data could not place ('WEN1543 TI shares fell'): by the last word of its name
    name = (other.instrument.name or "").split()[-1:] if not other.instrument.symbol else []
    return bool(name) and re.search(rf"\b{re.escape(name[0])}\b", art._own(claim)) is not None


def _figures(claim: Claim) -> tuple:
    return claim.direction, claim.change_pct, claim.change_points, claim.level




def _close_told_beside(claim: Claim, siblings: Sequence[Sibling], article: Article | None) -> str | None:
    """Where the article gives the same stock's close for the claim's session with other figures: a sibling of
    that stock and day whose own words say it closed, or that holds close to close; or the next sentence going
    on about the stock ('The stock, which closed down 1 percent')."""
    others = [s for s in siblings if s.claim is not claim and s.claim.kind == "stock_move" and
              s.claim.session == claim.session and (s.claim.period or "day") == "day" and
              _same_stock(s.claim, claim) and _figures(s.claim) != _figures(claim)]
    said = [s for s in others if art.CLOSE_WORD_RE.search(art.BASE_CLOSE_RE.sub(" ", art._own(s.claim)))]
    # against a figure, a sibling that holds gives the close only with a figure of its own: 'Chevron ( CVX.N ) ...
    # rose' holds of nearly any day up, and says nothing of where 'Chevron climbed 3.0 percent' stood
    held = [s for s in others if s.verdict is not None and s.verdict.verdict == "supported" and
            (has_figure(s.claim) or not has_figure(claim))]
    for sibling in (*said, *held):
        return f"'{art._own(sibling.claim).strip()[:80]}'"
    if article is None:
        return None
    after = article.text[claim.char_end:claim.char_end + 300].lstrip(" \"'\u201d")
    following = re.split(r"(?<=[.!?])\s+", after, maxsplit=1)[0]
    if art.CARRIED_SUBJECT_RE.match(following) and (told := CLOSE_AFTER_RE.search(following)):
        return f"'{told.group(0)}' in the next sentence"
    return None


def _largest_recent_move(market: MarketData, symbol: str, session: date) -> float:
    """The largest close-to-close move (a share) of the stock's ``RECENT_SESSIONS`` sessions before ``session``."""
    try:
        closes, _ = market.price_series(symbol, start=session - timedelta(days=2 * RECENT_SESSIONS), end=session)
    except (MarketDataError, KeyError, ValueError):
        return 0.0
    window = closes[closes.index < str(session)].tail(RECENT_SESSIONS + 1)
    moves = window.pct_change().abs().dropna()
    return float(moves.max()) if len(moves) else 0.0


def _could_have_traded(claim: Claim, verdict: Verdict, market: MarketData, sessions: Sequence[date],
                       recent: bool) -> str | None:
    """Whether a price the claim implies (from the session's previous close or its close) lies in the band of one
    of ``sessions``: a description of the band, '' for a claim with no figure to place, None when it lies
    outside every band (``recent``: widened by the stock's largest recent move)."""
    symbol = art._data_symbol(claim, verdict, market)
    if symbol is None:
        return None
    if claim.change_pct is None and claim.change_points is None and claim.level is None:
        return ""
    probe = art.replace(claim, level=None) if claim.change_pct is not None or claim.change_points is not None \
        else claim
    for session in sessions:
        slack = max(art.EXTENDED_SLACK_SHARE, _largest_recent_move(market, symbol, session) if recent else 0.0)
        band = art.session_band(market, symbol, session, slack)
        if band is None:
            continue
        try:
            change = measures.session_change(market, symbol, session)
        except (MarketDataError, ValueError, KeyError):
            continue
        if probe.change_pct is None and not prices_comparable(probe, change, change.series, []):
            # 'jumped $1.46 to $16.15' against adjusted closes: only its direction can be read, and the readings
            # of this module are about the direction
            return "; its quoted price cannot be placed: the data's closes are adjusted, not traded prices"
        if "no intraday range" in band.words:
            low, high = band.low * (1 - slack), band.high * (1 + slack)
        else:
            low, high = band.low, band.high
        for base in (band.base, change.end_value):
            implied = art._implied_level(probe, base)
            if implied is not None and low <= implied <= high:
                return f"; the implied {implied:,.2f} lies within {band.words} on {session.isoformat()}"
    return None


def _words_date_the_figure(claim: Claim) -> bool:
    """'gained 2.4 percent a day after sliding 9.7 percent', 'last month, when it lost 6 percent': the words before
    the figure give it another day or period than the stock's close named elsewhere (the readings try that one)."""
    from analyzer.check.readings import DAY_AFTER_RE, WHEN_LAST_RE, WHEN_QUARTER_RE

    before = claim.sentence[:art.figure_position(claim)]
    return any(pattern.search(before) for pattern in (DAY_AFTER_RE, WHEN_LAST_RE, WHEN_QUARTER_RE))


def beside_its_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                     siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'Boeing shares traded slightly higher Wednesday before closing 0.5 percent lower', 'TI shares fell 5 percent'
    in an evening piece that also says TI closed up 1.79 percent: the article gives the stock's close for the day
    elsewhere, with other figures, so this figure, told without a word of the close, is a price from during the
    session or from after the close, which daily closes cannot settle."""
    if claim.kind != "stock_move" or says_close or (claim.period or "day") != "day" or claim.session is None or \
            not _as_written(claim, own):
        return None
    told = _close_told_beside(claim, siblings, article)
    if told is None or _words_date_the_figure(claim):
        return None
    day = date.fromisoformat(claim.session)
    stamp = art.stamp_of(article)
    sessions = [day, next_session(day)] if stamp is not None and stamp.where == "after the close" and \
        stamp.day == day else [day]
    where = _could_have_traded(claim, verdict, market, sessions, recent=False)
    if where is None and _furthest_without_a_range(claim, verdict, market, day):
        # 'fell as much as 26 percent' (the furthest the stock went) beside its close: without a high-low range the
        # band its closes allow says nothing of how far it went; the band widened by its recent moves does
        where = _could_have_traded(claim, verdict, market, sessions, recent=True)
    if where is None:
        return None
    return art._note(verdict, f"the article gives the stock's close for {claim.session} elsewhere ({told}), so this "
                     f"figure, told without a word of the close, is a price from during the session or after the "
                     f"close, which daily closes cannot settle{where}",
                     "a price from during the session or after hours (the article gives the close elsewhere)")


def _furthest_without_a_range(claim: Claim, verdict: Verdict, market: MarketData, day: date) -> bool:
    """A figure told as the furthest the stock went ('as much as') where the data has no high-low range."""
    if claim.qualifier != "as much as":
        return False
    symbol = art._data_symbol(claim, verdict, market)
    band = art.session_band(market, symbol, day, 0.0) if symbol else None
    return band is not None and "no intraday range" in band.words


def pre_market_words_before_the_open(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """'In pre-market electronic trading on Friday, the following bank shares fell: * Citigroup shares fall 9.6
    percent to $11.85 ...' stamped at 8:58 a.m.: a piece stamped before the open whose text before the claim
    speaks of trading outside the session gives its stock figures as quotes of that trading, measured from the
    last close, unless their words say they closed or name another day, or the article's other figures are
    closes. A quote far outside what the session it led into traded (widened by the stock's recent moves) still
    fails."""
    stamp = art.stamp_of(article)
    if article is None or stamp is None or stamp.where != "before the open" or claim.kind != "stock_move" or \
            says_close or (claim.period or "day") != "day" or not _as_written(claim, own):
        return None
    if claim.session not in (stamp.last_close.isoformat(), stamp.day.isoformat()) or \
            art._names_another_day(claim, stamp) or \
            art._article_reads_closes(claim, claim.session, siblings, recaps_count=False):
        return None
    before = article.text[:claim.char_start + (claim.span_start or 0)]
    cues = [m for m in art.OUTSIDE_SESSION_RE.finditer(before) if not art.CLOSE_WORD_RE.search(before[m.end():])]
    if not cues:
        return None
    where = _could_have_traded(claim, verdict, market, [stamp.leads_into], recent=True)
    if where is None:
        return None
    return art._note(verdict, f"the piece was stamped before the open and its text speaks of trading outside the "
                     f"session ('{cues[-1].group(0)}'), so the figure is a quote of that trading from the last close "
                     f"({stamp.last_close.isoformat()}), which daily closes cannot settle{where}",
                     "a pre-market quote (the piece's words and its time stamp)")





WEEKDAY_NAMES = tuple(calendar.day_name)[:5]
ON_A_DAY_RE = re.compile(rf"\bon ({'|'.join(WEEKDAY_NAMES)})\b(?!['\u2019])")


def _the_day_the_article_tells(article: Article | None, claim: Claim) -> date | None:
    """The session the article's own words tell of ('European shares were mixed on Thursday' in a piece stamped
    Friday evening): the one weekday its text says 'on <day>' of, the session before the stamp's, when it never
    says 'on' the stamp's own weekday. None otherwise."""
    stamp = art.stamp_of(article)
    if article is None or stamp is None or claim.session != stamp.day.isoformat():
        return None
    named = {m.group(1) for m in ON_A_DAY_RE.finditer(article.text)}
    before = art.previous_session(stamp.day)
    if named != {WEEKDAY_NAMES[before.weekday()]} or (stamp.day - before).days > 4:
        return None
    return before


def during_the_day_the_article_tells(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """'The Dow Jones industrial average was up 34.63 points, or 0.27 percent, at 13,078.59' in a piece stamped
    Friday evening whose text tells only of Thursday ('European shares were mixed on Thursday'): a version of
    Thursday's story, first written while that session was open, re-stamped a day later. An index figure whose
    own words name no day and no close, inside the high-low range of the day the article tells of, cannot be
    called wrong; one outside it (or where the data has no range) stays an error."""
    if claim.kind != "index_move" or says_close or claim.time_text or (claim.period or "day") != "day" or \
            claim.change_pct is None or not _as_written(claim, own):
        return None
    day = _the_day_the_article_tells(article, claim)
    if day is None or art._figure_inside_the_range(claim, market, day) is not True:
        return None
    return art._note(verdict, f"the article's own words tell of {WEEKDAY_NAMES[day.weekday()]}'s session "
                     f"({day.isoformat()}), not of the day it was stamped, and the figure, not said to be a close, "
                     f"lies within what that session traded", "a figure from during the session the article tells of")




def _a_close_of_the_session(sibling: Sibling, session: str | None) -> bool:
    """A day figure of ``session`` that holds close to close (not only as a figure from during the session)."""
    other, verdict = sibling.claim, sibling.verdict
    return verdict is not None and verdict.verdict == "supported" and other.session == session and \
        art._day_figure(other) and "during the session" not in verdict.explanation


def _told_without_the_close(claim: Claim, own: str, says_close: bool, stamp: art.Stamp,
                            siblings: Sequence[Sibling]) -> bool:
    """A day move of the stamp's session (stamped during it or after its close) as written, with no day named and
    no word of the close in its sentence, in a piece none of whose other figures of that day holds as a close."""
    if claim.kind not in ("index_move", "stock_move") or says_close or claim.time_text or \
            (claim.period or "day") != "day" or claim.session != stamp.day.isoformat() or \
            stamp.where == "before the open" or not _as_written(claim, own):
        return False
    return not art.CLOSE_WORD_RE.search(art.BASE_CLOSE_RE.sub(" ", claim.sentence)) and \
        not any(_a_close_of_the_session(s, claim.session) for s in siblings if s.claim is not claim)


def _figures_agree(claim: Claim, base: float) -> bool:
    """An index's stated figures tell one moment: its points, percentage and level all run from the previous close
    (a snapshot is consistent with itself). 'fell 60.10 points, or 0.28 percent' is wrong at every moment of the
    session. A stock's points and price may be quoted on another basis than the data's adjusted closes: not tried."""
    from analyzer.check.figures import figure_agrees

    if claim.kind != "index_move" or not base or claim.direction not in ("up", "down"):
        return True
    sign = -1.0 if claim.direction == "down" else 1.0
    moves = []  # the move each stated figure implies, in percent of the previous close
    if claim.change_points is not None:
        moves.append(sign * claim.change_points / base * 100)
    if claim.level is not None:
        moves.append((claim.level / base - 1) * 100)
    if claim.change_pct is not None:
        return all(figure_agrees(claim.change_pct, claim.stated.get("change_pct"), move, claim.qualifier).ok
                   and (move >= 0) == (sign > 0) for move in moves)
    if len(moves) == 2:
        return abs(claim.level - base - sign * claim.change_points) <= max(art.CENT, 0.0005 * base)
    return True


def no_word_of_the_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                         siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'The Dow Jones industrial average fell nearly 270 points or around 2 percent' in a piece stamped after the
    close (the close was -221, the low -273), 'Exxon Mobil, down 2.5 percent at $82.98' in a piece whose index
    figures hold only as figures from during the session: a sentence with no word of the close and no day, in a
    piece none of whose figures of that day holds as a close, is what a story first written while the market was
    open and re-stamped later keeps. Inside what the session traded (or, without a high-low range, the band its
    closes allow) it cannot be called wrong; outside it, it stays an error."""
    stamp = art.stamp_of(article)
    if stamp is None or not _told_without_the_close(claim, own, says_close, stamp, siblings):
        return None
    symbol = art._data_symbol(claim, verdict, market)
    band = art.session_band(market, symbol, stamp.day, 0.0) if symbol else None
    probe = art.replace(claim, level=None) if claim.change_pct is not None or claim.change_points is not None \
        else claim
    implied = art._implied_level(probe, band.base) if band is not None else None
    if band is None or implied is None or not _figures_agree(claim, band.base):
        return None
    # without a high-low range the band its closes allow is wide: it takes the piece's own figures read as figures
    # from during the session (its index figures inside the range, not at the close) to read a stock's that way
    if "no intraday range" in band.words and not any(
            s.verdict is not None and s.claim.session == claim.session and "during the session" in
            s.verdict.explanation for s in siblings if s.claim is not claim):
        return None
    slack = max(art.CENT, art.SNAPSHOT_SLACK_SHARE * abs(implied))
    if not band.low - slack <= implied <= band.high + slack:
        return None
    return art._note(verdict, f"neither the sentence nor the piece's other figures of {claim.session} say it is a "
                     f"close, and the piece was stamped {stamp.where}: the figure may be one from during the session, "
                     f"kept in a version written while the market was open; read from the previous close it implies "
                     f"{implied:,.2f}, within {band.words}", "a figure from during the session (no word of the close)")





# ---- the period or day another sentence of the article fixes --------------------------------------------------

MONTHS = tuple(calendar.month_name)[1:]
FULL_DATE_RE = re.compile(rf"\b({FULL_MONTHS_ALT}) (\d{{1,2}}), ((?:19|20)\d\d)\b")
SINCE_WORD_RE = re.compile(r"\bsince\b", re.I)
A_MONTH_RE = re.compile(rf"\b({FULL_MONTHS_ALT})(?:['\u2019]s)?\b(?! \d)")
# "September 29 - Britain announces ...": an entry of a chronology, dated at the start of its line
ENTRY_DATE_RE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))({FULL_MONTHS_ALT}) (\d{{1,2}})\s+[-\u2013\u2014]\s")
ENTRY_REACH_CHARS = 1500
# "its largest one-day point drop ever": words of a finished day's move
ONE_DAY_RE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.words("time", "finished_day_words")).replace(
    r"\-", "[- ]") + r")\b", re.I)
EARLY_MINUTES = 60  # a piece stamped this soon after the open knows no close of the session


def _supported_as(claim: Claim, verdict: Verdict, other: Verdict | None, why: str, reading: str) -> Verdict | None:
    if other is None or other.verdict != "supported" or not other.evidence:
        return None
    return Verdict("supported", f"{verdict.explanation} Not called an error: {why}; read as {reading}: "
                   f"{other.explanation}", other.evidence, readings=[*verdict.readings, reading])


def _no_time_of_its_own(claim: Claim, says_close: bool) -> bool:
    return claim.kind == "index_move" and not says_close and not claim.time_text and \
        claim.period in (None, "day", "intraday") and claim.session is not None and \
        (claim.change_pct is not None or claim.change_points is not None)


def since_the_date_the_sentence_before_names(claim: Claim, verdict: Verdict, own: str, says_close: bool,
                                              context: str, siblings: Sequence[Sibling], market: MarketData,
                                              article: Article | None) -> Verdict | None:
    """'the Standard & Poor's 500 index has gained 22 percent since Immelt took over' after a sentence that dates
    the event ('since current Chairman ... took over ... on September 10, 2001'): a move since an event the
    sentence before (or its own) dates, measured from the close of that date. It holds or it is not read so."""
    if not _no_time_of_its_own(claim, says_close) or claim.change_pct is None or not SINCE_WORD_RE.search(own) or \
            article is None:
        return None
    dated = FULL_DATE_RE.findall(claim.sentence) or FULL_DATE_RE.findall(art._sentence_before(article, claim))
    if len(dated) != 1:
        return None
    month, day, year = dated[0]
    start = date(int(year), MONTHS.index(month) + 1, int(day))
    session = date.fromisoformat(str(claim.session))
    if start >= session:
        return None
    other = art._recheck_at(art.replace(claim, period_start=start.isoformat()), market, session, "other")
    return _supported_as(claim, verdict, other, f"its words give a move since an event, and the sentence dates it "
                         f"({month} {day}, {year})", f"the move since {start.isoformat()}")


def _named_month(context: str, session: date) -> tuple[str, date] | None:
    """The one month the sentence before names ('November's flows came despite poor monthly performance'), before
    ``session``: its name and its last day."""
    named = {m.group(1) for m in A_MONTH_RE.finditer(context)}
    if len(named) != 1:
        return None
    month = MONTHS.index(next(iter(named))) + 1
    year = session.year if month < session.month else session.year - 1
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
    return (next(iter(named)), last) if (session - last).days <= 92 else None


def the_month_the_sentence_before_names(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                        siblings: Sequence[Sibling], market: MarketData,
                                        article: Article | None) -> Verdict | None:
    """'The benchmark Standard & Poor's 500 index fell 4.4 percent.' after 'November's flows came despite poor
    monthly performance' in a January piece: an index move with no time words of its own, after a sentence about
    one month that is over, is that month's move as much as the day's. It holds or it is not read so."""
    if not _no_time_of_its_own(claim, says_close) or article is None or \
            art.OWN_TIME_WORDS_RE.search(claim.sentence):
        return None
    named = _named_month(art._sentence_before(article, claim), date.fromisoformat(str(claim.session)))
    if named is None:
        return None
    name, last = named
    try:
        end = art.previous_session(last + timedelta(days=1))
    except (MarketDataError, ValueError):
        return None
    other = art._recheck_at(claim, market, end, "month")
    return _supported_as(claim, verdict, other, f"the sentence has no time words of its own, and the sentence before "
                         f"is about {name}", f"the move of {name} {last.year}")


def the_day_of_the_entry(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                         siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'September 29 - ... -- U.S. House of Representatives rejects the rescue plan. Dow Jones posts its largest
    point decline ever while the S&P 500 has its worst day since 1987 with an 8.8 percent drop.' in a chronology:
    the entry's date fixes the session. It holds or it is not read so."""
    if not _no_time_of_its_own(claim, says_close) or article is None:
        return None
    start = claim.char_start - (claim.span_start or 0)
    entries = list(ENTRY_DATE_RE.finditer(article.text, max(0, start - ENTRY_REACH_CHARS), start))
    if not entries:
        return None
    month, day = entries[-1].group(1), int(entries[-1].group(2))
    session = date.fromisoformat(str(claim.session))
    year = session.year if (MONTHS.index(month) + 1, day) <= (session.month, session.day) else session.year - 1
    try:
        entry = date(year, MONTHS.index(month) + 1, day)
    except ValueError:
        return None
    if entry == session or not art.is_session(entry):
        return None
    other = art._recheck_at(claim, market, entry, "day")
    return _supported_as(claim, verdict, other, f"the claim stands in an entry dated {month} {day}",
                         f"the session of {entry.isoformat()}")


def a_finished_day_early_in_the_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                        siblings: Sequence[Sibling], market: MarketData,
                                        article: Article | None) -> Verdict | None:
    """'The Dow Jones industrial average shed nearly 7 percent, or 778 points -- its largest one-day point drop
    ever' stamped 17 minutes after the open: a finished day's move cannot be the session just begun; the last
    finished session's is the one it can mean. It holds or it is not read so."""
    stamp = art.stamp_of(article)
    if not _no_time_of_its_own(claim, says_close) or stamp is None or stamp.where != "during the session" or \
            claim.session != stamp.day.isoformat() or not ONE_DAY_RE.search(claim.sentence) or article is None or \
            article.published is None:
        return None
    if (art.local_published(article.published) - art.opening_time(stamp.day)).total_seconds() > EARLY_MINUTES * 60:
        return None
    other = art._recheck_at(claim, market, stamp.last_close, "day")
    return _supported_as(claim, verdict, other, "the piece was stamped early in the session and its words give a "
                         "finished day's move", f"the last finished session ({stamp.last_close.isoformat()})")


# the readings another sentence fixes (a date, a month, an entry's day) come before the figure is read as one
# from during the session
def _a_headline(claim: Claim) -> bool:
    """The claim's sentence is the piece's first line, standing alone above the body, with no end mark."""
    return claim.char_start == 0 and claim.sentence.endswith("\n") and \
        not claim.sentence.rstrip().endswith((".", "!", "?", ":"))


def _its_close_holds_below(claim: Claim, siblings: Sequence[Sibling]) -> bool:
    """Another figure of the piece for the same instrument and day holds as the day's move."""
    return any(s.claim is not claim and _same_stock(s.claim, claim) and s.claim.session == claim.session and
               (s.claim.period or "day") == "day" and s.verdict is not None and s.verdict.verdict == "supported"
               for s in siblings)


def a_headline_of_an_earlier_version(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """'Dow Drops 600 Points as Consumer Sentiment Slumps' over a body that tells the Dow's close (down 749
    points): a headline kept from a version written while the market was open, or rounded. When the body's own
    close of the same instrument and day holds and the headline's figure lies inside what the session traded, the
    headline cannot be called wrong; a headline that says it is a close, or a figure outside the range, stays an
    error."""
    if says_close or claim.time_text or (claim.period or "day") != "day" or claim.session is None or \
            not _a_headline(claim) or not _its_close_holds_below(claim, siblings):
        return None
    symbol = art._data_symbol(claim, verdict, market)
    band = art.session_band(market, symbol, date.fromisoformat(claim.session), 0.0) if symbol else None
    if band is None or "no intraday range" in band.words:
        return None
    probe = art.replace(claim, level=None) if claim.change_pct is not None or claim.change_points is not None \
        else claim
    implied = art._implied_level(probe, band.base)
    slack = max(art.CENT, art.SNAPSHOT_SLACK_SHARE * abs(implied)) if implied is not None else 0.0
    if implied is None or not band.low - slack <= implied <= band.high + slack:
        return None
    return art._note(verdict, f"the figure is the piece's headline, and its body tells the close of the same day, "
                     f"which holds: the headline may be kept from a version written while the market was open; read "
                     f"from the previous close it implies {implied:,.2f}, within {band.words}",
                     "a headline from during the session")


SESSION_LOOKS = (pre_market_words_before_the_open, beside_its_close, since_the_date_the_sentence_before_names,
                 the_month_the_sentence_before_names, the_day_of_the_entry, a_finished_day_early_in_the_session,
                 during_the_day_the_article_tells, no_word_of_the_close, a_headline_of_an_earlier_version,
                 *snapshot_line.LOOKS)
