"""Deals: a company written with its bare Reuters code ('Acme Corp ACME.N said', no brackets), a class of the train
split's deal misses and wrong parties (session 32, issue 13), on sentences we wrote, through the real spaCy pipeline.
The bare code breaks the small parser's subject; each test holds controls the class must not reach."""

from __future__ import annotations

from written import deals_in, roles


def test_a_wire_opener_named_with_its_bare_code_is_what_its_stands_for(nlp) -> None:  # noqa: ANN001
    [sale] = deals_in(nlp, "AMSTERDAM (Reuters) - Harbor Ales HBA.AS said on Wednesday its contract for the sale of "
                           "its Cold Bay brewing unit to Pine Foods lets it weigh rival offers.")
    assert sale.deal_type == "sale"
    assert ("Harbor Ales", "seller") in roles(sale) and ("Pine Foods", "buyer") in roles(sale)
    # control: a subject nearer than the opener is what 'it' stands for
    [bought] = deals_in(nlp, "NEW YORK (Reuters) - Harbor Ales HBA.N shares fell after Pine Foods said it would buy "
                             "Delta Metals for $40 million.")
    assert roles(bought) == {("Pine Foods", "acquirer"), ("Delta Metals", "target")}


def test_a_bare_code_the_parser_hangs_off_the_name_or_the_verb_still_names_the_doer(nlp) -> None:  # noqa: ANN001
    [bid] = deals_in(nlp, "Harbor Ales HBA.N on Friday sweetened its bid for Pine Foods with a 12 percent rise to "
                          "roughly $7.4 billion.")
    assert roles(bid) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
    [licence] = deals_in(nlp, "Harbor Ales Inc. HBA.N signed fresh agreements to license its brands to makers of "
                              "clothing.")
    assert roles(licence) == {("Harbor Ales", "seller")}
    # control: the same sentence without the code reads the same
    [plain] = deals_in(nlp, "Harbor Ales on Friday sweetened its bid for Pine Foods with a 12 percent rise to "
                            "roughly $7.4 billion.")
    assert roles(plain) == {("Harbor Ales", "acquirer"), ("Pine Foods", "target")}
