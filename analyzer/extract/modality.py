"""Is a statement a reported fact, an expectation, a forecast, an opinion or a hypothetical?

Decided on the dependency parse around the claim's verb: modal auxiliaries, conditional clauses,
verbs of expecting that govern it, and quoted speech.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from analyzer.extract import lexicon
from analyzer.extract.component import span_text

HYPOTHETICAL_AUX = lexicon.words("modality", "hypothetical_aux")
FORECAST_AUX = lexicon.words("modality", "forecast_aux")
EXPECT_LEMMAS = lexicon.words("modality", "expect_verbs")
FORECAST_LEMMAS = lexicon.words("modality", "forecast_verbs")
SAY_LEMMAS = lexicon.words("modality", "say_verbs")
HABIT_ADVERBS = lexicon.words("modality", "habit_adverbs")
CONDITION_MARKERS = lexicon.words("modality", "condition_markers")
HOPE_NOUNS = lexicon.words("modality", "hope_nouns")
SPEAKER_PRONOUNS = lexicon.words("modality", "speaker_pronouns")


def _clause_tokens(verb: Token) -> list[Token]:
    """The verb and the auxiliaries and markers that hang off it or the verbs that govern it."""
    chain = [verb]
    head = verb
    while head.dep_ in ("xcomp", "ccomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
        chain.append(head)
        if len(chain) > 4:
            break
    return chain


PROSPECT_NOUNS = lexicon.words("modality", "prospect_nouns")
# "the possibility of raising rates", "fears of a cut": a scenario, not a claim
SCENARIO_NOUNS = lexicon.words("modality", "scenario_nouns")
READINESS_WORDS = lexicon.words("modality", "readiness_words")
DELIBERATION_VERBS = lexicon.words("modality", "deliberation_verbs")
DEFINITE_WORDS = frozenset({"the", "its", "their", "this", "last", "that"})


def open_possibility(tok: Token) -> bool:
    """'stands ready to cut', 'is prepared to lower', 'has room to cut', 'its willingness to raise' (a move the bank
    could make); 'officials are weighing a cut', 'is considering cutting rates' (a move under discussion): a
    possibility. Not 'weighed the Fed's half-point cut', a decision named as such."""
    head = tok.head
    if head.dep_ == "prep" and head.lower_ in ("for", "to", "of") and head.head.i != head.i:
        head = head.head
    if head.i == tok.i:
        return False
    if head.lemma_.lower() in READINESS_WORDS or head.lower_ in READINESS_WORDS:
        return True
    if any(c.dep_ == "dobj" and c.lower_ in READINESS_WORDS for c in head.children):
        return True  # "opened the door to a rate cut", the 'to' hung on the verb
    if head.pos_ != "VERB" or head.lemma_.lower() not in DELIBERATION_VERBS:
        return False
    return tok.dep_ in ("dobj", "xcomp", "ccomp", "pcomp", "pobj") and not any(
        c.dep_ == "poss" or c.lower_ in DEFINITE_WORDS for c in tok.children)


def modality_of(verb: Token, sentence: Span) -> str:
    """Modality of the statement made by ``verb`` (a move or policy verb) in ``sentence``."""
    return _framed_modality(verb) or _clause_modality(verb) or _window_modality(verb, sentence)


def _framed_modality(verb: Token) -> str | None:
    """'the VIX typically moves up when stocks fall' (a habit: an opinion), 'the possibility of raising rates'
    (a scenario), 'bets on a cut' (a prospect): what the verb's frame makes of it, else None."""
    if any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS for c in verb.children):
        return "opinion"
    # the nearest frame noun decides: 'reduced concerns about inflation and reinforced expectations that the Fed will
    # keep rates steady' (the parse hangs 'expectations' under 'concerns'): the expectation's, not a scenario
    for lemma in (a.lemma_.lower() for a in list(verb.ancestors)[:4]):
        if lemma in SCENARIO_NOUNS:
            return "hypothetical"
        if lemma in PROSPECT_NOUNS:
            return "expected"
    return None


def _clause_modality(verb: Token) -> str | None:
    """What the auxiliaries, markers and governing verbs of the verb's clause make of it, else None."""
    for tok in _clause_tokens(verb):
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass") and low in HYPOTHETICAL_AUX:
                return "hypothetical"
            if child.dep_ in ("aux", "auxpass") and low in FORECAST_AUX:
                return "forecast"
            if child.dep_ == "mark" and low in CONDITION_MARKERS:
                return "hypothetical"
        if tok.i != verb.i and tok.lemma_ in EXPECT_LEMMAS:
            return "forecast" if tok.lemma_ in FORECAST_LEMMAS else "expected"
        if tok.dep_ == "amod" and tok.head.lemma_ in HOPE_NOUNS:
            return "expected"
    return None


def _window_modality(verb: Token, sentence: Span) -> str:
    """The words just before the verb: 'expected to cut' parsed with the verb as xcomp of an adjective or
    participle, 'if ... falls'; else a reported fact."""
    window = sentence.doc[max(sentence.start, verb.i - 4):verb.i].text.lower()
    if re.search(r"\b(expected|likely|poised|set|due|forecast|projected|predicted|seen|anticipated|"
                 r"bets?|betting|hopes?|wagers?|priced in|pricing in|on track)\s+(?:to|for|that)?\s*$", window):
        return "expected"
    if re.search(r"\b(if|unless|should)\b", window):
        return "hypothetical"
    if re.search(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?going\s+to\s*$", window):
        return "forecast"  # "the Fed is going to keep rates unchanged until ...": a move to come, said as a view
    return "reported"


def speaker_of(sentence: Span) -> str | None:
    """The person quoted when the sentence is reported speech ("... ," said Victor Pugliese)."""
    if not any(ch in span_text(sentence) for ch in "\"“”"):
        return None
    for tok in sentence:
        if tok.lemma_ in SAY_LEMMAS:
            for child in tok.children:
                if child.dep_ == "nsubj":
                    span = sentence.doc[child.left_edge.i:child.right_edge.i + 1]
                    if any(t.ent_type_ == "PERSON" for t in span) or child.pos_ == "PROPN":
                        return span.text
                    if child.lower_ in SPEAKER_PRONOUNS:
                        return child.text
    return None
