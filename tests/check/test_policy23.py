"""Session 23: accusations no claim of its kind may make (``analyzer.check.standing``), through the real pipeline.

A stock's record was never a real error in the studied audits; its `contradicted` verdict becomes `unverifiable`
with the reason. Moves and an index's record still accuse. Sentences written here.
"""

from __future__ import annotations

from written import checked

from analyzer.check.standing import STOCK_RECORD_WHY, standing, why_no_accusation
from analyzer.records import Claim, Instrument, Verdict


def _of_kind(items, kind: str):  # type: ignore[no-untyped-def]
    return [item for item in items if item.claim.kind == kind]


def test_a_stocks_record_is_not_called_an_error(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # Goldman's shares were nowhere near a record high on this day in the autumn of 2008
    items = _of_kind(checked(nlp, market, "Goldman Sachs ( GS.N ) shares closed at a record high on Tuesday, "
                                          "traders on the floor said.", "2008-10-07T18:00"), "record")
    assert [item.verdict.verdict for item in items] == ["unverifiable"], [i.verdict.explanation for i in items]
    assert "could not be ruled out" in items[0].verdict.explanation
    assert items[0].verdict.diagnosis and items[0].verdict.diagnosis["was"] == "contradicted"


def test_an_indexs_record_and_a_move_still_accuse(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # the S&P 500 fell hard that day and set no record high; a false record of an index is still an error
    items = _of_kind(checked(nlp, market, "The S&P 500 index closed at a record high on Tuesday, traders on the "
                                          "floor said.", "2008-10-07T18:00"), "record")
    assert [item.verdict.verdict for item in items] == ["contradicted"]
    moves = _of_kind(checked(nlp, market, "The S&P 500 index closed up 4 percent on Tuesday, traders on the floor "
                                          "said.", "2008-10-07T18:00"), "index_move")
    assert [item.verdict.verdict for item in moves] == ["contradicted"]


def test_only_contradicted_verdicts_of_those_kinds_change(market) -> None:  # type: ignore[no-untyped-def]
    stock_record = Claim("a", "s", 0, 1, "record", instrument=Instrument("Goldman Sachs", "GS"))
    index_record = Claim("a", "s", 0, 1, "record", instrument=Instrument("S&P 500", "^GSPC"))
    move = Claim("a", "s", 0, 1, "stock_move", instrument=Instrument("Goldman Sachs", "GS"))
    rate = Claim("a", "s", 0, 1, "rate_policy", bank="Fed", action="cut")
    yield_record = Claim("a", "s", 0, 1, "record", instrument=Instrument("two-year yield", "DGS2"))
    assert why_no_accusation(stock_record, market) == STOCK_RECORD_WHY
    assert [why_no_accusation(c, market) for c in (index_record, move, rate, yield_record)] == [None] * 4
    wrong, right = Verdict("contradicted", "no such decision."), Verdict("supported", "as stated.")
    out = standing([stock_record, index_record, move, rate, stock_record], [wrong, wrong, wrong, wrong, right], market)
    assert [v.verdict for v in out if v] == ["unverifiable", "contradicted", "contradicted", "contradicted",
                                            "supported"]
    # 'only' limits the look, as the audit's injected copies are checked one at a time
    assert [v.verdict for v in standing([stock_record, stock_record], [wrong, wrong], market, only=[1]) if v] == [
        "contradicted", "unverifiable"]
