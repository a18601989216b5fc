"""Figures as writers state them: percents, points, levels, prices, basis points, money.

Each mention keeps the text it came from so that checking can honour the stated precision
("0.8%" is one decimal; "0.80%" two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.extract import lexicon
from analyzer.extract.patterns import led_by_first_chars

WORD_NUMBERS = lexicon.numbers("numbers", "word_numbers")
WORD_MULTIPLIERS = lexicon.numbers("numbers", "word_multipliers")
AND_FRACTIONS = lexicon.numbers("numbers", "and_fractions")
FRACTION_WORDS = lexicon.numbers("numbers", "fraction_words")
ORDINALS = lexicon.numbers("numbers", "ordinals")
MAGNITUDES = lexicon.numbers("numbers", "magnitudes")
QUALIFIERS = lexicon.phrases("numbers", "qualifiers")
NEARNESS_QUALIFIERS = lexicon.words("numbers", "nearness_qualifiers")
CURRENCY_CODES = lexicon.labels("numbers", "currency_codes")


def number_words(low: int = 1, high: int = 12) -> str:
    """The lexicon's number words worth ``low`` to ``high`` as a regex alternation (longest first), so that the
    patterns reading a count ('a five-day losing streak', 'in the last three months') share one word list."""
    return lexicon.alternation(w for w, n in WORD_NUMBERS.items() if low <= n <= high)


def ordinal_words(low: int = 2, high: int = 12) -> str:
    """The lexicon's ordinals worth ``low`` to ``high`` as a regex alternation (longest first)."""
    return lexicon.alternation(w for w, n in ORDINALS.items() if low <= n <= high)

_WORD_NUM = lexicon.alternation([*WORD_NUMBERS, "thousand"])
# "seven hundred", "twenty-one", "two hundred and fifty", "one and a half": one number in words
_WORD_PHRASE = (rf"(?:{_WORD_NUM})(?:(?:[\s-]|(?:(?<=hundred)|(?<=thousand))\s+and\s+)(?:{_WORD_NUM}))*"
                r"(?:\s+and\s+(?:a\s+)?(?:half|quarter|third|three[\s-]quarters))?")
_FRACTION = lexicon.alternation(FRACTION_WORDS)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_QUAL = lexicon.alternation(QUALIFIERS, flexible_spaces=True)

PERCENT_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?:(?P<num>{_NUM})|(?P<word>{_WORD_PHRASE})"
    rf"|(?P<frac>{_FRACTION}))\s*(?:%|\s?percent(?:age point)?s?\b|\s?per\s?cent\b|\s?pct\b)",
    re.IGNORECASE)
POINTS_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?:(?P<num>{_NUM})|(?P<word>{_WORD_PHRASE})"
    rf"|(?P<frac>{_FRACTION}))(?:\s|-)(?:index\s)?points?\b(?!\s*(?:of\s+)?(?:percent|basis))"
    # "the key 850-point level": a mark on the scale, not a move
    r"(?<!-point(?=\s(?:level|mark|barrier|threshold|line|area|zone)))",
    re.IGNORECASE)
BASIS_POINTS_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?:(?P<num>{_NUM})|(?P<word>{_WORD_PHRASE}))"
    r"(?:\s|-)?(?:basis(?:\s|-)points?|bps?\b|bp\b)",
    re.IGNORECASE)
# a quarter point, half a percentage point, a full point: rate moves stated in points of a percent
RATE_POINT_RE = re.compile(
    rf"\b(?P<frac>{_FRACTION}|a full|one|half|quarter|three-quarters?|three quarters|(?P<num>{_NUM}))"
    # "4.25 percentage points" (a plural only after "percentage": "40 points" is an index's move)
    r"(?:\s|-)(?:of\s+a\s+)?(?:percentage(?:\s|-)points?|point)\b",
    re.IGNORECASE)
# "or $1.91", "or 51 cents": a stock's change in dollars, written after its percent change
DOLLAR_CHANGE_RE = re.compile(
    rf"\bor\s+(?:(?P<qual>{_QUAL})\s+)?(?:\$(?P<num>{_NUM})|(?P<cents>\d+(?:\.\d+)?)\s+cents?)\b", re.IGNORECASE)
LEVEL_CONTEXT_RE = re.compile(r"\b(?:to|at)\s+(?:(?:end|close|finish|settle)\s+(?:the\s+(?:session|day)\s+)?at\s+)?$",
                              re.IGNORECASE)
# "extended its losses to 748 points", "pared gains to 20 points": the size of a move noun, not a level
MOVE_NOUN_TO_RE = re.compile(r"\b(?:loss|losses|gain|gains|decline|declines|drop|slide|advance|rally|fall|slump|"
                             r"rise|rebound)\s+to\s+$", re.I)
LEVEL_RE = re.compile(
    rf"\b(?:to|at)\s+(?:(?:end|close|finish|settle)\s+at\s+)?(?:a\s+record\s+(?:high\s+)?of\s+)?"
    # "(?!:\d)": "at 3:30 p.m." is a clock time, not a level of 3; "(?!\.\d)": "to 1.091.49", a level written with a
    # full stop for the thousands comma, is no level of 1.091 (what it is cannot be told)
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<cur>\$|US\$)?\s?(?P<num>{_NUM})\b(?![-/]|:\d|\.\d)"
    r"(?!\s*(?:%|percent|per cent|pct|points?|basis|bps?|million|billion|mln|bln|trillion|a share|shares|cents"
    r"|p\.m\.|a\.m\.|pm|am|years?|days?|weeks?|months?|sessions?|times|companies|stocks|issues|people))",
    re.IGNORECASE)
MONEY_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<cur>US\$|C\$|A\$|HK\$|\$|€|£|¥|EUR\s?|USD\s?|GBP\s?|JPY\s?)?"
    rf"(?P<num>{_NUM})\s*(?P<mag>{lexicon.alternation(MAGNITUDES)})?\b"
    r"(?:\s+(?P<curword>dollars|euros?|pounds?|yen|yuan|francs?|won|rupees?))?",
    re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    kind: str  # pct|points|level|bp
    value: float
    text: str  # the figure as written, e.g. "0.80" or "two"
    start: int  # char offsets relative to the searched text
    end: int
    qualifier: str | None = None
    currency: str | None = None


def parse_number(text: str) -> float:
    """'12,116.91' -> 12116.91; 'two' -> 2; 'half a' -> 0.5."""
    t = text.strip().lower()
    if t in FRACTION_WORDS:
        return FRACTION_WORDS[t]
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    if t[:1].isalpha():
        return words_to_number(t)
    return float(t.replace(",", ""))


def words_to_number(phrase: str) -> float:
    """'seven hundred' -> 700; 'twenty-one' -> 21; 'two hundred and fifty' -> 250; 'one and a half' -> 1.5."""
    text = " ".join(phrase.lower().replace("-", " ").split())
    fraction = 0.0
    for words, value in AND_FRACTIONS.items():
        for ending in (f" and a {words}", f" and {words}"):
            if text.endswith(ending):
                text, fraction = text[: -len(ending)], value
                break
        if fraction:
            break
    total, current = 0.0, 0.0
    for word in text.replace(" and ", " ").split():
        if word in WORD_MULTIPLIERS:
            current = max(current, 1.0) * WORD_MULTIPLIERS[word]
            if word == "thousand":
                total, current = total + current, 0.0
        elif word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        else:
            raise ValueError(f"not a number in words: {phrase!r}")
    return total + current + fraction


def decimals_of(stated: str) -> int:
    """Decimal places a figure was written with: '0.80' -> 2, '742' -> 0, 'two' -> 0, 'a half' -> 1."""
    stated = stated.strip()
    if "." in stated and stated.replace(",", "").replace(".", "", 1).isdigit():
        return len(stated.split(".", 1)[1])
    if stated[:1].isalpha():  # "one and a half" is as precise as 1.5
        try:
            value = parse_number(stated)
        except ValueError:
            return 0
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return len(text.split(".", 1)[1]) if "." in text else 0
    return 0


def _qualifier(match: re.Match[str]) -> str | None:
    qual = match.groupdict().get("qual")
    return re.sub(r"\s+", " ", qual.lower()) if qual else None


def _value(match: re.Match[str]) -> tuple[float, str]:
    groups = match.groupdict()
    if groups.get("num"):
        return parse_number(groups["num"]), groups["num"]
    if groups.get("frac"):
        return parse_number(groups["frac"]), groups["frac"]
    word = " ".join(groups["word"].split())
    return parse_number(word), word


# the patterns find_figures scans a sentence with, each led by its first characters (the same matches, faster)
LED = {p: led_by_first_chars(p) for p in (BASIS_POINTS_RE, PERCENT_RE, POINTS_RE, DOLLAR_CHANGE_RE, LEVEL_RE)}


# words without which each unit pattern cannot match (its unit, with the same flags): most sentences have none of
# some units, and the unit patterns try every word of a sentence as the start of a qualifier or a number
UNIT_NEEDS = {"bp": re.compile(r"basis|bp", re.IGNORECASE), "pct": re.compile(r"%|per\s?cent|pct", re.IGNORECASE),
              "points": re.compile(r"point", re.IGNORECASE)}


def find_figures(text: str) -> list[NumberMention]:
    """All percent, point, basis-point and level mentions in a sentence, in order, non-overlapping."""
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in (("bp", LED[BASIS_POINTS_RE]), ("pct", LED[PERCENT_RE]), ("points", LED[POINTS_RE])):
        if not UNIT_NEEDS[kind].search(text):
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if kind != "bp" and _not_a_figure(text, m.start(), m.end()):
                taken.append((m.start(), m.end()))
                continue
            value, stated = _value(m)
            # "to end at 6,066.44 points": where it closed, not how far it moved ("extended its losses to 748
            # points": how far, the move noun's size)
            kind_here = "level" if kind == "points" and LEVEL_CONTEXT_RE.search(text[:m.start()]) and \
                not MOVE_NOUN_TO_RE.search(text[:m.start()]) else kind
            found.append(NumberMention(kind_here, value, stated, m.start(), m.end(), _qualifier(m)))
            taken.append((m.start(), m.end()))
    for m in LED[DOLLAR_CHANGE_RE].finditer(text):
        a, b = m.start(), m.end()
        if not free(a, b):
            continue
        if m.group("cents"):
            value = float(m.group("cents")) / 100
            stated = f"{value:.2f}"
        else:
            value, stated = parse_number(m.group("num")), m.group("num")
        found.append(NumberMention("points", value, stated, a, b, _qualifier(m), "USD"))
        taken.append((a, b))
    for m in LED[LEVEL_RE].finditer(text):
        a, b = m.start("num"), m.end("num")
        if not free(a, b) or _looks_like_year(m.group("num"), text, a):
            continue
        found.append(NumberMention("level", parse_number(m.group("num")), m.group("num"), a, b,
                                   _qualifier(m), "USD" if m.group("cur") else None))
        taken.append((a, b))
    return sorted(found, key=lambda n: n.start)


DISTANCE_BEFORE_RE = re.compile(r"\bwithin\s+(?:about\s+|some\s+|roughly\s+|just\s+|only\s+|around\s+)?$", re.I)
DISTANCE_AFTER_RE = re.compile(r"^\s*(?:of|below|above|short of|shy of|under|away from)\s+(?:its|their|the|a|an)\s+"
                               r"(?:\S+\s+){0,2}?(?:record|high|low|peak|all-time|lifetime|top|bottom)", re.I)


def _noun_forms(nouns: list[str]) -> list[str]:
    """A noun and its plural ('gain', 'gains'; 'rally', 'rallies'; 'loss', 'losses')."""
    plurals = [n[:-1] + "ies" if n.endswith("y") else n + "es" if n.endswith("s") else n + "s" for n in nouns]
    return [*nouns, *plurals]


# "gave up 60 percent of its Monday gains", "200 points of a 400-point rally": a share of an earlier move, not the
# size of a move (moves._a_share_of_a_move reads the same on the parse)
SHARE_OF_A_MOVE_RE = re.compile(r"^\s+of\s+(?:[\w&.'-]+\s+){0,3}?(?:"
                                + lexicon.alternation(_noun_forms(list(lexicon.labels("moves", "move_nouns"))))
                                + r")\b", re.I)


def _a_distance(text: str, start: int, end: int) -> bool:
    """'within about 53 points of its all-time high', '5 percent below its record': how far from a level,
    not how far it moved."""
    return bool(DISTANCE_BEFORE_RE.search(text[max(0, start - 30):start])
                or DISTANCE_AFTER_RE.match(text[end:end + 60]))


MOMENT_BEFORE_RE = re.compile(r"\bat\s+$", re.I)
CURRENCY_BEFORE_RE = re.compile(r"(?:\$|US\$|€|£|¥)\s?$")


def _not_a_figure(text: str, start: int, end: int) -> bool:
    """A match that states no move: a distance from a level ('within 53 points of its high'), a share of an earlier
    move ('60 percent of its gains'), the idiom 'at one point' (a moment, not a level of 1), or a figure whose unit
    the writer garbled ('fell $2.00 percent': dollars or percent, the sentence cannot say which)."""
    moment = (re.fullmatch(r"one[\s-]point", text[start:end], re.I)
              and MOMENT_BEFORE_RE.search(text[max(0, start - 4):start]))
    return bool(_a_distance(text, start, end) or moment or CURRENCY_BEFORE_RE.search(text[max(0, start - 4):start])
                or SHARE_OF_A_MOVE_RE.match(text[end:end + 60]))


def _looks_like_year(num: str, text: str, start: int) -> bool:
    if not re.fullmatch(r"(19|20)\d\d", num):
        return False
    before = text[max(0, start - 12):start].lower()
    return not re.search(r"(close|end|finish|settle)\s+at\s+$", before)


def find_money(text: str) -> list[tuple[float, str, int, int, str | None]]:
    """Money amounts with a currency: (amount, currency, start, end, qualifier)."""
    out = []
    for m in MONEY_RE.finditer(text):
        cur = (m.group("cur") or m.group("curword") or "").strip().lower()
        if not cur:
            continue
        if not m.group("mag") and not m.group("cur"):
            continue
        amount = parse_number(m.group("num")) * MAGNITUDES.get((m.group("mag") or "").lower(), 1)
        out.append((amount, CURRENCY_CODES.get(cur, cur.upper()), m.start(), m.end(), _qualifier(m)))
    return out
