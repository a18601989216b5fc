"""The accusation weigher's fit with the figure-less injected copies (s31): they are bounded on their own, as the
older copies are (one point per audit, half a point over all), so a rule on figure-less accusations is priced in
catches of figure-less errors. Rows written here by hand (features only, no text)."""

from __future__ import annotations

from typing import Any

from analyzer.training import weigher_fit


def row(audit: str, label: str, flag: float, what: str = "verdict", figureless: bool = False) -> dict[str, Any]:
    out = {"audit": audit, "articles": 100, "what": what, "label": label, "features": {"flag": flag},
           "figureless": figureless}
    if what == "injected":
        out["caught"] = True
    return out


def copies(audit: str, n: int, flagged: int, figureless: bool) -> list[dict[str, Any]]:
    return [row(audit, "injected", float(i < flagged), "injected", figureless) for i in range(n)]


def fit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return weigher_fit.choose(weigher_fit.Table.of(rows), ["flag"], 1)


FALSE = [row("a", "wrong_period", 1.0)] * 3 + [row("b", "wrong_period", 1.0)] * 3
OLD = copies("a", 400, 0, False) + copies("b", 400, 0, False)


def test_figureless_copies_bound_a_rule_on_their_own() -> None:
    # the older copies untouched, but 2 of 50 figure-less copies withdrawn in one audit: four points there
    assert fit(FALSE + OLD + copies("a", 50, 2, True) + copies("b", 50, 0, True)) == []
    # none of them withdrawn: the rule stands
    assert fit(FALSE + OLD + copies("a", 50, 0, True) + copies("b", 50, 0, True))


def test_the_score_counts_figureless_copies_apart() -> None:
    rows = FALSE + OLD + copies("a", 50, 2, True) + copies("b", 50, 0, True)
    scores = weigher_fit.score({"rules": [{"when": [["flag", "==", 1.0]], "why": "x"}]}, rows)
    assert scores["a"]["injected"] == [400, 400, 400] and scores["a"]["figureless"] == [50, 50, 48]
    assert scores["a"]["false"] == [3, 0]
