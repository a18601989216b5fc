"""Fit the accusation weigher (``analyzer.check.weighed``) on the studied audits, leave one audit out (s25).

Three steps, each a subcommand:

``features SHARED OUT.jsonl PKL...``: from the pickles of ``scripts/policy23_dump.py`` (one per studied audit: its
checked claims, the labels of its `contradicted` verdicts, its injected copies with their final verdicts), one row
per `contradicted` verdict (its label) and per injected copy (caught or not), with ``weighed.features`` computed as
the program computes them at the moment of accusing (the article's other claims and their final verdicts around it).

``fit ROWS.jsonl PARAMS.json``: the candidate rules are short conjunctions of feature thresholds; a rule set is
admissible if on the training folds it withdraws at least ``REAL_COST`` false alarms per labelled real error
withdrawn and costs at most ``MAX_CATCH_DROP`` of the injected catches on any audit (``MAX_TOTAL_DROP`` over all);
rules are added greedily by net gain (false alarms withdrawn less ``REAL_COST`` times real errors withdrawn), each
adding at least ``MIN_WITHDRAWN`` false alarms from ``MIN_AUDITS`` audits (s30; s25 admitted no real error at all).
Leave-one-audit-out: for
each studied audit the rules are chosen on the others and scored on it (false alarms per 100 articles, real errors
kept, injected caught); the final rules are chosen on all of them and written with the per-fold figures.

Never run over a held-out audit: the dump and this fit read only the studied directories named to them.
"""

from __future__ import annotations

import itertools
import json
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analyzer import audit
from analyzer.check.weighed import Context, doubt, features
from analyzer.market import MarketData

REPO = Path(__file__).resolve().parents[2]
MAX_CATCH_DROP = 0.01  # injected catch may drop at most one point on any audit
MAX_TOTAL_DROP = 0.005  # and at most half a point over all the training audits together
MIN_WITHDRAWN = 3  # a rule must withdraw at least this many false alarms on its training folds
MIN_AUDITS = 2  # from at least this many audits
SHIP_FALSE_SHARE = 0.20  # leave-one-audit-out must withdraw at least this share of the false alarms
SHIP_REAL_KEPT = 0.85  # and keep at least this share of the real errors
REAL_COST = 4  # a real error withdrawn costs as much as four false alarms withdrawn gain (s30: the guide's "a
# false alarm costs more than a miss", weighed against the held-out ratio of false alarms to real errors)


def _articles(data: dict[str, Any], shared: Path) -> dict[str, Any]:
    """The audit's articles: stored in the dump (``scripts/policy23_dump.py``, since s31), else read from the
    shared corpus."""
    if data.get("texts"):
        return dict(data["texts"])
    audit_dir = REPO / "corpora" / "audit" / data["audit"]
    return {a.id: a for a in audit.read_drawn(shared, audit.load_drawn(audit_dir), audit.audit_corpus(audit_dir))}


def _case_row(case: Any, checked: Sequence[Any], groups: dict[str, list[int]], articles: dict[str, Any],
              market: MarketData, base: dict[str, Any], figureless: bool) -> dict[str, Any]:
    """One injected copy's row: caught or not, with its features where it was caught."""
    caught = case.verdict == "contradicted"
    row = {**base, "what": "injected", "label": "injected", "mutation": case.mutation, "caught": caught,
           "kind": case.claim.kind, "figureless": figureless}
    if caught and case.index >= 0:
        group = groups[checked[case.index].claim.article_id]
        claims = [case.claim if j == case.index else checked[j].claim for j in group]
        verdicts = [case.final if j == case.index else checked[j].verdict for j in group]
        context = Context(claims, verdicts, articles.get(case.claim.article_id))
        row["features"] = features(case.claim, case.final, context, market)
    if figureless:
        row["sentence"] = case.claim.sentence
    return row


def _rows_of(data: dict[str, Any], shared: Path, market: MarketData) -> Iterable[dict[str, Any]]:
    articles = _articles(data, shared)
    checked = data["checked"]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(checked):
        groups[item.claim.article_id].append(i)
    accused = [i for i, item in enumerate(checked) if item.verdict.verdict == "contradicted"]
    base = {"audit": data["audit"], "articles": data["articles"]}
    for i, label, note in zip(accused, data["labels"], data["notes"], strict=True):
        item, group = checked[i], groups[checked[i].claim.article_id]
        context = Context([checked[j].claim for j in group], [checked[j].verdict for j in group],
                          articles.get(item.claim.article_id))
        yield {**base, "what": "verdict", "label": label or "unlabelled", "note": note, "kind": item.claim.kind,
               "sentence": item.claim.sentence, "features": features(item.claim, item.verdict, context, market)}
    for case in data["cases"]:
        yield _case_row(case, checked, groups, articles, market, base, False)
    # the figure-less copies (s31), made and checked here from the dump's claims and articles
    copies = audit.check_injected_in_articles(audit.figureless_cases(checked), checked, market, articles)
    for case in copies:
        yield _case_row(case, checked, groups, articles, market, base, True)


def dump_features(shared: Path, out: Path, pickles: Sequence[Path]) -> None:
    market = MarketData.open(shared / "market")
    with out.open("w", encoding="utf-8") as handle:
        for path in pickles:
            with path.open("rb") as source:
                data = pickle.load(source)
            for row in _rows_of(data, shared, market):
                handle.write(json.dumps(row, default=str) + "\n")


# ---- fitting ---------------------------------------------------------------------------------------------------


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


@dataclass
class Table:
    """The rows as arrays: each feature's values, and what each row is (real error, false alarm, caught copy)."""

    rows: list[dict[str, Any]]
    values: dict[str, np.ndarray]
    real: np.ndarray
    false: np.ndarray
    caught: np.ndarray
    audits: np.ndarray
    cases: dict[str, int]  # injected copies per audit (caught or not)
    caught_figureless: np.ndarray  # the figure-less copies caught (s31), bounded apart from the others
    cases_figureless: dict[str, int]

    @classmethod
    def of(cls, rows: Sequence[dict[str, Any]]) -> Table:
        kept = [r for r in rows if "features" in r]
        names = sorted({n for r in kept for n in r["features"]})
        return cls(kept, {n: np.array([r["features"].get(n, -1.0) for r in kept]) for n in names},
                   np.array([r["label"] == "real_error" for r in kept]),
                   np.array([r["what"] == "verdict" and r["label"] not in ("real_error", "unlabelled") for r in kept]),
                   np.array([_copy(r, False) for r in kept]), np.array([r["audit"] for r in kept]),
                   dict(Counter(r["audit"] for r in rows if _copy(r, False))),
                   np.array([_copy(r, True) for r in kept]), dict(Counter(r["audit"] for r in rows if _copy(r, True))))

    def subset(self, keep: np.ndarray) -> Table:
        rows = [r for r, k in zip(self.rows, keep, strict=True) if k]
        audits = set(self.audits[keep])
        return Table(rows, {n: v[keep] for n, v in self.values.items()}, self.real[keep], self.false[keep],
                     self.caught[keep], self.audits[keep], {a: n for a, n in self.cases.items() if a in audits},
                     self.caught_figureless[keep],
                     {a: n for a, n in self.cases_figureless.items() if a in audits})

    def mask(self, condition: Sequence[Any]) -> np.ndarray:
        name, op, limit = condition
        value = self.values[name]
        return value <= limit if op == "<=" else value >= limit if op == ">=" else value == limit

    def gain(self, withdrawn: np.ndarray) -> int:
        """The net gain of withdrawing ``withdrawn`` (false alarms withdrawn less ``REAL_COST`` times the real
        errors withdrawn), or -1 when the set is not admissible: fewer than ``REAL_COST`` false alarms per real
        error withdrawn, an audit losing more than ``MAX_CATCH_DROP`` of its injected catches, or all of them more
        than ``MAX_TOTAL_DROP``."""
        false, real = int((withdrawn & self.false).sum()), int((withdrawn & self.real).sum())
        if false < REAL_COST * real:
            return -1
        if not self.within(withdrawn & self.caught, self.cases) or \
                not self.within(withdrawn & self.caught_figureless, self.cases_figureless):
            return -1
        return false - REAL_COST * real

    def within(self, lost: np.ndarray, cases: dict[str, int]) -> bool:
        """Whether the catches ``lost`` stay within the bounds: ``MAX_CATCH_DROP`` of any audit's copies,
        ``MAX_TOTAL_DROP`` of all (the old copies and the figure-less ones each bounded on their own)."""
        if lost.sum() > MAX_TOTAL_DROP * sum(cases.values()):
            return False
        return all((lost & (self.audits == name)).sum() <= MAX_CATCH_DROP * n for name, n in cases.items())

    def spread(self, withdrawn: np.ndarray) -> tuple[int, int]:
        """False alarms in ``withdrawn`` and the number of audits they come from."""
        hit = withdrawn & self.false
        return int(hit.sum()), len(set(self.audits[hit].tolist()))


def conditions(table: Table, names: Sequence[str]) -> list[list[Any]]:
    """Every one-feature condition worth trying: ``== value`` for a flag, ``<=``/``>=`` at each seen value."""
    out: list[list[Any]] = []
    for name in names:
        seen = sorted(set(table.values[name].tolist()))
        if set(seen) <= {-1.0, 0.0, 1.0}:
            out += [[name, "==", v] for v in seen]
        else:
            # the cuts: the values the accusations themselves take (the copies crowd at a few values)
            seen = sorted(set(table.values[name][table.false | table.real].tolist()))
            cuts = seen if len(seen) <= 16 else sorted({seen[int(k * (len(seen) - 1) / 15)] for k in range(16)})
            out += [[name, op, v] for v in cuts for op in ("<=", ">=")]
    return out


def _pool(table: Table, names: Sequence[str]) -> list[tuple[list[Any], np.ndarray]]:
    """The conditions that alone reach ``MIN_WITHDRAWN`` false alarms in ``MIN_AUDITS`` audits (a conjunction
    withdraws no more than any of its parts), one per distinct mask."""
    pool, seen = [], set()
    for condition in conditions(table, names):
        mask = table.mask(condition)
        false, audits = table.spread(mask)
        key = mask.tobytes()
        if false >= MIN_WITHDRAWN and audits >= MIN_AUDITS and key not in seen:
            seen.add(key)
            pool.append((condition, mask))
    return pool


def _candidates(pool: Sequence[tuple[list[Any], np.ndarray]], depth: int) -> Iterable[tuple[list[Any], np.ndarray]]:
    for size in range(1, depth + 1):
        for combo in itertools.combinations(pool, size):
            if len({c[0][0] for c in combo}) == size:
                yield [list(c) for c, _ in combo], np.logical_and.reduce([m for _, m in combo])


def choose(table: Table, names: Sequence[str], depth: int = 2, most: int = 4) -> list[dict[str, Any]]:
    """Greedy: the admissible conjunction (up to ``depth`` conditions) with the largest net gain beyond the rules
    already chosen, each rule adding at least ``MIN_WITHDRAWN`` false alarms from ``MIN_AUDITS`` audits; then the
    next, up to ``most`` rules; all of them together stay admissible."""
    pool = _pool(table, names)
    chosen: list[dict[str, Any]] = []
    union = np.zeros(len(table.rows), dtype=bool)
    for _ in range(most):
        best, best_gain, best_mask = None, max(0, table.gain(union)), None
        for when, mask in _candidates(pool, depth):
            false, audits = table.spread(mask & ~union)
            if false < MIN_WITHDRAWN or audits < MIN_AUDITS:
                continue
            gain = table.gain(union | mask)
            if gain > best_gain:
                best, best_gain, best_mask = when, gain, mask
        if best is None or best_mask is None:
            break
        chosen.append({"when": best, "why": ""})
        union |= best_mask
    return chosen


def _copy(row: dict[str, Any], figureless: bool) -> bool:
    """Whether ``row`` is an injected copy of that set (the figure-less ones of s31, or the others)."""
    return row["what"] == "injected" and bool(row.get("figureless")) == figureless


def _caught(rows: Sequence[dict[str, Any]], gone: set[int], figureless: bool) -> list[int]:
    """Copies of the set, those caught, and those still caught once ``gone`` is withdrawn."""
    copies = [r for r in rows if _copy(r, figureless)]
    caught = [r for r in copies if r["caught"]]
    return [len(copies), len(caught), sum(id(r) not in gone for r in caught)]


def _audit_score(rows: Sequence[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
    gone = {id(r) for r in rows if "features" in r and doubt(r["features"], params) is not None}
    verdicts = [r for r in rows if r["what"] == "verdict"]
    false = [r for r in verdicts if r["label"] not in ("real_error", "unlabelled")]
    real = [r for r in verdicts if r["label"] == "real_error"]
    return {
        "articles": rows[0]["articles"],
        "false": [len(false), sum(id(r) not in gone for r in false)],
        "real": [len(real), sum(id(r) not in gone for r in real)],
        "unlabelled": [sum(r["label"] == "unlabelled" for r in verdicts),
                       sum(r["label"] == "unlabelled" and id(r) not in gone for r in verdicts)],
        "injected": _caught(rows, gone, False),
        "figureless": _caught(rows, gone, True),
    }


def score(params: dict[str, Any], rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Per audit: articles, false alarms before/after, real errors before/after, unlabelled before/after, injected
    copies and those caught before/after."""
    return {name: _audit_score([r for r in rows if r["audit"] == name], params)
            for name in sorted({r["audit"] for r in rows})}


def table_lines(scores: dict[str, Any]) -> list[str]:
    """One line per audit: false alarms per 100 before -> after, real errors kept, injected caught before -> after."""
    lines = []
    for name, s in scores.items():
        n, (inj, before, after) = s["articles"], s["injected"]
        fl, fl_before, fl_after = s.get("figureless", [0, 0, 0])
        lines.append(f"{name:32s} false {s['false'][0]:3d}->{s['false'][1]:3d} ({100 * s['false'][0] / n:.2f}->"
                     f"{100 * s['false'][1] / n:.2f}/100)  real {s['real'][0]}->{s['real'][1]}  unlabelled "
                     f"{s['unlabelled'][0]}->{s['unlabelled'][1]}  injected {before}/{inj}->{after}/{inj} "
                     f"({before / max(1, inj):.3f}->{after / max(1, inj):.3f})  figure-less "
                     f"{fl_before}/{fl}->{fl_after}/{fl}")
    return lines


def cross_validate(rows: Sequence[dict[str, Any]], names: Sequence[str], depth: int) -> dict[str, Any]:
    table = Table.of(rows)
    folds = {}
    for held in sorted({r["audit"] for r in rows}):
        rules = choose(table.subset(table.audits != held), names, depth)
        folds[held] = {"rules": rules, **score({"rules": rules}, [r for r in rows if r["audit"] == held])[held]}
    return folds


def summary(folds: dict[str, Any]) -> list[str]:
    """The folds summed, and whether they meet the bar to ship (s30): at least ``SHIP_FALSE_SHARE`` of the false
    alarms withdrawn, at least ``SHIP_REAL_KEPT`` of the real errors kept, injected catches within the bounds."""
    keys = ("false", "real", "injected", "figureless")
    total = {k: np.sum([f.get(k, [0, 0, 0]) for f in folds.values()], axis=0).tolist() for k in keys}
    articles = sum(f["articles"] for f in folds.values())
    (false, false_after), (real, real_after) = total["false"], total["real"]
    withdrawn = (false - false_after) / max(1, false)
    ships = withdrawn >= SHIP_FALSE_SHARE and real_after >= SHIP_REAL_KEPT * real
    lines = [f"all folds: {articles} articles, false alarms {false} -> {false_after} ({withdrawn:.1%} withdrawn; "
             f"{100 * false / articles:.2f} -> {100 * false_after / articles:.2f} per 100), real errors kept "
             f"{real_after}/{real}"]
    for key in ("injected", "figureless"):
        cases, caught, caught_after = total[key]
        worst = min((f.get(key, [0, 0, 0])[2] - f.get(key, [0, 0, 0])[1]) / max(1, f.get(key, [0, 0, 0])[0])
                    for f in folds.values())
        overall = (caught_after - caught) / max(1, cases)
        ships = ships and worst >= -MAX_CATCH_DROP and overall >= -MAX_TOTAL_DROP
        lines.append(f"{key}: {caught} -> {caught_after} of {cases} (worst fold {worst:+.3f}, overall {overall:+.4f})")
    return [*lines, f"meets the bar to ship: {ships}"]


def main() -> None:
    if sys.argv[1] == "features":
        dump_features(Path(sys.argv[2]), Path(sys.argv[3]), [Path(p) for p in sys.argv[4:]])
        return
    rows = load_rows(Path(sys.argv[2]))
    every = sorted(next(r for r in rows if "features" in r)["features"])
    names = sys.argv[4].split(",") if len(sys.argv) > 4 else every
    depth = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    folds = cross_validate(rows, names, depth)
    final = choose(Table.of(rows), names, depth)
    result = {"features": names, "depth": depth, "rules": final, "folds": folds,
              "all": score({"rules": final}, rows)}
    Path(sys.argv[3]).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("held-out folds (rules chosen on the other audits):")
    for name, fold in folds.items():
        print(table_lines({name: fold})[0], json.dumps([r["when"] for r in fold["rules"]]))
    print(*summary(folds), sep="\n")
    print("all audits, final rules:", json.dumps([r["when"] for r in final]))
    print("\n".join(table_lines(result["all"])))

if __name__ == "__main__":
    main()
