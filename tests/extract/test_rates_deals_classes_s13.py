"""Rate claims and deals in classes of writing the issue names for unseen text (issue 13, session 13), on sentences we
wrote, through the real spaCy pipeline; each class with a control that must not change (or must stay claim-free)."""

from __future__ import annotations

from datetime import datetime

from written import deals_in, rate_claims_in, rate_rows, roles

from analyzer.records import Claim

PUBLISHED = datetime.fromisoformat("2025-02-12T18:30:00-05:00")  # a Wednesday evening


def rate_claims(nlp, text: str, published: datetime = PUBLISHED) -> list[Claim]:  # noqa: ANN001
    return rate_claims_in(nlp, text, published)


def test_a_projection_verb_the_tagger_reads_as_a_noun(nlp) -> None:  # noqa: ANN001
    # "projects", "signals": tagged as plural nouns heading the sentence; the dot plot's view is the bank's forecast
    [fed] = rate_claims(nlp, "The Fed's dot plot projects two rate cuts in 2025.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "forecast")
    assert fed.horizon is not None and fed.horizon.end == "2025-12-31"
    [signals] = rate_claims(nlp, "Fed officials' latest dot plot signals two cuts this year.")
    assert (signals.bank, signals.action, signals.modality) == ("Fed", "cut", "forecast")
    # the verb tagged as a verb: the dot plot is a forecaster's view, not the market's
    [projected] = rate_claims(nlp, "The Fed's dot plot projected two rate cuts in 2025.")
    assert projected.modality == "forecast"
    # controls: the same shape about something else, and the one that already read right
    assert rate_claims(nlp, "The company projects two plant closures this year.") == []
    [shows] = rate_claims(nlp, "The Fed's dot plot shows two rate cuts in 2025.")
    assert (shows.action, shows.modality) == ("cut", "forecast")


def test_a_move_supported_is_a_view_not_a_decision(nlp) -> None:  # noqa: ANN001
    # was a reported cut in March 2024 (a decision that never happened: a false 'contradicted' waiting to happen)
    assert rate_claims(nlp, "Fed's Waller: I support a rate cut in March.") == []
    # control: a cut told as the means of support is still the decision
    [means] = rate_claims(nlp, "The Fed supported the economy by cutting rates in March.")
    assert (means.bank, means.action, means.modality) == ("Fed", "cut", "reported")


def test_talk_of_a_move_is_an_expectation(nlp) -> None:  # noqa: ANN001
    [ecb] = rate_claims(nlp, "Talk of an ECB rate cut weighed on the euro.")
    assert (ecb.bank, ecb.action, ecb.modality) == ("ECB", "cut", "expected")
    # control: a cut named as a cause, with no talk of it, stays out
    assert rate_claims(nlp, "The rate cut last week helped stocks.") == []


def test_a_sized_move_at_a_named_meeting_is_the_bank_named_before(nlp) -> None:  # noqa: ANN001
    text = "The Bank of England cut rates on Thursday. The quarter-point reduction at the July meeting was the first " \
           "since 2020."
    claims = rate_claims(nlp, text)
    july = [c for c in claims if c.horizon is not None and c.horizon.start == "2024-07-01"]
    assert [(c.bank, c.action, c.modality) for c in july] == [("BoE", "cut", "reported")]
    # control: a sized move without a meeting in a sentence that names no bank gives nothing of its own
    plain = rate_claims(nlp, "The Bank of England cut rates on Thursday. Mortgage lenders passed on a quarter-point "
                             "reduction to borrowers.")
    assert len(plain) == 1


def test_a_press_release_opening_name_with_its_listing_is_it(nlp) -> None:  # noqa: ANN001
    # "(NASDAQ: ACME)" breaks the parse of the subject: "it" is the name the release opens with
    [deal] = deals_in(nlp, "Acme Holdings, Inc. (NASDAQ: ACME) today announced it has completed the acquisition of "
                           "Delta Labs.")
    assert roles(deal) == {("Acme Holdings", "acquirer"), ("Delta Labs", "target")}
    # control: without the tag the parse had it already
    [plain] = deals_in(nlp, "Acme Holdings, Inc. today announced it has completed the acquisition of Delta Labs.")
    assert roles(plain) == {("Acme Holdings", "acquirer"), ("Delta Labs", "target")}
    # control: a listed company that announces results gives no deal
    assert deals_in(nlp, "Acme Holdings, Inc. (NASDAQ: ACME) today announced it has completed its fourth quarter "
                         "with record revenue.") == []


def test_a_move_sized_in_basis_points_without_hyphens(nlp) -> None:  # noqa: ANN001
    # "a 25 basis point cut": the tagger hangs a verb "cut" on "point"
    [fed] = rate_claims(nlp, "Traders expect a 25 basis point cut from the Fed in June.")
    assert (fed.bank, fed.action, fed.bp, fed.modality) == ("Fed", "cut", 25, "expected")
    assert fed.horizon is not None and fed.horizon.start == "2025-06-01"
    [ecb] = rate_claims(nlp, "Traders are fully pricing a 25 basis point cut from the European Central Bank next "
                             "month.")
    assert (ecb.bank, ecb.action, ecb.bp, ecb.modality) == ("ECB", "cut", 25, "expected")
    [done] = rate_claims(nlp, "The Fed delivered a 25 basis point cut on Dec. 18.")
    assert (done.action, done.bp, done.modality, done.session) == ("cut", 25, "reported", "2024-12-18")
    # controls: the same words about a company's figures
    assert rate_claims(nlp, "The company took a 25 basis point cut in its margin guidance.") == []


def test_a_run_of_moves_counted_since_a_start(nlp) -> None:  # noqa: ANN001
    # "five times since June": the run to date (horizon from the start to publication, no session, no size)
    [ecb] = rate_claims(nlp, "The ECB has lowered its deposit rate five times since June.")
    assert (ecb.bank, ecb.action, ecb.modality, ecb.session, ecb.bp) == ("ECB", "cut", "reported", None, None)
    assert ecb.horizon is not None and (ecb.horizon.start, ecb.horizon.end) == ("2024-06-01", "2025-02-12")
    [fed] = rate_claims(nlp, "The Fed has cut rates twice since September.")
    assert fed.session is None and fed.horizon is not None and fed.horizon.start == "2024-09-01"
    # a counted run with no start is no decision of the story's day (it used to be one: a false 'contradicted')
    assert rate_claims(nlp, "The Fed cut rates three times in late 2024, by a full percentage point in total.") == []
    # controls: one move since a date is no run; a sized run keeps its size as stated
    assert rate_claims(nlp, "The Fed has cut rates once since September.") == []
    [sized] = rate_claims(nlp, "The Fed has lowered rates by 100 basis points since September.")
    assert sized.stated.get("cumulative_bp") == "100" and sized.session is None


def test_counted_runs_are_checked_against_the_moves_in_their_span(nlp, market) -> None:  # noqa: ANN001
    [row] = rate_rows(nlp, market, "The Fed has raised rates 11 times since March 2022.", "2023-09-01T12:00:00")
    assert row.verdict.verdict == "supported"


def test_an_order_split_by_supplier_in_other_wordings(nlp) -> None:  # noqa: ANN001
    def orders(text: str) -> set[tuple[frozenset, float | None]]:
        return {(frozenset(roles(d)), d.quantity) for d in deals_in(nlp, text)}

    buyer = ("Gamma Airlines", "buyer")
    split = {(frozenset({buyer, ("Airbus", "seller")}), 40), (frozenset({buyer, ("Boeing", "seller")}), 30)}
    # the makers' names on the goods
    assert orders("Gamma Airlines ordered 40 Airbus A320neo jets and 30 Boeing 737 MAX planes.") == split
    # the goods of the noun 'orders', and a share the parser hangs on the verb
    assert orders("Gamma Airlines placed orders for 40 jets from Airbus and 30 from Boeing.") == split
    assert orders("Gamma Airlines said it would buy 40 jets from Airbus and 30 from Boeing.") == split
    # controls: one supplier named once for all the goods, or on each share, is one order
    [one] = deals_in(nlp, "Gamma Airlines placed an order for 30 jets and 20 helicopters from Airbus.")
    assert one.quantity == 50 and roles(one) == {buyer, ("Airbus", "seller")}
    [same] = deals_in(nlp, "Gamma Airlines ordered 30 Airbus jets and 20 Airbus helicopters.")
    assert ("Airbus", "seller") in roles(same) and same.quantity == 50


def test_priced_odds_of_a_hold(nlp) -> None:  # noqa: ANN001
    [fed] = rate_claims(nlp, "Fed funds futures point to a roughly 80% probability of a hold at the next meeting.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "hold", "expected")
    [march] = rate_claims(nlp, "The CME FedWatch tool shows a 95% chance of a hold in March.")
    assert march.horizon is not None and march.horizon.start == "2025-03-01"
    # controls: odds below one half, a hold rating, rates kept on hold (one claim, as before)
    assert rate_claims(nlp, "Traders see a 30% probability of a hold in March.") == []
    assert rate_claims(nlp, "Analysts kept a hold rating on the stock after the Fed's decision.") == []
    [kept] = rate_claims(nlp, "The Fed kept rates on hold in January.")
    assert (kept.action, kept.modality) == ("hold", "reported")


def test_the_price_paid_by_the_buyer_in_the_next_sentence(nlp) -> None:  # noqa: ANN001
    told = "Acme Corp agreed to buy Beta Systems on Monday. "
    [deal, paid] = deals_in(nlp, told + "Acme will pay $45 per share in cash, or about $2.1 billion.")
    assert roles(paid) == roles(deal) == {("Acme", "acquirer"), ("Beta Systems", "target")}
    assert paid.value.amount == 2_100_000_000
    [_, it] = deals_in(nlp, told + "It will pay $2.1 billion in cash and stock.")
    assert it.value.amount == 2_100_000_000
    # controls: money paid for something else, by someone else, or no money
    assert len(deals_in(nlp, told + "Acme will pay $300 million to settle a lawsuit.")) == 1
    assert len(deals_in(nlp, told + "Gamma Inc will pay $2 billion in cash.")) == 1
    assert len(deals_in(nlp, told + "Acme will pay a dividend of $1 per share.")) == 1


def test_a_company_taken_private(nlp) -> None:  # noqa: ANN001
    buyout = {("Zeta Partners", "acquirer"), ("Acme", "target")}
    [deal] = deals_in(nlp, "Zeta Partners agreed to take Acme private for $3 billion.")
    assert roles(deal) == buyout and deal.deal_type == "acquisition" and deal.value.amount == 3_000_000_000
    [passive] = deals_in(nlp, "Acme will be taken private by Zeta Partners in a $3 billion deal.")
    assert roles(passive) == buyout
    # controls: a wish without a buyer named, a private placement, a stake taken (an investment, as before)
    assert deals_in(nlp, "The founder wants to take the company private.") == []
    assert deals_in(nlp, "Acme took a private placement of shares.") == []
    [stake] = deals_in(nlp, "Zeta Partners will take a 20% stake in Acme for $1 billion.")
    assert stake.deal_type == "investment"


def test_a_relative_clause_hung_on_a_companys_shares(nlp) -> None:  # noqa: ANN001
    # the parser hangs "which ..." on "Shares", not on the company: "which" is still the company
    [deal] = deals_in(nlp, "Shares of Acme, which agreed to be acquired by Beta Corp last month, rose 2 percent.")
    assert roles(deal) == {("Beta", "acquirer"), ("Acme", "target")}
    # control: a relative clause with no deal gives none
    assert deals_in(nlp, "Shares of Acme, which reported higher profit, rose 2 percent.") == []


def test_merger_talks_held_by_a_joined_subject(nlp) -> None:  # noqa: ANN001
    [deal] = deals_in(nlp, "Acme and Beta Corp are in advanced merger talks, people familiar with the matter said.")
    assert deal.deal_type == "merger" and roles(deal) == {("Acme", "partner"), ("Beta", "partner")}
    # controls: one company in talks 'with' another (as before); people, not companies, give no deal
    [with_] = deals_in(nlp, "Acme is in merger talks with Beta Corp.")
    assert roles(with_) == {("Acme", "partner"), ("Beta", "partner")}
    assert deals_in(nlp, "Analysts and investors are in merger talks mode.") == []


def test_a_move_noun_made_by_a_bank(nlp) -> None:  # noqa: ANN001
    [fed] = rate_claims(nlp, "Traders now expect the Fed to deliver its next cut in September.")
    assert (fed.bank, fed.action, fed.modality) == ("Fed", "cut", "expected")
    assert fed.horizon is not None and fed.horizon.start == "2025-09-01"
    [ecb] = rate_claims(nlp, "The ECB made its first cut in June.")
    assert (ecb.bank, ecb.action, ecb.modality) == ("ECB", "cut", "reported")
    # controls: other cuts a bank makes; a lender's cuts
    assert rate_claims(nlp, "The Fed announced budget cuts for its staff in June.") == []
    assert rate_claims(nlp, "The bank made its first job cuts in June.") == []
