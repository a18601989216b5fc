"""Anchoring claims in time: which session a sentence talks about, over which period.

"Tuesday" in a piece published on 2025-08-26 is that day's session; "Friday" in the same piece is
2025-08-22. The publication time decides the default: before the close a piece describes the session
in progress (intraday), after it that day's close (see ``analyzer.market.calendar.session_for``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from analyzer.extract import lexicon
from analyzer.extract.numbers import number_words
from analyzer.extract.patterns import lead_module_patterns, led_by_first_chars
from analyzer.market.calendar import previous_session, session_for, session_on_or_before

EASTERN = ZoneInfo("America/New_York")
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update(lexicon.numbers("time", "extra_month_names"))

WEEKDAY_RE = re.compile(rf"\b({lexicon.alternation(WEEKDAYS)})(?:['’]s)?\b", re.I)
# the month names as regex alternations (lexicon.alternation: escaped, longest first): every name and abbreviation;
# without the three-letter abbreviations but 'may'; the full names only
MONTHS_ALT = lexicon.alternation(MONTHS)
LONG_MONTHS_ALT = lexicon.alternation(name for name in MONTHS if len(name) > 3 or name == "may")
FULL_MONTHS_ALT = lexicon.alternation(name for name in calendar.month_name if name)
DATE_RE = re.compile(
    rf"\b(?P<month>{MONTHS_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTHS_ALT})\b(?:,?\s+(?P<year2>(?:19|20)\d\d))?",
    re.I)
# the end of a span of days after its first day: "August 1-15", "March 2 to March 13", "Aug. 3 through 14" (not a
# figure: "from March 9 to 23 percent")
DAY_RANGE_END = (rf"\s*(?:-|\u2013|to|through|and|until)\s*(?:(?:{MONTHS_ALT})\.?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\b"
                 r"(?!\.\d|\s*(?:%|percent|pct|points?)\b)")
DAY_RANGE_END_RE = re.compile(DAY_RANGE_END, re.I)
SAME_DAY_WORDS = lexicon.words("time", "same_day_words")  # of RELATIVE_RE's words, those of the day of publication
PREVIOUS_SESSION_RE = re.compile(r"\b(?:in|during|on|at|over)\s+the\s+(?:previous|prior|last|preceding)\s+"
                                 r"(?:trading\s+)?(?:session|day)\b(?!\s+of\b)", re.I)
RELATIVE_RE = re.compile(r"\b(today|tonight|yesterday|this morning|this afternoon|on the day|overnight)\b", re.I)

# a comparison with the close a year back (the "year" period's): the comparing word, then what is compared, then
# the time a year back ('from 52 weeks ago' is left to the checker's readings, which measure 52 weeks)
YEAR_AGO_WORDS = (r"(?:from|than|since|compared (?:with|to)|versus|vs\.?|against)\s+(?:(?:where|what)\s+)?"
                  r"(?:(?:they|it|the (?:stock|shares|index))\s+(?:were|was|stood|traded|closed)\s+"
                  r"|(?:its|their|the)\s+(?:level|price|value|close|closing price|mark)s?\s+(?:of\s+)?)?"
                  r"(?:(?:a|one)\s+year|(?:12|twelve)\s+months)\s+(?:ago|earlier|before)"
                  r"|(?:from|than|compared (?:with|to)|versus)\s+(?:the\s+|this\s+)?(?:same\s+)?"
                  r"(?:time|point|period)\s+(?:a\s+year\s+ago|last\s+year)"
                  r"|(?:from|than|compared (?:with|to)|versus)\s+(?:a|its|their|the)\s+year[- ](?:ago|earlier)\s+"
                  r"(?:level|price|close|value)s?")


# the words of a quote from before the session's open: "before the opening bell", "ahead of the bell", "before the
# market opened", "ahead of Wall Street's open", "before the start of regular trading", "in pre-open trade" (the
# checker's OUTSIDE_SESSION_RE reads the same in a sentence around a claim)
PREMARKET_WORDS = (r"(?:before|ahead of|prior to) (?:the|Wall Street['\u2019]s|the (?:stock )?market['\u2019]s) "
                   r"(?:opening bell|bell|open(?:ing)?\b(?! of| (?:day|session|weekend|quarter|week)\b))"
                   r"|(?:before|ahead of|prior to) (?:the |U\.S\. )?(?:stock )?"
                   r"(?:markets?|Wall Street|trading|the NYSE) (?:opened|opens|open\b|began|begins|started|starts)"
                   r"|(?:before|ahead of|prior to) (?:the )?(?:start|beginning|opening) of (?:regular |the regular )?"
                   r"(?:trading|trade|session|the session|the trading day)"
                   r"|pre-?open(?:ing)? (?:trade|trading|deals|dealings|session)")


PERIOD_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "for the year" in a July wrap means so far this year
    ("ytd", re.compile(r"\b(so far this year|this year|year[- ]to[- ]date|for the year(?: so far)?"
                       r"|since the start of the year|since the beginning of the year|YTD"
                       # "ended the year up 24.2%", "ended the first half down 2.5%": to date, on its last day
                       r"|(?:ended|finished|closed(?: out)?) the year|(?:in|for|over|ended|finished|closed(?: out)?)"
                       r" the first half(?! of (?:19|20)\d\d))\b", re.I)),
    ("year", re.compile(r"\b(over the past (?:12 months|year)|in (?:19|20)\d\d as a whole|for all of (?:19|20)\d\d"
                        r"|annual"
                        # "has gained 57% in the last 12 months", "up 19% over the trailing twelve months", "up 12%
                        # on a one-year basis", "rallied 19% year over year": the past 12 months
                        r"|(?:over|in|during|for) the (?:past|last|previous|prior|trailing) (?:(?:12|twelve) months"
                        r"|year|52 weeks)|over (?:12|twelve) months|on an? (?:one|1|12-month|twelve-month)[- ]year"
                        r" basis|on an? (?:12|twelve)-month basis|(?:one|1)-year (?:return|gain|performance)"
                        r"|year[- ]over[- ]year|year[- ]on[- ]year"
                        # "up 20 percent from a year ago", "higher than they were a year earlier", "down 3.5 percent
                        # compared with a year ago", "versus where it stood 12 months ago", "from its level of a
                        # year ago", "from this time last year": a comparison with the close a year back is the
                        # move over the past 12 months (not the day's; not "fell 20 percent a year ago", a move of
                        # that time)
                        rf"|{YEAR_AGO_WORDS})\b", re.I)),
    ("month", re.compile(r"\b(for the month|this month|on the month|last month|month[- ]to[- ]date|in the month"
                         r"|monthly"
                         # "soared 56 percent during the past month": a trailing month, read beside the calendar one
                         r"|(?:over|in|during|for) the (?:past|last|previous|prior|trailing)"
                         r" (?:month|four weeks|30 days))\b"
                         # "gaining 1.3 percent in January", "finished January with a 2 percent gain"
                         r"|\b(?:in|for|during|finished|ended|closed out)\s+(?:the month of\s+)?"
                         rf"(?:{FULL_MONTHS_ALT})\b"
                         r"(?!\s+\d)", re.I)),
    # "from last week's record": the time of the base, not the move's period
    ("week", re.compile(r"\b(for the week|this week|on the week|last week(?!['\u2019]s (?:record|high|peak|low|close))"
                        r"|in the week|weekly|for the past week"
                        r"|week[- ]to[- ]date|over the week|(?:ended|finished|closed) the week"
                        # "up nearly 70 percent since the beginning of the week"
                        r"|(?:since|from) the (?:beginning|start) of the week"
                        r"|(?:in|for|over|during) the (?:previous|prior) week|the week before"
                        # "in the three-session week", "for the holiday-shortened week", "in the three-session
                        # opening week"
                        r"|(?:in|for|over) the (?:[a-z]+-(?:session|day)\s+)?(?:holiday-shortened\s+|shortened\s+|"
                        r"opening\s+)?week)\b",
                        re.I)),
    ("intraday", re.compile(r"\b(at midday|midday|at mid-?day|in (?:early|late|morning|afternoon|midday|"
                            r"mid-?morning|mid-?afternoon|early afternoon|late morning) (?:trading|trade|deals|"
                            r"session)|intraday|in the session so far|at the open|after the open|shortly after the"
                            r" (?:opening )?bell|in early trade|in late trade|earlier in the session|mid-?afternoon"
                            r"|mid-?morning|during the (?:regular )?(?:trading )?session|at one point|earlier in the"
                            r" day|on an intraday basis|at (?:its|their) (?:session )?(?:high|low)s?|briefly"
                            r"|session (?:high|low)s?|in the first (?:few )?(?:minutes?|hours?) of trad(?:e|ing)"
                            # "had tumbled more than 400 points by the afternoon", "was down more than 2 percent for
                            # most of the session": a moment or a stretch of the session, not its close
                            r"|by (?:the )?(?:afternoon|midday|mid-?morning|mid-?afternoon|late morning"
                            r"|early afternoon|noon|lunchtime)"
                            # "rose 2.3 percent to $63.25 in noon trading": the price at noon
                            r"|in (?:late )?(?:noon|lunchtime) (?:trading|trade|deals|dealings)"
                            r"|for (?:most|much) of the (?:session|day|trading day))\b"
                            r"|^\W*earlier\b", re.I)),
    ("other", re.compile(r"\b(extended[- ]hours? (?:trade|trading)|extended (?:composite )?(?:trade|trading)"
                         r"|after[- ]the[- ](?:closing[- ])?bell|after-hours|after hours"
                         r"|premarket|in (?:after|post)-?market (?:trade|trading|session)|pre-bell|after-bell"
                         r"|^\W*in (?:the )?futures\b"
                         rf"|pre-market|(?:late )?electronic (?:composite )?(?:trade|trading)|{PREMARKET_WORDS}"
                         # "has shed 12 percent during that period", "over that time": a span an earlier sentence names
                         # (not 'in the same period', which often follows the span it means: 'its best one-week jump
                         # ..., finishing up 3.8 percent in the same period')
                         r"|(?:over|during) (?:that|the same|this) (?:period|time|span|stretch)"
                         r"|over that time"
                         # "The S&P 500 rose 6.4 percent in that time": the span a sentence before names (the
                         # same words as 'during that period'; 'in the same period' stays out, as above)
                         r"|in that (?:period|time|span|stretch)\b"
                         # "The S&P 500 is up 4 percent since then", "the index fell 4.4 percent during those 10
                         # days": the span a sentence before names, by a word that points back to it
                         r"|\bsince then\b"
                         rf"|(?:over|during|in) (?:those|these) (?:(?:\d+|{number_words(2, 12)}|few)\s+)?"
                         r"(?:trading )?(?:days|sessions|weeks|months)\b"
                         # "a rally that has lifted the index 23 percent in less than a month", "up 30% in just
                         # two weeks": a run from a start the words leave open, not the session's move
                         r"|(?:%|\bpercent|\bpct|\bpoints?)\s+in\s+(?:(?:less|little more) than|under|just under"
                         r"|barely|just|only)\s+(?:a|an|one|two|three|four|five|six|\d+)\s+(?:(?:trading\s+)?"
                         r"(?:days|sessions)|weeks?|months?)\b"
                         r"|(?:%|\bpercent|\bpct|\bpoints?)\s+in\s+(?:a\s+)?matter\s+of\s+(?:days|sessions|weeks|months)\b"
                         # "From August 1-15, when the poll was taken, the index lost 3.3 percent", "between March 2
                         # and March 13": a closed span of days that ends before the piece, not a move to its day
                         rf"|\b(?:from|between)\s+(?:{MONTHS_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?{DAY_RANGE_END}"
                         # "watching the stock lose 93 percent of its value in the last decade": a span the closes
                         # are not read over
                         r"|(?:over|in|during|for) the (?:past|last|previous|prior) decade|over (?:a|the) decade"
                         # "This time last quarter, during the first full week after the results, the index rose 7
                         # percent": a time of an earlier period
                         r"|this time last (?:quarter|month|week)"
                         # a listing abroad trades on other hours and prices: "was down 5 percent in Germany"
                         r"|in (?:European|Asian|London|Frankfurt|German|Tokyo|Hong Kong|Paris|Zurich|Toronto)"
                         r" (?:trade|trading|dealings|hours|session)"
                         r"|in (?:Germany|Frankfurt|London|Tokyo|Europe|Paris|Zurich)"
                         r"(?= *[.,;]| *$))"
                         # "up 30% since its IPO", "has gained 5% since the purchase", "up 2.8 percent since his
                         # inauguration": since an event the sentence gives no date for
                         r"|(?:%|\bpercent|\bpct)\s+since\s+(?:(?:its|their|the company['\u2019]s|the|his|her)\s+)?"
                         r"(?:IPO|initial public offering|(?:market |stock market |trading )?debut|listing|spin-?off"
                         r"|purchase|transaction|announcement|inauguration|swearing-in)\b"
                         r"|(?:%|\bpercent|\bpct)\s+since\s+(?:going public|(?:it|they|the company) (?:went public"
                         r"|listed|debuted|began trading)|(?:[\w.]+\s+){1,3}took office)\b"
                         # "in his 5-1/2 years running the company, shares dropped 12.4 percent", "lost 70 percent
                         # under his stewardship", "during her tenure": a person's time in a post, not the session
                         r"|\b(?:in|during|over) (?:his|her|their) (?:[\w./-]+\s+){0,3}(?:years?|months?)\s+"
                         r"(?:running|heading|leading|at the helm|in charge|as (?:chief|CEO|chairman|head|president))\b"
                         r"|\b(?:under|during) (?:his|her|their) (?:stewardship|leadership|watch|tenure|reign)\b"
                         r"|\bsince (?:he|she) (?:took (?:over|the helm|charge)|became (?:chief|CEO|chairman|head))\b"
                         r"|\bsince taking (?:over|the helm|charge)\b"
                         # "On this news, the price of Acme stock fell 17%": the day of news told before, not today
                         r"|^\W*(?:on|following|after|upon) (?:this|that|these|those) (?:news|announcements?"
                         r"|disclosures?|reports?|revelations?)\b"
                         # so does a price in another currency: "rose 5 percent to 139.41 rupees", "at 3,198 pence"
                         r"|\b(?:to|at) (?:(?:HK|A|C|NZ|S)\$|[\u20ac\u00a3\u00a5])\s?\d"
                         r"|\b(?:to|at) \d[\d,.]*\s*(?:pence|rupees?|yen|euros?|(?:Swiss )?francs?|kronor|krona|kroner"
                         r"|won|yuan|renminbi|pesos?|rand|reais|(?:Canadian|Australian|Hong Kong|Singapore) dollars)\b"
                         # "After the market's close, shares of Disney jumped" (not "results due after the close")
                         r"|^\W*after the (?:market['\u2019]s |market |stock market['\u2019]s )?"
                         r"(?:close|market closed)\b"
                         # "rose 3.5 percent to $39.98, from a Nasdaq close of $38.62": a price after the close
                         r"|\bfrom (?:a|the|its|their) (?:Nasdaq |NYSE |New York Stock Exchange |regular[- ]session )?"
                         r"close of\b"
                         # index futures are not the index: "S&P SPc1", "Dow futures DJc1"
                         r"|(?-i:\b[A-Z]{1,3}c[12]\b)"
                         r"|\b(?:Dow|S&P(?: 500)?|Nasdaq(?: 100)?|Russell 2000) (?:index )?futures\b",
                         re.I)),
]


# "profit for the first quarter", "forecast adjusted profit for 2025", "its annual revenue forecast", "weekly jobless
# claims": a period of the business's or the economy's figures, not of the price move in the same sentence
_BUSINESS_NOUNS = (r"profits?|earnings|revenues?|sales|results|forecasts?|outlook|guidance|estimates?|expectations|EPS"
                   r"|income|dividends?|claims|data|report|meeting|budget|growth|performance"
                   # "at the annual event", "its yearly investor conference": a gathering, not the move's period
                   r"|events?|conferences?|conventions?|summits?|gatherings?|presentations?")
BUSINESS_BEFORE_RE = re.compile(rf"\b(?:{_BUSINESS_NOUNS})\b(?:\s+[\w-]+)?\s*$", re.I)
PREPOSITION_RE = re.compile(r"\W*(?:for|in|of|during|over)\b", re.I)
BUSINESS_AFTER_RE = re.compile(rf"^[\s-]*(?:[\w-]+\s+)?(?:{_BUSINESS_NOUNS})\b", re.I)


def business_period(text: str, match: re.Match[str]) -> bool:
    """Whether a period word is the period of a business figure ('profit for the first quarter', 'annual revenue
    forecast') rather than of a price move."""
    # "profit for the first quarter" (a phrase attached to the noun), not "the earnings call last month" (a time)
    before = PREPOSITION_RE.match(match.group(0)) and BUSINESS_BEFORE_RE.search(text[:match.start()])
    return bool(before or BUSINESS_AFTER_RE.match(text[match.end():]))


def period_words(text: str) -> str | None:
    """The period the sentence's own period words give, if any: the first pattern with a match that is neither a
    business figure's period nor inside a 'since' span ('up 60 percent from a 12-year closing low in March' names
    the base of the move, not a month's move)."""
    spans = [m.span() for pattern in (SINCE_LOW_IN_MONTH_RE, SINCE_MONTH_RE) for m in pattern.finditer(text)]
    for name, pattern in PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            inside = any(a <= m.start() < b for a, b in spans)
            if not inside and not business_period(text, m):
                return name
    return None


@dataclass(frozen=True)
class TimeAnchor:
    session: date | None
    period: str
    time_text: str | None = None
    default_intraday: bool = False
    period_start: date | None = None  # "up 26% since March 9": the close the change runs from


# "For the quarter, the Dow fell 0.87 percent", "gained 15.7 percent for the third quarter": quarter to date,
# measured from the last close of the previous quarter (not "third-quarter profit")
QUARTER_RE = re.compile(r"\b(?:for|over|in|during|on) the (?:(?:first|second|third|fourth|current|latest) )?quarter\b"
                        r"(?![- ](?:results|earnings|profit|revenue|sales|report))|\bthis quarter\b"
                        r"|\bquarter[- ]to[- ]date\b"
                        r"|\b(?:ended|finished|closed(?: out)?) the (?:first|second|third|fourth) quarter\b", re.I)


# "extended its 2009 advance to about 20 percent", "is up 14.58 percent for 2006 so far", "For 2009, the S&P is
# up 17 percent": the year to date when the year is the story's own
YEAR_TO_DATE_RE = re.compile(
    r"\b(?:its|their|the|this)\s+(?P<y1>(?:19|20)\d\d)\s+(?:gains?|advance|rally|rise|losses|loss|decline|drop|"
    r"fall|slide|rebound|climb|run-up|surge|performance)\b"
    r"|(?<!since )(?<!from )\b(?:for|so far in)\s+(?P<y2>(?:19|20)\d\d)(?:\s+so far)?(?=\s*[,.;]|\s+so far|$)"
    r"|\bin\s+(?P<y3>(?:19|20)\d\d)\s+so far\b", re.I)
# a line such as "For the week:" over a list of figures sets the period of the lines under it
HEADER_LINE_RE = re.compile(r"(?im)^[ \t]*(?:(?:for|in|over|on) the (?P<what>week|month|quarter|year)"
                            r"(?: so far| to date)?|(?P<ytd>year[- ]to[- ]date|so far this year))[ \t]*:[ \t]*$")
HEADER_REACH_CHARS = 800
HEADER_LINE_MAX = 200


def header_period(text: str, position: int) -> str | None:
    """'week', 'month', 'quarter' or 'ytd' when the line at ``position`` sits in a list under a header line
    such as "For the week:"; the list ends at a blank line or a line of prose."""
    before = text[max(0, position - HEADER_REACH_CHARS):position]
    headers = list(HEADER_LINE_RE.finditer(before))
    if not headers:
        return None
    between = before[headers[-1].end():]
    lines = between.split("\n")[1:]  # the rest of the header's own line is empty
    if any(not line.strip() for line in lines[:-1]) or any(len(line) > HEADER_LINE_MAX for line in lines):
        return None
    what = (headers[-1].group("what") or "year").lower()
    return "ytd" if what == "year" else what


def quarter_start(day: date) -> date:
    """The last day of the quarter before ``day``'s: the close a quarter's change runs from."""
    return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1) - timedelta(days=1)


SUPERLATIVE_BEFORE_RE = re.compile(r"\b(" + lexicon.alternation(
    {"highest", "lowest", "most", "least", "first", *lexicon.phrases("moves", "superlatives")}) + r")\b[^,;]*$", re.I)
SINCE_YEAR_RE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+|end\s+of\s+)?"
                           r"(?P<year>(?:19|20)\d\d)\b",
                           re.I)
SINCE_LOW_IN_MONTH_RE = re.compile(
    rf"\b(?:since|from)\b[^,;.]{{0,60}}?\b(?:low|lows|high|highs|bottom|peak)\b[^,;.]{{0,25}}?\b(?:in|on|of)\s+"
    rf"(?:early|mid|mid-|late)?\s*(?P<month>{MONTHS_ALT})\b(?!\.?\s+\d)", re.I)
SINCE_MONTH_RE = re.compile(rf"\bsince\s+(?:the\s+(?P<edge>start|beginning|end)\s+of\s+|early\s+)?"
                            rf"(?P<month>{MONTHS_ALT})\b"
                            r"(?!\.?\s+\d)(?:\s+(?P<year>(?:19|20)\d\d))?", re.I)


def local_published(published: datetime) -> datetime:
    if published.tzinfo is None:
        published = published.replace(tzinfo=EASTERN)
    return published.astimezone(EASTERN)


def weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def resolve_date_mention(match: re.Match[str], published: date) -> date | None:
    month = MONTHS[(match.group("month") or match.group("month2")).lower().rstrip(".")]
    day = int(match.group("day") or match.group("day2"))
    year_text = match.group("year") or match.group("year2")
    year = int(year_text) if year_text else published.year
    try:
        resolved = date(year, month, day)
    except ValueError:
        return None
    if not year_text and resolved > published + timedelta(days=7):
        # "Dec. 30" in a piece from January means last December
        resolved = resolved.replace(year=year - 1)
    return resolved


# "its highest since early February last Friday": the since-span has its own object, the day after it is the move's
SINCE_OBJECT_THEN_DAY_RE = re.compile(rf"\bsince\s+(?:(?:early|mid|late)[\s-]+)?(?:{FULL_MONTHS_ALT}|(?:19|20)\d\d)\b"
                                      r"[^,;]*?\s(?:last|on)\s+$", re.I)


def _not_after_since(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first time mention that is not inside a 'since ...' span ("worst since February 27")."""
    for m in pattern.finditer(text):
        # "gained 2.7 percent ahead of its quarterly results on Friday": a coming event's day, not the move's
        before = text[:m.start()]
        if (not re.search(r"\b(since|from|until|before|ahead of)\b[^,;]*$", before, re.I) or
                SINCE_OBJECT_THEN_DAY_RE.search(before)) and not EVENT_TO_COME_BEFORE_RE.search(before):
            return m
    return None


# "on expectations it will introduce new products at an event scheduled for Wednesday", "hopes that Windows 7 will
# be a hit once it is released on October 22": the day of an event still to come, not the move's (no figure between
# the 'will' and the day: "said it will cut jobs, and its shares fell 5 percent on Monday" keeps Monday)
EVENT_TO_COME_BEFORE_RE = re.compile(r"\b(?:(?:scheduled|slated|planned|due)(?:\s+(?:for|on|out))?"
                                     r"|will\b[^,;.\d%]{0,60}?\s(?:on|for))\s+(?:next\s+)?$", re.I)


# a move's clause and sentence are anchored several times per move (its own time, the sentence's, the period's):
# the anchor is a function of the text and the publication instant alone, and a TimeAnchor is frozen
@lru_cache(maxsize=4096)
def anchor(sentence: str, published: datetime | None) -> TimeAnchor:
    """The session and period a sentence refers to, given the article's publication time."""
    period = period_words(sentence)
    if published is None:
        return TimeAnchor(None, period or "day")
    local = local_published(published)
    session, time_text, intraday_default = _named_session(sentence, local)
    weekday = _weekday_of_last_week(sentence, period, time_text, local.date())
    if weekday is not None:
        (session, period), intraday_default = weekday, False
    else:
        session = _period_session(sentence, period, session, local.date() if time_text is None else None)
    period, period_start = _period_and_start(sentence, period, session, local)
    if period == "other" and session is not None and period_start == quarter_start(session) and \
            (named := _named_past_quarter(sentence, session)) is not None:
        period_start, session = named
    if period is None and (year := _completed_year(sentence, local)) is not None:
        period, session = year
    if period is None:
        period = "intraday" if intraday_default else "day"
    return TimeAnchor(session, year_end_period(period, session), time_text, intraday_default, period_start)


# "The S&P 500 ended 2008 down 38.5 percent", "surged 43.4% in 2023", "For 2024 as a whole": a calendar year's move
COMPLETED_YEAR_RE = re.compile(r"\b(?:ended|finished|closed(?: out)?)\s+(?P<y1>(?:19|20)\d\d)\b"
                               r"|(?:%|\bpercent|\bpoints?)\s+in\s+(?P<y2>(?:19|20)\d\d)\b(?!\s+so far)"
                               r"|\bfor\s+(?:all\s+of\s+)?(?P<y3>(?:19|20)\d\d)\s+as\s+a\s+whole\b", re.I)


def _last_session_of(year: int) -> date:
    return previous_session(date(year + 1, 1, 1))


def _completed_year(sentence: str, local: datetime) -> tuple[str, date] | None:
    """('year', its last session) for a past year named as a whole; ('ytd', the session) for the story's own year."""
    m = COMPLETED_YEAR_RE.search(sentence)
    if m is None:
        return None
    year = int(m.group("y1") or m.group("y2") or m.group("y3"))
    if year > local.year:
        return None
    if year == local.year:
        return "ytd", session_for(local).session
    return "year", _last_session_of(year)


def year_end_period(period: str, session: date | None) -> str:
    """A year to date that ends on the year's last session is the year ('For the year:' in a December 31 wrap)."""
    if period == "ytd" and session is not None and session == _last_session_of(session.year):
        return "year"
    return period


def _named_session(sentence: str, local: datetime) -> tuple[date | None, str | None, bool]:
    """(the session a sentence names -- a date, a weekday, 'yesterday' -- else the publication's, the words
    that name it, whether it is the session in progress)."""
    default = session_for(local)
    session: date | None = default.session
    time_text = None
    intraday_default = default.intraday
    if m := _not_after_since(DATE_RE, sentence):
        resolved = resolve_date_mention(m, local.date())
        if resolved is not None:
            session, time_text = resolved, m.group(0)
            intraday_default = intraday_default and resolved == local.date()
    elif m := _not_after_since(WEEKDAY_RE, sentence):
        resolved = weekday_on_or_before(local.date(), WEEKDAYS[m.group(1).lower()])
        session, time_text = resolved, m.group(0)
        intraday_default = intraday_default and resolved == local.date()
    elif m := PREVIOUS_SESSION_RE.search(sentence):
        # "had dropped about 1% in the last session" at 10 a.m. on Monday: Friday's; before the open, the last
        # session closed is the piece's own already
        session, time_text, intraday_default = _previous_session_of(local), m.group(0), False
    elif m := RELATIVE_RE.search(sentence):
        word = m.group(1).lower()
        time_text = m.group(0)
        if word == "yesterday":
            session, intraday_default = local.date() - timedelta(days=1), False
        elif word in SAME_DAY_WORDS:
            session = local.date()
    return session, time_text, intraday_default


def _previous_session_of(local: datetime) -> date:
    """The session before the one a piece written at ``local`` is about: the one before the session in progress
    or closed that day; before the open or on a day without a session, the last session closed."""
    own = session_for(local)
    return previous_session(own.session) if own.session == local.date() else own.session


LAST_WEEK_RE = re.compile(r"\b(?:last|previous|prior) week\b|\bthe week before\b", re.I)


def _weekday_of_last_week(sentence: str, period: str | None, time_text: str | None,
                          published: date) -> tuple[date, str] | None:
    """'Also last week, the Nasdaq rose back above 2,000 to end on Tuesday at 2,011.31' in a Sunday piece: that
    weekday of last week (on a weekend, the week just ended; on a weekday, the calendar week before), as a day's
    move unless the weekday ends that week ('Last week ... through Friday's close': the week)."""
    m = WEEKDAY_RE.fullmatch(time_text.strip()) if time_text else None
    if period != "week" or m is None or not LAST_WEEK_RE.search(sentence):
        return None
    monday = published - timedelta(days=published.weekday())
    if published.weekday() < 5:
        monday -= timedelta(days=7)
    day = monday + timedelta(days=WEEKDAYS[m.group(1).lower()])
    if day.weekday() > 4:
        return None
    session = session_on_or_before(day)
    week_end = previous_session(monday + timedelta(days=7))
    return session, "week" if session == week_end else "day"


def _period_session(sentence: str, period: str | None, session: date | None,
                    published: date | None = None) -> date | None:
    """The session a week's or a month's move is measured at: 'last week' -> the Friday before this week,
    'last month' and 'in January' -> that month's end.

    ``published`` (the publication's date, when no day word named the session) places 'last week': in a story of
    Monday morning the session is Friday's, and last week is the week that ended then, not the one before; on a
    weekend, last week is the week just ended."""
    if period == "week" and LAST_WEEK_RE.search(sentence) and session is not None:
        day = published or session
        friday = day - timedelta(days=day.weekday() + 3) if day.weekday() < 5 else weekday_on_or_before(day, 4)
        session = session_on_or_before(friday)
    if period == "month" and re.search(r"\blast month\b", sentence, re.I) and session is not None:
        session = session.replace(day=1) - timedelta(days=1)
    elif period == "month" and session is not None:
        session = _end_of_a_named_month(sentence, session)
    return session


# a change told from an extreme the text names without its day or month, right after the change's figure: "up 50
# percent since its low", "down 73 percent from their 2007 peak", "from its 52-week closing high"
UNDATED_EXTREME_AFTER_RE = re.compile(
    # (a month, "from its October closing high", "from its early-March bottom", has the checker's reading from that
    # month's extreme, so it is not matched here)
    r"\s*(?:%|percent\b|pct\b)?(?:\s+or\s+(?:more|so))?\s*(?:(?:since|from)\s+(?:its|their|the)\s+"
    r"(?:(?:19|20)\d\d\s+|(?:\d+|[a-z]+)-(?:year|month|week)\s+)?"
    r"(?:closing\s+|intraday\s+)?"
    # (not "the 12-year closing low reached on March 9", "of March 9": a dated low, read by since_date)
    rf"(?:low|lows|high|highs|bottom|peak|trough)\b(?![^,;.]{{0,30}}?\b(?:on|of|in)\s+(?:(?:{FULL_MONTHS_ALT})\.?\s+)?\d)"
    # "slid 10 percent or more below 52-week highs set last month", "fell to 25 percent off their peak hit in July":
    # the distance from an extreme at the session, dated or not ('last month' dates the high, not the move): no
    # period's move to check
    r"|(?:below|under|off|above)\s+(?:(?:its|their|the|a|an)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:lows?|highs?|bottoms?|peaks?|troughs?)\b)",
    re.I)


# a move told in a 'during which' clause of a run named before it: "a record-setting climb over the past two months,
# during which the Dow gained more than 10 percent" measures the run, from its own undated start
DURING_A_RUN_BEFORE_RE = re.compile(
    r"\b(?:climb|rally|advance|run-up|rise|surge|slide|selloff|sell-off|decline|slump|rebound|recovery|"
    r"(?:bull|bear)\s+market)\b[^;.]{0,80}?\bduring\s+which\b[^;.]*$", re.I)


def during_a_run_told_before(before_figure: str) -> bool:
    """Whether a change's figure lies in a 'during which' clause of a rally or slide named before it."""
    return bool(DURING_A_RUN_BEFORE_RE.search(before_figure))


def from_an_undated_extreme(after_figure: str) -> bool:
    """Whether the words after a change's figure run it from an extreme they do not date (no day to check from)."""
    return bool(UNDATED_EXTREME_AFTER_RE.match(after_figure))


def no_period_to_check(text: str, start: int, end: int) -> bool:
    """Whether a change figure at text[start:end] tells no period's move to check: one run from an undated extreme
    or told as a distance from an extreme ('slid 10 percent below 52-week highs set last month'), or one told in a
    'during which' clause of a run named before it."""
    return from_an_undated_extreme(text[end:]) or during_a_run_told_before(text[:start])


# a change figure right after a move's verb ('has dropped 30 percent below its peak'), where the figure reader set it
# aside as a distance
FIGURE_AFTER_VERB_RE = re.compile(r"^[^,;.]{0,40}?\d[\d.]*\s*(?:%|percent\b|pct\b)", re.I)


def a_distance_after_the_verb(after_verb: str) -> bool:
    """Whether the words after a move's verb tell how far from an extreme it stands ('have dropped 30 percent below
    their peak hit in July'), not a period's move (the figure itself is set aside as a distance)."""
    m = FIGURE_AFTER_VERB_RE.match(after_verb)
    return m is not None and from_an_undated_extreme(after_verb[m.end():])


def _period_and_start(sentence: str, period: str | None, session: date | None,
                      local: datetime) -> tuple[str | None, date | None]:
    """The period with the close it runs from: 'up 26% since March 9' (other, from March 9), 'for the
    quarter' (other, from the last quarter's end), 'for 2009' in a 2009 story (the year to date)."""
    period_start = since_date(sentence, local.date())
    if period_start is not None and period not in ("ytd", "year", "month"):
        period = "other"
    elif period_start is not None:
        period_start = None
    elif period is None and session is not None and \
            any(not business_period(sentence, m) for m in QUARTER_RE.finditer(sentence)):
        period, period_start = "other", quarter_start(session)
    elif period is None and any(int(m.group("y1") or m.group("y2") or m.group("y3")) == local.year
                                and not business_period(sentence, m) for m in YEAR_TO_DATE_RE.finditer(sentence)):
        period = "ytd"
    return period, period_start


# "fell 11.7 percent in the first quarter" in a May story, "gained 10.5% in the fourth quarter of 2024" in February:
# that calendar quarter, not the quarter to date
NAMED_QUARTER_RE = re.compile(r"\b(?:for|over|in|during) the (?P<ord>first|second|third|fourth) quarter\b"
                              r"(?:\s+of\s+(?P<year>(?:19|20)\d\d))?"
                              r"(?![- ](?:results|earnings|profit|revenue|sales|report))", re.I)
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _named_past_quarter(sentence: str, session: date) -> tuple[date, date] | None:
    """(the close before it, its last session) for a calendar quarter the sentence names that has ended before
    the session's own quarter; None for the session's own quarter (the quarter to date) or no such words."""
    m = next((m for m in NAMED_QUARTER_RE.finditer(sentence) if not business_period(sentence, m)), None)
    if m is None:
        return None
    number, current = ORDINAL_QUARTERS[m.group("ord").lower()], (session.month - 1) // 3 + 1
    year = int(m.group("year")) if m.group("year") else session.year if number <= current else session.year - 1
    if (year, number) >= (session.year, current):
        return None
    end = (date(year, 3 * number, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return quarter_start(end), session_on_or_before(end)


NAMED_MONTH_RE = re.compile(rf"\b(?:in|for|during|finished|ended|closed out)\s+(?:the month of\s+)?"
                            rf"(?P<month>{FULL_MONTHS_ALT})\b(?!\s+\d)", re.I)


PAST_EVENT_BEFORE_RE = re.compile(r"\b(?:since|peaked|set|hit|reached|began|started|back)\b[^,;.]{0,40}$", re.I)


def _end_of_a_named_month(sentence: str, session: date) -> date:
    """'In January, it rose 0.3 percent' in a March story: January's last session, not March so far."""
    # "losses since markets peaked in October", "its record high set back in October": a past event's month
    m = next((m for m in NAMED_MONTH_RE.finditer(sentence)
              if not PAST_EVENT_BEFORE_RE.search(sentence[:m.start()])), None)
    if m is None:
        return session
    month = MONTHS[m.group("month").lower()]
    if month == session.month:
        return session
    year = session.year if month < session.month else session.year - 1
    last = (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return session_on_or_before(last)


# "since Monday's close", "from the close on Tuesday": the close of the last such weekday before the piece
SINCE_WEEKDAY_CLOSE_RE = re.compile(r"\b(?:since|from)\s+(?:(?:its|their|the)\s+)?(?:(?:close|closing level|finish)"
                                    r"\s+(?:on|of)\s+(?P<d1>monday|tuesday|wednesday|thursday|friday)\b"
                                    r"|(?P<d2>monday|tuesday|wednesday|thursday|friday)['\u2019]s\s+"
                                    r"(?:close|closing level|closing|finish|settlement)\b)", re.I)


def since_date(text: str, published: date) -> date | None:
    """'up 26% since the closing low on March 9' -> 2009-03-09; not for 'worst day since March'."""
    if m := SINCE_WEEKDAY_CLOSE_RE.search(text):
        return weekday_on_or_before(published - timedelta(days=1), WEEKDAYS[(m.group("d1") or m.group("d2")).lower()])
    for m in DATE_RE.finditer(text):
        before = text[:m.start()]
        if DAY_RANGE_END_RE.match(text, m.end()):
            continue  # "From August 1-15": a closed span of days (an 'other' period), not a move to the piece's day
        # "from its closing low in early March to a peak on May 8": May 8 ends the move
        if re.search(r"\b(since|from)\b(?:(?!\bto\b)[^,;])*$", before, re.I) and \
                not SUPERLATIVE_BEFORE_RE.search(before):
            return resolve_date_mention(m, published)
    for m in SINCE_LOW_IN_MONTH_RE.finditer(text):
        # "since hitting 12-year lows in early March", "from an 11-year low set in late November"
        if not SUPERLATIVE_BEFORE_RE.search(text[:m.start()]):
            month = MONTHS[m.group("month").lower()]
            year = published.year if month <= published.month else published.year - 1
            return date(year, month, 1)
    for m in SINCE_MONTH_RE.finditer(text):
        if not SUPERLATIVE_BEFORE_RE.search(text[:m.start()]):
            month = MONTHS[m.group("month").lower()]
            # "since the start of February" in a February story is this February; "since the end of January"
            # runs from January's last day
            this_year = month < published.month or month == published.month and m.group("edge") in ("start",
                                                                                                     "beginning")
            year = int(m.group("year")) if m.group("year") else (published.year if this_year else published.year - 1)
            if m.group("edge") == "end":
                return date(year, month, calendar.monthrange(year, month)[1])
            return date(year, month, 1)
    for m in SINCE_YEAR_RE.finditer(text):
        if not SUPERLATIVE_BEFORE_RE.search(text[:m.start()]):
            year = int(m.group("year"))
            return date(year, 12, 31) if "end" in m.group(0).lower() else date(year, 1, 1)
    return None


lead_module_patterns(globals())
PERIOD_PATTERNS[:] = [(name, led_by_first_chars(pattern)) for name, pattern in PERIOD_PATTERNS]
