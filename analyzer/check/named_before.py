"""A company the sentence does not name, whose figures fit another company the piece named before (issue 12).

'The stock closed down $7.38 at $80.36' after two sentences about VMware in a piece about Oracle; 'The company's
shares are up 36 percent so far this year' in a paragraph about BlackRock, after a sentence that ends with State
Street: the sentence names no company, so the one the extraction took is a guess from the text around it. Where the
figures fail that company but fit another the piece tagged before the claim ('VMware Inc ( VMW.N )'), the sentence
is about that one as likely as not, and the closes cannot accuse it of the first one's move.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from analyzer.errors import MarketDataError
from analyzer.extract.instruments import RIC_RE
from analyzer.market.data import MarketData
from analyzer.records import Article, Claim, Instrument, Verdict

MOST_TAGS = 4  # the companies tagged nearest before the claim
NEAR_CHARS = 400  # about the two sentences before the claim: where the company it may be about is named
# the reading of moves._percent_agrees that leaves a price return under dividend-adjusted closes unsettled
PRICE_RETURN_READING = "a price return of"


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _name_in(name: str, text: str) -> bool:
    """The first four letters of one of the name's first two words, in the text ('Wal-Mart' for Walmart)."""
    words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if len(w) >= 3]
    compact = _compact(text)
    return any(w[:4] in compact for w in words[:2])


def names_its_company(claim: Claim) -> bool:
    """The sentence writes the claim's company: its symbol, or the start of a word of its name."""
    if claim.instrument is None:
        return True
    symbol = claim.instrument.symbol
    if symbol and re.search(rf"\b{re.escape(symbol.lower())}\b", claim.sentence.lower()):
        return True
    return _name_in(claim.instrument.name, claim.sentence)


def tagged_before(article: Article, claim: Claim, market: MarketData) -> list[Instrument]:
    """The listed companies the piece tagged before the claim, nearest first, other than the claim's own."""
    out: list[Instrument] = []
    own = claim.instrument.symbol if claim.instrument else None
    for m in reversed(list(RIC_RE.finditer(article.text[:claim.char_start]))):
        ticker = (m.group("ticker") or m.group("bare") or m.group("glued") or "").replace(".", "-")
        try:
            info = market.registry.get(ticker)
        except MarketDataError:
            continue
        if info.symbol != own and info.symbol not in {i.symbol for i in out}:
            out.append(Instrument(info.name, info.symbol))
        if len(out) >= MOST_TAGS:
            break
    return out


def _borne_out(verdict: Verdict) -> bool:
    """Supported, or held short of it only by a price return under dividend-adjusted closes."""
    return verdict.verdict == "supported" or \
        (verdict.verdict == "unverifiable" and PRICE_RETURN_READING in verdict.explanation)


def fits_another_company(claim: Claim, verdict: Verdict, market: MarketData, article: Article | None,
                         check: Callable[[Claim, MarketData], Verdict]) -> Verdict | None:
    """A contradicted stock move whose sentence names no company, withdrawn where another company the piece tagged
    before it bears the figures out (``check`` is the price check the claim itself went through)."""
    if verdict.verdict != "contradicted" or claim.kind != "stock_move" or article is None or \
            names_its_company(claim):
        return None
    near = article.text[max(0, claim.char_start - NEAR_CHARS):claim.char_start]
    for other in tagged_before(article, claim, market):
        if not _name_in(other.name, near):  # the other company must be the one the sentences just before speak of
            continue
        try:
            fits = check(replace(claim, instrument=other), market)
        except (MarketDataError, ValueError, KeyError, IndexError):
            continue
        if _borne_out(fits):
            return Verdict("unverifiable", f"the sentence does not name the company: {claim.instrument.name} "
                           f"was taken from the text around it, and the figures fit {other.name} ({other.symbol}), "
                           f"named earlier in the piece ({fits.explanation}); as {claim.instrument.name}: "
                           f"{verdict.explanation}", verdict.evidence, verdict.diagnosis, None,
                           [*verdict.readings, f"another company the piece names ({other.name})"])
    return None
