"""Second looks at a contradicted move whose figure stands in a list or beside a fund's return (issue 12).

- a benchmark set beside a fund's return ('the fund has gained 18.62 percent this year, topping the S&P 500's
  14.72 percent gain', 'it has lost 9.76 percent against the S&P 500's negative 13.7 percent return'): a fund
  report gives its benchmark as the fund's data provider measures it (total return, dividends in, to the fund's
  own reporting date, often the last month's end), and the index's figure in such a sentence is easily the fund's
  own; closes to the piece's day cannot settle it;
- a 'respectively' list whose names stand in the sentence before ('Citigroup, Merrill and JPMorgan ... Through
  Wednesday, the shares were down 45 percent, 41 percent and 7 percent, respectively, this year'): which figure is
  the company's is read from the order of the names there, which the claim does not carry; where another figure of
  the list holds for the company, the pairing, not the article, is in doubt.

Each only withdraws an accusation (`unverifiable`); a sentence that does not fit, or a list none of whose figures
holds, leaves the verdict as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.extract import lexicon
from analyzer.extract.numbers import PERCENT_RE
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

# 'topping the S&P 500's 14.72 percent gain', 'against the S&P 500's negative 13.7 percent return', 'compared with
# the 13.7 percent negative returns of the S&P index': a figure set beside another one
BESIDE_RE = re.compile(r"\b(?:than|against|versus|vs\.?|compared (?:with|to)|topp\w*|beat\w*|outpac\w*|"
                       r"outperform\w*|underperform\w*|lagg\w*|trail\w*)\b", re.I)
# 'The fund', 'Its Advantage Plus fund': the word of a fund (lexicon: a fund's name ends with it); 'trust' alone is
# too often a company's name ('Northern Trust')
FUND_RE = re.compile(r"\b(?:" + lexicon.alternation([w for w in lexicon.words("instruments", "fund_heads")
                                                     if w != "trust"]) + r")s?\b", re.I)
# 'It was down 31.8 percent ...', 'Since January 1, it has lost ...': a sentence that goes on about the fund the
# sentence before names
CARRIED_RE = re.compile(r"^\W*(?:(?:[\w$.,-]+\s+){0,4}[\w$.-]+,\s+)?(?:it|its|the fund(?:'s)?)\b", re.I)
RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.I)


def _percent_figures(sentence: str) -> list[re.Match[str]]:
    return [m for m in PERCENT_RE.finditer(sentence) if m.group("num")]


def a_benchmark_beside_a_funds_return(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                      siblings: Sequence[Sibling], market: MarketData,
                                      article: Article | None) -> Verdict | None:
    """An index's figure in a sentence that sets it beside a fund's return: `unverifiable` (module docstring)."""
    if claim.kind != "index_move" or len(_percent_figures(claim.sentence)) < 2:
        return None
    cue = BESIDE_RE.search(claim.sentence)
    if cue is None:
        return None
    fund = FUND_RE.search(claim.sentence)
    if fund is None and CARRIED_RE.match(claim.sentence):
        fund = FUND_RE.search(art._sentence_before(article, claim))
    if fund is None:
        return None
    return art._note(verdict, f"the index's figure is set beside a fund's return ('{cue.group(0)}', "
                     f"'{fund.group(0)}'); a fund report gives its benchmark as its data provider measures it "
                     "(total return, to the fund's reporting date), and the figure may be the fund's own, which the "
                     "index's closes cannot settle", "a benchmark beside a fund's return")


def a_respectively_list_named_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """A figure of a 'respectively' list whose names are not in its sentence: `unverifiable` where another figure
    of the list holds for the company (module docstring)."""
    if claim.change_pct is None or claim.session is None or claim.instrument is None or \
            not RESPECTIVELY_RE.search(claim.sentence) or art._names_company(claim.sentence, claim):
        return None
    others = [m.group("num") for m in _percent_figures(claim.sentence)
              if abs(float(m.group("num").replace(",", "")) - claim.change_pct) > 1e-9]
    if not others:
        return None
    session = date.fromisoformat(claim.session)
    for figure in others:
        probe = replace(claim, change_pct=float(figure.replace(",", "")), qualifier=None,
                        stated={**claim.stated, "change_pct": figure})
        other = art._recheck_at(probe, market, session, claim.period or "day")
        if other is not None and other.verdict == "supported":
            reading = f"another figure of the 'respectively' list ({figure}%)"
            return art._note(verdict, f"the sentence's 'respectively' list gives its figures to names in the sentence "
                             f"before, and read as {reading} the claim holds: {other.explanation}", reading)
    return None


LOOKS = (a_benchmark_beside_a_funds_return, a_respectively_list_named_before)
