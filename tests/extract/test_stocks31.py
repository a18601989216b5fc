"""Whose shares a wire brief's move is (corpora/train/stocks31.jsonl, MT Newswires and Reuters 2025-02 and FNSPID
summaries, issue 13, session 31), on sentences we wrote, through the real spaCy pipeline. Each test holds one class of
writing and a control."""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article


def _moves(nlp, text: str, published: str = "2025-02-12T10:30:00-05:00") -> list[tuple]:  # noqa: ANN001
    found = extract_claims([written_article(text, published)], nlp)
    return [(c.instrument.symbol, c.instrument.name, c.direction, c.change_pct) for c in of_kind(found, "stock_move")]


def test_a_company_name_ending_in_a_business_word_is_the_items_company(nlp) -> None:  # noqa: ANN001
    # the small model tags these names a person's; before: no claim for 'the company's shares'
    text = ("Quarrybrook Infrastructure trimmed its quarterly loss to 12 million rupees.\n\n"
            "Shares of the company were up 3% in recent trade.")
    assert _moves(nlp, text) == [(None, "Quarrybrook Infrastructure", "up", 3.0)]
    text = "Tallowind Metals has begun drilling at its western project.\n\nCompany shares fell 4% in recent trade."
    assert _moves(nlp, text) == [(None, "Tallowind Metals", "down", 4.0)]
    # control: a person who opens the story is not what 'the company' means
    text = "Jane Marlow said the plant would open next year.\n\nShares of the company were up 3% in recent trade."
    assert [m for m in _moves(nlp, text) if m[1] == "Jane Marlow"] == []


def test_a_story_told_by_the_company_is_about_the_company_it_names(nlp) -> None:  # noqa: ANN001
    # 'X did Y, the company said': before, 'the company' of the first sentence hid X
    text = ("Tallowind Metals has agreed to supply nickel ore to a refiner in Japan, the company said in a "
            "filing.\n\nCompany shares fell 4% in recent trade.")
    assert _moves(nlp, text) == [(None, "Tallowind Metals", "down", 4.0)]


def test_an_organization_named_with_of_is_named_whole(nlp) -> None:  # noqa: ANN001
    # before: 'Bank', cut at 'of'
    text = ("Bank of Wuxing posted a 9% rise in its annual profit.\n\n"
            "The company's shares rose 2% in recent trade.")
    assert _moves(nlp, text) == [(None, "Bank of Wuxing", "up", 2.0)]
    # control: the listed bank keeps its listing
    assert _moves(nlp, "Shares of Bank of America fell 2% on Wednesday.") == [("BAC", "Bank of America", "down", 2.0)]


def test_a_ticker_written_alone_owns_the_shares(nlp) -> None:  # noqa: ANN001
    # before: 'Shares of CSCO' by the name 'CSCO' though we list Cisco
    assert _moves(nlp, "Shares of CSCO were up 3% in early trading.") == [("CSCO", "Cisco", "up", 3.0)]
    # controls: a ticker we do not list stays a name as written; capitals that name no company and a broker as
    # the subject are no ticker
    assert _moves(nlp, "QXRT shares were 4% higher in recent trading.") == [(None, "QXRT", "up", 4.0)]
    assert all(m[0] is None for m in _moves(nlp, "REIT shares were 4% higher in recent trading."))
    assert all(m[0] != "RBC" for m in _moves(nlp, "RBC lowered its target for the shares to $120."))
