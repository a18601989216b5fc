"""The injected copies an audit run left uncaught, by class: which change, which look withdrew it, and the reason.

    analyzer eval --audit corpora/audit/NAME --market ../shared/data/market --json NAME.json
    python scripts/injected_missed.py NAME.json [MORE.json ...] [--figureless] [--list]

Reads the ``missed`` entries ``eval --audit --json`` writes (each with the checker's first verdict and the verdict
after the article's second look) and counts them by (mutation, look, reason): for a copy the second look withdrew,
the words after 'Not called an error:' up to the first clause mark; for one the checker itself did not accuse, its
verdict and the end of its explanation. ``--list`` prints each copy's sentence and reason under its class. Only
for studied audits: a held-out audit's copies are individual results.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

WITHDRAWN = "Not called an error:"


def reason(missed: dict) -> str:
    """The class of one uncaught copy: its look and the reason the checker gave, figures masked."""
    final = missed.get("final") or {}
    if missed.get("stage") == "second look":
        text = final.get("explanation", "")
        at = text.find(WITHDRAWN)
        why = re.split(r"[(;:,]", text[at + len(WITHDRAWN):])[0] if at >= 0 else f"{final.get('verdict')} (no reason)"
        return "second look: " + re.sub(r"\d[\d.,-]*", "#", why).strip()[:90]
    first = missed.get("first") or {}
    tail = re.sub(r"'[^']*'|\d[\d.,:-]*", "#", first.get("explanation", ""))[-100:]
    return f"check ({first.get('verdict')}): {tail.strip()}"


def main(argv: list[str]) -> None:
    key = "figureless_injected" if "--figureless" in argv else "injected"
    classes: dict[tuple[str, str], list[dict]] = defaultdict(list)
    cases = caught = 0
    for name in (a for a in argv if not a.startswith("--")):
        run = json.loads(Path(name).read_text(encoding="utf-8"))[key]
        cases, caught = cases + run["cases"], caught + run["caught"]
        for missed in run["missed"]:
            classes[(missed["mutation"], reason(missed))].append(missed)
    print(f"{key}: {caught}/{cases} caught, {cases - caught} uncaught")
    for (mutation, why), found in sorted(classes.items(), key=lambda item: -len(item[1])):
        print(f"{len(found):5d}  {mutation:16s} {why}")
        if "--list" in argv:
            for missed in found:
                print(f"         {missed['article_id']}: {missed['sentence'][:160]}")


if __name__ == "__main__":
    main(sys.argv[1:])
