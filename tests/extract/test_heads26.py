"""Headline grammar (issue 13, session 26, helper heads26): title-case headlines written in sentence case before
parsing, a wire's slug blanked, bare 'stock' after the headline's company, and an infinitive headline's name as
the doer of a deal. Sentences we wrote, through the real spaCy pipeline; each test holds one class and its controls."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.extract.headline_case import sentence_case
from analyzer.extract.pipeline import _name_protector
from analyzer.records import Article
from tests.written import move_claims_in as claims_in
from tests.written import of_kind

EVENING = datetime.fromisoformat("2009-03-05T17:40:00-05:00")


def _moves(found: list) -> list[tuple]:  # type: ignore[type-arg]
    return sorted((c.instrument.symbol, c.direction, c.change_pct, c.period) for c in of_kind(found, "stock_move"))


def _deals(nlp, text: str) -> list[tuple]:  # noqa: ANN001
    found = extract_claims([Article(id="h", text=text, published=EVENING)], nlp)
    return [(c.deal_type, sorted((p.name, p.role) for p in c.parties)) for c in of_kind(found, "deal")]


def test_sentence_case_keeps_every_offset_and_leaves_plain_lines_alone(nlp) -> None:  # noqa: ANN001
    protect = _name_protector(nlp)
    text = "Exxon Mobil Shares Drop 3% After-Hours On Weak Refining Margins"
    assert sentence_case(text, protect) == "Exxon Mobil shares drop 3% after-hours on Weak Refining Margins"
    plain = "Exxon Mobil shares fell 3 percent after the bell on weak refining margins."
    assert sentence_case(plain, protect) == plain
    # a name the matchers know keeps its capitals even where its words are common ones
    assert sentence_case("Retailer Best Buy Shares Rise On Holiday Sales", protect) == \
        "Retailer Best Buy shares rise on Holiday sales"


def test_a_title_case_move_headline_is_read(nlp) -> None:  # noqa: ANN001
    assert _moves(claims_in(nlp, "Exxon Mobil Falls 3% After-Hours")) == [("XOM", "down", 3.0, "other")]
    assert _moves(claims_in(nlp, "Intel Shares Rise 4% On Upbeat Chip Demand")) == [("INTC", "up", 4.0, "day")]
    # control: a rating headline in title case states no move
    assert _moves(claims_in(nlp, "Brokerage Maintains Buy On Intel, Raises Price Target To $30")) == []


def test_a_wires_slug_is_no_part_of_the_headline(nlp) -> None:  # noqa: ANN001
    assert _deals(nlp, "UPDATE 2-Exxon Mobil to buy Zorvane Energy for $2 bln") == \
        [("acquisition", [("Exxon Mobil", "acquirer"), ("Zorvane Energy", "target")])]
    assert _moves(claims_in(nlp, "CORRECTED-UPDATE 1-Intel shares rise 4 pct on chip demand")) == \
        [("INTC", "up", 4.0, "day")]


def test_bare_stock_after_the_headlines_company(nlp) -> None:  # noqa: ANN001
    assert _moves(claims_in(nlp, "Exxon Mobil says demand steadied, stock rises 2 pct")) == \
        [("XOM", "up", 2.0, "day")]
    # control: the stock market is no company's stock
    assert _moves(claims_in(nlp, "Exxon Mobil said demand steadied, and the stock market rose 2 percent")) == []


def test_an_infinitive_headlines_name_is_the_doer_of_its_deal(nlp) -> None:  # noqa: ANN001
    assert _deals(nlp, "Zorvane to buy software provider for $45 mln") == \
        [("acquisition", [("Zorvane", "acquirer")])]
