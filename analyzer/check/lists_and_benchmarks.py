"""Second looks at a contradicted move whose figure stands in a list or beside a fund's return (issue 12).

- a benchmark set beside a fund's return ('the fund is up 25 percent this year, ahead of the S&P 500's 15 percent
  gain', 'since January it has shed 10 percent, against a 14 percent fall in the S&P 500'): a fund
  report gives its benchmark to the fund's own reporting date, often the last month's end, which is read too; and
  a figure told before the words that set the index beside it, where the fund is the subject, is the fund's own;
- a 'respectively' list whose names stand in the sentence before ('Citigroup and JPMorgan fell on Thursday. So
  far this year the shares have lost 43 percent and 7 percent, respectively'): which figure is
  the company's is read from the order of the names there, which the claim does not carry; where another figure of
  the list holds for the company, the pairing, not the article, is in doubt.

Each only withdraws an accusation (`unverifiable`, or `supported` with the reading named); a sentence that does not
fit, a benchmark's figure that holds in no reading, or a list none of whose figures holds, leaves the verdict as it
was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from analyzer.check import article as art
from analyzer.check.article import Sibling
from analyzer.extract import lexicon
from analyzer.extract.numbers import PERCENT_RE
from analyzer.market.calendar import session_on_or_before
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

# 'topping the S&P 500's 15 percent gain', 'against a 14 percent fall in the S&P 500', 'compared with the index's
# return': a figure set beside another one
BESIDE_RE = re.compile(r"\b(?:than|against|versus|vs\.?|compared (?:with|to)|topp\w*|beat\w*|outpac\w*|"
                       r"outperform\w*|underperform\w*|lagg\w*|trail\w*)\b", re.I)
# 'The fund', 'Its Advantage Plus fund': the word of a fund (lexicon: a fund's name ends with it); 'trust' alone is
# too often a company's name ('Northern Trust')
FUND_RE = re.compile(r"\b(?:" + lexicon.alternation([w for w in lexicon.words("instruments", "fund_heads")
                                                     if w != "trust"]) + r")s?\b", re.I)
# 'It fell 30 percent in 2008 ...', 'Since January, it has shed ...': a sentence that goes on about the fund the
# sentence before names
CARRIED_RE = re.compile(r"^\W*(?:(?:[\w$.,-]+\s+){0,4}[\w$.-]+,\s+)?(?:it|its|the fund(?:'s)?)\b", re.I)
RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.I)
# 'the shares were down ...', 'the three stocks fell ...', 'they rose ...': a subject that names no company, so the
# list's names are elsewhere ('the shares of bellwethers, including Google and Apple' names them)
NAMELESS_SUBJECT_RE = re.compile(r"\b(?:(?:the|their|these|those|both)\s+(?:(?:two|three|four|five)\s+)?(?:\w+'s?\s+)?"
                                 r"(?:shares|stocks)(?!\s+of\b)|they)\b", re.I)


def _percent_figures(sentence: str) -> list[re.Match[str]]:
    return [m for m in PERCENT_RE.finditer(sentence) if m.group("num")]


def a_benchmark_beside_a_funds_return(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                      siblings: Sequence[Sibling], market: MarketData,
                                      article: Article | None) -> Verdict | None:
    """An index's figure in a sentence that sets it beside a fund's return (module docstring): a figure before the
    words that set it beside the index's, where the fund is the subject, is the fund's own (`unverifiable`); the
    index's own year-to-date or twelve-month figure is also read to the last month's end, a fund report's date,
    and holds there (`supported`). Anything else stays as it was: the index's figure is still checked."""
    if claim.kind != "index_move" or claim.session is None or len(_percent_figures(claim.sentence)) < 2:
        return None
    cue = BESIDE_RE.search(claim.sentence)
    if cue is None:
        return None
    fund = FUND_RE.search(claim.sentence, 0, cue.start())
    if fund is None and CARRIED_RE.match(claim.sentence):
        fund = FUND_RE.search(art._sentence_before(article, claim))
    if fund is None:
        return None
    if art._figure_found(claim) and art.figure_position(claim) < cue.start():
        return art._note(verdict, f"the figure is the fund's ('{fund.group(0)}'), told before the words that set it "
                         f"beside the index's ('{cue.group(0)}')", "the fund's own figure")
    return _to_the_last_month_end(claim, verdict, market)


def _to_the_last_month_end(claim: Claim, verdict: Verdict, market: MarketData) -> Verdict | None:
    """The benchmark's year-to-date (or twelve-month) figure read to the last session of the month before."""
    if claim.period not in ("ytd", "year"):
        return None
    session = date.fromisoformat(claim.session or "")
    end = session.replace(day=1) - timedelta(days=1)
    end = session_on_or_before(end)
    return art._supported_at(claim, verdict, market, end, claim.period,
                             f"the same period to the last month's end ({end.isoformat()}), a fund report's date",
                             "the index's figure is set beside a fund's return; read as")


def a_respectively_list_named_before(claim: Claim, verdict: Verdict, own: str, says_close: bool, context: str,
                                     siblings: Sequence[Sibling], market: MarketData,
                                     article: Article | None) -> Verdict | None:
    """A figure of a 'respectively' list whose names are not in its sentence: `unverifiable` where another figure
    of the list holds for the company, or is one the data cannot settle (module docstring)."""
    if claim.change_pct is None or claim.session is None or claim.instrument is None or \
            not RESPECTIVELY_RE.search(claim.sentence) or art._names_company(claim.sentence, claim):
        return None
    found = _percent_figures(claim.sentence)
    if not found or not NAMELESS_SUBJECT_RE.search(claim.sentence, 0, found[0].start()):
        return None
    figures = [m.group("num") for m in found]
    others = [n for n in figures if abs(float(n.replace(",", "")) - claim.change_pct) > 1e-9]
    if not others or len(others) == len(figures):
        return None  # the claim's figure is none of the list's (a copy with its figure changed): nothing to pair
    session = date.fromisoformat(claim.session)
    for figure in others:
        probe = replace(claim, change_pct=float(figure.replace(",", "")), qualifier=None,
                        stated={**claim.stated, "change_pct": figure})
        other = art._recheck_at(probe, market, session, claim.period or "day")
        # a figure the data cannot settle for the company (a price return below its adjusted closes) accuses no more
        # than one that holds
        if other is not None and other.verdict in ("supported", "unverifiable"):
            reading = f"another figure of the 'respectively' list ({figure}%)"
            return art._note(verdict, f"the sentence's 'respectively' list gives its figures to names in the sentence "
                             f"before, and read as {reading} the claim is not contradicted: {other.explanation}",
                             reading)
    return None


LOOKS = (a_benchmark_beside_a_funds_return, a_respectively_list_named_before)
