"""A figure from during the session is judged against the session's range, and an index's level told with its move
from the previous close gives that move itself: 'up 4.22 points, or 1.50 percent, at 856.28' from a close of 852.06
is wrong at any moment of the session (856.28 is +0.50%), though 864.84 lies in the range too. Injected errors
(issue 12) keep the sentence's other figures as written, as a writer's one wrong figure would leave them.
Sentences we wrote, through the real pipeline and real prices."""

from __future__ import annotations

from written import checked, written_article

from analyzer import audit, evaluate

# 2009-04-16 (Thursday): the S&P 500 closed 852.06 the day before and traded 847.04-870.35
S_AND_P = "In afternoon trading the S&P 500 Index was at 856.28, up 4.22 points, or {pct} percent."
# 2008-02-26 (Tuesday): the Dow closed 12,570.22 the day before and traded 12,512.41-12,734.18
DOW = "During afternoon trading the Dow industrials were up {pct} percent, or about 108 points."


def _index_moves(nlp, market, text: str, published: str):  # type: ignore[no-untyped-def]
    found = [item for item in checked(nlp, market, text, published) if item.claim.kind == "index_move"]
    assert found, text
    return found


def test_a_percent_the_level_does_not_give_is_contradicted(nlp, market) -> None:  # type: ignore[no-untyped-def]
    [right] = _index_moves(nlp, market, S_AND_P.format(pct="0.50"), "2009-04-16T13:30:00")
    assert right.claim.period == "intraday" and right.verdict.verdict == "supported", right.verdict
    [wrong] = _index_moves(nlp, market, S_AND_P.format(pct="1.50"), "2009-04-16T13:30:00")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict
    assert "856.28 is a move of +4.22 points (+0.50%)" in wrong.verdict.explanation


def test_a_percent_the_points_do_not_give_is_contradicted(nlp, market) -> None:  # type: ignore[no-untyped-def]
    [right] = _index_moves(nlp, market, DOW.format(pct="0.86"), "2008-02-26T13:30:00")
    assert right.verdict.verdict == "supported", right.verdict  # about 108 points: 0.86% of 12,570.22 is 108.1
    [wrong] = _index_moves(nlp, market, DOW.format(pct="1.86"), "2008-02-26T13:30:00")
    assert wrong.verdict.verdict == "contradicted", wrong.verdict


def test_injected_copies_keep_the_sentences_other_figures(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = S_AND_P.format(pct="0.50")
    [item] = _index_moves(nlp, market, text, "2009-04-16T13:30:00")
    article = {item.claim.article_id: written_article(text, "2009-04-16T13:30:00")}
    number = evaluate.mutate(item.claim, "number")
    assert number is not None and number.change_pct == 1.5 and "1.50 percent" in number.sentence
    assert (number.change_points, number.level) == (4.22, 856.28)
    assert number.stated == {"change_points": "4.22", "level": "856.28", "change_pct": "1.50"}
    direction = evaluate.mutate(item.claim, "direction")
    assert direction is not None and direction.direction == "down" and direction.level == 856.28
    cases = [audit.InjectedCase(number, "number", index=0), audit.InjectedCase(direction, "direction", index=0)]
    audit.check_injected_in_articles(cases, [item], market, article)
    assert [c.verdict for c in cases] == ["contradicted", "contradicted"], [c.final for c in cases]
