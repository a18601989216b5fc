"""A stat line's base told in a clause ('up 7% from six weeks ago (Dec. 31, 2024), when it closed at $467.66') in
a piece stamped during the session (issue 12, 'intraday or after-hours'): the close word is the base's, and the
price is where the span started, so the figure is read to a moment of the session, as a span with no close word
would be. Sentences written here; prices from ../shared/data/market at run time.

Facts used: Moody's (MCO, adjusted closes only, no intraday range) closed at 467.66 on 2024-12-31, 499.34 on
Wednesday 2025-02-12 and 521.12 on Thursday 2025-02-13 (+11.43% from 2024-12-31).
"""

from __future__ import annotations

from datetime import datetime

from analyzer.records import Article, CheckedClaim

THURSDAY_LATE_MORNING = "2025-02-13T11:30:00-05:00"
THURSDAY_EVENING = "2025-02-13T19:30:00-05:00"
STAT_LINE = "Moody's shares are set for a third day of gains. They are up {} from six weeks ago (Dec. 31, 2024), " \
    "when they closed at $467.66."


def _moodys_move(engine, text: str, published: str) -> CheckedClaim:  # type: ignore[no-untyped-def]
    article = Article(id=f"written-{abs(hash((text, published)))}", text=text,
                      published=datetime.fromisoformat(published))
    found = [c for c in engine.analyze([article]) if c.claim.instrument and c.claim.instrument.symbol == "MCO"
             and c.claim.kind == "stock_move" and c.claim.change_pct is not None]
    assert found, f"no Moody's move in {text!r}"
    return found[0]


def test_a_stat_line_from_a_dated_close_stamped_during_the_session(engine) -> None:  # type: ignore[no-untyped-def]
    # 8.5% from 467.66 is 507.41, inside the band Thursday's closes allow; to the closes of Wednesday and Thursday
    # it was +6.77% and +11.43%
    item = _moodys_move(engine, STAT_LINE.format("8.5%"), THURSDAY_LATE_MORNING)
    assert item.verdict.verdict == "unverifiable", item.verdict.explanation
    assert "stamped during the session" in item.verdict.explanation
    # control: 60% implies 748.26, far outside anything the session could have traded
    far = _moodys_move(engine, STAT_LINE.format("60%"), THURSDAY_LATE_MORNING)
    assert far.verdict.verdict == "contradicted", far.verdict.explanation
    # control: the same line stamped in the evening is about the close
    evening = _moodys_move(engine, STAT_LINE.format("8.5%"), THURSDAY_EVENING)
    assert evening.verdict.verdict == "contradicted", evening.verdict.explanation
