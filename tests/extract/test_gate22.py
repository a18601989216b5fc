"""The parse gate's cues for the classes of claim sentences it dropped in session 22's training files (gate recall).

Every text here is written for these tests. Each class has a sentence the gate must keep whole (with the
context it needs) and a control that stays dropped, so the gate keeps only a little more than before.
"""

from __future__ import annotations

from analyzer.extract.gate import SentenceGate

# the filler text and the whole-sentence check of session 21's gate tests (the gate fixture: conftest.py)
from .test_gate21 import FILLER, kept_whole


def kept_sentences(gate: SentenceGate, text: str) -> int:
    return gate.reduce(text)[2].kept_sentences


def test_a_bare_ric_tag_with_a_share_class_cut_at_its_dot_is_kept_whole(gate: SentenceGate) -> None:
    sentences = ["Harbor Group and Quay Capital said they had agreed to buy Dune Casinos Fund DCF_u.TO for "
                 "C$500 million.",
                 "Tessin Labs posted a loss as its share price jumped after Bolt Inc.'s BLTa.N bid for the firm."]
    for sentence in sentences:
        assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence), sentence


def test_a_story_tag_in_square_brackets_stays_with_its_sentence(gate: SentenceGate) -> None:
    sentence = ("Quaker Holdings ( QKR.N ) led the decliners after it said its sales fell 3 percent last month. "
                "[ID:nN01234567].")
    assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence)


def test_a_credit_line_stays_with_the_last_sentence(gate: SentenceGate) -> None:
    sentence = ("Corvana Class B shares closed Tuesday down $300 at $91,100 in New York. "
                "(Reporting by Jane Doe; editing by John Roe)")
    assert kept_whole(gate, FILLER + sentence, sentence)
    # an aside with a stop of its own is a sentence of its own, left out with the filler around it
    control = FILLER + "The mayor spoke. (The council did not comment on the plan.) " + FILLER
    assert kept_sentences(gate, control) == 0


def test_a_list_run_on_with_dashes_is_kept_to_the_item_after(gate: SentenceGate) -> None:
    sentence = ("FACTS - Orbis needs to repay debt taken on to fund its $20 billion purchase of Vela in 2006. - "
                "Orbis's overall debt is close to $25 billion.")
    assert kept_whole(gate, FILLER + "\n\n" + sentence + "\n\n" + FILLER, sentence)


def test_a_bank_verb_on_a_named_rate_after_the_bank_is_kept(gate: SentenceGate) -> None:
    sentence = "It is also likely to lower the discount rate it charges on emergency loans."
    assert kept_whole(gate, "The Federal Reserve opened its meeting on Tuesday. " + FILLER + sentence, sentence)
    # with no central bank before it, a rate verb is no bank's move
    assert kept_sentences(gate, FILLER + "The city will cut the tax rate it charges shops. " + FILLER) == 0


def test_rates_with_a_phrasal_move_are_a_policy_wording(gate: SentenceGate) -> None:
    sentence = '"To me it shows rates are not going to come down anytime soon," said a fund manager.'
    assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence)


def test_a_projection_with_a_figure_after_the_bank_is_kept(gate: SentenceGate) -> None:
    sentence = "The median projection for the end of next year is 3.9%."
    text = "The Bank of England left rates unchanged on Thursday. " + FILLER + sentence + " " + FILLER
    assert kept_whole(gate, text, sentence)
    # no central bank named before: a median of something else
    control = "The median household in the region spends 3.9% of its income on fuel. "
    assert kept_sentences(gate, FILLER + control + FILLER) == 0
