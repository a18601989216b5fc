"""Rate claims and deals in classes of writing found missed or misread on the train split (issue 13, session 14), on
sentences we wrote, through the real spaCy pipeline; each class with a control that must not change (or must stay
claim-free)."""

from __future__ import annotations

from datetime import datetime

from written import deals_in, rate_claims_in, rate_rows, roles

from analyzer.records import Claim

MONDAY = datetime.fromisoformat("2025-02-10T18:30:00-05:00")  # a Monday evening


def rate_claims(nlp, text: str, published: datetime = MONDAY) -> list[Claim]:  # noqa: ANN001
    return rate_claims_in(nlp, text, published)


def test_an_officials_view_of_what_the_bank_should_do(nlp) -> None:  # noqa: ANN001
    # a central-bank official's 'should' / 'must' / 'needs to': that official's view (opinion), never a decision
    [waller] = rate_claims(nlp, "Governor Harlan Voss said the Fed should lower rates at its next meeting.")
    assert (waller.bank, waller.action, waller.modality, waller.session) == ("Fed", "cut", "opinion", None)
    [hike] = rate_claims(nlp, "Minneapolis Fed President Dana Lorne said the central bank must raise interest rates "
                              "by half a point in March.")
    assert (hike.bank, hike.action, hike.bp, hike.modality) == ("Fed", "hike", 50.0, "opinion")
    [need] = rate_claims(nlp, "Fed officials said the Fed needs to raise rates further.")
    assert (need.action, need.modality) == ("hike", "opinion")
    # anyone's view of what a named bank should do is an opinion too (session 32's rule; session 14 kept these out):
    # a politician, a strategist, a bare surname
    for text, bank in (("Senator Ada Pike said the Fed should cut rates in March.", "Fed"),
                       ("Strategists at Corvo Bank said the ECB should cut rates in April.", "ECB"),
                       ("Voss said the Fed should cut rates.", "Fed")):
        assert [(c.bank, c.action, c.modality, c.session) for c in rate_claims(nlp, text)] == [
            (bank, "cut", "opinion", None)]
    # controls: a condition ('Should the Fed ...'), a move said it should not make, a 'should' about no rate
    assert rate_claims(nlp, "Should the Fed cut rates in March, Governor Voss said, the dollar would fall.") == []
    assert all(c.action != "hike" for c in rate_claims(
        nlp, "The Bank of Japan should hold off and not raise rates until inflation returns, a think tank said."))
    assert rate_claims(nlp, "Investors should not read too much into the vote, the governor said.") == []
    # a 'should' on another subject's verb is no view of what the bank should do
    text = "Weak wage data next week should cement the market's view that the Bank of England will leave rates " \
           "unchanged next month."
    assert all(c.modality != "opinion" for c in rate_claims(nlp, text))
    # control: a decision stays a decision
    [decided] = rate_claims(nlp, "On Wednesday the Fed lowered rates a quarter point, Governor Voss said.",
                            datetime.fromisoformat("2025-02-12T18:30:00-05:00"))
    assert (decided.action, decided.modality, decided.session) == ("cut", "reported", "2025-02-12")


def test_a_move_noun_the_tagger_made_a_verb_under_expect(nlp) -> None:  # noqa: ANN001
    # "expect a rate cut": the tagger takes "cut" for a verb; it was a *reported* cut dated the Wednesday before
    # (a false 'contradicted' waiting to happen), it is the market's expectation
    [week] = rate_claims(nlp, "Investors expect a rate cut from the Fed this week.")
    assert (week.bank, week.action, week.modality, week.session) == ("Fed", "cut", "expected", None)
    assert (week.horizon.start, week.horizon.end) == ("2025-02-10", "2025-02-16")
    dated = rate_claims(nlp, "Investors expect a rate cut from the Fed on Wednesday.")
    assert all(c.modality != "reported" for c in dated)
    # control: a move noun under a past verb is still a reported decision
    [got] = rate_claims(nlp, "The market got a rate cut from the Fed last week.")
    assert (got.action, got.modality) == ("cut", "reported")


def test_a_seller_and_a_unit_of_its_own_with_no_buyer_yet(nlp) -> None:  # noqa: ANN001
    # an asset sale told by its seller alone: the sale, its item the unit (the gate lets the one-company sentence in)
    [plans] = deals_in(nlp, "Corvane Industries plans to sell its consumer health business.", gated=True)
    assert (plans.deal_type, roles(plans), plans.item) == ("sale", {("Corvane Industries", "seller")},
                                                            "consumer health business")
    [explores] = deals_in(nlp, "Tamsin Media is exploring a sale of its television stations, according to people "
                               "familiar with the matter.", gated=True)
    assert (explores.deal_type, roles(explores), explores.status) == ("sale", {("Tamsin Media", "seller")},
                                                                       "rumored")
    # controls: its goods or shares are no deal; a sale someone else urges is none
    assert deals_in(nlp, "Corvane Industries sold its products in 40 countries last year.", gated=True) == []
    assert deals_in(nlp, "Investors sold their shares of Corvane Industries after the report.", gated=True) == []
    assert deals_in(nlp, "Harbor Capital, an investor in Corvane Industries, urged the company to spin off or sell "
                         "its pipeline business.", gated=True) == []


def test_the_buyer_of_a_sale_hung_on_the_verb(nlp) -> None:  # noqa: ANN001
    # "completed the sale of its packaging unit to Kestrel Inc.": the parser hangs "to Kestrel" on "completed"
    [sale] = deals_in(nlp, "Corvane Industries completed the sale of its packaging unit to Kestrel Inc.")
    assert (sale.deal_type, roles(sale)) == ("sale", {("Corvane Industries", "seller"), ("Kestrel", "buyer")})
    # control: "to" on another verb is no buyer ("agreed to ..." is the verb's own complement)
    [other] = deals_in(nlp, "Corvane Industries is weighing the sale of its European operations, sources said.")
    assert roles(other) == {("Corvane Industries", "seller")}


def test_a_contract_won_to_supply_goods_to_a_client(nlp) -> None:  # noqa: ANN001
    # "awarded a contract to supply 40 turbines to Nordvik Power": the goods counted and the client the buyer
    [award] = deals_in(nlp, "Bluefin Energy announced Monday that it was awarded a contract to supply 40 turbines "
                            "to Nordvik Power.")
    assert (award.deal_type, roles(award), award.quantity, award.item) == (
        "order", {("Bluefin Energy", "seller"), ("Nordvik Power", "buyer")}, 40.0, "turbines")
    # the client unnamed: the counted goods make the order
    [unnamed] = deals_in(nlp, "Bluefin Energy won a contract to deliver 5 megawatts of storage to a utility "
                              "customer.")
    assert (unnamed.deal_type, roles(unnamed), unnamed.quantity) == ("order", {("Bluefin Energy", "seller")}, 5.0)
    # control: a contract that is not won or awarded is no order ("the March contract")
    assert deals_in(nlp, "The March contract to supply 40 turbines fell 2% on the exchange.") == []


def test_no_change_in_rates_expected_is_a_hold(nlp) -> None:  # noqa: ANN001
    # a hold told as "no change in rates" under an expectation, with no time of its own: a claim, like "expectations
    # for further cuts"
    [meeting] = rate_claims(nlp, "The Federal Reserve meeting is widely expected to end with no change in short-term "
                                 "rates.")
    assert (meeting.bank, meeting.action, meeting.modality) == ("Fed", "hold", "expected")
    [boe] = rate_claims(nlp, "Economists polled by Reuters expect no change in interest rates from the Bank of "
                             "England.")
    assert (boe.bank, boe.action, boe.modality) == ("BoE", "hold", "forecast")
    # controls: a reported "no change" with no time, and no change in something else
    assert rate_claims(nlp, "The Fed made no change in interest rates.") == []
    assert rate_claims(nlp, "The company expects no change in its dividend.") == []


def test_news_shifting_the_prospect_of_a_move(nlp) -> None:  # noqa: ANN001
    # "raised / dimmed prospects of more rate cuts by the Fed": the market's expectation, shifted by the news
    [raised] = rate_claims(nlp, "Weak retail sales raised prospects of more rate cuts by the Federal Reserve.")
    assert (raised.bank, raised.action, raised.modality) == ("Fed", "cut", "expected")
    [dimmed] = rate_claims(nlp, "Hot inflation data dimmed prospects of additional interest rate cuts from the "
                                "Fed.")
    assert (dimmed.action, dimmed.modality) == ("cut", "expected")
    # controls: the prospect as a topic, and a prospect of something else
    assert rate_claims(nlp, "Analysts weighed the prospect of additional rate cuts from the Fed.") == []
    assert rate_claims(nlp, "Strong jobs data raised prospects of a rebound in hiring.") == []


def test_news_shifting_the_prospect_of_a_move_accuses_no_one(nlp, market) -> None:  # noqa: ANN001
    # the prospect is the market's mood: whatever the Fed then did, the report of it is not wrong
    rows = rate_rows(nlp, market, "On Wednesday hot inflation data raised prospects of fewer interest rate cuts from "
                                  "the Fed.", "2025-02-12T18:30:00")
    assert [(r.claim.action, r.claim.modality) for r in rows] == [("cut", "expected")]
    assert all(r.verdict.verdict != "contradicted" for r in rows)


def test_an_offer_its_target_rejects_or_reviews_as_a_noun(nlp) -> None:  # noqa: ANN001
    # "its rejection of the offer from Orbis", "Beta's board began a review of the offer from Orbis": the one whose
    # rejection, acceptance or review it is, is the target (as "Beta rejected the offer from Orbis")
    [rejected] = deals_in(nlp, "Kestrel Inc confirmed its rejection of the $42-a-share offer from Orbis Corp.")
    assert roles(rejected) == {("Orbis", "acquirer"), ("Kestrel", "target")}
    [review] = deals_in(nlp, "Kestrel Inc's board began a review of the offer from Orbis Corp on Tuesday.")
    assert roles(review) == {("Orbis", "acquirer"), ("Kestrel", "target")}
    # controls: a review by no company, and a review of something else
    assert deals_in(nlp, "Analysts welcomed the review of the offer from Orbis Corp.") == []
    assert deals_in(nlp, "Kestrel Inc began a review of its strategy on Tuesday.") == []


def test_a_stake_with_no_company_explaining_a_stocks_move(nlp) -> None:  # noqa: ANN001
    # "BP jumps after Elliott takes stake": the stake named with no company is in the company whose stock moved
    [headline] = deals_in(nlp, "* BP jumps after Elliott takes stake", gated=True)
    assert (headline.deal_type, roles(headline)) == ("investment", {("Elliott", "investor"), ("BP", "target")})
    [shares] = deals_in(nlp, "Shares of BP rose 4% after Elliott Management disclosed a stake.")
    assert roles(shares) == {("Elliott Management", "investor"), ("BP", "target")}
    # controls: the stake's own company wins; no company moved; its own stake raised
    [named] = deals_in(nlp, "BP jumps after Elliott takes stake in Shell")
    assert roles(named) == {("Elliott", "investor"), ("Shell", "target")}
    assert deals_in(nlp, "Investors cheered after Elliott took a stake.") == []
