"""Gated parsing: only sentences that can hold a claim (and the context they need) reach the parser.

Most sentences of a news story hold no claim: running the tagger, parser and NER over them is most of the
pipeline's time for nothing. The gate runs the cheap steps over the whole text -- the tokenizer, a rule
sentence splitter with our own boundary rules, the instrument name matchers of ``instrument_mentions`` and
the patterns and word lists the components already use -- and notes per sentence which cues it has
(``Cues``). A sentence is a candidate when the cues of one claim kind come together (``holds_a_claim``):
something that trades (a name, 'shares', 'the index', 'it') with a move, a figure, a record or a streak; a
central bank or policy wording; a deal wording; a judgement of value. A figure alone, or a name alone, is
not enough. A candidate brings the context its components read from earlier sentences (``_context``): the
last sentence that named an instrument when it names none itself ('the index', 'it'), the last and the first
sentence that named a central bank for a policy wording without one, the sentence before for a deal ('the
company', 'it') and when it sets the period ('For the week, ...'), and the header line of a list it sits in.

The kept sentences are joined into a reduced text (a blank line where sentences were left out, which our
sentence rules always treat as a boundary) that the full pipeline parses; ``TextMap`` maps offsets in it
back to the original text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import IntFlag
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from analyzer.extract import lexicon
from analyzer.extract.deals import (
    COMPANY_NOUNS,
    CONTRACT_WON_RE,
    DEAL_NOUNS,
    DEAL_VERBS,
    FOLLOW_UP_NOUNS,
    HEADLINE_PARTNER_NOUNS,
    OWN_SALE_RE,
    PARTNER_WITH_RE,
    POSSESSIVE_DEAL_RE,
    UNDISCLOSED_RE,
)
from analyzer.extract.instruments import REFERRING_HEADS, RIC_RE, sentence_boundaries
from analyzer.extract.moves import (
    CAUSATIVE_LEMMAS,
    COMPARATIVE_VERBS,
    COMPARISON_LEMMAS,
    DIRECTION_WORDS,
    DOWN_LEMMAS,
    RANKING_NOUNS,
    RETURNING_LEMMAS,
    SHARE_HEADS,
    SUPERLATIVE_WORDS,
    UP_LEMMAS,
)
from analyzer.extract.numbers import LEVEL_RE, QUALIFIERS, RATE_POINT_RE
from analyzer.extract.opinions import VALUATION_RE
from analyzer.extract.patterns import led_by_first_chars
from analyzer.extract.rates import (
    ACTIONS,
    ANY_BANK_RE,
    BANK_MOVE_NOUNS,
    BANK_REFERENCE_RE,
    NOUN_ACTIONS,
    OTHER_BANK_RE,
    TOTAL_SINCE_RE,
    UNKNOWN_BANK_RE,
)
from analyzer.extract.timeref import HEADER_LINE_RE, PERIOD_PATTERNS, header_period
from analyzer.models.labels import DEAL_CUE_RE, FIGURE_RE, POLICY_WORD_RE

GAP = "\n\n"  # what stands for the sentences left out: a paragraph break, so no kept sentences merge


class Cues(IntFlag):
    """What the cheap steps found in one sentence."""

    NAME = 1  # an instrument name or a RIC tag
    SHARES = 2  # a word for something that trades: 'shares', 'the stock', 'the index', 'the blue-chip average'
    PRONOUN = 4  # 'it', 'they': the instrument named last, when there is one
    MOVE = 8  # a move or comparison verb in any form, or a direction: 'gained', 'slid', 'outpaced', 'higher'
    FIGURE = 16  # a percent, points, money or a level
    RECORD = 32  # a record or a streak wording
    POLICY = 64  # a central bank, a policy wording: 'the Fed', 'policymakers', 'rate cut'
    BANK = 128  # a central bank by name (what 'the central bank' in a later sentence refers to)
    DEAL = 256  # a deal wording: 'agreed to buy', 'takeover bid'
    DEAL_WORD = 512  # a deal verb or noun in any form: 'acquire', 'bought', 'merger'
    OPINION = 1024  # a judgement of value: 'cheap', 'overvalued'
    PERIOD = 2048  # a period a following sentence may carry on: 'for the week', 'this month'
    HEADER = 4096  # a header line of a list: 'For the week:'
    NUMBER = 8192  # a number in digits: 'ended above 9,000'
    COMPANY = 16384  # a word that refers to a company named before: 'the company', 'its'
    NAMES = 32768  # two or more capitalized words after the first: the parties a deal needs
    CONTINUES = 65536  # starts in lower case, with punctuation or a story tag ('<ID:nN23268417>'): the rule
    # splitter cut a sentence ('Ltda., based')
    PRICE = 131072  # a share price after 'to' or 'at': 'gained $1.24 to close at $30.99', or a move's percent
    LEVEL_VERB = 262144  # a verb that states where something ended: 'closed', 'ended', 'settled'
    RATES = 524288  # 'rate', 'rates': with a figure, a policy rate may be meant
    MOVE_NOUN = 1048576  # 'cut', 'reductions': after a sentence that named a central bank, its move may be meant
    YIELD = 2097152  # 'yield', 'yields': whose bonds ('German bonds ... the two-year yield') the entities say
    BULLET = 4194304  # an item of a bulleted list ('* Acme falls on weak forecast'): a headline of its own
    REFERS_BACK = 8388608  # opens with a word for a company named before: 'Its shares', "The company's stock"
    PROJECTION = 16777216  # a central bank's projection word ('median', 'dots'): with a figure, its projected rate


NO_CUES = Cues(0)


class Claimable(IntFlag):
    """The kinds of claim a sentence may hold, by its cues."""

    MARKET = 1
    POLICY = 2
    DEAL = 4
    OPINION = 8


def word_forms(lemmas: set[str] | dict[str, str]) -> frozenset[str]:
    """The regular inflections of the components' lemmas ('gain' -> gains, gained, gaining), read on the
    tokenizer's output where no tagger has set a lemma; irregular forms are in IRREGULAR_FORMS."""
    out: set[str] = set()
    for lemma in lemmas:
        out |= regular_forms(lemma) | IRREGULAR_FORMS.get(lemma, set())
    return frozenset(out)


def regular_forms(lemma: str) -> set[str]:
    """A lemma's regular inflections: 'gain' -> gains, gained, gaining; 'slip' -> slipped; 'rally' -> rallied."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # slip -> slipped
    return out


def noun_forms(nouns: set[str] | frozenset[str]) -> frozenset[str]:
    """A noun's singular and plural ('stock' -> stocks, 'company' -> companies, 'index' -> indexes), read on the
    tokenizer's output: the components read these words as nouns (a share's or a company's head), so the verb
    inflections ``word_forms`` would add ('priced', 'funding', 'united', 'concerned') are no cue for them."""
    out: set[str] = set()
    for noun in nouns:
        out |= {noun, noun + "s", noun + "es"}
        if noun.endswith("y"):
            out.add(noun[:-1] + "ies")
    return frozenset(out)


IRREGULAR_FORMS = {"rise": {"rose", "risen"}, "fall": {"fell", "fallen"}, "sink": {"sank", "sunk"},
                   "slide": {"slid"}, "send": {"sent"}, "drive": {"drove", "driven"},
                   "dive": {"dove"}, "leap": {"leapt"}, "beat": {"beaten"}, "outrun": {"outran"},
                   "buy": {"bought"}, "sell": {"sold"}, "pay": {"paid"}, "take": {"took", "taken"},
                   "spring": {"sprang", "sprung"}, "shoot": {"shot"}, "swing": {"swung"},
                   "lose": {"lost", "loss", "losses"}, "give": {"gave", "given"}}
# the words market_claims reads as what moved: a share or an index word ('the stock', 'the index'), and
# the pronouns that stand for the instrument named last
SHARE_FORMS = noun_forms(SHARE_HEADS | REFERRING_HEADS | {"industrials", "index", "indexes", "indices", "etf"})
PRONOUN_FORMS = frozenset({"it", "they"})
COMPANY_FORMS = noun_forms(COMPANY_NOUNS) | {"it", "its", "they", "their"}
# 'fared better than the Dow' and 'gave back 5 percent' too
# and a stock ranked by its move without one ('was among the biggest decliners', 'led gainers')
MOVE_FORMS = word_forms(UP_LEMMAS | DOWN_LEMMAS | set(CAUSATIVE_LEMMAS) | set(COMPARISON_LEMMAS)
                        | COMPARATIVE_VERBS | RETURNING_LEMMAS | set(RANKING_NOUNS)) | frozenset(DIRECTION_WORDS)
# deal_claims reads a deal verb in any form and a deal noun in the singular ('orders' too): 'sales' is no deal;
# and a deal named again with its figure ('The deal values 3Com at $2.7 billion', 'Under the terms, ... valuing the
# company at $900 million')
# and what a headline announces as a partnership ('Acme and Bolt announce cloud initiative', deals' headline rule)
DEAL_FORMS = word_forms(DEAL_VERBS) | DEAL_NOUNS | FOLLOW_UP_NOUNS | {"orders", "terms"} | HEADLINE_PARTNER_NOUNS
# 'Futures traders moved to price in a first cut as early as March' after a sentence on the Fed: the bank's move
MOVE_NOUN_FORMS = frozenset(BANK_MOVE_NOUNS | {noun + "s" for noun in BANK_MOVE_NOUNS})
YIELD_FORMS = frozenset({"yield", "yields"})
# 'The median projection for the end of 2025 is 4.1%' after a sentence on the Fed: the bank's projected rate
PROJECTION_FORMS = lexicon.words("rates", "gate_projection_words")
LEVEL_VERB_FORMS = word_forms({"end", "close", "finish", "settle", "stand", "trade", "open", "hover", "remain",
                               "stay", "hold"}) | {"stood", "held"}
BANK_RE = ANY_BANK_RE
# cheaper stand-ins for the components' own patterns, which scan every position of a text with long
# alternations (PERCENT_RE, POINTS_RE, RECORD_RE and STREAK_RE took 5 ms per article): each matches
# wherever its original does (every percent or points figure has one of these words, every record or streak
# wording one of these), so the gate may keep a sentence more, never one less
PERCENT_OR_POINTS_RE = re.compile(r"%|percent|per\s?cent|\bpct\b|[\s-]points?\b", re.I)  # PERCENT_RE, POINTS_RE
RECORD_WORD_RE = re.compile(r"\b(?:high|low|peak|record)|\b(?:best|worst)\s+(?:close|finish)\b", re.I)  # RECORD_RE
STREAK_WORD_RE = re.compile(r"\b(?:straight|consecutive|successive|streak|in\s+a\s+row|back-to-back)\b"
                            r"|\bfirst\s+(?:daily\s+|weekly\s+)?(?:advance|gain|rise|increase|rally|decline|loss|drop|"
                            r"fall|retreat)\s+in\b", re.I)  # STREAK_RE, FIRST_IN_RE
# 'above 9,000 for the first time since', "the Dow's best week since November"
SINCE_RE = re.compile(r"\bfirst time (?:since|in)\b|\b(?:" + SUPERLATIVE_WORDS
                      + r")\s+(?:[\w&.-]+\s+){0,6}?(?:since|in)\b", re.I)
RATES_RE = re.compile(r"\brates?\b", re.I)  # 'rates would bottom out a quarter point lower at 4.25 percent'
NUMBER_RE = re.compile(r"\d")
# 'the broader U.S. stock market rose to its highest level in six years': the S&P 500 (moves._an_epithet)
BROAD_MARKET_CUE_RE = re.compile(r"\b(?:broad(?:er)?|wider|overall)\s+(?:u\.s\.\s+)?(?:stock\s+|equity\s+)?market\b"
                                 r"|\bblue[- ]chips?\b", re.I)  # 'Blue chips fell for a fourth session': the Dow
PRICE_RE = re.compile(r"\b(?:to|at)\s+(?:US)?\$\s?\d")
# a percentage written with its sign is a direction: 'marking a +0.5% move', 'moving -1.46% from the previous
# session' (not a range's second figure, '24-25%')
SIGNED_PERCENT_RE = re.compile(r"(?<![\w.,%)])[+\-\u2212]\d+(?:\.\d+)?\s?%")
# 'Siemens Energy added 4.96%', 'BP jumped 6.4 percent': a move verb with its percent, whose company (one we have
# no listing for) only the parser finds (instruments._moves_by_a_percent)
# 'with Deutsche Bank falling more than 11 percent': with the words that say how exact the figure is
_QUALIFIED = r"(?:by\s+)?(?:(?:" + lexicon.alternation(QUALIFIERS, flexible_spaces=True) + r")\s+)?"
PERCENT_MOVE_RE = re.compile(r"\b(?:" + lexicon.alternation(word_forms(UP_LEMMAS | DOWN_LEMMAS))
                             + r")\s+" + _QUALIFIED + r"\d[\d.]*\s?(?:%|percent\b|pct\b)", re.I)
# a central bank's move or meeting without 'interest rates' or a bank's name: 'could begin raising rates', 'rate
# rises were needed', 'rates are going to be on hold', 'when it wrapped up its last policy meeting'
RATE_ACTION_RE = re.compile(
    r"\b(?:" + lexicon.alternation(word_forms(set(ACTIONS))) + r")\s+rates\b"
    r"|\brate\s+(?:" + lexicon.alternation({w for noun in NOUN_ACTIONS for w in (noun, noun + "s")}) + r")\b"
    # 'rates aren't going to go up anytime soon': a hold, or a move with the rate as its subject (rates' phrasal moves)
    r"|\brates\b[^.;:!?]{0,40}?\b(?:" + lexicon.alternation(lexicon.words("rates", "gate_hold_phrases")
                                                         | set(lexicon.labels("rates", "rate_phrasal_moves")),
                                                         flexible_spaces=True) + r")\b"
    r"|\b(?:" + lexicon.alternation(lexicon.words("rates", "gate_policy_phrases"), flexible_spaces=True) + r")\b",
    re.I)
# a bank's rate verb on a rate it names ('is expected to trim the discount rate it charges'): after a sentence that
# named a central bank, its move (as MOVE_NOUN's 'cut')
RATE_VERB_OBJECT_RE = re.compile(r"\b(?:" + lexicon.alternation(word_forms(set(ACTIONS)))
                                 + r")\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?rates?\b", re.I)
# a sentence that opens with a word for a company named before ('Its shares ended down', "The lender's stock")
COMPANY_LEAD_RE = re.compile(r"[\"'\u201c(]?\s*(?:its|their|the\s+(?:" + lexicon.alternation(COMPANY_NOUNS) + r"))\b",
                             re.I)
# the first word of a bulleted line ('* ', '** ' as a page writes it, '\\*\\* ' as markdown escapes it, '• ') that
# moves or ends within its first words, as a headline does ('* Acme Foods falls on ...', "Company's listing ends 4%
# lower"); not an item of a list of features ('* **Most Linked Pages** - Identifies top sources')
BULLET_RE = re.compile(r"(?:(?<=^\* )|(?<=^\*\* )|(?<=^\\\*\\\* )|(?<=^\u2022 ))(?=(?:\S+\s+){1,5}?(?:"
                       + lexicon.alternation(word_forms(UP_LEMMAS | DOWN_LEMMAS) | LEVEL_VERB_FORMS) + r")\b)", re.M)
# a line that is an item of a list: opened by a bullet ('* ', '** ', '\\*\\* ' as markdown escapes it, '• ')
# (not an item of a list of features, opened by its name in bold: '* **Share of Voice** - Compares mentions')
LIST_ITEM_RE = re.compile(r"(?:\*{1,2}|\\\*\\\*|\u2022)[ \t](?!\*\*)")
# a sentence the rule splitter started inside a RIC tag it cut at its dot: 'Deutsche Boerse ( DB1Gn.' + 'DE ) buys'
RIC_TAIL_RE = re.compile(r"[A-Z]{1,3}\s?\)")
# the sentence before ends in the bullet of the next item of a list run on in one paragraph ('... board. * Generali
# will have'): the parser reads the list as one sentence
# ('... crisis. - Rio Tinto's overall debt ...': a dash as the bullet)
INLINE_BULLET_RE = re.compile(r"[ \t][*-][ \t]+$")
# a sentence the rule splitter started inside a bare RIC tag with a share class it cut at its dot: "News Corp.'s
# NWSa." + 'N bid for', 'GCI_u.' + 'TO for C$886 million' (the exchange's letters, right after the dot)
RIC_STEM_RE = re.compile(r"(?<![\w.])[A-Z][A-Za-z0-9_]{0,7}\.$")
RIC_EXCHANGE_RE = re.compile(r"[A-Z]{1,2}\b(?![.\w])")
# a story tag in square brackets, whose '[' the rule splitter left at the end of the sentence before ('... month.
# [' + 'ID:nN08309089].'), or in angle brackets
STORY_TAG_RE = re.compile(r"<ID:|(?<=\[)ID:")
# an aside in brackets with no stop of its own, whose '(' ends the sentence before: the credit line '... Exchange. ('
# + 'Reporting by Jane Doe, editing by John Roe)', which the parser reads with the sentence before
BRACKETED_ASIDE_RE = re.compile(r"[^.!?()\n]*\)")


class SievedPattern:
    """A pattern read only where a cheap sieve matches: the same matches, where the pattern's long alternation
    of words would be tried at every word of a text (PERCENT_MOVE_RE took a third of the gate's pattern time).

    The sieve must match wherever the pattern does, from the same start, and a sieve match must never cover
    another start of the pattern (the sieve's matches are read one after another, as ``finditer`` reads them)."""

    def __init__(self, pattern: re.Pattern[str], sieve: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.sieve = sieve

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for candidate in self.sieve.finditer(text):
            found = self.pattern.match(text, candidate.start())
            if found is not None:
                yield found


class StartSieve:
    """A pattern tried only at the positions a cheap zero-width sieve finds: exactly ``pattern.finditer``'s matches,
    where the sieve finds every position a match can start at (RATE_ACTION_RE's and RATE_VERB_OBJECT_RE's long
    alternations of verb forms, tried at every word of a text, took a fifth of the gate's pattern time). As
    ``finditer``, the next match is looked for from the end of the one before; the pattern never matches empty."""

    def __init__(self, pattern: re.Pattern[str], sieve: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.sieve = sieve

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        end = 0
        for candidate in self.sieve.finditer(text):
            at = candidate.start()
            if at < end:
                continue
            found = self.pattern.match(text, at)
            if found is not None:
                yield found
                end = found.end()


# where RATE_ACTION_RE can start: a word before 'rates' (its verb forms are all letters), 'rate' ('rate cuts',
# 'rates ... on hold', 'rate-setting meeting'), 'policy' ('policy meeting')
RATE_ACTION_SIEVE_RE = re.compile(r"\b(?=[a-z]+\s+rates\b|rate|policy\s)", re.I)
# where RATE_VERB_OBJECT_RE can start: a word before 'the', 'its' or 'their' and up to two words before 'rate'
RATE_VERB_OBJECT_SIEVE_RE = re.compile(r"\b(?=[a-z]+\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?rates?\b)", re.I)
# any word before PERCENT_MOVE_RE's figure: a move verb's match starts where this one does, and no move verb
# starts inside this one (past its first word there are only spaces, 'by' and the figure)
# (a qualifier holds no move verb)
PERCENT_MOVE_SIEVE_RE = re.compile(r"\b[a-z]+\s+" + _QUALIFIED + r"\d[\d.]*\s?(?:%|percent\b|pct\b)", re.I)
Scan = re.Pattern[str] | SievedPattern | StartSieve  # what the gate reads a cue's matches with
# the patterns of each cue read on the text (each led by its first characters: the same matches, faster); the
# word cues are read on the tokens
_PATTERN_CUES: tuple[tuple[Cues, tuple[re.Pattern[str], ...]], ...] = (
    (Cues.NAME, (RIC_RE,)),
    (Cues.SHARES, (BROAD_MARKET_CUE_RE,)),
    (Cues.FIGURE, (FIGURE_RE, PERCENT_OR_POINTS_RE, RATE_POINT_RE, LEVEL_RE)),
    (Cues.RECORD, (RECORD_WORD_RE, STREAK_WORD_RE, SINCE_RE)),
    (Cues.RATES, (RATES_RE,)),
    (Cues.NUMBER, (NUMBER_RE,)),
    (Cues.POLICY, (POLICY_WORD_RE, BANK_REFERENCE_RE, OTHER_BANK_RE, UNKNOWN_BANK_RE, BANK_RE, TOTAL_SINCE_RE,
                   RATE_ACTION_RE)),
    (Cues.BANK, (BANK_RE,)),
    (Cues.DEAL, (DEAL_CUE_RE, UNDISCLOSED_RE, PARTNER_WITH_RE, OWN_SALE_RE, CONTRACT_WON_RE, POSSESSIVE_DEAL_RE)),
    (Cues.OPINION, (VALUATION_RE,)),
    (Cues.MOVE_NOUN, (RATE_VERB_OBJECT_RE,)),
    # the periods a move in the next sentence carries on (moves._carried_from_the_sentence_before)
    (Cues.PERIOD, tuple(pattern for period, pattern in PERIOD_PATTERNS if period in ("week", "month", "ytd"))),
    (Cues.PRICE, (PRICE_RE, PERCENT_MOVE_RE)),
    (Cues.MOVE, (SIGNED_PERCENT_RE,)),
    (Cues.HEADER, (HEADER_LINE_RE,)),
    (Cues.BULLET, (BULLET_RE,)),
)
_LED: dict[re.Pattern[str], Scan] = {
    p: led_by_first_chars(p) for _, patterns in _PATTERN_CUES for p in patterns}  # BANK_RE serves two cues
_LED[PERCENT_MOVE_RE] = SievedPattern(PERCENT_MOVE_RE, PERCENT_MOVE_SIEVE_RE)
_LED[RATE_ACTION_RE] = StartSieve(RATE_ACTION_RE, RATE_ACTION_SIEVE_RE)
_LED[RATE_VERB_OBJECT_RE] = StartSieve(RATE_VERB_OBJECT_RE, RATE_VERB_OBJECT_SIEVE_RE)
PATTERN_CUES = tuple((cue, tuple(_LED[p] for p in patterns)) for cue, patterns in _PATTERN_CUES)


def _market(cues: Cues, named_before: bool) -> bool:
    """Something that trades with a move, a record or a level: 'Boeing shares slid', 'it hit a record', 'the
    Dow closed at 12,000', 'the Dow ended above 9,000', 'Nasdaq 2,345.67, -1.2%'; or a move to a share price,
    whose company only the parser finds ('AK Steel gained $1.24 to close at $30.99')."""
    trades = cues & (Cues.NAME | Cues.SHARES) or (cues & Cues.PRONOUN and named_before)
    if trades and cues & (Cues.MOVE | Cues.RECORD):
        return True
    if trades and cues & Cues.FIGURE and cues & Cues.LEVEL_VERB:
        return True
    if cues & Cues.NAME and (cues & Cues.FIGURE or cues & Cues.NUMBER and cues & Cues.LEVEL_VERB):
        return True
    if cues & Cues.BULLET and cues & Cues.MOVE and cues & (Cues.NAMES | Cues.COMPANY):
        return True  # '* Acme Foods gains most since 2020', "** Company's listing ends 4% lower": a headline
    if cues & Cues.MOVE and cues & Cues.FIGURE and cues & Cues.NAMES:
        # a company we do not list, with its move told without a verb on its percent: 'Acme Robotics was up 4%',
        # 'Acme Robotics stock was 9% lower', 'a 2% fall in the country's biggest lender Acme Bank'
        return True
    return bool(cues & Cues.MOVE and cues & Cues.PRICE)


def claimable(cues: Cues, named_before: bool, bank_before: bool = False) -> Claimable:
    """The kinds of claim a sentence with these cues may hold; ``named_before``: an earlier sentence named an
    instrument ('it' and 'the index' may stand for it); ``bank_before``: one named a central bank (a bare 'cut'
    may be its move). Read once per combination: the flags' operators make a new member each time (about 25 per
    sentence), and a text's sentences have few combinations."""
    return _claimable(int(cues), bool(named_before), bool(bank_before))


@lru_cache(maxsize=4096)
def _claimable(flags: int, named_before: bool, bank_before: bool) -> Claimable:
    cues = Cues(flags)
    kinds = Claimable(0)
    if _market(cues, named_before):
        kinds |= Claimable.MARKET
    if cues & Cues.POLICY or cues & Cues.RATES and cues & Cues.FIGURE or cues & Cues.MOVE_NOUN and bank_before \
            or cues & Cues.PROJECTION and cues & Cues.FIGURE and bank_before:
        kinds |= Claimable.POLICY
    # a deal needs its parties and a figure, or two parties: 'X agreed to buy Y'
    if cues & Cues.DEAL or cues & Cues.DEAL_WORD and cues & (Cues.FIGURE | Cues.NAME | Cues.NAMES):
        kinds |= Claimable.DEAL
    if cues & Cues.OPINION:
        kinds |= Claimable.OPINION
    return kinds


@dataclass(frozen=True)
class TextMap:
    """Where each piece of a derived text (a part, a reduced text) lies in the original text."""

    pieces: tuple[tuple[int, int, int], ...]  # (start in derived text, start in original, length)

    @classmethod
    def identity(cls, length: int, offset: int = 0) -> TextMap:
        return cls(((0, offset, length),))

    def to_original(self, position: int) -> int:
        """The original offset of a position in the derived text (a position in a gap maps to its piece end)."""
        starts = [p[0] for p in self.pieces]
        i = max(0, bisect.bisect_right(starts, position) - 1)
        derived, original, length = self.pieces[i]
        return original + min(position - derived, length)

    def shifted(self, offset: int) -> TextMap:
        """The same map for a derived text of a part that starts at ``offset`` in the original."""
        return TextMap(tuple((d, o + offset, n) for d, o, n in self.pieces))

    def covers(self, start: int, end: int) -> bool:
        """Whether the original range [start, end) lies inside one piece."""
        return any(o <= start and end <= o + n for _, o, n in self.pieces)


@dataclass(frozen=True)
class GateStats:
    sentences: int
    kept_sentences: int
    words: int
    kept_words: int


@dataclass(frozen=True)
class RuleSentences:
    """A text split into sentences by rule: each sentence's first token and start character, its words."""

    doc: Doc
    text: str  # the doc's text (Doc.text joins every token's text again on each access)
    token_starts: np.ndarray  # index of each sentence's first token
    char_starts: np.ndarray  # character offset of each sentence's first token
    words: np.ndarray  # tokens that are neither space nor punctuation, per sentence

    def __len__(self) -> int:
        return len(self.token_starts)

    def char_end(self, i: int, text: str) -> int:
        """Where sentence ``i`` ends, with the whitespace after it (the rule splitter may start the next
        sentence with it), so kept sentences keep the spacing and paragraph breaks they were written with."""
        end = int(self.char_starts[i + 1]) if i + 1 < len(self) else len(text)
        while end < len(text) and text[end].isspace():
            end += 1
        return end


class SentenceGate:
    """Chooses the sentences of a text worth a full parse; built once per pipeline."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        # the characters spaCy's Sentencizer ends a sentence at, as word hashes
        self.sentence_enders = np.array(sorted(nlp.vocab.strings.add(c) for c in Sentencizer().punct_chars),
                                        dtype=np.uint64)
        mentions = nlp.get_pipe("instrument_mentions") if "instrument_mentions" in nlp.pipe_names else None
        self.matchers = (mentions.by_lower, mentions.by_orth) if mentions is not None else ()
        strings = nlp.vocab.strings
        self.word_cues = tuple((cue, _hashes(forms, strings)) for cue, forms in (
            (Cues.SHARES, SHARE_FORMS), (Cues.PRONOUN, PRONOUN_FORMS), (Cues.MOVE, MOVE_FORMS),
            (Cues.DEAL_WORD, DEAL_FORMS), (Cues.COMPANY, COMPANY_FORMS), (Cues.LEVEL_VERB, LEVEL_VERB_FORMS),
            (Cues.MOVE_NOUN, MOVE_NOUN_FORMS), (Cues.YIELD, YIELD_FORMS), (Cues.PROJECTION, PROJECTION_FORMS)))
        self.word_cue_of: dict[int, int] = {}  # a word's hash -> the word cues it gives
        for cue, hashes in self.word_cues:
            for h in hashes.tolist():
                self.word_cue_of[h] = self.word_cue_of.get(h, 0) | int(cue)

    def sentences(self, text: str) -> RuleSentences:
        """The text tokenized and split by rule (no statistical model)."""
        doc = sentence_boundaries(self._sentencized(self.nlp.make_doc(text)))
        if not len(doc):
            return RuleSentences(doc, text, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64),
                                 np.zeros(0, dtype=np.int64))
        rows = doc.to_array([SENT_START, IDX, IS_SPACE, IS_PUNCT]).astype(np.int64)
        starts = np.flatnonzero(rows[:, 0] == 1)
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate(([0], starts))
        plain = (rows[:, 2] == 0) & (rows[:, 3] == 0)
        words = np.add.reduceat(plain.astype(np.int64), starts)
        return RuleSentences(doc, text, starts, rows[starts, 1], words)

    def _sentencized(self, doc: Doc) -> Doc:
        """spaCy's ``Sentencizer`` on a new doc, on arrays (it makes a Python ``Token`` per token): a sentence
        starts at the first token, and at each token that is neither punctuation nor a sentence ender when a
        sentence ender came after the last such token."""
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, IS_PUNCT]).astype(np.uint64)
        enders = np.isin(rows[:, 0], self.sentence_enders)
        words = np.flatnonzero(~enders & (rows[:, 1] == 0))
        seen = np.cumsum(enders)  # sentence enders up to and including each token
        before_word = np.where(words > 0, seen[np.maximum(words - 1, 0)], 0)
        before_last_word = np.concatenate(([0], seen[words[:-1]])) if len(words) else words
        starts = np.zeros(len(doc), dtype=bool)
        starts[0] = True
        starts[words[before_word > before_last_word]] = True
        doc.from_array([SENT_START], np.where(starts, 1, -1).astype(np.int64).astype(np.uint64))
        return doc

    def cues(self, split: RuleSentences) -> list[Cues]:
        """Per rule sentence, the cues it has."""
        doc, text = split.doc, split.text
        found = np.zeros(len(split), dtype=np.int64)
        if not len(split):
            return []
        firsts = np.zeros(len(doc), dtype=np.int64)
        firsts[split.token_starts] = 1
        sentence_of_token = np.cumsum(firsts) - 1
        for matcher in self.matchers:
            found[np.unique(sentence_of_token[[start for _match_id, start, _end in matcher(doc)]])] |= int(Cues.NAME)
        tagged = _tagged_names(doc, text)
        if tagged:
            orths = doc.to_array([ORTH]).astype(np.uint64).ravel()
            found[np.unique(sentence_of_token[np.isin(orths, np.array(list(tagged), dtype=np.uint64))])] |= Cues.NAME
        # each distinct word's cues looked up once, then spread to its tokens (one isin per cue took longer)
        distinct, where = np.unique(doc.to_array([LOWER]).astype(np.uint64).ravel(), return_inverse=True)
        word_cues = self.word_cue_of
        token_cues = np.fromiter((word_cues.get(int(h), 0) for h in distinct), dtype=np.int64,
                                 count=len(distinct))[where.ravel()]
        for cue, _hashes in self.word_cues:
            hits = (token_cues & int(cue)) != 0
            found[np.unique(sentence_of_token[hits])] |= cue
        capitals = doc.to_array([IS_TITLE, IS_UPPER]).any(axis=1)
        capitals[split.token_starts] = False
        found[np.add.reduceat(capitals.astype(np.int64), split.token_starts) >= 2] |= Cues.NAMES
        found |= [int(_opening_cues(text, start)) for start in split.char_starts.tolist()]
        found[0] &= ~int(Cues.CONTINUES)  # the first sentence goes on nothing
        starts: dict[Scan, list[int]] = {}  # a pattern of two cues (BANK_RE) is read once
        for cue, patterns in PATTERN_CUES:
            positions = [p for pattern in patterns for p in _starts(pattern, text, starts)]
            if positions:
                at = np.searchsorted(split.char_starts, np.asarray(positions), side="right") - 1
                found[np.unique(np.maximum(at, 0))] |= cue
        return [Cues(int(c)) for c in found]

    def kept(self, split: RuleSentences) -> list[bool]:
        """Per rule sentence: whether it goes to the full pipeline."""
        return self._kept(split)[0]

    def _kept(self, split: RuleSentences) -> tuple[list[bool], list[Cues], list[Claimable]]:
        cues = self.cues(split)
        earlier = _Earlier(cues)
        flags = earlier.flags
        # whether an earlier sentence named an instrument, a central bank
        named, banks = (_before(flags, cue) for cue in (Cues.NAME, Cues.BANK))
        kinds = [_claimable(f, n, b) for f, n, b in zip(flags.tolist(), named, banks, strict=True)]
        keep = [bool(k) for k in kinds]
        for i in [i for i, k in enumerate(kinds) if k]:
            for j in _context(split, cues, kinds[i], i, earlier):
                keep[j] = True
        for i in _with_their_lists(split, keep) + _a_headline(split):
            keep[i] = True
        for i in self._tag_sources(split, keep):  # the tag that makes a later bare name a company's
            keep[i] = True
        # a sentence the rule splitter cut goes on in the next 'sentence': the parser reads them as one, so each
        # part of a kept one is kept, the parts before it ('Shares of No.' + '2 U.S. bank ... climbed') and after
        # (never over a paragraph break: 'Energy' + 'iShares US Energy ETF fell' is a section's title and its line)
        continues = ((flags & int(Cues.CONTINUES)) != 0).tolist()
        for i in range(len(keep) - 1, 0, -1):
            keep[i - 1] = keep[i - 1] or bool(keep[i] and continues[i] and "\n\n" not in split.text[
                int(split.char_starts[i - 1]):int(split.char_starts[i])])
        for i in range(1, len(keep)):
            keep[i] = keep[i] or bool(keep[i - 1] and continues[i])
        return keep, cues, kinds

    @staticmethod
    def _tag_sources(split: RuleSentences, keep: list[bool]) -> set[int]:
        """The sentences of the RIC tags whose names the kept sentences repeat."""
        tagged = _tagged_names(split.doc, split.text)
        if not tagged:
            return set()
        sentence_of = np.searchsorted(split.token_starts, np.arange(len(split.doc)), side="right") - 1
        orths = split.doc.to_array([ORTH]).astype(np.uint64).ravel()
        # the words of the kept sentences that are a tagged name's first word
        repeated = np.asarray(keep, dtype=bool)[sentence_of] & np.isin(orths, np.fromiter(tagged, dtype=np.uint64))
        return {int(sentence_of[tagged[int(orth)]]) for orth in np.unique(orths[repeated])}

    def reduce(self, text: str) -> tuple[str, TextMap, GateStats]:
        """The reduced text for the full pipeline, its map back to ``text``, and what was kept."""
        reduced, text_map, stats, _ = self.reduce_scoped(text)
        return reduced, text_map, stats

    def reduce_scoped(self, text: str) -> tuple[str, TextMap, GateStats, tuple[tuple[int, int], ...]]:
        """``reduce``, and the stretches of the reduced text that need named entities (``entity_scope``), as
        character ranges of the reduced text."""
        split = self.sentences(text)
        keep, cues, kinds = self._kept(split)
        spans = [_with_its_brackets(text, start, end) for start, end in
                 _merged([(int(split.char_starts[i]), split.char_end(i, text)) for i, k in enumerate(keep) if k])]
        pieces: list[tuple[int, int, int]] = []
        parts: list[str] = []
        at = 0
        for start, end in spans:
            if parts:
                parts.append(GAP)
                at += len(GAP)
            pieces.append((at, start, end - start))
            parts.append(text[start:end])
            at += end - start
        words = split.words
        stats = GateStats(len(split), sum(keep), int(words.sum()), int(words[np.asarray(keep, dtype=bool)].sum())
                          if len(keep) else 0)
        scope = _merged([(int(split.char_starts[i]), split.char_end(i, text))
                         for i in entity_scope(split, keep, cues, kinds)])
        return "".join(parts), TextMap(tuple(pieces) or ((0, 0, 0),)), stats, _in_reduced(scope, pieces)


def entity_scope(split: RuleSentences, keep: list[bool], cues: list[Cues], kinds: list[Claimable]) -> list[int]:
    """The kept sentences whose named entities the components read, in order.

    deal_claims reads entities for most of what it finds (the parties: ORG, PERSON, GPE, NORP; MONEY), and
    market_claims for the shares of a company we do not list (whether the owner is an organization or a
    person, which company a short name or 'its shares' stands for). A sentence that names a listed instrument
    or speaks of an index or a central bank needs none. So: each sentence that may hold a deal or a policy
    statement (its speaker), and the kept sentence before a deal ('the company', 'it': the party named before);
    each market sentence on shares or a company that names no listed instrument, and for one with 'its' or 'the
    company' the sentences it reads for that company (its paragraph's opening and the kept sentence before it:
    'Its shares added 2%' after a paragraph that named the company); each on a yield (whose country's bonds); when
    there is any of these, the first two kept sentences (the story's company, named in its lead); and a
    sentence the rule splitter cut that goes on in the next one. Outside these the entities are unknown
    (scoped_ner.py).
    """
    scope: set[int] = set()
    for i, kind in enumerate(kinds):
        if not keep[i] or not _reads_entities(cues[i], kind):
            continue
        scope.add(i)
        if kind & Claimable.DEAL and i > 0:
            scope.add(i - 1)
        if _reads_a_company(cues[i], kind) and cues[i] & Cues.COMPANY:  # 'its shares', 'the company's shares'
            scope |= set(_paragraph_opening(split, i)) | set(_kept_before(keep, i, COMPANY_LOOKBACK))
    scope = {i for i in scope if keep[i]}
    if scope:
        scope |= set([i for i, k in enumerate(keep) if k][:2])
    for i in range(1, len(keep)):
        if keep[i] and i - 1 in scope and cues[i] & Cues.CONTINUES:
            scope.add(i)
    return sorted(scope)


COMPANY_LOOKBACK = 1  # kept sentences before 'its shares' in the entity scope (besides its paragraph's opening)


def _reads_entities(cues: Cues, kinds: Claimable) -> bool:
    """A deal; a policy statement (its speaker: 'including Chair Jerome Powell'); shares of a company we do
    not list; a yield ('German government bonds rallied, pushing the two-year yield to a low': another
    country's)."""
    if kinds & (Claimable.DEAL | Claimable.POLICY):
        return True
    return bool(kinds & Claimable.MARKET and cues & Cues.YIELD) or _reads_a_company(cues, kinds)


def _reads_a_company(cues: Cues, kinds: Claimable) -> bool:
    """A market sentence on shares or a company that names no listed instrument ('CredAg shares', 'Warren
    Buffett, whose shares', 'Shares of X fell', 'Its shares added'): whether the owner is a company, and which."""
    return bool(kinds & Claimable.MARKET and cues & (Cues.SHARES | Cues.COMPANY) and not cues & Cues.NAME)


def _kept_before(keep: list[bool], i: int, count: int) -> list[int]:
    return [j for j in range(i - 1, -1, -1) if keep[j]][:count]


def _in_reduced(spans: list[tuple[int, int]], pieces: list[tuple[int, int, int]]) -> tuple[tuple[int, int], ...]:
    """Ranges of the original text as ranges of the reduced text made of ``pieces`` (each range lies in one)."""
    out = []
    for start, end in spans:
        for derived, original, length in pieces:
            if original <= start < original + length:
                out.append((derived + start - original, derived + min(end, original + length) - original))
                break
    return tuple(out)


def _before(flags: np.ndarray, cue: Cues) -> list[bool]:
    """Per sentence (``flags``: their cues), whether an earlier one has ``cue``."""
    has = (flags & int(cue)) != 0
    return ((np.cumsum(has) - has) > 0).tolist()


def _tagged_names(doc: Doc, text: str) -> dict[int, int]:
    """The first word of each name the article tagged with a RIC ('Motorola Inc. ( MOT.N )'), with the token of
    its first tag: instrument_mentions reads a later 'Motorola' as the company, from that tag."""
    firsts: dict[int, int] = {}
    for m in RIC_RE.finditer(text):
        tag = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tag is None:
            continue
        start = tag.start
        while start > 0 and tag.start - start < 6 and (
                doc[start - 1].is_title or doc[start - 1].is_upper or doc[start - 1].text in ("&", "-", ".", "'s")):
            start -= 1
        words = [t for t in doc[start:tag.start] if t.is_alpha and t.lower_ != "the"]
        if words:
            firsts.setdefault(words[0].orth, tag.start)
    return firsts


def _starts(pattern: Scan, text: str, known: dict[Scan, list[int]]) -> list[int]:
    if pattern not in known:
        known[pattern] = [m.start() for m in pattern.finditer(text)]
    return known[pattern]


def _hashes(words: frozenset[str], strings) -> np.ndarray:  # type: ignore[no-untyped-def]
    return np.array(sorted(strings.add(w) for w in words), dtype=np.uint64)


class _Earlier:
    """Per sentence of a text, the last sentence before it with a cue, and the first sentence with one: read once
    per cue and text (scanning back from each candidate sentence took a text's length per candidate)."""

    def __init__(self, cues: list[Cues]) -> None:
        self.flags = np.fromiter((int(c) for c in cues), dtype=np.int64, count=len(cues))
        self._last: dict[Cues, np.ndarray] = {}

    def last(self, cue: Cues, i: int) -> list[int]:
        """[the last sentence before ``i`` with ``cue``], or []."""
        table = self._last.get(cue)
        if table is None:
            has = (self.flags & int(cue)) != 0
            at = np.maximum.accumulate(np.where(has, np.arange(len(has)), -1)) if len(has) else has.astype(np.int64)
            table = self._last[cue] = np.concatenate(([-1], at[:-1])) if len(has) else at
        j = int(table[i])
        return [j] if j >= 0 else []

    def first(self, cue: Cues) -> list[int]:
        """[the first sentence with ``cue``], or []."""
        hits = np.flatnonzero(self.flags & int(cue))
        return [int(hits[0])] if len(hits) else []


def _context(split: RuleSentences, cues: list[Cues], kinds: Claimable, i: int, earlier: _Earlier) -> list[int]:
    """The earlier sentences that the components read when they read candidate sentence ``i``."""
    out = []
    if kinds & Claimable.MARKET and not cues[i] & Cues.NAME:  # 'the index', 'it': the last instrument named
        out += earlier.last(Cues.NAME, i)
    if kinds & Claimable.MARKET and i > 0 and cues[i] & (Cues.COMPANY | Cues.SHARES) and not cues[i] & Cues.NAME:
        # "The company's shares fell 5%": the company a story opens with; "SocGen shares rose", "Shares of Emaar
        # fell": a company of no name of ours, whose whole name ('Societe Generale') the story's lead spells out
        out.append(0)
        # 'New Fortress said it reached a deal with lenders. The stock jumped 25%': a briefing's item opens with
        # its company (moves._a_new_items_company)
        out += _paragraph_opening(split, i)
        if cues[i] & Cues.REFERS_BACK:  # 'Its shares ended down 1.6 percent': the company the sentence before named
            out.append(i - 1)
    if kinds & Claimable.MARKET and i > 0 and cues[i - 1] & Cues.PERIOD:
        out.append(i - 1)  # 'For the week, the Nasdaq lost 6.5 percent. The Dow dropped 4.1 percent'
    if kinds & Claimable.POLICY and not cues[i] & Cues.BANK:  # 'the central bank', 'policymakers'
        out += earlier.last(Cues.BANK, i) + earlier.first(Cues.BANK)
    if kinds & Claimable.DEAL and i > 0 and cues[i] & Cues.COMPANY:
        out.append(i - 1)  # 'the company', 'it': the party named before
    if earlier.last(Cues.HEADER, i):  # a header line before it
        out += _under_a_header(split, i, earlier)
    return out


def _blank(split: RuleSentences, i: int) -> bool:
    """Whether rule sentence ``i`` is only white space (a paragraph break the rule splitter set apart)."""
    return not _sentence_text(split, i).strip()


def _sentence_text(split: RuleSentences, i: int) -> str:
    return split.text[int(split.char_starts[i]):split.char_end(i, split.text)]


def _with_their_lists(split: RuleSentences, keep: list[bool]) -> list[int]:
    """The sentences of each list introduced by a line that ends in a colon, when the sentence after the list is
    kept: the parser reads the line, the bulleted lines and the lead sentence after them ('Key points:' + '* Dollar
    up ...' + '* Markets see ...' + 'Stocks fell on Monday ...') as one sentence. Not a list with no such line (a
    brief's items: a kept item's 'Co' would stand for the company of a later item's 'the stock'), nor one with no
    kept lead (its items are headlines of their own, kept by their own cues)."""
    out: list[int] = []
    for run in _lists(split):
        after = run[-1] + 1
        while after < len(split) and _blank(split, after):
            after += 1
        # the lead sentence glued after the last item ('Key points: * ... * ...' + 'Stocks fell on Monday ...')
        if after < len(split) and keep[after] and _sentence_text(split, run[0]).rstrip().endswith(":"):
            out += run
    return out


def _lists(split: RuleSentences) -> list[list[int]]:
    """The lists of a text: runs of lines opened by a bullet ('* ', '** ', '\\*\\* ', '• '), each line with the
    sentences the rule splitter cut it into and the blank lines between, and the line before the first item when
    it ends in a colon ('Key points:', 'Acme Corp :')."""
    text, runs, run = split.text, [], []
    for i in range(len(split)):
        start = int(split.char_starts[i])
        line_start = start == 0 or text[start - 1] == "\n"
        if LIST_ITEM_RE.match(text, start) and line_start or run and (_blank(split, i) or not line_start):
            run.append(i)
            continue
        if run:
            runs.append(_introduced(split, run))
        run = []
    if run:
        runs.append(_introduced(split, run))
    return runs


def _introduced(split: RuleSentences, run: list[int]) -> list[int]:
    """A list's sentences with the line before it that ends in a colon; without the blank lines after it."""
    while run and _blank(split, run[-1]):
        run = run[:-1]
    before = run[0] - 1
    while before >= 0 and _blank(split, before):
        before -= 1
    if before >= 0 and _sentence_text(split, before).rstrip().endswith(":"):
        return list(range(before, run[0])) + run
    return run


def _a_headline(split: RuleSentences) -> list[int]:
    """The sentence of a text that is one sentence, a headline: its wording is the briefest and least like a
    story's ('Acme Shares Crushed By Report', 'Acme Engages Bolt Services', 'The Dow Flirts With 14,000'), and it
    costs a parse of a few words."""
    if len(split) > HEADLINE_PARTS:
        return []
    words = [i for i in range(len(split)) if not _blank(split, i)]
    # a headline ends in no stop ('Mortgage rates will stay higher for longer.' is a sentence of a story)
    return words if len(words) == 1 and _sentence_text(split, words[0]).rstrip()[-1:] not in ".!?" else []


HEADLINE_PARTS = 3  # rule sentences of a one-sentence text: its own, blank lines around it


def _opening_cues(text: str, start: int) -> Cues:
    """What a sentence's opening says: that it refers back to a company, that it goes on a sentence the rule splitter
    cut ('the No. 1 bank'; the story tag ending a Reuters paragraph; a RIC tag cut at its dot; a run-on list)."""
    cues = Cues.REFERS_BACK if COMPANY_LEAD_RE.match(text, start) else NO_CUES
    if text[start].islower() or text[start].isdigit() or text[start] in ",;:).>]" or STORY_TAG_RE.match(text, start) \
            or RIC_TAIL_RE.match(text, start) or INLINE_BULLET_RE.search(text, max(0, start - 8), start) \
            or _cut_after(text, start):
        cues |= Cues.CONTINUES
    return cues


def _cut_after(text: str, start: int) -> bool:
    """Whether the rule splitter cut a sentence before ``start`` inside a bare RIC tag ('NWSa.' + 'N bid') or
    before an aside in brackets with no stop of its own ('... Exchange. (' + 'Reporting by ...)')."""
    before = text[max(0, start - 12):start]
    if before.endswith(".") and RIC_STEM_RE.search(before) and RIC_EXCHANGE_RE.match(text, start):
        return True
    return before.rstrip().endswith("(") and BRACKETED_ASIDE_RE.match(text, start) is not None


def _paragraph_opening(split: RuleSentences, i: int) -> list[int]:
    """The sentence that opens sentence ``i``'s paragraph, when that is an earlier one."""
    text = split.text
    for j in range(i, 0, -1):
        if "\n\n" in text[int(split.char_starts[j - 1]):int(split.char_starts[j])]:
            return [j] if j < i else []
    return []


def _under_a_header(split: RuleSentences, i: int, earlier: _Earlier) -> list[int]:
    """A line in a list under 'For the week:' needs the header and the lines between to read its period."""
    if header_period(split.text, int(split.char_starts[i])) is None:
        return []
    header = earlier.last(Cues.HEADER, i)
    return list(range(header[0], i)) if header else []


OPENERS = '("\u201c['  # what opens a sentence: the rule splitter leaves it at the end of the sentence before


def _with_its_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A kept stretch with the quote or bracket that opens its first sentence, without the one that opens the
    sentence after it: the parser reads 'close. (' + a gap as one sentence ending in '('."""
    while start > 0 and text[start - 1] in OPENERS:
        start -= 1
    body = text[start:end].rstrip()
    bare = body.rstrip(OPENERS)
    # an opener follows a space ('close. (' or '. "'); a quote right after the words closes them ('"equal-weight."')
    if body and body[-1] in OPENERS and bare and bare[-1].isspace():
        end = start + len(bare)
    return start, end


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def split_parts(text: str, limit: int) -> list[tuple[int, str]]:
    """A text cut into parts of at most ``limit`` characters at paragraph breaks (else line, sentence, space
    breaks), each with its offset: texts beyond the parser's length limit are processed in parts."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _last_break(window)
        parts.append((start, text[start:start + cut]))
        start += cut
    parts.append((start, text[start:]))
    return parts


def _last_break(window: str) -> int:
    """Where to end a part inside ``window``: after the last paragraph break, else line, sentence, space."""
    half = len(window) // 2  # never cut so early that parts become tiny
    for pattern in ("\n\n", "\n", ". ", " "):
        at = window.rfind(pattern)
        if at >= half:
            return at + len(pattern)
    return len(window)
