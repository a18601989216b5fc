"""Deal claims through the real spaCy pipeline, on sentences we wrote, and on real dev sentences."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim

PUBLISHED = datetime.fromisoformat("2024-03-14T18:30:00-04:00")  # a Thursday evening
REPO = Path(__file__).resolve().parents[2]


def deals_in(nlp, text: str, published: datetime = PUBLISHED) -> list[Claim]:  # noqa: ANN001
    claims = extract_claims([Article(id="t", text=text, published=published)], nlp)
    return [c for c in claims if c.kind == "deal"]


def roles(claim: Claim) -> set[tuple[str, str | None]]:
    return {(p.name, p.role) for p in claim.parties}


def test_acquisition_with_value_and_announcement(nlp) -> None:  # noqa: ANN001
    [c] = deals_in(nlp, "Harbor Foods Inc said on Tuesday it agreed to buy snack maker Crunchwell Brands for "
                        "$2.4 billion in cash.")
    assert c.deal_type == "acquisition"
    assert roles(c) == {("Harbor Foods", "acquirer"), ("Crunchwell Brands", "target")}
    assert (c.value.amount, c.value.currency) == (2.4e9, "USD")
    assert c.status == "announced" and c.modality == "reported"
    assert c.session == "2024-03-12" and c.time_text == "Tuesday"  # the Tuesday before publication


def test_sale_to_a_buyer_in_euros_with_a_relative_clause(nlp) -> None:  # noqa: ANN001
    text = "Nordwind, which announced plans to sell 12 wind turbines to Baltic Power Grid, rose 2 percent."
    [c] = deals_in(nlp, text)
    assert c.deal_type == "order" and c.quantity == 12 and c.item == "wind turbines"
    assert roles(c) == {("Nordwind", "seller"), ("Baltic Power Grid", "buyer")}
    [c] = deals_in(nlp, "Kestrel Chemicals agreed to sell its plastics division to Orbis Partners for about "
                        "2 billion euros.")
    assert c.deal_type == "sale" and c.item == "plastics division"
    assert roles(c) == {("Kestrel Chemicals", "seller"), ("Orbis Partners", "buyer")}
    assert (c.value.amount, c.value.currency) == (2e9, "EUR") and c.stated["value"] == "about 2 billion euros"


def test_order_with_seller_after_from(nlp) -> None:  # noqa: ANN001
    [c] = deals_in(nlp, "Pacific Skyways said it had ordered twenty long-range jets from Airbus in a deal "
                        "worth about $6 billion.")
    assert c.deal_type == "order" and c.quantity == 20 and c.item == "long-range jets"
    assert roles(c) == {("Pacific Skyways", "buyer"), ("Airbus", "seller")}
    assert c.value.amount == 6e9


def test_per_share_price_is_kept_apart_from_the_value(nlp) -> None:  # noqa: ANN001
    [c] = deals_in(nlp, "Larkspur Capital offered to buy Denholm Software for $41 to $43 per share, "
                        "people familiar with the matter said.")
    assert c.value is None
    assert (c.stated["price_per_share_low"], c.stated["price_per_share_high"],
            c.stated["price_per_share_currency"]) == ("41", "43", "USD")
    assert c.status == "rumored"
    assert roles(c) == {("Larkspur Capital", "acquirer"), ("Denholm Software", "target")}


def test_statuses(nlp) -> None:  # noqa: ANN001
    [talks] = deals_in(nlp, "Quorra Telecom is in advanced talks to acquire Vexley Networks for $900 million.")
    assert talks.status == "rumored"
    [expected] = deals_in(nlp, "Brightwater Bank is expected to buy Tellis Savings for $1.1 billion.")
    assert expected.status == "expected" and expected.modality == "expected"
    [done] = deals_in(nlp, "Last year's sale of Corvane Steel to Ilmarin Group reshaped the industry.")
    assert done.status == "reported"
    assert roles(done) == {("Corvane Steel", "target"), ("Ilmarin Group", "acquirer")}


def test_pronoun_and_descriptor_resolve_to_the_company_named_before(nlp) -> None:  # noqa: ANN001
    text = ("Marlow Insurance Corp reported higher profits on Wednesday. The insurer also said it would pay "
            "$300 million for Penfold Claims Services.")
    [c] = deals_in(nlp, text)
    assert roles(c) == {("Marlow Insurance", "acquirer"), ("Penfold Claims Services", "target")}


@pytest.mark.parametrize("text", [
    "Analysts said Vantage Motors could buy a rival for as much as $3 billion.",  # hypothetical
    "The company said it would not sell its shares to Garnet Holdings.",  # negated
    "The central bank will buy $40 billion in mortgage bonds each month.",  # asset purchases, not a deal
    "Sales of new homes rose 5 percent to 700,000 units in February.",  # revenue, not a sale of a company
    "Dresner Group plans to raise $200 million to fund the acquisition.",  # a deal told before, no terms
    "Shares of Ferro Mining rose 3 percent to $24.10 after the company beat forecasts.",
])
def test_no_deal_claim(nlp, text: str) -> None:  # noqa: ANN001
    assert deals_in(nlp, text) == []


def test_real_dev_deal_sentences(nlp, shared_data: Path) -> None:  # noqa: ANN001
    """Recall and precision on the annotated Reuters deal sentences, through the gold loader."""
    from analyzer.evaluate import _inside, load_gold, same_claim

    golds = [g for g in load_gold(REPO / "corpora" / "dev" / "reuters_2006_2009.jsonl", shared_data)
             if any(c.kind == "deal" for c in g.claims)]
    assert len(golds) >= 10
    found = 0
    for gold in golds:
        claims = [c for c in extract_claims([gold.article], nlp) if c.kind == "deal" and _inside(c, gold)]
        found += any(same_claim(g, p) for g in gold.claims if g.kind == "deal" for p in claims)
    assert found / len(golds) >= 0.8


def test_values_in_currencies_written_as_words(nlp) -> None:  # noqa: ANN001
    """Currencies that find_money does not know, from the deal lexicon: the longer of two names wins ("zlotys")."""
    [c] = deals_in(nlp, "Fjordline Shipping agreed to buy Kvarven Ferries for 4.2 billion Norwegian crowns.")
    assert (c.value.amount, c.value.currency) == (4.2e9, "NOK")
    assert c.stated["value"] == "4.2 billion Norwegian crowns"
    [c] = deals_in(nlp, "Vistula Energy agreed to buy Odra Power for 900 million zlotys.")
    assert (c.value.amount, c.value.currency) == (9e8, "PLN")
    assert c.stated["value"] == "900 million zlotys"
    [c] = deals_in(nlp, "Maple Rail agreed to buy Prairie Freight for C$12.50 a share.")
    assert c.stated["price_per_share_currency"] == "CAD" and c.stated["price_per_share_low"] == "12.50"


def test_a_purchase_of_securities_leaves_later_sentences_free_to_name_the_buyer(nlp) -> None:  # noqa: ANN001
    # "buy $500 million of Treasury securities" is no deal; while it was read, "it" could not be the buyer. That
    # rule must end with the sentence: the next sentence's "It" is the same company, now selling a unit.
    text = ("Acme Chemical Corp reported higher profit on Tuesday. Acme Chemical Corp will buy $500 million of "
            "Treasury securities. It also agreed to sell its paints unit to Zeta Holdings for $1 billion.")
    [c] = deals_in(nlp, text)
    assert roles(c) == {("Acme Chemical", "seller"), ("Zeta Holdings", "buyer")}
    assert c.value.amount == 1e9
    # control: the securities purchase alone gives no deal
    assert deals_in(nlp, "Acme Chemical Corp will buy $500 million of Treasury securities.") == []
