"""'Boeing said it delivered 441 commercial aircraft in 2007, its best performance in six years': a best or worst
in apposition to a count of the company's business (aircraft, cars, subscribers), in a sentence with no word of
shares, stock or trading, is the business's, not the stock's (issue 12, over_reading). A figure told of the
stock ('rose 3 percent to $70, its best ...') ends on a percentage, points or a price and keeps its check. A count
told with a verb of selling or making ('it sold 2,441 heavy trucks last year, 11 percent more than in 2007 and its
best performance in six years') is the business's wherever it stands before the best. Only withdraws an
accusation."""

from __future__ import annotations

import re

from analyzer.check import article as art
from analyzer.extract import lexicon
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Verdict

# a count and its noun phrase right before the apposition's comma: '441 commercial aircraft in 2007, '
COUNT_BEFORE_RE = re.compile(r"(?<![$\d.,])\d[\d,]*(?:\.\d+)?\s+(?:million\s+|billion\s+)?"
                             r"(?!percent\b|pct\b|points?\b|cents?\b|dollars?\b|shares?\b)[a-z][a-z-]+"
                             r"(?:\s+[a-z][a-z-]+){0,2}(?:\s+in\s+\d{4})?,\s+$")
# "it sold 2,441 heavy trucks last year, 11 percent more than in 2007 and its best performance in six years": a
# count of what the company sold or made, anywhere before the best (a count of units, never of shares, points or
# percent)
SOLD_COUNT_RE = re.compile(
    r"\b(?:" + lexicon.alternation(lexicon.words("moves", "business_count_verbs")) + r")\s+(?:about |nearly |almost |"
    r"roughly |some |over |more than |a record )?\d[\d,.]*\s*(?:million |billion |thousand )?"
    r"(?:[\w-]+\s+){0,3}?(?!(?:shares|points|percent|pct)\b)[a-z]+s\b", re.I)
STOCK_WORDS_RE = re.compile(r"\b(?:shares?|stocks?|trading|traded|Nasdaq|NYSE|index|Dow|S&P|market value)\b|%|\$",
                            re.I)


def a_best_of_a_business_count(claim: Claim, verdict: Verdict, market: MarketData,
                               article: Article | None) -> Verdict | None:
    if claim.kind not in ("comparison", "record") or claim.span_start is None:
        return None
    before = claim.sentence[:claim.span_start]
    if not (COUNT_BEFORE_RE.search(before) or SOLD_COUNT_RE.search(before)) or STOCK_WORDS_RE.search(claim.sentence):
        return None
    return art._note(verdict, "the best or worst stands in apposition to a count of the company's business, in a "
                     "sentence with no word of its shares", "the business's record, not the stock's")


# '..., as does U.S. consumer confidence, which fell to a record low': the record is the relative clause's head's
RELATIVE_HEAD_RE = re.compile(r"\b([a-z][a-z-]+),\s+which\s+(?:\w+\s+){0,2}?(?:fell|dropped|sank|slid|rose|climbed|"
                              r"jumped|hit|touched|reached|plunged|tumbled|is|was|stood|stands)\s+(?:to|at)?\s*"
                              r"(?:a|an|its|their)?\s*$")
PRICE_HEADS = frozenset(("shares", "share", "stock", "stocks", "price", "prices", "index", "average", "composite",
                         "benchmark", "market", "markets", "yield", "yields", "futures",
                         # 'fell 1.5 percent, which was its worst performance': the move's own unit
                         "percent", "pct", "point", "points", "cent", "cents", "gain", "gains", "loss", "losses",
                         "rise", "fall", "drop", "decline", "rally", "slide", "level", "close"))


def a_record_of_a_relative_clause(claim: Claim, verdict: Verdict, market: MarketData,
                                  article: Article | None) -> Verdict | None:
    if claim.kind not in ("record", "comparison") or claim.span_start is None:
        return None
    head = RELATIVE_HEAD_RE.search(claim.sentence[:claim.span_start])
    if head is None or head.group(1) in PRICE_HEADS:
        return None
    return art._note(verdict, f"the record belongs to the relative clause's head ('{head.group(1)}'), a "
                     "lowercase noun that is no share price or index", "another subject's record")


def another_subjects_best(claim: Claim, verdict: Verdict, market: MarketData, article: Article | None) -> Verdict:
    """The last looks of the record/comparison chain: the verdict as it was when neither fits."""
    return a_best_of_a_business_count(claim, verdict, market, article) or \
        a_record_of_a_relative_clause(claim, verdict, market, article) or verdict
