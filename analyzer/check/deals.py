"""Deal claims corroborated across every report of the deal.

The reports are the claims given (a batch) and, from ``analyzer run``, the earlier reports of the same
deals that the store holds (passed in as data: the check stage does not read the store); a run re-checks
those earlier reports with the new ones, so a verdict depends on the reports of the deal, never on how
the articles were batched. Reports whose days (``session``) lie more than ``DEAL_WINDOW_DAYS`` apart are
of different deals (the same airline ordering from the same maker again next year).

A deal's terms (who buys whom, for how much, how many of what) are not in the market data: what can
be checked is whether other reports in the batch tell the same deal with the same terms. Reports are
clustered by their parties after name normalisation ("Motorola Inc." and "Motorola" are one company):
two reports are of one deal when they share two parties, or when one names a single party and the
other names it in the same role. Within a cluster each report's stated figures (value, per-share
price, quantity, roles) are compared with the other articles' figures:

- ``supported``: at least one report from another article agrees on the terms this one states;
- ``contradicted``: more of the other reports disagree on a figure than agree with it (the figures
  and the other articles are named in the explanation and the evidence);
- ``unverifiable``: the only report of this deal in the batch;
- ``pending``: an expected deal no other report confirms yet;
- ``not_checkable``: a hypothetical or opinion, or a rumour no announcement in the batch confirms.

Reports from the same article, or with the same sentence text (a syndicated copy), do not
corroborate each other: they are one source.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from analyzer.records import Article, Claim, Evidence, Verdict

# deal types that may describe one transaction from different sides
TYPE_FAMILIES = {"acquisition": "buyout", "sale": "buyout", "investment": "buyout", "order": "order",
                 "merger": "merger", "partnership": "partnership"}
# the side a role stands on: an acquirer and a buyer are the same side of a deal
ROLE_SIDES = {"acquirer": "buy", "buyer": "buy", "investor": "buy", "target": "target", "seller": "sell",
              "partner": "partner"}
LOOSE_QUALIFIERS = re.compile(r"\b(about|around|roughly|approximately|nearly|almost|some|close to|more than|over|"
                              r"less than|under|up to|as much as|at least|just over|just under|well over)\b", re.I)
DEAL_WINDOW_DAYS = 30  # reports of one deal are written within this many days of each other
BASE_TOLERANCE = 0.01  # relative difference allowed between two exactly stated values
LOOSE_TOLERANCE = 0.10  # ... when either is qualified ("about $2.6 billion", "more than $12 billion")


def company_key(name: str | None) -> str:
    """'Motorola Inc.', 'Motorola' and 'MOTOROLA' compare equal."""
    text = (name or "").lower()
    text = re.sub(r"\b(inc|corp|corporation|co|company|ltd|limited|plc|llc|lp|sa|ag|nv|holdings?|group|the|"
                  r"cos)\b\.?", " ", text)
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", text).split())


def _same_company(a: str, b: str) -> bool:
    """'Essar' and 'Essar Global', 'Validus' and 'Validus Energy': a shorter form of the same name."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return long.startswith(short + " ") and len(short) >= 3


@dataclass(frozen=True)
class Report:
    """One deal claim with what corroboration needs, precomputed."""

    index: int
    claim: Claim

    @cached_property  # asked for every pair a cluster compares: computed once per report
    def sides(self) -> dict[str, str]:
        """party key -> side (buy|sell|target|partner)."""
        return {company_key(p.name): ROLE_SIDES.get(p.role or "", "party") for p in self.claim.parties if p.name}

    @property
    def family(self) -> str:
        return TYPE_FAMILIES.get(self.claim.deal_type or "", "other")


def _shared(a: Report, b: Report) -> list[tuple[str, str]]:
    """The parties two reports share, as (key in a, key in b)."""
    return [(ka, kb) for ka in a.sides for kb in b.sides if _same_company(ka, kb)]


def days_apart(a: Claim, b: Claim) -> int:
    """Days between two reports' sessions (0 when either has none)."""
    if not a.session or not b.session:
        return 0
    return abs((date.fromisoformat(a.session) - date.fromisoformat(b.session)).days)


def same_deal(a: Report, b: Report) -> bool:
    """Whether two deal reports tell of one transaction."""
    if a.family != b.family and not {a.family, b.family} <= {"buyout", "order"}:
        return False
    if days_apart(a.claim, b.claim) > DEAL_WINDOW_DAYS:
        return False
    shared = _shared(a, b)
    if len(shared) >= 2:
        return True
    if len(shared) == 1 and (len(a.sides) == 1 or len(b.sides) == 1):
        ka, kb = shared[0]
        return a.sides[ka] == b.sides[kb]
    return False


def clusters(reports: Sequence[Report]) -> list[list[Report]]:
    """Reports grouped by deal (union-find over ``same_deal``)."""
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(reports):
        if root(i) != root(j) and same_deal(reports[i], reports[j]):
            parent[root(j)] = root(i)
    groups: dict[int, list[Report]] = {}
    for i, report in enumerate(reports):
        groups.setdefault(root(i), []).append(report)
    return list(groups.values())


def _candidate_pairs(reports: Sequence[Report]) -> list[tuple[int, int]]:
    """The pairs (i < j) that share the first word of a party key, in order: ``same_deal`` needs a shared party,
    and two keys of one company (one a shorter form of the other) begin with the same word. Comparing only
    these pairs keeps a batch of a thousand reports from making half a million comparisons."""
    by_word: dict[str, list[int]] = {}
    for i, report in enumerate(reports):
        for word in {key.split()[0] for key in report.sides if key}:
            by_word.setdefault(word, []).append(i)
    pairs = {(a, b) for members in by_word.values() for k, a in enumerate(members) for b in members[k + 1:]}
    return sorted(pairs)


# ---- comparing the terms ------------------------------------------------------------------------

def _step(stated: str | None) -> float:
    """Half the last stated digit as a share of the number: '$3.3 billion' -> 0.05/3.3."""
    if not stated:
        return 0.0
    m = re.search(r"(\d[\d,]*)(?:\.(\d+))?", stated)
    if m is None:
        return 0.0
    number = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
    if number == 0:
        return 0.0
    decimals = len(m.group(2) or "")
    return 0.5 * 10 ** -decimals / number


def _tolerance(a: Claim, b: Claim, key: str) -> float:
    stated_a, stated_b = a.stated.get(key, ""), b.stated.get(key, "")
    loose = LOOSE_QUALIFIERS.search(stated_a) or LOOSE_QUALIFIERS.search(stated_b)
    return max(LOOSE_TOLERANCE if loose else BASE_TOLERANCE, _step(stated_a), _step(stated_b))


def _per_share(claim: Claim) -> tuple[float, float, str] | None:
    try:
        low = float(claim.stated["price_per_share_low"])
        high = float(claim.stated.get("price_per_share_high", low))
    except (KeyError, ValueError):
        return None
    return low, high, claim.stated.get("price_per_share_currency", "USD")


def _money_text(amount: float, currency: str) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size:
            return f"{amount / size:g} {word} {currency}"
    return f"{amount:,.2f} {currency}"


def compare_terms(claim: Claim, other: Claim) -> tuple[list[str], list[str]]:
    """(figures both state and agree on, figures both state that disagree), each described in words."""
    agree: list[str] = []
    disagree: list[str] = []
    if claim.value is not None and other.value is not None and claim.value.currency == other.value.currency:
        a, b = claim.value.amount, other.value.amount
        ours, theirs = _money_text(a, claim.value.currency), _money_text(b, other.value.currency)
        if math.isclose(a, b, rel_tol=_tolerance(claim, other, "value")):
            agree.append(f"value {theirs}")
        else:
            disagree.append(f"value {ours} vs {theirs}")
    ps_a, ps_b = _per_share(claim), _per_share(other)
    if ps_a is not None and ps_b is not None and ps_a[2] == ps_b[2]:
        slack = 0.005 * max(ps_a[1], ps_b[1])
        if ps_a[0] <= ps_b[1] + slack and ps_b[0] <= ps_a[1] + slack:
            agree.append(f"price per share {claim.stated.get('price_per_share')}")
        else:
            disagree.append(f"price per share {claim.stated.get('price_per_share')} vs "
                            f"{other.stated.get('price_per_share')}")
    if claim.quantity is not None and other.quantity is not None:
        if math.isclose(claim.quantity, other.quantity):
            agree.append(f"quantity {other.quantity:g}")
        else:
            disagree.append(f"quantity {claim.quantity:g} vs {other.quantity:g}")
    ours_sides = Report(0, claim).sides
    theirs_sides = Report(0, other).sides
    swapped = [(ka, kb) for ka in ours_sides for kb in theirs_sides if _same_company(ka, kb)
               and {ours_sides[ka], theirs_sides[kb]} in ({"buy", "target"}, {"buy", "sell"})]
    if swapped:
        names = ", ".join(ka for ka, _ in swapped)
        disagree.append(f"roles of {names}")
    elif len(_shared(Report(0, claim), Report(0, other))) >= 2:
        agree.append("parties and roles")
    return agree, disagree


# ---- verdicts --------------------------------------------------------------------------------------

def _source(claim: Claim, articles: Mapping[str, Article] | None) -> str:
    article = articles.get(claim.article_id) if articles else None
    outlet = article.source if article and article.source else None
    return f"{claim.article_id} ({outlet})" if outlet else claim.article_id


def _evidence(other: Claim, articles: Mapping[str, Article] | None, agree: list[str],
              disagree: list[str]) -> Evidence:
    article = articles.get(other.article_id) if articles else None
    figures: dict[str, Any] = {
        "article_id": other.article_id, "char_start": other.char_start, "char_end": other.char_end,
        "sentence": other.sentence, "deal_type": other.deal_type, "status": other.status,
        "parties": [{"name": p.name, "role": p.role} for p in other.parties],
        "value": {"amount": other.value.amount, "currency": other.value.currency} if other.value else None,
        "quantity": other.quantity, "item": other.item,
        "price_per_share": other.stated.get("price_per_share"),
        "agrees_on": agree, "disagrees_on": disagree,
    }
    return Evidence(series="deal_reports", source=(article.url or article.source) if article else other.article_id,
                    session=other.session, figures=figures)


def _deal_words(claim: Claim) -> str:
    names = " and ".join(p.name for p in claim.parties[:3]) or "unnamed parties"
    return f"the {claim.deal_type or 'deal'} involving {names}"


def verdict_for(report: Report, cluster: Sequence[Report], articles: Mapping[str, Article] | None) -> Verdict:
    claim = report.claim
    if claim.modality in ("hypothetical", "opinion"):
        return Verdict("not_checkable", f"a {claim.modality} deal, not a reported one: there are no terms to "
                       "corroborate.", [])
    others = _corroborating_reports(report, cluster)
    if not others:
        return _uncorroborated(claim)
    evidence: list[Evidence] = []
    agreed: dict[str, list[str]] = {}
    disputed: dict[str, list[tuple[str, str, Claim]]] = {}
    for other in others:
        agree, disagree = compare_terms(claim, other)
        evidence.append(_evidence(other, articles, agree, disagree))
        for item in agree:
            agreed.setdefault(item.split(" ")[0], []).append(other.article_id)
        for item in disagree:
            disputed.setdefault(item.split(" ")[0], []).append((item, _source(other, articles), other))
    contradicted = {figure: items for figure, items in disputed.items()
                    if len(items) > len(agreed.get(figure, []))}
    if contradicted:
        return _disputed(claim, contradicted, evidence)
    return _agreed(claim, others, agreed, articles, evidence)


def _corroborating_reports(report: Report, cluster: Sequence[Report]) -> list[Claim]:
    """The other reports of the deal that can confirm or refute this one: other articles, other sentences.

    Only reports that tell of the same deal as this one by themselves (``same_deal``): a cluster is joined
    through chains (Citigroup buying Nikko, then Citigroup and Egg), and a report at the far end of a chain
    is of another deal or months away, so its figures neither confirm nor refute this one's. The nearest in
    time come first, and at most ``MAX_REPORTS_COMPARED`` are compared (a saga of a hundred reports would
    otherwise give each a verdict citing all the others).
    """
    claim = report.claim
    own_deal = [o for o in cluster if o.index != report.index and o.claim.article_id != claim.article_id
                and o.claim.sentence.strip() != claim.sentence.strip() and same_deal(report, o)]
    others = [o.claim for o in sorted(own_deal, key=lambda o: days_apart(claim, o.claim))]
    if claim.status == "rumored":
        # a rumour is confirmed or refuted by an announcement, not by another outlet repeating it
        return [o for o in others if o.status in ("announced", "reported")][:MAX_REPORTS_COMPARED]
    # and an announcement is neither confirmed nor refuted by a rumour
    return [o for o in others if o.status != "rumored"
            and o.modality not in ("hypothetical", "opinion")][:MAX_REPORTS_COMPARED]


def _uncorroborated(claim: Claim) -> Verdict:
    if claim.status == "rumored":
        return Verdict("not_checkable", f"a rumour of {_deal_words(claim)}: no announcement or report of this "
                       "deal in the batch confirms or refutes it.", [])
    if claim.status == "expected":
        return Verdict("pending", f"an expected deal ({_deal_words(claim)}): no other report in the batch says "
                       "it happened yet.", [])
    return Verdict("unverifiable", f"no other report of {_deal_words(claim)} in the batch: its terms cannot be "
                   "corroborated.", [])


def _disputed(claim: Claim, contradicted: Mapping[str, list[tuple[str, str, Claim]]],
              evidence: list[Evidence]) -> Verdict:
    parts = [f"{desc} in {source}" for items in contradicted.values() for desc, source, _ in items]
    if not any(_a_consensus_against(figure, items) for figure, items in contradicted.items()):
        # one report against one, or reports that differ from this one and from each other (a first bid and a
        # raised one, a bridge loan or a cost-cut plan read as the price): which figure is right cannot be told,
        # so none is accused
        sources = {other.article_id for items in contradicted.values() for _, _, other in items}
        why = "one report against one cannot tell which is right" if len(sources) == 1 else \
            "no two independent reports agree on another figure, so which is right cannot be told"
        return Verdict("unverifiable", f"other reports of {_deal_words(claim)} differ (" + "; ".join(parts) +
                       f"), and none agrees: {why} (a value with or without debt, a first and a raised bid, "
                       "another deal between the same parties).", evidence)
    return Verdict("contradicted", f"other reports of {_deal_words(claim)} disagree: " + "; ".join(parts) + ".",
                   evidence)


def _a_consensus_against(figure: str, items: Sequence[tuple[str, str, Claim]]) -> bool:
    """Whether at least ``MIN_DISAGREEING`` of the disagreeing reports, from different articles, agree with each
    other on the ``figure`` (value, price, quantity, roles): a consensus on another figure, not a scatter."""
    others = [other for _, _, other in items]
    for i, first in enumerate(others):
        backing = {first.article_id}
        for second in others[i + 1:]:
            if second.article_id in backing:
                continue
            agree, _ = compare_terms(first, second)
            if any(term.split(" ")[0] == figure for term in agree) or (
                    figure == "roles" and "parties and roles" in agree):
                backing.add(second.article_id)
        if len(backing) >= MIN_DISAGREEING:
            return True
    return False


def _agreed(claim: Claim, others: Sequence[Claim], agreed: Mapping[str, list[str]],
            articles: Mapping[str, Article] | None, evidence: list[Evidence]) -> Verdict:
    sources = sorted({_source(o, articles) for o in others})
    terms = sorted(agreed)
    stated_terms = [t for t, present in (("value", claim.value is not None),
                                         ("price", "price_per_share" in claim.stated),
                                         ("quantity", claim.quantity is not None)) if present]
    unconfirmed = [t for t in stated_terms if t not in agreed]
    note = f"; not stated elsewhere: {', '.join(unconfirmed)}" if unconfirmed else ""
    what = ", ".join(terms) if terms else "the parties"
    return Verdict("supported", f"{len(others)} other report(s) of {_deal_words(claim)} agree on {what} "
                   f"({', '.join(sources)}){note}.", evidence)


# a deal's figure is called wrong only when at least this many other reports, from different articles, agree on
# another one
MIN_DISAGREEING = 2
# the other reports a deal claim is compared with, nearest in time first: enough to outvote a stray figure
MAX_REPORTS_COMPARED = 12


def _report_order(report: Report) -> tuple[str, int, int, str]:
    claim = report.claim
    return claim.article_id, claim.char_start, claim.char_end, claim.claim_id


def corroborate_deals(claims: Sequence[Claim], articles: Mapping[str, Article] | None = None,
                      earlier: Sequence[Claim] = ()) -> dict[int, Verdict]:
    """A verdict for every deal claim, keyed by its position in ``claims`` (other kinds are skipped).

    ``earlier``: reports stored before (``analyzer run`` passes those that may be of the same deals);
    they corroborate the new ones and get verdicts of their own, keyed ``len(claims) + i``. The verdicts
    depend on the set of reports only, not on their order or on which of them came as ``earlier``.
    """
    everything = [*claims, *earlier]
    # one order for every split of the same reports: evidence and explanations list them alike
    reports = sorted((Report(i, c) for i, c in enumerate(everything) if c.kind == "deal"), key=_report_order)
    verdicts: dict[int, Verdict] = {}
    for cluster in clusters(reports):
        for report in cluster:
            verdicts[report.index] = verdict_for(report, cluster, articles)
    return verdicts


def related_reports(claims: Sequence[Claim], candidates: Sequence[Claim]) -> list[int]:
    """Positions of the ``candidates`` that fall in one deal with one of ``claims`` (possibly through others)."""
    everything = [*claims, *candidates]
    reports = sorted((Report(i, c) for i, c in enumerate(everything) if c.kind == "deal"), key=_report_order)
    related: set[int] = set()
    for cluster in clusters(reports):
        indexes = {r.index for r in cluster}
        if any(i < len(claims) for i in indexes):
            related.update(i - len(claims) for i in indexes if i >= len(claims))
    return sorted(related)


def reports_of_the_same_deal(claims: Sequence[Claim], candidates: Sequence[Claim]) -> list[int]:
    """Positions of the ``candidates`` that tell of the same deal as one of ``claims`` by themselves (``same_deal``,
    no chain): the reports whose verdicts a new report can change."""
    mine = [Report(i, c) for i, c in enumerate(claims) if c.kind == "deal"]
    by_word: dict[str, list[Report]] = {}
    for report in mine:
        for word in {key.split()[0] for key in report.sides if key}:
            by_word.setdefault(word, []).append(report)
    found = []
    for i, claim in enumerate(candidates):
        other = Report(len(claims) + i, claim)
        near = {id(r): r for word in {key.split()[0] for key in other.sides if key} for r in by_word.get(word, ())}
        if any(same_deal(r, other) for r in near.values()):
            found.append(i)
    return found


def party_key_words(claim: Claim) -> set[str]:
    """The first word of each party's company key: every report of the same deal shares one of them."""
    return {key.split()[0] for key in (company_key(p.name) for p in claim.parties if p.name) if key}
