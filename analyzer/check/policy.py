"""Verdicts for central-bank rate claims: decisions that happened, and expectations to resolution."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from analyzer.extract import lexicon
from analyzer.extract.rates import SUPERLATIVE_SINCE_RE, cumulative_span
from analyzer.extract.timeref import DATE_RE, LONG_MONTHS_ALT, WEEKDAY_RE, resolve_date_mention
from analyzer.market.data import MarketData
from analyzer.market.policy import FedDecision
from analyzer.records import Claim, Evidence, Verdict

DISCOUNT_RATE_RE = re.compile(r"\bdiscount[- ]rate\b", re.I)
FUNDS_RATE_RE = re.compile(r"\b(federal funds|fed funds|funds rate|benchmark (?:interest )?rate|target rate)\b", re.I)
NO_HORIZON_DAYS = 183  # "the Fed is expected to cut" with no date: settled within about six months
DECISION_WINDOW_DAYS = 3  # a reported decision's date may be the meeting, the announcement or the effective day


def _evidence(decision: FedDecision | None, source: str, **figures: object) -> Evidence:
    if decision is not None:
        figures.update(announced=decision.announced.isoformat(), effective=decision.effective.isoformat(),
                       target_low=decision.target_low, target_high=decision.target_high,
                       change_bp=decision.change_bp, decision_source=decision.source)
    return Evidence(symbol="FEDFUNDS_TARGET", series="fomc_decisions", source=source,
                    session=decision.announced.isoformat() if decision else None, figures=figures)


def _matches(claim: Claim, decision: FedDecision) -> bool:
    if claim.action and claim.action != decision.action:
        return False
    return claim.bp is None or abs(abs(decision.change_bp) - claim.bp) < 1


ANNOUNCEMENT_TIME = time(14, 15)  # US Eastern; FOMC statements come out at 14:00 or 14:15


def check_rate_policy(claim: Claim, market: MarketData, published_at: datetime | None,
                      article_text: str | None = None) -> Verdict:
    """``published_at`` is the article's time in US Eastern: its day anchors the claim, and its hour tells
    whether a piece written on a decision day came after the statement. ``article_text`` (the whole piece, when
    known) tells whether a rate the sentence leaves unnamed may be the discount rate the piece speaks of."""
    verdict = _check_rate_policy(claim, market, published_at)
    if verdict.verdict == "contradicted":
        return _which_rate_unnamed(claim, verdict, article_text) or _a_possibility(claim, verdict) or verdict
    return verdict


def _check_rate_policy(claim: Claim, market: MarketData, published_at: datetime | None) -> Verdict:
    published = published_at.date() if published_at is not None else None
    if claim.bank != "Fed":
        return Verdict("unverifiable", f"no policy-rate history for {claim.bank} in the market data "
                       "(only the Federal Reserve's target is kept).", [])
    if _names_the_discount_rate(claim.stated.get("rate") or claim.sentence):
        # a second rate of one decision keeps its name ('... and the discount rate by a half point')
        return Verdict("unverifiable", "the claim is about the Fed's discount rate; the policy history kept here is "
                       "the federal funds target, which the discount rate does not follow one for one.", [])
    policy = market.policy
    source = "fomc/fomc_decisions.csv"
    if claim.modality == "reported":
        pause = PAUSE_RE.search(claim.sentence) or PAUSE_AFTER_RUN_RE.search(claim.sentence)
        if pause is not None and claim.action != "hold":
            return _a_pause(claim, policy, source, published, pause)
        return _second_look(claim, policy, source, published, _check_reported(claim, policy, source, published))
    if claim.modality in ("expected", "forecast"):
        after_statement = published_at is not None and published_at.time() >= ANNOUNCEMENT_TIME
        return _second_look(claim, policy, source, published,
                            _resolve_expectation(claim, policy, source, published, after_statement))
    return Verdict("not_checkable", f"a {claim.modality} statement about the Fed, not a claim that a decision "
                   "happened or is expected.", [])


def _names_the_discount_rate(sentence: str) -> bool:
    """The sentence's rate is the discount rate: it names it, before any funds rate ('cut its discount rate ... and
    said it was ready to cut the funds rate if needed': the funds rate is a step still to come)."""
    discount = DISCOUNT_RATE_RE.search(sentence)
    funds = FUNDS_RATE_RE.search(sentence)
    return discount is not None and (funds is None or discount.start() < funds.start())


def _which_rate_unnamed(claim: Claim, verdict: Verdict, article_text: str | None) -> Verdict | None:
    """'pared losses after the Fed cut a key interest rate' in a piece that tells of a cut of the discount rate:
    the sentence does not say which rate, and the piece speaks of one whose history is not kept here, so no
    funds-target decision can contradict it."""
    if article_text is None or FUNDS_RATE_RE.search(claim.sentence) or claim.action in (None, "hold"):
        return None
    told = DISCOUNT_RATE_RE.search(article_text)
    if told is None:
        return None
    return Verdict("unverifiable", f"the sentence does not name the rate, and the piece speaks of the discount rate "
                   f"('{told.group(0)}'), whose history is not kept here (only the federal funds target): "
                   f"{verdict.explanation}", verdict.evidence, verdict.diagnosis, None,
                   [*verdict.readings, "the discount rate the piece names"])


# "believing the Fed might be moving closer to cutting interest rates", "speculated the central bank might feel
# pressed to take the rare step of lowering the benchmark rate": a possibility someone weighs, no decision
_MOVE_STEMS = sorted({verb[:-1] if verb.endswith("e") else verb
                      for verb, action in lexicon.labels("rates", "actions").items() if action in ("cut", "hike")})
POSSIBILITY_RE = re.compile(r"\b(?:might|may|could)\b(?:\s+[\w-]+){0,8}?\s+(?:"
                            + lexicon.alternation(_MOVE_STEMS) + r")(?:e|es|ed|s|d|ing|ting|med|ming)?\b", re.I)


def _a_possibility(claim: Claim, verdict: Verdict) -> Verdict | None:
    """A move the sentence gives as a possibility ('might', 'may', 'could' before the move's verb) is no report
    that the decision was taken; whatever the Fed did, it does not make the words wrong."""
    if claim.modality != "reported":
        return None
    told = POSSIBILITY_RE.search(claim.sentence)
    if told is None:
        return None
    return Verdict("unverifiable", f"the sentence gives the move as a possibility ('{told.group(0)}'), not as a "
                   f"decision taken: {verdict.explanation}", verdict.evidence, verdict.diagnosis, None,
                   [*verdict.readings, "a possibility the sentence weighs"])


# "a dramatic increase in expectations for rate increases", "raising expectations the Fed will raise rates",
# "the speculation is: 'Will the Fed raise rates?'",
# "the Fed is widely expected to lower", "futures have been pricing in a cut", "a 50 percent chance", "most
# economists expect a cut", "raising prospects of fewer rate cuts": the words report what others expect, so the
# report holds whatever the Fed then did
MARKET_MOOD_RE = re.compile(r"\b(?:expectations? (?:for|of)|prospects? (?:for|of)|"
                            r"(?:expectations?|views?|hopes?|bets?|worries|concerns?) (?:that )?(?:the )?(?:U\.S\. )?"
                            r"(?:Fed|Federal Reserve|central bank|policymakers)\b|"
                            r"speculation|bets? (?:on|that|for)|priced in|"
                            r"pric(?:ing|es?) in|(?:fears?|hopes?) (?:of|for|that)|(?:widely|generally|broadly) "
                            r"(?:expected|seen|forecast)|(?:is|are|was|were) (?:still )?(?:expected|seen|forecast|"
                            r"predicted|tipped) to|(?:is|are|was|were) (?:widely )?seen \w+ing|"
                            r"(?:\d+|one|two|three) (?:percent|%) (?:chance|probability|odds)|"
                            r"(?:chance|odds|probability|likelihood) (?:of|that)|(?:rate|funds|interest-rate) futures|"
                            r"consensus|(?:economists|analysts|traders|investors|markets?|dealers|strategists|"
                            r"forecasters|polls?|surveys?)\b[^.;]{0,40}?\b(?:expect|forecast|predict|see|bet|"
                            r"anticipat|think|believe)\w*)|\?", re.I)

# whose view an expectation is: forecasters, markets, a quoted or named person ("..., said Ian Shepherdson")
_VIEW_HOLDERS = sorted(lexicon.words("rates", "forecaster_words") | lexicon.words("rates", "market_words")
                       | lexicon.words("rates", "attribution_words"), key=len, reverse=True)
VIEW_HOLDER_RE = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in _VIEW_HOLDERS)})\b", re.I)
# the words that date a decision: a weekday, a date, a month, 'last week', 'a year ago', 'today'
TIME_WORDS_RE = re.compile(rf"\b(?:{LONG_MONTHS_ALT}|today|yesterday|tonight|last|this (?:week|month|year)|since)\b",
                           re.I)
_MONTH_RE = re.compile(rf"\b(?:{LONG_MONTHS_ALT})\b", re.I)
UNDATED_LOOKBACK_DAYS = 730  # an undated decision a reader would still place: within about two years

# "left the door open for the Fed to slash rates later this month": a decision still to come
FUTURE_RE = re.compile(r"\b(?:later this (?:month|year|week)|next (?:week|month|meeting)|at its next|door open|"
                       r"(?:could|may|might|would|will) (?:"
                       + lexicon.alternation(lexicon.words("rates", "future_decision_verbs")) + r"))\b", re.I)

# 'traders had all but fully priced in a half-point cut from the Fed on Tuesday' (a Thursday piece, the meeting
# still to come): the decision priced in is the object of the pricing, a coming one, whatever its weekday reads as
# (session 32); not 'cut by half a point, more than the quarter point priced in', where the decision is told first
PRICED_DECISION_RE = re.compile(r"\b(?:pric(?:ing|ed|es?) in|bet(?:s|ting)? on|wager(?:s|ing)? on)\s+"
                                r"(?:[\w.%-]+\s+){0,8}?(?P<noun>cut|cuts|hike|hikes|increase|increases|reduction|"
                                r"reductions|easing|tightening)\b", re.I)

# "the Fed's decision this week to take a break from cutting interest rates": a pause, i.e. a hold, although
# the sentence's verb is 'cutting'
PAUSE_RE = re.compile(r"\b(?:(?:take|took|taking|takes)\s+a\s+(?:break|breather|pause)\s+from\s+|(?:pause[ds]?|"
                      r"paus(?:e|ing)|halt(?:ed|s|ing)?|stop(?:ped|s|ping)?|end(?:ed|s|ing)?|hold(?:s|ing)? off)"
                      r"\s+(?:on\s+|in\s+|to\s+|its\s+|their\s+)*(?:rate\s+)?)(?:cutting|cuts|raising|hikes|"
                      r"hiking|increases|lowering|reductions)\b", re.I)
# "halted a two-year campaign of lifting borrowing costs", "raised interest rates steadily for two years before
# pausing in August": a run of moves the sentence says has ended, i.e. the latest decision is a hold
PAUSE_AFTER_RUN_RE = re.compile(r"\b(?:(?:halt(?:ed|s|ing)?|end(?:ed|s|ing)?|stop(?:ped|s|ping)?)\s+(?:a|an|its|their|"
                                r"the)\s+(?:[\w-]+\s+){0,3}?(?:campaign|cycle|run|series|string|round)\s+of\s+"
                                r"(?:rate\s+)?(?:lifting|raising|hiking|hikes|increases|cutting|cuts|lowering|"
                                r"reductions|easing|tightening)|before\s+(?:pausing|halting|stopping))\b", re.I)

# "the Fed's move this week to cut", "after the Fed slashed rates last week": a decision already taken in a
# span the sentence names, up to the day the piece was written
NAMED_SPAN_RE = re.compile(r"\b(this|last|earlier this) (week|month)\b", re.I)

QUOTE_OPENERS = ('"', "\u201c", "'", "\u2018")


def _second_look(claim: Claim, policy, source: str, published: date | None,  # noqa: ANN001
                 verdict: Verdict) -> Verdict:
    """Before accusing, the readings a careful reader tries: a decision dated elsewhere in the sentence ('its
    biggest advance since September 18, when the Fed cut interest rates'), a decision already taken that the
    words place before the piece was written, a report of what markets expect or of a view given to someone
    (forecasters, a named person), a decision still to come, words that are a quoted person's view, not the wire's
    report, and, where the sentence names no time at all, the Fed's latest move. A contradicted verdict that
    survives them names the readings tried. (A pause, 'a break from cutting', is read as a hold before this:
    ``_a_pause``.)"""
    if verdict.verdict != "contradicted":
        return verdict
    for reading in (_dated_in_sentence, _taken_before_publication):
        found = reading(claim, policy, source, published)
        if found is not None:
            return found
    other = (_not_the_reports_own_claim(claim, verdict) or _an_undated_decision(claim, policy, source, published)
             or _the_decision_that_set_the_level(claim, policy, source, published)
             or _one_of_the_moves_since(claim, policy, source, published))
    if other is not None:
        return other
    if claim.modality in ("expected", "forecast"):
        return _not_borne_out(claim, verdict)
    tried = ["the decision on the day or within the horizon the claim was read with",
             "a decision dated elsewhere in the sentence", "a decision taken between the named day and publication",
             "a report of expectations", "a view given to someone", "a decision still to come", "a quoted view",
             "the Fed's latest decision, where the sentence names no time",
             "the decision that took the target to the level stated",
             "one of the moves since the start the sentence names"]
    return Verdict(verdict.verdict, f"{verdict.explanation} Readings tried: {'; '.join(tried)}.", verdict.evidence,
                   verdict.diagnosis, verdict.severity, [*verdict.readings, *tried])


def _not_borne_out(claim: Claim, verdict: Verdict) -> Verdict:
    """An expectation or a forecast the Fed did not bear out. The article reported a view held when it was
    written; a later decision shows the view was wrong, not that the report was: no accusation of the article.
    The outcome stays in the explanation and the diagnosis, for a reader who wants to know how views fared."""
    return Verdict("unverifiable", f"a {claim.modality} view not borne out: {verdict.explanation} A view that proved "
                   "wrong is no error of the report that told it; whether it was held as reported cannot be checked "
                   "against the record.", verdict.evidence, {**(verdict.diagnosis or {}), "outcome": "not borne out",
                                                             "was": "contradicted"},
                   None, [*verdict.readings, "the view as reported, settled by the record"])


# "the minutes of its January 29-30 meeting showed officials thought a half-point reduction ...": a meeting the
# sentence dates, over by the time of the piece, whose decision the words discuss
DATED_MEETING_RE = re.compile(r"^(?:-\d{1,2})?,?\s+(?:(?:policy|policy-setting|rate-setting|FOMC|two-day)\s+)?"
                              r"(?:meeting|gathering|session)\b", re.I)


def _dated_in_sentence(claim: Claim, policy, source: str, published: date | None) -> Verdict | None:  # noqa: ANN001
    """'since September 18, when the Fed cut interest rates': the sentence dates the decision itself. A view or
    an expectation read in the minutes of a dated meeting already held ('the minutes of its January 29-30
    meeting showed officials thought a half-point reduction ...') is about that meeting's decision."""
    if published is None:
        return None
    for m in DATE_RE.finditer(claim.sentence):
        if claim.modality != "reported" and not DATED_MEETING_RE.match(claim.sentence[m.end():]):
            continue
        named = resolve_date_mention(m, published)
        if claim.modality != "reported" and (named is None or named >= published):
            continue
        decision = policy.decision_near(named, days=DECISION_WINDOW_DAYS) if named else None
        if decision is not None and _matches(claim, decision):
            return Verdict("supported", f"the sentence dates the decision '{m.group(0)}': the Fed "
                           f"{decision.describe()}.", [_evidence(decision, source)],
                           readings=["the article's day", f"the date the sentence names ({m.group(0)})"])
    return None


def _taken_before_publication(claim: Claim, policy, source: str,  # noqa: ANN001
                              published: date | None) -> Verdict | None:
    """A decision that happened between the day the claim was anchored to (or the start of the week or month
    the sentence names) and the day the piece was written: 'rose on Thursday ... after the Fed slashed rates'
    (the day belongs to the rise), 'cheered by the Fed's move this week to cut' (read as an expectation)."""
    if published is None or claim.action is None or claim.action == "hold":
        return None
    span = NAMED_SPAN_RE.search(claim.sentence)
    starts = [_span_start(span, published)] if span is not None else []
    if claim.modality == "reported" and claim.session and not DATE_RE.search(claim.sentence):
        # a day the sentence names by its date ('cut rates on October 1') fixes the decision's day; a weekday
        # may belong to another clause ('stocks rose on Thursday ... after the Fed slashed rates')
        starts.append(min(date.fromisoformat(claim.session), published) - timedelta(days=DECISION_WINDOW_DAYS))
    if not starts:
        return None
    start = min(starts)
    hits = [d for d in policy.decisions_between(start, published) if _matches(claim, d)]
    if len(hits) != 1:  # none, or several that compete
        return None
    where = f"in the span the sentence names ('{span.group(0)}')" if span else \
        f"between {start.isoformat()} and the piece's day {published.isoformat()}"
    return Verdict("supported", f"read as a decision already taken, {where}: the Fed {hits[0].describe()}.",
                   [_evidence(hits[0], source)],
                   readings=["the claim's day or horizon", f"a decision taken {where}"])


def _span_start(span: re.Match[str], published: date) -> date:
    which, unit = span.group(1).lower(), span.group(2).lower()
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        return monday - timedelta(days=7) if which == "last" else monday
    first = published.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1) if which == "last" else first


def _a_pause(claim: Claim, policy, source: str, published: date | None,  # noqa: ANN001
             pause: re.Match[str]) -> Verdict:
    """'the Fed's decision this week to take a break from cutting rates' states a hold, whatever the verb: the
    words fix the reading, so the hold is checked (with the usual second look) and the cut is not."""
    held = _check_reported(replace(claim, action="hold", bp=None), policy, source, published)
    verdict = Verdict(held.verdict, f"read as a pause ('{pause.group(0)}'), i.e. a hold: {held.explanation}",
                      held.evidence, readings=[f"a hold ('{pause.group(0)}')"])
    return _second_look(replace(claim, action="hold", bp=None), policy, source, published, verdict)


def _not_the_reports_own_claim(claim: Claim, verdict: Verdict) -> Verdict | None:
    """Words that report the market's mood, a decision still to come, or a quoted view: no later decision
    makes such a report wrong, so the verdict says what happened without accusing."""
    mood = MARKET_MOOD_RE.search(claim.sentence) if claim.modality in ("expected", "forecast") else None
    if mood is not None:
        # an expectation that came true is supported; one that did not is no error of a report of the mood
        return Verdict("unverifiable", f"the sentence describes what was expected ('{mood.group(0)}'), not a "
                       f"forecast of its own: a later decision does not make a report of expectations wrong. "
                       f"What happened: {verdict.explanation}", verdict.evidence,
                       readings=["a forecast", "a report of the market's expectations"])
    holder = _view_holder(claim)
    if holder is not None:
        return Verdict("unverifiable", f"the expectation is given to someone ('{holder}'): the sentence reports that "
                       f"view, not a forecast of the wire's own, and a later decision does not make the report wrong. "
                       f"What happened: {verdict.explanation}", verdict.evidence,
                       readings=["a forecast", f"a report of a view ('{holder}')"])
    priced = _priced_decision(claim)
    if priced is not None:
        return Verdict("unverifiable", f"the decision is one markets price in ('{priced.group(0)}'), an expectation "
                       f"of a decision to come, not one taken: {verdict.explanation}", verdict.evidence,
                       readings=["a decision taken", "a decision priced in, still to come"])
    future = FUTURE_RE.search(claim.sentence) if claim.modality == "reported" else None
    if future is not None:
        return Verdict("unverifiable", f"the sentence speaks of a decision still to come ('{future.group(0)}'), "
                       f"not of one taken: {verdict.explanation}", verdict.evidence,
                       readings=["a decision taken", "a decision to come"])
    if claim.modality == "reported" and (claim.speaker or claim.sentence.lstrip().startswith(QUOTE_OPENERS)):
        return Verdict("unverifiable", f"the words are quoted, a person's view rather than the report: "
                       f"{verdict.explanation}", verdict.evidence,
                       readings=["the wire's report", "a quoted person's view"])
    return None


PRICED_GAP_CHARS = 12  # ' from the ', ' by the '
PRICED_ACTIONS = {"cut": ("cut", "reduction", "easing"), "hike": ("hike", "increase", "tightening")}


def _priced_decision(claim: Claim) -> re.Match[str] | None:
    """The words that make a reported decision one priced in: the claim's own decision, its action's noun as the
    object of 'pricing in' or 'bets on', the claim's words starting right after that noun ('... cut | from the Fed
    on Tuesday'); None otherwise: 'raised rates ..., after markets had bet on a cut' reports a hike, and 'cut rates
    on Tuesday, after futures had priced in a quarter point cut' a cut whose words begin before the pricing."""
    if claim.modality != "reported" or claim.action not in PRICED_ACTIONS or claim.span_start is None:
        return None
    for m in PRICED_DECISION_RE.finditer(claim.sentence):
        if m.group("noun").lower().startswith(PRICED_ACTIONS[claim.action]) and \
                claim.span_start - PRICED_GAP_CHARS <= m.end() <= claim.span_start:
            return m
    return None


def _view_holder(claim: Claim) -> str | None:
    """Who holds an expected or forecast move: a speaker, forecasters or markets, or a person it is said by."""
    if claim.modality not in ("expected", "forecast"):
        return None
    if claim.speaker:
        return claim.speaker
    m = VIEW_HOLDER_RE.search(claim.sentence)
    return m.group(0) if m else None


def _an_undated_decision(claim: Claim, policy, source: str,  # noqa: ANN001
                         published: date | None) -> Verdict | None:
    """'In a speech, Bernanke said the Fed cut rates aggressively', 'the FOMC was late in raising rates after the
    pandemic': a decision the sentence names no time for, read at the piece's day only because nothing else dates
    it. With no decision near that day, a reader takes the Fed's latest move (supported when it fits), and a
    matching move of the past two years leaves the claim unverifiable rather than wrong."""
    if (claim.modality != "reported" or published is None or claim.action not in ("cut", "hike")
            or claim.horizon is not None or _names_a_time(claim.sentence)):
        return None
    day = date.fromisoformat(claim.session) if claim.session else published
    if policy.decision_near(day, days=DECISION_WINDOW_DAYS) is not None:
        return None  # a decision on the day: that is the one the piece tells of
    before = policy.decisions_between(published - timedelta(days=UNDATED_LOOKBACK_DAYS), published)
    if before and _matches(claim, before[-1]):
        return Verdict("supported", f"the sentence names no day for the decision; read as the Fed's latest move "
                       f"before the piece: it {before[-1].describe()}.", [_evidence(before[-1], source)],
                       readings=["the piece's day", "the Fed's latest decision before the piece"])
    earlier = [d for d in before if _matches(claim, d)]
    if not earlier:
        return None
    return Verdict("unverifiable", f"the sentence names no day for the decision, and no decision came near the "
                   f"piece's day; the Fed did {claim.action} within the two years before it (it "
                   f"{earlier[-1].describe()}), so the claim may be about that move.", [_evidence(earlier[-1], source)],
                   readings=["the piece's day", "the Fed's latest decision", "an earlier decision of the same kind"])


def _the_decision_that_set_the_level(claim: Claim, policy, source: str,  # noqa: ANN001
                                     published: date | None) -> Verdict | None:
    """'Greenspan ... slashed rates to an ultra-low 1.0 percent ... after the September 11, 2001, attacks': a
    decision stated by the level it took the target to, with no weekday to fix its day and no decision near the
    day it was read at, is the one that set that level (the latest such before the piece)."""
    if (claim.modality != "reported" or published is None or claim.level is None or claim.action not in ("cut", "hike")
            or WEEKDAY_RE.search(claim.sentence)):
        return None
    day = date.fromisoformat(claim.session) if claim.session else published
    if policy.decision_near(day, days=DECISION_WINDOW_DAYS) is not None:
        return None
    setting = [d for d in policy.decisions_between(date.min, published) if d.action == claim.action
               and claim.level in (d.target_low, d.target_high) and _matches(claim, d)]
    if not setting:
        return None
    return Verdict("supported", f"read as the decision that took the target to {claim.level:g}%: the Fed "
                   f"{setting[-1].describe()}.", [_evidence(setting[-1], source)],
                   readings=["the day the claim was read at", f"the decision that set the level ({claim.level:g}%)"])


def _one_of_the_moves_since(claim: Claim, policy, source: str,  # noqa: ANN001
                            published: date | None) -> Verdict | None:
    """'The Fed has cut rates aggressively, lowering its target by 3 percentage points since September': a move the
    sentence dates only by the run it belongs to is one of the moves since then (the latest that fits)."""
    if (claim.modality != "reported" or published is None or claim.action not in ("cut", "hike") or claim.horizon
            or DATE_RE.search(claim.sentence)):
        return None  # a day the sentence names ('since September 18, when the Fed cut') fixes the decision's day
    span = cumulative_span(claim.sentence, published)
    if span is None:
        return None
    hits = [d for d in policy.decisions_between(date.fromisoformat(span.start), published) if _matches(claim, d)]
    if not hits:
        return None
    return Verdict("supported", f"read as one of the moves since {span.start} that the sentence tells of: the Fed "
                   f"{hits[-1].describe()}.", [_evidence(hits[-1], source)],
                   readings=["the piece's day", f"a move since {span.start}"])


# "since the Fed started to cut rates": 'since' opens the decision's own clause, the base of something else, and
# names no time for the decision
SINCE_THE_DECISION_RE = re.compile(r"\bsince (?=(?:the )?(?:Fed|Federal Reserve|U\.S\. central bank|central bank|FOMC"
                                   r"|policymakers|it|they) )", re.I)


# "cut rates by 50 basis points at their last meeting": the meeting before the piece, no time of its own (the Fed's
# latest move is what it names)
LAST_MEETING_RE = re.compile(r"\b(?:at\s+)?(?:its|their|the)\s+(?:last|latest|most recent|previous|prior)\s+"
                             r"(?:(?:monetary\s+)?policy\s+|rate-setting\s+|policy-setting\s+)?meeting\b", re.I)


def _names_a_time(sentence: str) -> bool:
    # "the worst financial crisis since the Great Depression": that 'since' dates the superlative, not the decision
    # (one that names a day or month may still date it: "its largest rise since September 18, when the Fed cut")
    sentence = SUPERLATIVE_SINCE_RE.sub(lambda m: m.group(0) if DATE_RE.search(m.group(0)) or _MONTH_RE.search(
        m.group(0)) else " ", sentence)
    sentence = LAST_MEETING_RE.sub(" ", SINCE_THE_DECISION_RE.sub(" ", sentence))
    return bool(WEEKDAY_RE.search(sentence) or DATE_RE.search(sentence) or TIME_WORDS_RE.search(sentence))


def _check_reported(claim: Claim, policy, source: str, published: date | None) -> Verdict:  # noqa: ANN001
    if claim.session is None and claim.horizon is not None:
        return _check_reported_in_span(claim, policy, source)
    day = date.fromisoformat(claim.session) if claim.session else published
    if day is None:
        return Verdict("unverifiable", "the decision's date could not be anchored (no publication time).", [])
    if (before := _before_the_record(policy, day + timedelta(days=DECISION_WINDOW_DAYS))) is not None:
        return before
    if day > policy.data_end:
        return Verdict("unverifiable", f"the policy history is known only until {policy.data_end.isoformat()}.", [])
    window = DECISION_WINDOW_DAYS if claim.session else 10  # undated: a decision shortly before publication
    decision = policy.decision_near(day, days=window)
    if claim.action == "hold":
        if decision is None:
            low, high = policy.target_on(day)
            return Verdict("supported", f"no change of the federal funds target near {day.isoformat()}; the "
                           f"target stayed {low:.2f}-{high:.2f}%.", [_evidence(None, source, target_low=low,
                                                                                target_high=high)])
        return Verdict("contradicted", f"the Fed did not hold: it {decision.describe()}.",
                       [_evidence(decision, source)])
    if decision is None:
        low, high = policy.target_on(day)
        return Verdict("contradicted", f"no change of the federal funds target within {window} days of "
                       f"{day.isoformat()}; the target was {low:.2f}-{high:.2f}%.",
                       [_evidence(None, source, target_low=low, target_high=high)])
    label = "supported" if _matches(claim, decision) else "contradicted"
    size = f" by {claim.bp:g} bp" if claim.bp else ""
    return Verdict(label, f"the Fed {decision.describe()}; the claim says {claim.action}{size}.",
                   [_evidence(decision, source)])


def _check_reported_in_span(claim: Claim, policy, source: str) -> Verdict:  # noqa: ANN001
    """'a half-point cut last month': a past decision dated by a span, not a day."""
    start, end = date.fromisoformat(claim.horizon.start), date.fromisoformat(claim.horizon.end)
    span = f"{start.isoformat()}..{end.isoformat()}"
    if (before := _before_the_record(policy, end)) is not None:
        return before  # the whole span lies before the record
    if end > policy.data_end:
        return Verdict("unverifiable", f"the policy history is known only until {policy.data_end.isoformat()}, "
                       f"before the end of {span}.", [])
    changes = policy.decisions_between(start, end)
    if claim.action == "hold":
        if changes:
            return Verdict("contradicted", f"the Fed did not hold within {span}: it {changes[0].describe()}.",
                           [_evidence(changes[0], source, span=span)])
        low, high = policy.target_on(end)
        return Verdict("supported", f"no change of the federal funds target within {span}; it stayed "
                       f"{low:.2f}-{high:.2f}%.",
                       [_evidence(None, source, target_low=low, target_high=high, span=span)])
    total = _stated_total(claim) or _a_total_over_a_long_span(claim, changes, start, end)
    if total is not None:
        return _check_total(claim, changes, total, span, source)
    hits = [d for d in changes if _matches(claim, d)]
    size = f" by {claim.bp:g} bp" if claim.bp else ""
    if hits:
        return Verdict("supported", f"within {span} the Fed {hits[0].describe()}; the claim says "
                       f"{claim.action}{size}.", [_evidence(hits[0], source, span=span)])
    if (before := _before_the_record(policy, start)) is not None:
        return before  # the span begins before the record: its missing part may hold the decision
    done = "; ".join(d.describe() for d in changes) or "no change of the target"
    return Verdict("contradicted", f"the claim says {claim.action}{size} within {span}, but the record shows {done}.",
                   [_evidence(changes[0] if changes else None, source, span=span)])


def _before_the_record(policy, day: date) -> Verdict | None:  # noqa: ANN001
    """A decision dated before the first one the policy history keeps ('in 1988 the Fed cut rates'; ``day`` is a
    day the claim's decision may have): the record cannot show it, so its silence is no evidence against the
    claim."""
    first = policy.data_start
    if first is None or day >= first:
        return None
    return Verdict("unverifiable", f"the policy history kept here starts with the decision of {first.isoformat()}; "
                   f"a decision that may date from {day.isoformat()} lies before it and cannot be checked.", [])


# "a cumulative 75 basis points between March and June", "has lowered rates by a total of 100 basis points since
# September": several decisions added up, not one of that size
TOTAL_WORDS_RE = re.compile(r"\b(?:cumulative|in total|a total of|combined|in all|altogether)\b", re.I)


def _stated_total(claim: Claim) -> float | None:
    """The size of a run of moves the claim adds up (the extraction's ``cumulative_bp``, or a size told as a total)."""
    try:
        if claim.stated.get("cumulative_bp"):
            return float(claim.stated["cumulative_bp"])
    except ValueError:
        return None
    return claim.bp if claim.bp and TOTAL_WORDS_RE.search(claim.sentence) else None


def _a_total_over_a_long_span(claim: Claim, changes: list[FedDecision], start: date, end: date) -> float | None:
    """'The Fed lowered rates by 100 basis points last year', 'cut rates by 1.25 percentage points in January' (75
    bp and then 50 bp): a size no single decision within the span had is read as the span's moves added up (the
    careful reader's second reading) when several add up to it exactly; a size that neither one decision nor the
    sum matches stays checked against each decision."""
    if claim.bp is None or any(_matches(claim, d) for d in changes):
        return None
    moves = [d for d in changes if d.action == claim.action]
    return claim.bp if len(moves) > 1 and abs(sum(abs(d.change_bp) for d in moves) - claim.bp) < 1 else None


def _check_total(claim: Claim, changes: list[FedDecision], total: float, span: str, source: str) -> Verdict:
    """A run of moves: the decisions of that direction within the span, added up. A sum that differs is no
    accusation while moves of that direction happened: where a 'since September' run starts is read loosely."""
    moves = [d for d in changes if d.action == claim.action]
    summed = sum(abs(d.change_bp) for d in moves)
    listed = "; ".join(d.describe() for d in moves)
    evidence = [_evidence(d, source, span=span) for d in moves] or [_evidence(None, source, span=span)]
    if moves and abs(summed - total) < 1:
        return Verdict("supported", f"within {span} the Fed's {claim.action}s add up to {summed:g} bp ({listed}), "
                       f"the total the claim gives.", evidence)
    if moves:
        return Verdict("unverifiable", f"within {span} the Fed's {claim.action}s add up to {summed:g} bp ({listed}), "
                       f"not the {total:g} bp the claim gives; where the run starts may be read otherwise than "
                       f"{span}, so this is not called an error.", evidence)
    done = "; ".join(d.describe() for d in changes) or "no change of the target"
    return Verdict("contradicted", f"the claim adds up {claim.action}s of {total:g} bp within {span}, but the record "
                   f"shows {done}.", evidence)


def _resolve_expectation(claim: Claim, policy, source: str, published: date | None,  # noqa: ANN001
                         after_statement: bool = False) -> Verdict:
    start, end = _expectation_window(claim, policy, published, after_statement)
    search_end = min(end, policy.data_end) if end else policy.data_end
    if claim.action == "hold":
        return _resolve_expected_hold(claim, policy, source, start, end)
    hits = [d for d in policy.decisions_between(start, search_end) if _matches(claim, d)]
    horizon_text = f"{start.isoformat()}..{end.isoformat()}" if end else f"after {start.isoformat()}"
    if hits:
        first = hits[0]
        later = "; then " + "; ".join(d.describe() for d in hits[1:3]) if len(hits) > 1 else ""
        return Verdict("supported", f"expected {claim.action} within {horizon_text}: the Fed "
                       f"{first.describe()}{later}.", [_evidence(first, source, horizon=horizon_text)])
    if end is None or end > policy.data_end:
        return Verdict("pending", f"no matching decision yet; the policy history ends "
                       f"{policy.data_end.isoformat()}, before the horizon ({horizon_text}) closes.", [])
    others = policy.decisions_between(start, end)
    done = "; ".join(d.describe() for d in others) or "no change of the target"
    return Verdict("contradicted", f"expected {claim.action} within {horizon_text}, but the record shows {done}.",
                   [_evidence(others[0] if others else None, source, horizon=horizon_text)])


def _expectation_window(claim: Claim, policy, published: date | None,  # noqa: ANN001
                        after_statement: bool) -> tuple[date, date | None]:
    """When an expected decision must come: the stated horizon, else the next meeting (a hold) or the coming
    months (a move), never before the piece was written (or the decision of its day, once announced)."""
    if claim.horizon is None:
        # no horizon stated: a hold is about the next scheduled meeting; a move about the coming months
        start = published or date.min
        if claim.action == "hold":
            upcoming = policy.meetings_between(start, start + timedelta(days=75)) if published else []
            end = upcoming[0] if upcoming else None
        else:
            end = start + timedelta(days=NO_HORIZON_DAYS) if published else None
    elif published is not None and date.fromisoformat(claim.horizon.end) < published and claim.action != "hold":
        # "Bernanke hinted at further rate cuts in testimony last month": the time is the talk's, not the move's
        # (a hold keeps its past span: read at the next meeting instead, it would become an accusation)
        return _expectation_window(replace(claim, horizon=None), policy, published, after_statement)
    else:
        start, end = date.fromisoformat(claim.horizon.start), date.fromisoformat(claim.horizon.end)
        if end == start and claim.action != "hold":
            end = start + timedelta(days=1)  # "at its meeting on December 15-16": the decision comes on day two
    if published is not None:
        start = max(start, published)
        if after_statement and policy.decisions_between(published, published):
            # written on a decision day, after the announcement: the view is about the decisions after it
            start = max(start, published + timedelta(days=1))
    return start, end


def _resolve_expected_hold(claim: Claim, policy, source: str, start: date, end: date | None) -> Verdict:  # noqa: ANN001
    """An expected hold is settled by the decisions (or their absence) within its horizon."""
    end = end or start
    horizon_text = f"{start.isoformat()}..{end.isoformat()}"
    changes = policy.decisions_between(start, end)
    ruled_out = claim.stated.get("ruled_out")
    if ruled_out and changes and not any(d.action == ruled_out for d in changes):
        # "is unlikely to raise rates this year": no hike; a cut does not make that wrong
        return Verdict("supported", f"read as no {ruled_out} within {horizon_text} (the words rule out a {ruled_out}, "
                       f"not every change): the Fed {'; '.join(d.describe() for d in changes)}.",
                       [_evidence(changes[0], source, horizon=horizon_text)],
                       readings=["a hold", f"no {ruled_out}"])
    if changes:
        return Verdict("contradicted", f"expected the Fed to hold within {horizon_text}, but it "
                       f"{changes[0].describe()}.", [_evidence(changes[0], source, horizon=horizon_text)])
    if end > policy.data_end:
        return Verdict("pending", f"no change so far; the policy history ends {policy.data_end.isoformat()}, "
                       f"before the horizon ({horizon_text}) closes.", [])
    low, high = policy.target_on(end)
    meetings = policy.meetings_between(start, end)
    held = f" at the meeting(s) of {', '.join(m.isoformat() for m in meetings)}" if meetings else ""
    return Verdict("supported", f"the Fed held{held}: no change of the target within {horizon_text}; it stayed "
                   f"{low:.2f}-{high:.2f}%.", [_evidence(None, source, target_low=low, target_high=high,
                                                         horizon=horizon_text)])
