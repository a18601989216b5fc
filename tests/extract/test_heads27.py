"""Headline classes of a second fresh headline file (issue 13, session 27, helper heads27): a headline's verbless
'X Shares Down 7.3%', a rated line's 'Target Eased To $13' (the price target, no move), a headline's closing source
(', Bloomberg Reports', ' -WSJ') and a wire's label ('Street Color:') blanked, title case that keeps its links
small, and a company's release of a partnership ('Reports Deal With', 'Announces Collaboration With'). Sentences we
wrote, through the real spaCy pipeline; each test holds one class and its controls."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.extract.headline_case import sentence_case
from analyzer.extract.pipeline import _name_protector
from analyzer.records import Article
from tests.written import of_kind

MIDDAY = datetime.fromisoformat("2016-05-03T12:40:00-04:00")
EVENING = datetime.fromisoformat("2016-05-03T17:40:00-04:00")


def _claims(nlp, text: str, when: datetime = MIDDAY) -> list:  # noqa: ANN001
    return extract_claims([Article(id="h", text=text, published=when)], nlp)


def _moves(nlp, text: str, when: datetime = MIDDAY) -> list[tuple]:  # noqa: ANN001
    return sorted((c.instrument.name, c.direction, c.change_pct, c.period)
                  for c in of_kind(_claims(nlp, text, when), "stock_move"))


def _deals(nlp, text: str) -> list[tuple]:  # noqa: ANN001
    return [(c.deal_type, sorted((p.name, p.role) for p in c.parties))
            for c in of_kind(_claims(nlp, text, EVENING), "deal")]


def test_a_headlines_verbless_shares_move_is_read(nlp) -> None:  # noqa: ANN001
    assert _moves(nlp, "Zorvane Optics Shares Down 6.2%; Traders Cite Talk of a Lost Customer") == \
        [("Zorvane Optics", "down", 6.2, "intraday")]
    assert _moves(nlp, "Quillmark Robotics Shares Up 9% After Hours Following Strong Bookings", EVENING) == \
        [("Quillmark Robotics", "up", 9.0, "other")]
    # bare 'Shares' after a clause break: the company the headline opens with
    assert _moves(nlp, "Tarnwell Minerals Hits Rich Copper Grades at Its Northern Project; Shares Up 12%", EVENING) \
        == [("Tarnwell Minerals", "up", 12.0, "day")]


def test_a_list_or_a_forecast_of_shares_is_left_to_the_other_readers(nlp) -> None:  # noqa: ANN001
    # control: a hedge before the figure is no move that happened
    assert _moves(nlp, "Analyst Says Zorvane Optics Could See Shares Up 20% on a Takeover") == []
    # control: a sales figure is no share price
    assert _moves(nlp, "Zorvane Optics Says Quarterly Sales Down 6.2% on Weak Demand") == []


def test_a_rated_lines_target_is_no_move(nlp) -> None:  # noqa: ANN001
    assert _moves(nlp, "Brindle Foods Brief: Rating Held at Outperform, Target Eased To $13 by Broker") == []
    assert _moves(nlp, "Brindle Foods Brief: Sector Perform Reiterated, Target Eased To C$40 From C$42") == []
    # control: the retailer Target, with no rating before it, still moves
    assert [(c.instrument.symbol, c.direction) for c in of_kind(
        _claims(nlp, "Target shares eased 2% to $130 on Tuesday after weak holiday sales."), "stock_move")] == \
        [("TGT", "down")]


def test_a_headlines_source_and_label_are_no_part_of_it(nlp) -> None:  # noqa: ANN001
    protect = _name_protector(nlp)
    text = "Street Color: Orvane Labs to Sell Its Filters Business, Bloomberg Reports"
    cased = sentence_case(text, protect)
    assert len(cased) == len(text)
    assert "Street" not in cased and "Bloomberg" not in cased
    assert not any(name in ("Bloomberg", "Street Color") for _, parties in _deals(nlp, text) for name, _ in parties)
    tagged = sentence_case("Orvane Labs Nears $2B Purchase of Kestrel Pumps -WSJ", protect)
    assert tagged.endswith("Kestrel Pumps     ") and "purchase of" in tagged
    # control: a sentence that names its source in the middle keeps it
    plain = "Orvane Labs is in talks to sell its filters unit, Bloomberg reported on Tuesday."
    assert sentence_case(plain, protect) == plain


def test_title_case_keeps_its_links_small(nlp) -> None:  # noqa: ANN001
    protect = _name_protector(nlp)
    assert sentence_case("Orvane, Kestrel Partner on Sensor Development for Farm Users in Chile", protect) \
        .startswith("Orvane, Kestrel partner on")
    # control: a sentence in sentence case stays as written
    plain = "Orvane and Kestrel said they would work together on sensors for farm users."
    assert sentence_case(plain, protect) == plain


def test_a_companys_release_of_a_partnership_is_read(nlp) -> None:  # noqa: ANN001
    assert _deals(nlp, "Pfizer Reports Marketing Deal With Merck for Vaccine Sales") == \
        [("partnership", [("Merck", "partner"), ("Pfizer", "partner")])]
    assert _deals(nlp, "Intel Announces Collaboration With Cisco Systems on Network Chips") == \
        [("partnership", [("Cisco Systems", "partner"), ("Intel", "partner")])]
    # control: a newspaper that reported a deal is no party to it
    assert _deals(nlp, "The Journal reported a deal with Cisco Systems on Monday.") == []


def test_an_option_held_or_a_sale_called_off_is_no_deal(nlp) -> None:  # noqa: ANN001
    assert _deals(nlp, "Barrick Gold Completes Assignment of Option to Acquire a 60% Interest in the Orvane Copper "
                       "Property") == []
    assert _deals(nlp, "Pfizer Brief: Announcing Termination of Proposed Sale of Its Ohio Plant to Merck") == []
    # controls: a sale agreed, and an option a buyer gets as part of a deal, are read as before
    assert [kind for kind, _ in _deals(nlp, "Pfizer agreed to sell its Ohio plant to Merck for $90 million.")] == \
        ["sale"]
    assert [kind for kind, _ in _deals(nlp, "Exxon Mobil will get the option to buy the rest of Hess for $2 "
                                            "billion.")] == ["acquisition"]
