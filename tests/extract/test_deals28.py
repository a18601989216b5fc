"""Deals: classes of writing found on a fresh file (`corpora/train/deals28.jsonl`, issue 13), on sentences we wrote,
through the real spaCy pipeline: a sum in a currency named with its country's adjective ('Indian rupees'), the bidder
of an offer whose 'from' phrase the parser hangs on the worth phrase or on the verb of assent, a board 'of' a company
that receives a bid, a group led by the name written before '-led', a bid whose 'for' phrase hangs on the verb. Each
test holds a control the class must not reach."""

from __future__ import annotations

from written import deals_in

from analyzer.records import Claim


def roles(claim: Claim) -> set[tuple[str, str | None]]:
    return {(p.name, p.role) for p in claim.parties}


def test_a_currency_named_with_its_country_is_the_value(nlp) -> None:  # noqa: ANN001
    [order] = deals_in(nlp, "Harbor Electric has bagged an order worth 48 million Indian rupees from Delta "
                            "Power for transformers.")
    assert roles(order) == {("Harbor Electric", "seller"), ("Delta Power", "buyer")}
    assert (order.value.amount, order.value.currency) == (48e6, "INR")
    [stake] = deals_in(nlp, "Harbor Ales agreed to buy a 9% stake in Pine Foods for 400 million Japanese yen.")
    assert (stake.value.amount, stake.value.currency) == (400e6, "JPY")
    # controls: money raised in a share sale is no deal; days to deliver an order are no goods counted
    assert deals_in(nlp, "Harbor Electric raised 37 billion Indian rupees in its share sale on Monday.") == []
    [told] = deals_in(nlp, "Harbor Electric has bagged an order worth 48 million Indian rupees from Delta "
                           "Power. The contract is for the supply of transformers to be delivered in 67 days.")
    assert told.quantity is None


def test_the_bidder_of_an_offer_the_parser_hangs_elsewhere(nlp) -> None:  # noqa: ANN001
    [agreed] = deals_in(nlp, "Pine Foods agreed to a $3 billion offer from a group that included Oakline Capital and "
                             "Redwood Partners.")
    assert roles(agreed) == {("Oakline Capital", "acquirer"), ("Redwood Partners", "acquirer"),
                             ("Pine Foods", "target")}
    [rejected] = deals_in(nlp, "The board of Pine Foods rejected an unsolicited bid worth $5 billion from rival "
                               "Harbor Ales.")
    assert roles(rejected) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
    assert rejected.value.amount == 5e9
    [plain] = deals_in(nlp, "Pine Foods agreed to a takeover offer from Oakline Capital.")
    assert roles(plain) == {("Oakline Capital", "acquirer"), ("Pine Foods", "target")}
    # controls: a loan agreed to is no offer; a board with no company named names no target
    assert deals_in(nlp, "Pine Foods agreed to the terms of a loan from Delta Bank.") == []
    [unnamed] = deals_in(nlp, "The board of directors rejected an unsolicited bid worth $5 billion from rival Harbor "
                              "Ales.")
    assert roles(unnamed) == {("Harbor Ales", "acquirer")}


def test_a_group_led_by_the_name_before_led_bids(nlp) -> None:  # noqa: ANN001
    [bid] = deals_in(nlp, "A Treasury-led group lodged a firm bid on Friday for Delta Cable.")
    assert roles(bid) == {("Treasury", "acquirer"), ("Delta Cable", "target")}
    [offered] = deals_in(nlp, "A KKR-led group offered $5 billion for Pine Foods.")
    assert roles(offered) == {("KKR", "acquirer"), ("Pine Foods", "target")}
    # control: a nationality before '-led' names no bidder
    national = deals_in(nlp, "A German-led group submitted a bid on Tuesday for Delta Cable.")
    assert not any(p.name == "German" for claim in national for p in claim.parties)


def test_a_part_of_a_stake_sold_is_a_sale_of_the_stake(nlp) -> None:  # noqa: ANN001
    [part] = deals_in(nlp, "Harbor Motors will sell part of its stake in Delta Systems.")
    assert roles(part) == {("Harbor Motors", "seller"), ("Delta Systems", "target")}
    [half] = deals_in(nlp, "Harbor Motors sold half of its stake in Delta Systems Inc for $300 million.")
    assert roles(half) == {("Harbor Motors", "seller"), ("Delta Systems", "target")}
    assert half.value.amount == 300e6
    # control: some of its own shares sold is no deal
    assert deals_in(nlp, "Harbor Motors sold some of its shares last year.") == []
