"""Weak labels and candidate sentences of the claim classifier."""

from __future__ import annotations

import pytest

from analyzer.models.labels import (
    CHECKABLE_LABELS,
    KIND_LABELS,
    claims_label,
    cue_label,
    gold_kind_label,
    is_candidate_text,
    weak_kind_label,
)


def test_claim_kinds_map_to_labels_with_the_specific_kind_first() -> None:
    assert claims_label(["index_move"]) == "move"
    assert claims_label(["stock_move", "record"]) == "comparison_record_streak"
    assert claims_label(["index_move", "rate_policy"]) == "rate_policy"
    assert claims_label([]) is None
    # a valuation is an opinion, no checkable claim: the sentence is labelled by its cues
    assert claims_label(["valuation"]) is None
    assert claims_label(["valuation", "deal"]) == "deal"
    with pytest.raises(ValueError):
        claims_label(["weather"])
    assert set(CHECKABLE_LABELS) < set(KIND_LABELS)


def test_sentence_cues_for_sentences_without_rule_claims() -> None:
    assert cue_label("Pfizer agreed to buy Seagen for $43 billion in cash.") == "deal"
    assert cue_label("Airbus won an order for 30 jets from IndiGo.") == "deal"
    assert cue_label("Quarterly profit rose 12 percent to $1.2 billion.") == "numeric"
    assert cue_label("Analysts said investors remain cautious.") == "none"
    assert weak_kind_label(["index_move"], "Analysts said investors remain cautious.") == "move"


def test_gold_claim_free_sentences_are_none_or_numeric() -> None:
    assert gold_kind_label([], "Volume was 1.2 billion shares on the NYSE.") == "numeric"
    assert gold_kind_label([], "Pfizer agreed to buy Seagen.") == "none"  # hand label: no claim
    assert gold_kind_label(["deal"], "Pfizer agreed to buy Seagen.") == "deal"


def test_candidate_sentences() -> None:
    assert is_candidate_text("Stocks rose 2%.", has_instrument=False)
    assert is_candidate_text("The Fed left rates unchanged.", has_instrument=False)
    assert is_candidate_text("Shares of Alcoa slipped.", has_instrument=True)
    assert not is_candidate_text("Traders were cautious ahead of the holiday.", has_instrument=False)
