"""Wire briefs' moments: when a stock move told by a wire service happened (issue 13, session 29).

Two shapes of wire writing whose session the general time reader (``timeref.anchor``) cannot know, because it
reads the New York clock only:

- a quote before the US open ("HAIN shares were 7% lower in recent premarket activity", a pre-bell sector
  update's "Zoetis shares were down over 6% after ..."): the figure is of the session about to open, the one of
  the piece's own day, not the last one closed (``period`` stays ``other``, the session moves to that day);
- a listing abroad quoted "in recent trade" in a piece stamped outside US hours ("Shares of the REIT were up
  nearly 3% in recent trading" on a Singapore filing, stamped 22:00 New York time): a moment of the session in
  progress on its own exchange, whose date is the next calendar day in Asia (``intraday``, the date there).

Only name-only instruments (none we list, no ticker) are moved to a date abroad, and only ``other`` quotes or
sentences of a pre-open piece without time words of their own are moved to the day of the piece: neither gives a
claim a close to be checked against (an ``other`` move without its start is unverifiable), so no accusation can
come from here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from spacy.tokens import Doc

from analyzer.extract import lexicon
from analyzer.extract.component import doc_text
from analyzer.extract.patterns import lead_module_patterns
from analyzer.extract.timeref import WEEKDAY_RE, WEEKDAYS, local_published, weekday_on_or_before
from analyzer.market.calendar import is_session, opening_time
from analyzer.records import Claim

PREMARKET_RE = re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('wire_moves', 'premarket_words'))})\b", re.I)
AFTER_HOURS_RE = re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('wire_moves', 'after_hours_words'))})\b",
                            re.I)
CLOSE_WORD_RE = re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('wire_moves', 'close_words'))})\b", re.I)
# "in recent trade", "in late-morning trade Thursday", "in recent Friday trade", "during Friday's afternoon trading"
RECENT_TRADE_RE = re.compile(
    rf"\b(?:in|during)\s+(?:(?:{lexicon.alternation(WEEKDAYS)})(?:['\u2019]s)?\s+)?"
    rf"(?:{lexicon.alternation(lexicon.words('wire_moves', 'session_part_words'))})\s+"
    rf"(?:(?:{lexicon.alternation(WEEKDAYS)})\s+)?(?:trade|trading)\b", re.I)
EXCHANGE_ABROAD_RE = re.compile(rf"\b(?:{lexicon.alternation(lexicon.words('wire_moves', 'exchanges_abroad'))})\b")
# the hours the Asian exchanges trade in, as an offset from UTC: the calendar day there of a piece stamped in the
# New York evening or night (Sydney's day turns two to three hours earlier, while its market is still shut)
ASIA = timezone(timedelta(hours=8))
ASIAN_OPEN_HOUR = 7  # before 07:00 at UTC+8 no exchange there has opened (Sydney opens first, at 07:00 or 08:00)


def wire_times(doc: Doc, claims: list[Claim]) -> list[Claim]:
    """The claims with the session (and period) of the two wire shapes set; every other claim as it was."""
    published = doc._.published
    if published is None:
        return claims
    local = local_published(published)
    pre_open_piece = _before_the_open(local) and bool(PREMARKET_RE.search(_first_sentence(doc)))
    abroad = bool(EXCHANGE_ABROAD_RE.search(doc_text(doc)))
    return [_wire_time(claim, local, pre_open_piece, abroad) for claim in claims]


def _wire_time(claim: Claim, local: datetime, pre_open_piece: bool, abroad: bool) -> Claim:
    if claim.kind != "stock_move" or claim.period_start is not None or claim.instrument is None:
        return claim
    sentence = claim.sentence or ""
    if abroad and _abroad_in_recent_trade(claim, sentence, local):
        return replace(claim, period="intraday", session=_date_abroad(sentence, local).isoformat())
    if _before_the_open(local) and claim.session != local.date().isoformat() and _a_premarket_quote(claim, sentence):
        return replace(claim, session=local.date().isoformat())
    if pre_open_piece and _a_pre_open_line(claim, sentence, local):
        return replace(claim, period="other", session=local.date().isoformat())
    return claim


def _before_the_open(local: datetime) -> bool:
    return is_session(local.date()) and local < opening_time(local.date())


def _a_premarket_quote(claim: Claim, sentence: str) -> bool:
    """'were up 5% premarket', 'in recent premarket activity': a quote before the open, none after a close."""
    return claim.period == "other" and bool(PREMARKET_RE.search(sentence)) and not AFTER_HOURS_RE.search(sentence)


def _a_pre_open_line(claim: Claim, sentence: str, local: datetime) -> bool:
    """A company's line in a pre-open piece ('Health care stocks were higher pre-bell Thursday, ...'; then 'Zoetis
    shares were down over 6% after ...'), with no time words of its own and no close: the same pre-open quote."""
    return claim.period == "day" and claim.time_text is None and claim.session != local.date().isoformat() and \
        not CLOSE_WORD_RE.search(sentence) and not AFTER_HOURS_RE.search(sentence)


def _abroad_in_recent_trade(claim: Claim, sentence: str, local: datetime) -> bool:
    """A name we do not list, 'in recent trade' while New York is shut: a moment of a session abroad."""
    if claim.instrument is None or claim.instrument.symbol or not RECENT_TRADE_RE.search(sentence):
        return False
    if PREMARKET_RE.search(sentence) or AFTER_HOURS_RE.search(sentence):
        return False
    return not _new_york_open(local)


def _new_york_open(local: datetime) -> bool:
    from analyzer.market.calendar import closing_time

    day = local.date()
    return is_session(day) and opening_time(day) <= local < closing_time(day)


def _date_abroad(sentence: str, local: datetime) -> date:
    """The calendar day in Asia when the piece was stamped; a weekday the sentence names, on or before it."""
    moment = local.astimezone(ASIA)
    there = moment.date() if moment.hour >= ASIAN_OPEN_HOUR else moment.date() - timedelta(days=1)
    if m := WEEKDAY_RE.search(sentence):
        return weekday_on_or_before(there, WEEKDAYS[m.group(1).lower()])
    return there


def _first_sentence(doc: Doc) -> str:
    first = next(iter(doc.sents), None)
    return first.text if first is not None else ""


lead_module_patterns(globals())
