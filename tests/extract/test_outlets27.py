"""False stock moves on outlets we had not read (corpora/train/outlets27.jsonl: crypto sites and Moneycontrol,
TradingView 2025-02, issue 13, session 27), on sentences we wrote, through the real spaCy pipeline. Each test holds
one class of writing and a control."""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article


def _moves(nlp, text: str, published: str = "2025-02-11T20:30:00-05:00") -> list[tuple]:  # noqa: ANN001
    found = extract_claims([written_article(text, published)], nlp)
    return [(c.instrument.symbol, c.instrument.name, c.direction, c.change_pct) for c in of_kind(found, "stock_move")]


def test_a_foreign_index_by_its_own_name_is_no_company(nlp) -> None:  # noqa: ANN001
    # before: each a stock move of an unlisted company named 'Nifty', 'Taiex', 'Bovespa'
    assert _moves(nlp, "In Mumbai the Nifty slid 0.9 percent, shedding 210 points by the close.") == []
    assert _moves(nlp, "Taipei's Taiex added 1.4% as chipmakers climbed.") == []
    assert _moves(nlp, "The Bovespa lost 2.1% in Sao Paulo on Tuesday.") == []
    # control: a company with an unfamiliar name still moves
    assert _moves(nlp, "Harlow Logistics slid 0.9 percent after its results.") == \
        [(None, "Harlow Logistics", "down", 0.9)]


def test_a_coin_or_a_metal_named_alone_is_no_company(nlp) -> None:  # noqa: ANN001
    # before: stock moves of a coin named alone ('Solana'; 'Bitcoin' through the price it fell to)
    assert _moves(nlp, "Ether slipped 5.5% over the weekend as traders took profits.") == []
    assert _moves(nlp, "Solana climbed 9 percent after the network upgrade went live.") == []
    assert _moves(nlp, "Bitcoin dropped 3% to $94,500 late on Tuesday.") == []
    # control: a company whose name opens with a metal's is a company
    assert _moves(nlp, "Silver Lake Minerals dropped 3% after the assay results.") == \
        [(None, "Silver Lake Minerals", "down", 3.0)]


def test_a_listed_name_going_on_in_another_word_is_another_company(nlp) -> None:  # noqa: ANN001
    # before: PNC (PNC Financial), F (Ford Motor) and KO, each then checked against the wrong US stock
    assert _moves(nlp, "Shares of PNC Infra climbed 6% in early trade in Mumbai.") == \
        [(None, "PNC Infra", "up", 6.0)]
    assert _moves(nlp, "Ford Otosan shares gained 4% in Istanbul.") == [(None, "Ford Otosan", "up", 4.0)]
    assert _moves(nlp, "Shares of Coca-Cola Icecek slid 2% after the results.") == \
        [(None, "Coca-Cola Icecek", "down", 2.0)]
    # controls: the listed company's own longer names, a legal suffix, a person after the name
    assert _moves(nlp, "JPMorgan Chase shares rose 2% on Tuesday.") == [("JPM", "JPMorgan Chase", "up", 2.0)]
    assert _moves(nlp, "Shares of Apple Inc rose 2% on Tuesday.") == [("AAPL", "Apple", "up", 2.0)]
    assert [m[0] for m in _moves(nlp, "Shares of GE Healthcare Technologies rose 2% on Tuesday.")] == ["GEHC"]
    assert [m[0] for m in _moves(nlp, "Berkshire Class A shares ended down $400 on Tuesday.")] == ["BRK-A"]
    assert [m[0] for m in _moves(nlp, "MGM Resorts International shares jumped 9% on Tuesday.")] == ["MGM"]


def test_a_listed_short_name_before_a_word_that_ends_company_names_is_another_company(nlp) -> None:  # noqa: ANN001
    # before: KO, the bottler's figures checked against Coca-Cola's shares
    assert [m[:2] for m in _moves(nlp, "Coke Enterprises shares slid 3% on Tuesday after the bottler's results.")] == \
        [(None, "Coke Enterprises")]
