"""'Its biggest one-day drop since becoming an independent company in 2000': a best/worst 'since' that names an
event (a listing, a spin-off, a crash day), not an earlier move of the same size.

The usual reading of 'its worst day since 2003' is that the last day as bad fell in 2003; ``moves.py`` checks
that. Where the 'since' names an event, a careful reader also takes the words literally: no day as bad (or as
good) since the event. Where the last such day came before the named time, that reading holds; which reading is
meant cannot be told, so the accusation is withdrawn (`unverifiable`), never turned into support.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from analyzer.records import Claim, Verdict

# "since becoming an independent company", "since going public", "since its 2004 listing", "since the day of the
# 1987 market crash": the time of an event, not of an earlier move
SINCE_EVENT_RE = re.compile(r"\bsince\s+(?:becoming|going\s+public|being\s+(?:spun|listed|floated)|listing|"
                            r"(?:its|their|the\s+company's)\s+(?:[\w-]+\s+){0,2}(?:spin-?off|listing|IPO|"
                            r"initial\s+public\s+offering|debut|flotation|separation|split)|the\s+day\s+of)\b", re.I)


def literal_since_event(claim: Claim, verdict: Verdict, window: tuple[date, date] | None) -> Verdict | None:
    """`unverifiable` for a contradicted best/worst-since claim whose 'since' names an event and whose last
    equal move came before the named time (or never, in the data); None otherwise."""
    if verdict.verdict != "contradicted" or window is None or not verdict.evidence or \
            SINCE_EVENT_RE.search(claim.sentence) is None:
        return None
    figures = verdict.evidence[0].figures or {}
    if "since" not in figures:
        return None
    since = figures["since"]
    moved = figures.get("change_pct", figures.get("change"))
    if moved is None or (claim.relation == "worst_since") != (float(moved) < 0):
        return None  # a move of the other sign is no 'worst' (or 'best') under any reading
    if since is not None and date.fromisoformat(str(since)) >= window[0]:
        return None
    return Verdict("unverifiable", f"{verdict.explanation} Not called an error: the 'since' names an event, not a "
                   "move, and read literally (no day as large since the event) the claim holds; which reading is "
                   "meant cannot be told.", verdict.evidence,
                   readings=[*verdict.readings, "the 'since' read literally, as an event"])


# how far the named day's own move as the article gives it may lie from the data's for the two to be the same day's
# move told by two sources (CBOE's and the vendor's closes of a half-day session differ by about a point)
NAMED_DAY_FIGURE_POINTS = 1.5
NAMED_DAY_FIGURE_SHARE = 0.1


def named_days_own_figure(claim: Claim, verdict: Verdict, window: tuple[date, date] | None,
                          named_day_move: Callable[[date], float | None]) -> Verdict | None:
    """'its largest daily percentage gain since December 1, when it rose 23.96 percent': the article gives the
    named day's own move, and by it the claim holds (the day's move is no larger); where the data's move for that day
    is the stated one within a source's difference and only that difference makes the day's move the larger, the
    accusation is withdrawn (`unverifiable`): the sources disagree about the named day, not about today. None
    otherwise (a figure far from the data's, or one smaller than today's move, stays accused)."""
    if verdict.verdict != "contradicted" or window is None or window[0] != window[1] or claim.change_pct is None \
            or not verdict.evidence:
        return None
    figures = verdict.evidence[0].figures or {}
    today = figures.get("change_pct")
    if today is None or (claim.relation == "worst_since") != (float(today) < 0) or \
            claim.change_pct < abs(float(today)):
        return None
    named = named_day_move(window[0])
    if named is None or (named < 0) != (claim.relation == "worst_since") or abs(named) >= abs(float(today)) or \
            claim.change_pct - abs(named) > max(NAMED_DAY_FIGURE_POINTS, NAMED_DAY_FIGURE_SHARE * claim.change_pct):
        return None
    return Verdict("unverifiable", f"{verdict.explanation} Not called an error: the article gives the named day's "
                   f"own move ({claim.change_pct:g}%), by which today's {float(today):+.2f}% is no larger; the "
                   f"data's close gives that day {named:+.2f}%, so the two sources disagree about the named day, "
                   "which daily closes of one source cannot settle.", verdict.evidence,
                   readings=[*verdict.readings, "the named day's move as the article gives it"])
