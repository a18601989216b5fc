"""Stock moves of Reuters company and market stories (corpora/train/stocks32.jsonl, issue 13, session 32), on
sentences we wrote, through the real spaCy pipeline. Each test holds one class of writing and a control."""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article

EVENING = "2007-06-05T18:30:00-04:00"  # a Tuesday, after the close


def _moves(nlp, text: str, published: str = EVENING) -> list[tuple]:  # noqa: ANN001
    found = extract_claims([written_article(text, published)], nlp)
    return [(c.instrument.symbol, c.instrument.name, c.direction, c.change_pct, c.period)
            for c in of_kind(found, "stock_move")]


def test_shares_in_a_company_are_its_shares(nlp) -> None:  # noqa: ANN001
    # before: no claim ('shares in' was read as where shares trade only)
    assert _moves(nlp, "Shares in Harwick Entertainment Resorts climbed almost 5 percent to $13.42.") == [
        (None, "Harwick Entertainment Resorts", "up", 5.0, "day")]
    assert _moves(nlp, "Shares in Citigroup fell 3 percent on Tuesday.") == [("C", "Citigroup", "down", 3.0, "day")]
    # controls: a place or a market after 'in' is where the shares trade; shares bought in a company are a stake
    assert _moves(nlp, "Shares in Tokyo fell 2 percent on Tuesday.") == []
    assert _moves(nlp, "Shares in Asia fell 2 percent on Tuesday.") == []
    assert _moves(nlp, "Shares in Europe's biggest banks fell 3 percent on Tuesday.") == []


def test_as_much_as_is_the_sessions_extreme(nlp) -> None:  # noqa: ANN001
    # before: period 'day' (checked close to close)
    assert _moves(nlp, "Shares of Citigroup rose as much as 6 percent on Tuesday.") == [
        ("C", "Citigroup", "up", 6.0, "intraday")]
    # controls: a figure without 'as much as' is the day's; 'as much as' over the year or after hours keeps its period
    assert _moves(nlp, "Shares of Citigroup rose 6 percent on Tuesday.") == [("C", "Citigroup", "up", 6.0, "day")]
    assert _moves(nlp, "Citigroup shares jumped as much as 7 percent in thin after-hours trading.")[0][4] == "other"
    assert _moves(nlp, "Citigroup shares have risen as much as 20 percent this year.")[0][4] == "ytd"


def test_examples_of_a_group_that_moved(nlp) -> None:  # noqa: ANN001
    # before: one of the two names, or none (the examples hang deeper in the subject's phrase; the second name is
    # joined to the legal suffix the first name leaves off)
    text = ("Shares of heavy manufacturers with large fuel bills, including General Electric Co. and "
            "Caterpillar Inc., dropped.")
    assert {m[0] for m in _moves(nlp, text)} == {"GE", "CAT"}
    text = "Defensive household stocks such as McDonald's Corp. and Wal-Mart Stores Inc. slipped."
    assert {m[0] for m in _moves(nlp, text)} == {"MCD", "WMT"}
    # control: examples of a word deeper in the phrase, not set off by a comma, are not the subject's
    assert _moves(nlp, "Shares of retailers that sell goods including Apple Inc. iPods rose.") == []


def test_a_move_told_in_a_companys_relative_clause(nlp) -> None:  # noqa: ANN001
    # before: the index's move only (the name was no mention: no share word, and not the subject of the move)
    text = "The S&P 500 firmed 0.6 percent, led by Harwick Mining Corp, which gained 4 percent."
    assert _moves(nlp, text) == [(None, "Harwick Mining Corp", "up", 4.0, "day")]
    # control: a relative clause that tells no move of the name
    assert _moves(nlp, "Harwick Mining Corp, which owns 4 percent of Dunmore, said it would sell the stake.") == []
