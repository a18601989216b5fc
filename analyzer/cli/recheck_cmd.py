"""`analyzer recheck [--db URL] [--market DIR]`: verdicts that follow the news.

A stored claim is checked again when the data it waited for may have arrived: a ``pending`` claim (an
expectation whose horizon had not passed) or one ``unverifiable`` for lack of data (a day after the data
ends, the policy history known only until a day), once the market data reaches past the day it was last
checked with. Each change is recorded in the claim's verdict history with the reason. ``analyzer run``
does the same at its start.

Deal claims are corroborated by other reports rather than by market data: during a run, each batch's
deal claims are corroborated with every stored report that may be of the same deal (found through the
store's index of party names), and those earlier reports get the verdict the new reports give them,
again with history. The check stage never reads the store: the reports are passed to it as data.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from analyzer.cli.app import app
from analyzer.records import Article, CheckedClaim, Claim

if TYPE_CHECKING:  # the stages load spaCy, pandas and SQLAlchemy: imported where used, so --help is quick
    from rich.console import Console

    from analyzer.market import MarketData
    from analyzer.store import Store, StoredClaim

DB_HELP = "database: a file path or SQLAlchemy URL (default: $ANALYZER_DB, else the user data directory)"
# what an `unverifiable` says when the data did not reach far enough yet (from analyzer.market.exceptions
# and analyzer.check.policy); other reasons (an unknown instrument, a holiday) do not change with new data
WAITING_FOR_DATA = ("after the data ends", "known only until", "policy history ends", "a gap in the data")
RECHECKED_VERDICTS = ("pending", "unverifiable")
REFERENCE_SYMBOL = "^GSPC"  # its last close tells how far the price data reaches

Process = Callable[[Sequence[Article]], Sequence[CheckedClaim]]


@dataclass
class RecheckSummary:
    market_as_of: str | None
    checked: int = 0
    changes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (old verdict, new verdict)

    def line(self) -> str:
        moved = ", ".join(f"{n} {old} -> {new}" for (old, new), n in self.changes.most_common())
        data = f"market data up to {self.market_as_of}" if self.market_as_of else "market data"
        return f"recheck with {data}: {self.checked} stored claims checked again, " \
               f"{sum(self.changes.values())} changed" + (f" ({moved})" if moved else "")


def market_as_of(market: MarketData) -> str | None:
    """The last day the market data covers: the later of the policy history's end and the S&P 500's last close."""
    from analyzer.errors import MarketDataError

    days: list[date] = []
    with suppress(MarketDataError, OSError, ValueError, KeyError):  # no policy history: prices alone date it
        days.append(market.policy.data_end)
    with suppress(MarketDataError):
        days.append(market.price_track(REFERENCE_SYMBOL).last_day)
    return max(days).isoformat() if days else None


def waits_for_data(item: StoredClaim, as_of: str | None) -> bool:
    """Whether a stored claim may get another verdict from market data that reaches ``as_of``."""
    verdict = item.verdict
    if item.claim.kind == "deal" or verdict.verdict not in RECHECKED_VERDICTS:
        return False
    if verdict.verdict == "unverifiable" and not any(words in verdict.explanation for words in WAITING_FOR_DATA):
        return False
    return as_of is None or item.market_as_of is None or item.market_as_of < as_of


def recheck_stored(store: Store, market: MarketData, console: Console | None = None) -> RecheckSummary:
    """Check again the stored claims that wait for data, record the changes; the store keeps ``as_of``."""
    from rich.progress import track

    from analyzer.check import check_claim
    from analyzer.check.guided import never_accused
    from analyzer.check.second_reader import read_again

    as_of = market_as_of(market)
    store.market_as_of = as_of
    summary = RecheckSummary(as_of)
    stored = store.stored_claims(verdict_in=RECHECKED_VERDICTS, exclude_kinds=("deal",), market_before=as_of)
    candidates = [c for c in stored if waits_for_data(c, as_of)]
    if not candidates:
        return summary
    articles = store.articles(c.claim.article_id for c in candidates)
    changes = []
    steps = track(candidates, description="rechecking stored claims", console=console, transient=True,
                  disable=console is None)
    for item in steps:
        first = check_claim(item.claim, market, articles)
        verdict = never_accused([item.claim], read_again([item.claim], [first]))[0]
        assert verdict is not None
        changes.append((item.row, verdict))
        if verdict.verdict != item.verdict.verdict:
            summary.changes[(item.verdict.verdict, verdict.verdict)] += 1
    summary.checked = len(changes)
    store.update_verdicts(changes, reason=f"checked again with market data up to {as_of}")
    return summary


def earlier_deal_reports(store: Store, claims: Sequence[Claim]) -> list[StoredClaim]:
    """Stored reports of the deals of ``claims``: those that tell of one of them by themselves (whose verdicts a
    new report can change), and the reports of those reports' deals (the context their verdicts are made from).

    A report is compared only with the reports of its own deal (``check.deals``), so reports further along a
    chain cannot change a verdict: reading them made a long run's batches slower as its store grew (sagas of a
    thousand bank deals in 2008). Candidates come from the store's index of party words, within the deal window.
    """
    first = _reports_of_the_same_deal(store, claims, exclude=set())
    second = _reports_of_the_same_deal(store, [s.claim for s in first], exclude={s.row for s in first})
    found = {s.row: s for s in (*first, *second)}
    return [found[row] for row in sorted(found)]


def _reports_of_the_same_deal(store: Store, claims: Sequence[Claim], exclude: set[int]) -> list[StoredClaim]:
    from analyzer.check.deals import party_key_words, reports_of_the_same_deal

    if not claims:
        return []
    words = {w for c in claims for w in party_key_words(c)}
    window = DealWindow(claims)
    pool = [s for s in store.deal_reports(words, exclude_rows=exclude, sessions=window.sessions())
            if window.near(s.claim)]
    return [pool[i] for i in reports_of_the_same_deal(claims, [s.claim for s in pool])]


class DealWindow:
    """The days within the deal window of at least one of some reports (all days if one has no session)."""

    def __init__(self, anchors: Sequence[Claim]) -> None:
        from analyzer.check.deals import DEAL_WINDOW_DAYS

        self.days = DEAL_WINDOW_DAYS
        self.open = any(not a.session for a in anchors)  # a report without a session is near every other
        self.ordinals = sorted({date.fromisoformat(a.session).toordinal() for a in anchors if a.session})

    def sessions(self) -> tuple[str, str] | None:
        """(first, last) session that can be near, for the store's query; None: any."""
        if self.open or not self.ordinals:
            return None
        return (date.fromordinal(self.ordinals[0] - self.days).isoformat(),
                date.fromordinal(self.ordinals[-1] + self.days).isoformat())

    def near(self, claim: Claim) -> bool:
        if self.open or not claim.session or not self.ordinals:
            return True
        day = date.fromisoformat(claim.session).toordinal()
        i = bisect_left(self.ordinals, day)  # the nearest anchors are on either side of the insertion point
        return any(abs(self.ordinals[j] - day) <= self.days for j in (i - 1, i) if 0 <= j < len(self.ordinals))


def with_stored_reports(process: Process, store: Store) -> Process:
    """The run's batch processing, its deal claims corroborated with the earlier reports in the store.

    The earlier reports' verdicts are updated (with history) to what all reports of the deal say now.
    """
    from analyzer.check.deals import corroborate_deals, reports_of_the_same_deal
    from analyzer.engine.core import Analysis

    def wrapped(batch: Sequence[Article]) -> list[CheckedClaim]:
        result = process(batch)
        # a copy that keeps the articles that failed: the run stores them unprocessed, to retry them
        checked = Analysis(result, getattr(result, "failures", ()))
        positions = [i for i, c in enumerate(checked) if c.claim.kind == "deal"]
        new_claims = [checked[i].claim for i in positions]
        earlier = earlier_deal_reports(store, new_claims) if new_claims else []
        if not earlier:
            return checked
        articles = store.articles({s.claim.article_id for s in earlier})
        articles.update((a.id, a) for a in batch)
        verdicts = corroborate_deals(new_claims, articles, earlier=[s.claim for s in earlier])
        for k, i in enumerate(positions):
            checked[i] = CheckedClaim(checked[i].claim, verdicts[k])
        # only the reports of the new reports' own deals get new verdicts (the others were read as their context),
        # and only where the verdict changed: rewriting a long saga's unchanged ones each batch was most of a run
        direct = set(reports_of_the_same_deal(new_claims, [s.claim for s in earlier]))
        updates = [(s.row, verdicts[len(new_claims) + j]) for j, s in enumerate(earlier)
                   if j in direct and verdicts[len(new_claims) + j] != s.verdict]
        store.update_verdicts(updates, reason="corroborated again: another report of the deal arrived")
        return checked

    return wrapped


@app.command("recheck")
def recheck(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    market: Annotated[Path | None, typer.Option(
        "--market", help="market data directory [$ANALYZER_MARKET_DIR]")] = None,
) -> None:
    """Check stored `pending` claims, and those `unverifiable` for lack of data, again with the market data now."""
    from rich.console import Console

    from analyzer.market import MarketData
    from analyzer.store import Store

    err = Console(stderr=True)
    market_data = MarketData.open(market)
    store = Store.open(db, create=False)
    try:
        summary = recheck_stored(store, market_data, err)
    finally:
        store.close()
    err.print(summary.line(), highlight=False, soft_wrap=True)
