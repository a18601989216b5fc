"""The batch summary: counts by kind and verdict, outlets ranked, claims per day."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from analyzer.records import CLAIM_KINDS, VERDICTS, Article, CheckedClaim
from analyzer.report.plain import local_time, outlet_of


@dataclass
class OutletRow:
    outlet: str
    articles: int = 0
    claims: int = 0
    contradicted: int = 0

    @property
    def contradicted_share(self) -> float:
        return self.contradicted / self.claims if self.claims else 0.0


@dataclass
class BatchSummary:
    articles: int
    claims: int
    by_verdict: dict[str, int]
    # kind -> verdict -> count, kinds in contract order then any others seen
    by_kind: dict[str, dict[str, int]]
    outlets: list[OutletRow]
    per_day: dict[date, Counter[str]] = field(default_factory=dict)
    undated_claims: int = 0


def claim_day(item: CheckedClaim, article: Article | None) -> date | None:
    """The day a claim belongs to on the timeline: its article's local publication day, else its session."""
    local = local_time(article) if article is not None else None
    if local is not None:
        return local.date()
    if item.claim.session:
        try:
            return date.fromisoformat(item.claim.session[:10])
        except ValueError:
            return None
    return None


def summarize(checked: Sequence[CheckedClaim], articles: Mapping[str, Article]) -> BatchSummary:
    by_verdict = dict.fromkeys(VERDICTS, 0)
    kinds_seen = [k for k in CLAIM_KINDS] + sorted({c.claim.kind for c in checked} - set(CLAIM_KINDS))
    by_kind = {k: dict.fromkeys(VERDICTS, 0) for k in kinds_seen}
    outlets: dict[str, OutletRow] = {}
    per_day: dict[date, Counter[str]] = {}
    undated = 0

    for article in articles.values():
        _outlet_row(outlets, article).articles += 1
    for item in checked:
        verdict = item.verdict.verdict
        by_verdict[verdict] = by_verdict.get(verdict, 0) + 1
        by_kind[item.claim.kind][verdict] = by_kind[item.claim.kind].get(verdict, 0) + 1
        article = articles.get(item.claim.article_id)
        row = _outlet_row(outlets, article)
        row.claims += 1
        row.contradicted += verdict == "contradicted"
        day = claim_day(item, article)
        if day is None:
            undated += 1
        else:
            per_day.setdefault(day, Counter())[verdict] += 1

    by_kind = {k: v for k, v in by_kind.items() if sum(v.values())}
    ranked = sorted(outlets.values(), key=lambda r: (-r.contradicted, -r.contradicted_share, r.outlet))
    return BatchSummary(len(articles), len(checked), by_verdict, by_kind, ranked,
                        dict(sorted(per_day.items())), undated)


def _outlet_row(outlets: dict[str, OutletRow], article: Article | None) -> OutletRow:
    name = outlet_of(article)
    return outlets.setdefault(name, OutletRow(name))
