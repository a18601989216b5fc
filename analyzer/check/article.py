"""A second look at a `contradicted` move in the light of its article, before it goes out as an accusation.

A claim is checked on its own first (``checker.check_claim``). A mismatch is then tried against what the
article around it says about its own figures:

- the sentence, or the one before it, speaks of trading outside the session ("in after-hours trading",
  "from a close of $26.32", "after the bell"): daily closes cannot settle it;
- the sentence places the figure inside the session ("in morning trading", "at about 3:30 p.m.",
  "initially", "in the last minutes of trading"): it is judged against the session's high-low range;
- the article is a snapshot: none of its day figures matches the closes of its session, and its index figures
  lie inside the session's range (an update written while the market was open, or its preliminary closes), so
  a day move read only from the publication time is a figure from during the session;
- a week's, month's or year's figure a hair from the final move whose implied close lies inside the last
  session's range is a preliminary close, not an error in the article;
- the time stamp alone: a stock's move in a piece stamped before the open or after the close, in words that do
  not say it closed, may be an extended-hours quote from the last close (judged against the session it led into);
  a figure in a piece stamped during the session, not said to be a close, is judged against that session's range;
- an index figure given as a futures quote is no figure of the index.

Words that fix the reading in the claim's own clause ("closed at", "ended down") keep it: the second look never
touches a claim that says it is a close.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from analyzer.check.figures import CENT, NEARLY_FLAT_PCT, has_figure
from analyzer.check.guided import never_accused
from analyzer.check.own_figures import close_pinned_by_own_figures
from analyzer.check.passed_through import short_of_the_close
from analyzer.check.readings import figure_start, own_words, state_words
from analyzer.check.second_reader import read_again
from analyzer.check.standing import standing
from analyzer.check.weighed import weighed
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.numbers import parse_number
from analyzer.extract.timeref import (
    PERIOD_PATTERNS,
    PREMARKET_WORDS,
    WEEKDAY_RE,
    local_published,
    quarter_start,
    weekday_on_or_before,
)
from analyzer.market import measures
from analyzer.market.calendar import closing_time, is_session, next_session, opening_time, previous_session, session_for
from analyzer.market.data import MarketData
from analyzer.market.registry import builtin_index_aliases
from analyzer.records import Article, Claim, Evidence, Verdict

MOVE_KINDS = ("index_move", "stock_move", "record", "comparison", "streak")
_WEEKDAY_NAMES = lexicon.alternation(calendar.day_name)
# words that put a close on another day than the claim's: a weekday, 'yesterday', 'the previous session'
_OTHER_DAY = rf"{_WEEKDAY_NAMES}|yesterday|the (?:previous|prior) (?:day|session)|the day before"
# trading outside the regular session, said in the sentence or the one before it
OUTSIDE_SESSION_RE = re.compile(
    r"\bafter[- ]hours?\b|\bafter-market\b|\bextended(?:[- ]hours?)?[- ](?:trade|trading|session)\b"
    r"|\bafter[- ](?:the[- ]|\w+['\u2019]s )?(?:closing[- ])?bell\b|\b(?:pre|post)-?market\b"
    r"|\bbefore the (?:opening )?bell\b"
    rf"|\b(?:{PREMARKET_WORDS})"
    # "fell to $47.25 after closing at $47.41", "jumped to $16 after ending the regular session down": a price told
    # after the close it names, unless the words give that close another day ("after closing down on Monday")
    rf"|\bafter (?:closing|ending (?:the )?(?:regular )?(?:session|trading))\b(?![^;]*\b(?:{_OTHER_DAY})\b)"
    r"|\b(?:pre|after)-bell\b"
    r"|\belectronic (?:composite )?(?:trade|trading)\b|\bInstinet\b|\bin late (?:electronic )?trading after\b"
    r"|\bfrom (?:a|its|their|the|Tuesday's|Monday's|Wednesday's|Thursday's|Friday's) (?:regular[- ]session )?"
    # "slumped 1.6 percent to $45.75, from their closing price on Tuesday of $46.49"
    rf"(?:close|closing price)(?: on (?:{_WEEKDAY_NAMES}))? (?:of|at)\b"
    r"|\bafter the (?:market(?:['\u2019]s)? |stock market(?:['\u2019]s)? )?close\b(?! of)"
    r"|\bafter (?:the )?markets? closed\b|\b(?:above|below) (?:its|their|the) (?:close|closing price)\b", re.I)
FROM_A_CLOSE_AFTER_RE = re.compile(rf"\W{{0,3}}from (?:a|its|their|the|(?:{_WEEKDAY_NAMES})['\u2019]s) (?:regular[- ]"
                                   rf"session )?(?:close|closing price)(?: on (?:{_WEEKDAY_NAMES}))? (?:of|at)\b", re.I)
# a moment inside the session that the extraction's intraday words do not cover: "in afternoon trading", "in late
# afternoon trade on the New York Stock Exchange", "in afternoon New York Stock Exchange trading", "on Friday afternoon"
MOMENT_RE = re.compile(
    r"\bin (?:(?:early|late) (?:morning |afternoon )?|(?:morning|afternoon|midday) )(?-i:(?:[A-Z][\w&.'-]*\s+){0,4})"
    r"(?:trading|trade|dealings)\b"
    rf"|\b(?:on )?(?:{_WEEKDAY_NAMES}|this) (?:morning|afternoon)\b"
    r"|\b(?:at|by|as of|around) (?:about |around |roughly )?\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\binitially\b"
    # "At 10:15 ET, the S&P 500 was up 0.1%", a market talk's "1035 ET - The Dow is down 0.8%": a clock time
    r"|\b(?:at|by|as of|around) (?:about |around |roughly )?\d{1,2}(?::\d\d)?\s*(?:ET|EST|EDT)\b"
    r"|^\W*[01]\d[0-5]\d ET\b"
    r"|\bbefore (?:rebounding|recovering|bouncing back|paring (?:its |their |the )?(?:losses|gains)|reversing"
    # "rallied more than 2 percent before falling back to close lower": the figure is the moment before the turn
    r"|falling back|slipping back|easing back|giving (?:up|back)|turning (?:lower|higher|negative|positive))\b"
    # "more than 100 points, or about 1.3 percent, within minutes of its open"
    r"|\bwithin (?:\w+ )?(?:minutes|an hour) of (?:the|its|their) (?:open|opening)(?: bell)?\b"
    r"|\bshortly after (?:the|its|their) (?:open|opening)(?: bell)?\b"
    # "was up 300-plus points ahead of the vote but slipped to trade nearly flat": a figure the sentence then
    # says the market turned from is a moment of the session before the turn
    r"|\bbut (?:later |then )?(?:slipped|slid|fell back|retreated|pared|trimmed|gave up|erased|reversed|faded"
    r"|turned (?:lower|higher|negative|positive))\b"
    # ("during the final 12 minutes of trading", "over the last two hours": the same stretch)
    r"|\b(?:in|during|over) the (?:last|final|closing) (?:few |\d{1,2} |\w+ )?(?:minutes|hours?)\b"
    r"|\bnear (?:the |their |its )?session (?:high|low)s?\b"
    r"|\bat (?:the|its|their) (?:day['\u2019]s )?(?:high|low)s?\b", re.I)
INTRADAY_RE = dict(PERIOD_PATTERNS)["intraday"]
# 'posted a profit while closing stores, and its shares rose': a company closing a business thing (stores, plants,
# a deal, 'the closing of the acquisition'), up to four words on with no word of a price's close between, is no
# word that the price closed
_CLOSING_SKIPPED = lexicon.alternation(lexicon.words("moves", "closing_skipped_words"))
_BUSINESS_CLOSING = (rf"(?!\s+(?:down\s+|of\s+)?(?:(?!(?:{_CLOSING_SKIPPED})\b)[\w'&.$-]+(?:,\d{{3}})*\s+){{0,4}}"
                     rf"(?:{lexicon.alternation(lexicon.words('moves', 'closed_business_things'))})\b)")
# a clause that says it is about the close keeps the close-to-close reading
CLOSE_WORD_RE = re.compile(rf"\b(?:clos(?:e|ed|es|ing)\b{_BUSINESS_CLOSING}|end(?:ed|ing|s)?|finish(?:ed|es|ing)?|"
                           r"settl(?:e|ed|ing)|regular[- ]session)\b", re.I)
# "up 0.4% from a year ago (Feb. 12, 2024), when it closed at $546.86": the close a span runs from, told in a clause
# after its date (a stat line's base; its price is the base's, not where the span ended)
BASE_WHEN_CLOSED = (r"\b(?:since|from)\b[^;]{0,60}?\bwhen (?:it|they|(?:the|its|their) [\w&.-]+) "
                    r"(?:closed|ended|finished|settled)(?: at)? (?P<base_level>\$?\d[\d,]*(?:\.\d+)?)")
BASE_WHEN_CLOSED_RE = re.compile(BASE_WHEN_CLOSED, re.I)
BASE_CLOSE_RE = re.compile(r"\b(?:since|from)\b[^,;.]{0,40}?\b(?:close|closing)\b[^,;.]*"
                           + "|" + BASE_WHEN_CLOSED.replace("?P<base_level>", "?:") +
                           # "fell to $47.25 after closing at $47.41": the close named after the figure is another's
                           r"|\bafter (?:closing|ending)\b.*", re.I)
# preliminary closes: a period's figure this close to the final one (percentage points) with its implied close
# inside the last session's range; mutated copies move a figure by at least a full point
PRELIMINARY_POINTS = 0.5
SNAPSHOT_SLACK_SHARE = 0.0006  # a rounded figure's implied level may sit this far outside the range
MARKET_CLOSE = time(16, 0)


@dataclass(frozen=True)
class Sibling:
    claim: Claim
    verdict: Verdict | None


QUESTION_RE = re.compile(r"\?\s*['\"\u2019\u201d]*\s*$")
QUOTE_MARKS = "\"\u201c\u201d"


def inside_quotation(claim: Claim) -> bool:
    """Whether the claim's words stand inside quotation marks: a mark before them that opens and is not closed,
    or a first mark after them that closes (a quotation that began in an earlier sentence). A straight mark
    opens after a space or at the start, and closes after a word."""
    sentence = claim.sentence
    at = claim.span_start if claim.span_start is not None else 0
    if claim.verb and claim.verb.split()[0] in sentence:
        at = max(at, sentence.find(claim.verb.split()[0]))
    state = False
    for i, char in enumerate(sentence[:at]):
        if char in QUOTE_MARKS:
            state = _opens(sentence, i)
    if state:
        return True
    after = next((i for i in range(at, len(sentence)) if sentence[i] in QUOTE_MARKS), None)
    return after is not None and not _opens(sentence, after)


def _opens(sentence: str, i: int) -> bool:
    if sentence[i] == "\u201c":
        return True
    if sentence[i] == "\u201d":
        return False
    return i == 0 or sentence[i - 1].isspace() or sentence[i - 1] in "([{:"


def review_article(claims: Sequence[Claim], verdicts: Sequence[Verdict | None], market: MarketData,
                   article: Article | None, only: Sequence[int] | None = None) -> list[Verdict | None]:
    """The verdicts of one article's claims after the second look; ``only`` limits it to some indices."""
    out = list(verdicts)
    siblings = [Sibling(c, v) for c, v in zip(claims, verdicts, strict=True)]
    for i in (range(len(claims)) if only is None else only):
        verdict = verdicts[i]
        if verdict is not None and verdict.verdict == "contradicted" and claims[i].kind in MOVE_KINDS:
            out[i] = second_look_in_article(claims[i], verdict, siblings, market, article)
    # an accusation that still stands is read once more by the independent claim tagger (check.second_reader);
    # a claim the tagger-guided pass read is never accused (check.guided)
    # then the accusations no claim of its kind may make (check.standing): a stock's record
    # and last, an accusation that rests on a reading we are often wrong about is weighed (check.weighed)
    kept = standing(claims, never_accused(claims, read_again(claims, out, only)), market, only)
    return weighed(claims, kept, market, article, only)


def second_look_in_article(claim: Claim, verdict: Verdict, siblings: Sequence[Sibling], market: MarketData,
                           article: Article | None) -> Verdict:
    own = _own(claim)
    # the subject's words before the figure count too: "In Monday's regular session, TI closed at $31.33, down 0.3%"
    # "down 0.9 percent from Monday's close": the close the move runs from is no word that it closed
    says_close = _says_close(claim, own)
    context = previous_sentence(article, claim) if article is not None else ""
    if QUESTION_RE.search(claim.sentence) or inside_quotation(claim):
        return _note(verdict, "the words are a question or a quoted person's speech, not the article's report of a "
                     "price", "a quoted person's words")
    if (elsewhere := _an_index_as_subject(claim, verdict) or _a_listing_abroad(claim, verdict)) is not None:
        return elsewhere
    from analyzer.check import business_apposition, told_elsewhere  # they read this module's helpers

    if claim.kind in ("record", "comparison", "streak"):
        from analyzer.check import named_spans

        return _told_of_an_index_before_which(claim, verdict) or \
            _on_another_session(claim, verdict, market, article) or \
            named_spans.a_record_of_a_time_the_words_name(claim, verdict, market, article) or \
            _said_of_the_session_in_progress(claim, verdict, market, article) or \
            _a_best_or_worst_at_a_moment(claim, verdict, market) or \
            comparison_over_the_heading_period(claim, verdict, market, article) or \
            told_elsewhere.a_timeline_entry(claim, verdict, market, article) or \
            business_apposition.another_subjects_best(claim, verdict, market, article) or \
            _a_comparison_over_a_named_span(claim, verdict, market, article)
    if claim.kind not in ("index_move", "stock_move"):
        return verdict
    # they read this module's helpers
    from analyzer.check import (
        another_time,
        beside_the_close,
        families,
        lists_and_benchmarks,
        named_spans,
        session_readings,
    )

    if (pinned := close_pinned_by_own_figures(claim, market, _data_symbol(claim, verdict, market))) is not None:
        return replace(verdict, explanation=f"{verdict.explanation} No reading of its time excuses it: {pinned}.")
    for look in (_another_share_class, _outside_session, _moment_in_session, _preliminary_period, _snapshot_article,
                 _earlier_time, _moment_named_before_the_figure, _span_to_a_named_close, _an_average,
                 _from_the_close_it_is_checked_at, _a_session_range,
                 _to_an_extreme_within_the_period, _same_figure_told_at_a_moment, _a_notes_price_in_32nds,
                 _a_notes_price_in_points,
                 _business_figure,
                 _another_companys_figure, _news_day_word, _since_an_earlier_base,
                 _company_news_after_the_close, _possessive_day, _preliminary_day_close,
                 _preliminary_print, _preliminary_figure, _direction_during_the_session, _a_brief_swing_on_news,
                 _a_move_of_some_time_ago,
                 _to_the_articles_own_close,
                 _moment_over_a_period, _carried_subject, _last_week_just_ended, _period_of_the_heading_before,
                 _month_named_in_the_sentence_before, _day_named_in_the_sentence_before,
                 _the_week_of_a_weekly_wrap, _a_close_told_during_the_next_session, _read_at_the_articles_sessions,
                 _futures_quote, _overnight_yield_quote, _extended_hours_quote, _during_the_session_by_the_clock,
                 _a_state_during_the_session, _short_of_the_close, *session_readings.SESSION_LOOKS,
                 another_time.a_figure_of_another_time, another_time.a_span_the_words_name,
                 *told_elsewhere.LOOKS, *lists_and_benchmarks.LOOKS, *families.LOOKS, *named_spans.LOOKS,
                 *beside_the_close.LOOKS,
                 _a_direction_alone):
        found = look(claim, verdict, own, says_close, context, siblings, market, article)
        if found is not None:
            return found
    return verdict


def _says_close(claim: Claim, own: str) -> bool:
    """Whether the claim's words say its figure is a close. A base's close is not: 'from Monday's close' in its
    own words, nor a stat line's '..., when it closed at $546.86' after the span's date, even where the extraction
    gave the claim that clause as its span."""
    masked = BASE_WHEN_CLOSED_RE.sub(lambda m: " " * len(m.group(0)), claim.sentence)
    start, end = _own_range(claim)
    words = masked[start:end] if claim.sentence[start:end] == own else own
    position = figure_position(claim)
    return bool(CLOSE_WORD_RE.search(BASE_CLOSE_RE.sub(" ", words))
                or CLOSE_WORD_RE.search(masked[min(claim.span_start or 0, position):position]))


def _a_comparison_over_a_named_span(claim: Claim, verdict: Verdict, market: MarketData,
                                    article: Article | None) -> Verdict | None:
    """'Since the beginning of last year, shares of Chevron are up about 15 percent, underperforming the oil
    index': a comparison over a span the words name (``another_time.a_span_the_words_name``)."""
    from analyzer.check import another_time

    if claim.kind != "comparison":
        return None
    return another_time.a_span_the_words_name(claim, verdict, "", False, "", [], market, article)


def _own(claim: Claim) -> str:
    """The claim's own words (``readings.own_words``); a claim whose figure is not in its sentence (a copy with
    a figure changed) keeps to its span."""
    start, end = _own_range(claim)
    return claim.sentence[start:end]


def _own_range(claim: Claim) -> tuple[int, int]:
    if _figure_found(claim):
        return own_words(claim)
    return claim.span_start or 0, claim.span_end if claim.span_end is not None else len(claim.sentence)


def _figure_found(claim: Claim) -> bool:
    return any(claim.stated.get(k) and claim.stated[k] in claim.sentence for k in ("change_pct", "change_points",
                                                                                  "level"))


def figure_position(claim: Claim) -> int:
    """Where the claim's figure stands in its sentence (the end of its span when the figure is not found)."""
    for key in ("change_pct", "change_points", "level"):
        text = claim.stated.get(key)
        at = claim.sentence.find(text, claim.span_start or 0) if text else -1
        if at >= 0:
            return at
    return claim.span_end if claim.span_end is not None else len(claim.sentence)


def previous_sentence(article: Article, claim: Claim) -> str:
    """The sentence before the claim's (a wire often gives each sentence its own paragraph)."""
    before = article.text[max(0, claim.char_start - 400):claim.char_start]
    pieces = [p for p in re.split(r"\n\s*\n|(?<=[.!?])[\"')\]]?\s+(?=[A-Z\"'(])", before) if p.strip()]
    return pieces[-1].strip() if pieces else ""


def _note(verdict: Verdict, why: str, reading: str) -> Verdict:
    return Verdict("unverifiable", f"{verdict.explanation} Not called an error: {why}.", verdict.evidence,
                   readings=[*verdict.readings, reading])


# "The index gained 2.87 percent on the day to reach its highest level of the year", after a sentence on a bank's
# shares and its sector's index: a sentence whose subject is an index is about the index, not a stock
INDEX_SUBJECT_RE = re.compile(r"^\W*the\s+(?:[\w&.-]+\s+){0,3}index\b", re.I)


def _an_index_as_subject(claim: Claim, verdict: Verdict) -> Verdict | None:
    """A stock's claim in a sentence whose subject is an index and that does not name the company before its
    figure: the figure is the index's, which the stock's closes cannot settle."""
    if claim.instrument is None or (claim.instrument.symbol or "^").startswith("^"):
        return None
    subject = INDEX_SUBJECT_RE.match(claim.sentence)
    if subject is None or _names_company(claim.sentence[:figure_position(claim)], claim):
        return None
    return _note(verdict, f"the sentence's subject is an index ('{subject.group(0).strip()}'), not the company's "
                 "shares", "an index's figure, not the stock's")


# "Citigroup's Tokyo shares jumped 5.4 percent", "its Frankfurt-listed stock": shares listed abroad
LISTING_ABROAD_RE = re.compile(
    r"\b(?:" + lexicon.alternation(lexicon.words("instruments", "listing_abroad_places"))
    + r")(?:-listed)? (?:shares|stock)\b")


POSSESSIVE_FUND_RE = re.compile(r"\b[\w&.-]+(?:\s+[\w&.-]+)?'s?\s+(?:[\w$.-]+\s+){0,6}$")
FUND_HEAD_RE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.words("instruments", "fund_heads")) + r")s?\b", re.I)


def _a_listing_abroad(claim: Claim, verdict: Verdict) -> Verdict | None:
    """A US company's claim whose sentence speaks of its shares listed abroad right after naming it: those trade on
    other hours and in another currency than the US listing the data holds."""
    if claim.instrument is None or (claim.instrument.symbol or "^").startswith("^"):
        return None
    for m in LISTING_ABROAD_RE.finditer(claim.sentence):
        if _names_company(claim.sentence[max(0, m.start() - 40):m.start()], claim):
            return _note(verdict, f"the sentence speaks of the company's shares listed abroad ('{m.group(0)}'), "
                         "which trade on other hours and prices than its US listing", "a listing abroad")
    # "the Goldman fund is down 12.8 percent": a fund that bears the company's name before the figure, with no word
    # of shares between them, is the fund's return, not the company's stock
    # ('Goldman's $10 billion Global Alpha hedge fund': the company's possessive, then the fund's name)
    before = claim.sentence[:figure_position(claim)]
    for m in FUND_HEAD_RE.finditer(before):
        owner = POSSESSIVE_FUND_RE.search(before[max(0, m.start() - 60):m.start()])
        if (_names_company(before[max(0, m.start() - 30):m.start()], claim) or
                (owner is not None and _names_company(owner.group(0), claim))) and \
                not SHARES_RE.search(before[m.end():]):
            return _note(verdict, f"the figure is a fund's ('{m.group(0)}'), not a move of the company's shares",
                         "a fund named after the company")
    return None


# "weighed on the Nasdaq, which fell on Friday and halted a 12-day run of gains": the clause is the index's
# an index's name (curated aliases) or a noun standing for one ('the index'), then ", which"
WHICH_INDEX_RE = re.compile(
    r"(?<!\w)(?:" + lexicon.alternation(builtin_index_aliases())
    + r"|\b(?:" + lexicon.alternation(lexicon.words("instruments", "referring_heads")) + r"))\s*,\s+which\b", re.I)


def _told_of_an_index_before_which(claim: Claim, verdict: Verdict) -> Verdict | None:
    """A stock's record, streak or superlative whose words stand in a 'which' clause after an index's name, with
    no word of the company between: the clause tells of the index."""
    if claim.instrument is None or (claim.instrument.symbol or "^").startswith("^") or claim.span_start is None:
        return None
    found = list(WHICH_INDEX_RE.finditer(claim.sentence, 0, claim.span_start))
    if not found or _names_company(claim.sentence[found[-1].end():claim.span_start], claim):
        return None
    return _note(verdict, f"the words stand in a clause about an index ('{found[-1].group(0)}'), not about "
                 f"{claim.instrument.name}", "the index the clause is about")


# "Its shares", "The stock": a sentence that goes on about the company of the sentence before
CARRIED_SUBJECT_RE = re.compile(r"^\W*(?:its|the|their|the company's)\s+(?:shares|stock)\b(?!\s+(?:of|in)\b)", re.I)
# "As of Monday's close, the stock had risen 40 percent": the same after a short opening phrase
INTRODUCED_SUBJECT_RE = re.compile(r"^\W*(?:[\w'$.&-]+\s+){0,5}[\w'$.&-]+,\s+(?:its|the|their|the company's)\s+"
                                   r"(?:shares|stock)\b(?!\s+(?:of|in)\b)", re.I)


def _names_company(text: str, claim: Claim) -> bool:
    if claim.instrument is None:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w&.-]+", claim.instrument.name) if len(w) > 2][:1]
    symbol = claim.instrument.symbol or ""
    # 'Exxon Mobil' for ExxonMobil: a long name is also found written with spaces inside it
    squeezed = re.sub(r"\s+", "", text).lower()
    return any(re.search(rf"\b{re.escape(w)}", text) or (len(w) > 6 and w.lower() in squeezed) for w in words) or \
        bool(symbol and re.search(rf"\b{re.escape(symbol)}\.[A-Z]{{1,2}}\b", text))


def _outside_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                     siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'Citi shares slid 3.1 percent to $25.50 from a close at $26.32'; 'Oracle posted results after the bell.
    Oracle shares fell 8 percent': the cue in the claim's own words, or in the sentence before when that one is
    about the same company and the claim's own words do not say it is a close."""
    if claim.kind != "stock_move":
        return None
    if (claim.period or "day") != "day":
        # a period's figure only when its own words speak of the extended session ("2 percent below their close")
        where = OUTSIDE_SESSION_RE.search(own)
        return None if where is None else _note(
            verdict, f"the text speaks of trading outside the regular session ('{where.group(0)}')",
            "a price from outside the regular session")
    where = OUTSIDE_SESSION_RE.search(own)
    if where is None and not says_close:
        at = figure_position(claim)
        before = [m for m in OUTSIDE_SESSION_RE.finditer(claim.sentence, 0, at)
                  if not CLOSE_WORD_RE.search(claim.sentence[m.end():at])]
        where = before[-1] if before else None
    if where is None and not says_close and claim.span_end is not None:
        # "slumped 1.6 percent to $45.75, from their closing price on Tuesday of $46.49": the base told right
        # after the figure is a close, so the price is not one
        where = FROM_A_CLOSE_AFTER_RE.match(claim.sentence[claim.span_end:])
    if where is None and not says_close and (_names_company(context, claim) or
                                             CARRIED_SUBJECT_RE.match(claim.sentence) or
                                             _a_list_of_extended_hours_quotes(claim, context)):
        where = _cue_before_that_could_explain(claim, verdict, context, market)
    if where is None:
        return None
    return _note(verdict, f"the text speaks of trading outside the regular session ('{where.group(0)}'), and "
                 "daily closes do not cover prices from before the open or after the close",
                 "a price from outside the regular session")


# "In after-hours trading, MetLife's shares fell 4 percent ...": a sentence that opens on trading outside the session
TRADING_OUTSIDE_HEADING_RE = re.compile(r"^\W*(?:in|during)\s+(?:after[- ]hours?|extended(?:[- ]hours?)?|"
                                        r"after-market|late electronic)\s+(?:trade|trading|session)\b", re.I)


def _a_list_of_extended_hours_quotes(claim: Claim, context: str) -> bool:
    """'In after-hours trading, MetLife's shares fell 4 percent to $28.52. Hartford's shares dropped 11.2 percent
    to $10.19.': a move with no time words right after a sentence headed by trading outside the session goes on
    with that list of quotes, whichever company the sentence before was about."""
    return claim.time_text is None and bool(TRADING_OUTSIDE_HEADING_RE.match(context))


def _cue_before_that_could_explain(claim: Claim, verdict: Verdict, context: str,
                                   market: MarketData) -> re.Match[str] | None:
    """The sentence before speaks of trading outside the session ('Oracle posted results after the bell'): the
    claim's figure is read as a quote of that trading only where the price it implies lies in the band of its session
    or the one it led into (widened by the stock's recent moves): a quote an hour after the close comes nowhere
    near 'risen 70 percent from a year earlier' read the other way."""
    from analyzer.check.session_readings import _could_have_traded

    where = OUTSIDE_SESSION_RE.search(context)
    if where is None or claim.session is None:
        return where
    day = date.fromisoformat(claim.session)
    return where if _could_have_traded(claim, verdict, market, [day, next_session(day)], recent=True) is not None \
        else None


def _moment_in_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                       siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'in morning trading when the Dow was down 2.5 percent': the moment word in the claim's own words, or
    before its figure with no word of the close between them."""
    if (claim.period or "day") != "day":
        return None
    position = figure_position(claim)
    # a close word that only follows a turn ('before falling back to close lower') is the turn's close
    turned = _moment_before_a_turn_to_the_close(claim, position)
    if says_close and turned is None:
        return None
    moment = turned
    words = () if turned is not None else (*MOMENT_RE.finditer(claim.sentence), *INTRADAY_RE.finditer(claim.sentence))
    for m in words:
        before_figure = m.end() <= position and not CLOSE_WORD_RE.search(claim.sentence[m.end():position])
        if m.group(0).strip() and (m.group(0) in own or before_figure):
            moment = m
            break
    if moment is None and not CLOSE_WORD_RE.search(claim.sentence):
        # "Morgan stock sank 21 percent, while Wachovia shares surged 28 percent in afternoon trade": a moment word
        # in a sentence that nowhere speaks of the close dates every figure of it
        moment = next((m for m in (*MOMENT_RE.finditer(claim.sentence), *INTRADAY_RE.finditer(claim.sentence))
                       if m.group(0).strip()), None)
    if moment is None:
        return None
    inside = _inside_range(claim, verdict, market)
    if inside is False:
        return None
    where = "inside the session's high-low range" if inside else "and the data has no high-low range to place it in"
    return _note(verdict, f"the sentence places the figure at a moment of the session ('{moment.group(0)}'), "
                 f"not at the close, {where}", "a figure from during the session")


TURN_RE = re.compile(r"\b(?:before |but (?:later |then )?)(?:falling back|slipping back|easing back|reversing|"
                     r"turning (?:lower|higher)|giving (?:up|back)|fell back|slipped|reversed|retreated)\b", re.I)


def _moment_before_a_turn_to_the_close(claim: Claim, position: int) -> re.Match[str] | None:
    """'rallied more than 2 percent before falling back to close lower': the close the sentence names comes
    after the turn and is the turn's; the figure before it, with no close word between, is a moment of the
    session."""
    turn = TURN_RE.search(claim.sentence, position)
    if turn is None or CLOSE_WORD_RE.search(claim.sentence[:turn.start()]):
        return None
    moment = MOMENT_RE.search(claim.sentence, turn.start())
    return moment if moment is not None and moment.start() == turn.start() else None


def _preliminary_period(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                        siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'For the week, the S&P 500 lost 6.16 percent' against -6.20%: the close the wire divided by was a
    preliminary one, inside the last session's range."""
    if (claim.period or "day") in ("day", "intraday", "other") or claim.change_pct is None or \
            claim.kind != "index_move":
        return None
    figures = verdict.evidence[0].figures if verdict.evidence else {}
    actual = figures.get("change_pct")
    if actual is None or abs(abs(actual) - claim.change_pct) > PRELIMINARY_POINTS:
        return None
    if claim.direction in ("up", "down") and (actual > 0) != (claim.direction == "up"):
        return None
    inside = _inside_range(claim, verdict, market)
    if not inside:
        return None
    return _note(verdict, f"the stated {claim.change_pct:g}% implies a last close inside that session's high-low "
                 "range, a preliminary close written before the final one was in",
                 "the period's move to a preliminary close")


def _snapshot_article(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                      siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """No day figure of the article matches its session's closes, and its index figures sit inside the
    session's range: the piece was written before the final closes were in."""
    if (claim.period or "day") != "day" or says_close or claim.time_text or claim.session is None:
        return None
    day_figures = [s for s in siblings if _day_figure(s.claim) and s.verdict is not None]
    # the index figures decide what the article reads; a stock a wire quoted minutes before the close can match
    # the close by chance, so stocks decide only in an article without index figures
    deciding = [s for s in day_figures if s.claim.kind == "index_move"] or day_figures
    if any(s.verdict.verdict == "supported" for s in deciding):  # type: ignore[union-attr]
        return None  # the article's reading (the closes of its session) is confirmed by its other figures
    inside = _index_figures_inside_range(claim, day_figures, market)
    if not inside or (claim.kind == "index_move" and _inside_range(claim, verdict, market) is False):
        return None
    if not _written_near_the_session(article, claim):
        return None
    return _note(verdict, f"no day figure of the article matches the closes of {claim.session}, and its index "
                 f"figures ({', '.join(sorted({s.claim.instrument.name for s in inside if s.claim.instrument}))}) "
                 "lie inside that session's high-low range: the article was written before the final closes",
                 "a figure from during the session (the article's own figures)")


def _index_figures_inside_range(claim: Claim, day_figures: Sequence[Sibling], market: MarketData) -> list[Sibling]:
    """The article's other contradicted index day figures of the same session that lie inside its range."""
    return [s for s in day_figures if s.claim is not claim and s.claim.session == claim.session
            and s.claim.kind == "index_move" and s.verdict.verdict == "contradicted"  # type: ignore[union-attr]
            and _inside_range(s.claim, s.verdict, market)]  # type: ignore[arg-type]


def _day_figure(claim: Claim) -> bool:
    return claim.kind in MOVE_KINDS and (claim.period or "day") == "day" and claim.modality == "reported" and \
        (claim.change_pct is not None or claim.change_points is not None or claim.level is not None)


def _written_near_the_session(article: Article | None, claim: Claim) -> bool:
    """Stamped on the session's day or the night after (a wire's update), not days later."""
    if article is None or article.published is None or claim.session is None:
        return True
    local: datetime = local_published(article.published)
    session = date.fromisoformat(claim.session)
    return 0 <= (local.date() - session).days <= 1


def _inside_range(claim: Claim, verdict: Verdict, market: MarketData) -> bool | None:
    """Whether the level the claim states or implies lies inside its last session's high-low range (None when
    the data has no range or the claim no figure)."""
    if not verdict.evidence or claim.instrument is None:
        return None
    evidence = verdict.evidence[0]
    figures = evidence.figures
    start, session = figures.get("prev_close"), evidence.session
    if start is None or session is None or evidence.symbol is None:
        return None
    sign = -1 if claim.direction == "down" else 1
    if claim.level is not None and claim.kind == "index_move":
        implied = claim.level
    elif claim.change_points is not None and claim.kind == "index_move":
        implied = start + sign * claim.change_points
    elif claim.change_pct is not None:
        implied = start * (1 + sign * claim.change_pct / 100)
    else:
        return None
    try:
        rng = measures.session_range(market, evidence.symbol, date.fromisoformat(session))
    except (MarketDataError, ValueError, KeyError):
        return None
    if "high" not in rng or "low" not in rng:
        return None
    slack = max(CENT, SNAPSHOT_SLACK_SHARE * abs(implied))
    return rng["low"] - slack <= implied <= rng["high"] + slack


# "The Dow was about 24 percent higher then", "shed less than 2 points that day": a time named elsewhere
EARLIER_TIME_RE = re.compile(r"\b(?:then|that day|on that (?:date|day)|that (?:week|month|session)|at the time|"
                             r"back then|in those days)\b", re.I)


def _earlier_time(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                  siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    if claim.time_text or (claim.period or "day") != "day":
        return None
    m = EARLIER_TIME_RE.search(claim.sentence)
    if m is None:
        return None
    return _note(verdict, f"the sentence dates the move by a time it names elsewhere ('{m.group(0)}'), not the "
                 "session of the article", "an earlier time the article names elsewhere")


# "having slipped from its peak when it was up 62.3 percent", "on that date, it was up 9.7 percent for the year": the
# figure of an earlier moment the sentence names, told right before the figure
EARLIER_MOMENT_RE = re.compile(r"\b(?:when|on that (?:date|day)|at that (?:time|point)|by then|at the time)\b,?\s+"
                               r"(?:[\w.&'-]+\s+){0,3}(?:was|were|had been|stood)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _moment_named_before_the_figure(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                    siblings: Sequence[Sibling], market: MarketData,
                                    article: Article | None) -> Verdict | None:
    """A state at an earlier moment ('when it was up', 'on that date, it was') right before the figure: the figure
    is measured to that moment, not to the article's session."""
    if not _figure_found(claim):
        return None
    at = figure_position(claim)
    m = EARLIER_MOMENT_RE.search(claim.sentence[max(0, at - 80):at])
    if m is None:
        return None
    return _note(verdict, f"the figure is the state at an earlier moment the sentence names ('{m.group(0).strip()}'), "
                 "not at the article's session", "an earlier moment the sentence names")


# "has gained about 2.9 percent on average in election weeks since 1934", "an average gain of 1.7 percent in
# December": a historical average over many periods, not one move ('the Dow Jones industrial average' is a name)
AVERAGE_RE = re.compile(r"\b(?:on (?:an )?average|an average(?: \w+)? of|averag(?:ed|ing)|"
                        r"(?<!industrial )(?<!Dow )average (?:annual |daily |monthly |weekly |yearly )?"
                        r"(?:gain|rise|return|decline|loss|increase|drop|"
                        r"fall|move)s?)\b", re.I)


def _an_average(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """A figure told as an average ('on average', 'an average of', 'averaged') beside it: a statistic of many
    periods, which no one move of the data settles."""
    if not _figure_found(claim):
        return None
    at = figure_position(claim)
    m = AVERAGE_RE.search(claim.sentence[max(0, at - 40):at + 60])
    if m is None:
        return None
    return _note(verdict, f"the figure is an average over many periods ('{m.group(0)}'), not one move",
                 "an average over many periods")


def _same_figure_told_at_a_moment(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                  siblings: Sequence[Sibling], market: MarketData,
                                  article: Article | None) -> Verdict | None:
    """'Wal-Mart shares rose nearly 4 percent' in a lead, and 'were up 3.8 percent in afternoon trading' further on:
    the article tells the same figure elsewhere at a moment of the session (or outside it), so the bare one is
    that moment's too, not the close."""
    if says_close or (claim.period or "day") not in ("day", "intraday") or claim.change_pct is None or \
            claim.instrument is None:
        return None
    for other in siblings:
        told = _told_at_a_moment(claim, other.claim)
        if told is not None and claim.period == "intraday" and not OUTSIDE_SESSION_RE.search(told):
            continue  # a figure read in the session's range is excused only by the same figure after the close
        if told is not None:
            return _note(verdict, f"the article gives the same figure elsewhere at a moment of the session or "
                         f"outside it ('{told}'), so this one is that price too, not the close",
                         "the same figure told at a moment elsewhere in the article")
    return None


def _told_at_a_moment(claim: Claim, them: Claim) -> str | None:
    """The words that place another claim of the same move at a moment ('in afternoon trading'), when it gives the
    claim's own figure and direction; None otherwise."""
    from analyzer.check.figures import figure_agrees

    assert claim.instrument is not None and claim.change_pct is not None
    outside = OUTSIDE_SESSION_RE.search(them.sentence)
    # "fell 8 percent to $23.44 in extended trading" is read as a period of its own ("other"): a quote all the same
    periods = ("day", "intraday", "other") if outside else ("day", "intraday")
    if them.char_start == claim.char_start or them.kind != claim.kind or them.instrument is None or \
            them.instrument.symbol != claim.instrument.symbol or them.change_pct is None or \
            them.direction != claim.direction or (them.period or "day") not in periods:
        return None
    when = MOMENT_RE.search(them.sentence) or outside
    told = when.group(0) if when else "during the session" if them.period == "intraday" else None
    if told is None or CLOSE_WORD_RE.search(_own(them)) or \
            not figure_agrees(claim.change_pct, claim.stated.get("change_pct"), them.change_pct, claim.qualifier).ok:
        return None
    return told


# "Benchmark 10-year notes rose 14/32 for a yield of 4.77 percent": the move in 32nds is the note's price
PRICE_IN_32NDS_RE = re.compile(r"\b(?:\d+[- ])?\d+/32(?:nds?|s)?\b")
# how far a yield level told in the text may stand from the day's closing yield (a quote of the afternoon)
YIELD_LEVEL_SLACK = 0.1


def _a_yield(market: MarketData, symbol: str | None) -> bool:
    """Whether the market data knows ``symbol`` as a yield (a Treasury note's), not a price."""
    try:
        return market.registry.get(symbol or "").kind == "yield"
    except (KeyError, ValueError, MarketDataError):
        return False


def _a_notes_price_in_32nds(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                            siblings: Sequence[Sibling], market: MarketData,
                            article: Article | None) -> Verdict | None:
    """A yield's claim in a sentence that moves the note's price in 32nds ('rose 14/32 for a yield of 4.77
    percent, versus 4.81 percent'): the move word is the price's, which goes against the yield, and the other
    percentages are earlier yields; the yield's level it gives agrees with the close."""
    if claim.kind != "index_move" or claim.instrument is None or claim.level is None or not verdict.evidence:
        return None
    price = PRICE_IN_32NDS_RE.search(claim.sentence)
    close = verdict.evidence[0].figures.get("close")
    if price is None or not isinstance(close, (int, float)) or abs(claim.level - close) > YIELD_LEVEL_SLACK:
        return None
    if not _a_yield(market, claim.instrument.symbol):
        return None
    return _note(verdict, f"the sentence moves the note's price ('{price.group(0)}'), which goes against its yield, "
                 f"and the yield it gives ({claim.level:g}) agrees with the close ({close:g})",
                 "a note's price move, not its yield's")


def _a_notes_price_in_points(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                             siblings: Sequence[Sibling], market: MarketData,
                             article: Article | None) -> Verdict | None:
    """A yield's move in whole points in a sentence that prices the note in 32nds ('notes, up 20/32 in price
    earlier, shot up more than four points to 103-16/32'): the points are the note's price, which moves against
    its yield, not the yield's own change (a yield moves in basis points)."""
    stated = claim.stated.get("change_points") or ""
    if claim.kind != "index_move" or claim.instrument is None or claim.change_points is None or \
            claim.change_pct is not None or re.search(r"\b(?:basis|bps?)\b", stated, re.I):
        return None
    price = PRICE_IN_32NDS_RE.search(claim.sentence) or re.search(r"\bin price\b", claim.sentence, re.I)
    if price is None:
        return None
    if not _a_yield(market, claim.instrument.symbol):
        return None
    return _note(verdict, f"the sentence prices the note ('{price.group(0)}'): its points are the price's move, "
                 "which goes against the yield, not the yield's change", "a note's price move, not its yield's")


# "had fallen to a low of 97 cents in March": a fall to an extreme reached within the month, not the month's move
TO_AN_EXTREME_RE = re.compile(r"^[^,;]{0,30}?\bto\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}(?:low|high|trough|peak|"
                              r"bottom)\b", re.I)


def _to_an_extreme_within_the_period(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """A move over a period told without a figure, 'to a low of' or 'to a high': it ran to an extreme reached at
    some moment of the period, which the period's close-to-close move does not show."""
    if (claim.period or "day") == "day" or claim.change_pct is not None or claim.change_points is not None or \
            claim.span_end is None:
        return None
    m = TO_AN_EXTREME_RE.search(claim.sentence[claim.span_end:])
    if m is None:
        return None
    return _note(verdict, f"the move runs to an extreme reached within the period ('{m.group(0).strip()}'), not to "
                 "the period's last close", "a move to an extreme within the period")


# "fell 27.62 percent from its 2009 peak on January 6 to close at a 12-year low of 676.53 on March 9": the move
# runs to a close the sentence dates, before the article's session
SPAN_TO_A_DATE_RE = re.compile(r"^[^;]{0,80}?\bto\b[^;]{0,60}?\bon\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+"
                               r"(?:19|20)\d\d)?)\b")


def _span_to_a_named_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                           siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """A move from a dated base 'to' a close the sentence dates before the session: measured between the two."""
    from analyzer.check.moves import mismatches
    from analyzer.extract.timeref import DATE_RE, resolve_date_mention

    if claim.period_start is None or claim.session is None or not verdict.evidence or not _figure_found(claim):
        return None
    m = SPAN_TO_A_DATE_RE.match(claim.sentence[figure_position(claim):])
    inner = DATE_RE.search(m.group("date")) if m else None
    session, start = date.fromisoformat(claim.session), date.fromisoformat(claim.period_start)
    end = resolve_date_mention(inner, session) if inner else None
    if end is None or not start < end < session or verdict.evidence[0].symbol is None:
        return None
    try:
        change = measures.period_change(market, verdict.evidence[0].symbol, start, end)
    except (MarketDataError, ValueError, KeyError, IndexError):
        return None
    if mismatches(claim, change, change.series)[0]:
        return None
    return _note(verdict, f"the move runs to the close the sentence dates ({end.isoformat()}); from "
                 f"{start.isoformat()} to then ({change.change_pct:+.2f}%) the figures hold",
                 f"to the dated close ({end.isoformat()})")


# "from Tuesday's close", "from Wednesday's New York Stock Exchange close of $44.96": the base of the move
# (named apart from BASE_CLOSE_RE above, which this once shadowed for the whole module)
WEEKDAY_BASE_CLOSE_RE = re.compile(
    r"\bfrom (?P<day>Monday|Tuesday|Wednesday|Thursday|Friday)'s (?:[\w&.-]+ ){0,5}close\b"
    # "from their $88.10 close in New York on Tuesday", "against its $88.10 close on Tuesday": the close's day told
    # after it
    r"|\b(?:from|against|over|versus) (?:their|its|the) (?:[\w$&.,-]+ ){0,4}close (?:[\w&.,-]+ ){0,5}?on "
    r"(?P<after>Monday|Tuesday|Wednesday|Thursday|Friday)\b")


def _from_the_close_it_is_checked_at(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """'were up 5 percent at $92 from Tuesday's close' in a piece written before Wednesday's open: the move runs
    from the last close to a later quote (before the open, after the close), so the span from its base to the
    session it was read at is empty. `unverifiable` with the reason: no close measures a span of no sessions."""
    if verdict.verdict != "contradicted" or claim.session is None:
        return None
    if (claim.period or "day") == "day":
        # "up 6 percent at $48 from Tuesday's New York Stock Exchange close of $45" read as Tuesday's own move
        base = WEEKDAY_BASE_CLOSE_RE.search(claim.sentence)
        if base is None or (base.group("day") or base.group("after")).lower() != \
                date.fromisoformat(claim.session).strftime("%A").lower():
            return None
    elif claim.period != "other" or claim.period_start is None or str(claim.period_start)[:10] != claim.session:
        return None
    return _note(verdict, f"the move runs from the close of {claim.session} to a later quote the sentence does not "
                 "date (before the next open or after that close), which no daily close measures",
                 "a quote after the base close")


# "with the Dow rising and falling in a range as wide as 203 points", "traded in a range of 150 points": the
# figure is the session's high-low range, not its move
# ("within a range as wide as 203 points", "inside a band as broad as 150 points": the same range)
SESSION_RANGE_RE = re.compile(r"\b(?:in|within|inside) a (?:trading )?(?:range|band) (?:as (?:wide|broad) as|of)\s+$",
                              re.I)


def _a_session_range(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                     siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """A figure in points told as the session's range ('in a range as wide as 203 points'): the high less the low
    of the session, where the data has them and they agree, makes the claim supported, with the reading named; any
    other outcome leaves the verdict as it was."""
    from analyzer.check.figures import figure_agrees
    from analyzer.check.moves import target_for

    points = claim.stated.get("change_points")
    if points is None or claim.change_points is None or claim.session is None or claim.instrument is None or \
            claim.instrument.symbol is None or not _figure_found(claim):
        return None
    if not SESSION_RANGE_RE.search(claim.sentence[max(0, figure_position(claim) - 40):figure_position(claim)]):
        return None
    session = date.fromisoformat(claim.session)
    try:
        rng = measures.session_range(market, target_for(claim.instrument.symbol, market).data_symbol, session)
    except (MarketDataError, ValueError, KeyError, IndexError):
        return None
    if "high" not in rng or "low" not in rng:
        return None
    width = rng["high"] - rng["low"]
    if not figure_agrees(abs(claim.change_points), points, width).ok:
        return None
    reading = f"the session's high-low range ({session.isoformat()})"
    return Verdict("supported", f"{verdict.explanation} Not called an error: the figure is told as the session's "
                   f"range; read as {reading}: high {rng['high']:,.2f} less low {rng['low']:,.2f} is {width:,.2f} "
                   "points, which agrees.", verdict.evidence, readings=[*verdict.readings, reading])


# "GE's unexpected 6 percent profit drop", "HP increased revenues by $800 million": the company's business
BUSINESS_WORDS = "(?:" + lexicon.alternation(lexicon.words("moves", "business_figure_words")).replace(
    r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") + ")"
# how far before the figure a business word and its verb may stand ('Same-store sales rose 1.2 percent at its
# stores and increased 5.9 percent at its warehouse clubs')
BUSINESS_BEFORE = 80
# the words between the figure and the business word stay in its phrase ('a 6 percent rise in quarterly sales'),
# never a clause of its own ('fell 4 percent after reporting weak sales': the shares' move, told with its cause)
NOT_IN_THE_PHRASE = r"(?:after|as|on|following|when|while|despite|amid|because|before|ahead|since|with|though|" \
                    r"reporting|reported|posting|posted|said|says|saying|forecast|warned|cut|raised)"
# (a comma may close an apposition before the verb: 'sales at stores open a year, or same-store sales, fell')
BUSINESS_NEAR_RE = re.compile(rf"(?:percent|%|\bby)\s+(?:(?!{NOT_IN_THE_PHRASE}\b)\w+\s+){{0,4}}{BUSINESS_WORDS}\b"
                              rf"|\b{BUSINESS_WORDS},?\s+(?:\w+\s+){{0,3}}(?:rose|fell|increased|decreased|declined|"
                              rf"dropped|jumped|grew|climbed|slipped|slid|surged|soared|plunged|tumbled|by\b|to\b|of\b)",
                              re.I)
# the words of shares or trading ('market share' is the company's business)
# ('to $897 million' is an amount of the business, never a share price)
AMOUNT_AFTER = r"\s?\d[\d,.]*\s*(?:billion|million|trillion|bln|mln)\b"
SHARES_RE = re.compile(r"\b(?:(?<!market )shares?|stock|stocks|Nasdaq|NYSE|New York Stock Exchange|trading|traded)\b"
                       rf"|\b(?:to|at) \$(?!{AMOUNT_AFTER})", re.I)
# "HP gained 11 percent to $897 million": a figure that takes the company to an amount of money is its business
# ("a 76.6 percent increase from last year to $495.5 million": the noun's phrase may run a few words to the amount)
TO_AN_AMOUNT_RE = re.compile(rf"\s*(?:percent|%)\s+(?:(?!{NOT_IN_THE_PHRASE}\b)[\w-]+\s+){{0,6}}?to\s+(?:US)?\$"
                             rf"{AMOUNT_AFTER}", re.I)
# "with $447.8 million in fees, a 9.3 percent increase": the figure in apposition to an amount of money
AMOUNT_BEFORE_RE = re.compile(rf"(?:US)?\${AMOUNT_AFTER}(?:\s+(?:in|of)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?,\s+"
                              r"(?:a|an|or|up|down)\s+(?:rise|increase|gain|jump|drop|decline|fall)?\s*(?:of\s+)?$",
                              re.I)
# "Coke, which owns about 40 percent of the bottler": a stake
STAKE_RE = re.compile(r"\b(?:owns?|owned|holds?|held|stake of|stake in)\s+(?:about |nearly |roughly |more than |"
                      r"almost |some |just over |just under )?$", re.I)


def _short_of_the_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                        siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    why = short_of_the_close(claim, verdict, says_close, market)
    return _note(verdict, why, "a level passed during the session") if why else None


def _business_figure(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                     siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """The business word next to the figure, in a sentence that says nothing of shares or trading."""
    if claim.kind != "stock_move":
        return None
    at = figure_position(claim)
    if _figure_found(claim) and STAKE_RE.search(claim.sentence[max(0, at - 40):at]):
        return _note(verdict, "the figure is a stake the company holds, not a move of its shares",
                     "a stake, not a share price")
    if SHARES_RE.search(claim.sentence):
        return None
    near = BUSINESS_NEAR_RE.search(claim.sentence[max(0, at - BUSINESS_BEFORE):at + 60])
    if near is None and _figure_found(claim) and claim.stated.get("change_pct"):
        near = TO_AN_AMOUNT_RE.match(claim.sentence, at + len(claim.stated["change_pct"])) or \
            AMOUNT_BEFORE_RE.search(claim.sentence[max(0, at - BUSINESS_BEFORE):at])
    if near is None:
        return None
    return _note(verdict, f"the figure describes the company's business ('{near.group(0).strip()}'), not a move of "
                 "its shares", "a business figure, not a share price")


# "Berkshire's Class A shares", "its B shares": the class of shares the words speak of
SHARE_CLASS_RE = re.compile(r"\bclass[- ]([A-C])\b|\b([AB])[- ]shares\b", re.I)
SYMBOL_CLASS_RE = re.compile(r"[-.]([A-C])$")
NAMED_CLASS_RE = re.compile(r"\(Class ([A-C])\)")


def series_class(market: MarketData, symbol: str) -> str | None:
    """The share class a data series holds: from its ticker ('BRK-B') or its listed name ('Alphabet Inc. (Class
    C)' in the market directory's symbols.csv); None when neither says."""
    m = SYMBOL_CLASS_RE.search(symbol)
    if m:
        return m.group(1).upper()
    return _listed_classes(str(market.directory)).get(symbol)


@lru_cache(maxsize=8)
def _listed_classes(directory: str) -> dict[str, str]:
    try:
        with open(Path(directory) / "symbols.csv", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
    except OSError:
        return {}
    return {row[0]: m.group(1) for row in rows[1:] if len(row) > 2 and (m := NAMED_CLASS_RE.search(row[2]))}


def _another_share_class(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                         siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'Berkshire's Class A shares fell $2,000' checked on the class B series: another listing, at another price;
    the data holds no series of the class the words name."""
    if claim.kind != "stock_move":
        return None
    named = SHARE_CLASS_RE.search(own) or SHARE_CLASS_RE.search(claim.sentence[:figure_position(claim)])
    symbol = _data_symbol(claim, verdict, market)
    held = series_class(market, symbol) if named and symbol else None
    wanted = (named.group(1) or named.group(2)).upper() if named else None
    if held is None or wanted == held:
        return None
    return _note(verdict, f"the words speak of class {wanted} shares ('{named.group(0)}') and the data holds the "
                 f"class {held} series ({symbol}), another listing at another price", "another class of shares")


# "( WMT.N )": a listing's tag names whose figure follows
RIC_RE = re.compile(r"\(\s*([A-Z][A-Z0-9]{0,5}(?:\.[A-Z])?)\.(?:N|O|OQ|A|K|P|DE|L|TO|PA|AX|T)\s*\)")
SHARES_OF_RE = re.compile(r"\b(?:shares|stock) of\s+(?:the\s+)?([A-Z][\w&.'-]+(?:\s+[A-Z][\w&.'-]+){0,3})")


def _another_companys_figure(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                             siblings: Sequence[Sibling], market: MarketData,
                             article: Article | None) -> Verdict | None:
    """'The stock of Target rival Wal-Mart Stores Inc ( WMT.N ) rose 0.3 percent' given to Target: the nearest
    listing or 'shares of' before the figure is another company's, and the sentence does not join the two."""
    if claim.kind != "stock_move" or claim.instrument is None or COORDINATED_RE.search(claim.sentence) or \
            not _figure_found(claim):
        return None  # without the figure's place in the sentence, what stands before it is not known
    at = figure_position(claim)
    before = claim.sentence[:at]
    marks = [(m.start(), m.end(), m.group(1), True) for m in RIC_RE.finditer(before)] + \
        [(m.start(), m.end(), m.group(1), False) for m in SHARES_OF_RE.finditer(before)]
    if not marks:
        return None
    start, end, name, is_ric = max(marks)
    if _is_the_company(name, is_ric, claim, market) or _names_company(before[end:], claim):
        return None
    own_at = [m.start() for m in re.finditer(re.escape(claim.instrument.name.split()[0]), before[:start])]
    if own_at and re.search(r"\band\b|,\s*$", before[own_at[-1]:start]) and start - own_at[-1] < 60:
        return None  # "Chevron and Exxon Mobil ( XOM.N ) rose": both companies move
    return _note(verdict, f"the figure follows another company's name ('{before[start:end].strip()}'), so it is "
                 "that company's move, not this one's", "another company's figure")


COORDINATED_RE = re.compile(r"\b(?:respectively|each|both|all)\b", re.I)


def _is_the_company(name: str, is_ric: bool, claim: Claim, market: MarketData) -> bool:
    assert claim.instrument is not None
    symbol = (claim.instrument.symbol or "").upper()
    if is_ric:
        return name.upper().replace(".", "") == symbol.replace(".", "").replace("-", "")
    if _names_company(name, claim):
        return True
    short = re.sub(r"\s+(?:Inc|Corp|Co|Ltd|Group|Holdings|Corporation|Company)\b.*$", "", name)
    try:
        return any(c.symbol == claim.instrument.symbol for c in market.registry.resolve(short))
    except Exception:  # noqa: BLE001 - a name the registry cannot read is simply not this company
        return False


def _news_day_word(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                   siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'Apple fell 2.6 percent after it said late on Monday ...' in a Tuesday wrap: the day word dates the news,
    and the move is the publication session's."""
    if (claim.period or "day") != "day" or (published := _session_of_a_news_day_word(claim, article)) is None:
        return None
    if verdict.diagnosis is not None and verdict.diagnosis.get("session") == published.isoformat():
        return _note(verdict, f"the day word ('{claim.time_text}') stands in a clause about the news, and the "
                     f"figures hold for the session of the article ({published.isoformat()})",
                     "the publication session's move")
    if published.isoformat() == claim.session:
        return None
    # 'gained 5.2 percent to $42.92 after the company late on Thursday reported' in a Friday wrap: the move is read
    # at the article's session with every reading it takes there (a wire's price shortly before the final close)
    other = _recheck_at(claim, market, published, "day")
    if other is None or other.verdict not in ("supported", "unverifiable") or not other.evidence or \
            (other.verdict == "unverifiable" and "Not called an error" not in other.explanation
             and "hold in other readings" not in other.explanation and "shortly before the final close"
             not in other.explanation):
        return None
    reading = f"the session of the article ({published.isoformat()})"
    return Verdict(other.verdict, f"{verdict.explanation} Not called an error: the day word ('{claim.time_text}') "
                   f"stands in a clause about the news; read at {reading}: {other.explanation}", other.evidence,
                   readings=[*verdict.readings, reading])


# "after it said late on Monday", "despite the company posting a strong profit late on Wednesday": the gerunds of
# the news verbs and 'despite' open such a clause too
NEWS_CLAUSE_RE = re.compile(r"\b(?:said|says|saying|announced|announcing|reported|reporting|news|which|who|that|"
                            r"posted|posting|forecast|forecasting|warned|warning|after|despite)\b[^,;.]*$", re.I)


# "the S&P 500 has risen 6 percent since mid March", "Since reaching that low, the S&P 500 is up 20 percent"
SINCE_RE = re.compile(r"\bsince\b"
                      r"|\bfrom (?:its|their|the|a|an) [\w\s-]{0,30}?\b(?:low|high|peak|trough|level|close)s?\b", re.I)


def _since_an_earlier_base(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                           siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """A state that has built up since an earlier time ('has risen', 'is up') is no day's move; when none of the
    readings tried could place its base, it is not called wrong. A leading 'After the S&P slid on November 21 to
    its low, the index has gained' dates the base, not the move: the state runs to the article's session."""
    dated_base = _time_words_date_the_base(claim)
    if (claim.time_text and not dated_base) or (claim.period or "day") not in ("day", "intraday") or \
            ((claim.period or "day") == "intraday" and not dated_base) or not state_words(claim.sentence):
        return None
    m = SINCE_RE.search(own) or SINCE_RE.match(claim.sentence.lstrip()) or LEADING_BASE_RE.match(claim.sentence)
    if m is None or claim.change_pct is None:
        return None
    end_at = session_for(local_published(article.published)).session if dated_base and article is not None \
        and article.published is not None else None
    base = _some_base_fits(claim, verdict, market, end_at)
    if base is None:
        return None  # no close, low or high of the past year or so gives the figure: it is wrong from any base
    return _note(verdict, f"the sentence measures a state from an earlier base ('{m.group(0).strip()}') it does not "
                 f"date; the figure holds from {base}", "a move from an earlier base")


LEADING_BASE_RE = re.compile(r"^\W*(?:since|after)\b", re.I)


def _time_words_date_the_base(claim: Claim) -> bool:
    """'After the S&P slid on November 21 to its low ..., the index has gained': the time words stand in a leading
    'after' or 'since' clause, before the claim's own words."""
    if not claim.time_text or not LEADING_BASE_RE.match(claim.sentence):
        return False
    at = claim.sentence.find(claim.time_text)
    return 0 <= at < figure_position(claim) and not state_words(claim.sentence[:at])


SINCE_REACH_DAYS = 400


def _some_base_fits(claim: Claim, verdict: Verdict, market: MarketData, end_at: date | None = None) -> str | None:
    """The first close, low or high within SINCE_REACH_DAYS before the session (``end_at``, else the evidence's)
    from which the stated percentage holds at its precision, as 'the close of 2008-03-17'; None when there is
    none."""
    from analyzer.check.figures import figure_agrees

    if not verdict.evidence or verdict.evidence[0].symbol is None or claim.change_pct is None:
        return None
    evidence = verdict.evidence[0]
    end = evidence.figures.get("close")
    session = date.fromisoformat(evidence.session) if evidence.session else None
    try:
        bars = market.bars(evidence.symbol)
        if end_at is not None:
            end, session = measures.session_change(market, evidence.symbol, end_at).end_value, end_at
    except MarketDataError:
        return None
    if end is None or session is None:
        return None
    window = bars[(bars.index >= str(session - timedelta(days=SINCE_REACH_DAYS))) & (bars.index < str(session))]
    sign = -1 if claim.direction == "down" else 1
    for column, what in ((evidence.series or "close", "close"), ("low", "low"), ("high", "high")):
        if column not in window:
            continue
        for when, value in window[column].dropna().items():
            move = (end / value - 1) * 100 if value else 0.0
            if (move > 0) == (sign > 0) and figure_agrees(claim.change_pct, claim.stated.get("change_pct"), move,
                                                          claim.qualifier).ok:
                return f"the {what} of {when.date().isoformat()} ({value:,.2f})"
    return None


# "posted stronger-than-expected profit, sending its shares up 6 percent": a move tied to news
NEWS_LINK_RE = re.compile(r"\b(?:sending|sent|pushing|pushed|lifting|knocking|dragging)\b[^.;]{0,30}\b(?:shares|stock)"
                          # 'posted an 11 percent rise in quarterly net income ..., and its shares rose 10.7 percent'
                          r"|\b(?:posted|reported|ground out|booked|announced|forecast|beat|topped|missed)\b"
                          r"[^;]{0,200}?"
                          r"\band (?:its|the company['\u2019]s) (?:shares|stock)\b"
                          r"|\bon the (?:news|report|results|announcement)\b"
                          r"|\b(?:after|following) (?:the|its|their) (?:report|results|news|announcement|forecast)\b"
                          # 'its shares rose 6 percent as it beat analysts' expectations'
                          r"|\bas (?:the company|it) (?:posted|reported|said|forecast|beat|topped|missed)\b", re.I)


# how far after the link to the shares their verb is read for a word of the close ('and its shares closed up')
LINK_TO_VERB_CHARS = 30


# "late Wednesday", "on Tuesday evening": news told as coming after the session
EVENING_RE = re.compile(r"\blate (?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b|\b(?:Monday|Tuesday|Wednesday|"
                        r"Thursday|Friday) (?:evening|night)\b|\bafter (?:trading|the session) (?:ended|closed)\b",
                        re.I)


def tells_of_the_evening(article: Article | None) -> bool:
    """Whether the piece says anything happened after the regular session (trading after the bell, news late in the
    day): without that, a stock's figure in a piece stamped that evening is the session's, as its words say."""
    return article is not None and bool(OUTSIDE_SESSION_RE.search(article.text) or EVENING_RE.search(article.text))


def _company_news_after_the_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                  siblings: Sequence[Sibling], market: MarketData,
                                  article: Article | None) -> Verdict | None:
    """A company's news stamped after the close whose share move the sentence ties to the news: the move is
    after-hours trading unless the article's index figures show it reads closes."""
    if not _a_stock_move_of_the_day(claim, says_close) or article is None or article.published is None:
        return None
    local = local_published(article.published)
    evening = local.date() == date.fromisoformat(str(claim.session)) and local.time() >= MARKET_CLOSE
    link = NEWS_LINK_RE.search(claim.sentence)
    # 'posted quarterly results on Tuesday, and its shares rose': the day word may stand inside the link, in the
    # news's clause before the shares it ties to the news (a day word after the link is the move's own)
    if claim.time_text and not (link is not None and _the_news_days_word(claim, link.end())):
        return None
    if link is not None and CLOSE_WORD_RE.search(claim.sentence[link.end():link.end() + LINK_TO_VERB_CHARS]):
        return None  # 'and its shares closed up 10 percent': told as the close
    if link is None or not _told_after_the_close(claim, article):
        news = link or AFTER_THE_NEWS_RE.search(claim.sentence)
        return _carried_by_the_next_session(claim, verdict, market, news.group(0)) if evening and news else None
    if any(s.verdict is not None and s.verdict.verdict == "supported" and s.claim.kind == "index_move"
           and _day_figure(s.claim) for s in siblings):
        return None  # a wrap whose index figures are the closes: its stock figures are closes too
    return _note(verdict, f"the piece was written after the close and ties the move to the news "
                 f"('{link.group(0)}'): it may be a price from after-hours trading, which daily closes do not cover",
                 "a move in after-hours trading on the news")


def _a_stock_move_of_the_day(claim: Claim, says_close: bool) -> bool:
    """A stock's move of a session (or of no period the words fix) not told as its close."""
    return claim.kind == "stock_move" and not says_close and (claim.period or "day") in ("day", "other") and \
        claim.session is not None


def _the_news_days_word(claim: Claim, link_at: int) -> bool:
    """'posted quarterly earnings on Tuesday ..., sending its shares up 9 percent', 'posted quarterly results on
    Tuesday, and its shares rose': the day word stands before the link's end (the shares the link ties to the
    news), in the news's clause, and names the session's own weekday (the day of the news)."""
    assert claim.session is not None and claim.time_text is not None
    at = claim.sentence.find(claim.time_text)
    weekday = WEEKDAYS[date.fromisoformat(claim.session).weekday()]
    return 0 <= at < link_at and re.fullmatch(rf"(?:on\s+)?{weekday}", claim.time_text.strip(), re.I) is not None


def _told_after_the_close(claim: Claim, article: Article) -> bool:
    """Stamped the session's evening in a piece that tells of the evening, or before the next open."""
    assert article.published is not None and claim.session is not None
    local = local_published(article.published)
    session = date.fromisoformat(claim.session)
    return (local.date() == session and local.time() >= MARKET_CLOSE and tells_of_the_evening(article)) or \
        ((local.date() - session).days in (1, 2, 3) and local.time() < time(9, 30))


# 'fell 7% after the company's cloud revenue missed estimates': a move told as the market's answer to company news
AFTER_THE_NEWS_RE = re.compile(r"\b(?:after|following|as|on)\b[^.;]{0,60}?\b(?:results|reported|earnings|forecast|"
                               r"revenue|profit|guidance|estimates|outlook|quarterly)\b", re.I)


def _carried_by_the_next_session(claim: Claim, verdict: Verdict, market: MarketData, link: str) -> Verdict | None:
    """'Alphabet shares fell 7% after the company's cloud revenue missed estimates' stamped at 4:45 p.m. on the day
    of results after the bell, with no word of the evening: the session's close contradicts it, the next session's
    close (-7.29%), into which the after-hours trading led, carries it. Not called an error; a figure it does not
    give stays an accusation (also 'slid 8%', inside that session's range: the range lets wrong figures through)."""
    assert claim.session is not None
    following = next_session(date.fromisoformat(claim.session))
    other = _recheck_at(claim, market, following, "day")
    if other is None or other.verdict != "supported" or not other.evidence:
        return None  # the next session's range would let through too many wrong figures of volatile stocks
    return _note(verdict, f"the piece was written after the close and ties the move to the news ('{link}'), so it "
                 f"may be a price from after-hours trading: the next session's close carries the figure: "
                 f"{other.explanation.rstrip('.')}", "a move in after-hours trading on the news")


# "had driven Hartford's shares down 92 percent this year": the state before the session's own move
PAST_PERFECT_RE = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?(?:driven|fallen|lost|risen|gained|dropped|slumped|"
                             r"climbed|rallied|tumbled|declined|advanced|jumped|surged|shed|added|been)\b", re.I)


POSSESSIVE_DAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday)['\u2019]s\s+(?:\w+\s+){0,3}?"
                               r"(?:nearly |about |almost |more than )?\d", re.I)


# "after Friday's selloff, which knocked the Nasdaq down 3 percent": the move is told as the named day's event, the
# last weekday word before the figure with no other day word between
POSSESSIVE_EVENT_RE = re.compile(rf"\b({_WEEKDAY_NAMES})['\u2019]s\s+(?:[\w-]+\s+){{0,2}}?"
                                 rf"(?:{lexicon.alternation(lexicon.labels('moves', 'move_nouns'))})(?:s|es)?\b", re.I)


def _possessive_day_of(claim: Claim) -> re.Match[str] | None:
    """The possessive day that owns the claim's figure: one written with the figure ("Friday's nearly 400-point
    drop"), else the day of an event the figure's clause tells ("Friday's selloff, which knocked ..."), the last before
    the figure with no weekday word after it."""
    m = POSSESSIVE_DAY_RE.search(claim.sentence)
    if m is not None:
        return m
    at = figure_position(claim)
    events = list(POSSESSIVE_EVENT_RE.finditer(claim.sentence, 0, at))
    if not events or WEEKDAY_RE.search(claim.sentence, events[-1].end(), at) or \
            re.search(r"[;.](?!\d)", claim.sentence[events[-1].end():at]):
        return None
    return events[-1]


def _possessive_day(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                    siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'a rebound on Monday from Friday's nearly 400-point drop': the figure is Friday's, as the diagnosis finds."""
    if verdict.diagnosis is None or (claim.period or "day") != "day":
        return None
    m = _possessive_day_of(claim)
    when = verdict.diagnosis.get("session")
    if m is None or not when or WEEKDAYS[date.fromisoformat(when).weekday()] != m.group(1).lower():
        return None
    return _note(verdict, f"the figure is {m.group(1)}'s, as the sentence says, and on {when} it holds",
                 f"{m.group(1)}'s move")


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a wrap's versions of the first hour and a half after the bell may still carry the close as first printed
# (stamped 17:04 and 17:13 with figures a hair from the final ones); later versions carry the final closes
PRELIMINARY_DAY_MINUTES = 90
PRELIMINARY_DAY_POINTS = 0.1


def _within_a_hair_of_the_close(claim: Claim, figures: dict) -> bool:
    """Every figure the claim states sits within PRELIMINARY_DAY_POINTS (percentage points, or that share of the
    close for levels and points) of the final close-to-close move, in its direction."""
    actual, close, points = figures.get("change_pct"), figures.get("close"), figures.get("change_points")
    if actual is None or close is None or (claim.change_pct is None and claim.level is None
                                           and claim.change_points is None):
        return False
    share = PRELIMINARY_DAY_POINTS / 100
    return (claim.change_pct is None or abs(abs(actual) - claim.change_pct) <= PRELIMINARY_DAY_POINTS) and \
        (claim.level is None or abs(claim.level / close - 1) <= share) and \
        (claim.change_points is None or abs(claim.change_points - abs(points or 0.0)) <= share * close) and \
        (claim.direction not in ("up", "down") or (actual > 0) == (claim.direction == "up"))


def _preliminary_day_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                           siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'jumped 35.59 points, or 2.85 percent, at 1,284.60' stamped 16:32 against a close of 1,284.88: a wire's
    first print of the close, written minutes after the bell."""
    minutes = _minutes_after_the_close(article, claim)
    if (claim.period or "day") != "day" or claim.kind != "index_move" or not verdict.evidence or minutes is None \
            or not 0 <= minutes <= PRELIMINARY_DAY_MINUTES:
        return None
    if not _within_a_hair_of_the_close(claim, verdict.evidence[0].figures):
        return None
    return _note(verdict, f"the piece was stamped {minutes:.0f} minutes after the close and its figures sit within "
                 f"{PRELIMINARY_DAY_POINTS} of the final ones: a first print of the close",
                 "a preliminary close")


# a first print of an index's close: within half a percent of the final close, from a previous close within
# 0.05% of the data's (the vendor's previous close as first printed), on the evening of the session
PRELIMINARY_LEVEL_SHARE = 0.005
PRELIMINARY_PREVIOUS_SHARE = 0.0005


def _written_on_the_session_day(article: Article | None, claim: Claim) -> bool:
    """Published on the calendar day of the claim's session (a copy of a claim moved to another session is not)."""
    if article is None or article.published is None or claim.session is None:
        return False
    return local_published(article.published).date().isoformat() == claim.session


def _minutes_after_the_close(article: Article | None, claim: Claim) -> float | None:
    """How long after the claim's session closed the piece was stamped (negative: during or before the session
    that day); None without a publication time or on another day."""
    if not _written_on_the_session_day(article, claim):
        return None
    assert article is not None and article.published is not None and claim.session is not None
    local = local_published(article.published)
    close_at = datetime.combine(date.fromisoformat(claim.session), MARKET_CLOSE, tzinfo=local.tzinfo)
    return (local - close_at).total_seconds() / 60


# Policy (session 19): a close as first printed is no accusation at any hour of the session's evening. An editor
# knows the first print is revised for hours, so a story of other news stamped later that evening may keep it.
# Past the first hour and a half only a hair is allowed: 0.03% of the close (0.15% excused two verification errors,
# 5-6 points off the Dow on 2009-01-02; 0.03% keeps them accused).
PRELIMINARY_EVENING_SHARE = 0.0003


def _preliminary_level_share(claim: Claim, minutes: float) -> float:
    """How far from the final close a first print may stop: PRELIMINARY_LEVEL_SHARE in the hour and a half after
    the bell; later that evening (a story of other news that kept the close of its first version: 'closing down
    48.53 points at 12,605.83' stamped 6:33 p.m. against a final 12,608.92) only a first print's hair,
    PRELIMINARY_EVENING_SHARE, and only with the points, which tie the level to the previous close (0: no
    reading). The next day is no longer the session's evening (`_minutes_after_the_close` is None)."""
    if minutes <= PRELIMINARY_DAY_MINUTES:
        return PRELIMINARY_LEVEL_SHARE
    return PRELIMINARY_EVENING_SHARE if claim.change_points is not None else 0.0


def _preliminary_print(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                       siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'closed up 58.48 points, or 5.29 percent, at 1,164.87' written that evening against a final close of
    1,166.36: the figures agree with one another, run from the previous close, and stop at a level inside the
    session's range near the final close: the close as first printed (or its last minutes), not an error."""
    from analyzer.check.figures import figure_agrees

    minutes = _minutes_after_the_close(article, claim)
    if (claim.period or "day") != "day" or claim.kind != "index_move" or claim.level is None or \
            not verdict.evidence or minutes is None:
        return None
    figures = verdict.evidence[0].figures
    previous, close = figures.get("prev_close"), figures.get("close")
    share = _preliminary_level_share(claim, minutes)
    if not previous or not close or abs(claim.level / close - 1) > share or \
            not _inside_range(claim, verdict, market):
        return None
    if claim.direction in ("up", "down") and (claim.level > previous) != (claim.direction == "up"):
        return None
    implied = previous
    if claim.change_points is not None:
        implied = claim.level - (claim.change_points if claim.direction != "down" else -claim.change_points)
        if abs(implied / previous - 1) > PRELIMINARY_PREVIOUS_SHARE:
            return None
    if claim.change_pct is not None and not figure_agrees(claim.change_pct, claim.stated.get("change_pct"),
                                                          (claim.level / implied - 1) * 100, claim.qualifier).ok:
        return None
    when = f"stamped {minutes:.0f} minutes after the close" if minutes >= 0 else "written during the session"
    return _note(verdict, f"its figures agree with one another, run from the previous close, and stop at "
                 f"{claim.level:,.2f}, inside the session's range and within {share:.2%} of the "
                 f"final close, in a piece {when}: the close as first printed (or a figure from the last minutes of "
                 "the session), not the final one", "a preliminary close")


# a first print of a close: the points or the level this share of the close from the final figures
PRELIMINARY_FIGURE_SHARE = 0.0015


def _preliminary_figure(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                        siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'fell 31.10 points, or 0.28 percent' against a final -34.29 points, -0.28%: one figure of the pair agrees
    with the final close at its precision, the other sits a few points (or a tenth of a percentage point) off it,
    in the right direction: the close as first printed and kept in a later version of the piece, not an error."""
    if (claim.period or "day") != "day" or claim.change_pct is None or claim.change_points is None or \
            not verdict.evidence or verdict.evidence[0].session != claim.session:
        return None
    agrees = _one_figure_of_the_close(claim, verdict.evidence[0].figures)
    if agrees is None:
        return None
    off = "points" if agrees == "percentage" else "percentage"
    near = "a few points" if agrees == "percentage" else f"{PRELIMINARY_DAY_POINTS} percentage points"
    return _note(verdict, f"its {agrees} agrees with the final close and its {off} sits within {near} of it: a "
                 "first print of the close kept in the piece, not the final figure", "a preliminary close")


def _one_figure_of_the_close(claim: Claim, figures: dict) -> str | None:
    """'percentage' or 'points': the one figure of the claim's pair that agrees with the final close, when the
    other sits a hair off it and the direction and any level agree; None otherwise."""
    from analyzer.check.figures import figure_agrees

    actual, points, close = figures.get("change_pct"), figures.get("change_points"), figures.get("close")
    if actual is None or points is None or not close or claim.direction not in ("up", "down") or \
            (actual > 0) != (claim.direction == "up"):
        return None
    assert claim.change_pct is not None and claim.change_points is not None
    near = PRELIMINARY_FIGURE_SHARE * close
    if claim.level is not None and abs(claim.level - close) > near:
        return None
    pct_ok = figure_agrees(claim.change_pct, claim.stated.get("change_pct"), actual, claim.qualifier).ok
    points_ok = figure_agrees(claim.change_points, claim.stated.get("change_points"), points, claim.qualifier).ok
    if pct_ok and not points_ok and abs(claim.change_points - abs(points)) <= near:
        return "percentage"
    if points_ok and not pct_ok and abs(claim.change_pct - abs(actual)) <= PRELIMINARY_DAY_POINTS:
        return "points"
    return None


def _to_the_articles_own_close(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                               siblings: Sequence[Sibling], market: MarketData,
                               article: Article | None) -> Verdict | None:
    """'for the quarter ... the Nasdaq shed 9.2 percent' under 'The Nasdaq ... ended up 98.60 points at 2,082.33'
    (a first print; the final close was 2,091.88): a period's figure runs to the close the article itself gives
    for that index and session."""
    from analyzer.check.figures import figure_agrees

    if (claim.period or "day") in ("day", "intraday") or claim.change_pct is None or not verdict.evidence or \
            claim.instrument is None:
        return None
    start = verdict.evidence[0].figures.get("prev_close")
    levels = [s.claim.level for s in siblings if s.claim is not claim and _day_figure(s.claim)
              and s.claim.level is not None and s.claim.session == claim.session and s.claim.instrument is not None
              and s.claim.instrument.symbol == claim.instrument.symbol]
    close = verdict.evidence[0].figures.get("close")
    for level in levels:
        if not start or not close or abs(level / close - 1) > PRELIMINARY_LEVEL_SHARE:
            continue
        move = (level / start - 1) * 100
        if (claim.direction not in ("up", "down") or (move > 0) == (claim.direction == "up")) and \
                figure_agrees(claim.change_pct, claim.stated.get("change_pct"), move, claim.qualifier).ok:
            return _note(verdict, f"to the close the article itself gives for that session ({level:,.2f}, a first "
                         f"print near the final {close:,.2f}) the move is {move:+.2f}%, as stated",
                         "the period to the article's own close")
    return None


def _direction_during_the_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                  siblings: Sequence[Sibling], market: MarketData,
                                  article: Article | None) -> Verdict | None:
    """'The Dow and S&P were little changed, having spent much of the day sharply lower' in a piece of the
    session's day: 'were' states where the index stood when it was written. A bare direction holds as such a
    state when the index stood on that side of its previous close at some point of the session."""
    from analyzer.check.readings import SNAPSHOT_VERB_RE

    if (claim.period or "day") != "day" or says_close or claim.change_pct is not None or \
            claim.change_points is not None or claim.level is not None or \
            not SNAPSHOT_VERB_RE.match((claim.verb or "") + " ") or not _written_on_the_session_day(article, claim) \
            or CLOSE_WORD_RE.search(claim.sentence) or not verdict.evidence or verdict.evidence[0].symbol is None:
        return None
    around = _range_around_previous_close(verdict.evidence[0], market)
    if around is None:
        return None
    low, high, previous = around
    stood = {"flat": low <= previous <= high, "up": high > previous, "down": low < previous}.get(claim.direction or "")
    if not stood:
        return None
    return _note(verdict, f"'{claim.verb}' states where it stood when the piece was written, that day, and during "
                 f"the session it traded {low:,.2f}-{high:,.2f} around its previous close "
                 f"{previous:,.2f}", "a state during the session")


def _range_around_previous_close(evidence: Evidence, market: MarketData) -> tuple[float, float, float] | None:
    """The session's low and high and the previous close of the evidence's instrument; None where the data lacks
    any of them."""
    previous = evidence.figures.get("prev_close")
    if previous is None or evidence.symbol is None or evidence.session is None:
        return None
    try:
        rng = measures.session_range(market, evidence.symbol, date.fromisoformat(evidence.session))
    except (MarketDataError, ValueError, KeyError):
        return None
    if "high" not in rng or "low" not in rng:
        return None
    return rng["low"], rng["high"], previous


def _a_direction_alone(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                       siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'Shares of Acme rose after the report', 'Acme was among the biggest decliners': a move told by its direction
    alone is checked on that direction only, and a careful reader would not call it wrong where the stock barely
    moved (a close under NEARLY_FLAT_PCT either side, what 'little changed' describes: it may well have stood on the
    stated side when the piece was written), nor where no word of the sentence names its day and the day is only
    the one the publication time falls in (a piece written during the session tells where the stock stood then),
    unless the price never stood on the stated side of its previous close during that session, the claim's own
    words say it closed there ('ended higher'). A piece stamped after the close may still tell an earlier moment
    (a bank's shares said to tumble on a rumour, and in the next sentence to have recovered and closed higher)."""
    if has_figure(claim) or claim.direction not in ("up", "down") or \
            (claim.period or "day") not in ("day", "intraday") or not verdict.evidence:
        return None
    moved = verdict.evidence[0].figures.get("change_pct")
    # only the direction is excused here: a 'surge' of a close that barely moved is the word's own error
    against = moved is not None and (moved <= 0 if claim.direction == "up" else moved >= 0)
    if against and abs(moved) < NEARLY_FLAT_PCT:
        return _note(verdict, f"the claim gives a direction alone, and the close moved {moved:+.2f}%, so little that "
                     "it may have stood on the stated side when the piece was written", "a direction of a small move")
    # 'The Nasdaq ended the session higher': a direction its own words say is the close's is no state at the time
    # of writing
    if not claim.time_text and not says_close and not _never_on_the_stated_side(claim, verdict, market):
        return _note(verdict, "the claim gives a direction alone and no word of the sentence names its day: the "
                     "day is only the one its publication time falls in, and a piece written during the session "
                     "tells where the price stood then", "a direction at the time of writing")
    return None


def _never_on_the_stated_side(claim: Claim, verdict: Verdict, market: MarketData) -> bool:
    """Whether the price stayed on the other side of its previous close the whole session (its high-low range on the
    closes' own series): then no moment of that session saw the stated direction, and the direction is wrong."""
    evidence = verdict.evidence[0]
    if evidence.series != "close":
        return False  # adjusted closes and a traded range are not one scale
    around = _range_around_previous_close(evidence, market)
    if around is None:
        return False
    low, high, previous = around
    return high <= previous if claim.direction == "up" else low >= previous




# "the shares briefly fell nearly 4 percent on the ruling before recovering to close down 0.3 percent": a swing on
# news during the session, measured from where the stock stood before the news, not from the previous close
BRIEF_SWING_RE = re.compile(r"\bbriefly\b[^;]{0,80}?\bbefore\s+(?:recovering|rebounding|bouncing|paring|"
                            r"trimming|recouping|coming back|giving back|retreating|easing|slipping|falling back)",
                            re.I)


def _a_brief_swing_on_news(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                           siblings: Sequence[Sibling], market: MarketData,
                           article: Article | None) -> Verdict | None:
    """A percentage of a brief move the same sentence says was undone before the close, no larger than the
    session's swing from its high to its low: a move from a price of the session (before the news), which daily
    data cannot place; left unverifiable. A figure larger than the swing stays accused."""
    if claim.change_pct is None or claim.level is not None or not BRIEF_SWING_RE.search(claim.sentence) or \
            not verdict.evidence or verdict.evidence[0].symbol is None or verdict.evidence[0].session is None:
        return None
    at = figure_position(claim)
    if not re.search(r"\bbriefly\b", claim.sentence[max(0, at - 60):at], re.I):
        return None  # the close's figure after 'before recovering to end down 0.3 percent' is no brief move
    evidence = verdict.evidence[0]
    try:
        rng = measures.session_range(market, evidence.symbol, date.fromisoformat(evidence.session))
    except (MarketDataError, ValueError, KeyError):
        return None
    if "high" not in rng or "low" not in rng or rng["low"] <= 0:
        return None
    swing = (rng["high"] / rng["low"] - 1) * 100 if claim.direction == "up" else (1 - rng["low"] / rng["high"]) * 100
    if claim.change_pct > swing + 0.05:
        return None
    return _note(verdict, f"the sentence says the move was brief and undone before the close; it is no larger than "
                 f"the session's swing ({rng['low']:,.2f}-{rng['high']:,.2f}, {swing:.1f}%), so it may run from a "
                 "price of the session", "a brief swing during the session")


# "the shares slid to about $20 a year ago, when a rival threatened a generic copy": a time long before the
# session, named after the figure ('from a year ago' and 'since' measure from it instead)
# nor a comparison with that time ('up 28 percent over a year ago', 'higher than it was a year ago', 'compared with a
# year ago', 'versus where it stood a year ago'): the span since
AGO_AFTER_RE = re.compile(r"(?<!from )(?<!since )(?<!than )(?<!over )(?<!was )(?<!were )(?<!stood )(?<!with )"
                          r"(?<!compared to )(?<!versus )(?<!against )"
                          r"\b(?:a|an|one|two|three|four|five|six|several|some|"
                          r"\d+)\s+(?:weeks?|months?|years?)\s+(?:ago|earlier|before)\b", re.I)
AGO_REACH = 90


def _a_move_of_some_time_ago(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                             siblings: Sequence[Sibling], market: MarketData,
                             article: Article | None) -> Verdict | None:
    """A day's move that the words of its own clause date weeks or years back ('fell to about $20 a year ago'): a
    move of that time, not of the session it was read on; unverifiable (the reading of a past moment is not made)."""
    if (claim.period or "day") not in ("day", "intraday") or claim.time_text:
        return None
    start = claim.span_start or 0
    clause = re.split(r"[,;]|\.(?!\d)", claim.sentence[start:start + AGO_REACH], maxsplit=1)[0]
    m = AGO_AFTER_RE.search(clause)
    if m is None:
        return None
    return _note(verdict, f"the words date the move to an earlier time ('{m.group(0).strip()}'), not the session "
                 "it was read on", "a move of an earlier time")


# "That marked a turnaround from the previous week, when the S&P booked its lowest close since 1997"
PREVIOUS_WEEK_RE = re.compile(r"\b(?:the previous week|last week|the week before|the prior week)\b", re.I)
DATED_CLOSE_RE = re.compile(r"\b(?:its|their|the)\s+(?P<date>(?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December)\s+\d{1,2})\s+close\b", re.I)


def _on_another_session(claim: Claim, verdict: Verdict, market: MarketData, article: Article | None) -> Verdict | None:
    """A record or a best/worst that the sentence places on another session: the previous week's, the session
    before ('had left the S&P 500 at an 11-year low'), a dated close ('its October 27 close, which was its lowest
    close since March 2003'), or, for a week's best on the first day of a new week, the week just ended."""
    if claim.session is None:
        return None
    session = date.fromisoformat(claim.session)
    candidates: list[tuple[str, date]] = []
    if PAST_PERFECT_RE.search(claim.sentence) or re.search(r"\bhad left\b", claim.sentence, re.I):
        candidates.append(("the session before", previous_session(session)))
    last_finished = _at_the_last_finished_session(claim, verdict, market, article, session)
    if last_finished is not None:
        return last_finished
    news_day = _session_of_a_news_day_word(claim, article)
    if news_day is not None and news_day != session:
        candidates.append(("the session of the article (the day word dates the news)", news_day))
    if PREVIOUS_WEEK_RE.search(claim.sentence):
        candidates += _sessions_of_last_week(session, article)
    if claim.kind == "comparison" and (claim.unit == "week" or claim.period == "week") and session.weekday() <= 1:
        candidates.append(("the week just ended", previous_session(session - timedelta(days=session.weekday()))))
    for m in DATED_CLOSE_RE.finditer(claim.sentence):
        from analyzer.extract.timeref import DATE_RE, resolve_date_mention

        inner = DATE_RE.search(m.group("date"))
        named = resolve_date_mention(inner, session) if inner else None
        if named is not None and named < session:
            candidates.append((f"the close the sentence names ({named.isoformat()})", named))
    for name, day in candidates:
        other = _checked_on(claim, market, day)
        if other is not None and other.verdict == "supported":
            return _note(verdict, f"on {name}, {day.isoformat()}, it holds: {other.explanation}",
                         f"{name} ({day.isoformat()})")
    return None


SESSION_MINUTES = 390  # 9:30 to 16:00


def _sessions_of_last_week(session: date, article: Article | None) -> list[tuple[str, date]]:
    """The sessions 'last week' names: the week before the session's; or, when the session already lies in a week
    before the piece's (a Monday piece about last week, read at last week's Friday: 'Last week, the Dow closed above
    12,500 for the first time' on Monday 2007-01-01), that week itself."""
    monday = session - timedelta(days=session.weekday())
    if article is not None and article.published is not None:
        day = local_published(article.published).date()
        # written on a weekend ('Last week, the Dow closed above 12,500' on Sunday), the week that just ended
        if day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())
        if day - timedelta(days=day.weekday()) > monday:
            week = [d for d in (previous_session(session, n) for n in range(1, 5)) if d >= monday]
            return [("a session of last week", d) for d in week]
    return [("a session of the previous week", previous_session(monday, n)) for n in range(1, 6)]


def _at_the_last_finished_session(claim: Claim, verdict: Verdict, market: MarketData, article: Article | None,
                                  session: date) -> Verdict | None:
    """`supported` at the last finished session when the piece was stamped before the claim's session could
    have given it (the only session it can mean: no reading competes), with the reading named."""
    if not _before_the_session_could_say_it(claim, article):
        return None
    before = previous_session(session)
    found = _checked_on(claim, market, before)
    if found is None or found.verdict != "supported":
        return None
    return Verdict("supported", f"read at the last session closed when the piece was written "
                   f"({before.isoformat()}; the piece is stamped before {session.isoformat()} "
                   f"{'opened' if _before_the_open(claim, article) else 'closed'}): {found.explanation}",
                   found.evidence, readings=[*verdict.readings, f"the last finished session ({before})"])


def _session_of_a_news_day_word(claim: Claim, article: Article | None) -> date | None:
    """'Shares of Altria, which on Friday completed its spin-off ..., notched their third straight day of gains' in
    a Wednesday wrap: the day word stands in a clause about the news; the article's session is the claim's."""
    if not claim.time_text or article is None or article.published is None:
        return None
    at = claim.sentence.find(claim.time_text)
    # the clause may be long ('despite the company posting a stronger-than-expected quarterly profit late on')
    if at < 0 or not NEWS_CLAUSE_RE.search(claim.sentence[max(0, at - 80):at]):
        return None
    return session_for(local_published(article.published)).session


def _said_of_the_session_in_progress(claim: Claim, verdict: Verdict, market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """A run or a best/worst told before the session's close, of the session then trading (or, before the open,
    about to): 'Tesla was set to log its sixth straight day of declines, down 1.1% in premarket trading' at 7:19
    a.m. (five down days to the last close, the sixth in progress); 'Zoetis fall 10.06% to $156.39; the biggest
    percentage drop in over two years' at 10:53 a.m. (the close, -5.15%, is not the move then in progress). The
    closes cannot show the state of a session in progress: `unverifiable` with the reason, when the run to the last
    close is one short of the stated count, or the stated figure lies inside the session's high-low range and, as
    the day's move, makes the best/worst since the named time true."""
    if article is None or article.published is None or claim.session is None or claim.instrument is None or \
            claim.instrument.symbol is None:
        return None
    local = local_published(article.published)
    day = local.date()
    if not is_session(day) or local >= closing_time(day):
        return None
    when = "before the open" if local < opening_time(day) else "during the session"
    if claim.kind == "streak":
        return _a_run_with_the_session_in_progress(claim, verdict, market, day, when)
    session = date.fromisoformat(claim.session)
    if claim.kind == "comparison" and session == day and when == "during the session" and \
            claim.change_pct is not None and (inside := _figure_inside_the_range(claim, market, day)) is not False \
            and _holds_for_the_stated_figure(claim, market, day):
        where = "inside the session's high-low range" if inside else "the data has no high-low range to bound it"
        return _note(verdict, f"the piece was written during the session of {day.isoformat()}, and the best or "
                     f"worst is said of the move then in progress (stated {claim.change_pct:g}%; {where}), which "
                     "the closes cannot show", "the move in progress")
    return None


def _a_best_or_worst_at_a_moment(claim: Claim, verdict: Verdict, market: MarketData) -> Verdict | None:
    """'The stock dropped to $41 at one point, a fall of 8 percent and its worst one-day fall since 2003': the
    best/worst is said of a moment of the session the words name, not of its close. `unverifiable` with the reason,
    when the stated figure lies inside the session's high-low range (or the data has none) and, as the day's move,
    makes the best/worst since the named time true; a figure or a time that does not fit stays accused."""
    from analyzer.check.extremes import says_close

    if claim.kind != "comparison" or claim.change_pct is None or claim.session is None or claim.instrument is None \
            or claim.instrument.symbol is None or says_close(claim.sentence):
        return None
    moment = INTRADAY_RE.search(claim.sentence)
    day = date.fromisoformat(claim.session)
    if moment is None or (inside := _figure_inside_the_range(claim, market, day)) is False or \
            not _holds_for_the_stated_figure(claim, market, day):
        return None
    where = "inside the session's high-low range" if inside else "the data has no high-low range to bound it"
    return _note(verdict, f"the best or worst is said of a moment of the session ('{moment.group(0).strip()}': "
                 f"stated {claim.change_pct:g}%; {where}), which the closes cannot show", "a move at a moment")


def _a_run_with_the_session_in_progress(claim: Claim, verdict: Verdict, market: MarketData, day: date,
                                        when: str) -> Verdict | None:
    """A daily run one longer than the run to the last close, told before ``day`` closed: that session counted."""
    assert claim.session is not None
    if date.fromisoformat(claim.session) not in (day, previous_session(day)) or (claim.unit or "day") != "day" \
            or claim.length is None or claim.length < 2 or claim.what == "ended_streak":
        return None
    found = _checked_on(replace(claim, length=claim.length - 1), market, previous_session(day))
    if found is None or found.verdict != "supported":
        return None
    return _note(verdict, f"the piece was written {when} of {day.isoformat()}, and the run it counts takes in that "
                 f"session, then in progress: {found.explanation.rstrip('.')}", "the run with the session in progress")


def _holds_for_the_stated_figure(claim: Claim, market: MarketData, day: date) -> bool:
    """Whether a day's best/worst since a time holds for the stated figure as the day's move: the last earlier day
    at least as good (bad) falls in the time the words name ('Apple fell 3.5%, its worst day since February 2007'
    after two falls of over 5% that January holds for no figure of the session)."""
    from analyzer.check.moves import since_window, target_for

    if claim.relation not in ("best_since", "worst_since") or claim.change_pct is None or \
            (claim.unit or "day") != "day" or (window := since_window(claim, day)) is None:
        return False
    assert claim.instrument is not None and claim.instrument.symbol is not None
    try:
        bars = market.bars(target_for(claim.instrument.symbol, market).data_symbol)
    except (MarketDataError, ValueError, KeyError):
        return False
    closes = bars["close"].fillna(bars["adj_close"]) if "adj_close" in bars else bars["close"]
    changes = (closes[closes.index < datetime.combine(day, time())].dropna().pct_change() * 100).dropna()
    worst = claim.relation == "worst_since"
    stated = -claim.change_pct if worst else claim.change_pct
    as_far = changes[changes <= stated] if worst else changes[changes >= stated]
    if as_far.empty:
        return True
    since = as_far.index[-1].date()
    return window[0] <= since <= window[1]


def _figure_inside_the_range(claim: Claim, market: MarketData, day: date) -> bool | None:
    """Whether the level the claim's percentage implies from the close before ``day`` lies inside its range (None
    when the data has closes but no range for the day)."""
    from analyzer.check.moves import target_for

    assert claim.instrument is not None and claim.instrument.symbol is not None and claim.change_pct is not None
    try:
        symbol = target_for(claim.instrument.symbol, market).data_symbol
        start = measures.session_change(market, symbol, day).start_value
    except (MarketDataError, ValueError, KeyError, IndexError):
        return False
    try:
        rng = measures.session_range(market, symbol, day)
    except (MarketDataError, ValueError, KeyError, IndexError):
        return None
    if "high" not in rng or "low" not in rng:
        return None
    implied = start * (1 + (-1 if claim.direction == "down" else 1) * claim.change_pct / 100)
    slack = max(CENT, SNAPSHOT_SLACK_SHARE * abs(implied))
    return rng["low"] - slack <= implied <= rng["high"] + slack


def _checked_on(claim: Claim, market: MarketData, day: date) -> Verdict | None:
    """A record, best/worst or run checked on another session; None where that session cannot be measured."""
    from analyzer.check.moves import check_comparison, check_record, check_streak

    check = {"record": check_record, "streak": check_streak}.get(claim.kind, check_comparison)
    try:
        return check(claim, market, day)
    except (MarketDataError, ValueError, KeyError, IndexError):
        return None


def _before_the_open(claim: Claim, article: Article | None) -> bool:
    minutes = _minutes_after_the_close(article, claim)
    return minutes is not None and minutes < -SESSION_MINUTES


def _before_the_session_could_say_it(claim: Claim, article: Article | None) -> bool:
    """'Wall Street was poised for a flat start on Monday after the Dow reached its third straight record close':
    stamped before the open, nothing of the day's session had traded, and before the close no close of that
    session was known; the record or best/worst is the last finished session's."""
    minutes = _minutes_after_the_close(article, claim)
    if minutes is None or minutes >= 0:
        return False
    return minutes < -SESSION_MINUTES or bool(CLOSE_WORD_RE.search(claim.sentence))


def _moment_over_a_period(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                          siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'pushing the Dow down 0.6 percent in afternoon trading' read as a month's move: a moment of the session."""
    if (claim.period or "day") in ("day", "intraday"):
        return None
    moment = MOMENT_RE.search(own) or INTRADAY_RE.search(own)
    if moment is None or not moment.group(0).strip():
        return None
    return _note(verdict, f"the claim's own words place it at a moment of the session ('{moment.group(0)}'), "
                 "not over a period", "a figure from during the session")


def _carried_subject(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                     siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'Its shares sank 27.6 percent to $6.03.' after a sentence about another company: the subject refers back
    to that one."""
    if claim.kind != "stock_move" or not context or \
            not (CARRIED_SUBJECT_RE.match(claim.sentence) or INTRODUCED_SUBJECT_RE.match(claim.sentence)):
        return None
    if _names_company(context, claim):
        return _shares_of_another_named_last(claim, verdict, context)
    other = RIC_RE.search(context) or SHARES_OF_RE.search(context) or COMPANY_NAME_RE.search(context) or \
        SHARES_IN_RE.search(context)
    if other is None:
        return None
    return _note(verdict, f"the sentence's subject refers back to the sentence before, which speaks of "
                 f"'{other.group(0).strip()}', not of {claim.instrument.name if claim.instrument else 'it'}",
                 "the company of the sentence before")


SHARES_OF_HEAD_RE = re.compile(r"\b(?:[Ss]hares|[Ss]tock) of\s+(?:the\s+)?([A-Z][\w&.'-]+(?:\s+[A-Z][\w&.'-]+){0,3})")


def _shares_of_another_named_last(claim: Claim, verdict: Verdict, context: str) -> Verdict | None:
    """'... and Ford Motor Co ( F.N ). Shares of DaimlerChrysler closed down 65 cents.' then 'The stock remains up
    27 percent': the shares the sentence before speaks of last, after its last word of the claim's company, are
    another company's; 'the stock' refers back to those."""
    last = next(reversed(list(SHARES_OF_HEAD_RE.finditer(context))), None)
    if last is None or _names_company(last.group(1), claim) or _names_company(context[last.start():], claim):
        return None
    return _note(verdict, f"the sentence's subject refers back to the shares the sentence before speaks of last "
                 f"('{last.group(0).strip()}'), not to {claim.instrument.name if claim.instrument else 'it'}",
                 "the company of the sentence before")


# "as shares in KT&G hit a record high": another company's shares (not 'shares in New York', a market)
SHARES_IN_RE = re.compile(r"\b[Ss]hares in\s+(?!(?:" + lexicon.alternation(
    lexicon.words("instruments", "listing_abroad_places") | {"New York", "Europe", "Asia", "Wall Street", "U.S"})
    + r")\b)[A-Z][\w&.'-]+(?:\s+[A-Z][\w&.'-]+){0,3}")
COMPANY_NAME_RE = re.compile(r"\b[A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,3}\s+(?:Inc|Corp|Co|Ltd|Group|Cos|Plc)\b")


def _last_week_just_ended(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                          siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'The S&P 500 rose 4.2 percent last week' on a Monday morning, 'Last week, Citigroup's stock tumbled' on a
    Monday evening: the week that ended on Friday."""
    from analyzer.check.moves import mismatches

    if (claim.period or "day") != "week" or not re.search(r"\blast week\b", claim.sentence, re.I) or \
            article is None or article.published is None or not verdict.evidence or claim.session is None:
        return None
    local = local_published(article.published)
    # on a weekday 'last week' is the calendar week before this one; on a weekend, the week that just ended
    monday = local.date() - timedelta(days=local.weekday())
    last = previous_session(local.date() + timedelta(days=1) if local.weekday() >= 5 else monday)
    session = date.fromisoformat(claim.session)
    if last - timedelta(days=last.weekday()) == session - timedelta(days=session.weekday()):
        return None  # the claim already reads that week
    symbol = verdict.evidence[0].symbol
    try:
        change = measures.week_change(market, symbol, last) if symbol else None
    except (MarketDataError, ValueError):
        return None
    if change is None or mismatches(claim, change, change.series)[0]:
        return None
    return _note(verdict, f"written on {WEEKDAYS[local.weekday()].title()}, 'last week' is the week that ended "
                 f"{last.isoformat()}, "
                 f"and over it ({change.change_pct:+.2f}%) the figures hold", "the week just ended")


def _time_words_outside(claim: Claim) -> bool:
    """Whether the words that set the claim's day or period stand outside its own clause ("which began trading
    as a Dow component on Tuesday", "crude for August delivery"): then the day or period was inferred."""
    if not claim.time_text:
        return False
    at = claim.sentence.find(claim.time_text)
    if at < 0 or not _figure_found(claim):
        return False
    start, end = own_words(claim)
    return not start <= at < end and not _trails_the_span(claim, at) and not _heads_the_sentence(claim, at) and \
        not _a_days_close_heads_the_sentence(claim, at)


WEEKDAY_HEAD_RE = re.compile(rf"\W*on\s+(?:{WEEKDAY_RE.pattern}),$", re.I)
# 'At Tuesday's close the Dow stood 0.4 percent higher', 'In Friday's session, ...': a weekday's close or session named
# at the head of the sentence, set off by its comma, dates the main clause as 'On Thursday,' does
DAYS_CLOSE_HEAD_RE = re.compile(rf"\W*(?:at|in|by)\s+(?P<day>{WEEKDAY_RE.pattern})\s+(?:close|session|trade|trading),",
                                re.I)


def _a_days_close_heads_the_sentence(claim: Claim, at: int) -> bool:
    """'At Tuesday's close the Dow stood 48 points, or 0.4 percent, higher': the claim's day word stands in a
    phrase heading the sentence (``DAYS_CLOSE_HEAD_RE``) before the claim's subject, with no clause break between
    them: the day of the main clause, the claim's own."""
    from analyzer.check.readings import CLAUSE_BREAK_RE

    head = DAYS_CLOSE_HEAD_RE.match(claim.sentence)
    start = claim.span_start
    if head is None or start is None or head.start("day") != at or head.end() > start:
        return False
    return not re.search(r"[:;()\"]", claim.sentence[head.end():start]) and \
        not CLAUSE_BREAK_RE.search(claim.sentence[head.end():start])


def _heads_the_sentence(claim: Claim, at: int) -> bool:
    """'On Thursday, the Dow fell 1.6 percent': a day word heading the sentence, before the claim's subject with no
    clause break but its comma, sets the day of the main clause, the claim's own."""
    from analyzer.check.readings import CLAUSE_BREAK_RE

    sentence, start = claim.sentence, claim.span_start
    after = at + len(claim.time_text or "")
    if start is None or after > start or not re.fullmatch(r"\W*(?:on\s+)?", sentence[:at], re.I):
        return False
    between = re.sub(r"^\s*,", "", sentence[after:start])
    if re.search(r"[:;()\"]", between):
        return False
    # 'On Thursday, the Dow rose 0.4 percent, S&P was flat and the Nasdaq lost 1.3 percent': a weekday set off by
    # its comma at the head of the sentence dates each of its clauses
    return not CLAUSE_BREAK_RE.search(between) or (WEEKDAY_HEAD_RE.match(sentence[:after + 1]) is not None)


def _trails_the_span(claim: Claim, at: int) -> bool:
    """'The Dow fell 42.62 points, or 0.34 percent, to 12,421.25 on Thursday', 'Bank of America shares closed on
    Tuesday down $1.48, or 6.29 percent': a day word in the claim's span with no clause break between its subject
    and the word, or right after its span with none between (the commas of its figures are none), is in the claim's
    own clause."""
    from analyzer.check.readings import CLAUSE_BREAK_RE

    start, end, sentence = claim.span_start, claim.span_end, claim.sentence
    if start is None or end is None or at < start:
        return False
    since = start if at < end else end
    # inside the span the commas after its first figure are its figures' ('fell 194.65 points, or 1.60 percent, to
    # end on Thursday at'); an apposition's before it are breaks ('The VIX, Wall Street's fear gauge, jumped')
    first = min((p for p in (figure_start(sentence, claim.stated[k], start) for k in
                             ("change_pct", "change_points", "level") if claim.stated.get(k)) if p >= 0), default=end)
    breaks = [m for m in CLAUSE_BREAK_RE.finditer(sentence, since, at)
              if m.group(0) != "," or not first < m.start() < end]
    return not breaks and not re.search(r"[:;()\"]", sentence[since:at])


def _recheck_at(claim: Claim, market: MarketData, session: date, period: str) -> Verdict | None:
    """The claim checked again as a move of ``period`` ending on ``session``, with every reading it takes."""
    from analyzer.check.moves import check_move

    moved = replace(claim, session=session.isoformat(), period=period, time_text=None,
                    period_start=claim.period_start if period == "other" else None)
    try:
        return check_move(moved, market, session)
    except (MarketDataError, ValueError, KeyError, IndexError, AssertionError):
        return None


def _reading_inferred(claim: Claim) -> bool:
    """The claim's day or period was not fixed by its own words: a day word outside its clause, or a period taken
    from elsewhere in the sentence ("34.7 percent year-to-date" giving "5.3 percent in November" a year)."""
    from analyzer.check.readings import words_fix_reading

    period = claim.period or "day"
    return _time_words_outside(claim) or (period not in ("day", "intraday", "other")
                                          and words_fix_reading(claim) is None)


def _articles_sessions(claim: Claim, article: Article | None) -> list[tuple[str, date]]:
    """The sessions the article itself points to, when the claim's own words do not fix its day or period:
    the session of publication (and, for a piece written during it, the last close before) when the day or
    period was inferred, and the last close before the piece when it was written during the claim's session
    about a state or a period."""
    if article is None or article.published is None or claim.session is None:
        return []
    ref = session_for(local_published(article.published))
    session = date.fromisoformat(claim.session)
    found: list[tuple[str, date]] = []
    if _reading_inferred(claim):
        found.append(("the session of publication", ref.session))
        if ref.intraday:
            found.append(("the last close before publication", previous_session(ref.session)))
    if ref.intraday and ref.session == session and ((claim.period or "day") != "day" or
                                                    state_words(claim.sentence)):
        found.append(("the last close before publication", previous_session(session)))
    return list(dict.fromkeys(found))


def _a_close_told_during_the_next_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                          siblings: Sequence[Sibling], market: MarketData,
                                          article: Article | None) -> Verdict | None:
    """'the blue-chip average finished 3 percent lower' stamped at 11 a.m.: the extraction took the session then
    trading from the publication time, but a close told while a session trades is the last close before the piece.
    That session's move, where it holds, makes the claim supported, with the reading named."""
    from analyzer.check.readings import SESSION_CLOSE_RE

    if claim.period != "intraday" or claim.time_text or claim.session is None or article is None or \
            article.published is None or INTRADAY_RE.search(claim.sentence) or not SESSION_CLOSE_RE.search(own):
        return None
    ref = session_for(local_published(article.published))
    session = date.fromisoformat(claim.session)
    if not ref.intraday or ref.session != session:
        return None
    before = previous_session(session)
    return _supported_at(claim, verdict, market, before, "day",
                         f"the last close before the piece ({before.isoformat()})",
                         "the words tell a close, and the piece was written during the next session; read at")


def _read_at_the_articles_sessions(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                   siblings: Sequence[Sibling], market: MarketData,
                                   article: Article | None) -> Verdict | None:
    """'Shares of Chevron, which began trading as a Dow component on Tuesday, rose 1.8 percent' in a Wednesday
    wrap; 'Chevron, down 3.4 percent' after 'crude for August delivery'; 'It is down 21.3 percent from its
    record close' at 10:48 a.m.: the claim's day or period was inferred from words that are not its own, so
    the readings at the sessions the article itself points to are as good as the inferred one. One that holds
    makes the claim supported, with the reading named."""
    period = claim.period or "day"
    if period == "intraday" and not _time_words_outside(claim):
        return None
    for name, day in _articles_sessions(claim, article):
        for other_period in dict.fromkeys(p for p in (period, "day") if p != "intraday"):
            if day.isoformat() == claim.session and other_period == period:
                continue  # the reading already made
            other = _recheck_at(claim, market, day, other_period)
            if other is None or other.verdict not in ("supported", "unverifiable") or not other.evidence:
                continue
            why = ("its day or period was inferred from words outside its own clause" if _reading_inferred(claim)
                   else "the piece was written during the session")
            if other.verdict == "unverifiable" and "hold in other readings" not in other.explanation:
                continue  # unverifiable for want of data is no reading that holds
            label = "supported" if other.verdict == "supported" else "unverifiable"
            return Verdict(label, f"{verdict.explanation} Not called an error: {why}; read at {name} "
                           f"({day.isoformat()}, as a {other_period} move): {other.explanation}",
                           other.evidence, readings=[*verdict.readings, f"{name} ({day.isoformat()})"])
    return None


# a sentence that recaps the close of the last session
RECAP_RE = re.compile(rf"{CLOSE_WORD_RE.pattern}|\b(?:last|previous|prior) session\b", re.I)
# "to $22.79 on the New York Stock Exchange": the exchange's own (regular) session, as the wires write a close
EXCHANGE_SESSION_RE = re.compile(r"\bon (?:the )?(?:New York Stock Exchange|NYSE|Nasdaq|American Stock Exchange)\b"
                                 r"(?! (?:Composite|100|index))", re.I)
# an extended-hours quote leads into the next regular session's trading: an implied price this far outside what
# that session traded (share of the price) is no quote the session came near
EXTENDED_SLACK_SHARE = 0.02
# a piece stamped this soon after the bell may still quote the last minutes of trading
AFTER_THE_BELL_MINUTES = 20


@dataclass(frozen=True)
class Stamp:
    """Where a piece's time stamp falls against the regular sessions (``stamp_of``)."""

    where: str  # "before the open", "during the session" or "after the close"
    day: date  # the session day the piece was stamped on
    last_close: date  # the last session closed before the stamp (``day`` itself after the close)
    leads_into: date  # the regular session a quote of that moment moves towards


def stamp_of(article: Article | None) -> Stamp | None:
    """The piece's stamp against the NYSE sessions, US Eastern; None without a time or on a day without a session
    (no extended trading on weekends and holidays, so a weekend piece reads closes)."""
    if article is None or article.published is None:
        return None
    local = local_published(article.published)
    day = local.date()
    if not is_session(day):
        return None
    if local < opening_time(day):
        return Stamp("before the open", day, previous_session(day), day)
    if local <= closing_time(day) + timedelta(minutes=AFTER_THE_BELL_MINUTES):
        return Stamp("during the session", day, previous_session(day), day)
    return Stamp("after the close", day, day, next_session(day))


def _article_reads_closes(claim: Claim, session: str | None, siblings: Sequence[Sibling],
                          recaps_count: bool = True) -> bool:
    """The article's other day figures of ``session`` show it reads closes: one of its index figures holds close
    to close, or at least two of its other figures do and they outnumber those that fail (a single match can be
    chance). Without ``recaps_count`` (a piece written before the open) figures whose sentence says they are the
    last session's close ('the indexes ended higher on Tuesday') are a recap and fix nothing for the others."""
    others = [s for s in siblings if s.claim is not claim and s.verdict is not None and _day_figure(s.claim)
              and s.claim.session == session and (recaps_count or not RECAP_RE.search(s.claim.sentence))]
    if any(s.claim.kind == "index_move" and s.verdict.verdict == "supported" for s in others):  # type: ignore[union-attr]
        return True
    held = sum(1 for s in others if s.verdict.verdict == "supported")  # type: ignore[union-attr]
    failed = sum(1 for s in others if s.verdict.verdict == "contradicted")  # type: ignore[union-attr]
    return held >= 2 and held > failed


def _the_bases_level(claim: Claim) -> bool:
    """The claim's level is the price its span started from ('..., when it closed at $546.86'), not its end."""
    base = BASE_WHEN_CLOSED_RE.search(claim.sentence)
    return base is not None and claim.level is not None and \
        abs(parse_number(base.group("base_level").lstrip("$")) - claim.level) < CENT


def _implied_level(claim: Claim, start: float) -> float | None:
    """The price the claim's figures imply from ``start`` (its own level for a stated level)."""
    sign = -1 if claim.direction == "down" else 1
    if claim.level is not None and not _the_bases_level(claim):
        return claim.level
    if claim.change_pct is not None:
        return start * (1 + sign * claim.change_pct / 100)
    if claim.change_points is not None:
        return start + sign * claim.change_points
    return None


# without a high-low range in the data, a price of the session is placed in a band around its closes: between the
# previous close and the close, widened by the session's own move or this share of the price, whichever is larger;
# (prices a wire quotes during the session or in extended-hours trading, on news, stray that far from both closes)
CLOSES_BAND_SHARE = 0.05


@dataclass(frozen=True)
class Band:
    """Where a session's prices lay: ``low``-``high``, measured in the series of ``base`` (the previous close)."""

    low: float
    high: float
    base: float
    words: str  # what the band is, for the explanation


def session_band(market: MarketData, symbol: str, session: date, slack_share: float) -> Band | None:
    """The session's traded range (its open counted; as-traded prices, widened by ``slack_share``) from its
    previous close; without a range, the band its closes allow (``CLOSES_BAND_SHARE``). None without data."""
    try:
        change = measures.session_change(market, symbol, session)
    except (MarketDataError, ValueError, KeyError):
        return None
    try:
        bar = measures.session_range(market, symbol, session)
        previous = measures.session_range(market, symbol, change.start_session).get("close", change.start_value)
    except (MarketDataError, ValueError, KeyError):
        bar, previous = {}, change.start_value
    if "high" in bar and "low" in bar:
        low, high = min(bar["low"], bar.get("open", bar["low"])), max(bar["high"], bar.get("open", bar["high"]))
        slack = max(CENT, slack_share * high)
        return Band(low - slack, high + slack, previous, f"what the session traded, {low:,.2f}-{high:,.2f}")
    start, end = change.start_value, change.end_value
    width = max(abs(end - start), CLOSES_BAND_SHARE * end)
    # a price is never below a cent however far the session fell ('tumbled 118 percent' is no price at all)
    return Band(max(min(start, end) - width, CENT), max(start, end) + width, start,
                f"the band its closes allow ({start:,.2f} to {end:,.2f}, widened by {width:,.2f}; the data has no "
                "intraday range)")


def _data_symbol(claim: Claim, verdict: Verdict, market: MarketData) -> str | None:
    if verdict.evidence and verdict.evidence[0].symbol:
        return verdict.evidence[0].symbol
    from analyzer.check.moves import target_for

    try:
        return target_for(claim.instrument.symbol, market).data_symbol if claim.instrument and \
            claim.instrument.symbol else None
    except (MarketDataError, KeyError, ValueError):
        return None


def _names_another_day(claim: Claim, stamp: Stamp) -> bool:
    """The claim's own words name a session other than the one the quote leads into ('rose 2% on Wednesday' in a
    Thursday morning piece): a session that is over, read at its close. A day word of the news ('after it reported
    late Wednesday') dates the news, not the quote."""
    if not claim.time_text or claim.session == stamp.leads_into.isoformat() or _time_words_outside(claim):
        return False
    at = claim.sentence.find(claim.time_text)
    return at < 0 or not NEWS_CLAUSE_RE.search(claim.sentence[max(0, at - 60):at])


# "S&P 500 futures were up 0.4%", "Nasdaq E-minis rose 50 points": a quote of the index's futures
FUTURES_RE = re.compile(r"\bfutures?\b|\bE-?minis?\b", re.I)


def _futures_quote(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                   siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """An index figure the sentence gives as a futures quote (the word in the claim's own words, or before its
    figure with no word of the close between): futures trade around the clock at their own prices, which the
    index's closes do not settle."""
    if claim.kind != "index_move" or says_close or (claim.period or "day") != "day":
        return None
    at = figure_position(claim)
    cue = FUTURES_RE.search(own) or next((m for m in FUTURES_RE.finditer(claim.sentence, 0, at)
                                          if not CLOSE_WORD_RE.search(claim.sentence[m.end():at])), None)
    if cue is None:
        return None
    return _note(verdict, f"the sentence gives the figure as a futures quote ('{cue.group(0)}'), and futures trade at "
                 "their own prices and hours, which the index's closes do not settle", "a futures quote")


def _overnight_yield_quote(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                           siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'U.S. 10-Year Treasury yield falls to ~4.57%' in a piece stamped at 1 a.m. New York time: Treasuries trade
    around the clock, so a yield told before the open, in words that neither say it closed nor name a day, is a
    quote of overnight trading, which the daily closes do not settle."""
    symbol = claim.instrument.symbol if claim.kind == "index_move" and claim.instrument else None
    if symbol is None or symbol not in market.registry or says_close or (claim.period or "day") != "day" or \
            claim.time_text:
        return None
    stamp = stamp_of(article)
    if market.registry.get(symbol).kind != "yield" or stamp is None or stamp.where != "before the open":
        return None
    return _note(verdict, "the piece was stamped before the New York open, and Treasury yields trade around the "
                 "clock: a yield it gives without a day or a close is an overnight quote, which daily closes do not "
                 "settle", "an overnight quote")


def _extended_hours_quote(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                          siblings: Sequence[Sibling], market: MarketData, article: Article | None) -> Verdict | None:
    """'The insurer's shares were 3% higher' stamped 8:15 a.m., 'its shares fell 6 percent' at 8:58 p.m.: a stock's
    (or fund's) move in a piece stamped before the open or after the close, in words that do not say it closed, may
    be a quote from extended-hours trading measured from the last close, which daily closes cannot settle. The
    move to the close of the session the quote leads into supports it when it agrees; an implied price far
    outside anything that session traded fails it; so does an article whose other figures are that day's closes."""
    stamp = stamp_of(article)
    if stamp is None or not _may_be_an_extended_hours_quote(claim, own, says_close, siblings, stamp) or \
            (stamp.where == "after the close" and not tells_of_the_evening(article)):
        return None
    carried = _recheck_at(claim, market, stamp.leads_into, "day")
    # the session's own move must carry it: a quote is not read once more as a month's or a year's move
    if carried is not None and carried.verdict == "supported" and stamp.leads_into.isoformat() != claim.session \
            and not any(e.figures.get("role") == "reading" for e in carried.evidence):
        return Verdict("supported", f"{verdict.explanation} Not called an error: the piece was stamped "
                       f"{stamp.where} and its words do not say the stock closed there, so the figure is a quote "
                       f"from extended-hours trading, measured from the last close ({stamp.last_close.isoformat()}); "
                       f"to the close of the session it led into ({stamp.leads_into.isoformat()}) it holds: "
                       f"{carried.explanation}", carried.evidence,
                       readings=[*verdict.readings, f"an extended-hours quote carried to the close of "
                                 f"{stamp.leads_into.isoformat()}"])
    symbol = _data_symbol(claim, verdict, market)
    band = session_band(market, symbol, stamp.leads_into, EXTENDED_SLACK_SHARE) if symbol else None
    implied = _implied_level(claim, band.base) if band is not None else None
    if band is not None and implied is not None and not band.low <= implied <= band.high:
        return None  # the session the quote led into never came near it: no extended-hours reading holds
    where = "" if band is None or implied is None else \
        f"; the implied {implied:,.2f} lies within {band.words} on {stamp.leads_into.isoformat()}"
    return _note(verdict, f"the piece was stamped {stamp.where} and its words do not say the stock closed, so the "
                 f"figure may be a quote from extended-hours trading, measured from the last close "
                 f"({stamp.last_close.isoformat()}), which daily closes cannot settle{where}",
                 "a quote from extended-hours trading")


def _may_be_an_extended_hours_quote(claim: Claim, own: str, says_close: bool, siblings: Sequence[Sibling],
                                   stamp: Stamp) -> bool:
    """A day's stock move stamped outside the session, of the session before or after the stamp, that neither its
    words (a close, an exchange's session, another day) nor the article's closes fix as a close."""
    if claim.kind != "stock_move" or says_close or (claim.period or "day") != "day" or claim.session is None:
        return False
    if EXCHANGE_SESSION_RE.search(own) or stamp.where == "during the session" or _names_another_day(claim, stamp):
        return False
    if claim.session not in (stamp.last_close.isoformat(), stamp.leads_into.isoformat()):
        return False
    return not _article_reads_closes(claim, claim.session, siblings, recaps_count=stamp.where == "after the close")


def _during_the_session_by_the_clock(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """'The chipmaker lost 2%' or 'the index is up 4% this year' in a piece stamped at 2:48 p.m., not said to
    be a close: a figure from during the session, judged against the session's high-low range from the previous
    close (or from the period's start). Inside the range it cannot be called wrong; outside it stays an error. A
    day or period inferred from words outside the claim's own clause is read as the session's move too."""
    stamp = stamp_of(article)
    if claim.kind not in ("index_move", "stock_move") or says_close or stamp is None or \
            stamp.where != "during the session" or claim.session != stamp.day.isoformat() or \
            _article_reads_closes(claim, claim.session, siblings):
        return None
    symbol = _data_symbol(claim, verdict, market)
    periods = _clock_readings(claim)
    if symbol is None or not periods:
        return None
    band = session_band(market, symbol, stamp.day, 0.0)
    if band is None:
        return None
    for period in periods:
        start = band.base if period == "day" else _period_start(claim, market, stamp, period)
        implied = _implied_level(claim, start) if start else None
        slack = max(CENT, SNAPSHOT_SLACK_SHARE * abs(implied)) if implied is not None else 0.0
        if implied is not None and band.low - slack <= implied <= band.high + slack:
            what = "the session's move" if period == "day" else \
                f"the move over {PERIOD_WORDS.get(period, 'its span')} to a moment of the session"
            return _note(verdict, f"the piece was stamped during the session ({stamp.day.isoformat()}) and its words "
                         f"do not say the figure is a close; read as {what}, it implies {implied:,.2f}, within "
                         f"{band.words}", "a figure from during the session (the time stamp)")
    return None


# "were up 2 percent at $116", "was trading 3 percent lower", "were off 1.5 percent": a price as it stood at some
# moment, not an event of the day (rose, fell) nor its close
IN_SESSION_STATE_RE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:still|now|also|last|recently|sharply|slightly|"
                                 r"modestly|marginally)\s+)?(?:up|down|off|higher|lower|trading|changing hands)\b"
                                 r"|\b(?:last|recently)\s+(?:up|down|off|trading|traded)\b", re.I)
# "were at $13.93, down 6.7 percent": the price where the stock stood, then its change (the claim's own words are
# the change; the state's words end just before them)
PRICE_STOOD_RE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:still|now|last|recently)\s+)?at\s+\$\d[\d.,]*\s*,\s*$",
                            re.I)


def _state_words(claim: Claim, own: str) -> str | None:
    """The words that tell the claim's figure as a state: in its own words, or a price it stood at just before."""
    if (m := IN_SESSION_STATE_RE.search(own)) is not None:
        return m.group(0)
    if not own:
        return None
    start = own_words(claim)[0]
    stood = PRICE_STOOD_RE.search(claim.sentence[max(0, start - 40):start])
    return stood.group(0).rstrip(" ,") if stood else None


def _a_state_during_the_session(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                siblings: Sequence[Sibling], market: MarketData,
                                article: Article | None) -> Verdict | None:
    """'Shares of IBM were up 2 percent at $116 on the New York Stock Exchange' in a piece stamped that evening:
    words of a state, not of the close, and no day named, for a piece (like many wire stories) first written
    while the market was open and updated later. Read as a price of the session from the previous close (or from
    the recent close the words name, 'down 0.9 percent from Monday's close', where the data has the session's
    range): inside what the session traded (or, without a high-low range, the band its closes allow) it cannot be
    called wrong; outside it, or in an article whose other figures are that day's closes, it stays an error."""
    stamp = stamp_of(article)
    recent_base = _from_a_recent_close(claim)
    if stamp is None or not _a_state_after_the_close(claim, own, says_close, stamp, recent_base) or \
            _article_reads_closes(claim, claim.session, siblings):
        return None
    symbol = _data_symbol(claim, verdict, market)
    band = session_band(market, symbol, stamp.day, 0.0) if symbol else None
    if band is None or (recent_base and "no intraday range" in band.words):
        return None
    start = _period_start(claim, market, stamp, "other") if recent_base else band.base
    # a percentage or points figure is read from its base; a quoted price may be on another basis
    implied = _implied_level(replace(claim, level=None) if claim.change_pct is not None or
                             claim.change_points is not None else claim, start) if start else None
    if implied is None:
        return None
    slack = max(CENT, SNAPSHOT_SLACK_SHARE * abs(implied))
    if not band.low - slack <= implied <= band.high + slack:
        return None
    base = "the close the words name" if recent_base else "the previous close"
    return _note(verdict, f"its words tell a state ('{_state_words(claim, own)}'), not a close, so "
                 f"the figure may be a price from during the session, kept in a version stamped after the close; "
                 f"read from {base} it implies {implied:,.2f}, within {band.words}",
                 "a price from during the session (words of a state)")


def _a_state_after_the_close(claim: Claim, own: str, says_close: bool, stamp: Stamp, recent_base: bool) -> bool:
    """A move of the stamp's session (or from a recent close), told as a state with no close word and no day
    named, in a piece stamped after that session's close."""
    if claim.kind not in ("index_move", "stock_move") or says_close or claim.time_text:
        return False
    if (claim.period or "day") != "day" and not recent_base:
        return False
    return stamp.where == "after the close" and claim.session == stamp.day.isoformat() and \
        _state_words(claim, own) is not None


PERIOD_WORDS = {"week": "the week", "month": "the month", "quarter": "the quarter", "ytd": "the year to date",
                "year": "the past year"}


# words in a claim's own clause that name a span of time: its period is its own, not inferred
SPAN_WORDS_RE = re.compile(r"\b(?:this|the|last|that|a|past|previous|prior|first|second|third|fourth) (?:quarter|"
                           r"year|month|week|period|half)\b|\bsince\b|\b(?:19|20)\d\d\b|\bYTD\b", re.I)


def _clock_readings(claim: Claim) -> list[str]:
    """The readings a figure from during the session takes: its period as read (not a span the words date), and
    the session's move when that is its period or its period was not fixed by its own words (a span read from
    elsewhere in the sentence, 'after its fourth-quarter results' making 'the stock fell 9%' a move since December)."""
    period = claim.period or "day"
    own = _own(claim)
    if not _figure_found(claim):
        # a copy whose figure is not in its sentence keeps to its span: read on to the end of the clause
        end = claim.span_end if claim.span_end is not None else len(claim.sentence)
        own += claim.sentence[end:end + re.search(r"[,;]|\.(?!\d)|$", claim.sentence[end:]).start()]  # type: ignore[union-attr]
    inferred = _reading_inferred(claim) or (
        period == "other" and not claim.time_text and not SPAN_WORDS_RE.search(own)
        and not any(pattern.search(own) for _, pattern in PERIOD_PATTERNS))
    # a span from a dated close ('has declined 3.5 percent since May 8') runs to the moment as well as to a close
    readings = [period] if period not in ("day", "intraday", "other") or _from_a_recent_close(claim) or \
        (period == "other" and bool(claim.period_start)) else []
    return readings + (["day"] if period == "day" or inferred else [])


RECENT_BASE_DAYS = 7


def _from_a_recent_close(claim: Claim) -> bool:
    """'down 0.9 percent from Monday's close' in Wednesday's piece: a span from a close of the past week, which a
    price of the session may be measured from as well as a close."""
    if (claim.period or "day") != "other" or not claim.period_start or claim.session is None:
        return False
    start = date.fromisoformat(str(claim.period_start)[:10])
    return 0 < (date.fromisoformat(claim.session) - start).days <= RECENT_BASE_DAYS


def _period_start(claim: Claim, market: MarketData, stamp: Stamp, period: str) -> float | None:
    """The close a move of ``period`` to a moment of the stamp's session runs from."""
    from analyzer.check.moves import change_for, target_for

    try:
        assert claim.instrument is not None and claim.instrument.symbol is not None
        start = date.fromisoformat(str(claim.period_start)[:10]) if period == "other" and claim.period_start else None
        return change_for(market, target_for(claim.instrument.symbol, market), stamp.day, period, start).start_value
    except (MarketDataError, ValueError, KeyError, AssertionError):
        return None


_MONTH_NAMES_RE = r"January|February|March|April|May|June|July|August|September|October|November|December"
# "For the week, all three indexes rose, with the Dow up 1.34 percent," then "the S&P 500 up 1.13 percent" on a
# line of its own; "For the month of April, the Dow rose 7.4 percent." then "The gains for the broad S&P were the
# largest since March 2000": a heading of the sentence before gives its period to a sentence without time words
HEADING_PERIOD_RE = re.compile(
    r"^\W*(?:(?:for|in|over|on|during) the (?P<unit>week|month|quarter)(?: of (?P<month>" + _MONTH_NAMES_RE + r"))?"
    r"|(?:for|in|during) (?P<named>" + _MONTH_NAMES_RE + r")(?! \d)"
    r"|(?P<ytd>so far this year|year[- ]to[- ]date|for the year(?: so far)?|since the (?:start|beginning) of the year"
    r"|this year))\s*,", re.I)
# a sentence with time words of its own keeps them ("On Friday, ...", "in the session", "this month")
OWN_TIME_WORDS_RE = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
                               r"session|day|week|month|quarter|year|since|ago)\b", re.I)


def _sentence_before(article: Article | None, claim: Claim) -> str:
    """The sentence before the claim's whole sentence (``previous_sentence`` reads back from the claim's span)."""
    if article is None:
        return ""
    start = claim.char_start - (claim.span_start or 0)
    if start < 0 or article.text[start:start + 20] != claim.sentence[:20]:
        return previous_sentence(article, claim)
    return previous_sentence(article, replace(claim, char_start=start))


SUBHEAD_RE = re.compile(r"^\W*(?:[A-Z][A-Z0-9'&.-]*\s+)+(?=[A-Z][a-z])")


def heading_period(context: str, session: date) -> tuple[str, str] | None:
    """The period ('week', 'month' or 'ytd') and its words that a heading of ``context`` ("For the week,", "For
    the month of April,", "Year to date,") sets, where it can end on ``session``; None otherwise."""
    # a wire's all-capital subhead run into the paragraph ("FINANCIALS RANK AS TOP SECTOR IN APRIL For the month")
    m = HEADING_PERIOD_RE.match(SUBHEAD_RE.sub("", context, count=1))
    if m is None:
        return None
    month = m.group("month") or m.group("named")
    if month and month.lower() != session.strftime("%B").lower():
        return None  # "For March," in an April piece: a month that is over, not the month to date
    period = "ytd" if m.group("ytd") else (m.group("unit") or "month").lower()
    return period, m.group(0).strip(" ,")


def _period_of_the_heading_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                  siblings: Sequence[Sibling], market: MarketData,
                                  article: Article | None) -> Verdict | None:
    """A day move read from the publication time in a sentence without time words of its own, after a sentence
    headed by a period ("For the week, ..."): the heading's period is as good a reading as the day. One that holds
    makes the claim supported, with the reading named."""
    from analyzer.check.readings import words_fix_reading

    if (claim.period or "day") != "day" or claim.time_text or says_close or claim.session is None or \
            words_fix_reading(claim) is not None or OWN_TIME_WORDS_RE.search(claim.sentence):
        return None
    session = date.fromisoformat(claim.session)
    heading = heading_period(_sentence_before(article, claim), session)
    if heading is None:
        return None
    period, words = heading
    if period == "quarter":  # "For the quarter, the Dow fell 0.9 percent.": from the close before the quarter
        claim, period = replace(claim, period_start=quarter_start(session).isoformat()), "other"
    other = _recheck_at(claim, market, session, period)
    return _heading_verdict(verdict, other, words, "quarter" if period == "other" else period, session)


# "Stocks had a bleak month in November." then "The S&P 500 lost 7.5 percent, while the Dow fell 5.3 percent.":
# a month the sentence before names and that is over when the piece appears gives its period to a sentence
# without time words of its own
MONTH_BEFORE_REACH_DAYS = 62  # the month just over, or the one before it


def _month_named_in_the_sentence_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                        siblings: Sequence[Sibling], market: MarketData,
                                        article: Article | None) -> Verdict | None:
    """A day or month move in a sentence without time words of its own, after a sentence that names a month over
    by the claim's session ('in November' in a December piece): that calendar month's move, where it holds, makes
    the claim supported, with the reading named. Any other outcome leaves the verdict as it was."""
    from analyzer.check.readings import NAMED_MONTH_RE, _named_months

    if (claim.period or "day") not in ("day", "month") or claim.time_text or says_close or claim.session is None \
            or article is None or OWN_TIME_WORDS_RE.search(claim.sentence):
        return None
    session = date.fromisoformat(claim.session)
    before = _sentence_before(article, claim)
    if NAMED_MONTH_RE.search(before) is None:
        return None
    for name, start, end in _named_months(before, session):
        if end >= session or (session - end).days > MONTH_BEFORE_REACH_DAYS:
            continue
        other = _recheck_at(replace(claim, period_start=start.isoformat()), market, end, "other")
        if other is None or other.verdict != "supported" or not other.evidence:
            continue
        reading = f"the calendar month {name} the sentence before names"
        return Verdict("supported", f"{verdict.explanation} Not called an error: the sentence has no time words of "
                       f"its own, and the sentence before names {name}; read as {reading}: {other.explanation}",
                       other.evidence, readings=[*verdict.readings, reading])
    return None


# "Shares of both exchanges rose on Wednesday as ...": a sentence before that dates a move of shares
SHARES_MOVED_ON_A_DAY_RE = re.compile(rf"\b(?:shares|stocks?)\b[^.;]*\bon (?P<day>{_WEEKDAY_NAMES})\b", re.I)


def _day_named_in_the_sentence_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                      siblings: Sequence[Sibling], market: MarketData,
                                      article: Article | None) -> Verdict | None:
    """'Shares of both exchanges rose on Wednesday as news of the plan leaked. CME rose 6 percent while ICE edged
    up 0.1 percent.' in a Thursday piece: a day move with no time words of its own goes on with the shares' day the
    sentence before names, an earlier day than the piece's session. That day's move, where it holds, makes the
    claim supported, with the reading named; a day that is the piece's own session reads nothing new."""
    if claim.kind not in ("stock_move", "index_move") or (claim.period or "day") != "day" or claim.time_text or \
            claim.session is None or article is None or article.published is None or \
            OWN_TIME_WORDS_RE.search(claim.sentence):
        return None
    days = {m.group("day").lower() for m in SHARES_MOVED_ON_A_DAY_RE.finditer(_sentence_before(article, claim))}
    if len(days) != 1:
        return None
    local = local_published(article.published)
    published = local.date()
    day = weekday_on_or_before(published, WEEKDAYS.index(days.pop()))
    own_session = session_for(local).session
    if day >= published or day.isoformat() == claim.session or day == own_session or not is_session(day):
        return None
    return _supported_at(claim, verdict, market, day, "day",
                         f"the session the sentence before names ({day.isoformat()})",
                         "the sentence has no time words of its own, and the sentence before dates the shares' move; "
                         "read at")


# the lead of a weekly wrap: 'began February with a 0.2% weekly decline', 'posted its biggest weekly gain',
# 'For the week, ...', 'ended the week 1.5% higher'
WEEKLY_LEAD_RE = re.compile(r"\bweekly (?:gain|loss|decline|advance|drop|rise|fall|increase|rally|slide|retreat)s?\b"
                            r"|\b(?:for|on|over) the (?:holiday-shortened |trading )?week\b"
                            r"|\b(?:ended|finished|closed) the week\b", re.I)
WEEKLY_LEAD_CHARS = 400


def _the_week_of_a_weekly_wrap(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                               siblings: Sequence[Sibling], market: MarketData,
                               article: Article | None) -> Verdict | None:
    """'In consumer staples, Philip Morris International shares jumped 11% as the company reported Q4 results' in
    a wrap of the week, written after its last session, whose lead tells the week's move ('began February with a
    0.2% weekly decline'): a move without time words of its own is as likely the week's as the last day's. The
    week's move that holds makes the claim supported, with the reading named."""
    from analyzer.check.readings import words_fix_reading

    if article is None or article.published is None or (claim.period or "day") != "day" or claim.time_text or \
            says_close or claim.session is None or words_fix_reading(claim) is not None or \
            OWN_TIME_WORDS_RE.search(claim.sentence):
        return None
    session = date.fromisoformat(claim.session)
    ref = session_for(local_published(article.published))
    if ref.intraday or ref.session != session or next_session(session) - session < timedelta(days=2):
        return None  # a wrap of the week is written once its last session has closed
    if not WEEKLY_LEAD_RE.search(" ".join(filter(None, (article.title, article.text[:WEEKLY_LEAD_CHARS])))):
        return None
    return _supported_at(claim, verdict, market, session, "week",
                         f"the week to {session.isoformat()}, which the piece's lead is about",
                         "the sentence has no time words of its own and the piece is a wrap of the week; read as")


def _supported_at(claim: Claim, verdict: Verdict, market: MarketData, session: date, period: str, reading: str,
                  why: str) -> Verdict | None:
    """The claim re-checked at another session or period; `supported` with the reading named where it holds there
    (``why`` says why the other reading is the sentence's), else None: the first verdict stands."""
    other = _recheck_at(claim, market, session, period)
    if other is None or other.verdict != "supported" or not other.evidence:
        return None
    return Verdict("supported", f"{verdict.explanation} Not called an error: {why} {reading}: {other.explanation}",
                   other.evidence, readings=[*verdict.readings, reading])


def _heading_verdict(verdict: Verdict, other: Verdict | None, words: str, period: str,
                     session: date, unmeasured: bool = False) -> Verdict | None:
    """The claim's verdict read over the heading's period; ``unmeasured`` lets an `unverifiable` of a period the
    checker cannot measure (a month's best since a date) stand: the day it was read as is no longer its reading."""
    if other is None or other.verdict not in ("supported", "unverifiable"):
        return None
    if other.verdict == "supported" and not other.evidence:
        return None
    if other.verdict == "unverifiable" and "hold in other readings" not in other.explanation and not unmeasured:
        return None  # unverifiable for want of data is no reading that holds
    reading = f"the {period} to {session.isoformat()} the heading of the sentence before names ('{words}')"
    return Verdict(other.verdict, f"{verdict.explanation} Not called an error: the sentence has no time words of "
                   f"its own, and the sentence before is headed '{words}'; read as {reading}: {other.explanation}",
                   other.evidence, readings=[*verdict.readings, reading])


def comparison_over_the_heading_period(claim: Claim, verdict: Verdict, market: MarketData,
                                       article: Article | None) -> Verdict | None:
    """'The gains for the broad S&P were the largest since March 2000' after 'For the month of April, the Dow rose
    7.4 percent.': the best or worst of the heading's period, not of the day."""
    from analyzer.check.moves import check_comparison

    if claim.kind != "comparison" or (claim.period or "day") != "day" or article is None or claim.session is None \
            or re.search(r"\b(?:day|session|daily|one-day|single-day)\b", claim.sentence, re.I):
        return None
    session = date.fromisoformat(claim.session)
    heading = heading_period(_sentence_before(article, claim), session)
    if heading is None or heading[0] not in ("week", "month"):
        return None
    period, words = heading
    try:
        other = check_comparison(replace(claim, period=period, unit=period), market, session)
    except (MarketDataError, ValueError, KeyError, IndexError):
        return None
    return _heading_verdict(verdict, other, words, period, session, unmeasured=True)
