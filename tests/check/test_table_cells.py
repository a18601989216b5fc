"""Session 23: a claim read from the cells of a table does not accuse (``analyzer.check.standing``).

Wire items carry Markdown tables (a brokerage's rate forecasts, broker price targets); the extractor reads their
cells as if they were a sentence, so a mismatch says nothing about the article. Such a `contradicted` verdict
becomes `unverifiable` with the reason; the same figures told in prose still accuse. Tables written here.
"""

from __future__ import annotations

from written import checked

from analyzer.check.standing import TABLE_CELLS_WHY, why_no_accusation
from analyzer.records import Claim, Instrument

FORECASTS = ("Where brokerages see the Fed this year:\n\n| Brokerage | Cuts in 2025 | Size |\n"
             "| Acme Securities | No rate cut | |\n| Beta Capital | One rate cut | 25 (in June) |\n")


def test_a_forecast_table_read_as_a_decision_is_not_called_an_error(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = [item for item in checked(nlp, market, FORECASTS, "2025-02-12T18:00") if item.verdict is not None]
    assert items, "the table's cells should still be read (the rule only withholds the accusation)"
    assert all(item.verdict.verdict != "contradicted" for item in items)
    withheld = [item for item in items if TABLE_CELLS_WHY in item.verdict.explanation]
    assert withheld and all(item.verdict.diagnosis["was"] == "contradicted" for item in withheld)


def test_the_same_kind_of_figure_in_prose_still_accuses(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # the Dow fell 0.5% that Wednesday, not 3.5%
    items = checked(nlp, market, "The Dow Jones fell 3.5% on Wednesday to 44,100, brokers said.", "2025-02-12T18:00")
    dow = [item for item in items if item.claim.kind == "index_move"]
    assert [item.verdict.verdict for item in dow] == ["contradicted"]


def test_only_a_row_of_cells_counts_as_a_table(market) -> None:  # type: ignore[no-untyped-def]
    def move(sentence: str) -> Claim:
        return Claim("a", sentence, 0, len(sentence), "index_move", instrument=Instrument("Dow", "^DJI"))

    assert why_no_accusation(move("| Dow Jones | 44,100 | fell 3.5% |"), market) == TABLE_CELLS_WHY
    assert why_no_accusation(move("No rate cut | | 25 (in June)"), market) == TABLE_CELLS_WHY
    assert why_no_accusation(move("The Dow fell 3.5% | analysts said"), market) is None
    assert why_no_accusation(move("The Dow fell 3.5% on Wednesday."), market) is None
