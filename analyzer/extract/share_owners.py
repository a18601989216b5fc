"""Whose shares a wire brief's move is (session 31, helper stocks31, issue 13): readings of the company a story
opens with that the move readers of ``moves.py`` call on. Word lists in ``lexicon/share_owners.json``."""

from __future__ import annotations

from spacy.tokens import Token

from analyzer.extract import lexicon

COMPANY_NOUNS = lexicon.words("deals", "company_nouns")
SPEECH_VERBS = lexicon.words("moves", "speech_verbs")


def said_by_the_company(subject: Token) -> Token | None:
    """'Firebird Metals has signed a supply pact, the company said in a filing': where a story's first sentence is
    told by 'the company' (or 'the firm', 'the miner'), its company is the subject of what was said, which comes
    before the speech verb; None where the sentence has no such shape."""
    verb = subject.head
    if subject.dep_ != "nsubj" or subject.lemma_.lower() not in COMPANY_NOUNS or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) or \
            verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if said is None:
        return None
    return next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)
