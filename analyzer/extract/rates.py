"""The ``rate_policy_claims`` component: central-bank rate decisions and expectations.

"The Fed cut rates by a quarter point on Wednesday" (reported, -25 bp, that Wednesday) and "the
Federal Reserve widely expected to cut rates later this year" (expected, horizon to 31 December).

A sentence is read as a list of *events*, each anchored on one token:

* a policy verb with a rate as its object: "cut rates", "held rates steady", "kept its policy rate at 5%";
* a verb that moves the rate to a level: "the decision took the funds rate down to 4.75 percent";
* a rate as the subject of a level or a pause: "rates will be on hold", "rates would bottom out at 4.25%";
* a move stated on a noun, when it says something of its own (a size or a time): "a half-point cut last
  month", "a September rate cut", "a further quarter-point cut by year-end";
* a forecast of the rate's level with its direction: "a forecast for a 4.5 percent funds rate, a quarter-point
  below where the Fed left rates".

The first event of a sentence is its claim; a later one becomes a claim of its own only when it names its
own time ("..., and six said the central bank will wait until 2011 before hiking rates"), so a decision
story's asides ("and signaled it was in no hurry to raise them") do not double the claim.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from analyzer.extract import lexicon
from analyzer.extract.component import ExtractComponent, article_text, doc_text, span_text
from analyzer.extract.doc_fields import add_claims
from analyzer.extract.modality import (
    EXPECT_LEMMAS,
    FORECAST_AUX,
    HOPE_NOUNS,
    HYPOTHETICAL_AUX,
    PROSPECT_NOUNS,
    SAY_LEMMAS,
    SCENARIO_NOUNS,
    modality_of,
    open_possibility,
    speaker_of,
)
from analyzer.extract.numbers import BASIS_POINTS_RE, ORDINALS, RATE_POINT_RE, WORD_NUMBERS, ordinal_words, parse_number
from analyzer.extract.patterns import lead_module_patterns, led_by_first_chars
from analyzer.extract.timeref import (
    DATE_RE,
    LONG_MONTHS_ALT,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    local_published,
    resolve_date_mention,
    weekday_on_or_before,
)
from analyzer.records import Claim, DateRange

_BANK_NAMES = [
    # a chair speaks for the bank: "Powell said there was no hurry to lower rates" is the Fed's stance
    ("Fed", r"\b(Federal Reserve|the Fed|Fed|FOMC|Federal Open Market Committee|U\.S\. central bank|"
            r"federal funds rate|fed funds rate|Powell|Bernanke|Yellen|Greenspan|"
            # "expectations of near-term U.S. interest rate cuts" in a story about the yen is the Fed's rate
            r"U\.S\.\s+(?:(?:near-term|short-term|benchmark)\s+)?interest[- ]rates?|"
            # "about 29 basis points of U.S. rate easing", "bets on U.S. rate cuts" in a story about another market
            r"U\.S\.\s+(?:interest[- ])?rate[- ](?:cuts?|hikes?|increases?|rises?|easing|reductions?))(?!\w)"),
    ("ECB", r"\b(European Central Bank|ECB|Lagarde|Draghi|Trichet)\b"),
    # "expectations of another UK interest rate increase were slashed": a country's rate move is its bank's, as the
    # U.S. ones above are the Fed's
    ("BoE", r"\b(Bank of England|BoE|BOE|(?:UK|U\.K\.|British)\s+(?:interest[- ]rates?|"
            r"(?:interest[- ])?rate[- ](?:cuts?|hikes?|increases?|rises?|reductions?)))(?!\w)"),
    ("BoJ", r"\b(Bank of Japan|BoJ|BOJ|Ueda|Kuroda|Japanese\s+(?:interest[- ]rates?|"
            r"(?:interest[- ])?rate[- ](?:cuts?|hikes?|increases?|rises?|reductions?)))(?!\w)"),
    ("BoC", r"\b(Bank of Canada|BoC)\b"),
    ("RBA", r"\b(Reserve Bank of Australia|RBA)\b"),
    ("SNB", r"\b(Swiss National Bank|SNB)\b"),
    ("PBoC", r"\b(People's Bank of China|PBOC|PBoC)\b"),
    ("RBI", r"\b(Reserve Bank of India|RBI)\b"),
]
# central banks with no policy history here, by their own names (the lexicon's list: alias -> name); after the
# ones above, so "Bank of England" is never read as another bank
_OTHER_BANKS = lexicon.labels("rates", "other_central_banks")
_BANK_NAMES += [(name, r"\b(" + lexicon.alternation((alias for alias, named in _OTHER_BANKS.items() if named == name),
                                                     flexible_spaces=True) + r")(?!\w)")
                for name in dict.fromkeys(_OTHER_BANKS.values())]
# wire copy breaks lines inside names ("Bank  of England")
BANKS = [(name, re.compile(pattern.replace(" ", r"\s+"))) for name, pattern in _BANK_NAMES]
# matches where one of them does
ANY_BANK_RE = led_by_first_chars(re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in BANKS)))
# a bank this module has no name for: "the Swiss central bank", "a Swedish rate rise"
OTHER_BANK_RE = re.compile(r"\b(" + lexicon.alternation(lexicon.words("rates", "other_bank_country_words"))
                           + r")\s+(?:\w+\s+){0,2}"
                           r"(?:central bank|rates?|policymakers|policy-makers|interest|rate-setters|monetary)\b")
_COUNTRY_BANKS = lexicon.labels("rates", "country_banks")
# "another rate hike in Japan", "rate cuts in the euro zone": the move of that country's bank
MOVE_IN_COUNTRY_RE = re.compile(
    r"\b(?:rates?|hikes?|cuts?|increases?|reductions?|easing|tightening)\s+in\s+(?P<country>"
    + lexicon.alternation(_COUNTRY_BANKS, flexible_spaces=True)
    + r")(?![\w.]|\.\w)", re.I)
# a story about another economy that names nothing American: its "central bank" is not the Fed
FOREIGN_ECONOMY_RE = re.compile(r"\b(" + lexicon.alternation(lexicon.words("rates", "foreign_economies")) + r")\b")
# "the Australian consumer", "Japanese exporters": another country by its adjective
FOREIGN_ADJECTIVE_RE = re.compile(r"\b(" + lexicon.alternation(lexicon.labels("rates", "country_adjective_banks"))
                                  + r")\b")
AMERICAN_RE = re.compile(r"(?<![\w.])(" + lexicon.alternation(lexicon.words("rates", "american_words")) + r")(?![\w])")
# banks this module does not name, as the subject of a rate verb
UNKNOWN_BANK_RE = re.compile(r"\b((?<!Reserve )Bank\s+of\s+(?!England|Japan|Canada)[A-Z]\w+|"
                             r"Reserve\s+Bank\s+of\s+(?!Australia|India)[A-Z]\w+|central\s+bank\s+of\s+[A-Z]\w+|(?:[A-Z]\w+'s|Swedish|Swiss|Norwegian|Danish|"
                             r"Polish|Hungarian|Czech|Turkish|Russian|Brazilian|Mexican|Korean|Taiwanese|Thai|"
                             r"Indonesian|Philippine|Malaysian|Chilean|Israeli)\s+[Cc]entral\s+[Bb]ank|Riksbank|"
                             r"Norges\s+Bank)\b")
BANK_REFERENCE_RE = re.compile(r"\b(central bank|policymakers|policy-makers|policy makers|rate-setters|the committee"
                               r"|the bank|interest rate futures|rate futures|projections|dot plot|pencill?ed in"
                               r"|(?:chance|odds|probability|likelihood) of)\b|\b(rate (?:cut|hike|increase)s?)\b",
                               re.I)
_LEVEL_FILLER = r"(?:(?:a|an|the|(?:ultra-?|very |super-?)?low|high|new|record|historic|just|about|around|roughly|" \
                r"range of)\s+){0,3}"
# "to 4.5 percent", "at a low 2 percent", "in a zero to 0.25 percent range", "reaching 3.75%-4.00%"
RATE_LEVEL_RE = re.compile(rf"\b(?:to|at|in a|in the|reaching|reach|reaches|of)\s+{_LEVEL_FILLER}"
                           r"(?:(?:zero|[\d.]+)\s*(?:%|percent)?\s*(?:-|to)\s*)?"
                           r"(?P<level>\d+(?:\.\d+)?)\s*(?:%|percent)", re.I)
ACTIONS = lexicon.labels("rates", "actions")
# verbs that carry the rate to a level: the direction comes from "down to"/"up to" or the level's context
LEVEL_VERBS = lexicon.words("rates", "level_verbs")
# verbs whose subject is the rate itself: "rates will stay at 2 percent", "would bottom out at 4.25 percent"
RATE_SUBJECT_VERBS = lexicon.labels("rates", "rate_subject_verbs")
NOUN_ACTIONS = lexicon.labels("rates", "noun_actions")
# the banks' own prime and mortgage rates are not policy rates
# China's loan prime rate is its policy benchmark, unlike a U.S. bank's prime rate
# and a rate named for something else is no policy rate ("higher FDIC assessment rates", "swap rates")
_OTHER_RATE_WORDS = sorted(lexicon.words("rates", "not_policy_rates"))
RATE_NOUN_RE = re.compile(r"(?<!prime )(?<!mortgage )(?<!lending )(?<!deposit )"
                          + "".join(rf"(?<!\b{re.escape(w)} )" for w in _OTHER_RATE_WORDS)
                          + r"\b(loan prime rates?|rates?|interest rates?|borrowing costs|federal funds|fed funds|"
                          r"benchmark|policy rate|key rate|discount rate|overnight rate|cash rate|deposit rate|"
                          r"target range)\b",
                          re.I)
# "kept its benchmark rate at a 17-year high of 4.50%": a level told as a high or low first
HOLD_WORDS_RE = re.compile(rf"\b(steady|unchanged|on hold|hold|pause|near zero|at {_LEVEL_FILLER}[\d.]+\s*(?:percent|%)"
                           r"|at (?:a|an|its) [\w-]+ (?:high|low) of [\d.]+\s*(?:percent|%)"
                           # "at 0 to 1/4 percent", "at almost zero"
                           r"|at (?:zero|[\d.]+) to [\d./-]+\s*(?:percent|%)|(?:almost|nearly|virtually|close to) zero"
                           r"|higher for longer|in a|in the|at the|at its|at rock-bottom|at record lows?"
                           # "will continue to leave interest rates where they are"
                           r"|where (?:they|it) (?:are|is|were|was|stands?|stood)\b)", re.I)
# "is in no rush to cut", "does not need to hurry to lower", 'are "not in a hurry" to lower': a hold, said as a view
# ("there is no need for the Fed to be in a hurry in cutting rates", "no reason for the central bank to rush into
# cutting": the bank the need is for may stand between)
NO_HURRY_RE = re.compile(r"\b(?:no|not|n't|never)\b(?:\s+(?:need|needs|needed|reason|necessary|to|in|a|be|any|"
                         r"particular|great|is|are|feel|feels|under|pressure|for(?:\s+(?:the|its|their|central))*"
                         r"\s+[\w.]+))*\s+(?:rush|hurry|hurried|rushed|rushing|hurrying)\s+(?:to\s+|in\s+|into\s+)?"
                         rf"(?:(?:{lexicon.alternation(lexicon.words('rates', 'restart_verbs'))})\s+)?$", re.I)
# a stance on the path of rates with no policy verb the event readers take: "there is no hurry", "no rate-cut rush",
# "can take its time", "firmly on hold", "keep rates exceptionally low for an extended period", "keep rates
# restrictive": a hold, said as a view (the corpus' convention)
_POLICY_STEP = lexicon.alternation({*ACTIONS, *lexicon.words("rates", "policy_steps")})
_NEAR_TERM_MOVES = lexicon.alternation(lexicon.words("rates", "near_term_move_verbs"))
_RESTART = lexicon.alternation(lexicon.words("rates", "restart_verbs"))
STANCE_HOLD_RE = re.compile(
    # no hurry at all, or none to make a policy move ('did not rush into stocks' is no stance on rates)
    # ("officials don't need to rush to move rates": a contracted 'not' has no word boundary before it)
    rf"(?:\b(?:no|not|never)\b|n't)(?:\s+\S+){{0,4}}?\s+(?:rush|hurry)\b(?!\s+(?:to|into)\s+(?!(?:{_POLICY_STEP})))"
    # "would not cut interest rates anytime soon", "will not resume rate cuts": a move denied for the near term
    rf"|(?:\b(?:not|never)|n't)\s+(?:\S+\s+){{0,2}}?(?:{_NEAR_TERM_MOVES})\s+(?:(?:interest\s+)?rates?\s+)?"
    r"(?:any ?time soon|soon)\b"
    rf"|(?:\b(?:not|never)|n't)\s+(?:{_RESTART})\s+(?:(?:interest[- ])?rate[- ])?(?:cuts|cutting|hikes|hiking|easing)\b"
    r"|\btake (?:its|their|his|her|our) time\b"
    # "any further rate cuts would have to wait", "ruled out rate cuts for the near future", "likely to pause its
    # rate-cutting cycle": moves put aside, a hold
    r"|\b(?:cuts?|hikes?|increases?|reductions?|easing|tightening)\s+(?:would|will|may|might|could|must|can)\s+"
    r"(?:have\s+to\s+)?wait\b"
    r"|\brul(?:e|es|ed|ing)\s+out\s+(?:any\s+|further\s+|more\s+)*(?:interest[- ])?(?:rate\s+)?"
    r"(?:cuts?|hikes?|increases?|reductions?)\b"
    r"|\bpaus(?:e|es|ed|ing)\s+(?:its|their|the)\s+(?:interest[- ])?(?:rate[- ])?(?:cutting|hiking|easing|"
    r"tightening)\s+(?:cycle|campaign)\b"
    r"|\bfirmly on hold\b|\b(?:remain|stay)s?\s+on hold\s+(?:for|until|till)\b"
    r"|\b(?:Fed|ECB|BoE|BoJ|bank|rates?|policy)\s+on hold\s+"
    r"(?:until|through|into)\s+(?:at least\s+)?\S+"
    r"|\brates?\s+(?:would\s+|will\s+|to\s+)?(?:stay|remain)s?\s+(?:low|steady|unchanged|on hold)\s+for\s+"
    r"(?:an?\s+|some\s+|quite\s+some\s+)?(?:\S+\s+)?(?:period|time|while|months|longer)\b"
    r"|\b(?:keep|keeping|kept|hold|holding)\s+(?:\S+\s+){0,3}?(?:rates?|it|them)\s+(?:\S+\s+)?(?:restrictive\b|"
    r"(?:low|steady|unchanged|on hold|near zero)\s+for\s+(?:an?\s+|some\s+|several\s+|quite\s+some\s+)?(?:\S+\s+)?"
    r"(?:period|time|while|months|longer)\b)", re.I)
NOT_POLICY_RATES = lexicon.words("rates", "not_policy_rates")
CUMULATIVE_RE = re.compile(r"\b(cumulative|in total|a total of|combined|in all|altogether)\b", re.I)
RUN_OF_MOVES_RE = re.compile(r"\b(since|over the past|in the past|so far this year|this year|in \w+ steps|"
                             r"\w+ times|over (?:its|the|their) (?:previous|past|last) \w+ meetings)\b", re.I)
# "has lowered rates by a full point over its previous three meetings": a run of moves to date, counted in meetings
# "five times since June", "11 times since March 2022": a run of moves counted (twice or more)
_COUNTS = [w for w, n in lexicon.numbers("numbers", "word_numbers").items() if n >= 2]
COUNTED_RUN_RE = re.compile(rf"\b(?:(?:{'|'.join(_COUNTS)}|\d+)\s+times|"
                            rf"{'|'.join(lexicon.phrases('rates', 'run_count_words'))})\b", re.I)
MEETINGS_RUN_RE = re.compile(r"\bover\s+(?:its|the|their)\s+(?:previous|past|last)\s+(?P<n>\w+)\s+(?:policy\s+)?"
                             r"meetings\b", re.I)
MEETING_SPACING_DAYS = 49  # the FOMC meets eight times a year: about seven weeks apart
# "preferring to hold borrowing costs steady", "urged the central bank to raise rates": a wish, not a claim
WANT_LEMMAS = lexicon.words("rates", "want_verbs")
NEED_VERBS = lexicon.words("rates", "need_verbs")
SUPPORT_VERBS = lexicon.words("rates", "support_verbs")
LOOK_FOR_VERBS = lexicon.words("rates", "look_for_verbs")
DECISION_NOUNS = lexicon.words("rates", "decision_nouns")
# "The decision by the Fed to lower rates led banks to cut the prime rate": the day's decision named again as
# the cause of something else, not a statement of it
CAUSE_VERBS = lexicon.words("rates", "cause_verbs")
MARKET_MOVE_LEMMAS = lexicon.words("rates", "market_move_verbs")
PRICING_NOUNS = lexicon.words("rates", "pricing_nouns")
PRICING_VERBS = lexicon.words("rates", "pricing_verbs")
PROJECTION_VERBS = lexicon.words("rates", "projection_verbs")
BANK_PATH_NOUNS = lexicon.words("rates", "bank_path_nouns")
# "more than an even chance of easing in June": odds above one half told in words
PRICED_ODDS_RE = re.compile(r"(?P<odds>\d+(?:\.\d+)?)\s*(?:%|percent)|\beven odds\b"
                            r"|\b(?:more|better) than (?:an )?even (?:chance|odds)\b", re.I)
SERIES_WORDS = lexicon.words("rates", "series_words")
# whose view an expectation is: economists forecast, markets expect (the corpus' convention)
FORECASTER_WORDS = lexicon.words("rates", "forecaster_words")
MARKET_WORDS = lexicon.words("rates", "market_words")
CLAUSE_DEPS = {"relcl", "acl", "appos", "advcl", "ccomp", "parataxis", "csubj"}
UP_DEPS = {"xcomp", "pcomp", "prep", "pobj", "dobj", "compound", "amod", "advcl", "acl", "nsubjpass", "nsubj"}

_YEAR = r"(?:19|20)\d\d"

CENTRAL_BANK_WORDS = lexicon.words("rates", "central_bank_words")
REST_OF_YEAR = lexicon.words("rates", "rest_of_year")
VIEW_VERBS = lexicon.words("rates", "view_verbs")
NOT_A_MOVE_PARTICLES = lexicon.words("rates", "not_a_move_particles")
ENDING_VERBS = lexicon.words("rates", "ending_verbs")
BANK_MOVE_NOUNS = lexicon.words("rates", "bank_move_nouns")
SIZED_MOVE_NOUNS = lexicon.words("rates", "sized_move_nouns")
VAGUE_MOVE_NOUNS = lexicon.words("rates", "vague_move_nouns")
RATE_HEADS = lexicon.words("rates", "rate_heads")
POLICY_OBJECTS = lexicon.words("rates", "policy_objects")
JUDGED_PACE_WORDS = lexicon.words("rates", "judged_pace_words")
POINT_WORDS = lexicon.words("rates", "point_words")
REACHING_VERBS = lexicon.words("rates", "reaching_verbs")
PLEDGE_NOUNS = lexicon.words("rates", "pledge_nouns")
STAYING_VERBS = lexicon.words("rates", "staying_verbs")
FUTURE_AUX = lexicon.words("rates", "future_aux")
BELOW_WORDS = lexicon.words("rates", "below_words")
PROSPECT_HEADS = lexicon.words("rates", "prospect_heads")
SHIFTED_PROSPECT_HEADS = lexicon.words("rates", "shifted_prospect_heads")
PROSPECT_SHIFTING_VERBS = lexicon.words("rates", "prospect_shifting_verbs")
CLAUSE_PROSPECT_HEADS = lexicon.words("rates", "clause_prospect_heads")
PROSPECT_LOWERING_VERBS = lexicon.words("rates", "prospect_lowering_verbs")
RAISED_ODDS_HEADS = lexicon.words("rates", "raised_odds_heads")
MEETING_CLAUSE_VERBS = lexicon.words("rates", "meeting_clause_verbs")
AWAITING_PREPOSITIONS = lexicon.words("rates", "awaiting_prepositions")
DIMMING_OBJECTS = lexicon.words("rates", "dimming_objects")
OPINION_AUX = lexicon.words("rates", "opinion_aux")
OFFICIAL_WORDS = lexicon.words("rates", "official_words")
DELAYING_VERBS = lexicon.words("rates", "delaying_verbs")
DASHING_VERBS = lexicon.words("rates", "dashing_verbs")
DENIED_VIEW_VERBS = lexicon.words("rates", "denied_view_verbs")
DEFINITE_DETERMINERS = lexicon.words("deals", "definite_determiners")
LIKENESS_WORDS = lexicon.words("rates", "likeness_words")
ODDS_MOVE_NOUNS = lexicon.labels("rates", "odds_move_nouns")
MEETING_WORD_RE = re.compile(r"\bmeetings?\b", re.I)
NO_CHANGE_NOUNS = lexicon.words("rates", "no_change_nouns")
PAUSE_NOUNS = lexicon.words("rates", "pause_nouns")
LIKELY_WORDS = lexicon.words("rates", "likely_words")
NEEDED_VERBS = lexicon.words("rates", "needed_verbs")
NEEDED_WORDS = lexicon.words("rates", "needed_words")
NOT_POLICY_MOVES = lexicon.words("rates", "not_policy_moves")
PAUSE_MODIFIERS = lexicon.words("rates", "pause_modifiers")
AGAIN_WORDS = lexicon.words("rates", "again_words")
# "with a further half-point cut", "with a half-point cut expected at next week's meeting": another decision
ANOTHER_DECISION_WORDS = lexicon.words("rates", "another_decision_words")
COUNTRY_POLICY_RATE_WORDS = lexicon.words("rates", "country_policy_rate_words")
PRONOUN_BANKS = lexicon.words("rates", "pronoun_banks")
PRONOUNS_FOR_A_BANK_NAMED_BEFORE = lexicon.words("rates", "pronouns_for_a_bank_named_before")
MOVER_SUBJECT_WORDS = lexicon.words("rates", "mover_subject_words")
PRESSURE_OBJECTS = lexicon.words("rates", "pressure_objects")
POLICY_RATE_NAMES = lexicon.words("rates", "policy_rate_names")
RATE_PHRASAL_MOVES = lexicon.labels("rates", "rate_phrasal_moves")
STANCE_VIEW_NOUNS = lexicon.words("rates", "stance_view_nouns")
HOLD_PHRASAL_VERBS = lexicon.words("rates", "hold_phrasal_verbs")
RELATIVE_PRONOUNS = lexicon.words("deals", "relative_pronouns")
QUESTION_WORDS = lexicon.words("rates", "question_words")
JUDGING_ADJECTIVES = lexicon.words("rates", "judging_adjectives")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
CONTRACT_WORDS = lexicon.words("rates", "contract_words")
REFUSING_VERBS = lexicon.words("rates", "refusing_verbs")
# "the country's central bank": the bank of the one country the sentence names, by name or adjective
COUNTRYS_BANK_RE = re.compile(r"\b(?:the\s+)?(?:country|nation)'s\s+central\s+bank\b", re.I)
_COUNTRY_WORD_BANKS = {**{c.removeprefix("the "): b for c, b in _COUNTRY_BANKS.items()},
                       **lexicon.labels("rates", "country_adjective_banks")}


def _bank(text: str) -> tuple[str, re.Match[str]] | None:
    """The bank named first, and its name's match (of two names at the same place, the one listed first)."""
    first = ANY_BANK_RE.search(text)  # one search for most sentences, which name no bank
    if first is None:
        return None
    # no bank's name starts before the combined pattern's first match: the banks named there are those whose
    # pattern matches at that place (the same match their own search would find)
    at = first.start()
    return next(((name, m) for name, pattern in BANKS if (m := pattern.match(text, at))), None)


# wire fractions of a point: "2-1/4 percentage points", "3/4 percentage point", "a 1/2-point cut"
FRACTION_POINT_RE = re.compile(r"(?<![\d/])(?:(?P<whole>\d+)[\s-])?(?P<num>\d)/(?P<den>[248])[\s-]"
                               r"(?:percentage[\s-])?points?\b", re.I)
# "three percentage points" (a number word before a plural: RATE_POINT_RE reads "a full point", "two-point")
WORD_POINTS_RE = re.compile(rf"\b(?P<word>{'|'.join(sorted(WORD_NUMBERS, key=len, reverse=True))})[\s-]"
                            r"percentage[\s-]points\b", re.I)
# "to 2-1/4 percent": a level with a wire fraction
FRACTION_LEVEL_RE = re.compile(r"\b(?:to|at)\s+(?P<whole>\d+)[\s-](?P<num>\d)/(?P<den>[248])\s*(?:%|percent)", re.I)


def _fill_in_the_size(told: list[tuple[Token, Claim]], event: Event, bp: float | None,
                      same: Callable[[Claim], bool]) -> None:
    """'lowered its benchmark rate to 1 percent with a half-point cut', 'brought its rate down to 1 percent, a
    half-point cut': one decision told by a verb with its level and by a noun with its size is one claim with both;
    the size fills in only where the verb's claim has none (a size of its own is never replaced)."""
    if bp is None or any(t.lower_ in ANOTHER_DECISION_WORDS for t in event.anchor.subtree):
        return  # a further or expected move beside a decision told: its size is that move's own
    for _, claim in told:
        if claim.action == event.action and claim.bp is None and "cumulative_bp" not in claim.stated and same(claim):
            claim.bp = bp
            return


def _the_same_decision(claim: Claim, key: tuple) -> bool:
    """A claim of the decision ``key`` (action, modality, session, horizon) names."""
    _, modality, session, horizon = key
    return claim.session == (session.isoformat() if session else None) and \
        ((claim.horizon.start, claim.horizon.end) if claim.horizon else None) == horizon and \
        claim.modality == ("opinion" if modality in ("opinion_hold", "opinion_view") else modality)


def _told_beside(noun: Token, claim: Claim, told: list[tuple[Token, Claim]]) -> bool:
    """A move noun set beside the verb that told ``claim``: in apposition to its object or figure ('..., a
    half-point cut') or in a 'with' phrase on it ('with a half-point reduction'), a few steps up the parse."""
    verb = next((t for t, c in told if c is claim), None)
    word = noun
    for _ in range(4):
        if word.dep_ not in ("appos", "pobj", "prep", "dobj") or word.head is word:
            return False
        word = word.head
        if verb is not None and word.i == verb.i:
            return noun.dep_ in ("appos", "pobj") and (noun.dep_ == "appos" or noun.head.lower_ == "with")
    return False


def _size_bp(text: str) -> float | None:
    if m := FRACTION_POINT_RE.search(text):
        return (int(m.group("whole") or 0) + int(m.group("num")) / int(m.group("den"))) * 100
    if m := WORD_POINTS_RE.search(text):
        return WORD_NUMBERS[m.group("word").lower()] * 100.0
    if m := BASIS_POINTS_RE.search(text):
        return parse_number(m.group("num") or m.group("word"))
    if m := RATE_POINT_RE.search(text):
        frac = m.group("frac").lower()
        value = 1.0 if frac in ("a full", "one") else parse_number(frac)
        return value * 100
    return None


# "to 4.75 percent from 5.25 percent": a decision's new level and the one it left
FROM_LEVEL_RE = re.compile(r"\bto\s+(?P<to>\d+(?:\.\d+)?)\s*(?:%|percent)\s+from\s+(?P<from>\d+(?:\.\d+)?)\s*"
                           r"(?:%|percent)(?!\s*-)", re.I)
ONE_DECISION_MAX_BP = 100  # more than a full point between the two levels is a run of moves ('to 5.25% from 1%')


def _size_from_two_levels(text: str, level: float | None, action: str) -> float | None:
    """'cut the discount rate to 5.75 percent from 6.25 percent': the size of one decision, read from the level it
    set and the one it left, in the direction of the move."""
    m = FROM_LEVEL_RE.search(text)
    if level is None or m is None or not math.isclose(float(m.group("to")), level) or action not in ("cut", "hike"):
        return None
    size = round((float(m.group("from")) - level) * 100, 2) * (1 if action == "cut" else -1)
    return size if 0 < size <= ONE_DECISION_MAX_BP else None


# ---- time -------------------------------------------------------------------------------------------------


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _quarter_range(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), _month_range(year, first + 2)[1]


def _ahead_month(month: int, published: date) -> int:
    """The year of the next such month: "a March cut" in a February story is this March, in April next March."""
    return published.year if month >= published.month else published.year + 1


def _period(text: str, published: date) -> tuple[date, date] | None:
    """The span a time word names, looking ahead: '2010', 'June', 'mid-2025', 'next quarter', 'year-end'."""
    text = text.lower().strip()
    text = re.sub(r"^the rest of (?=(?:19|20)\d\d)", "", text)
    if m := re.fullmatch(rf"(?:the )?(?:end[- ](?:of )?|mid-?|late |early )?(?:the )?({_YEAR})", text):
        year = int(m.group(1))
        if text.startswith(("mid", "the mid")):
            return date(year, 1, 1), date(year, 6, 30)
        if "end" in text:
            return date(year, 12, 31), date(year, 12, 31)
        return date(year, 1, 1), date(year, 12, 31)
    if m := re.fullmatch(rf"(?:the )?(?:end[- ](?:of )?|mid-?|late |early )?(?:the )?({LONG_MONTHS_ALT})", text):
        month = MONTHS[m.group(1)]
        return _month_range(_ahead_month(month, published), month)
    if m := re.fullmatch(rf"(?:the )?(first|second|third|fourth) quarter(?: of ({_YEAR}))?", text):
        quarter = int(ORDINALS[m.group(1)])
        year = published.year if quarter >= (published.month - 1) // 3 + 1 else published.year + 1
        return _quarter_range(int(m.group(2)) if m.group(2) else year, quarter)
    if re.fullmatch(r"the end of (?:the |this )?month", text):  # "a cut by the end of the month"
        return published, _month_range(published.year, published.month)[1]
    if text in ("next quarter", "the next quarter"):
        quarter = (published.month - 1) // 3 + 2
        return _quarter_range(published.year + (quarter > 4), (quarter - 1) % 4 + 1)
    if text in ("this quarter", "the quarter"):
        return _quarter_range(published.year, (published.month - 1) // 3 + 1)
    if text in ("next year", "the next year"):
        return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)
    if text in REST_OF_YEAR:
        return published, date(published.year, 12, 31)
    return None


_PERIOD_WORDS = (rf"(?:the )?(?:end[- ](?:of )?(?:the )?|mid-?|late |early |rest of )?(?:{_YEAR}|{LONG_MONTHS_ALT})"
                 rf"|(?:the )?(?:first|second|third|fourth) quarter(?: of {_YEAR})?|next quarter|this quarter|next year"
                 r"|year[- ]end|end-year|the end of (?:the |this )?year|the rest of (?:the |this )?year"
                 r"|the end of (?:the |this )?month")
# "until well into 2010", "until September", "by end-June", "by mid-2025", "in 2010", "in the second quarter"
PERIOD_PHRASE_RE = re.compile(rf"\b(?P<prep>until|till|by|in|during|before|at|into|for|as early as)\s+"
                              r"(?:well\s+|at\s+least\s+)?(?:into\s+)?"
                              rf"(?:its\s+|the\s+)?(?P<what>{_PERIOD_WORDS})(?:\s+meeting)?\b(?!\s+\d)", re.I)
NAMED_MOVE_RE = re.compile(rf"\b(?:a|an|the)\s+(?P<what>{LONG_MONTHS_ALT})\s+(?:rate\s+|policy\s+)?"
                           r"(?:cut|hike|increase|move|meeting|reduction)\b", re.I)
MEETING_DAY_RE = re.compile(r"\bmeeting\s+(?:ending\s+|that ends\s+)?(?:on|next)\s+"
                            r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                            r"|(?P<date>\w+\.? \d{1,2}))\b", re.I)
# the vaguer spans, used when no month, quarter or year is named
HORIZONS = re.compile(
    r"\b(later (?:this|in the) year|by (?:the )?end of (?:the )?year|by year[- ]end|this year|next year|next week|"
    r"next month|this month|this week|in the coming months|"
    r"(?:at (?:its|their|the) )?next (?:(?:monetary )?policy |rate-setting |policy-setting )?meeting)\b", re.I)


def horizon_for(text: str, published: date, action: str | None = None, weekdays: bool = False) -> DateRange | None:
    """When an expected or forecast move is to happen, from the time words of its clause (a weekday only where
    ``weekdays``: in the move's own words, not those of a verb above it, 'raised hopes of a cut on Thursday').

    'until' reads two ways: a hold "until 2010" lasts to the end of 2010; "wait until 2011 before hiking" puts
    the hike in 2011.
    """
    found: list[tuple[int, tuple[date, date]]] = []
    for m in PERIOD_PHRASE_RE.finditer(text):
        span = _period(m.group("what"), published)
        if span is None:
            continue
        prep = m.group("prep").lower()
        if prep in ("by", "until", "till", "into", "for") and not (prep in ("until", "till") and action != "hold"):
            span = (published, span[1])  # "by end-June": at any time until then
        found.append((m.start(), span))
    if m := NAMED_MOVE_RE.search(text):
        month = MONTHS[m.group("what").lower()]
        found.append((m.start(), _month_range(_ahead_month(month, published), month)))
    found += _days_ahead(text, published, weekdays)
    if not found and (m := HORIZONS.search(text)):
        found.append((m.start(), _relative_horizon(m.group(0).lower(), published)))
    if not found:
        return None
    start, end = min(found)[1]
    start = max(start, published) if end >= published else start
    return DateRange(start.isoformat(), end.isoformat())


def _days_ahead(text: str, published: date, weekdays: bool) -> list[tuple[int, tuple[date, date]]]:
    """The meeting day, weekday (where ``weekdays``) and date of a move to come, each with where it is said."""
    found: list[tuple[int, tuple[date, date]]] = []
    if m := MEETING_DAY_RE.search(text):
        day = _meeting_day(m, published)
        if day is not None:
            found.append((m.start(), (day, day)))
    elif weekdays and (weekday := _weekday_ahead(text, published)):  # "expected to cut rates on Thursday"
        found.append(weekday)
    for m in DATE_RE.finditer(text):  # "on December 11", "at the October 30-31 meeting"; a past date is the report's
        day = _date_ahead(m, published)
        if day is not None and day >= published and not re.search(r"\b(since|from)\s+$", text[:m.start()], re.I):
            end = re.match(r"\s*-\s*(\d{1,2})\b", text[m.end():])
            last = day.replace(day=int(end.group(1))) if end and int(end.group(1)) > day.day else day
            found.append((m.start(), (day, last)))
            break
    return found


def _date_ahead(m: re.Match[str], published: date) -> date | None:
    """A date of a move to come: with no year written, this year's ('at the December 11 meeting' in a December 1
    story, which a past mention would put in the year before)."""
    day = resolve_date_mention(m, published)
    if day is None or day >= published or m.group("year") or m.group("year2"):
        return day
    try:
        return day.replace(year=published.year)
    except ValueError:  # February 29
        return day


def _weekday_ahead(text: str, published: date) -> tuple[int, tuple[date, date]] | None:
    """The day a weekday names in the time of a move to come: the first such day on or after publication ('is
    expected to lower rates on Thursday', in a Monday story: that Thursday); not one after 'since', 'last' and the
    like, which look back."""
    for m in WEEKDAY_RE.finditer(text):
        if re.search(r"\b(since|until|till|before|after|from|last|next)\s+$", text[:m.start()], re.I):
            continue
        day = published + timedelta(days=(WEEKDAYS[m.group(1).lower()] - published.weekday()) % 7)
        return m.start(), (day, day)
    return None


def _meeting_day(m: re.Match[str], published: date) -> date | None:
    """A meeting is ahead of the story: "its meeting on Tuesday" in a Sunday piece is two days later."""
    if m.group("weekday"):
        ahead = (WEEKDAYS[m.group("weekday").lower().removesuffix("'s")] - published.weekday()) % 7
        return published + timedelta(days=ahead)
    dm = DATE_RE.search(m.group("date"))
    if dm is None:
        return None
    day = resolve_date_mention(dm, published)
    if day is not None and day < published:
        day = day.replace(year=day.year + 1)
    return day


def _relative_horizon(phrase: str, published: date) -> tuple[date, date]:
    if "next year" in phrase:
        return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31)
    if "week" in phrase:
        # a weekend story's "this week" is the week ahead
        start = published + timedelta(days=7 - published.weekday()) if (
            "next" in phrase or published.weekday() >= 5) else published
        return start, start + timedelta(days=6 - start.weekday())
    if "next month" in phrase:
        first = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
        return _month_range(first.year, first.month)
    if "this month" in phrase:
        return published, _month_range(published.year, published.month)[1]
    if "coming months" in phrase:
        return published, published + timedelta(days=182)
    if re.search(r"\bnext\b.*\bmeeting$", phrase):
        return published, published + timedelta(days=60)
    return published, date(published.year, 12, 31)


PAST_PERIOD_RE = re.compile(
    rf"\b(?:(?P<end_of_last>(?:at\s+)?(?:the\s+)?end\s+of\s+last\s+year|late\s+last\s+year)|"
    rf"(?P<last>last month|last year|last week)|(?:between|in)\s+(?P<from>{LONG_MONTHS_ALT})\s+and\s+"
    rf"(?P<to>{LONG_MONTHS_ALT})|last\s+(?P<last_month>{LONG_MONTHS_ALT})\b"
    # "in September", "at its July meeting", "at the December meeting"
    rf"|(?:in|(?:during|at)\s+(?:its|the|their))\s+(?:early\s+|mid-?|late\s+)?(?P<month>{LONG_MONTHS_ALT})(?!\s+\d)"
    rf"|during\s+(?:early\s+|mid-?|late\s+)?(?P<during_month>{LONG_MONTHS_ALT})(?!\s+\d)"
    rf"(?:\s+(?P<year>{_YEAR}))?"
    rf"|(?:in|during)\s+(?P<only_year>{_YEAR})"
    r")\b", re.I)


LAST_MEETING_RE = re.compile(r"\b(?:last|latest|most recent|previous|prior)\s+(?:(?:monetary\s+)?policy\s+|"
                             r"rate-setting\s+|policy-setting\s+)?meeting\b", re.I)


def past_period(text: str, published: date) -> DateRange | None:
    """The span of a decision dated only by month: "last month", "in September", "between September and December"."""
    m = PAST_PERIOD_RE.search(text)
    if m is None:
        return None

    def back(month: int, before: date) -> int:
        return before.year if month <= before.month else before.year - 1

    if m.group("end_of_last"):  # "at the end of last year": its last two months
        return DateRange(date(published.year - 1, 11, 1).isoformat(), date(published.year - 1, 12, 31).isoformat())
    if m.group("last"):
        if "week" in m.group("last").lower():
            # a weekend story's "last week" is the week just ended (its "this week" is the week ahead)
            monday = published - timedelta(days=published.weekday() + (0 if published.weekday() >= 5 else 7))
            return DateRange(monday.isoformat(), (monday + timedelta(days=6)).isoformat())
        if "year" in m.group("last").lower():
            return DateRange(date(published.year - 1, 1, 1).isoformat(), date(published.year - 1, 12, 31).isoformat())
        end = published.replace(day=1) - timedelta(days=1)
        return DateRange(end.replace(day=1).isoformat(), end.isoformat())
    if m.group("last_month"):
        month = MONTHS[m.group("last_month").lower()]
        start, end = _month_range(published.year if month < published.month else published.year - 1, month)
        return DateRange(start.isoformat(), end.isoformat())
    if m.group("from"):
        last, first = MONTHS[m.group("to").lower()], MONTHS[m.group("from").lower()]
        end_year = back(last, published)
        start_year = end_year if first <= last else end_year - 1
        return DateRange(date(start_year, first, 1).isoformat(), _month_range(end_year, last)[1].isoformat())
    if m.group("month") or m.group("during_month"):
        month = MONTHS[(m.group("month") or m.group("during_month")).lower()]
        year = int(m.group("year")) if m.group("year") else back(month, published)
        start, end = _month_range(year, month)
        return DateRange(start.isoformat(), end.isoformat())
    year = int(m.group("only_year"))
    if year > published.year:
        return None
    return DateRange(date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat())


def _decision_day(text: str, published: date) -> date | None:
    for m in WEEKDAY_RE.finditer(text):
        if not re.search(r"\b(since|until|before)\s+(?:\w+\s+){0,2}$", text[:m.start()], re.I):
            return weekday_on_or_before(published, WEEKDAYS[m.group(1).lower()])
    for m in DATE_RE.finditer(text):
        if not re.search(r"\b(since|until|before)\s+(?:\w+\s+){0,2}$", text[:m.start()], re.I):
            return resolve_date_mention(m, published)
    if re.search(r"\b(today|on the day)\b", text, re.I):
        return published
    return None


# ---- the parse around an event ----------------------------------------------------------------------------


def _inside(tok: Token, segment: Span) -> bool:
    return segment.start <= tok.i < segment.end


def _text(tokens: list[Token]) -> str:
    """The tokens' text as written ("half-point" stays one word), with a space where tokens were left out."""
    parts: list[str] = []
    previous = None
    for tok in sorted(set(tokens), key=lambda t: t.i):
        if previous is not None:
            parts.append(previous.whitespace_ if tok.i == previous.i + 1 else " ")
        parts.append(tok.text)
        previous = tok
    return "".join(parts)


def _own_tokens(anchor: Token, segment: Span, stop: set[int]) -> list[Token]:
    """The anchor's phrase without the clauses hung on it and without other events' phrases."""
    out, todo = [anchor], [anchor]
    while todo:
        node = todo.pop()
        for child in node.children:
            if not _inside(child, segment) or child.i in stop or child.dep_ in CLAUSE_DEPS:
                continue
            if child.dep_ in ("conj", "cc") and node.pos_ in ("VERB", "AUX"):
                continue  # "held rates steady and signalled ...": the next clause
            if child.dep_ == "mark" and node.i == anchor.i:
                continue  # "since the Fed cut rates on September 18": 'since' joins the clause, dates no run of moves
            out.append(child)
            todo.append(child)
    return out


def _time_tokens(anchor: Token, segment: Span, stop: set[int]) -> list[Token]:
    """Where the time of an event is said: its own phrase and those of the words it hangs from ("will wait until
    2011 before hiking rates", "followed a half-point cut last month"), up to a verb of saying."""
    tokens = list(_own_tokens(anchor, segment, stop))
    if anchor.dep_ == "relcl" and any(c.lower_ == "when" for c in anchor.children):
        # "was in December, when it cut the benchmark rate to almost zero": the time the clause hangs from
        tokens += [t for t in (anchor.head.head, anchor.head) if _inside(t, segment) and t.i not in stop]
    node = anchor
    for _ in range(4):
        if node.dep_ not in UP_DEPS or node.head.i == node.i or not _inside(node.head, segment):
            break
        head = node.head
        if head.lemma_.lower() in SAY_LEMMAS or head.i in stop:
            break
        tokens.append(head)
        for child in head.children:
            if child.i != node.i and _inside(child, segment) and child.i not in stop and child.dep_ in (
                    "prep", "npadvmod", "advmod", "tmod", "obl", "agent"):
                tokens.extend(t for t in _own_tokens(child, segment, stop) if t.i not in stop)
        node = head
    return tokens


def _antecedent(subjects: list[Token], node: Token) -> list[Token]:
    """'The ECB, which also left rates unchanged on Thursday, said ...': a relative pronoun as the subject stands for
    the noun its clause hangs on (the clause's verb, or one above it within the clause: 'which many expect to cut')."""
    if not subjects or not all(s.lower_ in RELATIVE_PRONOUNS and s.tag_ in ("WDT", "WP") for s in subjects):
        return subjects
    clause = next((a for a in [node, *list(node.ancestors)[:2]] if a.dep_ == "relcl"), None)
    return [clause.head] if clause is not None and clause.head.pos_ in ("NOUN", "PROPN") else subjects


def _in_a_relative_clause(verb: Token) -> bool:
    """A move verb whose subject is a relative pronoun: a decision told as an aside on the bank ('The ECB, which
    also left rates unchanged, said ...')."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return verb.dep_ == "relcl" and _antecedent(subjects, verb) != subjects


def _actor_is_a_bank(verb: Token) -> bool:
    """The subject of a rate verb, when it has one, must be a central bank (or stand for one)."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if not subjects and node.dep_ == "xcomp":
            # "The recession forced Britain's central bank to cut borrowing costs": the object does the cutting
            subjects = [c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i]
        if subjects:
            # "U.S. interest rate futures eased": the contracts moved, no bank
            return not any(s.lower_ in CONTRACT_WORDS for s in subjects) and _subjects_stand_for_a_bank(
                _antecedent(subjects, node), verb)
        if _granted_to_a_bank(node, verb):
            return True
        if node.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acl", "relcl", "pcomp", "prep") and \
                node.head.i != node.i:
            node = node.head
            continue
        return True
    return True


def _granted_to_a_bank(node: Token, verb: Token) -> bool:
    """'a low jobless rate will give the Fed cover to hold off cutting': an infinitive hung on the verb that grants the
    room, whose object names the bank, whatever the granting verb's subject; so too 'called on the Fed to cut rates'
    (the bank the object of the verb's 'on')."""
    if node.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return False
    granted = [c for c in node.head.children if c.dep_ in ("dobj", "dative") and c.i < node.i] + [
        g for c in node.head.children if c.dep_ == "prep" and c.lower_ == "on" and c.i < node.i
        for g in c.children if g.dep_ == "pobj"]
    return bool(granted) and _subjects_stand_for_a_bank(granted, verb)


def _subjects_stand_for_a_bank(subjects: list[Token], verb: Token) -> bool:
    """Whether the subjects of a rate verb are (or stand for) a central bank."""
    # as written ("People's Bank of China", not "People 's Bank")
    # as written ("People's Bank of China", not "People 's Bank")
    subject_text = " ".join(s.doc[s.left_edge.i:s.right_edge.i + 1].text for s in subjects)
    if UNKNOWN_BANK_RE.search(subject_text) and _bank(subject_text) is None:
        return False  # "The Bank of Tonga lowered its base rate": a bank we have no name for
    if any(s.lemma_.lower() in DECISION_NOUNS and not any(
            c.dep_ in ("prep", "agent") for c in s.children) for s in subjects):
        return True  # "its decision leaves the rate at 2.5 percent": the bank's, named before
    if all(s.pos_ == "PRON" for s in subjects) and all(_a_bank_as_subject(s) for s in subjects):
        return True  # "ECB's Lagarde: ... we expect to reduce rates further"
    if any(_country_bank(s) for s in subjects) and _a_countrys_policy_rate(verb):
        return True  # "Japan in January raised its short-term policy rate": its central bank
    words = {t.lower_ for s in subjects for t in s.subtree} | {subject_text.lower()}  # "Policy-makers" is 3 tokens
    return bool(words & CENTRAL_BANK_WORDS) or _bank(" ".join(t.text for s in subjects for t in s.subtree)) is not None


def _a_countrys_policy_rate(verb: Token) -> bool:
    """'its short-term policy rate', 'its key rate', 'interest rates'; not 'its benchmark lending rates' (a country's
    rates with no bank named: its lenders' benchmark)."""
    return any(c.dep_ == "dobj" and {t.lower_ for t in c.subtree} & COUNTRY_POLICY_RATE_WORDS for c in verb.children)


_BANK_OF_COUNTRY = {" ".join(c.lower().split()): b for c, b in _COUNTRY_BANKS.items()}


def _country_bank(subject: Token) -> str | None:
    """The central bank of a country named as the whole subject of a rate verb ('Japan', 'Canada', 'the euro zone')."""
    words = subject.doc[subject.left_edge.i:subject.right_edge.i + 1].text
    return _BANK_OF_COUNTRY.get(" ".join(words.lower().split())) if subject.pos_ == "PROPN" or subject.lower_ in (
        "zone", "area", "eurozone") else None


def _country_subject_bank(anchor: Token) -> str | None:
    """'Japan raised its policy rate', 'Canada lowered its key rate by 25 basis points': the bank of the country
    that is the subject of a policy verb."""
    if anchor.pos_ not in ("VERB", "AUX") or not _a_countrys_policy_rate(anchor):
        return None
    return next((b for s in _subjects_up(anchor) if (b := _country_bank(s))), None)


def _negated(verb: Token) -> bool:
    """'did not cut', 'has no inclination to cut', 'showed little inclination to lower them'."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return head.i != verb.i and head.pos_ == "NOUN" and any(c.lower_ in ("no", "little") for c in head.children)


def _not_until(verb: Token) -> bool:
    """'the Fed will not cut interest rates until September', 'would not be raising rates before 2026': the move put
    off to a time, which states when it is expected (the corpus' convention), not that there is none."""
    if not any(c.dep_ == "neg" for c in verb.children) or verb.tag_ in ("VBD", "VBN") or any(
            c.dep_ == "aux" and c.lower_ in ("did", "had", "was", "were") for c in verb.children):
        return False  # "did not cut rates until December": a past delay, no expectation
    return any(c.dep_ == "prep" and c.lower_ in ("until", "till", "before") and any(
        g.dep_ == "pobj" and (g.lower_ in MONTHS or g.like_num or g.lower_ in ("half", "quarter", "year", "end"))
        for g in c.children) for c in verb.children)


def _put_off_by(verb: Token) -> Token | None:
    """'gave the Fed cover to hold off cutting interest rates until June', 'will delay raising rates until 2026': the
    verb that puts the move off, when the move hangs from one (directly or by 'on')."""
    if verb.dep_ not in ("xcomp", "pcomp", "dobj", "ccomp"):
        return None
    node = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    if node.i == verb.i or node.pos_ not in ("VERB", "AUX"):
        return None
    lemma = node.lemma_.lower()
    phrasal = {f"{lemma} {c.lower_}" for c in node.children if c.dep_ == "prt"}
    return node if lemma in DELAYING_VERBS or phrasal & DELAYING_VERBS else None


def _hope_given_up(tok: Token) -> bool:
    """'all but dashing hopes for a rate cut this year', 'inflation data faded hopes for rate cuts', 'hopes of a cut
    faded': an expectation the story says is gone, which states no move."""
    for node in list(tok.ancestors)[:5]:
        if node.lemma_.lower() in HOPE_NOUNS and node.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return node.head.lemma_.lower() in DASHING_VERBS
    return False


def _expectation_denied(tok: Token) -> bool:
    """'markets do not sense that the Fed is likely to raise rates', 'dealers do not believe the Fed will cut': a view
    denied states no move. 'do not expect any hikes until 2011' puts the move off instead (a forecast for then)."""
    for node in list(tok.ancestors)[:5]:
        if node.pos_ == "VERB" and node.lemma_.lower() in DENIED_VIEW_VERBS and any(
                c.dep_ == "neg" for c in node.children):
            return not any(t.lower_ in ("until", "till", "before") for t in node.subtree)
    return False


def _denied_from_above(move: Token, segment: Span) -> bool:
    """'did not signal a rate cut this year', 'offered no hint of a hike in June', 'saw no need for a cut', 'did not
    rule out a cut in March': an indefinite move under a denial states none. A definite one ('did not react to the
    cut') is presupposed; a view denied ('do not see a cut': a hold expected) and a move put off ('will not cut until
    June') are read before this."""
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in move.children):
        return False
    node = move
    for _ in range(4):
        head = node.head
        if head.i == node.i or not _inside(head, segment):
            return False
        if head.pos_ in ("VERB", "AUX"):
            # the nearest verb decides; 'balked at an interest rate increase': a move refused
            return (_negated(head) and not _not_until(head)) or head.lemma_.lower() in REFUSING_VERBS
        if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "amod") and c.lower_ in ("no", "little")
                                                  for c in head.children):
            return True  # "no sign of a cut", "little need for further hikes"
        node = head
    return False


def _likened(noun: Token) -> bool:
    """'equivalent to a 75 basis point cut in the funds rate', 'acts like a rate hike': a measure likened to a move."""
    head = noun.head
    return noun.dep_ == "pobj" and (head.lower_ in LIKENESS_WORDS or (
        head.lower_ in ("to", "with") and head.head.lower_ in LIKENESS_WORDS))


def _stated_by_a_figure(size: float | None, level: float | None, noun: Token) -> bool:
    """A move noun with a size, or priced with its level ("a rate cut to 2.5% is fully priced in"), is stated as
    firmly as one with a time."""
    return size is not None or (level is not None and _priced_in(noun))


def _stay_on_hold(tok: Token, segment: Span, own: list[Token]) -> tuple[str | None, list[Token]]:
    """The action of a move noun and its words; "expectations for the Fed's rate cuts to stay on hold in March" hold."""
    after = segment.doc[tok.i + 1:min(segment.end, tok.i + 6)]
    if not re.match(r"(?:to\s+)?(?:stay|remain|be)\s+on\s+hold\b", after.text, re.I):
        return _noun_action(tok), own
    stay = next(t for t in after if t.lemma_.lower() in STAYING_VERBS)
    return "hold", own + [t for t in stay.subtree if t.i != tok.i]


def _no_move_expected(tok: Token) -> bool:
    """'is unlikely to cut', 'dimming hopes for an interest-rate cut any time soon', 'markets do not sense that the Fed
    is likely to raise rates': the move is expected not to come, a hold expected (the corpus' convention)."""
    return (tok.dep_ == "xcomp" and tok.head.lower_ == "unlikely") or _hope_given_up(tok) or _expectation_denied(tok)


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0
    while token.i != ancestor.i and token.head.i != token.i and depth < 10:
        token = token.head
        depth += 1
    return depth if token.i == ancestor.i else 99


def _governor(anchor: Token, segment: Span) -> Token | None:
    """The verb whose view the event is: "economists said", "the median forecast was that", "traders bet".

    The nearest one that names a forecaster or a market wins over a plain "is likely to"."""
    node, found = anchor, []
    for _ in range(6):
        if node.head.i == node.i or not _inside(node.head, segment):
            break
        node = node.head
        lemma = node.lemma_.lower()
        viewing = lemma in EXPECT_LEMMAS or lemma in SAY_LEMMAS or lemma in VIEW_VERBS
        if node.pos_ in ("VERB", "AUX") and viewing and (
                lemma in EXPECT_LEMMAS or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)):
            found.append(node)
    for verb in found:
        if _source_words(verb) & (FORECASTER_WORDS | MARKET_WORDS):
            return verb
    return found[0] if found else None


def _source_words(governor: Token) -> set[str]:
    # names are left out: the "Market" of "Federal Open Market Committee" is nobody's view
    words = {t.lower_ for c in governor.children if c.dep_ in ("nsubj", "nsubjpass", "agent")
             for t in c.subtree if not (t.dep_ == "compound" and t.head.pos_ == "PROPN")}
    if governor.dep_ == "acl":  # "a majority of forecasters, 67 of 101, expected ..."
        inside = {t.i for t in governor.subtree}
        words |= {t.lower_ for t in governor.head.subtree if t.i not in inside}
    return words


def _modal_above(anchor: Token, segment: Span) -> str | None:
    """A 'will' on a verb the event hangs from by a preposition: "will wait until 2011 before hiking"."""
    node = anchor
    for _ in range(3):
        if node.dep_ not in ("pcomp", "prep", "pobj", "compound", "xcomp", "dep", "acomp") or \
                not _inside(node.head, segment):
            return None
        node = node.head
        if any(c.dep_ == "aux" and c.lower_ in FORECAST_AUX for c in node.children):
            return "forecast"
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX - {"would"} for c in node.children):
            return "hypothetical"
    return None


def _past_expectation(anchor: Token, segment: Span) -> bool:
    """'had expected the Fed to lower', 'who previously expected a March cut': a view the story has moved past."""
    node = anchor
    for _ in range(4):
        if node.dep_ not in ("dobj", "ccomp", "xcomp", "pobj", "prep", "compound", "pcomp") or \
                not _inside(node.head, segment):
            return False
        node = node.head
        if node.lemma_.lower() in EXPECT_LEMMAS | {"bet"}:
            return any(c.lower_ == "previously" for c in node.children) or (
                any(c.lower_ == "had" and c.dep_ == "aux" for c in node.children) and node.tag_ == "VBN"
                and not any(c.lemma_ == "begin" for c in node.ancestors))
    return False


def _a_possibility(noun: Token, ancestor_lemmas: list[str]) -> bool:
    """A move noun in a scenario ('fears of rate increases') or under discussion ('weighing a cut')."""
    return open_possibility(noun) or any(h in SCENARIO_NOUNS for h in ancestor_lemmas)


def _an_expected_move(noun: Token) -> bool:
    """'scaled back expected rate cuts', 'anticipated hikes': a bare move noun its own participle makes an
    expectation. Not 'the smaller-than-expected rate cut' (the participle hangs off 'than') nor 'the Fed's widely
    expected half-point cut on Tuesday', a decision named with its article or owner."""
    if any(c.dep_ == "poss" or c.dep_ == "det" and not _awaited(noun, c) for c in noun.children):
        return False
    # the participle may hang on the compound ("an expected rate cut" parsed as "expected rate" + "cut")
    words = [*noun.children, *(g for c in noun.children if c.dep_ == "compound" for g in c.children)]
    return any(c.dep_ == "amod" and c.tag_ == "VBN" and c.lemma_.lower() in EXPECT_LEMMAS for c in words)


def _awaited(noun: Token, det: Token | None = None) -> bool:
    """'ahead of an expected rate cut by the central bank': a move noun waited for, after 'ahead of', 'before' or
    'amid', with an indefinite article if any (not 'after an expected cut' nor 'delivered an expected cut': a decision
    taken)."""
    if det is not None and det.lower_ not in ("a", "an") or noun.dep_ != "pobj":
        return False
    prep = noun.head
    word = prep.head if prep.lower_ == "of" and prep.head.i != prep.i else prep
    return word.lower_ in AWAITING_PREPOSITIONS


def _looked_for(verb: Token, segment: Span) -> bool:
    """'economists now look for the Fed to raise rates', 'analysts are counting on the Fed to cut': a verb of
    looking for or counting on governs the move."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("advcl", "xcomp", "ccomp", "pcomp", "pobj") or not _inside(node.head, segment):
            return False
        node = node.head
        if node.lemma_.lower() in LOOK_FOR_VERBS and any(
                c.dep_ in ("mark", "prep") and c.lower_ in ("for", "on") for c in (*node.children, *verb.children)):
            return True
    return False


def _month_of_the_move(noun: Token) -> str:
    """' in September' for a move noun a month name is hung on ("September's half-point reduction", "the Fed's
    December quarter-point reduction"); the month only there, not anywhere in the clause (a view of 'the Fed's March
    meeting' is no decision of March)."""
    month = next((c for c in noun.children if c.dep_ in ("poss", "nmod", "compound") and c.lower_ in MONTHS
                  and len(c) > 3), None)
    return f" in {month.text}" if month is not None else ""


def _past_owner(noun: Token) -> str:
    """'last week' of "last week's BoE rate cut could help confidence", 'Thursday' of "Thursday's cut": a move noun
    owned by a past time is a decision taken then, whatever the verb above it says of its effects."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    words = " ".join(t.text for t in owner.subtree if t.dep_ != "case") if owner is not None else ""
    return f" {words}" if words and (PAST_PERIOD_RE.fullmatch(words) or WEEKDAY_RE.fullmatch(words)) else ""


def _a_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'\u201d\u2019").endswith("?")


def _framing(anchor: Token, segment: Span) -> str | None:
    """What the words around a policy move make of it before anything else: a wish ('urged the Fed to cut', 'the
    Fed needs to cut rates, Schumer said': an opinion) or a possibility ('stands ready to cut', 'has room to cut',
    'officials are weighing a cut': hypothetical). Rate moves only: a price move's frame is modality_of's."""
    if _told_after_a_prospect(anchor, segment):
        return "expected"
    if any(_a_wish(a) and _inside(a, segment) for a in list(anchor.ancestors)[:3]) or _judged(anchor, segment):
        return "opinion"
    return "hypothetical" if open_possibility(anchor) or _an_open_question(anchor) else None


def _told_after_a_prospect(anchor: Token, segment: Span) -> bool:
    """'leaving intact expectations the Fed would cut rates next week', 'raising expectations the Fed would need to
    cut': a move whose clause comes right after an expectation or a view (the parse hanging the clause elsewhere) is
    the market's expectation, as the clause of the noun is; not one the news dims ('dampened expectations that ...')."""
    top = anchor
    while top.dep_ == "xcomp" and top.head.i != top.i and _inside(top.head, segment):
        top = top.head  # "would need to cut": the clause starts at 'need''s subject
        if _negated(top):
            return False  # "the view that the ECB may not need to raise rates again": no hike expected
    # the clause starts at its subject ("leaving intact expectations the Fed would cut": the parse may hang the
    # 'leaving' phrase under 'cut', so the verb's own left edge lies before the noun)
    subject = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < top.i), None)
    if subject is None:
        return False  # "the view that slashing rates to zero was not appropriate": a gerund, no one's move to come
    j = subject.left_edge.i - 1
    if j >= segment.start and segment.doc[j].lower_ == "that":
        j -= 1
    if j < segment.start:
        return False
    noun = segment.doc[j]
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in CLAUSE_PROSPECT_HEADS and _prospect_held(noun)


def _nonfinite_chain(anchor: Token, segment: Span, limit: int = 5) -> list[Token]:
    """The anchor and the verbs and prepositions above it up to (and with) the first finite verb: the infinitives and
    gerunds the move hangs from ('for the Fed to consider ... even by raising rates')."""
    chain = [anchor]
    for node in list(anchor.ancestors)[:limit]:
        if not _inside(node, segment):
            break
        chain.append(node)
        if node.tag_ in FINITE_TAGS:
            break
    return chain


def _an_open_question(anchor: Token) -> bool:
    """'divided on when to begin raising rates', 'debating whether to cut': an infinitive under a question word is a
    move under discussion, no decision."""
    for node in (anchor, *list(anchor.ancestors)[:2]):
        if node.tag_ in FINITE_TAGS:
            return False
        kids = list(node.children)
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in QUESTION_WORDS for c in kids):
            return True
    return False


def _judged(anchor: Token, segment: Span) -> bool:
    """'It is important for the Fed to ... get ahead of inflation, even by raising rates': a move in an infinitive
    under a judging adjective is what someone thinks the bank should do (the anchor itself not finite)."""
    if anchor.tag_ in FINITE_TAGS:
        return False
    top = _nonfinite_chain(anchor, segment)[-1]
    return top.tag_ in FINITE_TAGS and any(
        c.dep_ == "acomp" and c.lower_ in JUDGING_ADJECTIVES for c in top.children)


def _a_wish(tok: Token) -> bool:
    """A verb of wanting ('prefer', 'urge') or of need ('needs to cut'): what someone thinks the bank should do."""
    lemma = tok.lemma_.lower()
    return lemma in WANT_LEMMAS or (lemma in NEED_VERBS and tok.pos_ in ("VERB", "AUX"))


def _wanted(noun: Token, ancestor_lemmas: list[str]) -> bool:
    """A move noun someone wants or backs: 'whether he favored another big cut', 'I support a rate cut in March'."""
    return any(h in WANT_LEMMAS for h in ancestor_lemmas) or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS)


def _an_officials_view(anchor: Token, segment: Span) -> bool:
    """'Governor Waller said the Fed should lower rates at its next meeting', 'Kashkari said the Fed must keep raising
    rates': a policy verb under 'should' or 'must' (not 'Should the Fed cut rates, ...', a condition), in a sentence
    that names a central bank and one of its officials: that official's view of what the bank should do. Also a move
    noun said needed ('Poole said further rate cuts might be needed')."""
    if _said_needed(_noun_phrase_head(anchor), segment):
        return True
    if anchor.pos_ not in ("VERB", "AUX") or _bank(span_text(segment)) is None or not any(
            t.lower_ in OFFICIAL_WORDS for t in segment):
        return False
    if _framing(anchor, segment) == "opinion":
        return True  # "Governor Waller said he favors cutting rates", "... said the Fed needs to cut rates"
    return _under_an_opinion_aux(anchor, segment) is not None


def _wishes_above(anchor: Token, segment: Span) -> list[Token]:
    """The verbs of wishing, needing or urging among the three above a move, inside its sentence."""
    return [a for a in list(anchor.ancestors)[:3] if _a_wish(a) and _inside(a, segment)]


def _a_view_denied(anchor: Token, segment: Span) -> bool:
    """'the notion the Fed will not need to raise rates further', 'rather than asking the Fed to lower rates',
    'slashing rates to zero was not at all appropriate': a wish, need or judgement denied or set aside urges no move."""
    wishes = _wishes_above(anchor, segment)
    if any(_negated(w) or _set_aside(w) for w in wishes):
        return True
    return _judged(anchor, segment) and _negated(_nonfinite_chain(anchor, segment)[-1])


def _set_aside(verb: Token) -> bool:
    """'rather than asking the Fed to lower rates', 'instead of urging a cut': a wish the sentence sets aside."""
    # by position: the parse hangs 'than' as a preposition or as a conjunction
    return verb.i > 1 and verb.doc[verb.i - 1].lower_ in ("than", "of") and \
        verb.doc[verb.i - 2].lower_ in ("rather", "instead")


def _under_an_opinion_aux(anchor: Token, segment: Span) -> Token | None:
    """The verb of a move said with 'should', 'must' or 'ought' (the move's own or one of the two verbs above it);
    not 'Should the Fed cut rates, ...', the subject after the auxiliary: a condition."""
    verbs = [anchor, *(a for a in list(anchor.ancestors)[:2] if a.pos_ in ("VERB", "AUX") and _inside(a, segment))]
    aux = next((c for v in verbs for c in v.children if c.dep_ == "aux" and c.lower_ in OPINION_AUX), None)
    if aux is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.i > aux.i for c in aux.head.children):
        return None
    return aux.head


def _a_named_banks_path_urged(anchor: Token, segment: Span) -> bool:
    """'the Federal Reserve needs to cut interest rates by another 100 basis points, a bank's economist said', 'an
    executive called on the Fed to cut rates': what anyone says a bank named in the sentence needs to do with its rate,
    or is called on to do, is a view of the bank's path (an opinion, never checked as a decision)."""
    if anchor.pos_ not in ("VERB", "AUX") or anchor.dep_ == "pcomp" or _bank(span_text(segment)) is None:
        return False  # "has needed to do more even after slashing its target in December": a past move, no view
    wishes = _wishes_above(anchor, segment)
    if any(w.i > anchor.i or _source_words(w) & (FORECASTER_WORDS | MARKET_WORDS) for w in wishes):
        # "To cut rates, the Fed needs more evidence": an aim, the move before the need; "Analysts urged the Fed to
        # cut": forecasters' or markets' wishes are left out (their views are forecasts and expectations)
        return False
    if _framing(anchor, segment) == "opinion":
        return True
    # "Senator Pike said the Fed should cut rates in March": a view of what a named bank should do is an opinion
    # whoever holds it (the guide's rule since session 32); not one denied ('should not raise rates until ...': no
    # hike urged) nor a condition ('Should the Fed cut rates, ...': `_under_an_opinion_aux` leaves it out)
    verb = _under_an_opinion_aux(anchor, segment)
    return verb is not None and not _negated(verb) and not _negated(anchor) and _the_bank_ought_to(verb, anchor)


def _the_bank_ought_to(verb: Token, anchor: Token) -> bool:
    """The 'should' is the bank's: on the move itself or on a verb whose subject names a bank ('the Fed should move
    to cut'), not on another subject's verb ('the data should cement expectations for the BoE to hold': a forecast of
    the data's effect, no view of what the bank should do)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return verb.i == anchor.i or any(_bank(_text(list(c.subtree))) is not None for c in subjects)


def _no_change(tok: Token) -> bool:
    """'no change in rates', 'no change in short-term interest rates': a hold told as a noun."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in NO_CHANGE_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and any(
        c.dep_ == "prep" and c.lower_ in ("in", "on", "to") and RATE_NOUN_RE.search(" ".join(t.text for t in c.subtree))
        for c in tok.children)


def _no_change_expected(tok: Token, modality: str) -> bool:
    """'a meeting that most agree will end with no change in interest rates', 'analysts expect no change in rates from
    the Bank of England': a hold expected or forecast, a claim without a time of its own (as 'expectations for
    further cuts'); 'made no change in rates' with no time stays out."""
    return modality in ("expected", "forecast") and _no_change(tok)


def _odds_of_a_hold(tok: Token) -> bool:
    """'an 80% probability of a hold at the next meeting': 'hold' is a move noun only as the decision priced odds are
    of ('put on hold', 'a hold rating' are none)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in ODDS_MOVE_NOUNS and tok.dep_ == "pobj" and \
        tok.head.lower_ == "of" and _priced_odds([tok.head.head])


def _noun_action(tok: Token) -> str | None:
    if _no_change(tok):
        return "hold"
    return NOUN_ACTIONS.get(tok.lemma_.lower()) or (ODDS_MOVE_NOUNS.get(tok.lemma_.lower()) if _odds_of_a_hold(tok)
                                                      else None)


def _a_policy_pause(tok: Token, segment: Span) -> bool:
    """'an ECB pause in July', 'its policy pause', "the Fed's pause": a bank or a policy word on the noun; 'its'
    only in a sentence that names a bank ('a pause in the rally' is no decision)."""
    if tok.lemma_.lower() not in PAUSE_NOUNS:
        return False
    for child in tok.children:
        if child.dep_ not in ("compound", "poss", "amod", "nmod"):
            continue
        words = " ".join(t.text for t in child.subtree)
        if _bank(words) is not None or child.lower_ in PAUSE_MODIFIERS:
            return True
        if child.lower_ in ("its", "their") and _bank(span_text(segment)) is not None:
            return True
    return False


def _is_action_noun(tok: Token) -> bool:
    """'a half-point cut', and 'one rate cut' even where the tagger took "cut" for a verb hung on "rate"."""
    lemma = tok.lemma_.lower()
    # most words are neither a move noun nor 'no change': no need to look at the parse
    return (lemma in NOUN_ACTIONS or lemma in NO_CHANGE_NOUNS) and _an_action_noun_by_parse(tok, lemma) or (
        lemma in ODDS_MOVE_NOUNS and _odds_of_a_hold(tok))


def _an_action_noun_by_parse(tok: Token, lemma: str) -> bool:
    if _no_change(tok):
        return True
    if tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_ACTIONS:
        return True
    if lemma in NOUN_ACTIONS and _a_move_the_tagger_made_a_verb(tok):
        return True
    previous = tok.doc[tok.i - 1] if tok.i > 0 else None
    if lemma not in NOUN_ACTIONS or lemma == "move" or previous is None or previous.lower_ not in ("rate",
                                                                                                  "interest-rate"):
        return False
    if previous.i > 0 and tok.doc[previous.i - 1].lower_ in NOT_POLICY_RATES:
        return False  # "the jobless rate rising to 8.8 percent"
    return (previous.head.i == tok.i and previous.dep_ == "compound") or (
        tok.head.i == previous.i and tok.dep_ in ("acl", "compound", "amod", "relcl")) or _a_move_read_as_a_clause(tok)


def _a_move_the_tagger_made_a_verb(tok: Token) -> bool:
    """'pricing in a 75 basis point cut' (the verb 'cut' with an article), 'a 25 basis point cut from the ECB' (the
    verb 'cut' an 'acl' of the 'point' just before it): a move noun the tagger took for a verb."""
    if tok.dep_ in ("pobj", "dobj") and any(c.dep_ == "det" for c in tok.children):
        return True
    if tok.pos_ != "VERB" or tok.dep_ != "acl" or tok.head.i != tok.i - 1:
        return False
    return tok.head.lemma_.lower() in POINT_WORDS or _a_banks_name_with_an_article(tok.head)


def _a_banks_name_with_an_article(name: Token) -> bool:
    """'chances of a Federal Reserve cut by March', 'talk of an ECB hike': a bank's name after an indefinite article,
    with the move word hung on it; the article shows the noun phrase ('the Fed cut rates' is a clause)."""
    if name.pos_ != "PROPN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in name.children):
        return False
    return _bank(name.doc[name.left_edge.i:name.i + 1].text) is not None


def _verb_above_the_move(noun: Token) -> Token:
    """Where to look for the verb a move noun hangs from: above 'one rate cut' read as a clause, and above 'expect a
    rate cut' where the tagger took 'cut' for a verb (left as it is, a *reported* cut); else the noun itself."""
    if _a_move_read_as_a_clause(noun) or (noun.pos_ == "VERB" and _a_move_the_tagger_made_a_verb(noun)):
        return noun.head
    return noun


def _a_move_read_as_a_clause(tok: Token) -> bool:
    """'Analysts expect one rate cut from the Fed this year': the tagger made 'rate' the subject of a verb 'cut'; the
    number or article on 'rate' shows the noun phrase ('the rate cut ...' with no number stays a clause)."""
    previous = tok.doc[tok.i - 1] if tok.i > 0 else None
    if previous is None or tok.pos_ != "VERB" or previous.head.i != tok.i:
        return False
    return previous.dep_ in ("nsubj", "nsubjpass") and previous.lower_ in ("rate", "interest-rate") and any(
        c.dep_ in ("nummod", "det") and c.lower_ in ("one", "a", "another", "1") for c in previous.children)


def _noun_phrase_head(tok: Token) -> Token:
    """The noun a move noun's phrase is headed by: "cut" itself, or "rate" where "cut" was hung on it."""
    if tok.pos_ not in ("NOUN", "PROPN") and tok.head.i == tok.i - 1 and tok.dep_ in ("acl", "compound", "amod",
                                                                                    "relcl"):
        return tok.head
    return tok


# ---- events -----------------------------------------------------------------------------------------------


@dataclass
class Event:
    anchor: Token
    action: str | None
    modality: str
    own: list[Token] = field(default_factory=list)
    noun: bool = False
    level: float | None = None
    level_text: str | None = None
    bp: float | None = None
    past_view: bool = False  # an expectation the story reports as superseded
    time: str | None = None  # the words that date it, when worked out while finding it
    total: bool = False  # a run of moves told as its total ('bringing the total since September to ...')
    ruled_out: str | None = None  # the move a hold excludes ('unlikely to raise rates': no hike)
    beside: bool = False  # a stance told beside the sentence's decision ('cut rates ... and pledged to keep them low')


def _may_move_a_policy_rate(verb: Token) -> bool:
    """Whether a policy verb can tell of a central bank's move at all."""
    if any(c.dep_ == "prt" and c.lower_ in NOT_A_MOVE_PARTICLES for c in verb.children):
        return False  # "holding off on rate cuts", "boosted up", "held back"
    if not _actor_is_a_bank(verb):
        return False  # "commercial banks ... cut the prime rate"
    # "they might be done cutting rates": the end of moves, not one
    return not (verb.head.lemma_.lower() in ENDING_VERBS
                and verb.head.i < verb.i)


def _done_moving(verb: Token) -> bool:
    """'the Fed is done raising rates', 'policymakers are probably finished cutting interest rates': the bank, the
    passive subject of 'done'/'finished', ends its run of moves; a view that the rate stays put (a hold opinion,
    which is never checked against a decision), not a move. Not 'the Fed finished cutting rates in June' (active)."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.i < verb.i and head.lower_ in ("done", "finished", "through") and \
        ACTIONS.get(verb.lemma_.lower()) in ("cut", "hike") and any(c.dep_ == "auxpass" for c in head.children) and \
        any(c.dep_ in ("dobj",) and RATE_NOUN_RE.search(c.text) for c in verb.children) and \
        any(c.dep_ == "nsubjpass" and _bank(c.doc[c.left_edge.i:c.right_edge.i + 1].text) for c in head.children)


def _acts_on_a_rate(verb: Token, objects: str) -> bool:
    """The rate noun must hang (almost) directly off the verb: "cut rates", "raised its benchmark rate"; not
    "increased hopes that the Fed may cut rates", whose verb of interest is "cut"."""
    # "lowered the company's price target due to a higher discount rate": the verb acts on its object, not a rate
    objects_named = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if objects_named and not any(_names_a_policy_rate(c) for c in objects_named):
        return False
    near = " ".join(t.text for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "prep", "attr", "oprd")
                    for t in c.subtree if _depth_below(t, verb) <= 3)
    gerund_of_rate = verb.dep_ in ("compound", "amod") and RATE_NOUN_RE.search(verb.head.text)  # "hiking rates"
    # the bank as the subject by its whole name ("The European Central Bank should ease policy"), acting on a rate or
    # on its policy ('ease policy', 'hold policy steady')
    by_a_bank = any(c.dep_ in ("nsubj", "nsubjpass") and _bank(c.doc[c.left_edge.i:c.right_edge.i + 1].text)
                    for c in verb.children)
    return bool(RATE_NOUN_RE.search(near) or gerund_of_rate or _a_banks_rate(verb, objects_named) or (
        by_a_bank and (RATE_NOUN_RE.search(objects) or objects_named)) or _moves_without_object(verb))


def _moves_without_object(verb: Token) -> bool:
    """A move verb with no object that still tells of a bank's move: the bank its subject, or priced odds of it."""
    return _a_banks_move_without_object(verb) or _a_priced_move_without_object(verb)


def _a_priced_move_without_object(verb: Token) -> bool:
    """'futures priced more than an even chance of easing in June', 'a 70% chance of tightening by December': a move
    verb with no object that priced odds are of, the market's expectation of the bank's move."""
    if any(c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj") for c in verb.children):
        return False
    return ACTIONS.get(verb.lemma_.lower()) in ("cut", "hike") and _odds_of_a_decision(verb)


def _a_hold_stated(verb: Token, objects: str) -> bool:
    """'held rates steady', 'kept its rate at 2%', odds that 'the Fed holds rates in March', 'expect the Fed to
    pause'; "keep rates" alone needs its 'steady'."""
    lemma = verb.lemma_.lower()
    return bool(HOLD_WORDS_RE.search(objects)) or (lemma == "hold" and _odds_of_a_decision(verb)) or (
        lemma == "pause" and _a_banks_move_without_object(verb))


def _subjects_up(verb: Token) -> list[Token]:
    """The subject of a verb, or of the verb it hangs from ('The SNB is seen cutting', 'after cutting')."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or node.head.i == node.i or node.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep"):
            return _antecedent(subjects, node)  # "The BoC, which cut by 25 basis points on Wednesday, ..."
        node = node.head
    return []


def _a_bank_as_subject(subject: Token) -> bool:
    """'The SNB', 'the central bank', 'policymakers'; a pronoun ('we', 'it') only in a sentence that names a bank
    ('ECB's Villeroy: We will likely cut again in March')."""
    if subject.pos_ == "PRON":
        return subject.lower_ in PRONOUN_BANKS and (
            _bank(span_text(subject.sent)) is not None or _a_bank_named_just_before(subject))
    if subject.pos_ == "PROPN" and _bank(subject.doc[subject.left_edge.i:subject.right_edge.i + 1].text) is not None:
        return True
    if subject.lemma_.lower() == "bank":  # "the central bank"; not "The bank cut again, laying off 200 workers"
        return any(c.lower_ == "central" for c in subject.children)
    return subject.lemma_.lower() in MOVER_SUBJECT_WORDS or subject.lower_ in MOVER_SUBJECT_WORDS


def _a_bank_named_just_before(pronoun: Token) -> bool:
    """'The SNB targets inflation of 0 to 2%. It slashed the rate by 50 basis points in December': 'it' or 'they' in a
    sentence that names no bank (nor any other bank or lender) stands for the central bank the sentence just before
    names; not 'we' (a speaker's own institution)."""
    sentence = pronoun.sent
    if pronoun.lower_ not in PRONOUNS_FOR_A_BANK_NAMED_BEFORE or sentence.start == 0 or \
            UNKNOWN_BANK_RE.search(span_text(sentence)):
        return False
    before = pronoun.doc[sentence.start - 1].sent
    return _bank(span_text(before)) is not None


def _told_of_a_bank_named_before(event: Event) -> bool:
    """'It slashed the rate by 50 basis points': a move verb whose subject is a pronoun for the bank named just
    before."""
    if event.noun:
        return False
    return any(s.pos_ == "PRON" and _a_bank_named_just_before(s) for s in _subjects_up(event.anchor))


def _a_banks_move_without_object(verb: Token) -> bool:
    """'The Bank of England ... after cutting by a quarter-point last week', 'The SNB is seen cutting again in
    March': a central bank named as the subject of a move verb with no object, told with its size or as another
    move; not 'inflation eased by 0.2 points' or 'the Fed's balance sheet increased by $50 billion'."""
    if any(c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") for c in verb.children):
        return False
    subjects = _subjects_up(verb)
    if not subjects or not all(_a_bank_as_subject(s) for s in subjects):
        return False
    if verb.lemma_.lower() == "pause":
        return True  # "economists expect the Fed to pause after this week's cut": a hold of its own
    if ACTIONS[verb.lemma_.lower()] not in ("cut", "hike"):
        return False
    sized = any(c.dep_ == "prep" and c.lower_ == "by" and _size_bp(_text(list(c.subtree))) is not None
                for c in verb.children)
    # "again", "twice" (the parse may hang it on the time: "to cut twice this year")
    return sized or any(t.lower_ in AGAIN_WORDS for t in verb.subtree if t.i > verb.i and _depth_below(t, verb) <= 2)


def _a_bank_standing_pat(verb: Token) -> bool:
    """'The Fed stood pat on interest rates', 'the ECB is expected to sit tight': a central bank, the subject of a verb
    and particle that tell of leaving the rate where it is; not 'Investors stood pat ahead of the decision'."""
    lemma = verb.lemma_.lower()
    if not any(f"{lemma} {c.lower_}" in HOLD_PHRASAL_VERBS for c in verb.children if c.i == verb.i + 1):
        return False
    # "the probability that the Fed sits tight and leaves its target range unchanged": the hold is told by the verb
    # beside it
    beside = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    if any(ACTIONS.get(t.lemma_.lower()) == "hold" for t in beside):
        return False
    subjects = _subjects_up(verb)
    return bool(subjects) and all(_a_bank_as_subject(s) for s in subjects)


def _a_banks_rate(verb: Token, objects: list[Token]) -> bool:
    """'The People's Bank of China kept its key lending rates unchanged': a rate head as the object, in a sentence that
    names a central bank."""
    return bool(objects) and any(c.lemma_.lower() == "rate" or c.lower_ in POLICY_RATE_NAMES for c in objects) and \
        _bank(span_text(verb.sent)) is not None  # also "RBNZ cuts OCR by 50 bps", "PBOC leaves LPR unchanged"


def _names_a_policy_rate(obj: Token) -> bool:
    """An object a bank's rate verb acts on: a rate named in it ('its target for the fed funds rate'), or a bare rate
    head or policy word ('left its target unchanged', 'will hold policy steady'); not 'the company's price target'."""
    if obj.lemma_.lower() in PRESSURE_OBJECTS:
        return False  # "struggled to ease upward pressure on some market interest rates"
    if RATE_NOUN_RE.search(" ".join(t.text for t in obj.subtree)):
        return True
    return obj.lemma_.lower() in RATE_HEADS | POLICY_OBJECTS | POLICY_RATE_NAMES and not any(
        c.dep_ in ("compound", "amod", "nmod") and c.lower_ in NOT_POLICY_RATES | NOT_POLICY_MOVES
        for c in obj.children)


def _in_no_hurry(verb: Token, segment: Span) -> bool:
    """'is in no rush to cut', 'are "not in a hurry" to lower'."""
    # (twelve words: 'no need for the Fed to be in a hurry in cutting')
    # token by token: "isn't rushing to cut" is 'is n't rushing'
    before = " ".join(t.text for t in segment.doc[max(segment.start, verb.i - 12):verb.i]).replace('"', " ")
    before = before.replace("“", " ")
    before = before.replace("”", " ")
    return bool(NO_HURRY_RE.search(" ".join(before.split()) + " "))


def _a_policy_rate_move(tok: Token, segment: Span, size: float | None) -> bool:
    """Whether a move noun is said of a policy rate: "rate cut", "a cut in the funds rate", a cut in a sentence
    that names a bank and a rate, or a move with a size ("a quarter-point cut")."""
    lemma = tok.lemma_.lower()
    if lemma in ODDS_MOVE_NOUNS:
        return _odds_of_a_hold(tok)  # "an 80% probability of a hold at the next meeting"
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in NOT_POLICY_MOVES for c in tok.children):
        return False  # "a production cut", "job cuts": another move
    rate_context = _rate_named_on(tok, segment)
    if lemma in PAUSE_NOUNS and not rate_context:
        return _a_policy_pause(tok, segment)
    # "the Fed is expected to ... with a small reduction this week": the sentence says which rate
    # "Investors expect another cut when the Fed meets": the market's next move of the bank the sentence names
    said_of_a_bank = lemma in BANK_MOVE_NOUNS and _bank(span_text(segment)) is not None and bool(
        RATE_NOUN_RE.search(span_text(segment)) or _made_by_a_bank(tok) or _expected_by_the_market(tok, segment))
    projected = lemma in BANK_MOVE_NOUNS and _a_banks_path(tok, segment)
    if not (rate_context or said_of_a_bank or projected or (
            size is not None and lemma in SIZED_MOVE_NOUNS)):
        return False
    return not (lemma in VAGUE_MOVE_NOUNS and not rate_context and size is None)


def _a_banks_path(noun: Token, segment: Span) -> bool:
    """A move noun projected or priced; or said likely ('Lagarde said further cuts were likely') or needed ('Poole
    said further cuts might be needed') by the bank's own people."""
    return _projected_or_priced(noun) or _said_needed(noun, segment) or (
        _said_likely(noun) and _bank(span_text(segment)) is not None)


def _made_by_a_bank(noun: Token) -> bool:
    """'Traders expect the Fed to deliver its next cut in September', 'The ECB made its first cut in June': a move noun
    as the object of a verb whose subject is a central bank."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return False
    subjects = _subjects_up(noun.head)
    return bool(subjects) and all(_a_bank_as_subject(s) for s in subjects)


def _rate_named_on(tok: Token, segment: Span) -> bool:
    """'rate cut', 'interest-rate increase', 'a cut in the funds rate', 'a cut by the ECB'."""
    left = " ".join(t.text for t in segment.doc[max(segment.start, tok.i - 3):tok.i])
    named = re.search(r"(?:\b(?P<kind>[\w-]+)\s+)?\b(rate|rates|interest)\s*-?\s*$", left, re.I)
    if named and (named.group("kind") or "").lower() in NOT_POLICY_RATES:
        return False  # "further mortgage rate cuts": another rate
    return bool(named) or any(
        c.dep_ == "prep" and c.lower_ in ("in", "to", "of") and any(
            RATE_NOUN_RE.search(t.text) for t in c.subtree) for c in tok.children) or _mover_named_on(tok)


def _mover_named_on(noun: Token) -> bool:
    """'two more cuts from the Bank of England', 'a cut by the ECB': the bank that moves is named on the noun."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "by") and _bank(" ".join(t.text for t in c.subtree))
               is not None for c in noun.children)


def _priced_odds(ancestors: list[Token]) -> bool:
    """'a 90% chance of a cut', 'odds of a March cut at about 80%': a probability with its figure; not the
    probability moving ('the probability of a September rate cut climbing to 60%'), a market figure."""
    odds = next((a for a in ancestors if a.lemma_.lower() in PRICING_NOUNS), None)
    if odds is None:
        return False
    moving = [t for a in ancestors[:ancestors.index(odds) + 1] for t in (*a.children, a.head)
              if t.pos_ == "VERB" and t.lemma_.lower() in MARKET_MOVE_LEMMAS]
    if moving:
        return False
    m = PRICED_ODDS_RE.search(_odds_words(odds))
    # odds below one half state no expectation of the move ("a 40% chance of a second cut": the corpus' convention)
    return m is not None and not (m.group("odds") and float(m.group("odds")) < 50)


def _odds_words(odds: Token) -> str:
    """The words around a probability noun that may give its figure: not those of the decision it is the odds of
    ('that the Fed leaves its target rate of 4.25%-4.50% ...'), and, for a subject, its predicate ('... is unchanged
    at around 98%')."""
    clause = {t.i for c in odds.children if c.dep_ in ("acl", "relcl", "ccomp") for t in c.subtree}
    sent = odds.sent
    words = [t for t in odds.doc[max(odds.i - 4, sent.start):min(odds.i + 12, sent.end)] if t.i not in clause]
    if odds.dep_ in ("nsubj", "nsubjpass"):
        own = {t.i for t in odds.subtree}
        words += [t for t in odds.head.subtree if t.i not in own and t.i > odds.i]
    elif odds.dep_ == "dobj":  # "swaps put the odds of a BoJ hike this week at about 80%": the figure is the verb's
        words += [t for c in odds.head.children if c.dep_ == "prep" and c.lower_ == "at" and c.i > odds.i
                  for t in c.subtree]
    return " ".join(t.text for t in words)


def _odds_raised(odds: Token) -> bool:
    """'data raised the likelihood that the Fed will hold rates higher for longer', 'increased the odds of the Fed
    cutting rates early next year': news raising the odds, with no figure, shifts the market's expectation toward the
    move, as raised prospects do; not a chance or a probability (a scenario), nor odds lowered or dimmed."""
    return odds.lemma_.lower() in RAISED_ODDS_HEADS and odds.dep_ in ("dobj", "nsubjpass") and \
        odds.head.lemma_.lower() in PROSPECT_SHIFTING_VERBS - PROSPECT_LOWERING_VERBS


def _odds_of_a_decision(verb: Token) -> bool:
    """'a 60% chance the Fed will hike rates in May', 'a 95% probability that the Fed will hold', 'the probability
    that the Fed sits on its hands and leaves its rate ...', 'an 81% chance of the BoE keeping rates at 4.5%': priced
    odds of a decision told as a clause, the market's expectation."""
    odds = _odds_noun_of(verb)
    return odds is not None and _priced_odds([odds])


def _odds_below_half(verb: Token) -> bool:
    """'a 20% chance of the Fed cutting rates in June': odds below one half state no expectation of the move."""
    odds = _odds_noun_of(verb)
    if odds is None:
        return False
    m = PRICED_ODDS_RE.search(_odds_words(odds))
    return m is not None and bool(m.group("odds")) and float(m.group("odds")) < 50


def _odds_noun_of(verb: Token) -> Token | None:
    """The probability noun a decision verb is the clause of, if any."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    head = node.head
    if node.dep_ in ("acl", "compound", "amod") and head.dep_ == "pobj" and head.head.lower_ == "of":
        head = head.head.head  # "a chance of the BoE keeping rates", "a chance of the Fed cutting rates"
    elif node.dep_ in ("pcomp", "pobj") and head.lower_ == "of":
        head = head.head  # "a 70% chance of cutting rates", "an even chance of easing" (the gerund as the object)
    elif node.dep_ not in ("acl", "ccomp", "relcl"):
        return None
    return head if head.lemma_.lower() in PRICING_NOUNS else None


def _judged_or_forgone(verb: Token) -> bool:
    """'was late in raising rates', 'was slow to cut': a judgement of the bank's conduct; 'by adjusting its asset
    purchases rather than raising interest rates': a move not taken. Neither tells of a decision."""
    doc = verb.doc
    if re.search(r"\b(?:rather\s+than|instead\s+of)\s*$", doc[max(verb.i - 3, 0):verb.i].text, re.I):
        return True
    head = verb.head
    judge = head.head if verb.dep_ == "pcomp" and head.dep_ == "prep" else head if verb.dep_ == "xcomp" else None
    if judge is not None and judge.lemma_ == "be":  # "was late in raising": the judgement is the verb's complement
        judge = next((c for c in judge.children if c.dep_ == "acomp"), None)
    return judge is not None and judge.pos_ == "ADJ" and judge.lower_ in JUDGED_PACE_WORDS


def _a_headline_infinitive(verb: Token) -> bool:
    """'ECB to cut rates again in April', '** Philippine central bank to cut rates on Thursday', 'RBA to cut cash rate
    by 25 bps next week - Reuters poll': headline style, where 'to' and the bare verb tell a move to come (it was read
    as a reported move, dated the weekday before). The verb heads the line with its subject, or hangs from a subject
    that nothing else governs."""
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    subject = verb.head
    return verb.dep_ in ("relcl", "acl") and subject.dep_ == "ROOT" and subject.pos_ in ("NOUN", "PROPN")


def _too_much_for(verb: Token) -> bool:
    """'the jobs report was too strong to prompt the Fed to cut rates', 'inflation remains too high for the Fed to
    lower rates': a move the sentence rules out, no decision (the verb hangs, through at most three clauses, from a
    word that 'too' modifies, or from a verb whose complement it modifies)."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
        for word in (node, *(c for c in node.children if c.dep_ == "acomp")):
            if any(c.dep_ == "advmod" and c.lower_ == "too" for c in word.children):
                return True
    return False


def _projected_or_priced(noun: Token) -> bool:
    """A move noun in a projection ('penciled in two more reductions', 'projections point to one cut') or in
    priced odds ('a 70% chance of another cut'): said of the policy rate, of the bank the story is about."""
    ancestors = list(noun.ancestors)[:3]
    if _priced_odds([noun, *ancestors]) or _priced_in(noun):
        return True
    verb = next((a for a in ancestors if a.pos_ in ("VERB", "AUX") or _a_projection_verb_tagged_noun(a)), None)
    return verb is not None and verb.lemma_.lower() in PROJECTION_VERBS and _depth_below(noun, verb) <= 3


def _a_projection_verb_tagged_noun(tok: Token) -> bool:
    """'The Fed's dot plot projects two rate cuts', 'the median dot points to two cuts': the tagger takes the verb for a
    plural noun, the head of the sentence with the projection as its subject."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.lemma_.lower() in PROJECTION_VERBS \
        and any(c.dep_ in ("nsubj", "compound", "amod", "det") and c.i < tok.i for c in tok.children)


def _priced_in(noun: Token) -> bool:
    """'traders moved to price in a first cut as early as March', 'markets are pricing in two cuts': the market's
    expectation (the tagger often takes this 'price' for a noun)."""
    head = noun.head
    if noun.dep_ in ("nsubjpass", "nsubj") and head.lemma_.lower() in PRICING_VERBS and head.i > noun.i:
        return True  # "a rate cut to 2.5% is fully priced in", "two cuts are priced for this year"
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in PRICING_VERBS for c in noun.children):
        return True  # "30 basis points worth of rate cuts priced in for this year"
    return head.lower_ == "in" and head.head.lemma_.lower() in PRICING_VERBS and head.i == head.head.i + 1


def _a_prospect_of(noun: Token, segment: Span, modality: str) -> bool:
    """'expectations for additional rate cuts by the Fed', 'prospects of fewer cuts': the market's expectation as
    stated, a claim without a horizon (a bare 'rate cut' needs a time to be one)."""
    if modality not in ("expected", "forecast"):
        return False
    if _an_expected_move(noun) and _awaited(noun):
        return True  # "shares rose ahead of an expected rate cut by the Fed": the move the market awaits
    if noun.dep_ == "dobj":
        return _expected_by_the_market(noun, segment)
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "of", "on"):
        return _a_clause_prospect(noun, segment)
    prospect = noun.head.head
    if prospect.pos_ == "VERB" and prospect.lemma_.lower() in LOOK_FOR_VERBS and _inside(prospect, segment):
        return True  # "investors braced for an early rate hike by the Bank of Japan", "counting on a cut"
    words = {prospect.lemma_.lower(), prospect.lower_}
    if not _inside(prospect, segment):
        return False
    # "raised prospects of more rate cuts by the Fed", "dimmed the prospect of a hike": news shifting the market's view
    shifted = prospect.dep_ in ("dobj", "nsubjpass") and prospect.head.lemma_.lower() in PROSPECT_SHIFTING_VERBS
    # "the dollar fell on prospects of another rate cut": what the market moved on, its view
    moved_on = prospect.dep_ == "pobj" and prospect.head.lower_ in ("on", "amid")
    return bool(words & PROSPECT_HEADS) or (bool(words & SHIFTED_PROSPECT_HEADS) and (shifted or moved_on))


def _expected_by_the_market(noun: Token, segment: Span) -> bool:
    """'Investors expect another cut when the Fed meets on March 18', 'economists anticipate two hikes': a move noun
    the market or forecasters, as the subject, expect now is their view of the path, a claim without a horizon. Not a
    view denied or moved past ('had expected a half-point reduction'), nor anyone else's ('the company expects a rate
    cut to help sales')."""
    verb = noun.head
    if not _inside(verb, segment) or verb.pos_ != "VERB" or verb.lemma_.lower() not in EXPECT_LEMMAS or \
            verb.tag_ not in ("VBP", "VBZ", "VBG") or _negated(verb) or _past_expectation(noun, segment):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lemma_.lower() in MARKET_WORDS | FORECASTER_WORDS or s.lower_ in MARKET_WORDS |
                                  FORECASTER_WORDS for s in subjects)


def _a_clause_prospect(noun: Token, segment: Span) -> bool:
    """'speculation that the Fed's next move will be a rate cut', 'the market's view that a rate cut is on the
    horizon', 'speculation there will be a rate cut at the March meeting': a move noun in the clause (subject or
    attribute of its verb) of a speculation, a view, hopes or bets states the move the market expects. Not where
    news dims or dashes the prospect ('dampened expectations that further reductions are in store')."""
    if noun.dep_ not in ("attr", "nsubj", "nsubjpass") or noun.head.dep_ not in ("acl", "ccomp") or _negated(
            noun.head):
        return False  # "the view that a rate cut is not coming": no move expected
    prospect = noun.head.head
    if not _inside(prospect, segment) or prospect.pos_ not in ("NOUN", "PROPN") or \
            prospect.lemma_.lower() not in CLAUSE_PROSPECT_HEADS:
        return False
    return _prospect_held(prospect)


def _prospect_held(prospect: Token) -> bool:
    """Whether a prospect is held, not dimmed: what a market moved on or stuck with ('climbed amid speculation that
    ...'), a prospect raised or underscored, a subject not dashed. Not 'dampened expectations that ...' nor 'threw cold
    water on expectations that ...' (the lexicon's dimming objects)."""
    head = prospect.head
    verb = head.head if prospect.dep_ == "pobj" else head
    if prospect.dep_ not in ("pobj", "dobj", "nsubjpass", "nsubj") or verb.lemma_.lower() in \
            PROSPECT_LOWERING_VERBS | DASHING_VERBS:
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in DIMMING_OBJECTS for c in verb.children)


def _a_view_of_the_path(noun: Token, segment: Span, modality: str, move: Token | None = None) -> bool:
    """A move noun that is a claim without a time: the market's expectation as stated ('expectations for additional
    rate cuts'), a move said likely ('further cuts were likely') or a hold expected as 'no change in rates' (the
    move word ``move`` where the noun phrase is headed by another)."""
    return _a_prospect_of(noun, segment, modality) or _said_likely(noun) or _said_needed(noun, segment) or \
        _no_change_expected(
        noun if move is None else move, modality)


# the links from a move up to the verb or noun that projects it: 'signalled an earlier hike', 'pointed to a faster rise
# in rates', 'made the case for further hikes', 'with plans of further hikes', 'signalled that it may raise rates'
_PROJECTION_PATH_DEPS = {"dobj", "pobj", "prep", "compound", "appos", "ccomp"}
_PROJECTION_PREPS = {"to", "at", "for", "toward", "towards", "with", "of"}
_NOT_YET_AUX = {"to", "will", "would", "may", "might", "could", "should", "can", "must"}


def _projected_by_the_bank(move: Token, segment: Span) -> bool:
    """A move the bank, its officials or its minutes lay out as a fact of what they said ('Minutes of the Fed's
    meeting signalled an earlier rate hike', 'Fed Chair Yellen made the case for further rate hikes', 'the Fed ...
    with plans of further rate hikes'): the bank's forecast, no time needed. Not a projection denied, to come or
    asked of the bank ('did not signal a cut', 'dealers expect the Fed to signal more easing'), nor anyone else's; nor
    a move hung on another noun the bank signals ('signaled caution beyond an expected March rate hike')."""
    if _an_expected_move(move):
        return False  # "an expected March rate hike": the market's
    node, path_noun = move, False
    for _ in range(7):
        head = node.head
        if head.i == node.i or not _inside(head, segment) or node.dep_ not in _PROJECTION_PATH_DEPS:
            return False
        if head.pos_ == "NOUN" and head.lemma_.lower() in BANK_PATH_NOUNS:
            if any(c.dep_ == "poss" and _bank(c.doc[c.left_edge.i:c.right_edge.i + 1].text) for c in head.children):
                return True  # "the Fed's plans for more hikes"
            path_noun = True
        elif head.pos_ in ("NOUN", "PROPN") and not path_noun:
            return False  # "signaled caution beyond an expected March rate hike": the caution is signalled
        if head.pos_ in ("VERB", "AUX"):
            if node.dep_ == "prep" and node.lower_ not in _PROJECTION_PREPS:
                return False  # "signaled caution beyond an expected March rate hike"
            return (path_noun or head.lemma_.lower() in PROJECTION_VERBS) and _the_banks_own_statement(head)
        node = head
    return False


def _the_banks_own_statement(verb: Token) -> bool:
    """A verb told as done by the bank (its name, its officials, its minutes), not denied, not to come."""
    if _negated(verb) or any(c.dep_ in ("aux", "neg") and c.lower_ in _NOT_YET_AUX for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or _noun_phrase_before(verb)
    return bool(subjects) and _subjects_stand_for_a_bank(subjects, verb)


def _noun_phrase_before(verb: Token) -> list[Token]:
    """The noun phrase just before a verb the parse left without a subject ('the dollar firmed after minutes from the
    Fed's meeting signalled ...': 'signalled' hung on the main verb, 'minutes' made the object of 'after')."""
    if verb.i == 0 or verb.doc[verb.i - 1].pos_ not in ("NOUN", "PROPN"):
        return []
    node = verb.doc[verb.i - 1]
    while node.head.pos_ == "ADP" and node.head.head.pos_ in ("NOUN", "PROPN") and node.head.head.i < node.i:
        node = node.head.head  # "minutes from the Fed's meeting": the phrase's first noun
    return [node]


def _said_needed(noun: Token, segment: Span) -> bool:
    """'Fed President Poole said further rate cuts might be needed', 'Fisher said further tightening may be required',
    'Governor Mishkin said additional cuts would be necessary': a move noun as the subject of a passive 'need',
    'require' or 'warrant' (or of 'be necessary'), in a sentence that names a central bank and one of its officials:
    that official's view of what the bank should do (an opinion, as 'the Fed needs to cut'). A strategist's or a
    politician's view is none."""
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or head.i < noun.i:
        return False
    needed = (head.lemma_.lower() in NEEDED_VERBS and head.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in head.children)) or (head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ in NEEDED_WORDS for c in head.children))
    if not needed or any(c.dep_ == "neg" for c in head.children):  # "said a rate cut was not needed"
        return False
    # "the Federal Reserve indicated that further rate increases may be needed": the bank's own view
    by_the_bank = head.dep_ == "ccomp" and any(c.dep_ == "nsubj" and _bank(c.doc[c.left_edge.i:c.right_edge.i + 1].text)
                                               for c in head.head.children)
    return _bank(span_text(segment)) is not None and (by_the_bank or any(t.lower_ in OFFICIAL_WORDS for t in segment))


def _said_likely(noun: Token) -> bool:
    """'further rate cuts are likely this year', 'further cuts were likely if ...': a move noun as the subject of
    'be likely' (or 'appropriate', 'warranted')."""
    head = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lower_ in LIKELY_WORDS for c in head.children)


def _moves_counted_in_points(move: Token) -> Token | None:
    """The 'points' of '40 basis points of easing', '37 basis points of rate cuts' that count a move word."""
    lemma = move.lemma_.lower()
    # "75 basis points of Fed easing": the parser makes the gerund a pcomp of "of"
    if lemma not in NOUN_ACTIONS and lemma not in ACTIONS or move.dep_ not in ("pobj", "pcomp") or \
            move.head.lower_ != "of":
        return None
    points = move.head.head
    if points.lower_ == "worth" and points.head.i != points.i:
        points = points.head  # "30 basis points worth of rate cuts"
    return points if points.lemma_.lower() in POINT_WORDS and points.pos_ in ("NOUN", "PROPN") else None


def _names_a_time(time_text: str, modality: str, action: str | None) -> bool:
    """A reported move dated by a day, a date, a past month or 'today'; an expected one with a horizon."""
    if modality == "reported":
        return bool(WEEKDAY_RE.search(time_text) or DATE_RE.search(time_text)
                    or PAST_PERIOD_RE.search(time_text) or re.search(r"\btoday\b", time_text, re.I))
    return horizon_for(time_text, date(2000, 6, 15), action) is not None


def _the_rate_or_its_bank(subject: Token, segment: Span) -> bool:
    """'rates', 'the funds rate', 'borrowing costs'; or 'they'/'it' in a sentence that names a bank."""
    rate_subject = bool(RATE_NOUN_RE.fullmatch(subject.text)) or subject.lemma_.lower() == "rate" or bool(
        RATE_NOUN_RE.search(" ".join(t.text for t in subject.subtree)) and subject.lemma_.lower() in RATE_HEADS)
    pronoun = subject.lower_ in ("they", "it") and _bank(span_text(segment)) is not None
    # "a 60% chance that the Fed would still be on hold in July": the bank itself on hold (never a decision: a
    # reported 'was on hold' gives no event)
    on_hold = subject.head.lemma_ == "be" and _a_bank_as_subject(subject) and subject.pos_ != "PRON"
    return rate_subject or pronoun or on_hold


def _leads_with_another_economy(whole: str) -> bool:
    """'A private reading showed that the sentiment of the Australian consumer still remained sour, despite potential
    interest rate cuts': a story whose lead is about another economy, its unnamed 'rate cuts' that country's, though
    it mentions the US election further down."""
    lead = re.split(r"(?<=[.!?])\s", whole.strip(), maxsplit=1)[0]
    return bool(FOREIGN_ECONOMY_RE.search(lead) or FOREIGN_ADJECTIVE_RE.search(lead)) and not AMERICAN_RE.search(lead)


def _the_countrys_bank(text: str) -> str | None:
    """The bank of the one country a sentence names by name or adjective; None for none or several."""
    banks = {b for word, b in _COUNTRY_WORD_BANKS.items() if re.search(rf"\b{re.escape(word)}\b", text)}
    return banks.pop() if len(banks) == 1 else None


def _phrasal_rate_move(verb: Token) -> str | None:
    """'Rates can come down a lot over the next 12 to 18 months', 'rates will go up again': the move a verb and its
    particle tell of the rate that is their subject."""
    return next((RATE_PHRASAL_MOVES[f"{verb.lemma_.lower()} {c.lower_}"] for c in verb.children
                 if c.dep_ == "prt" and f"{verb.lemma_.lower()} {c.lower_}" in RATE_PHRASAL_MOVES), None)


def _rate_subject_action(lemma: str, own_text: str) -> str | None:
    """What a verb of the rate itself says: 'be on hold', 'stay', 'bottom out', 'stay lower'."""
    if lemma not in RATE_SUBJECT_VERBS and lemma != "be":
        return next((move for phrase, move in RATE_PHRASAL_MOVES.items() if phrase.split()[0] == lemma and re.search(
            rf"\b{phrase.split()[1]}\b", own_text, re.I)), None)
    if lemma == "be":
        return "hold" if re.search(r"\bon hold\b", own_text, re.I) else None
    if re.search(r"\blower\b", own_text, re.I):
        return "cut"
    if re.search(r"\bhigher\b", own_text, re.I):
        return "hike"
    return RATE_SUBJECT_VERBS[lemma]


def _when(event: Event, first: bool, own_text: str, time_text: str, sentence_text: str, single: bool,
          published: date | None) -> tuple[date | None, DateRange | None] | None:
    """(session, horizon) of an event: the day or month of a reported decision, the horizon of an expected one.
    None for a later event without a time of its own: an aside that tells the same decision again."""
    if published is None:
        return (None, None) if first else None
    if event.modality != "reported":
        horizon = horizon_for(own_text, published, event.action, weekdays=True) or horizon_for(
            time_text, published, event.action)
        return None if horizon is None and not first else (None, horizon)
    day = _decision_day(own_text, published) or _decision_day(time_text, published)
    if day is None and event.action == "hold" and re.search(r"\bsince\b", own_text, re.I):
        day = published  # "has held rates steady since June of last year": so still today
    if day is not None:
        return day, None
    horizon = past_period(own_text, published) or past_period(time_text, published)
    if horizon is not None:
        return None, horizon
    if LAST_MEETING_RE.search(own_text) or LAST_MEETING_RE.search(time_text):
        # "cut rates by 25 basis points at their last meeting": a past meeting, not the story's day; left undated,
        # the checker reads it as the bank's latest move
        return None, None
    if not first:
        return None
    if _told_as_background(event):
        # "The Fed has cut interest rates to near zero", "after it had already lowered rates almost to zero", "The ECB,
        # which also left rates unchanged, said ...": a move told as background, not (surely) the story's day; left
        # undated, the checker reads it as the bank's latest move
        return None, None
    return (_decision_day(sentence_text, published) if single else None) or published, None


def _meeting_clause(anchor: Token, segment: Span) -> list[Token]:
    """'expected to cut rates when it meets next week', 'to lower borrowing costs further when it makes its next
    decision in March': the words of a 'when' clause on the move verb whose verb is the bank's meeting or decision,
    which date the move."""
    clauses = [c for c in anchor.children if c.dep_ == "advcl" and c.lemma_.lower() in MEETING_CLAUSE_VERBS and
               any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children)]
    return [t for c in clauses for t in c.subtree if _inside(t, segment)]


def _a_second_sized_move(event: Event, segment: Span) -> list[Event]:
    """'cut rates by a half point on September 18 and by a further quarter point on October 31': a second decision of
    the same verb, a 'by' coordinated under it with a size and a day of its own (the first keeps the first day)."""
    verb = event.anchor
    if event.noun or event.action not in ("cut", "hike") or verb.pos_ not in ("VERB", "AUX"):
        return []
    for by in verb.subtree:
        if by.lower_ != "by" or by.dep_ != "conj" or not _inside(by, segment) or _depth_below(by, verb) > 3:
            continue
        if any(a.pos_ in ("VERB", "AUX") and 0 < _depth_below(a, verb) < 99 for a in by.ancestors):
            continue  # the 'by' of another verb's clause
        words = _second_move_words(by, verb, segment)
        text = _text(words)
        size = _size_bp(text)
        if size is not None and (DATE_RE.search(text) or WEEKDAY_RE.search(text)):
            taken = {t.i for t in words}
            event.own = [t for t in event.own if t.i not in taken]  # the first move's day is not the second's
            return [Event(by, event.action, event.modality, words, bp=size, time=text)]
    return []


def _second_move_words(by: Token, verb: Token, segment: Span) -> list[Token]:
    """The words of a second 'by': its own, and a day the parse hangs on the verb just after it ('by half a point on
    September 18 and by a further quarter point on October 31')."""
    following = [c for c in verb.children if c.dep_ == "prep" and c.i == by.right_edge.i + 1]
    return [t for head in [by, *following] for t in head.subtree if _inside(t, segment)]


SECOND_RATE_OWN_TIME_RE = re.compile(r"\b(later|earlier|ago|afterwards|since|before|after)\b", re.I)


def _under_another_verb(tok: Token, verb: Token) -> bool:
    """Whether a verb lies between a token and a verb above it (the token in a clause of its own)."""
    for a in tok.ancestors:
        if a.i == verb.i:
            return False
        if a.pos_ in ("VERB", "AUX"):
            return True
    return True


def _rate_name_tokens(rate: Token) -> list[Token]:
    """The words that name a rate noun ('federal funds' of 'the federal funds rate', 'marginal lending'), before it."""
    return [t for t in rate.subtree if t.i < rate.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod")]


def _named_rate(verb: Token) -> Token | None:
    """The object of a policy verb when it is a rate named by its words ('the discount rate', 'its fed funds rate':
    the parse may make 'funds' the object and 'rate' a verb), else None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not _rate_name_tokens(obj):
        return None
    return obj


def _a_rate_of_its_own(rate: Token, first: Token) -> bool:
    """A rate noun named otherwise than the first, and no rate of something else ('the mortgage rate')."""
    name = {t.lower_ for t in _rate_name_tokens(rate)}
    return rate.lemma_.lower() == "rate" and bool(name) and not name & set(NOT_POLICY_RATES) and \
        name != {t.lower_ for t in _rate_name_tokens(first)}


def _second_rates_of(verb: Token, first: Token, segment: Span, anchors: set[int]) -> list[tuple[Token, list[Token]]]:
    """Second named rates of one decision, each with its words: a rate coordinated under the same verb ('cut the
    funds rate ... and the discount rate by ...'), or the object of a coordinated verb of the same action whose
    move the sentence told no claim of its own for ('cut the funds rate ... and lowered the discount rate ...')."""
    conj_verbs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    end = max(t.i for t in verb.subtree if _inside(t, segment))
    if conj_verbs:
        end = min(end, conj_verbs[0].i - 1)
    found = [(tok, [t for t in segment if tok.i <= t.i <= end]) for tok in verb.subtree
             if first.i < tok.i <= end and _a_coordinated_rate(tok, first, verb)]
    for conj in conj_verbs:
        rate = _named_rate(conj)
        if rate is not None and conj.i not in anchors and _a_rate_of_its_own(rate, first) and \
                _the_same_move_again(conj, verb):
            found.append((rate, [t for t in conj.subtree if _inside(t, segment)]))
    return found


def _a_coordinated_rate(tok: Token, first: Token, verb: Token) -> bool:
    """A rate noun coordinated in the verb's own clause, named otherwise than its first rate."""
    return tok.dep_ == "conj" and _a_rate_of_its_own(tok, first) and not _under_another_verb(tok, verb)


def _the_same_move_again(conj: Token, verb: Token) -> bool:
    """A coordinated verb of the same action with no subject of its own ('... and lowered the discount rate')."""
    return ACTIONS.get(conj.lemma_.lower()) == ACTIONS.get(verb.lemma_.lower()) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)


def _told_as_background(event: Event) -> bool:
    """A move in the perfect with no size, or told in a relative clause on the bank, with no time of its own."""
    return _perfect_without_size(event) or (not event.noun and _in_a_relative_clause(event.anchor))


def _in_the_perfect(verb: Token) -> bool:
    """'has cut', 'had lowered', 'have held'."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "'s", "'ve", "'d") for c in verb.children)


def _perfect_without_size(event: Event) -> bool:
    """A move verb in the perfect ('has cut', 'had lowered') with no size of its own: told as background. A decision
    story's 'has cut rates by half a point' tells the day's decision, with its size."""
    return not event.noun and event.bp is None and _in_the_perfect(event.anchor)


# "has lowered rates by 75 basis points since September", "since September 2007", "since mid-September": the start of
# a run of moves to date
SINCE_RE = re.compile(rf"\bsince\s+(?:last\s+)?(?:(?:early|mid-?|late)\s*)?"
                      rf"(?:(?P<month>{LONG_MONTHS_ALT})\b\.?(?:\s+(?P<year>{_YEAR}))?|(?P<only_year>{_YEAR}))\b", re.I)
# "bringing the total since September to a full percentage point", "taking cumulative easing since March to 100 basis
# points": the sum of a run of moves, told as a total
# "cut rates to 2 percent, the lowest level since 2004", "the biggest cut since 2001": a level or a move compared with
# the past, not the start of a run of moves ('since' alone reads as one)
_SINCE_SUPERLATIVES = sorted({*lexicon.words("rates", "level_superlatives"), *lexicon.phrases("moves", "superlatives")},
                             key=len, reverse=True)
SUPERLATIVE_SINCE_RE = re.compile(rf"\b(?:its|their|the|a)\s+(?:{'|'.join(_SINCE_SUPERLATIVES)})\b(?:\s+[\w-]+){{0,3}}?"
                                  r"\s+since\s+[^,;]*", re.I)
# "raised rates on Friday for the third time this year": the day's decision, counted in a run; the count is no run
# of moves told as one claim (read only where a day of its own remains once the count is set aside)
ORDINAL_TIME_RE = re.compile(rf"\bfor\s+(?:(?:the|a)\s+)?(?:{ordinal_words(2, 20)}|\d+(?:st|nd|rd|th))\s+"
                             r"(?:(?:straight|consecutive|successive)\s+)?time\b"
                             r"(?:\s+(?:this|in|since)\b[^,;]*)?", re.I)
TOTAL_SINCE_RE = re.compile(r"\b(?:total|cumulative)\b(?:\s+\S+){0,3}?\s+since\s+[^,;]{3,30}?\s+to\s+", re.I)


def cumulative_span(text: str, published: date) -> DateRange | None:
    """The span of a run of moves to date, from the month or day after 'since' to publication."""
    m = SINCE_RE.search(text)
    if m is None:
        return None
    day = DATE_RE.match(text, m.start() + len("since "))
    start = resolve_date_mention(day, published) if day else None
    if start is None and m.group("only_year"):
        start = date(int(m.group("only_year")), 1, 1)
    elif start is None:
        month = MONTHS[m.group("month").lower()]
        year = int(m.group("year")) if m.group("year") else (
            published.year if month <= published.month else published.year - 1)
        start = date(year, month, 1)
    if start > published:
        return None
    return DateRange(start.isoformat(), published.isoformat())


def meetings_span(text: str, published: date) -> DateRange | None:
    """'over its previous three meetings': from about that many meetings back to publication."""
    m = MEETINGS_RUN_RE.search(text)
    if m is None:
        return None
    try:
        n = int(parse_number(m.group("n")))
    except ValueError:
        return None
    return DateRange((published - timedelta(days=n * MEETING_SPACING_DAYS)).isoformat(), published.isoformat())


def _run_to_date(event: Event, own_text: str, text: str,
                 published: date | None) -> tuple[DateRange, float | None] | None:
    """'has cut rates by 75 basis points since September': the span and the size of a run of moves to date (the
    corpus' cumulative cut: that span as its horizon, no session). Only with a size of its own ('cut rates since
    September, including a 75 basis point cut on Tuesday' sizes one decision, not the run) and a start."""
    if published is None or event.modality != "reported" or event.action not in ("cut", "hike"):
        return None
    size = event.bp if event.bp is not None else _size_bp(own_text)
    span = cumulative_span(text, published) or meetings_span(text, published)
    # "has lowered its deposit rate five times since June": a run counted in moves, its sum not told
    counted = size is None and COUNTED_RUN_RE.search(own_text) is not None
    return (span, size) if span is not None and (size is not None or counted) else None


def _one_decision(event: Event, own_text: str, horizon: DateRange | None) -> bool:
    """Whether an event tells of one decision, not several added up or a run of moves to date."""
    if CUMULATIVE_RE.search(own_text) and not (horizon and event.modality == "reported"):
        return False  # "a cumulative 1.25 points in two weeks": several decisions, not one
    # "has cut rates a full point since mid-September": a run of moves to date
    return not (event.modality == "reported" and event.action != "hold" and RUN_OF_MOVES_RE.search(own_text))


class RatePolicyClaims(ExtractComponent):
    kinds = ("rate_policy",)

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        text = doc_text(doc)
        named_anywhere = _bank(text)
        # market commentary that names no central bank at all and no other country's speaks of the Fed ("Traders are
        # betting that the central bank will cut rates in June", "Policymakers left interest rates unchanged")
        whole = article_text(doc)
        unnamed = None if OTHER_BANK_RE.search(text) or UNKNOWN_BANK_RE.search(text) or (
            FOREIGN_ECONOMY_RE.search(whole) and not AMERICAN_RE.search(whole)) or _leads_with_another_economy(
            whole) else "Fed"
        last_bank: str | None = None  # "the central bank", "policymakers" refer to the bank named before
        # paragraph breaks end sentences already (the sentence_boundaries component)
        for sentence in doc.sents:
            named = _bank(span_text(sentence))
            fallback = last_bank or (named_anywhere[0] if named_anywhere else unnamed)
            if not _a_question(span_text(sentence)):  # "Will the Fed cut rates again?": asked, not claimed
                claims.extend(self._claims(doc, sentence, fallback))
            if named is not None:
                last_bank = named[0]
        add_claims(doc, claims)
        return doc

    # -- one sentence --

    def _claims(self, doc: Doc, segment: Span, fallback_bank: str | None) -> list[Claim]:
        text = span_text(segment)
        # a day's decision and the total it brings ("..., bringing its total cuts since September to 2-1/4 points")
        events = self._claimed_events(segment)
        events += self._stance_events(segment, events) + self._total_events(segment)
        if not events:
            return []
        bank = self._bank_of(text, events, fallback_bank)
        if bank is None:
            return []
        published = local_published(doc._.published).date() if doc._.published else None
        stop = {e.anchor.i for e in events}
        claims: list[Claim] = []
        told: list[tuple[Token, Claim]] = []  # each claim with the word that told it
        seen: set[tuple] = set()
        for n, event in enumerate(events):
            time_text = event.time or _text(_time_tokens(event.anchor, segment, stop - {event.anchor.i}))
            time_text = f"{time_text} {_text(_meeting_clause(event.anchor, segment))}".strip()
            own_text = _text(event.own)
            # a stance told beside a decision is a claim of its own, with no time of its own needed, and leaves
            # the decision the sentence's one
            reading = self._reading(event, n == 0 or event.beside, own_text, time_text, text,
                                    len([e for e in events if not e.beside]) == 1, published)
            if reading is None:
                _fill_in_the_size(told, event, event.bp,
                                  lambda claim, noun=event.anchor: _told_beside(noun, claim, told))
                continue
            session, horizon, bp, stated = reading
            key = (event.action, event.modality, session, (horizon.start, horizon.end) if horizon else None)
            if key in seen:
                _fill_in_the_size(told, event, bp, lambda claim, key=key: _the_same_decision(claim, key))
                continue
            seen.add(key)
            claims.append(Claim(
                article_id=doc._.article_id, sentence=text, char_start=segment.start_char,
                char_end=segment.end_char, kind="rate_policy", bank=bank[0], action=event.action, bp=bp,
                modality="opinion" if event.modality in ("opinion_hold", "opinion_view") else event.modality,
                level=event.level,
                stated=stated,
                session=session.isoformat() if session else None, horizon=horizon,
                speaker=speaker_of(segment), period="day" if session else None,
                span_start=bank[1], span_end=len(text.rstrip()),
            ))
            told.append((event.anchor, claims[-1]))
        return claims + self._second_named_rates(segment, told)

    def _second_named_rates(self, segment: Span, told: list[tuple[Token, Claim]]) -> list[Claim]:
        """'lowered the federal funds rate a quarter point to 2.25 percent and the discount rate a quarter point to
        2.5 percent', 'held its deposit rate at 1 percent and kept its marginal lending rate at 3 percent': one
        decision of a bank on two rates it names is two claims (the corpus' convention), the second with its own size
        and level where told, and the rate's name kept as stated (the checker holds the federal funds history only)."""
        extra: list[Claim] = []
        published = local_published(segment.doc._.published).date() if segment.doc._.published else None
        anchors = {t.i for t, _ in told}
        for verb, claim in told:
            first = _named_rate(verb)
            if verb.pos_ not in ("VERB", "AUX") or first is None or claim.kind != "rate_policy":
                continue
            for rate, words in _second_rates_of(verb, first, segment, anchors):
                text = _text(words)
                day = _decision_day(text, published) if published else None
                if SECOND_RATE_OWN_TIME_RE.search(text) or (day and day.isoformat() != claim.session):
                    continue  # 'and its benchmark rate a month later': another decision, on a day of its own
                level, level_text = self._level(words, segment)
                stated = {"rate": _text(_rate_name_tokens(rate) + [rate])}
                if level_text:
                    stated["level"] = level_text
                extra.append(replace(claim, bp=_size_bp(text), level=level, stated=stated,
                                     span_start=rate.left_edge.idx - segment.start_char))
        return extra

    @staticmethod
    def _reading(event: Event, first: bool, own_text: str, time_text: str, text: str, single: bool,
                 published: date | None) -> tuple[date | None, DateRange | None, float | None, dict[str, str]] | None:
        """(session, horizon, size, stated figures) of one decision; or of a run of moves to date ('has lowered rates
        by 75 basis points since September'), whose summed size is kept as stated only: the checker compares a
        claim's bp with one decision's."""
        stated = {"level": event.level_text} if event.level_text else {}
        own_text, time_text = SUPERLATIVE_SINCE_RE.sub(" ", own_text), SUPERLATIVE_SINCE_RE.sub(" ", time_text)
        if event.ruled_out is not None:
            stated["ruled_out"] = event.ruled_out
        if event.modality == "reported" and published is not None and ORDINAL_TIME_RE.search(f"{own_text} {time_text}"):
            counted_out = ORDINAL_TIME_RE.sub(" ", own_text), ORDINAL_TIME_RE.sub(" ", time_text)
            if _decision_day(counted_out[0], published) or _decision_day(counted_out[1], published):
                own_text, time_text = counted_out
        when = _when(event, first, own_text, time_text, text, single, published)
        if when is not None and _one_decision(event, own_text, when[1]) and not (
                event.modality == "reported" and when[0] is not None and COUNTED_RUN_RE.search(time_text)):
            return when[0], when[1], event.bp, stated
        run = _run_to_date(event, own_text, f"{own_text} {time_text}", published)
        if run is None:
            return None
        return None, run[0], None, {**stated, "cumulative_bp": f"{run[1]:g}"} if run[1] is not None else stated

    @staticmethod
    def _total_events(segment: Span) -> list[Event]:
        """'It was the third straight reduction, bringing the total since September to a full percentage point': a
        run of moves told as its total, in the direction of the sentence's move word."""
        m = TOTAL_SINCE_RE.search(span_text(segment))
        if m is None:
            return []
        size = _size_bp(span_text(segment)[m.end():m.end() + 40])
        mover = next((t for t in segment if (NOUN_ACTIONS.get(t.lemma_.lower()) or ACTIONS.get(t.lemma_.lower()))
                      in ("cut", "hike")), None)
        span = segment.char_span(m.start(), len(span_text(segment)), alignment_mode="expand")
        if size is None or mover is None or span is None:
            return []
        action = NOUN_ACTIONS.get(mover.lemma_.lower()) or ACTIONS[mover.lemma_.lower()]
        return [Event(mover, action, "reported", list(span), bp=size, total=True)]

    def _claimed_events(self, segment: Span) -> list[Event]:
        """The sentence's events that may become claims: each with a direction, none a view the story has moved
        past, a hypothetical or an opinion."""
        events = self._events(segment)
        # a noun "move" takes its direction from the sentence's other events
        for event in events:
            if event.action is None:
                event.action = next((e.action for e in events if e.action), None)
        # "had widely expected the Fed to lower rates, but were surprised by the half-point move"
        if len(events) > 1:
            events = [e for e in events if not e.past_view] or events[:1]
        for event in events:
            if event.modality in ("hypothetical", "opinion") and not _a_view_denied(event.anchor, segment) and (
                    _an_officials_view(event.anchor, segment) or _a_named_banks_path_urged(event.anchor, segment)):
                event.modality = "opinion_view"
        return [e for e in events if e.action is not None and e.modality not in ("hypothetical", "opinion")]

    @staticmethod
    def _stance_events(segment: Span, events: list[Event]) -> list[Event]:
        """'Powell said there was no hurry to lower rates', 'the Fed pledged to keep rates low for an extended
        period': a hold stated as a view, the bank's (opinion) or the market's ('expectations that rates would stay
        low for a long time': expected); beside the sentence's events only where none of them lies in its words
        ('cut rates to near zero in December and has pledged to keep them low for a long time')."""
        text = span_text(segment).replace('"', " ").replace("\u201c", " ").replace("\u201d", " ")
        m = STANCE_HOLD_RE.search(text)
        span = segment.char_span(m.start(), m.end(), alignment_mode="expand") if m else None
        if span is None or (span.start > segment.start and span.doc[span.start - 1].lower_ in NOT_POLICY_RATES):
            return []  # "mortgage rates would stay low for a long time": another rate
        # whose view: traders or investors as a subject, or expectations and bets ('a labor market' is no holder)
        if any(span.start <= e.anchor.i < span.end or e.action == "hold" and e.modality != "reported"
               for e in events):
            return []  # the stance is an event read already, or a view of a hold is told already
        market = any(t.lemma_.lower() in MARKET_WORDS and t.dep_ in ("nsubj", "nsubjpass") or t.lemma_.lower()
                     in HOPE_NOUNS | STANCE_VIEW_NOUNS for t in segment)
        return [Event(span[0], "hold", "expected" if market else "opinion_hold", list(span), beside=bool(events))]

    def _bank_of(self, text: str, events: list[Event], fallback_bank: str | None) -> tuple[str, int] | None:
        """The bank the sentence names, or the one named before when the sentence refers to a bank or its rate
        (and names no other country's bank); with where the claim's words start."""
        named = _bank(text)
        if named is not None:
            return named[0], named[1].start()
        by_subject = next(((b, e.anchor) for e in events if (b := _country_subject_bank(e.anchor))), None)
        if by_subject is not None:  # "Japan in January raised its short-term policy rate from 0.25% to 0.5%"
            return by_subject[0], 0
        if COUNTRYS_BANK_RE.search(text):  # "The Australian dollar fell after the country's central bank raised rates"
            named = _the_countrys_bank(text)
            return (named, 0) if named else None
        country = MOVE_IN_COUNTRY_RE.search(text)
        if country is not None:  # "market bets of another rate hike in Japan": the BoJ, whatever bank came before
            by_name = {" ".join(c.lower().split()): b for c, b in _COUNTRY_BANKS.items()}
            return by_name[" ".join(country.group("country").lower().split())], country.start()
        reference = BANK_REFERENCE_RE.search(text)
        refers = reference is not None or any(self._speaks_of_the_rate(e) or _told_of_a_bank_named_before(e)
                                              for e in events)
        if fallback_bank is None or not refers or OTHER_BANK_RE.search(text) or UNKNOWN_BANK_RE.search(text):
            return None
        return fallback_bank, reference.start() if reference else 0

    @staticmethod
    def _speaks_of_the_rate(event: Event) -> bool:
        """'rates would bottom out at 4.25 percent', 'they will stay at 2 percent': the bank is the one before."""
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in DECISION_NOUNS for c in event.anchor.children):
            return True  # "its decision leaves the policy rate at 2.5 percent"
        if event.total:
            return True  # "bringing the total since September to a full point": the moves of the bank named before
        if event.noun and _projected_or_priced(event.anchor):
            return True  # "Officials penciled in two more reductions": the bank named before
        if not event.noun and _a_priced_move_without_object(event.anchor):
            return True  # "futures priced more than an even chance of easing in June": the bank's move
        at_a_meeting = MEETING_WORD_RE.search(f"{event.time or ''} {_text(event.own)}") is not None
        to_come = event.anchor.lemma_.lower() in BANK_MOVE_NOUNS and event.modality in ("expected", "forecast")
        if event.noun and event.bp is not None and (at_a_meeting or to_come):
            # "The quarter-point reduction at the July meeting was the first since 2020"; "Traders are now betting on
            # a hike of at least 25 basis points by September": a bank's move to come by its size (not 'two members
            # voted for a half-point cut', a vote)
            return True
        if event.action == "hold" and event.anchor.lemma_.lower() in RATE_HEADS:
            return True  # "expectations that interest rates would stay low for a long time": the bank's rate
        return event.anchor.lemma_.lower() in RATE_SUBJECT_VERBS or event.anchor.lemma_ == "be" or (
            event.level is not None and event.modality in ("forecast", "expected"))

    def _events(self, segment: Span) -> list[Event]:
        tokens = list(segment)  # read three times: a Token made once per word
        action_nouns = {t.i for t in tokens if _is_action_noun(t)}
        # a phrase ends where another policy verb starts ("held rates at 2 percent after cutting them by ...")
        stop = action_nouns | {t.i for t in tokens if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ACTIONS}
        events: list[Event] = []
        for tok in tokens:
            if tok.is_upper and len(tok) > 1:
                continue  # a headline in capitals
            event = None
            if tok.i in action_nouns:
                # "40 basis points of cuts" is read off the points (_amount_of_moves_event)
                event = self._noun_event(tok, segment, stop) if _moves_counted_in_points(tok) is None else None
            elif tok.pos_ in ("VERB", "AUX"):
                event = self._verb_event(tok, segment, stop)
            elif tok.lemma_.lower() in ("rate", "target") and tok.pos_ == "NOUN":
                event = self._level_forecast_event(tok, segment)
            elif tok.lemma_.lower() in POINT_WORDS and tok.pos_ in ("NOUN", "PROPN"):
                event = self._amount_of_moves_event(tok, segment, stop)
            if event is not None:
                events.append(event)
                events.extend(_a_second_sized_move(event, segment))
        return events

    # -- verbs --

    def _verb_event(self, tok: Token, segment: Span, nouns: set[int]) -> Event | None:
        lemma = tok.lemma_.lower()
        if _a_bank_standing_pat(tok) and not _odds_below_half(tok):  # "the Fed stood pat on rates last month"
            odds = _odds_of_a_decision(tok)  # "a 90% chance that the Fed stands pat": the market's expectation
            modality = "expected" if odds else self._modality(tok, segment, modality_of(tok, segment))
            return Event(tok, "hold", modality, _own_tokens(tok, segment, nouns))
        if lemma in ACTIONS:
            return self._policy_verb_event(tok, segment, nouns)
        if lemma in LEVEL_VERBS:
            return self._level_verb_event(tok, segment, nouns)
        if lemma in RATE_SUBJECT_VERBS or lemma == "be" or _phrasal_rate_move(tok) is not None:
            return self._rate_subject_event(tok, segment, nouns)
        return None

    def _policy_verb_event(self, tok: Token, segment: Span, nouns: set[int]) -> Event | None:
        action = ACTIONS[tok.lemma_.lower()]
        if _done_moving(tok):  # "the Fed is done raising rates": a view that rates stay where they are
            return Event(tok, "hold", "opinion_hold", _own_tokens(tok, segment, nouns))
        if not _may_move_a_policy_rate(tok):
            return None
        objects = _text([t for t in tok.subtree if t.i != tok.i and _inside(t, segment)])
        if not _acts_on_a_rate(tok, objects):
            return None
        if action == "hold" and not _a_hold_stated(tok, objects):
            return None  # "keep rates" needs its 'steady'; the odds that "the Fed holds rates in March" do not
        own = _own_tokens(tok, segment, nouns)
        put_off = _put_off_by(tok)
        if put_off is not None:
            return self._put_off_event(tok, put_off, segment, own)
        if _in_no_hurry(tok, segment):
            return Event(tok, "hold", "opinion_hold", own)  # "in no rush to cut": a view that rates stay put
        if self._tells_no_decision(tok):
            return None
        action, modality, ruled_out = self._verb_action_modality(tok, segment, action)
        level, level_text = self._level(own, segment)
        if level is None:  # "will lower rates twice this year, reaching 3.75%-4.00% by end-2025"
            reaching = [c for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() in REACHING_VERBS]
            if reaching:
                level, level_text = self._level(own + list(reaching[0].subtree), segment)
        size = _size_bp(_text(own))
        if size is None and modality == "reported" and not _in_the_perfect(tok):
            # "cut the funds rate to 4.75 percent from 5.25 percent" (not 'has cut it to 4.5% from 5.25% since
            # August', a run of moves told as background)
            size = _size_from_two_levels(_text(own), level, action)
        return Event(tok, action, modality, own, level=level, level_text=level_text, bp=size,
                     past_view=_past_expectation(tok, segment), ruled_out=ruled_out)

    def _verb_action_modality(self, tok: Token, segment: Span, action: str) -> tuple[str, str, str | None]:
        """(action, modality, the move ruled out) of a policy verb that tells a decision or a view of one."""
        if _no_move_expected(tok):
            # "is unlikely to cut before its next meeting": no cut, i.e. a hold; a move the other way is no miss
            return "hold", "expected", action
        odds = _odds_noun_of(tok)
        if _odds_of_a_decision(tok) or _a_headline_infinitive(tok) or (odds is not None and _odds_raised(odds)):
            return action, "expected", None
        modality = self._modality(tok, segment, modality_of(tok, segment))
        if modality == "hypothetical" and tok.dep_ == "ccomp" and _projected_by_the_bank(tok, segment):
            modality = "forecast"  # "minutes signalled that the central bank may raise rates sooner than expected"
        return action, modality, None

    def _put_off_event(self, tok: Token, put_off: Token, segment: Span, own: list[Token]) -> Event | None:
        """A move put off to a time is the move expected then (the corpus' convention for 'until September'); put off
        with no time it states no move of its own."""
        until = [t for verb in (put_off, tok) for c in verb.children if c.dep_ == "prep"
                 and c.lower_ in ("until", "till", "before") for t in c.subtree]
        if not until or _negated(put_off):
            return None
        modality = self._modality(tok, segment, "expected")
        # "the data gave the Fed cover to hold off cutting until June": the writer's reading, not a possibility
        return Event(tok, ACTIONS[tok.lemma_.lower()], "expected" if modality in ("reported", "hypothetical")
                     else modality, own, time=_text(until))

    def _tells_no_decision(self, verb: Token) -> bool:
        """A policy verb that is a cause, an aim, a judgement, a move not taken, odds below one half or denied."""
        return self._names_the_decision_as_a_cause(verb) or _judged_or_forgone(verb) or _odds_below_half(verb) or \
            _too_much_for(verb) or (
            self._is_a_purpose(verb) and not _odds_of_a_decision(verb)) or (_negated(verb) and not _not_until(verb))

    @staticmethod
    def _is_a_purpose(verb: Token) -> bool:
        """'an effort to lower borrowing costs', 'any move to raise rates': an aim, not a decision or a view."""
        if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
            return False
        noun = verb.head
        if any(c.lower_ in ("any", "no") for c in noun.children):
            return True
        if noun.lemma_.lower() in PRICING_NOUNS:
            # "a 95% probability that the Fed will hold rates steady": priced odds of a decision, not an aim; odds
            # with no figure ("lowers the odds of the Bank of Canada cutting rates") state no expectation
            return not (_priced_odds([noun]) or _odds_raised(noun))
        return noun.lemma_.lower() not in DECISION_NOUNS | PROSPECT_NOUNS | SCENARIO_NOUNS | PLEDGE_NOUNS

    @staticmethod
    def _names_the_decision_as_a_cause(verb: Token) -> bool:
        """'The decision by the Fed to lower rates led banks to cut the prime rate' (no size, no level)."""
        noun = verb.head
        if verb.dep_ != "acl" or noun.lemma_.lower() not in DECISION_NOUNS:
            return False
        phrase = " ".join(t.text for t in noun.subtree)
        if _size_bp(phrase) is not None or RATE_LEVEL_RE.search(phrase):
            return False
        return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in CAUSE_VERBS

    def _level_verb_event(self, tok: Token, segment: Span, nouns: set[int]) -> Event | None:
        """'The decision took the funds rate down to 4.75 percent, its lowest since May of last year.'"""
        # the small parser sometimes reads "the funds rate down to 2.25 percent" as a clause with "rate" its verb
        objects = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "oprd")
                   and RATE_NOUN_RE.search(" ".join(t.text for t in c.subtree if t.dep_ not in ("relcl", "acl")))]
        if not objects or not _actor_is_a_bank(tok) or not any(c.dep_ in ("nsubj", "nsubjpass")
                                                               for c in tok.children):
            return None
        own = _own_tokens(tok, segment, nouns)
        if objects[0].dep_ in CLAUSE_DEPS:
            own += _own_tokens(objects[0], segment, nouns)
        level, level_text = self._level(own, segment, require_to=True)
        if level is None:
            return self._sized_level_verb_event(tok, segment, own)
        action = self._direction_to_level(own, segment, level, level_text)
        if action is None:
            return None
        modality = self._modality(tok, segment, modality_of(tok, segment))
        return Event(tok, action, modality, own, level=level, level_text=level_text, bp=_size_bp(_text(own)))

    def _sized_level_verb_event(self, tok: Token, segment: Span, own: list[Token]) -> Event | None:
        """'took borrowing costs down by a half point', 'brought rates up by a quarter point': no level, but a
        particle for the direction and a size (both needed: 'took rates down' alone may be a market's doing)."""
        size = _size_bp(_text(own))
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod") and c.i > tok.i}
        action = "cut" if particles & {"down", "lower"} else "hike" if particles & {"up", "higher"} else None
        if size is None or action is None:
            return None
        return Event(tok, action, self._modality(tok, segment, modality_of(tok, segment)), own, bp=size)

    def _direction_to_level(self, own: list[Token], segment: Span, level: float, level_text: str | None) -> str | None:
        """'down to', 'up to', 'its lowest', or the level it came from ('down' parsed as a modifier of the figure
        too: 'brought its benchmark rate down to 1 percent')."""
        words = {t.lower_ for t in own if t.dep_ in ("prt", "advmod", "prep", "quantmod")}
        tail = span_text(segment)[span_text(segment).find(level_text or "") if level_text else 0:]
        if words & {"down", "lower"}:
            return "cut"
        if words & {"up", "higher"}:
            return "hike"
        if re.search(r"\b(lowest|low(?:er)? level)\b", tail, re.I):
            return "cut"
        if re.search(r"\b(highest|high(?:er)? level)\b", tail, re.I):
            return "hike"
        return self._direction_from_levels(_text(own), level)

    @staticmethod
    def _direction_from_levels(text: str, level: float) -> str | None:
        """'from 5.25 percent to 5 percent': the earlier level gives the direction."""
        m = re.search(r"\bfrom\s+(?P<old>\d+(?:\.\d+)?)\s*(?:%|percent)", text, re.I)
        if m is None or float(m.group("old")) == level:
            return None
        return "cut" if float(m.group("old")) > level else "hike"

    def _rate_subject_event(self, tok: Token, segment: Span, nouns: set[int]) -> Event | None:
        """'rates will be on hold until 2010', 'they will stay at 2 percent', 'rates would bottom out ... at 4.25%'."""
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or not _the_rate_or_its_bank(subjects[0], segment) or _odds_below_half(tok):
            return None  # "a 30% chance that rates will be on hold in June": no expectation
        own = _own_tokens(tok, segment, nouns)
        own_text = _text(own)
        lemma = tok.lemma_.lower()
        action = _rate_subject_action(lemma, own_text)
        if action is None:
            return None
        level, level_text = self._level(own, segment)
        if action == "hold" and lemma != "be" and level is None and not re.search(
                r"\b(unchanged|steady|on hold|near zero)\b", own_text, re.I):
            return None  # "rates will stay low for some time": no level, no claim to check
        if lemma in ("bottom", "peak") and level is None:
            return None
        # "a 60% chance that the Fed would still be on hold in July": priced odds, the market's expectation
        modality = "expected" if _odds_of_a_decision(tok) else self._modality(tok, segment, modality_of(tok, segment))
        if modality == "reported":
            return None  # "rates stayed at 2 percent" describes the level, not a decision
        return Event(tok, action, modality, own, level=level, level_text=level_text, bp=_size_bp(own_text))

    # -- nouns --

    def _noun_event(self, tok: Token, segment: Span, nouns: set[int]) -> Event | None:
        """'a half-point cut last month', 'a September rate cut', 'a further quarter-point cut in the funds rate'."""
        others = nouns - {tok.i}
        # "one rate cut" tagged as the noun "rate" with a verb "cut" hung on it: the phrase is headed by "rate"
        phrase = _noun_phrase_head(tok)
        own = _own_tokens(tok, segment, others) + (_own_tokens(phrase, segment, others | {tok.i})
                                                   if phrase.i != tok.i else [])
        size = _size_bp(_text(own))
        if not _a_policy_rate_move(tok, segment, size):
            return None
        if self._tells_no_move(phrase, segment):
            return None
        if _no_move_expected(phrase):
            return Event(tok, "hold", "expected", own, noun=True, ruled_out=_noun_action(tok))
        action, own = _stay_on_hold(tok, segment, own)
        past_owner = _past_owner(phrase)
        # "last week's cut could help": dated by its past owner, a decision whatever the verb above it
        modality = "reported" if past_owner else self._noun_modality(phrase, segment)
        if modality == "reported" and tok.tag_ == "NNS" and any(
                c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in phrase.children):
            return None  # "after 17 quarter-point increases": a run of past moves
        time_tokens = _time_tokens(tok, segment, others) + (_time_tokens(phrase, segment, others | {tok.i})
                                                             if phrase.i != tok.i else [])
        time_text = _text(time_tokens + own if action == "hold" else time_tokens)
        time_text += _month_of_the_move(phrase) + past_owner  # "September's half-point reduction", "last week's cut"
        level, level_text = self._move_level(own, segment, phrase)
        projected = action in ("cut", "hike") and not past_owner and _projected_by_the_bank(phrase, segment)
        if projected:
            modality = "forecast"
        if not _stated_by_a_figure(size, level, phrase) and not _names_a_time(time_text, modality, action) and \
                not _a_view_of_the_path(phrase, segment, modality, tok) and not projected:
            return None  # "on the smaller-than-expected rate cut", "in anticipation of further rate reductions"
        return Event(tok, action, modality, own, noun=True, level=level, level_text=level_text, bp=size,
                     past_view=_past_expectation(phrase, segment), time=time_text)

    def _tells_no_move(self, phrase: Token, segment: Span) -> bool:
        """A move noun in a series of past moves, a market figure moving, a measure likened to a move, or one denied
        by its determiner ('penciled in no cuts this year', 'there would be no rate cut': not the move) or from
        above."""
        denied_by_its_determiner = phrase.lemma_.lower() not in NO_CHANGE_NOUNS and any(
            c.dep_ == "det" and c.lower_ == "no" for c in phrase.children)  # 'no change in rates': a hold
        # 'did not signal a cut' tells no move; 'do not see a cut' is read next, as a hold expected
        denied_from_above = _denied_from_above(phrase, segment) and not _no_move_expected(phrase)
        return self._is_a_series(phrase) or self._is_market_pricing(phrase, segment) or _likened(phrase) or \
            denied_by_its_determiner or denied_from_above

    def _move_level(self, own: list[Token], segment: Span, phrase: Token) -> tuple[float | None, str | None]:
        """The level a move noun takes the rate to; none in priced odds ('raised the odds of a September rate cut
        to about 80%': the figure is the odds)."""
        # "a rate cut to 2.5% is fully priced in": a level of the move itself, priced
        return (None, None) if _projected_or_priced(phrase) and not _priced_in(phrase) else self._level(own, segment)

    def _amount_of_moves_event(self, points: Token, segment: Span, nouns: set[int]) -> Event | None:
        """'Markets are pricing in about 40 basis points of easing from the Fed this year', 'futures imply 37 basis
        points of cuts by December': the size the market or forecasters expect, summed over the moves."""
        heads = [points, *(c for c in points.children if c.lower_ == "worth")]  # "30 basis points worth of cuts"
        move = next((g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ in ("pobj", "pcomp") and _moves_counted_in_points(g) == points), None)
        if move is None:
            return None
        lemma = move.lemma_.lower()
        action = NOUN_ACTIONS.get(lemma) or ACTIONS.get(lemma)
        modality = "expected" if _priced_in(move) else self._noun_modality(points, segment)
        if action not in ("cut", "hike") or modality not in ("expected", "forecast"):
            return None  # "the 100 basis points of cuts delivered since September": a run of past moves
        own = [t for t in points.subtree if _inside(t, segment)]
        time_text = _text(_time_tokens(points, segment, nouns) + _time_tokens(move, segment, nouns))
        return Event(points, action, modality, own, noun=True, bp=_size_bp(_text(own)), time=time_text)

    @staticmethod
    def _is_a_series(tok: Token) -> bool:
        """'17 straight quarter-point increases', 'its string of interest-rate cuts': past moves, not one decision."""
        if any(t.lower_ in SERIES_WORDS for t in tok.subtree if t.dep_ not in CLAUSE_DEPS):
            return True
        head = tok.head
        return head.lower_ == "of" and head.head.lemma_.lower() in SERIES_WORDS

    @staticmethod
    def _is_market_pricing(tok: Token, segment: Span) -> bool:
        """'the probability of a July rate cut rising to even odds': a market figure moving, not a forecast."""
        node = tok
        for _ in range(3):
            if node.head.i == node.i or not _inside(node.head, segment):
                return False
            node = node.head
            if node.lemma_.lower() in PRICING_NOUNS:
                related = [*node.children, node.head]
                return any(t.lemma_.lower() in MARKET_MOVE_LEMMAS and t.pos_ == "VERB" for t in related)
        return False

    def _noun_modality(self, noun: Token, segment: Span) -> str:
        """'bets on a rate cut' is an expectation; 'surprised by the half-point move' a fact."""
        ancestors = [a for a in list(noun.ancestors)[:3] if _inside(a, segment)]
        lemmas = [a.lemma_.lower() for a in ancestors]
        if _wanted(noun, lemmas) or _said_needed(noun, segment):
            # "whether he favored another big cut", "I support a rate cut in March", "Poole said further cuts might
            # be needed"
            return "opinion"
        if _said_likely(noun):  # "Barkin said that further rate cuts are likely this year": his view of the path
            governor = _governor(noun, segment)
            return "expected" if governor is not None and _source_words(governor) & MARKET_WORDS else "forecast"
        if _priced_odds([noun, *ancestors]) or _priced_in(noun):
            return "expected"  # "a 70% chance of another cut in December": the market's priced odds
        if _a_possibility(noun, lemmas):
            return "hypothetical"  # "fears of rate increases", "officials are weighing a cut of as much as a point"
        if any(h in PROSPECT_NOUNS for h in lemmas) or _an_expected_move(noun):
            # "the need for more interest-rate increases", "scaled back expected rate cuts this year"
            return self._modality(noun, segment, "expected")
        verb = _verb_above_the_move(noun)
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and not _a_projection_verb_tagged_noun(verb):
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") and not _a_projection_verb_tagged_noun(verb):
            return "reported"
        return self._modality_under_verb(noun, verb, segment)

    def _modality_under_verb(self, noun: Token, verb: Token, segment: Span) -> str:
        """The modality of a move noun from the verb it hangs from: 'expects a cut', 'followed a cut'."""
        projection = verb.lemma_.lower() in PROJECTION_VERBS and _depth_below(noun, verb) <= 3
        if (verb.lemma_.lower() in EXPECT_LEMMAS or verb.lemma_.lower() in LOOK_FOR_VERBS) and not (
                projection and _a_projection_verb_tagged_noun(verb)):
            return self._modality(noun, segment, "expected")
        if projection:
            # "officials penciled in two more reductions", "projections point to one cut in 2026"
            return "expected" if _source_words(verb) & MARKET_WORDS else "forecast"
        governor = _governor(noun, segment)
        if governor is not None and _source_words(governor) & FORECASTER_WORDS:
            return "forecast"  # "the median forecast pointed to a further quarter-point cut"
        if verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return "reported"
        return self._modality(noun, segment, modality_of(verb, segment))

    # -- forecasts of a level --

    def _level_forecast_event(self, tok: Token, segment: Span) -> Event | None:
        """'a median forecast for a 4.5 percent federal funds rate ... a quarter-point below where the Fed left
        rates': the level, and the direction and size from 'a quarter-point below'."""
        percent = [c for c in tok.children if c.lower_ in ("percent", "%") and any(
            g.dep_ == "nummod" for g in c.children)]
        if not percent or not RATE_NOUN_RE.search(" ".join(t.text for t in tok.subtree)):
            return None
        if not re.search(r"\b(forecasts?|projections?|expect\w*|predict\w*|median|poll)\b", span_text(segment), re.I):
            return None
        m = re.search(r"(?P<size>(?:[\w.]+[\s-]){1,2}(?:of\s+a\s+)?(?:percentage[\s-])?point|\d+\s+basis\s+points?)\s+"
                      r"(?P<dir>below|lower than|under|above|higher than|over)\b", span_text(segment), re.I)
        if m is None:
            return None
        number = next(g for g in percent[0].children if g.dep_ == "nummod")
        action = "cut" if m.group("dir").lower() in BELOW_WORDS else "hike"
        modality = "forecast" if re.search(r"\b(forecasts?|projections?|median|poll)\b", span_text(segment), re.I) \
            else "expected"
        return Event(tok, action, modality, [tok, *tok.subtree], level=float(number.text),
                     level_text=number.text, bp=_size_bp(m.group("size")))

    # -- shared --

    @staticmethod
    def _level(own: list[Token], segment: Span, require_to: bool = False) -> tuple[float | None, str | None]:
        text = _text(own)
        rate_noun = RATE_NOUN_RE.search(text)
        if (f := FRACTION_LEVEL_RE.search(text, rate_noun.start() if rate_noun else 0)) and not (
                require_to and not f.group(0).lower().startswith("to")):
            return int(f.group("whole")) + int(f.group("num")) / int(f.group("den")), \
                f"{f.group('whole')}-{f.group('num')}/{f.group('den')}"
        m = RATE_LEVEL_RE.search(text, rate_noun.start() if rate_noun else 0)
        if m is None or (require_to and not re.match(r"to\b", m.group(0), re.I)):
            return None, None
        return float(m.group("level")), m.group("level")

    @staticmethod
    def _modality(anchor: Token, segment: Span, base: str) -> str:
        """Whose view: what economists and polls see is a forecast, what markets price an expectation; a 'would'
        reported from a forecast ("the median forecast was that rates would ...") is that forecast."""
        framed = _framing(anchor, segment)
        if framed is not None:
            return framed
        if base == "reported":
            # "will wait until next quarter before cutting rates"; "economists look for the Fed to raise rates"
            base = _modal_above(anchor, segment) or ("expected" if _looked_for(anchor, segment) else base)
        governor = _governor(anchor, segment)
        if governor is None:
            return base
        source = _source_words(governor)
        would = base == "hypothetical" and not re.search(r"\b(if|unless|could|might|may|should|can|must)\b",
                                                         segment.doc[governor.i:anchor.i + 1].text
                                                         if governor.i < anchor.i else "", re.I)
        if base == "hypothetical" and not would:
            return base
        if governor.lemma_.lower() == "see" and any(c.dep_ == "auxpass" for c in governor.children):
            return "expected"  # "the Fed is seen slashing rates"
        if source & FORECASTER_WORDS:
            return "forecast"
        if source & MARKET_WORDS:
            return "expected"
        if would and governor.lemma_.lower() in EXPECT_LEMMAS:
            return "expected"
        return base


lead_module_patterns(globals())
