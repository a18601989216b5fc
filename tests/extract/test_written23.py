"""Formats of US financial outlets our training text lacks (corpora/train/written23.jsonl, issue 13, session 23), on
sentences we wrote, through the real spaCy pipeline and checker. Each test holds one class of writing and a control.

Facts used (from ../shared/data at run time): Monday 2025-02-24: Dow +0.08%, S&P 500 -0.50%, Nasdaq-100 -1.21%,
Invesco QQQ Trust -1.18%. Thursday 2025-02-20: Dow -450.94 points (-1.01%) to 44,176.65. Wednesday 2025-02-26:
Nvidia +3.67%.
"""

from __future__ import annotations

from spacy.language import Language
from written import checked, of_kind

from analyzer.market import MarketData
from analyzer.records import CheckedClaim


def _moves(rows: list[CheckedClaim]) -> dict[tuple[str | None, str, float | None], str]:
    return {(r.claim.instrument.symbol if r.claim.instrument else None, r.claim.kind, r.claim.change_pct):
            r.verdict.verdict for r in rows if r.claim.kind in ("index_move", "stock_move")}


TAGGED = ("On Monday the Dow Jones Industrials ($DOWI) (DIA) ended up +0.08%, while the Nasdaq 100 ($IUXX) (QQQ) "
          "ended down -{figure}% and the S&P 500 ($SPX) (SPY) ended down -0.50%.")


def test_a_funds_ticker_after_an_index_in_a_later_clause_tags_the_index(nlp: Language, market: MarketData) -> None:
    found = _moves(checked(nlp, market, TAGGED.format(figure="1.21"), "2025-02-24T17:00:00"))
    assert found == {("^DJI", "index_move", 0.08): "supported", ("^NDX", "index_move", 1.21): "supported",
                     ("^GSPC", "index_move", 0.5): "supported"}
    # control: a wrong figure stays an accusation, of the index and not of the fund
    found = _moves(checked(nlp, market, TAGGED.format(figure="2.21"), "2025-02-24T17:00:00"))
    assert found[("^NDX", "index_move", 2.21)] == "contradicted"
    assert not any(kind == "stock_move" for _, kind, _ in found)
    # control: funds named by their tickers alone are the funds
    found = _moves(checked(nlp, market, "QQQ slid 1.18% on Monday while SPY eased 0.5%.", "2025-02-24T17:00:00"))
    assert set(found) == {("QQQ", "stock_move", 1.18), ("SPY", "stock_move", 0.5)}


def test_an_index_a_derivative_is_tied_to_moves_no_figure(nlp: Language, market: MarketData) -> None:
    text = "Stock futures edged up early Thursday, while contracts tied to the Nasdaq-100 added 0.4%."
    assert _moves(checked(nlp, market, text, "2025-02-27T07:30:00")) == {}
    text = "Equity futures wobbled before the bell, and contracts linked to the Dow Jones Industrial Average shed 0.2%."
    assert _moves(checked(nlp, market, text, "2025-02-27T07:30:00")) == {}
    # control: a name after 'tied to' in another subject leaves the index its own move
    text = "The Nasdaq-100 added 0.4% on Thursday, while stocks tied to consumer spending lagged."
    assert ("^NDX", "index_move", 0.4) in _moves(checked(nlp, market, text, "2025-02-27T17:00:00"))


def test_a_data_site_list_line_with_signed_points_then_the_percentage(nlp: Language, market: MarketData) -> None:
    text = "How the blue chips ended on Thursday:\nDow: -450.94 points (-1.01%) at 44,176.65"
    [row] = [r for r in checked(nlp, market, text, "2025-02-20T16:40:00") if r.claim.kind == "index_move"]
    assert (row.claim.instrument.symbol, row.claim.direction, row.claim.change_pct, row.claim.change_points,
            row.claim.level) == ("^DJI", "down", 1.01, 450.94, 44176.65)
    assert row.verdict.verdict == "supported"
    # control: points with no percentage after them give no reading of this kind
    text = "How the blue chips ended on Thursday:\nDow: -450.94 points at 44,176.65"
    assert not [r for r in checked(nlp, market, text, "2025-02-20T16:40:00")
                if r.claim.kind == "index_move" and r.claim.change_pct is not None]


def test_a_perfect_participle_shares_its_subject(nlp: Language, market: MarketData) -> None:
    text = "Nvidia slipped 1.5% after the bell, having finished up 3.7% in regular trading."
    rows = checked(nlp, market, text, "2025-02-26T17:30:00")
    assert sorted(c.change_pct for c in of_kind([r.claim for r in rows], "stock_move")) == [1.5, 3.7]
    assert all(r.verdict.verdict != "contradicted" for r in rows)
    # control: a participle of a business figure gives the stock no second move
    text = "Nvidia slipped 1.5% after the bell, having reported data-center revenue up 93%."
    rows = checked(nlp, market, text, "2025-02-26T17:30:00")
    assert [r.claim.change_pct for r in rows if r.claim.kind == "stock_move"] == [1.5]
