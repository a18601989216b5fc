"""The ``rate_policy_claims`` component: central-bank rate decisions and expectations.

"The Fed cut rates by a quarter point on Wednesday" (reported, -25 bp, that Wednesday) and "the
Federal Reserve widely expected to cut rates later this year" (expected, horizon to 31 December).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from analyzer.extract.modality import PROSPECT_NOUNS, SCENARIO_NOUNS, modality_of, speaker_of
from analyzer.extract.numbers import BASIS_POINTS_RE, RATE_POINT_RE, parse_number
from analyzer.extract.timeref import (
    DATE_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    local_published,
    resolve_date_mention,
    weekday_on_or_before,
)
from analyzer.records import Claim, DateRange

BANKS = [
    ("Fed", re.compile(r"\b(Federal Reserve|the Fed|Fed|FOMC|Federal Open Market Committee|U\.S\. central bank|"
                       r"federal funds rate|fed funds rate)\b")),
    ("ECB", re.compile(r"\b(European Central Bank|ECB)\b")),
    ("BoE", re.compile(r"\b(Bank of England|BoE|BOE)\b")),
    ("BoJ", re.compile(r"\b(Bank of Japan|BoJ|BOJ)\b")),
    ("BoC", re.compile(r"\b(Bank of Canada)\b")),
    ("RBA", re.compile(r"\b(Reserve Bank of Australia|RBA)\b")),
    ("SNB", re.compile(r"\b(Swiss National Bank|SNB)\b")),
    ("PBoC", re.compile(r"\b(People's Bank of China|PBOC|PBoC)\b")),
    ("RBI", re.compile(r"\b(Reserve Bank of India|RBI)\b")),
]
BANK_REFERENCE_RE = re.compile(r"\b(central bank|policymakers|policy-makers|policy makers|rate-setters|the committee"
                               r"|the bank|interest rate futures|rate futures)\b|\b(rate (?:cut|hike|increase)s?)\b",
                               re.I)
# "to 4.5 percent", "at 5.25 percent", "in a zero to 0.25 percent range", "in the 4.25%-4.50% range"
RATE_LEVEL_RE = re.compile(r"\b(?:to|at|in a|in the)\s+(?:range of\s+)?"
                           r"(?:(?:zero|[\d.]+)\s*(?:%|percent)?\s*(?:-|to)\s*)?"
                           r"(?P<level>\d+(?:\.\d+)?)\s*(?:%|percent)", re.I)
ACTIONS = {
    "cut": "cut", "lower": "cut", "reduce": "cut", "slash": "cut", "trim": "cut", "ease": "cut",
    "raise": "hike", "hike": "hike", "increase": "hike", "lift": "hike", "tighten": "hike", "boost": "hike",
    "hold": "hold", "keep": "hold", "leave": "hold", "pause": "hold", "maintain": "hold",
}
# the banks' own prime and mortgage rates are not policy rates
RATE_NOUN_RE = re.compile(r"(?<!prime )(?<!mortgage )(?<!lending )(?<!deposit )"
                          r"\b(rates?|interest rates?|borrowing costs|federal funds|fed funds|benchmark|"
                          r"policy rate|key rate|discount rate|overnight rate|cash rate|deposit rate)\b", re.I)
NOUN_ACTION_RE = re.compile(r"\b(rate|interest[- ]rate)[- ](cut|cuts|hike|hikes|increase|increases|reduction|"
                            r"reductions|rise|rises)\b|\b(cut|cuts|hike|hikes|reduction|increase)s?\s+in\s+"
                            r"(?:interest\s+)?rates\b", re.I)
HORIZONS = re.compile(
    r"\b(later (?:this|in the) year|by (?:the )?end of (?:the )?year|by year[- ]end|this year|next year|next week|"
    r"next month|this month|this week|in the coming months|at (?:its|their) next meeting|next meeting|"
    rf"(?:at|in|by|until|before) (?:its |the )?(?P<month>{'|'.join(n for n in MONTHS if len(n) > 3)})(?: meeting)?"
    rf"|(?:a|an|the) (?P<month2>{'|'.join(n for n in MONTHS if len(n) > 3)}) (?:rate )?(?:cut|hike|increase|move|"
    r"meeting|reduction))\b", re.I)


def _bank(text: str) -> tuple[str, re.Match[str]] | None:
    best = None
    for name, pattern in BANKS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (name, m)
    return best


def _size_bp(text: str) -> float | None:
    if m := BASIS_POINTS_RE.search(text):
        value = parse_number(m.group("num") or m.group("word"))
        return value
    if m := RATE_POINT_RE.search(text):
        frac = m.group("frac").lower()
        value = 1.0 if frac in ("a full", "one") else parse_number(frac)
        return value * 100
    return None


def horizon_for(text: str, published: date) -> DateRange | None:
    m = HORIZONS.search(text)
    if m is None:
        return None
    phrase = m.group(0).lower()
    year_end = date(published.year, 12, 31)
    if m.group("month") or m.group("month2"):
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        year = published.year if month >= published.month else published.year + 1
        last = calendar.monthrange(year, month)[1]
        return DateRange(date(year, month, 1).isoformat(), date(year, month, last).isoformat())
    if "next year" in phrase:
        return DateRange(date(published.year + 1, 1, 1).isoformat(), date(published.year + 1, 12, 31).isoformat())
    if "next week" in phrase:
        start = published + timedelta(days=7 - published.weekday())
        return DateRange(start.isoformat(), (start + timedelta(days=6)).isoformat())
    if "this week" in phrase:
        return DateRange(published.isoformat(), (published + timedelta(days=6 - published.weekday())).isoformat())
    if "next month" in phrase:
        first = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
        last = calendar.monthrange(first.year, first.month)[1]
        return DateRange(first.isoformat(), first.replace(day=last).isoformat())
    if "this month" in phrase:
        last = calendar.monthrange(published.year, published.month)[1]
        return DateRange(published.isoformat(), published.replace(day=last).isoformat())
    if "coming months" in phrase:
        return DateRange(published.isoformat(), (published + timedelta(days=182)).isoformat())
    if "next meeting" in phrase:
        return DateRange(published.isoformat(), (published + timedelta(days=60)).isoformat())
    return DateRange(published.isoformat(), year_end.isoformat())


CENTRAL_BANK_WORDS = {"fed", "reserve", "bank", "committee", "fomc", "policymakers", "policy-makers", "it", "they",
                      "officials", "ecb", "boe", "boj", "council", "board", "authority", "government"}


def _actor_is_a_bank(verb: Token) -> bool:
    """The subject of a rate verb, when it has one, must be a central bank (or stand for one)."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if subjects:
            words = {t.lower_ for s in subjects for t in s.subtree}
            return bool(words & CENTRAL_BANK_WORDS) or _bank(" ".join(t.text for s in subjects for t in s.subtree)) \
                is not None
        if node.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acl", "relcl") and node.head.i != node.i:
            node = node.head
            continue
        return True
    return True


def _negated(verb: Token) -> bool:
    """'did not cut', 'has no inclination to cut'."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return head.i != verb.i and head.pos_ == "NOUN" and any(c.lower_ == "no" for c in head.children)


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0
    while token.i != ancestor.i and token.head.i != token.i and depth < 10:
        token = token.head
        depth += 1
    return depth if token.i == ancestor.i else 99


class RatePolicyClaims:
    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        last_bank: str | None = None  # "the central bank", "policymakers" refer to the bank named before
        for sentence in doc.sents:
            named = _bank(sentence.text)
            claim = self._claim(doc, sentence, last_bank)
            if named is not None:
                last_bank = named[0]
            if claim is not None:
                claims.append(claim)
        doc._.claims = (doc._.claims or []) + claims
        return doc

    def _claim(self, doc: Doc, sentence: Span, last_bank: str | None = None) -> Claim | None:
        text = sentence.text
        bank = _bank(text)
        if bank is None and last_bank is not None:
            reference = BANK_REFERENCE_RE.search(text)
            if reference is not None:
                bank = (last_bank, reference)
        if bank is None or not RATE_NOUN_RE.search(text):
            return None
        verb, action = self._action(sentence)
        if action is None:
            noun = NOUN_ACTION_RE.search(text)
            if noun is None:
                return None
            if noun.group(0).isupper():
                return None  # a headline in capitals
            word = (noun.group(2) or noun.group(3) or "").lower()
            action = "cut" if word.startswith(("cut", "reduc")) else "hike"
            modality = self._noun_modality(sentence, noun)
        else:
            modality = modality_of(verb, sentence) if verb is not None else "reported"
        if modality in ("hypothetical", "opinion") or (verb is not None and _negated(verb)):
            return None  # "if the Fed follows through", "no inclination to cut": not a claim to track
        published = local_published(doc._.published).date() if doc._.published else None
        session = None
        horizon = None
        if published is not None:
            if modality == "reported":
                # a decision story is dated the day of the decision unless it names another day
                session = self._decision_day(text, published) or published
            else:
                horizon = horizon_for(text, published)
        rate_noun = RATE_NOUN_RE.search(text)
        level = RATE_LEVEL_RE.search(text, rate_noun.start()) if rate_noun else None
        return Claim(
            article_id=doc._.article_id, sentence=text, char_start=sentence.start_char, char_end=sentence.end_char,
            kind="rate_policy", bank=bank[0], action=action, bp=_size_bp(text), modality=modality,
            level=float(level.group("level")) if level else None,
            stated={"level": level.group("level")} if level else {},
            session=session.isoformat() if session else None, horizon=horizon, speaker=speaker_of(sentence),
            period="day" if session else None, span_start=bank[1].start(), span_end=len(text.rstrip()),
        )

    @staticmethod
    def _noun_modality(sentence: Span, noun: re.Match[str]) -> str:
        """'bets on a rate cut' is an expectation; 'if the Fed follows through with rate cuts' a hypothetical."""
        span = sentence.char_span(noun.start(), noun.end(), alignment_mode="expand")
        verb = span.root if span is not None else sentence.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        modality = modality_of(verb, sentence)
        noun_heads = [a.lemma_.lower() for a in list(span.root.ancestors)[:3]] if span is not None else []
        if any(h in SCENARIO_NOUNS for h in noun_heads):
            return "hypothetical"  # "fears of rate increases"
        if any(h in PROSPECT_NOUNS for h in noun_heads):
            return "expected"  # "the need for more interest-rate increases"
        if modality == "reported" and re.search(r"\b(expect|bets?|betting|hopes?|pric(?:ed|ing) in|likely|"
                                                r"forecast|wager|odds|anticipat)", sentence.text, re.I):
            return "expected"
        return modality

    @staticmethod
    def _action(sentence: Span) -> tuple[Token | None, str | None]:
        for tok in sentence:
            action = ACTIONS.get(tok.lemma_.lower())
            if action is None or tok.pos_ not in ("VERB", "AUX") or tok.is_upper:  # headline caps
                continue
            if not _actor_is_a_bank(tok):
                continue  # "commercial banks ... cut the prime rate"
            # the rate noun must hang (almost) directly off the verb: "cut rates", "raised its benchmark
            # rate"; not "increased hopes that the Fed may cut rates", whose verb of interest is "cut"
            near = " ".join(t.text for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "prep", "attr", "oprd")
                            for t in c.subtree if _depth_below(t, tok) <= 3)
            objects = " ".join(t.text for t in tok.subtree if t.i != tok.i)  # the verb itself says nothing
            if RATE_NOUN_RE.search(near) or (any(c.dep_ in ("nsubj", "nsubjpass") and _bank(c.text)
                                                 for c in tok.children) and RATE_NOUN_RE.search(objects)):
                if action == "hold" and not re.search(r"\b(steady|unchanged|on hold|hold|pause|near zero|at (?:a |"
                                                      r"about |around )?[\d.]+ (?:percent|%)|in a|in the|at the|at its|"
                                                      r"at rock-bottom|at record lows?)", objects, re.I):
                    continue
                return tok, action
        return None, None

    @staticmethod
    def _decision_day(text: str, published: date) -> date | None:
        if m := WEEKDAY_RE.search(text):
            return weekday_on_or_before(published, WEEKDAYS[m.group(1).lower()])
        if m := DATE_RE.search(text):
            return resolve_date_mention(m, published)
        if re.search(r"\b(today|on the day)\b", text, re.I):
            return published
        return None


@Language.factory("rate_policy_claims")
def make_rate_policy_claims(nlp: Language, name: str) -> RatePolicyClaims:
    return RatePolicyClaims()
