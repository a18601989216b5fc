"""Faster scanning with the same matches: a pattern led by a lookahead of the characters a match can start with.

Python's ``re`` tries a pattern such as ``\\b(Federal\\s+Reserve|the\\s+Fed|...|Bank\\s+of\\s+England|...)`` at
every position of a text, branch by branch; led by ``(?=[BEFt...])`` it skips, in one character test, every
position where no branch could start (the bank-name pattern scans a text six times faster). The lookahead
is derived from the parsed pattern and added only where every match must start with one of a known set of
characters; otherwise the pattern is returned as it is. Group numbers and names are unchanged.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]


def led_by_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead of its possible first characters, when they are known (same matches)."""
    chars = _first_chars(sre_parse.parse(pattern.pattern, pattern.flags))
    if not chars:
        return pattern
    lead = "".join(sorted(re.escape(c) for c in chars))
    end = "\n)" if pattern.flags & re.VERBOSE else ")"  # a verbose pattern may end in a comment
    try:
        return re.compile(f"(?=[{lead}])(?:{pattern.pattern}{end}", pattern.flags)
    except re.error:  # inline global flags ('(?i)...') must stay first
        return pattern


def _first_chars(items) -> set[str] | None:  # type: ignore[no-untyped-def]
    """The characters a match of the parsed ``items`` can start with, or None when not known (a class such as
    ``\\d``, an optional first part, an assertion other than ``\\b`` or ``^``)."""
    for op, av in items:
        if op is sre.AT:  # \b, ^: zero-width, the next item starts the match
            continue
        if op is sre.LITERAL:
            return {chr(av)}
        if op is sre.IN:
            return _class_chars(av)
        if op is sre.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                chars = _first_chars(branch)
                if chars is None:
                    return None
                out |= chars
            return out
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            return None if add_flags or del_flags else _first_chars(body)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            return _first_chars(av[2])
        return None
    return None  # a pattern that can match the empty string


def _class_chars(items) -> set[str] | None:  # type: ignore[no-untyped-def]
    out = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < 256:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\d, \w), a wide range
            return None
    return out
