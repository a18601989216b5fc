"""The accusation weigher's fitting objective (s30): a real error withdrawn costs four false alarms withdrawn, each
rule must withdraw at least three false alarms from two audits, and the injected catches may fall by at most one
point on an audit and half a point over all. Rows written here by hand (features only, no text)."""

from __future__ import annotations

from typing import Any

from analyzer.training import weigher_fit


def row(audit: str, label: str, flag: float, what: str = "verdict") -> dict[str, Any]:
    out = {"audit": audit, "articles": 100, "what": what, "label": label, "features": {"flag": flag, "other": 0.0}}
    if what == "injected":
        out["caught"] = True
    return out


def copies(audit: str, n: int, flagged: int) -> list[dict[str, Any]]:
    return [row(audit, "injected", float(i < flagged), "injected") for i in range(n)]


def test_four_false_alarms_pay_for_one_real_error() -> None:
    rows = ([row("a", "wrong_period", 1.0)] * 3 + [row("b", "wrong_period", 1.0)] * 2 + [row("a", "real_error", 1.0)]
            + copies("a", 400, 0) + copies("b", 400, 0))
    rules = weigher_fit.choose(weigher_fit.Table.of(rows), ["flag"], depth=1)
    assert [r["when"] for r in rules] == [[["flag", "==", 1.0]]]  # 5 false alarms for 1 real error: net 1


def test_too_few_false_alarms_per_real_error_is_not_admissible() -> None:
    rows = ([row("a", "wrong_period", 1.0)] * 2 + [row("b", "wrong_period", 1.0)] * 2 + [row("a", "real_error", 1.0)]
            + copies("a", 400, 0) + copies("b", 400, 0))
    assert weigher_fit.choose(weigher_fit.Table.of(rows), ["flag"], depth=1) == []


def test_a_rule_from_one_audit_alone_is_not_taken() -> None:
    rows = [row("a", "wrong_period", 1.0)] * 6 + [row("b", "reference", 0.0)] + copies("a", 400, 0)
    assert weigher_fit.choose(weigher_fit.Table.of(rows + copies("b", 400, 0)), ["flag"], depth=1) == []


def fit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return weigher_fit.choose(weigher_fit.Table.of(rows), ["flag"], 1)


def test_injected_catches_bound_each_audit_and_all_together() -> None:
    false = [row("a", "wrong_period", 1.0)] * 3 + [row("b", "wrong_period", 1.0)] * 3
    # 2 of 100 copies in one audit withdrawn: two points there
    assert fit(false + copies("a", 100, 2) + copies("b", 400, 0)) == []
    # one point in each audit, but over half a point over all of them
    assert fit(false + copies("a", 100, 1) + copies("b", 100, 1)) == []
    assert fit(false + copies("a", 200, 1) + copies("b", 200, 1))
