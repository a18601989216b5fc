"""'Its biggest one-day drop since becoming an independent company in 2000': a best/worst 'since' that names an
event (a listing, a spin-off, a crash day), not an earlier move of the same size.

The usual reading of 'its worst day since 2003' is that the last day as bad fell in 2003; ``moves.py`` checks
that. Where the 'since' names an event, a careful reader also takes the words literally: no day as bad (or as
good) since the event. Where the last such day came before the named time, that reading holds; which reading is
meant cannot be told, so the accusation is withdrawn (`unverifiable`), never turned into support.
"""

from __future__ import annotations

import re
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
