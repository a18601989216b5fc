"""Stock moves of companies our registry does not know, in wordings found on a fresh file of 2025-02 wire items
and 2006/2007/2009 Reuters stories, scored before any change (corpora/train/unlisted23.jsonl, issues 13 and 14,
session 23), on sentences we wrote, through the real spaCy pipeline. Each test holds one class and a control.

Trust first: such a company becomes an instrument by its name, with its symbol where the text writes one, and the
checker calls its move unverifiable (we have no prices for it); its move is never given to a company we list.
"""

from __future__ import annotations

from analyzer.extract import extract_claims
from analyzer.extract.gate import SentenceGate
from tests.written import checked, of_kind, written_article

from .test_gate21 import FILLER, kept_whole

PUBLISHED = "2025-02-11T14:00:00-05:00"  # a Tuesday afternoon, New York time


def _moves(nlp, text: str) -> list[tuple]:  # noqa: ANN001
    found = extract_claims([written_article(text, PUBLISHED)], nlp)
    return [(c.instrument.symbol, c.instrument.name, c.direction, c.change_pct, c.session)
            for c in of_kind(found, "stock_move")]


def test_the_gate_keeps_a_figure_and_a_move_of_a_name_it_does_not_know(gate: SentenceGate) -> None:
    # no listed name, no share word, no verb on the percent: only the names, the figure and the direction word
    for sentence in ("Corvane Therapeutics was 9% lower in late trading on Tuesday.",
                     "The Kuwaiti market slipped, dragged down by a 1.5% drop at Gulf Pearl Bank."):
        assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence), sentence
    # control: names and a figure without a move word stay out
    control = FILLER + "Corvane Therapeutics will hold its annual meeting in Austin on May 12. " + FILLER
    assert gate.reduce(control)[2].kept_sentences == 0


def test_a_ticker_in_parentheses_after_a_company_we_do_not_list(nlp) -> None:  # noqa: ANN001
    # the move is the named company's, with the symbol the text writes, never the company named before
    text = ("Fidelity National Information Services (FIS) stock was 10% lower after its outlook. "
            "The Pelham Robotics Group (PLRB) shares were down more than 3% after the company cut its forecast.")
    assert _moves(nlp, text)[1:] == [("PLRB", "Pelham Robotics Group", "down", 3.0, "2025-02-11")]
    assert _moves(nlp, "Halvard Pharmaceuticals (HLVD) fell 14% on Tuesday after a failed trial.") == [
        ("HLVD", "Halvard Pharmaceuticals", "down", 14.0, "2025-02-11")]
    # controls: an abbreviation in parentheses is no ticker, and a ticker we list stays ours
    assert _moves(nlp, "The Consumer Price Index (CPI) climbed 0.4% last month, the department said.") == []
    assert [m[0] for m in _moves(nlp, "Apple (AAPL) shares rose 2% on Tuesday.")] == ["AAPL"]


def test_a_cashtag_names_its_ticker(nlp) -> None:  # noqa: ANN001
    assert _moves(nlp, "$PLRB fell 8% on Tuesday after the company missed estimates.") == [
        ("PLRB", "PLRB", "down", 8.0, "2025-02-11")]
    assert [m[:2] for m in _moves(nlp, "$AAPL rose 2% on Tuesday.")] == [("AAPL", "Apple")]
    # control: money is no cashtag
    assert _moves(nlp, "The company said the plan would cost US$5 million, or $5 a share.") == []


def test_a_company_up_or_down_by_a_percent_with_the_copula(nlp) -> None:  # noqa: ANN001
    assert _moves(nlp, "Corvane Therapeutics was up 4.1% in afternoon trading on Tuesday.") == [
        (None, "Corvane Therapeutics", "up", 4.1, "2025-02-11")]
    assert _moves(nlp, "Corvane Therapeutics was 9% lower in late trading on Tuesday.") == [
        (None, "Corvane Therapeutics", "down", 9.0, "2025-02-11")]
    # controls: a business figure, a place and a commodity are no company's shares
    for text in ("Acme Corp's revenue was up 4.1% in the quarter.", "Japan was up 2% in January, the ministry said.",
                 "Brent was up 2.1% at $75 a barrel on Tuesday."):
        assert _moves(nlp, text) == [], text


def test_a_move_to_an_amount_in_billions_is_a_business_figure(nlp) -> None:  # noqa: ANN001
    assert _moves(nlp, "By division, retail assets fell 1.1% to 2.3 trillion yen, while Pacifica increased 6.4% "
                       "to 98.1 billion yen.") == []
    # control: a move to a share price stays a move
    assert [m[2:4] for m in _moves(nlp, "Pacifica Minerals increased 6.4% to $1.12 on Tuesday.")] == [("up", 6.4)]


def test_adding_to_a_loss_is_a_fall(nlp) -> None:  # noqa: ANN001
    # 'adding to Monday's 3.5% loss': the loss goes on; Monday's move was down, never up
    found = _moves(nlp, "Apple stock was 22% lower, adding to Monday's 3.5% loss.")
    assert ("AAPL", "Apple", "down", 3.5, "2025-02-10") in found
    assert all(direction == "down" for _, _, direction, _, _ in found)
    # control: adding to gains is a rise
    assert [m[2] for m in _moves(nlp, "Apple shares added to Monday's gains, rising 1.5% on Tuesday.")] == ["up"]


def test_names_with_an_ampersand_or_after_markup(nlp) -> None:  # noqa: ANN001
    names = {m[1] for m in _moves(nlp, "Marlow Dredge & Harbor shares fell 6% on Tuesday.")}
    assert "Marlow Dredge & Harbor" in names
    assert [m[1] for m in _moves(nlp, "\\*\\* Tarnview Minerals slumps 18% to A$0.05")] == ["Tarnview Minerals"]


def test_the_checker_calls_an_unlisted_company_unverifiable(nlp, market) -> None:  # noqa: ANN001
    rows = checked(nlp, market, "Halvard Pharmaceuticals (HLVD) fell 14% on Tuesday after a failed trial.",
                   "2025-02-11T18:00:00-05:00")
    [row] = [r for r in rows if r.claim.kind == "stock_move"]
    assert row.verdict.verdict == "unverifiable"
    assert "HLVD" in row.verdict.explanation
