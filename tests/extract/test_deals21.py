"""Deals: a review of session 20's classes (issue 13) and four classes it left, on sentences we wrote, through the
real spaCy pipeline. The review found session 20's rules firing past their class (a probe 'ended' by regulators read as
a bid called off, a fund's trade read as a block sale, a central bank's bond portfolio read as a purchase, a government
that approves a sale read as its seller); each test keeps session 20's sentence class and adds the sentence it must
not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_only_a_deal_ended_by_its_maker_is_called_off(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "Harbor Ales dropped a $3.2 billion bid for Coastal Drinks after the two sides failed to "
                         "agree.") == []
    # a probe, an objection or a search that is ended is no deal ended: the deal inside it stands
    [probed] = deals_in(nlp, "Regulators ended their probe of Harbor Ales' $2 billion purchase of Pine Foods on "
                             "Monday.")
    assert roles(probed) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
    assert probed.value.amount == 2e9


def test_shares_sold_in_a_company_need_a_sum(nlp) -> None:  # noqa: ANN001
    # a fund selling shares in a company, with no sum, is a trade of its portfolio, no deal
    assert deals_in(nlp, "Fidelity sold shares in Apple during the quarter, a filing showed.") == []
    assert deals_in(nlp, "BlackRock sold stock in Harbor Bank last year.") == []
    [block] = deals_in(nlp, "Gulf Crest Holdings sold shares in Britain's Harbor Bank Plc worth 2.1 billion pounds.")
    assert roles(block) == {("Gulf Crest Holdings", "seller"), ("Harbor Bank", "target")}


def test_a_portfolio_of_securities_or_with_no_seller_is_no_deal(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "The Federal Reserve will buy a $600 billion portfolio of Treasury bonds from banks.") == []
    assert deals_in(nlp, "The Federal Reserve will buy a $600 billion portfolio of mortgage loans next year.") == []
    [loans] = deals_in(nlp, "Harbor Bank has agreed to buy a $6 billion portfolio of residential mortgage loans from "
                            "Pine Financial.")
    assert roles(loans) == {("Harbor Bank", "buyer"), ("Pine Financial", "seller")}


def test_a_government_that_approves_a_sale_is_no_seller(nlp) -> None:  # noqa: ANN001
    [approved] = deals_in(nlp, "The French government approved the $3 billion sale of Pine Savings to Harbor Bank.")
    assert ("French government", "seller") not in roles(approved)
    assert ("Pine Savings", "target") in roles(approved)
    # control: a government selling its own stake is the seller
    [sold] = deals_in(nlp, "The Danish government's sale of its stake in Nordbank raised $3.4 billion.")
    assert roles(sold) == {("Danish government", "seller"), ("Nordbank", "target")}


def test_a_funds_size_is_only_a_relative_clause_of_the_present(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, '"Demand is strong," said Jane Roe, a partner at Oakline Capital in Boston, which invests '
                         "$2.4 billion.") == []
    # a headline's present tense tells money put in, as before session 20
    [invested] = deals_in(nlp, "Harbor Capital invests $2 billion in Stellar Services every year.")
    assert ("Harbor Capital", "investor") in roles(invested)


def test_a_sum_that_sizes_a_deal_noun_is_its_value(nlp) -> None:  # noqa: ANN001
    # 'closed' and 'rose' are move verbs, but the sum sizes the acquisition, not a stock
    for text in ("Harbor Ales' $2 billion acquisition of Pine Foods closed on Monday.",
                 "Harbor Ales' acquisition of Pine Foods for $2 billion closed on Monday.",
                 "The stock rose on Harbor Corp's $2 billion acquisition of Pine Foods."):
        [told] = deals_in(nlp, text)
        assert ("Pine Foods", "target") in roles(told), text
        assert (told.value.amount, told.value.currency) == (2e9, "USD"), text
    # control: a stock's price after a move verb is still no deal's value
    [deal] = deals_in(nlp, "Pine Foods shares closed at $31.50 after Harbor Ales agreed to buy the company.")
    assert deal.value is None


def test_a_sum_written_as_one_hyphenated_word(nlp) -> None:  # noqa: ANN001
    for text, value in (("Harbor Ales announced a 3.7-billion-euro takeover of Pine Foods.", (3.7e9, "EUR")),
                        ("Harbor Ales agreed to buy Pine Foods in a $1.2-billion deal.", (1.2e9, "USD")),
                        ("Harbor Ales agreed to buy Pine Foods in a 1.2 billion-euro deal.", (1.2e9, "EUR"))):
        [told] = deals_in(nlp, text)
        assert roles(told) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}, text
        assert (told.value.amount, told.value.currency) == value, text
    # control: a hyphenated figure with no currency is no sum
    [gain] = deals_in(nlp, "Harbor Ales agreed to buy Pine Foods, expecting a 1.2-billion gain in volume.")
    assert gain.value is None


def test_paying_for_a_part_of_a_company(nlp) -> None:  # noqa: ANN001
    for text, value in (("Harbor Ales will pay 2.3 billion euros for 42 percent of Pine Foods.", (2.3e9, "EUR")),
                        ("Harbor Ales will pay $1.2 billion for a 42 percent stake in Pine Foods.", (1.2e9, "USD"))):
        [paid] = deals_in(nlp, text)
        # a part under half bought with no seller named is an investment (the lead's convention, session 24)
        assert roles(paid) == {("Harbor Ales", "investor"), ("Pine Foods", "target")}, text
        assert (paid.value.amount, paid.value.currency) == value, text
    # controls: a part of no company, a share of revenue, and no sum paid make no target
    assert deals_in(nlp, "Harbor Ales will pay 5 percent of its revenue for the rights.") == []
    assert deals_in(nlp, "Harbor Ales may offer to pay with its own shares and some property for a stake in Pine "
                         "Foods, he said.") == []
    [shares] = deals_in(nlp, "Harbor Ales will pay $1.2 billion for 42 percent of the shares it does not own.")
    assert roles(shares) == {("Harbor Ales", "acquirer")}  # the rest of a company is no minority stake


def test_a_ticker_tag_split_at_its_stop_is_no_party(nlp) -> None:  # noqa: ANN001
    # the tokenizer splits 'DB1Gn.DE' after its lower-case letter; 'DE' is no company and opens no sentence
    [bought] = deals_in(nlp, "Deutsche Boerse ( DB1Gn.DE ) agreed to buy Pine Foods for $1.2 billion.")
    assert roles(bought) == {("Deutsche Boerse", "acquirer"), ("Pine Foods", "target")}
    # control: a tag in capitals reads as before
    [tagged] = deals_in(nlp, "Harbor Ales ( HRBA.DE ) agreed to buy Pine Foods ( PINF.PA ) for 1.2 billion euros.")
    assert roles(tagged) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}


def test_a_list_of_listing_tags_is_no_part_of_a_name(nlp) -> None:  # noqa: ANN001
    # the name is cut at the list's comma ('Harbor Bank (HRB-A.ST'); a weekday after 'said' is no party either
    [bought] = deals_in(nlp, "Swedish lender Harbor Bank (HRB-A.ST, HRB-B.ST) said Monday it agreed to buy Pine "
                             "Savings for 2 billion crowns.")
    assert roles(bought) == {("Harbor Bank", "acquirer"), ("Pine Savings", "target")}
