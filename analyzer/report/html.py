"""The HTML report: one self-contained file with the batch summary, annotated articles and a table.

Rendered with Jinja2 (autoescaping on: every text from a feed is escaped); the script and the
stylesheet are inlined, and the data the script needs is embedded as script-safe JSON, so the
file opens anywhere without a network.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from analyzer.errors import InputError
from analyzer.records import VERDICTS, Article, CheckedClaim
from analyzer.report import charts, plain
from analyzer.report.payload import chart_spec, chart_target, claim_entry, script_json
from analyzer.report.spans import Placement, Segment, articles_for, place_claim, segment_text
from analyzer.report.summary import summarize

VERDICT_ICONS = {"supported": "✓", "contradicted": "✗", "unverifiable": "?", "pending": "…",
                 "not_checkable": "–"}
VERDICT_HELP = {
    "supported": "the market data agrees with the claim",
    "contradicted": "the market data disagrees with the claim",
    "unverifiable": "no data could settle the claim",
    "pending": "the claim is about something that had not happened when the data ends",
    "not_checkable": "an opinion or hypothetical: not a fact that data can check",
}
# batches up to this many articles open every article at load; larger ones open on demand
OPEN_ARTICLES_UP_TO = 20


@dataclass
class ArticleView:
    index: int
    article: Article
    segments: list[Segment]
    reconstructed: bool
    claims: int
    verdicts: dict[str, int]
    unplaced: list[dict[str, str]] = field(default_factory=list)
    kind_list: list[str] = field(default_factory=list)

    @property
    def safe_url(self) -> str | None:
        """The article URL when it is a web address; a ``javascript:`` or other URL is shown as text."""
        url = self.article.url
        if not url:
            return None
        try:
            scheme = urlsplit(url.strip()).scheme.lower()
        except ValueError:
            return None
        return url.strip() if scheme in ("http", "https") else None

    @property
    def title(self) -> str:
        return plain.title_of(self.article)

    @property
    def outlet(self) -> str:
        return plain.outlet_of(self.article)

    @property
    def published(self) -> str:
        """The publication time where it was published ("Tue 26 Aug 2025, 20:00 EDT"), else as the source wrote it."""
        local = plain.local_time(self.article)
        return plain.time_words(local) if local is not None else (self.article.published_raw or "")

    @property
    def day(self) -> str:
        """The local publication day (ISO), for the date filter; "" when undated."""
        local = plain.local_time(self.article)
        return local.date().isoformat() if local is not None else ""

    @property
    def kinds(self) -> str:
        return " ".join(self.kind_list)

    @property
    def order(self) -> tuple[int, float]:
        """Most contradicted first, then the newest; undated articles last among equals."""
        published = self.article.published
        return -self.verdicts.get("contradicted", 0), -(published.timestamp() if published else float("-inf"))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("analyzer.report", "templates"),
        autoescape=True,  # every template, whatever its name: feed text is never trusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return resources.files("analyzer.report").joinpath("templates", name).read_text(encoding="utf-8")


def _unique_ids(checked: Sequence[CheckedClaim]) -> list[str]:
    """Claim ids, made unique within the batch (two records may describe the same claim)."""
    seen: dict[str, int] = {}
    ids = []
    for item in checked:
        base = item.claim.claim_id
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def build_context(checked: Sequence[CheckedClaim], articles: Mapping[str, Article],
                  market: Any = None, title: str = "Fact-check report",
                  history: Mapping[tuple[str, str], Sequence[Any]] | None = None) -> dict[str, Any]:
    _check_verdicts(checked)
    ordered, reconstructed = articles_for(checked, articles)
    by_id = {a.id: a for a in ordered}
    index_of = {a.id: i for i, a in enumerate(ordered)}
    ids = _unique_ids(checked)
    verdict_of = {cid: item.verdict.verdict for cid, item in zip(ids, checked, strict=True)}
    placement_of = [_placement(cid, item, by_id) for cid, item in zip(ids, checked, strict=True)]
    placements: dict[str, list[Placement]] = {a.id: [] for a in ordered}
    for item, placed in zip(checked, placement_of, strict=True):
        if placed is not None:
            placements[item.claim.article_id].append(placed)

    targets = {cid: t for cid, item in zip(ids, checked, strict=True) if (t := chart_target(item))}
    windows = charts.price_windows(targets, market) if market is not None and targets else charts.PriceWindows()
    entries, unplaced = _claim_entries(checked, ids, placement_of, targets, windows, index_of, history)

    counts_of, kinds_of = _verdict_counts_and_kinds(checked, ordered)
    views = sorted((ArticleView(index_of[article.id], article,
                                segment_text(article.text, placements[article.id], verdict_of),
                                article.id in reconstructed, sum(counts_of[article.id].values()),
                                counts_of[article.id], unplaced.get(article.id, []), kinds_of[article.id])
                    for article in ordered), key=lambda view: view.order)

    summary = summarize(checked, by_id)
    timeline, timeline_unit = charts.timeline_svg(summary.per_day, VERDICTS)
    data = {
        "claims": entries,
        "articles": [{"id": v.article.id, "title": v.title, "outlet": v.outlet, "day": v.day, "time": v.published}
                     for v in sorted(views, key=lambda v: v.index)],
        "series": windows.series,
        "missing": windows.missing,
        "market": market is not None,
        "verdicts": {v: {"icon": VERDICT_ICONS[v], "colour": charts.VERDICT_COLOURS[v]} for v in VERDICTS},
    }
    return {
        "title": title,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "summary": summary,
        "verdicts": VERDICTS,
        "icons": VERDICT_ICONS,
        "verdict_help": VERDICT_HELP,
        "colours": charts.VERDICT_COLOURS,
        "articles": views,
        "outlets": sorted({v.outlet for v in views}, key=str.lower),
        "days": sorted(v.day for v in views if v.day),
        "reconstructed": len(reconstructed),
        "open_all": len(ordered) <= OPEN_ARTICLES_UP_TO,
        "kinds_svg": charts.kind_verdict_svg(summary.by_kind, VERDICTS),
        "timeline_svg": timeline,
        "timeline_unit": timeline_unit,
        "market": market is not None,
        "missing_market": windows.missing,
        "css": _asset("report.css"),
        "js": _asset("report.js"),
        "data_json": script_json(data),
    }


def _check_verdicts(checked: Sequence[CheckedClaim]) -> None:
    for item in checked:
        if item.verdict.verdict not in VERDICTS:
            raise InputError(f"claim {item.claim.claim_id} of article {item.claim.article_id}: unknown "
                             f"verdict {item.verdict.verdict!r} (expected one of {', '.join(VERDICTS)})")


def _placement(cid: str, item: CheckedClaim, by_id: Mapping[str, Article]) -> Placement | None:
    """Where a claim sits in its article's text (under its report-wide unique id), if it can be found."""
    placed = place_claim(item.claim, by_id[item.claim.article_id].text)
    if placed is None:
        return None
    return Placement(cid, placed.sentence_start, placed.sentence_end, placed.span_start, placed.span_end)


def _claim_entries(checked: Sequence[CheckedClaim], ids: Sequence[str], placement_of: Sequence[Placement | None],
                   targets: Mapping[str, Any], windows: Any, index_of: Mapping[str, int],
                   history: Mapping[tuple[str, str], Sequence[Any]] | None,
                   ) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, str]]]]:
    """The table's claim entries, and per article the claims whose sentence could not be placed in its text."""
    entries = []
    unplaced: dict[str, list[dict[str, str]]] = {}
    for cid, item, placed in zip(ids, checked, placement_of, strict=True):
        target = targets.get(cid)
        spec = chart_spec(item, target, windows.keys.get(cid)) if target else None
        entry = claim_entry(item, index_of[item.claim.article_id], placed, spec)
        past = (history or {}).get((item.claim.article_id, item.claim.claim_id), [])
        if len(past) > 1:  # checked again (recheck, a later report of the same deal): how the verdict went
            entry["hist"] = [plain.history_entry_text(e) for e in past]
        entry["id"] = cid
        entries.append(entry)
        if placed is None:
            unplaced.setdefault(item.claim.article_id, []).append(
                {"id": cid, "verdict": item.verdict.verdict, "sentence": item.claim.sentence})
    return entries, unplaced


def _verdict_counts_and_kinds(checked: Sequence[CheckedClaim], ordered: Sequence[Article],
                              ) -> tuple[dict[str, dict[str, int]], dict[str, list[str]]]:
    """Per article: how many claims got each verdict, and the claim kinds in order of first appearance."""
    counts_of: dict[str, dict[str, int]] = {a.id: {} for a in ordered}
    kinds_of: dict[str, list[str]] = {a.id: [] for a in ordered}
    for item in checked:
        counts = counts_of[item.claim.article_id]
        counts[item.verdict.verdict] = counts.get(item.verdict.verdict, 0) + 1
        if item.claim.kind not in kinds_of[item.claim.article_id]:
            kinds_of[item.claim.article_id].append(item.claim.kind)
    return counts_of, kinds_of


def render_report(checked: Sequence[CheckedClaim], articles: Mapping[str, Article],
                  market: Any = None, title: str = "Fact-check report",
                  history: Mapping[tuple[str, str], Sequence[Any]] | None = None) -> str:
    """The report for a batch as one self-contained HTML document.

    ``articles`` maps article ids to articles; claims of articles not given are shown in an
    article reconstructed from their sentences, and the report says so. ``market`` (a
    ``MarketData``) supplies the price charts; without it the report has none. ``history``
    (``frame.group_history(store.verdict_history())``) shows how stored verdicts changed.
    """
    context = build_context(checked, articles, market, title, history)
    return _environment().get_template("report.html.j2").render(**context)


def write_report(path: str | Path, checked: Sequence[CheckedClaim], articles: Mapping[str, Article],
                 market: Any = None, history: Mapping[tuple[str, str], Sequence[Any]] | None = None) -> Path:
    """Render the report and write it to ``path`` (the ``--report`` option of check and run)."""
    path = Path(path)
    html = render_report(checked, articles, market, history=history)
    try:
        path.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write the report ({exc.strerror or exc})") from exc
    return path
