"""The check stage: a verdict for every claim, with the evidence and a sentence a reader can verify."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from analyzer.check.article import review_article
from analyzer.check.deals import corroborate_deals
from analyzer.check.extremes import FOREIGN_MARKET_RE, an_msci_index
from analyzer.check.moves import SPOT_RE, check_comparison, check_move, check_record, check_streak
from analyzer.check.policy import check_rate_policy
from analyzer.check.touched import touched_extreme
from analyzer.errors import MarketDataError
from analyzer.extract import lexicon
from analyzer.extract.timeref import local_published
from analyzer.market import calendar
from analyzer.market.data import MarketData
from analyzer.market.registry import series_of_another_company
from analyzer.records import Article, CheckedClaim, Claim, Verdict

log = logging.getLogger(__name__)

PRICE_CHECKS: dict[str, Callable[[Claim, MarketData, date], Verdict]] = {
    "index_move": check_move, "stock_move": check_move, "comparison": check_comparison,
    "record": check_record, "streak": check_streak,
}


def check_claims(claims: Sequence[Claim], market: MarketData,
                 articles: Mapping[str, Article] | Iterable[Article] | None = None) -> list[CheckedClaim]:
    """Verdicts for a batch of claims; data problems become `unverifiable`, never exceptions.

    ``articles`` (by id, or a plain list) gives publication times, which anchor rate expectations.
    """
    if articles is not None and not isinstance(articles, Mapping):
        articles = {a.id: a for a in articles}
    # deal terms are corroborated across the whole batch, not claim by claim
    deal_verdicts = corroborate_deals(claims, articles)
    verdicts: list[Verdict | None] = [None if i in deal_verdicts else check_claim(claim, market, articles)
                                      for i, claim in enumerate(claims)]
    verdicts = review_in_articles(claims, verdicts, market, articles)
    return [CheckedClaim(claim, deal_verdicts[i] if i in deal_verdicts else verdicts[i])  # type: ignore[arg-type]
            for i, claim in enumerate(claims)]


def review_in_articles(claims: Sequence[Claim], verdicts: Sequence[Verdict | None], market: MarketData,
                       articles: Mapping[str, Article] | None) -> list[Verdict | None]:
    """The article-level second look (``article.review_article``) over a batch, one article at a time."""
    groups: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(claim.article_id, []).append(i)
    out = list(verdicts)
    for article_id, indices in groups.items():
        reviewed = review_article([claims[i] for i in indices], [verdicts[i] for i in indices], market,
                                  articles.get(article_id) if articles else None)
        for i, verdict in zip(indices, reviewed, strict=True):
            out[i] = verdict
    return out


def check_claim(claim: Claim, market: MarketData, articles: Mapping[str, Article] | None = None) -> Verdict:
    article = articles.get(claim.article_id) if articles else None
    published_at = local_published(article.published) if article and article.published else None
    try:
        if claim.kind == "valuation":
            return Verdict("not_checkable", "a judgement of value (cheap, expensive, discounts), not a figure: "
                           "daily prices alone cannot settle it.", [])
        if claim.kind == "rate_policy":
            return check_rate_policy(claim, market, published_at, article.text if article else None)
        if claim.kind == "deal":  # alone, a deal has no other report to be corroborated by
            return corroborate_deals([claim], articles)[0]
        verdict = _check_price_claim(claim, market)
        return touched_extreme(claim, verdict, market) or verdict
    except MarketDataError as exc:
        return Verdict("unverifiable", str(exc), [])
    except (ValueError, KeyError, IndexError, ZeroDivisionError, OverflowError) as exc:
        # a claim whose fields cannot be measured (a period that ends before it starts, say) is reported
        # as unverifiable with the reason; one odd claim never stops a batch
        log.warning("could not check claim %s of %s: %s", claim.claim_id, claim.article_id, exc)
        return Verdict("unverifiable", f"the claim's figures could not be measured: {exc}.", [])


# an index has no shares and no dollar price: "Shares of Dow were down 2.3 percent at $36.74" is Dow Chemical
# "ranked as the S&P 500's worst performing company after it lost 87 percent": a member's figure
MEMBER_OF_INDEX_RE = re.compile(r"\b(?:worst|best|top|biggest)[- ](?:performing|performer|gainer|loser|decliner)s?\b"
                                r"|\b(?:component|member|constituent)s? of\b", re.I)
INDEX_AS_COMPANY_RE = re.compile(
    r"\b(?:shares|stock) of (?:the )?(?P<a>Dow|Nasdaq|MSCI|Russell|S&P)\b(?! Jones| industrial| Composite| 500| index)"
    r"|\b(?P<b>Dow|Nasdaq|MSCI)(?:['\u2019]s)? (?:shares|stock)\b", re.I)


# Session 32 (issue 12): indexes of another maker or market under the name of one we have data for.
# 'the bid lifted Dow Jones' stock by a fifth', 'shares of Dow Jones & Co': the publisher's stock, not the Dow
DOW_JONES_COMPANY_RE = re.compile(
    r"\bDow Jones(?: (?:&|and) Co(?:\.|mpany)?)?['\u2019]s? (?:shares|stock)\b"
    r"(?! (?:index|indexes|indices|average|market))"
    r"|\b(?:shares|stock) (?:of|in) Dow Jones (?:&|and) Co", re.I)
# 'the indicative Dow, the 30 blue chips as quoted on Xetra before New York opens', 'an indicative Dow average in
# Frankfurt': Frankfurt's quote of the members, not the Dow's own level
INDICATIVE_DOW_RE = re.compile(r"\bindicative\s+(?:[\w.&'\u2019-]+\s+){0,3}?(?:Dow|DJIA|blue[- ]chips?)\b", re.I)
# 'The VDAX-NEW volatility index', 'Europe's VSTOXX', 'the German volatility index': another market's
FOREIGN_VOLATILITY_RE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.words('instruments', 'foreign_volatility_indexes'))})\b"
    rf"|(?:{FOREIGN_MARKET_RE.pattern})\s+(?:[\w-]+\s+){{0,2}}?volatility\b", re.I)
VIX_NAMED_RE = re.compile(r"\b(?:VIX|CBOE|Cboe|Chicago Board Options Exchange)\b")


def another_index_of_the_name(claim: Claim) -> str | None:
    """Why the claim's figures are another index's than the one its name was read as: an MSCI index given to MSCI
    Inc., Dow Jones & Co's stock or Xetra's indicative Dow given to the Dow, a European volatility index given to
    the Cboe's VIX (with the VIX itself not named in the sentence); None when they can be the instrument's."""
    assert claim.instrument is not None
    symbol, sentence = claim.instrument.symbol, claim.sentence
    if (msci := an_msci_index(symbol, sentence)) is not None:
        return msci
    if symbol == "^DJI" and (m := DOW_JONES_COMPANY_RE.search(sentence)):
        return f"the sentence speaks of the stock of Dow Jones & Co ('{m.group(0)}'), not of the Dow index"
    if symbol == "^DJI" and (m := INDICATIVE_DOW_RE.search(sentence)):
        return (f"the sentence speaks of the indicative Dow ('{m.group(0)}'), the Dow's members as quoted abroad "
                "outside New York's session, not of the Dow's own closes")
    if symbol == "^VIX" and (m := FOREIGN_VOLATILITY_RE.search(sentence)) and not VIX_NAMED_RE.search(sentence):
        return f"the sentence speaks of another market's volatility index ('{m.group(0)}'), not of the Cboe's VIX"
    return None


def figures_of_another_thing(claim: Claim) -> str | None:
    """Why the claim's figures cannot be its instrument's: an index quoted in dollars or with shares, a company
    whose name the sentence gives to an index ("the MSCI's all-country world index"), another index of the name
    (``another_index_of_the_name``); None when they can be."""
    assert claim.instrument is not None
    sentence = claim.sentence
    if (other := another_index_of_the_name(claim)) is not None:
        return other
    if claim.kind == "index_move":
        level = claim.stated.get("level") or (f"{claim.level:,.2f}" if claim.level is not None else None)
        if level and re.search(r"\$\s?" + re.escape(level) + r"(?!\d|,\d)", sentence):
            return f"the stated level ${level} is a share price, not an index level"
        if INDEX_AS_COMPANY_RE.search(sentence):
            return "the sentence speaks of a company's shares, and an index has none"
        if MEMBER_OF_INDEX_RE.search(sentence) and re.search(r"\b(?:company|stock|shares|firm)\b", sentence):
            return "the figure is one of the index's members', not the index's"
    if claim.kind == "stock_move":
        words = [w for w in (claim.instrument.symbol, claim.instrument.name.split()[0]) if w and len(w) > 2]
        for word in words:
            m = re.search(rf"\b{re.escape(word)}\b(?:['\u2019]s)?(?:\s+[\w&-]+){{0,3}}?\s+ind(?:ex|ices|exes)\b",
                          sentence)
            if m:
                return f"the sentence speaks of an index ('{m.group(0)}'), not of the company's shares"
    return None


def _check_price_claim(claim: Claim, market: MarketData) -> Verdict:
    if claim.modality != "reported":
        return Verdict("not_checkable", f"a {claim.modality} statement, not a reported move: it cannot be checked "
                       "against prices.", [])
    if claim.instrument is None or claim.instrument.symbol is None:
        name = claim.instrument.name if claim.instrument else "the instrument"
        candidates = market.registry.resolve(name) if claim.instrument else []
        if len(candidates) > 1:
            options = ", ".join(f"{c.name} ({c.symbol})" for c in candidates)
            return Verdict("unverifiable", f"{name!r} is ambiguous: it could be {options}.", [])
        return Verdict("unverifiable", f"{name!r} is not an instrument with market data.", [])
    if claim.session is None:
        return Verdict("unverifiable", "the claim could not be anchored to a session (no publication time).", [])
    session = date.fromisoformat(claim.session)
    why = calendar.why_not_a_session(session)
    if why is not None:
        return Verdict("unverifiable", f"{session.isoformat()} was not a trading session: it was {why}.", [])
    other_company = series_of_another_company(claim.instrument.symbol, session)
    if other_company is not None:
        return Verdict("unverifiable", f"{claim.instrument.name} ({claim.instrument.symbol}) on {session.isoformat()}: "
                       f"{other_company}.", [])
    if market.registry.get(claim.instrument.symbol).kind == "commodity" and claim.kind != "index_move" and \
            not SPOT_RE.search(claim.sentence):
        # oil prices in the news are front-month futures settlements; the data has spot prices
        return Verdict("unverifiable", f"news quotes for {claim.instrument.name} are futures prices; the data has "
                       "spot prices, which differ, so records and comparisons cannot be checked against it.", [])
    other_thing = figures_of_another_thing(claim)
    if other_thing is not None:
        return Verdict("unverifiable", f"{claim.instrument.name} ({claim.instrument.symbol}): {other_thing}, so "
                       "its data cannot settle the figures.", [])
    check = PRICE_CHECKS.get(claim.kind)
    if check is None:
        return Verdict("not_checkable", f"no check exists for claims of kind {claim.kind!r}.", [])
    return check(claim, market, session)
