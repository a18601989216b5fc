"""Deals: a class of writing found while sorting the train split's deal sentences that gave no claim (session 30,
issue 13), on sentences we wrote, through the real spaCy pipeline: a partnership or agreement renewed, extended or
expanded with a named partner. The test holds controls the class must not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_a_partnership_renewed_with_a_partner_is_a_deal_of_the_two(nlp) -> None:  # noqa: ANN001
    [renewed] = deals_in(nlp, "Harbor Ales said on Tuesday it has renewed its partnership with Pine Foods for their "
                              "shared loyalty card.")
    assert renewed.deal_type == "partnership"
    assert roles(renewed) == {("Harbor Ales", "partner"), ("Pine Foods", "partner")}
    [extended] = deals_in(nlp, "Delta Metals extended its research agreement with Oakline Labs for another two years.")
    assert roles(extended) == {("Delta Metals", "partner"), ("Oakline Labs", "partner")}
    [expanded] = deals_in(nlp, "Redwood Motors is expanding its alliance with Pine Batteries to cover two more "
                               "plants.")
    assert roles(expanded) == {("Redwood Motors", "partner"), ("Pine Batteries", "partner")}


def test_a_renewal_without_a_partner_or_of_something_else_is_no_new_deal(nlp) -> None:  # noqa: ANN001
    # controls: no partner named ('extended the agreement'), an offer extended, a deadline of an agreement extended,
    # a trade deal renewed with a country
    assert deals_in(nlp, "Harbor Ales extended the agreement by a year.") == []
    assert all(d.deal_type != "partnership" for d in deals_in(
        nlp, "Harbor Ales extended its offer for Pine Foods to March 3."))
    assert deals_in(nlp, "Harbor Ales extended the deadline of its agreement with Pine Foods.") == []
    assert deals_in(nlp, "Freedonia renewed its trade deal with Sylvania for five years.") == []
