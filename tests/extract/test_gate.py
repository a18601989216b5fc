"""The parse gate (analyzer/extract/gate.py): which sentences of an article reach the full pipeline.

Every text here is written for these tests. The gate is judged by what it keeps of a text and, end to end,
by the claims: the gated pipeline must find what the ungated one finds in the sentences that hold them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.language import Language

from analyzer.extract import extract_claims
from analyzer.extract.gate import Cues, SentenceGate, claimable
from analyzer.records import Article, to_dict

PUBLISHED = datetime(2007, 3, 14, 21, 0, tzinfo=UTC)
FILLER = ("The weather in the city was mild for the season. Commuters crowded the trains as usual. "
          "A local museum opened a new wing devoted to maritime history. ")


def kept_text(gate: SentenceGate, text: str) -> str:
    reduced, _, _ = gate.reduce(text)
    return reduced


def test_a_move_far_from_any_figure_is_kept_and_the_prose_around_it_is_not(gate: SentenceGate) -> None:
    text = FILLER + "Shares of Boeing rose sharply in afternoon trading. " + FILLER
    reduced = kept_text(gate, text)
    assert "Shares of Boeing rose sharply" in reduced
    assert "maritime history" not in reduced and "Commuters" not in reduced


def test_a_figure_alone_is_not_enough(gate: SentenceGate) -> None:
    text = "The plant employs 5,000 people and cost $2 billion to build. It opened in 1998 after 4 years of work."
    _, _, stats = gate.reduce(text)
    assert stats.kept_sentences == 0 and stats.sentences == 2


def test_a_sentence_that_refers_back_brings_the_last_sentence_that_named_the_instrument(gate: SentenceGate) -> None:
    text = ("The Nasdaq drew attention from traders early on. " + FILLER
            + "The index fell 2 percent by the close. " + FILLER)
    reduced = kept_text(gate, text)
    assert "The Nasdaq drew attention" in reduced and "The index fell 2 percent" in reduced
    assert "maritime" not in reduced  # only the named sentence, not what lies between


def test_a_policy_wording_without_a_bank_brings_the_sentence_that_names_the_bank(gate: SentenceGate) -> None:
    text = ("Officials of the Bank of England met in London this week. " + FILLER
            + "Policymakers voted to raise rates by a quarter point. ")
    reduced = kept_text(gate, text)
    assert "Bank of England" in reduced and "Policymakers voted" in reduced
    assert "museum" not in reduced


def test_a_list_under_a_header_keeps_the_header(gate: SentenceGate) -> None:
    text = (FILLER + "\n\nFor the week:\n* Dow industrials up 1.2 percent\n* Nasdaq down 0.4 percent\n\n" + FILLER)
    reduced = kept_text(gate, text)
    assert "For the week:\n* Dow industrials up 1.2 percent\n* Nasdaq down 0.4 percent" in reduced


def test_a_sentence_the_rule_splitter_cuts_is_kept_whole(gate: SentenceGate) -> None:
    text = (FILLER + "Boeing agreed to buy Acme Tooling Ltda., based in Campinas, for $40 million in cash. "
            + FILLER)
    reduced = kept_text(gate, text)
    assert "Boeing agreed to buy Acme Tooling Ltda., based in Campinas, for $40 million in cash." in reduced


def test_a_quote_opening_a_kept_sentence_stays_with_it_and_a_bracket_opening_a_left_out_one_does_not(
        gate: SentenceGate) -> None:
    text = (FILLER + '"Boeing shares rose 3 percent," the trader said. ' + FILLER
            # an aside with a stop of its own (a credit line with none goes with the sentence: test_gate22.py)
            + "Shares of Boeing slid 2 percent. (The broker declined to comment.) " + FILLER)
    reduced = kept_text(gate, text)
    assert '"Boeing shares rose 3 percent," the trader said.' in reduced
    assert "Shares of Boeing slid 2 percent." in reduced and "(" not in reduced


def test_what_the_cues_make_of_a_sentence() -> None:
    assert claimable(Cues.SHARES | Cues.MOVE, named_before=False)
    assert claimable(Cues.PRONOUN | Cues.MOVE, named_before=True)
    assert not claimable(Cues.PRONOUN | Cues.MOVE, named_before=False)  # 'it rose': nothing named yet
    assert not claimable(Cues.FIGURE | Cues.NUMBER, named_before=True)
    assert not claimable(Cues.NAME, named_before=True)  # a name without a move, figure or record
    assert claimable(Cues.NAME | Cues.NUMBER | Cues.LEVEL_VERB, named_before=False)  # "the Dow ended above 9,000"
    assert not claimable(Cues.SHARES | Cues.FIGURE, named_before=False)  # "shares outstanding: 5 million"
    assert claimable(Cues.DEAL_WORD | Cues.FIGURE, named_before=False)
    assert not claimable(Cues.DEAL_WORD, named_before=False)


def test_gated_and_ungated_extraction_find_the_same_claims(nlp: Language) -> None:
    text = ("NEW YORK (Reuters) - U.S. stocks ended higher on Wednesday. " + FILLER
            + "The Dow Jones industrial average rose 57.44 points, or 0.47 percent, to 12,133.40. " + FILLER
            + "It was the index's second straight gain. " + FILLER
            + "Boeing Co shares fell 1.8 percent to $86.20 after the company agreed to buy Acme Tooling "
              "for $40 million. " + FILLER
            + "The Federal Reserve held interest rates steady. " + FILLER)
    article = Article(id="gate-test", text=text, published=PUBLISHED)
    gated = [to_dict(c) for c in extract_claims([article], nlp, gated=True)]
    ungated = [to_dict(c) for c in extract_claims([article], nlp, gated=False)]
    assert len(ungated) >= 4
    assert gated == ungated


@pytest.mark.parametrize("text", [
    "", "   ", "...", "Stocks fell. Bonds rose!", 'He said "no." Then he left?! (Really.) ok',
    "Shares of Acme Corp. rose 2.5 percent to $10.50 on Monday... The Dow ended at 12,000.\n\nNext.",
    "x ?! \n\n y", "U.S. stocks -- a wild ride; the S&P 500 lost 1.2%.",
])
def test_the_gates_sentence_split_is_spacys_sentencizer(gate: SentenceGate, nlp: Language, text: str) -> None:
    from spacy.attrs import SENT_START
    from spacy.pipeline import Sentencizer

    ours = gate._sentencized(nlp.make_doc(text)).to_array([SENT_START]).tolist()
    assert ours == Sentencizer()(nlp.make_doc(text)).to_array([SENT_START]).tolist()


def test_a_story_tag_after_a_kept_sentence_is_kept_with_it(gate: SentenceGate) -> None:
    text = (FILLER + "Harbor Steel Corp HSC.N agreed to buy Lakeside Metals Inc for $1.2 billion. <ID:nN01234567>. "
            + FILLER + "<ID:nN07654321>. " + FILLER)
    start = text.index("Harbor Steel")
    end = text.index("<ID:nN01234567>.") + len("<ID:nN01234567>.")
    _, text_map, _ = gate.reduce(text)
    assert text_map.covers(start, end)  # the tag the annotators include in the sentence
    assert "nN07654321" not in kept_text(gate, text)  # a tag after left-out prose stays out
