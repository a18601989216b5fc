"""Stock moves in wordings found on a fresh file of 2006/2007/2009 Reuters stories and wraps and 2025-02 wire items,
scored before any change (corpora/train/stocks19.jsonl, issue 13, session 19), on sentences we wrote, through the
real spaCy pipeline and, where a verdict is at stake, real closes. Each test holds one class of writing and a
control."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article
from tests.written import checked, deals_in, of_kind, written_article
from tests.written import move_claims_in as claims_in


def _claims_at(nlp, text: str, published: str) -> list:  # noqa: ANN001
    return extract_claims([written_article(text, published)], nlp)


def test_the_shares_of_a_description_in_a_whose_clause(nlp) -> None:  # noqa: ANN001
    found = _claims_at(nlp, "Kohl's Corp ( KSS.N ) posted a smaller profit on Friday. The retailer, whose stock "
                            "sank nearly 9 percent in morning dealings, said it would shut 12 stores.",
                       "2009-03-06T12:30:00")
    [move] = of_kind(found, "stock_move")
    assert (move.instrument.symbol, move.direction, move.change_pct, move.period) == ("KSS", "down", 9, "intraday")
    # control: a business figure in the same clause is no move of the shares
    found = _claims_at(nlp, "Kohl's Corp ( KSS.N ) posted a smaller profit on Friday. The retailer, whose sales "
                            "sank nearly 9 percent in the quarter, said it would shut 12 stores.",
                       "2009-03-06T12:30:00")
    assert of_kind(found, "stock_move") == []


def test_a_record_in_a_relative_clause_keeps_its_own_day_and_leaves_the_price(nlp) -> None:  # noqa: ANN001
    found = _claims_at(nlp, "Kellogg Co ( K.N ) raised its forecast. Kellogg shares, which had ended at a 52-week "
                            "high on Friday, slipped 40 cents to $51.10 in midday trading.", "2007-02-12T12:40:00")
    [move] = of_kind(found, "stock_move")
    assert (move.instrument.symbol, move.direction, move.level, move.session) == ("K", "down", 51.10, "2007-02-12")
    [record] = of_kind(found, "record")
    assert (record.what, record.level, record.session) == ("52_week_high", None, "2007-02-09")
    # control: a record level told inside the clause is the record's own
    found = claims_in(nlp, "The Dow, which touched a record high of 13,300.15 during the session, closed up 23.24 "
                           "points at 13,264.62.")
    [record] = of_kind(found, "record")
    assert (record.what, record.level) == ("record_intraday_high", 13300.15)


def test_their_previous_record_is_no_record_of_the_day(nlp) -> None:  # noqa: ANN001
    found = claims_in(nlp, "Home Depot ( HD.N ) rose. Its shares stayed below their previous record high of $44.20 "
                           "reached in December 2005.")
    assert of_kind(found, "record") == []
    found = claims_in(nlp, "Home Depot ( HD.N ) rose. Its shares touched their prior record high of $44.20 in "
                           "January 1999 again.")
    assert of_kind(found, "record") == []
    # control: a record hit now is still one
    found = claims_in(nlp, "Home Depot ( HD.N ) shares rose 2 percent to a record high of $44.20.")
    assert [r.what for r in of_kind(found, "record")] == ["record_close_high"]


def test_taking_over_as_an_officer_is_no_deal(nlp) -> None:  # noqa: ANN001
    assert deals_in(nlp, "Acme Corp shares are up 3 percent since Jane Roe took over as chief executive from "
                         "John Doe in 2019.") == []
    assert deals_in(nlp, "Beta Corp said Mary Poe will take over as chairman from Richard Moe.") == []
    # control: a company taking over another is a deal
    [deal] = deals_in(nlp, "Acme Corp agreed to take over Beta Industries for $2 billion.")
    assert ("Beta Industries", "target") in {(p.name, p.role) for p in deal.parties}


def test_electronic_composite_trading_is_outside_the_session(nlp, market) -> None:  # noqa: ANN001
    # Oracle rose 2.2% on 2007-03-20 (close to close); the +3.9% to $18.24 is a price after the close
    rows = checked(nlp, market, "Oracle Corp ( ORCL.O ) beat forecasts. Oracle shares jumped to $18.24, up 3.9 "
                                "percent, in electronic composite trading.", "2007-03-20T17:51:00")
    [move] = [r for r in rows if r.claim.kind == "stock_move"]
    assert move.claim.period == "other"
    assert move.verdict.verdict != "contradicted"
    # control: the same figure said to be the close is a close (and the closes contradict it)
    rows = checked(nlp, market, "Oracle Corp ( ORCL.O ) beat forecasts. Oracle shares closed up 3.9 percent at "
                                "$18.24.", "2007-03-20T17:51:00")
    [move] = [r for r in rows if r.claim.kind == "stock_move"]
    assert (move.claim.period, move.verdict.verdict) == ("day", "contradicted")


def test_a_description_opening_the_lead_is_not_part_of_the_name(nlp) -> None:  # noqa: ANN001
    text = ("NEW YORK (Reuters) - Manufacturer Tyco International Ltd. ( TYC.N ) on Tuesday blamed cold weather "
            "for softer orders. Orders grew. Sales were strong. Tyco shares fell 2 percent in "
            "late morning dealings.")
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(
        "2007-02-06T12:20:00-05:00"))], nlp)
    assert [(c.instrument.symbol, c.change_pct) for c in of_kind(found, "stock_move")] == [("TYC", 2)]
    # controls: a name whose first word is a company noun keeps it
    text = ("MINNEAPOLIS (Reuters) - Target Corp ( TGT.N ) on Tuesday blamed cold weather for softer sales. "
            "Target shares fell 2 percent in late morning dealings.")
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(
        "2007-02-06T12:20:00-05:00"))], nlp)
    assert [c.instrument.symbol for c in of_kind(found, "stock_move")] == ["TGT"]
