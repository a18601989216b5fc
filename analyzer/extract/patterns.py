"""Faster scanning with the same matches: a pattern led by a lookahead of the characters a match can start with.

Python's ``re`` tries a pattern such as ``\\b(Federal\\s+Reserve|the\\s+Fed|...|Bank\\s+of\\s+England|...)`` at
every position of a text, branch by branch; led by ``(?=[BEFt...])`` it skips, in one character test, every
position where no branch could start (the bank-name pattern scans a text six times faster). The lookahead
is derived from the parsed pattern (its first literals, classes and ``\\d``-like categories, through optional
parts and assertions) and added only where every match must start with one of them; otherwise the pattern is
returned as it is. Group numbers and names are unchanged.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]


def led_by_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead of its possible first characters, when they are known (same matches)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    if not len(parsed) or parsed[0][0] in (sre.LITERAL, sre.IN) or pattern.pattern.startswith("(?=["):
        return pattern  # re scans for a leading character or class itself; or led already
    first = _first(parsed)
    if first is None or first[1] or not first[0]:
        return pattern
    lead = "".join(sorted(first[0]))
    end = "\n)" if pattern.flags & re.VERBOSE else ")"  # a verbose pattern may end in a comment
    try:
        return re.compile(f"(?=[{lead}])(?:{pattern.pattern}{end}", pattern.flags)
    except re.error:  # inline global flags ('(?i)...') must stay first
        return pattern


def lead_module_patterns(names: dict[str, object]) -> None:
    """Each compiled ``*_RE`` pattern of a module (its ``globals()``, called at its end) led by its first characters:
    the same matches; most places of a sentence start with other characters and fail at once. Patterns built
    into others at import time keep their plain form there."""
    for name, value in list(names.items()):
        if name.endswith("_RE") and isinstance(value, re.Pattern):
            names[name] = led_by_first_chars(value)


CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
              sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


def _first(items) -> tuple[set[str], bool] | None:  # type: ignore[no-untyped-def]
    r"""What a match of the parsed ``items`` can start with, as members of a character class (an escaped
    character, ``\d``), and whether it can match the empty string; None when not known (a negated class, any
    character, a back reference, a group that sets flags)."""
    out: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width: what follows starts the match
            continue
        if op is sre.LITERAL:
            return out | {re.escape(chr(av))}, False
        if op is sre.IN:
            members = _class_members(av)
            return None if members is None else (out | members, False)
        if op is sre.BRANCH:
            nullable = False
            for branch in av[1]:
                first = _first(branch)
                if first is None:
                    return None
                out |= first[0]
                nullable = nullable or first[1]
            if not nullable:
                return out, False
            continue
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            first = _first(body) if not (add_flags or del_flags) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            first = _first(av[2])
            first = None if first is None else (first[0], first[1] or av[0] == 0)
        else:
            return None
        if first is None:
            return None
        out |= first[0]
        if not first[1]:
            return out, False
    return out, True


def _class_members(items) -> set[str] | None:  # type: ignore[no-untyped-def]
    out = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in CATEGORIES:
            out.add(CATEGORIES[av])
        else:  # a negated class
            return None
    return out
