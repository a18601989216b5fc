"""Rate-policy claims get a second look before `contradicted`: our own sentences, the real pipeline and the
real FOMC history."""

from __future__ import annotations

from spacy.language import Language
from written import rate_rows

from analyzer.market import MarketData


def test_a_decision_dated_elsewhere_in_the_sentence_is_checked_on_that_date(nlp: Language, market: MarketData) -> None:
    text = ("Transport stocks closed 3.3 percent higher, their largest rise since September 18, when the Fed "
            "lowered interest rates.")
    rows = rate_rows(nlp, market, text, "2007-10-05T17:00")
    assert rows and rows[0].verdict.verdict == "supported" and "2007-09-18" in rows[0].verdict.explanation
    wrong = rate_rows(nlp, market, text.replace("September 18", "September 4"), "2007-10-05T17:00")
    assert wrong and wrong[0].verdict.verdict == "contradicted"


def test_a_quoted_view_of_a_decision_is_not_the_wires_report(nlp: Language, market: MarketData) -> None:
    text = '"The Fed is through with raising rates, and economic weakness is probably here too," he said.'
    rows = rate_rows(nlp, market, text, "2006-11-19T17:00")
    assert rows and all(r.verdict.verdict == "unverifiable" for r in rows), [r.verdict for r in rows]
