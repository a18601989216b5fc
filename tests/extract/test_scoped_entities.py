"""Named entities only where the components read them (analyzer/extract/scoped_ner.py, gate.entity_scope).

Every text here is written for these tests. A gated doc gets spaCy's entities on the deal sentences, the
sentence before each and the story's lead; a market sentence gets none, and its claims stay what they are
with entities everywhere (the control: ``ANALYZER_ENTITIES=all``).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from analyzer.extract import extract_claims, load_pipeline
from analyzer.extract.gate import SentenceGate
from analyzer.extract.pipeline import _docs, segments
from analyzer.extract.scoped_ner import ENTITY_SCOPE_KEY, ScopedEntities
from analyzer.records import to_dict
from tests.written import written_article

FILLER = "The weather in the city was mild for the season. Commuters crowded the trains as usual. "
LEAD = "NEW YORK (Reuters) - Harbor Steel Corp shares rose 3 percent on Tuesday after its quarterly profit rose. "
DEAL = "The company agreed to buy Lakeside Metals Inc of Ohio for $1.2 billion. "
MOVE = "Shares of Boeing Co rose 2 percent to $86.20 on the New York Stock Exchange. "
INDEX = "The Dow Jones industrial average fell 57.44 points, or 0.47 percent, to 12,133.40. "


@pytest.fixture(scope="module")
def every_entity(market_dir) -> Language:  # type: ignore[no-untyped-def]
    """The pipeline with spaCy's recognizer over every parsed word (the control)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ANALYZER_ENTITIES", "all")
        return load_pipeline(market_dir=str(market_dir))


def parsed(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    article = written_article(text, "2007-03-13 16:30")
    (piece,) = segments(article, nlp)
    return piece, next(iter(nlp.pipe(_docs([piece], nlp))))


def test_the_scoped_recognizer_stands_in_for_ner(nlp: Language, every_entity: Language) -> None:
    assert isinstance(nlp.get_pipe("ner"), ScopedEntities)
    assert not isinstance(every_entity.get_pipe("ner"), ScopedEntities)


def test_a_deal_its_sentence_before_and_the_lead_are_in_scope_a_market_sentence_is_not(nlp: Language) -> None:
    text = LEAD + FILLER + "It named a new chief executive last month. " + DEAL + FILLER + MOVE + FILLER
    piece, doc = parsed(nlp, text)
    scoped = "".join(piece.text[start:end] for start, end in piece.entity_scope)
    assert "Harbor Steel Corp shares" in scoped and "agreed to buy Lakeside" in scoped
    assert "named a new chief executive" in scoped  # 'the company': the party named before
    assert "Shares of Boeing" in piece.text and "Shares of Boeing" not in scoped
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Lakeside Metals Inc") == "ORG" and labels.get("$1.2 billion") == "MONEY"
    move = doc.char_span(piece.text.index("Shares of Boeing"), piece.text.index("Exchange.") + 9)
    assert all(token.ent_iob == 0 for token in move)  # unknown
    deal = doc.char_span(piece.text.index("The company agreed"), piece.text.index("billion.") + 8)
    assert all(token.ent_iob in (1, 2, 3) for token in deal)  # in an entity or outside any


def test_in_scope_the_entities_are_the_recognizers_own(nlp: Language, every_entity: Language) -> None:
    """A scoped stretch is recognized as a doc of its own: the same entities as the model finds on that text."""
    text = LEAD + FILLER + DEAL
    piece, doc = parsed(nlp, text)
    for start, end in piece.entity_scope:
        alone = every_entity(piece.text[start:end])
        ours = [(e.start_char + start, e.end_char + start, e.label_) for e in alone.ents]
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents
                if start <= e.start_char < end] == ours


def test_a_story_without_a_deal_needs_no_entities_and_its_claims_are_unchanged(
        nlp: Language, every_entity: Language) -> None:
    text = FILLER + MOVE + FILLER + INDEX + "That was the second straight loss for the Dow. " + FILLER
    piece, doc = parsed(nlp, text)
    assert piece.entity_scope == () and not doc.ents
    assert all(t.ent_iob == 0 for t in doc)  # unknown: no entity was read
    article = written_article(text, "2007-03-13 16:30")
    ours = [to_dict(c) for c in extract_claims([article], nlp)]
    control = [to_dict(c) for c in extract_claims([article], every_entity)]
    assert len(ours) >= 3 and ours == control


def test_deal_claims_are_those_of_the_recognizer_over_everything(nlp: Language, every_entity: Language) -> None:
    text = LEAD + FILLER + "It named a new chief executive last month. " + DEAL + FILLER + MOVE + FILLER
    article = written_article(text, "2007-03-13 16:30")
    ours = [to_dict(c) for c in extract_claims([article], nlp)]
    control = [to_dict(c) for c in extract_claims([article], every_entity)]
    assert any(c["kind"] == "deal" for c in ours) and ours == control


def test_an_ungated_text_gets_entities_everywhere(nlp: Language) -> None:
    doc = nlp(FILLER + MOVE)
    assert ENTITY_SCOPE_KEY not in doc.user_data
    assert "Boeing Co" in {ent.text for ent in doc.ents}


def test_reduce_is_reduce_scoped_without_the_scope(nlp: Language) -> None:
    gate = SentenceGate(nlp)
    text = LEAD + FILLER + MOVE + DEAL
    assert gate.reduce(text) == gate.reduce_scoped(text)[:3]


def test_a_company_moved_to_a_share_price_outside_the_scope_is_still_found(
        nlp: Language, every_entity: Language) -> None:
    """'..., and Harbor Steel Corp gained 1.5 percent to $12.30': a company we do not list, which only its entity
    named; outside the scope its entity is unknown, and a proper noun there is taken as the organization."""
    text = FILLER + ("Shares of Boeing Co rose 2 percent to $86.20, and Harbor Steel Corp gained 1.5 percent "
                     "to $12.30. ") + FILLER
    piece, doc = parsed(nlp, text)
    harbor = doc.char_span(piece.text.index("Harbor Steel"), piece.text.index("Harbor Steel") + 12)
    assert piece.entity_scope == () and all(t.ent_iob == 0 for t in harbor)
    article = written_article(text, "2007-03-13 16:30")
    ours = [to_dict(c) for c in extract_claims([article], nlp)]
    assert any(c["instrument"] and c["instrument"]["name"].startswith("Harbor Steel") for c in ours)
    assert ours == [to_dict(c) for c in extract_claims([article], every_entity)]


# 'Its shares', 'the company's shares', 'Shares of X' of a company we do not list: which company that is, the
# entities of the sentences before say (an ORG entity in the paragraph before); those sentences are in scope
UNLISTED = "Harbor Steel Corp said on Tuesday it would close two mills in Ohio and cut 400 jobs. "
ITS_SHARES = "Its shares fell 3.2 percent to $12.40 in afternoon trading. "
SHARES_OF = "Shares of Lakeside Metals fell 1.75 percent on Sunday. "


@pytest.mark.parametrize("text", [
    FILLER + "\n\n" + UNLISTED + ITS_SHARES + FILLER,  # the paragraph's opening
    UNLISTED + FILLER + "\n\n" + ITS_SHARES + FILLER,  # the story's lead
    FILLER + "\n\nLakeside Metals Inc named a new chairman on Friday. " + FILLER + SHARES_OF + FILLER,
])
def test_the_sentences_that_name_a_company_before_its_shares_are_in_scope_with_the_same_claims(
        nlp: Language, every_entity: Language, text: str) -> None:
    piece, doc = parsed(nlp, text)
    scoped = "".join(piece.text[start:end] for start, end in piece.entity_scope)
    named = UNLISTED.split(" said")[0] if "Harbor" in text else "Lakeside Metals Inc named"
    assert named in scoped
    article = written_article(text, "2007-03-13 16:30")
    ours = [to_dict(c) for c in extract_claims([article], nlp)]
    assert ours and ours == [to_dict(c) for c in extract_claims([article], every_entity)]


def test_a_listed_company_move_after_an_unrelated_sentence_stays_out_of_scope(nlp: Language) -> None:
    """The control: a move of an instrument we list reads no entities, nor does the sentence before it."""
    text = FILLER + UNLISTED.replace("Harbor Steel Corp", "The mayor") + MOVE + FILLER
    piece, _ = parsed(nlp, text)
    assert piece.entity_scope == ()


def test_a_party_named_by_its_initials_is_spelled_out_from_a_sentence_outside_the_scope(
        nlp: Language, every_entity: Language) -> None:
    """'GM agreed to sell ...' after a market sentence on 'General Motors Corp' (a listed name: no entities read
    there): the whole name is still the party's, as with entities everywhere; the control: a party whose initials
    no earlier name gives keeps its short form."""
    market = INDEX + "That was the second straight loss for the Dow. " + FILLER + \
        "Shares of General Motors Corp rose 2 percent to $31.20 on Tuesday. "
    for text, party in [(market + FILLER + "GM agreed to sell its Allison unit to Carlyle Group for $5.6 billion. ",
                         "General Motors"),
                        (market + FILLER + "HSC agreed to sell its rail unit to Carlyle Group for $5.6 billion. ",
                         "HSC")]:
        piece, _ = parsed(nlp, text)
        scoped = "".join(piece.text[start:end] for start, end in piece.entity_scope)
        assert "agreed to sell" in scoped and "General Motors" not in scoped
        article = written_article(text, "2007-03-13 16:30")
        ours = [to_dict(c) for c in extract_claims([article], nlp) if c.kind == "deal"]
        assert ours and ours == [to_dict(c) for c in extract_claims([article], every_entity) if c.kind == "deal"]
        assert party in {p["name"] for c in ours for p in c["parties"]}
