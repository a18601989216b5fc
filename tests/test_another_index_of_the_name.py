"""Session 32, issue 12: an index of another maker or market under the name of one we have data for is not checked
against that one's prices: an MSCI index given to MSCI Inc.'s stock, Dow Jones & Co's stock or Xetra's indicative Dow
given to the Dow, Germany's VDAX-NEW given to the Cboe's VIX (each found in the studied audits). The accusation is
withdrawn to `unverifiable`; a claim about the instrument itself in the same words stays accused.
Sentences we wrote, through the real pipeline and real prices."""

from __future__ import annotations

import pytest
from written import checked

# Tuesday 2009-08-25: MSCI Inc -0.30%, the Dow +0.32%, the VIX -0.88%; every figure below is far from those
PUBLISHED = "2009-08-26T17:30:00"


def _verdicts(nlp, market, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    found = {(i.claim.kind, i.claim.instrument.symbol if i.claim.instrument else None): i.verdict.verdict
             for i in checked(nlp, market, text, PUBLISHED) if i.claim.kind != "deal"}
    assert found
    return {f"{kind} {symbol}": verdict for (kind, symbol), verdict in found.items()}


@pytest.mark.parametrize("text, key", [
    ("World stocks as measured by MSCI rose 2.5 percent on Tuesday.", "stock_move MSCI"),
    ("World stocks, as tracked by MSCI, fell 2.4 percent on Tuesday.", "stock_move MSCI"),
    ("The bid lifted Dow Jones' stock 15 percent on Tuesday.", "index_move ^DJI"),
    ("The Indicative Dow, a gauge of the 30 blue chips as quoted in Frankfurt before New York opens, was 1.4 percent "
     "higher on Tuesday.", "index_move ^DJI"),
    ("The VDAX-NEW volatility index was up 8.9 percent on Tuesday.", "index_move ^VIX"),
])
def test_another_index_of_the_name_is_not_accused(nlp, market, text: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert _verdicts(nlp, market, text)[key] == "unverifiable"


@pytest.mark.parametrize("text, key", [
    # the company itself, named as a company: its stock is checked
    ("Shares of MSCI Inc rose 9 percent on Tuesday after the index provider raised its forecast.", "stock_move MSCI"),
    # the Dow itself beside Frankfurt's DAX
    ("Germany's Xetra DAX fell 1 percent, while the Dow Jones industrial average rose 2.9 percent on Tuesday.",
     "index_move ^DJI"),
    # the VIX named beside Germany's index: its own figure is checked
    ("The VIX jumped 8.9 percent on Tuesday, and the VDAX-NEW volatility index rose 4 percent.", "index_move ^VIX"),
])
def test_the_instrument_itself_stays_accused(nlp, market, text: str, key: str) -> None:  # type: ignore[no-untyped-def]
    assert _verdicts(nlp, market, text)[key] == "contradicted"
