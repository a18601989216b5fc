"""Which `contradicted` verdicts may stand as accusations, by the kind of claim they accuse (issue 12, s23).

A `contradicted` verdict accuses the article. In the studied audits (``corpora/audit``, the held-out ones aside:
19 audits, 5,100 articles) one kind of accusation has never once been the article's error, however the misreadings
behind it were fixed class by class (``corpora/README.md``, "Accusation policy"): a stock's record ('its lowest
level in ten years', 'a record high'), 28 accusations labelled, none a real error. The history it rests on is
adjusted closes, mostly without the intraday highs and lows a 'high' or 'low' may mean, of a listing the words may
not name (a sub-index, another share class, a company quoted beside it, a holding of the fund), so the data cannot
rule out the reading the writer meant. An index's record (its own closes and ranges) still accuses.

A claim read from the cells of a table (a Markdown row, 'Barclays | No rate cut | 25 (in June)') is the second: the
table's header says what each column is (a forecast, a price target, another company's figure), and the extractor
reads cells as if they were a sentence, so a mismatch says nothing about the article. In the 303 Reuters wire items
of 2025-02 with tables that no corpus holds (a dev outlet), 4 `contradicted` verdicts came from table cells (a table
of brokerages' rate forecasts read as decisions), none an error; prose figures there (3) are untouched.

Such a verdict becomes `unverifiable`, with the reason and what the data showed kept in the explanation and the
diagnosis; every other verdict stands. Nothing here can make a verdict `contradicted`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyzer.errors import MarketDataError
from analyzer.market.data import MarketData
from analyzer.records import Claim, Verdict

STOCK_RECORD_WHY = ("a stock's record is read from adjusted closes, mostly without intraday highs and lows, of a "
                    "listing the words may not name; the level the writer meant (a price touched during a session, "
                    "another listing's) could not be ruled out")

TABLE_CELLS_WHY = ("the figure was read from the cells of a table, whose columns (a forecast, a target, another "
                   "company's figure) the program does not read, so what the writer meant could not be ruled out")
# two cell bars on one line: a row of a Markdown table ('| Barclays | No rate cut |'), not prose
_TABLE_ROW = re.compile(r"\|[^|\n]*\|")


def why_no_accusation(claim: Claim, market: MarketData) -> str | None:
    """Why a `contradicted` verdict of ``claim`` cannot stand as an accusation; None when it can."""
    if claim.kind == "record" and _a_stock(claim, market):
        return STOCK_RECORD_WHY
    if _TABLE_ROW.search(claim.sentence):
        return TABLE_CELLS_WHY
    return None


def _a_stock(claim: Claim, market: MarketData) -> bool:
    """Whether the claim's instrument is a stock in the registry (not an index, a yield, an ETF or a commodity)."""
    symbol = claim.instrument.symbol if claim.instrument is not None else None
    if symbol is None:
        return False
    try:
        return market.registry.get(symbol).kind == "stock"
    except MarketDataError:  # not in the registry: no stock of ours, so no reason to withhold
        return False


def standing(claims: Sequence[Claim], verdicts: Sequence[Verdict | None], market: MarketData,
             only: Sequence[int] | None = None) -> list[Verdict | None]:
    """The verdicts, each `contradicted` one that cannot stand (``why_no_accusation``) made `unverifiable`;
    ``only`` limits the look to some indices."""
    out = list(verdicts)
    for i in (range(len(claims)) if only is None else only):
        verdict = out[i]
        if verdict is None or verdict.verdict != "contradicted":
            continue
        why = why_no_accusation(claims[i], market)
        if why is not None:
            out[i] = withheld(verdict, why)
    return out


def withheld(verdict: Verdict, why: str) -> Verdict:
    """``verdict`` as `unverifiable`: the reason first, then what the data showed."""
    return Verdict(
        "unverifiable",
        f"Not called an error: {why}. As read, the data disagrees: {verdict.explanation}",
        list(verdict.evidence),
        diagnosis={**(verdict.diagnosis or {}), "was": "contradicted", "kept_severity": verdict.severity},
        readings=[*verdict.readings, "the kind of claim, whose accusation cannot stand"])
