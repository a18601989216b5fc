"""Stock moves of companies told as listed ones though our registry does not list them, and names cut by a wrong
sentence boundary (issue 13, session 25, helper `stocks25`), on sentences we wrote, through the real pipeline. Each
test holds one class and a control.

Trust first: such a company's move carries the name and the ticker the text writes, and the checker calls it
unverifiable where the market data lacks that ticker; it is never given to a company we list.
"""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article

PUBLISHED = "2025-02-11T14:00:00-05:00"  # a Tuesday afternoon, New York time


def _moves(nlp, text: str) -> list[tuple]:  # noqa: ANN001
    found = extract_claims([written_article(text, PUBLISHED)], nlp)
    return [(c.instrument.symbol, c.instrument.name, c.direction, c.change_pct)
            for c in of_kind(found, "stock_move")]


def test_a_ticker_in_parentheses_that_the_sentence_moves(nlp) -> None:  # noqa: ANN001
    # no share word and no company word after the name: the move told right after the tag makes it a ticker
    assert _moves(nlp, "Quorvex (QRVX) jumped 11% in after-hours trading on Tuesday.") == [
        ("QRVX", "Quorvex", "up", 11.0)]
    assert _moves(nlp, "Norvale Foods (NRVF) was down 6% on Tuesday after its chief executive resigned.") == [
        ("NRVF", "Norvale Foods", "down", 6.0)]
    # controls: an abbreviation of the name, a coin, and a ticker whose sentence moves something else
    assert _moves(nlp, "The Consumer Price Index (CPI) climbed 0.4% last month, the department said.") == []
    assert [m[0] for m in _moves(nlp, "Gross Domestic Product (GDP) rose 2.3% in the fourth quarter.")] != ["GDP"]
    assert [m[0] for m in _moves(nlp, "Bitcoin (BTC) rose 3% to $98,000 on Tuesday.")] != ["BTC"]
    assert _moves(nlp, "Quorvex (QRVX) said its revenue rose 12% in the quarter.") == []


def test_a_legal_suffix_before_the_share_word(nlp) -> None:  # noqa: ANN001
    # the tokenizer leaves 'Cos.' split and the parser hangs it on the name: the stop is no sentence's end
    moves = _moves(nlp, "Harwell Brothers Cos. stock fell 6 percent once its finance chief spoke.")
    assert [(m[1], m[2], m[3]) for m in moves] == [("Harwell Brothers Cos", "down", 6.0)]
    # control: a sentence that does end at the suffix leaves the next one alone
    assert _moves(nlp, "The plant belongs to Harwell Brothers Cos. It employs 300 people in Ohio.") == []


def test_a_legal_suffix_makes_a_company_whatever_the_entities_say(nlp) -> None:  # noqa: ANN001
    # the small model reads a short name as a person's; 'Inc' after it names a company
    assert [(m[1], m[2], m[3]) for m in _moves(nlp, "* Lorna Inc shares have gained 5.4% so far in the quarter.")] == [
        ("Lorna Inc", "up", 5.4)]
    # control: a person's name without a suffix stays no company
    assert _moves(nlp, "Lorna Briggs said the shares have gained 5.4% so far in the quarter.") == []


def test_company_shares_in_a_wire_item_are_the_items_company(nlp) -> None:  # noqa: ANN001
    text = ("Norvale Capital reported fiscal first-half earnings of AU$0.13 per diluted share, up from AU$0.09 a "
            "year earlier.\n\nCompany shares were up nearly 2% in Tuesday trading.")
    assert [(m[1], m[2], m[3]) for m in _moves(nlp, text)] == [("Norvale Capital", "up", 2.0)]
    # control: 'company shares' that are no subject of a move say nothing of a price
    text = ("Norvale Capital reported fiscal first-half earnings of AU$0.13 per diluted share.\n\n"
            "The board may buy back company shares worth up to 2% of its capital.")
    assert _moves(nlp, text) == []
