"""Deal re-mentions (issue 13, session 17): one deal claim per telling of a deal in a story, plus a claim for each
later sentence that adds a part of it (a value, a quantity, a party not named before); a sentence that speaks again
of a deal already told and adds no part is claim-free (corpora/README.md, "Deal re-mentions"). Stories we wrote,
through the real spaCy pipeline; each with a control that must keep its claim."""

from __future__ import annotations

from written import deals_in, roles

TOLD = "Harwick Foods agreed on Monday to acquire Tolland Dairy for $2.4 billion."
BOTH = {("Harwick Foods", "acquirer"), ("Tolland Dairy", "target")}


def test_a_deal_told_again_without_a_part_is_no_new_claim(nlp) -> None:  # noqa: ANN001
    # the first telling stays; the same buyer and target said again with no figure add nothing
    [first] = deals_in(nlp, f"{TOLD} Harwick Foods said it would buy Tolland Dairy to widen its range of cheeses.")
    assert first.sentence == TOLD and roles(first) == BOTH
    assert first.value is not None and first.value.amount == 2.4e9
    # a value already told, said again, is no part of its own
    [again] = deals_in(nlp, f"{TOLD} Harwick Foods said it would pay $2.4 billion for Tolland Dairy, which makes "
                            "cheese.")
    assert again.sentence == TOLD
    # the first telling is never dropped: told alone it is the one claim
    [alone] = deals_in(nlp, TOLD)
    assert roles(alone) == BOTH


def test_a_re_mention_that_adds_a_value_is_a_claim_with_its_value(nlp) -> None:  # noqa: ANN001
    first, paid = deals_in(nlp, f"{TOLD} Harwick Foods said it would buy Tolland Dairy to widen its range of cheeses. "
                                "Harwick Foods will pay $2.9 billion for Tolland Dairy including debt.")
    assert first.sentence == TOLD
    assert paid.sentence.startswith("Harwick Foods will pay") and roles(paid) == BOTH
    assert (paid.value.amount, paid.value.currency) == (2.9e9, "USD")


def test_a_new_party_a_new_quantity_or_an_agreement_after_talks_stays_a_claim(nlp) -> None:  # noqa: ANN001
    # another target named: another deal
    _, other = deals_in(nlp, f"{TOLD} Harwick Foods also agreed to buy Benning Farms, a maker of yoghurt.")
    assert ("Benning Farms", "target") in roles(other)
    # talks, then the agreement: the agreement is a telling of its own
    talks, agreed = deals_in(nlp, "Harwick Foods has been in talks to buy Tolland Dairy since March, two bankers "
                                  "said. On Monday Harwick Foods agreed to buy Tolland Dairy.")
    assert (talks.status, agreed.status) == ("rumored", "announced")
    # an order told again without a figure adds nothing; more jets ordered is a quantity of its own
    ordered, more = deals_in(nlp, "Quarry Airways ordered 20 jets from Belmont Aero on Tuesday. Quarry Airways said "
                                  "it would buy the jets from Belmont Aero to replace its older fleet. Quarry Airways "
                                  "will also buy 10 more jets from Belmont Aero.")
    assert (ordered.quantity, more.quantity) == (20.0, 10.0)


def test_a_headline_and_the_first_sentence_are_read_apart(nlp) -> None:  # noqa: ANN001
    # the story's first sentence tells the deal of its headline again, as its own telling; a later one re-mentions it
    headline, lead = deals_in(nlp, "Harwick Foods to buy Tolland Dairy\nHarwick Foods agreed on Monday to buy Tolland "
                                   "Dairy, the companies said. Harwick Foods said it would buy Tolland Dairy to widen "
                                   "its range of cheeses.")
    assert headline.sentence.startswith("Harwick Foods to buy") and lead.sentence.startswith("Harwick Foods agreed")
    assert roles(lead) == BOTH
