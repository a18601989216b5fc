"""The ``market_claims`` component: moves, comparisons, records and streaks of named instruments.

For each sentence: find the move verbs ("gained", "edged higher", "was up", "sent ... higher"),
find whose move it is through the dependency parse (the verb's subject, "shares of X", "X's stock",
or the instrument a word like "the index" refers back to), attach the figures that hang off the verb,
then anchor the claim in time and decide its modality.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

import analyzer.extract.doc_fields  # noqa: F401  (registers the Doc fields)
from analyzer.extract import lexicon
from analyzer.extract.component import ExtractComponent, doc_text, missing_input, span_text
from analyzer.extract.doc_fields import add_claims
from analyzer.extract.instruments import (
    FUND_HEADS,
    LEGAL_SUFFIXES,
    NOT_COMPANIES,
    NOT_COMPANY_ENTITIES,
    REFERRING_HEADS,
    Mention,
    _abbreviates,
    members_by_size,
    proper_name_ending_at,
)
from analyzer.extract.modality import modality_of, speaker_of
from analyzer.extract.numbers import (
    LEVEL_CONTEXT_RE,
    NEARNESS_QUALIFIERS,
    ORDINALS,
    WORD_NUMBERS,
    NumberMention,
    decimals_of,
    find_figures,
    number_words,
    ordinal_words,
    parse_number,
)
from analyzer.extract.patterns import lead_module_patterns
from analyzer.extract.share_owners import said_by_the_company
from analyzer.extract.superlatives import (
    HEADLINE_SUPERLATIVE_OPENINGS,
    SESSION_PEAK_BEFORE_RE,
    clause_verb_direction,
    named_index_start,
    not_a_word,
    refers_to_the_line_before,
    told_ahead,
)
from analyzer.extract.timeref import (
    DATE_RE,
    FULL_MONTHS_ALT,
    LONG_MONTHS_ALT,
    MONTHS,
    PERIOD_PATTERNS,
    WEEKDAY_RE,
    WEEKDAYS,
    TimeAnchor,
    a_distance_after_the_verb,
    anchor,
    header_period,
    local_published,
    no_period_to_check,
    period_words,
    quarter_start,
    resolve_date_mention,
    weekday_on_or_before,
    year_end_period,
)
from analyzer.extract.wire_moves import wire_times
from analyzer.records import Claim, Instrument

UP_LEMMAS = lexicon.words("moves", "up_verbs")
DOWN_LEMMAS = lexicon.words("moves", "down_verbs")
NEUTRAL_LEMMAS = lexicon.words("moves", "neutral_verbs")
PASSIVE_MOVE_LEMMAS = lexicon.words("moves", "passive_move_verbs")
CLOSING_LEMMAS = lexicon.words("moves", "closing_verbs")
STANCE_LEMMAS = lexicon.words("moves", "stance_verbs")
CAUSATIVE_LEMMAS = lexicon.words("moves", "causative_verbs")
RETURNING_LEMMAS = lexicon.words("moves", "returning_verbs")
RETURNING_PARTICLES = lexicon.words("moves", "returning_particles")
CAUSATIVE_DIRECTIONS = lexicon.labels("moves", "causative_directions")
CAUSATIVE_PARTICLES = lexicon.words("moves", "causative_particles")
PERCENT_WORDS = lexicon.words("moves", "percent_words")
DIRECTION_WORDS = lexicon.labels("moves", "direction_words")
NEEDS_FIGURE = lexicon.words("moves", "needs_figure")
RECORD_VERBS = lexicon.words("moves", "record_verbs")
MOVE_VERB_LEMMAS = frozenset(UP_LEMMAS) | frozenset(DOWN_LEMMAS) | frozenset(NEUTRAL_LEMMAS) | frozenset(RECORD_VERBS)
SHARE_HEADS = lexicon.words("moves", "share_heads")
SHARE_NOUNS = lexicon.words("moves", "share_nouns")
INSTRUMENT_HEADS = SHARE_HEADS | REFERRING_HEADS | lexicon.words("moves", "instrument_heads")
INDEX_CODE_RE = re.compile(r"^\.[A-Z]{2,6}$")  # Reuters index codes: .DJI, .SPX, .IXIC
COMPARISON_LEMMAS = lexicon.labels("moves", "comparison_verbs")
PACE_COMPARISON_LEMMAS = lexicon.words("moves", "pace_comparison_verbs")
BROAD_MARKET_WORDS = lexicon.words("moves", "broad_market_words")
BROAD_MARKET_MARKS = lexicon.words("moves", "broad_market_marks")
BLUE_CHIP_WORDS = lexicon.words("moves", "blue_chip_words")
BLUE_CHIP_MARKS = lexicon.words("moves", "blue_chip_marks")
BLUE_CHIP_HEADS = lexicon.words("moves", "blue_chip_heads")
COMPARATIVE_VERBS = lexicon.words("moves", "comparative_verbs")
COMPARATIVE_WORDS = lexicon.labels("moves", "comparative_words")
# "Intel rose 2%, beating the market": the broad market (not "beat the market's expectations")
THE_MARKET_RE = re.compile(r"\S+\s+the\s+(?:stock\s+)?market\b(?!['’]s|\s+(?:consensus|expectations?|estimates?|"
                           r"forecasts?|view)\b)", re.I)
BROAD_MARKET_RE = re.compile(r"\b(the )?(broad(er)?|overall|wider) (stock )?market\b", re.I)
RECORD_RE = re.compile(
    # "an all-time session high of 12,838.46", "hit an intraday record at 12,683.93": within the session
    r"\b(?P<intraday>(?:all-time|record|lifetime|new)\s+(?:intraday|session)\s+(?:high|low)|intraday\s+(?:record|all-time)"
    r"(?:\s+(?:high|low))?(?=\s*(?:[.,;]|$|of\b|on\b|at\b|(?:US)?\$?\d)))"
    # "new high-end processors", "a fresh low-cost carrier": a compound adjective, not a record
    r"|(?P<what>(?:all-time|record|new|fresh|lifetime)\s+(?:closing\s+)?(?:high|low|peak)s?(?![-\u2010])|record(?:\s+(?:close|finish)(?:e?s)?\b|\s+closing"
    # "eking out closing records", "a closing record"
    r"\s+(?:high|level)s?)|closing\s+records?\b|(?P<weeks>52|fifty-two)-week\s+(?:closing\s+)?(?P<side>high|low)"
    r"|(?:highest|lowest)\s+close\s+(?:ever|on record)"
    # "yet another record above 14,000"; "helped drive the Dow to its record" (not "its record profit")
    r"|(?:a|another|fresh|new|(?<=\bto )(?:its|their))\s+record"
    r"(?=\s*(?:[.,;]|$|for\b|on\b|during\b|above\b|below\b|(?:US)?\$?\d)))\b"
    rf"|\b(?P<nunit>(?:\d+|{number_words(1, 12)})(?:-and-a-half|-1/2)?"
    r"[- ](?:day|week|month|year)"
    r"[- ](?:closing\s+)?(?:high|low)s?)\b|\b(?P<yearly>(?:high|low)\s+for\s+the\s+year|year's\s+(?:high|low)"
    # "its highest level of the year", "its best finish so far this year": the highest (lowest) since January
    r"|(?:(?:highest|lowest)\s+(?:closes?|closing\s+levels?|levels?|finish)?|(?:best|worst)\s+(?:close|finish))"
    r"\s*(?:(?:of|for)\s+the\s+year|(?:so\s+far\s+)?this\s+year))\b"
    # "the lowest price since January 1998"
    r"|\b(?P<since>(?:highest|lowest)\s+(?:closes?|closing\s+levels?|levels?|points?|prices?|finish)?\s*"
    r"(?:since|in)\b)",
    re.I)
STREAK_RE = re.compile(
    # "its third straight session", "for a third-straight session" (the ordinal hyphenated to its adjective)
    rf"\b(?:(?P<ord>{ordinal_words(2, 12)}|\d+(?:st|nd|rd|th))"
    r"(?:\s+|-)(?:straight|consecutive|successive)\s+(?:(?:(?P<adj>daily|weekly|monthly)\s+)?(?:advance|gain|rise|"
    r"decline|loss|drop|fall|increase|decrease)(?:s|es)?\b|(?P<unit>session|day|week|month|trading day)s?)"
    rf"|(?P<num>\d+|{number_words(2, 12)})[- ](?P<unit2>day|session|week)"
    r"\s+(?:(?P<kind>winning|losing|win|losing)\s+streak|skid|(?:run|string|stretch|streak)\s+of\s+(?:gains|advances|"
    r"losses|declines))"
    # "extended its winning streak to five sessions", "extending its rally to a fourth day"
    r"|(?:(?P<kind5>winning|losing)\s+streak|gains|rally|advance|losses|slide|declines?|selloff|sell-off|slump)"
    rf"\s+(?:to|into)\s+(?:a\s+)?(?P<num5>\d+|{number_words(2, 12)}|{ordinal_words(2, 12)})"
    r"\s+(?:straight\s+|consecutive\s+)?"
    r"(?P<unit5>session|day|week|trading day)s?\b"
    # "for three weeks in a row", "for the fourth session in a row"
    rf"|(?:for\s+)?(?:the\s+)?(?P<num3>\d+|{number_words(2, 12)}|{ordinal_words(2, 12)})"
    r"\s+(?:straight\s+)?(?P<unit3>day|session|"
    r"week|trading day)s?\s+in\s+a\s+row"
    # "gained for a second session", "fell for the third day running": a run told by its ordinal alone
    rf"|for\s+(?:a|the)\s+(?P<ord4>{ordinal_words(2, 12)})"
    r"\s+(?P<unit4>session|day|week|trading day)(?:\s+running)?\b(?!\s+(?:of|in\s+a\s+row)\b)"
    # "its seventh gain in a row", "a fourth weekly decline in a row": the run told by its move noun
    rf"|(?P<ord6>{ordinal_words(2, 12)}|\d+(?:st|nd|rd|th))\s+"
    r"(?:(?P<adj6>daily|weekly|monthly)\s+)?(?:advance|gain|rise|decline|loss|drop|fall|increase|decrease)(?:s|es)?"
    r"\s+in\s+a\s+row\b"
    # "posted back-to-back gains", "back-to-back weekly losses": a run of two (not "back-to-back quarterly gains")
    r"|back-to-back\s+(?:(?P<adj7>daily|weekly)\s+)?(?P<b2b>advance|gain|rise|decline|loss|drop|fall)(?:s|es)\b"
    # "its fifth up day", "a third day of losses" (not "its fifth up day in six sessions")
    r"|(?P<ord9>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+"
    r"(?:(?P<dir9>up|down|winning|losing)\s+(?P<unit9>day|session|week)|(?P<unit10>day|session|week)\s+of\s+"
    r"(?P<dir10>gains|advances|losses|declines))\b(?!\s+(?:in|of|out)\b)"
    # "has posted five straight weeks of gains", "four consecutive sessions of declines": a cardinal run
    rf"|(?P<num12>\d+|{number_words(2, 12)})\s+(?:straight|consecutive|successive)\s+"
    r"(?P<unit12>session|day|week|month|trading day)s\s+of\s+(?:gains|advances|losses|declines)\b"
    # "ending a three-day rally", "derailing a four-day surge": a run told by its move noun (kept only when ended)
    rf"|(?P<num13>\d+|{number_words(2, 12)})[- ](?P<unit13>day|session|week)\s+"
    r"(?P<noun13>rally|surge|advance|climb|winning run|slide|selloff|sell-off|slump|decline|losing run)\b)",
    re.I)
# "rose for the first time in four sessions", "its first gain in five days": the move ends a run of the other
# direction, one unit shorter than the span named (the move's own session is one of them)
FIRST_IN_RE = re.compile(
    r"\b(?:for\s+the\s+first\s+time|(?:its|their|the|a)\s+first\s+(?:(?P<adj>daily|weekly)\s+)?"
    r"(?P<word>advance|gain|rise|increase|rally|decline|loss|drop|fall|retreat))\s+in\s+"
    rf"(?P<num>\d+|{number_words(2, 12)})\s+"
    r"(?P<unit>sessions|days|trading\s+days|weeks)\b", re.I)
# "rose to 2009 closing highs", "a fresh 2009 intraday high": the year's extreme so far, told by the year's number
YEAR_NAMED_EXTREME_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:(?:closing|close|(?P<intraday>intraday)|"
                                   r"trading)\s+)?(?P<side>high|low)s?\b(?![-\u2010])", re.I)
# "still above its 2009 low", "down from the March 2009 low", "well over the 2009 high": a level it is measured from
NOT_AT_A_YEAR_EXTREME_RE = re.compile(r"\b(?:above|over|below|under|beneath|from|off|since|than|near|toward|towards|"
                                      rf"within|{LONG_MONTHS_ALT}|{FULL_MONTHS_ALT})\W+(?:\w+\s+){{0,2}}$", re.I)
# "closed above 13,000 for the first time in five weeks": a level crossed, not a run ended
FIRST_IN_LEVEL_RE = re.compile(r"\b(?:above|below|over|under|past|through|beyond)\s+(?:the\s+)?(?:US)?\$?\d[\d,.]*"
                               r"(?:\s+\w+){0,2}\s*$", re.I)
# "ended above 9,000 for the first time since early January", "closed below 1,000 for the first time"
# ("with the S&P 500 ending below 700 for the first time since 1996", "for the first time in over a week")
FIRST_CLOSE_RE = re.compile(r"\b(?:end|clos|finish|settl)(?:ed|ing)\s+(?:the\s+(?:day|session)\s+)?"
                            r"(?P<side>above|below|over|under)\s+(?:the\s+)?(?P<level>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                            r"(?:\s+\w+){0,3}?\s+for\s+the\s+first\s+time(?:\s+(?:ever|on\s+record)|\s+since\s+"
                            r"(?P<since>[^,;.]{2,40}?)|\s+(?P<span>in\s+(?:(?:more\s+than|over|almost|nearly|about)\s+)?"
                            rf"(?:a|an|\d+|{number_words(2, 20)})\s+(?:session|day|week|month|year)s?))?"
                            r"(?=[,;.]|\s+(?:as|when|after|amid|while|and|on)\b|$)", re.I)
# "topped 1,500 for the first time since September 2000", "fell below $10 for the first time since 2009": a level
# crossed within the session, so the highest (lowest) since then, told by its round number
FIRST_TIME_BEYOND_RE = re.compile(
    r"\b(?P<verb>topped|crossed|surpassed|breached|broke\s+(?:above|through|below)|(?:rose|climbed|jumped|rallied|"
    r"moved|pushed|surged)\s+(?:above|past|over)|(?:fell|dropped|slipped|sank|slid|dipped|tumbled)\s+(?:below|under))"
    r"\s+(?:the\s+)?(?:US)?\$?(?P<level>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+\w+){0,3}?\s+for\s+the\s+first"
    r"\s+time\s+since\s+(?P<since>[^,;.]{2,40}?)(?=[,;.]|\s+(?:as|when|after|amid|while|and|on)\b|$)", re.I)
# a level right after a record phrase: "a record 5,254.35", "record high of $677.60" (not "a record 5% gain")
RECORD_LEVEL_AFTER_RE = re.compile(r"\s*(?:of\s+|at\s+)?(?:US)?\$?"
                                   r"(?P<level>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\b"
                                   r"(?!\s*(?:%|percent|pct|points?|-|million|billion|trillion))", re.I)
# a price or level set off just before a record phrase: "$52.15, its highest since", "484.64, a lifetime peak"
RECORD_LEVEL_RE = re.compile(r"(?:\$|US\$)?(?P<level>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*,\s*"
                             r"(?:its|their|a|an|the)\s+(?:new\s+|fresh\s+)?$")
NOT_AT_RECORD_RE = re.compile(r"\b(near(?:ed|ing|s)?|below|short of|shy of|off|from|within|toward|towards|"
                              r"approach\w*|challeng\w*|under|away from|distance of|retreat\w* from|fell from|"
                              r"down from|close to|closer to|"
                              r"threaten\w*|eye\w*|flirt\w* with|narrowly missed|miss\w*|"
                              r"(?:nearly|almost|just about)\s+(?:match\w*|equal\w*|reach\w*|hit\w*|touch\w*|"
                              r"set\w*|tie\w*))\s+(?:\S+\s+){0,6}$"
                              # "trades 94% above its 52-week low": a distance from the extreme, not a record
                              r"|\d(?:%|\s?percent|\s+points?)\s+above\s+(?:\S+\s+){0,3}$"
                              # "up 64 percent since the 12-year closing low of March 9": a low in the past
                              r"|\bsince\s+(?:(?:hitting|reaching|touching|setting|the|its|their|a|an)\s+){1,3}$"
                              # "has rallied 56 percent since it touched 12-year lows", "since sinking to a record
                              # low": the base of the move, a level of the past told in a 'since' clause with its verb
                              # (its subject, if any, in up to three words; not "since March and closed at a record")
                              r"|\bsince\s+(?:(?!(?:and|but|or|then)\s)[\w&.'’-]+\s+){0,3}?"
                              r"(?:" + lexicon.alternation({*RECORD_VERBS, *lexicon.labels("moves", "past_forms")})
                              + r"|\w+(?:ed|ing))\s+(?:(?:to|at|near|on|its|their|the|a|an|new|fresh)\s+){0,3}$"
                              # "topped that record close": an earlier record, named again
                              r"|\b(?:that|(?:the|its|their)\s+(?:previous|prior|old)|an earlier)"
                              r"\s+$"
                              # "closed at its second-lowest level this year": a rank below the extreme
                              r"|\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th)[- ]$",
                              re.I)
# "a record is within reach", "a new high is in sight": a record not yet set
# a number of new highs or lows just before the record phrase: '52 new highs', 'fourteen new 52-week lows'
BREADTH_COUNT_RE = re.compile(r"\b(?:\d[\d,]*|" + lexicon.alternation(WORD_NUMBERS)
                              + r"|dozens|hundreds|several|many)\s+(?:new\s+)?$", re.I)
# "crossed its 1,527.46 record closing level but failed to hold on to its gains": touched, not set
RECORD_NOT_HELD_RE = re.compile(r"^[^.;]{0,40}?\bbut\s+(?:failed|could\s?n[o'’]t|was unable|were unable)\s+to\s+"
                                r"(?:hold|keep|stay|close|end|finish|sustain)", re.I)
# "failed to hold its gains by the closing bell to set a fresh record", "could not close at a record": a record
# the words say was not set
RECORD_NOT_SET_RE = re.compile(r"\b(?:fail(?:ed|s|ing)?\s+to|(?:was|were)\s+unable\s+to|could\s?n[o'’]t|"
                               r"did\s?n[o'’]t|did\s+not)\s+[^.;]{0,70}?\b(?:set|post|notch|reach|hit|mark|make|"
                               r"log|close\s+at|end\s+at|finish\s+at)\s+(?:\S+\s+){0,2}$", re.I)
RECORD_AHEAD_RE = re.compile(r"^\s*(?:\w+\s+){0,2}(?:is|was|are|were|remains?|seemed|looks?|looked)\s+"
                             r"(?:now\s+|still\s+)?(?:within reach|in sight|near|close|possible|likely|in view)\b",
                             re.I)
STREAK_ENDED_RE = re.compile(r"\b(?:end|ended|ending|ends|snap|snapped|snapping|snaps|break|broke|breaking|breaks|"
                             r"halt|halted|halting|stop|stopped|stopping|cut|cutting|broken|derail|derailed|derailing|"
                             r"derails|interrupt|interrupted|interrupting)\s+(?:\S+\s+){0,3}$",
                             re.I)
SUPERLATIVE_WORDS = lexicon.alternation(lexicon.phrases("moves", "superlatives"))
BEST_WORST_RE = re.compile(
    r"(?:\b(?:its|their|the|a|[A-Z][\w&.-]*(?:\s+\d+)?['’]s)\s+|" + HEADLINE_SUPERLATIVE_OPENINGS + r")"
    # "its three best days since March": the best move over that many sessions (check.extremes reads the count)
    rf"(?:(?:{number_words(2, 10)})\s+(?=(?:{SUPERLATIVE_WORDS})\s+(?:days|sessions)\b))?"
    r"(?:" + SUPERLATIVE_WORDS + r")\s+"
    # "its best four-day run since 2003" (a run told with its length only: 'its best run' may be any span)
    # "the best October for all three since 2003": a month of the year (the checker compares days and weeks only)
    rf"(?:(?:{FULL_MONTHS_ALT}|"
    r"[a-z]+-(?:day|session)\s+(?:run|stretch)\b|[a-z]+-(?:day|session|month|year)|intraday|pct|percent|"
    # plurals said of a group ("the three indexes suffered their biggest one-day losses since"), "the worst single
    # session since", "the worst day of losses in a month"
    r"daily|weekly|monthly|percentage|point|single|sessions|days|losses|gains|drops|declines|advances|"
    r"of(?=\s+(?:losses|gains|declines|advances)\b)|session|day|week|month|gain|advance|"
    r"rally|rise|drop|decline|fall|loss|slide|selloff|sell-off|slump|showing|performance|one-week|since|year|"
    r"quarter|yearly|annual|quarterly|half|start\s+to\s+(?:a|the)\s+year|and(?=\s+(?:percentage|point)))\s*){0,5}?"
    # "its worst day on a percentage basis since March 5", "the largest point and percentage drop since", "their
    # biggest one-day drop in percentage terms since October 2005"
    r"(?:(?:on\s+a\s+(?:percentage|percent|point|points)\s+basis|in\s+(?:percentage|percent|point|points)\s+terms)\s+)?"
    # "the best day for the Nasdaq since March": whose superlative it is, named after it
    r"(?:for\s+(?P<for>(?:the\s+)?[\w&.-]+(?:\s+[\w&.-]+){0,3}?"
    r"(?:\s+and\s+(?:the\s+)?[\w&.-]+(?:\s+[\w&.-]+){0,2}?)?)\s+)?"  # "for the Dow and the S&P 500"
    # "since the Sept. 11 attacks", "since Oct. 19, 1987"
    r"\s*(?P<kw>since|in)\s+(?P<since>(?:[^,;.\n]|(?<=[a-z])\.(?=\s+\d)|,(?=\s*(?:19|20)\d\d\b))"
    r"{3,40}?)(?=,(?!\s*(?:19|20)\d\d\b)|;|\.(?!\s+\d)|\s*\n|\s+(?:as|when|after|amid|while|and)\b|$)", re.I)
# a superlative that says its own direction ("its best week", "its biggest drop"), not only its size ("the steepest")
SUPERLATIVE_DIRECTION_RE = re.compile(r"\b(?:best|worst|strongest|weakest|gain|advance|rally|rise|drop|decline|fall|"
                                      r"loss|slide|selloff|sell-off|slump|showing|performance)", re.I)
# "with the Dow up 0.81 percent", "S&P 500 +0.03%", "Nasdaq 0.98%" after an "Indexes up:" header, "the Dow 0.2%
# higher", a data site's list line "Dow: -450.94 points (-1.01%) at 44,176.65" (the points only when signed and the
# percentage follows in parentheses)
VERBLESS_RE = re.compile(r"\s*(?:\.[A-Z]{2,6}\s*)?(?:\s*(?:--|—)[^-—]{1,60}(?:--|—))?[,:]?\s*"
                         r"(?:[+\-−–](?P<points>\d[\d,]*(?:\.\d+)?)\s+points?\s+\((?=\s*[+\-−–]\d))?"
                         r"(?:(?P<dir>up|down|off|higher|lower)\s+)?(?:~|about\s+)?(?P<sign>[+\-−–])?"
                         r"(?P<num>\d+(?:\.\d+)?)\s*(?:%|\s?percent\b|\s?pct\b)\)?"
                         r"(?:\s+(?P<after>higher|lower)\b(?!\s+than))?"  # "and the Dow 0.2% higher at 44,474.8"
                         r"(?:,?\s*(?:or\s+\$?[\d.]+(?:\s+cents?)?,?\s*)?(?:to|at)\s+\$?(?P<level>\d{1,3}(?:,\d{3})+"
                         r"(?:\.\d+)?|\d+(?:\.\d+)?))?", re.I)  # "to 5861.57" whole, not "586"
# a verbless move told under a hedge ('could send shares up 10%', 'expects the Dow up 1%'): no move that happened
HEDGE_RE = re.compile(r"\b(could|might|may|would|if|expect\w*|forecast\w*|target)\b", re.I)
FUTURES_HEADER_RE = re.compile(r"^\W*(?:[\w&.-]+\s+){0,3}?futures\b[^:]{0,20}:", re.I)
VERBLESS_HEADER_RE = re.compile(r"\b(up|down|higher|lower|gainers|losers)\s*:", re.I)
FALLING_HEADER_WORDS = lexicon.words("moves", "falling_header_words")
MOVE_NOUNS = lexicon.labels("moves", "move_nouns")
IMPLICATION_VERBS = lexicon.words("modality", "implication_verbs")
COMPANY_FORECAST_VERBS = lexicon.words("modality", "company_forecast_verbs")
COMPARISON_PREPOSITIONS = lexicon.words("moves", "comparison_prepositions")
NAMED_BENCHMARK_HEADS = lexicon.words("moves", "named_benchmark_heads")
PERFORMANCE_NOUNS = lexicon.words("moves", "performance_nouns")
PERIOD_ADJECTIVES = lexicon.labels("moves", "period_adjectives")
MOVE_NOUN_PREPOSITIONS = lexicon.words("moves", "move_noun_prepositions")
SESSION_EXTREME_QUALIFIERS = lexicon.words("moves", "session_extreme_qualifiers")


@dataclass
class Move:
    verb: Token
    direction: str | None
    mention: Mention | None = None
    figures: list[NumberMention] = field(default_factory=list)
    # a move verb of something else than a price ('raised its forecast 5 percent', 'declined comment'): it keeps
    # its own figures, so that none of them is given to a price move of the sentence, and makes no claim
    sink: bool = False


NOT_PRICE_OBJECTS = lexicon.words("moves", "not_price_objects")
BEYOND_PREPOSITIONS = lexicon.words("moves", "beyond_prepositions")
SPEECH_LEMMAS = lexicon.words("moves", "speech_verbs")
BUSINESS_NOUNS = lexicon.words("moves", "business_nouns")
SAY_LEMMAS = lexicon.words("modality", "say_verbs")
SHUT_DOWN_VERBS = lexicon.words("moves", "shut_down_verbs")
MARKET_SHARE_WORDS = lexicon.words("moves", "market_share_words")
PERIOD_NOUNS = lexicon.words("moves", "closed_periods")
BUSINESS_PERIODS = lexicon.words("moves", "business_periods")
# 'shares rose 5 percent in heavy volume': a price move told with its volume
BUSINESS_AFTER_IN = BUSINESS_NOUNS - {"volume", "volumes"}


def _not_a_price_move(verb: Token) -> bool:
    """'declined to comment', 'rose to become', 'raised its price target', 'soared past estimates', 'increased
    sales 3 percent', 'rose 3 percent in February sales': the verb is one of speech, decision or business, not
    the subject's price moving."""
    return any(_speech_after(verb, child) or _business_object(child) or _beyond_a_business_word(verb, child)
               or _business_subject(child) or _a_share_of_a_move(child) or _a_rated_target(child)
               for child in verb.children) \
        or _a_business_figure_left_out(verb) \
        or _a_business_subject_hung_on_the_speech(verb)


ANALYST_RATINGS = lexicon.words("moves", "analyst_ratings")
PRICE_TARGET_WORDS = frozenset({"target", "targets"})


def _a_rated_target(child: Token) -> bool:
    """'Keeps Sector Perform, Target Eased To C$126 From $128': a subject 'target' after an analyst's rating in
    its sentence is the price target (not Target Corp), and its move no price's."""
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # (or the subject's conjunct: 'Keeps Sector Perform, Target eased ...' parsed with 'Keeps' the subject)
    target = next((t for t in (child, *child.children) if t.lower_ in PRICE_TARGET_WORDS and
                   (t is child or t.dep_ == "conj")), None)
    return target is not None and any(t.lower_ in ANALYST_RATINGS for t in child.doc[child.sent.start:target.i])


def _a_share_of_a_move(child: Token) -> bool:
    """'lost 60 percent of its Monday gains', 'gave back 200 points of a 400-point rally': the object is a share
    of an earlier move, not the size of this one, and the day may still have ended the other way."""
    return child.dep_ == "dobj" and any(
        prep.dep_ == "prep" and prep.lower_ == "of" and any(
            obj.dep_ == "pobj" and obj.lemma_.lower() in MOVE_NOUNS for obj in prep.children)
        for prep in child.children)


def _business_subject(child: Token) -> bool:
    """'Wal-Mart's February sales rose 3.2 percent' (even parsed with the name a second subject); 'Acme Inc (ACME)
    implied volatility rose 12%' parsed with the volatility in apposition to the name."""
    return child.dep_ in ("nsubj", "nsubjpass") and (child.lower_ in BUSINESS_NOUNS or any(
        c.dep_ == "appos" and c.lower_ in BUSINESS_NOUNS for c in child.children) or _a_share_of_a_market(child))


def _a_share_of_a_market(noun: Token) -> bool:
    """"Intel's share of the PC processor market rose to 80 percent": market share written out, a business
    figure ('gained market share' is the object's rule); not 'shares of Intel'."""
    return noun.lemma_.lower() == "share" and noun.lower_ == "share" and any(
        prep.dep_ == "prep" and prep.lower_ == "of" and any(
            obj.dep_ == "pobj" and obj.lower_ in MARKET_SHARE_WORDS for obj in prep.children)
        for prep in noun.children)


def _a_companys_fund(head: Token, mention: Mention) -> bool:
    """"Goldman Sachs' Global Alpha hedge fund lost 30 percent", 'a Goldman mutual fund': a fund a company runs
    or owns; its return is not the company's share price. Only the owner's possessive, or a name with another
    word between it and the fund ('Goldman hedge fund'), not 'the SPDR Gold Trust', whose name is the fund's."""
    if head.lemma_.lower() not in FUND_HEADS or mention.kind != "stock" or mention.end > head.i:
        return False
    last = head.doc[mention.end - 1]
    owner = last.dep_ == "poss" or any(c.dep_ == "case" for c in last.children) or (
        mention.end < head.i and head.doc[mention.end].dep_ == "case")
    return owner or head.i - mention.end >= 1


def _speech_after(verb: Token, child: Token) -> bool:
    """'declined to comment', 'rose to become'."""
    return child.dep_ == "xcomp" and child.i > verb.i and child.lemma_.lower() in SPEECH_LEMMAS and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)


def _business_object(child: Token) -> bool:
    """'beat estimates', 'increased sales', and 'raised its forecast 5 percent' parsed with the forecast a
    modifier of the percent; 'gained market share'; 'closed down its CDO business'."""
    if child.dep_ != "dobj":
        return False
    if child.lemma_.lower() == "share" and any(c.lower_ in MARKET_SHARE_WORDS for c in child.children):
        return True
    verb = child.head
    if verb.lemma_.lower() in SHUT_DOWN_VERBS and child.pos_ == "NOUN" and child.lower_ not in PERIOD_NOUNS and \
            any(c.dep_ == "prt" for c in verb.children) and not any(c.like_num for c in child.subtree):
        return True  # not 'closing down 5.3 percent', 'closing up 80 cents'

    return any(_a_business_word(t) for t in (child, *child.children)
               if t.i == child.i or t.dep_ in ("compound", "amod", "nmod"))


def _beyond_a_business_word(verb: Token, child: Token) -> bool:
    """'soared past estimates', 'rose 3 percent in February sales'."""
    if child.dep_ != "prep":
        return False
    objects = [g.lower_ for g in child.children if g.dep_ == "pobj"]
    if child.lower_ in BEYOND_PREPOSITIONS:
        return any(o in NOT_PRICE_OBJECTS for o in objects)
    return child.lower_ == "in" and child.i > verb.i and any(o in BUSINESS_AFTER_IN for o in objects)


def _a_business_word(word: Token) -> bool:
    return word.lower_ in NOT_PRICE_OBJECTS or word.lower_ in BUSINESS_NOUNS


def _a_business_figure_left_out(verb: Token) -> bool:
    """'its same-store sales rose 5 percent, while Target's rose 3 percent' or '..., and Wal-Mart rose 3 percent':
    a company's name (or its possessive alone) as the subject of a clause joined to one whose subject is a
    company's business figure leaves that figure out; the clause tells the same figure, not the share price."""
    subject = _subject_token(verb)
    if subject is None or subject.lemma_.lower() in INSTRUMENT_HEADS or subject.lower_ in INSTRUMENT_HEADS:
        return False
    if any(c.dep_ == "case" for c in subject.children):  # "Target's rose": the noun is left out
        before = [t for t in verb.sent if t.i < subject.i and
                  (t.lower_ in BUSINESS_NOUNS or t.lemma_.lower() in SHARE_HEADS)]
        return bool(before) and before[-1].lower_ in BUSINESS_NOUNS
    if subject.pos_ != "PROPN" or verb.dep_ not in ("conj", "advcl") or verb.head.i >= verb.i:
        return False
    other = _subject_token(verb.head)
    # "its same-store sales", "sales at Target", "revenue rose 12 percent at Hewlett-Packard"
    return other is not None and other.lower_ in BUSINESS_NOUNS and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "at") for c in (*other.children, *verb.head.children))


def _a_business_subject_hung_on_the_speech(verb: Token) -> bool:
    """'Best Buy said sales at branches running for over twelve months, or comparable sales, were down 6.5
    percent', 'said same-store sales in Canada, its second market, were down': the parse, lost in the long
    subject, hangs its noun on the verb of speech (as its object, or the subject of a clause of its own making)
    and joins the verb to the speech without 'and' or 'but', so that the verb takes the speaker for its subject.
    The business figure written between them is the subject, not the speaker's stock."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.lemma_.lower() not in SAY_LEMMAS | SPEECH_LEMMAS or \
            _subject_token(verb) is not None:
        return False
    between = verb.doc[head.i + 1:verb.i]
    if any(t.dep_ == "cc" and t.head.i == head.i for t in between):
        return False  # "said sales rose, and was up 2 percent": a second verb of the speaker's own
    nouns = [t for t in between if t.dep_ in ("nsubj", "nsubjpass", "dobj") and (
        t.lower_ in BUSINESS_NOUNS or t.lemma_.lower() in SHARE_HEADS or t.lower_ in INSTRUMENT_HEADS)]
    return bool(nouns) and nouns[-1].lower_ in BUSINESS_NOUNS


def _subject_token(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


# find_figures scans every position with long alternations (~1.5 ms a sentence); its patterns all need a digit
# or one of these words, so a sentence with none of them has no figure
FIGURE_HINT_RE = re.compile(r"\d|%|percent|per\s?cent|pct|point|basis|\bbps?\b", re.I)


def _figures(text: str) -> list[NumberMention]:
    return list(_figures_of(text)) if FIGURE_HINT_RE.search(text) else []


@lru_cache(maxsize=256)
def _figures_of(text: str) -> tuple[NumberMention, ...]:
    """find_figures, once per sentence text: market_claims reads a sentence's figures up to four times."""
    return tuple(find_figures(text))


def verb_direction(verb: Token) -> tuple[bool, str | None]:
    """(is a move verb, its direction) for a verb token, reading particles such as 'edged *higher*'."""
    if verb.pos_ not in ("VERB", "AUX") and not (verb.tag_.startswith("VB")):
        return False, None  # most words: read before the lemma
    lemma = verb.lemma_.lower()
    if _a_passive_move(verb):
        particle = _direction_particle(verb)  # "were last seen up $0.30 at $3.34"
        return particle is not None, particle
    if lemma in RETURNING_LEMMAS:
        return (True, "down") if a_returned_figure(verb) and not _not_a_price_move(verb) else (False, None)
    if lemma not in MOVE_VERB_LEMMAS:  # none of the verbs below: no need to read its children
        return False, None
    if _not_a_price_move(verb):
        return False, None
    particle = _direction_particle(verb)
    moved = _move_noun_extended(verb, lemma)
    if moved is not None:
        return True, MOVE_NOUNS[moved.lemma_.lower()]
    if lemma in UP_LEMMAS:
        return True, particle if particle == "down" else "up"
    if lemma in DOWN_LEMMAS:
        return True, "down"
    if lemma in NEUTRAL_LEMMAS:
        return _neutral_direction(verb, lemma, particle)
    if lemma in RECORD_VERBS and verb.dep_ not in ("aux", "auxpass"):
        return True, None  # "hit a record high": no move of its own, but records hang off it
    return False, None


def _move_noun_extended(verb: Token, lemma: str) -> Token | None:
    """The move noun a verb carries on, which gives the direction: "extending its weekly decline to 2.5%",
    "extended losses", and "adding to Wednesday's 4.1% loss" (to add to a loss is to fall further, not to rise)."""
    if lemma == "extend":
        return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in MOVE_NOUNS), None)
    if lemma == "add" and not any(c.dep_ == "dobj" for c in verb.children):
        return next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
                     if o.dep_ == "pobj" and o.lemma_.lower() in MOVE_NOUNS), None)
    return None


def returning_particle(word: Token) -> bool:
    """'up' in 'gave up 110 points', 'back' in 'gave back 5 percent': the particle of a returning verb, which
    gives no direction of its own (the verb's is down)."""
    return word.lower_ in RETURNING_PARTICLES and word.dep_ in ("prt", "advmod") and word.head.i < word.i and \
        word.head.lemma_.lower() in RETURNING_LEMMAS


def a_returned_figure(verb: Token) -> bool:
    """'gave up 110 points', 'handed back 5 percent': a returning verb with its particle and a figure for its
    object. 'Gave up early gains' tells no size and not that the day ended lower, so it is no move."""
    return any(returning_particle(c) for c in verb.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() not in MOVE_NOUNS and any(t.like_num for t in c.subtree)
        for c in verb.children)


def _a_passive_move(verb: Token) -> bool:
    """'were last seen up $0.30', 'were quoted down 2%': a passive that states where a price stands."""
    return verb.lemma_.lower() in PASSIVE_MOVE_LEMMAS and any(c.dep_ == "auxpass" for c in verb.children)


def _a_move_of_something_else(verb: Token) -> bool:
    """A move verb that moves no price ('raised its forecast 5 percent'): see ``Move.sink``. The copula of a
    clause counts too: in 'Best Buy added that same-store sales were down 6.5 percent' the figure is the sales',
    and no verb above it ('added') may take it."""
    return (verb.pos_ == "VERB" or _a_clause_copula(verb)) and _not_a_price_move(verb)


def moves_a_business_figure(word: Token) -> bool:
    """'posted December sales down 6.5 percent', 'profit, excluding charges, was down 6.5 percent': the verb a
    direction word hangs on (or the word itself, a verb) moves a business figure by the rules' reading, or the
    word modifies one ('sales down 6.5 percent'). For the readers that find the direction word without a parse
    of their own (the tagger-guided pass)."""
    head = word if word.pos_ in ("VERB", "AUX") else word.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head.lower_ in BUSINESS_NOUNS
    return head.pos_ in ("VERB", "AUX") and _not_a_price_move(head)


def _a_clause_copula(verb: Token) -> bool:
    return verb.pos_ == "AUX" and verb.lemma_.lower() == "be" and verb.dep_ not in ("aux", "auxpass")


def _direction_particle(verb: Token) -> str | None:
    """The direction a word after the verb gives: 'edged *higher*', 'closed *down*', 'was little changed'."""
    for child in verb.children:
        if child.lower_ in ("high", "low") and any(c.dep_ in ("det", "poss", "amod", "compound")
                                                   for c in child.children):
            continue  # "finished 2006 near its lifetime high": a level named, not a direction
        if _a_position(child):
            continue
        if child.dep_ in ("prt", "advmod", "acomp", "attr", "oprd", "npadvmod", "dobj", "xcomp") and \
                child.lower_ in DIRECTION_WORDS and child.i > verb.i:
            particle = DIRECTION_WORDS[child.lower_]
            if child.lower_ == "little" and not (child.nbor(1).lower_ == "changed" if child.i + 1 < len(
                    child.doc) else False):
                particle = None
            if particle:
                return particle
    return None


def _a_position(word: Token) -> bool:
    """'well ahead of rivals in Web search', 'ahead of the meeting': where something stands against another
    thing or a date, not a move."""
    return word.i + 1 < len(word.doc) and word.doc[word.i + 1].lower_ == "of"


def _neutral_direction(verb: Token, lemma: str, particle: str | None) -> tuple[bool, str | None]:
    """'edged higher', 'ended down' (a direction from a particle or the next word), 'closed at 1,377.02' (a
    level without a direction)."""
    if particle is None and lemma in STANCE_LEMMAS:
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.lower_ in DIRECTION_WORDS and not _a_position(nxt):
            particle = DIRECTION_WORDS[nxt.lower_]
    if particle:
        return True, particle
    return lemma in CLOSING_LEMMAS, None


def owning_verb(token: Token, verbs: dict[int, Move], sentence: Span) -> Move | None:
    """The move verb a figure belongs to: the nearest move-verb ancestor, else the one before it."""
    node = token
    for _ in range(12):
        if node.i in verbs:
            return verbs[node.i]
        if node.head.i == node.i:
            break
        node = node.head
    before = [m for i, m in verbs.items() if i < token.i]
    return before[-1] if before else None


# a percentage of a whole ('5.2% of the portfolio', '2% of the float', '15% of its workforce'), unless the whole is
# the instrument's own value ('lost 30% of its value', 'shed 5% of their market value')
SHARE_OF_RE = re.compile(r"\s*of\s+(?!(?:(?:its|their|the|the\s+company['\u2019]s)\s+)?(?:\w+\s+)?(?:value|worth|"
                         r"gains?|losses|market\s+(?:value|cap\w*))\b)(?:the|its|their|a|an|all|total|outstanding)\b",
                         re.I)
# a figure told of a business figure after a name, not the price: 'Acme (ACM) up 12% in revenue', 'down 3% YoY on
# sales'
VERBLESS_BUSINESS_RE = re.compile(r"\s*(?:(?:yoy|y/y|year[- ]over[- ]year|year[- ]on[- ]year)\s*,?\s*)?(?:in|on)\s+"
                                  r"(?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+)", re.I)


def _attach_figures(doc: Doc, sentence: Span, moves: dict[int, Move]) -> None:
    """Give each figure of the sentence to the move verb it belongs to."""
    for fig in _figures(span_text(sentence)):
        tok = doc.char_span(sentence.start_char + fig.start, sentence.start_char + fig.end, alignment_mode="expand")
        if tok is None:
            continue
        owner = owning_verb(tok.root, moves, sentence)
        if SHARE_OF_RE.match(span_text(sentence), fig.end):
            # "holds 2% of the float", "cut 10 percent of its workforce": a share of a whole; "rose to 5.2% of the
            # portfolio, up 1.3% from ...": the verb that takes it moves that share, not a price
            if owner is not None and _the_verbs_own_level(tok.root, owner.verb):
                del moves[owner.verb.i]
            continue
        if _a_range_figure(span_text(sentence), fig):
            continue
        if owner is not None and tok.root.i in _verbless_asides_before(sentence, owner):
            continue  # "the stock, up 59 percent this year, fell $1.46": the aside's figure is not the verb's
        if owner is not None and not _an_earlier_items_figure(doc, tok, owner) and \
                not _a_named_noun_moves_figure(tok, doc._.instruments or []) and not _a_move_it_came_from(tok.root) \
                and not _a_compared_nouns_figure(tok):
            owner.figures.append(fig)
            if owner.direction is None and not owner.sink:
                owner.direction = _signed_direction(span_text(sentence), fig)


def _signed_direction(text: str, fig: NumberMention) -> str | None:
    """'closed at $33.93, marking a +0.5% move', 'moving -1.46% from the previous session': a percentage written
    with its sign gives the direction a neutral verb or noun ('close', 'move') leaves open."""
    sign = text[fig.start - 1:fig.start] if fig.kind == "pct" and fig.start > 0 else ""
    if sign not in ("+", "-", "\u2212") or (fig.start > 1 and not (text[fig.start - 2].isspace() or
                                                                 text[fig.start - 2] == "(")):
        return None
    return "up" if sign == "+" else "down"


# "rose between 8 percent and 10 percent", "up roughly 2% to 3%", "fell 8 to 10 percent": a range, no one figure
_RANGE_WORDS = r"(?:%|\s?percent\b|\s?pct\b)?\s*(?P<joiner>and|to|-|–)\s*(?:about\s+|roughly\s+|around\s+)?"
RANGE_AFTER_RE = re.compile(r"^" + _RANGE_WORDS + r"(?P<other>\d[\d,]*(?:\.\d+)?)\s*(?:%|percent\b|pct\b)", re.I)
RANGE_BEFORE_RE = re.compile(r"(?P<other>\d[\d,]*(?:\.\d+)?)" + _RANGE_WORDS + r"$", re.I)
RANGE_FROM_RE = re.compile(r"\bfrom\s+(?:about\s+|roughly\s+|around\s+)?$", re.I)  # "from 2% to 3%": two levels
RANGE_BETWEEN_RE = re.compile(r"\bbetween\s+(?:about\s+|roughly\s+|around\s+)?$", re.I)
RANGE_MAX_RATIO = 3.0  # "rose 0.1% to 4.5%" is a move and a level, no range


def _a_range_figure(text: str, fig: NumberMention) -> bool:
    """Whether a percentage is one end of a range of percentages (not 'from 2% to 3%', a move between levels)."""
    if fig.kind != "pct":
        return False
    if after := RANGE_AFTER_RE.match(text[fig.end:]):
        low, high, start, joiner = fig.value, parse_number(after.group("other")), fig.start, after.group("joiner")
    elif before := RANGE_BEFORE_RE.search(text[:fig.start]):
        low, high, start = parse_number(before.group("other")), fig.value, before.start()
        joiner = before.group("joiner")
    else:
        return False
    # "rose 1% and 2%, respectively" is two figures; "between 1% and 2%" one range
    if joiner.lower() == "and" and not RANGE_BETWEEN_RE.search(text[:start]):
        return False
    return 0 < low < high <= RANGE_MAX_RATIO * low and not RANGE_FROM_RE.search(text[:start])


def _a_move_it_came_from(figure: Token) -> bool:
    """'rebounded from a drop of about 2 percent at the open', 'recovered from a 3 percent slide': the figure is the
    earlier move the verb's move came back from, not its own."""
    at = figure.head
    if at.lower_ == "at" and at.i > 0 and figure.doc[at.i - 1].dep_ == "pobj" and \
            figure.doc[at.i - 1].head.lower_ == "from" and figure.doc[at.i - 1].pos_ == "NOUN":
        return True  # "slipped from its perch at 10,000" (the parse hanging 'at' on the verb): where it came from
    node = figure
    for _ in range(6):
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "pobj" and node.head.lower_ == "from" and (node.lemma_.lower() in MOVE_NOUNS or (
                node.i != figure.i and node.pos_ == "NOUN")):
            # "slipped from its perch at 10,000", "retreated from a peak of 1,500": where it came from, no level
            return True
        node = node.head
    return False


def _a_reporting_periods_figure(doc: Doc, sentence: Span, move: Move) -> bool:
    """'In the latest quarter, Coca-Cola (KO) increased 6%, PepsiCo (PEP) fell 2%': a company named with its ticker
    tag under a reporting period's heading, and no price word anywhere in the sentence, tells a business figure
    (sales), not the price over the quarter to date. Not 'Acme (ACM) fell 3% after fourth-quarter results'."""
    mention = move.mention
    if mention is None or mention.kind != "stock" or not _ticker_tagged(doc, mention):
        return False
    heading = {t.lower_ for t in doc[sentence.start:mention.start]}
    return bool(heading & BUSINESS_PERIODS) and not {t.lower_ for t in sentence} & SHARE_HEADS


def _ticker_tagged(doc: Doc, mention: Mention) -> bool:
    """'Lyft (LYFT)', 'Acme (NYSE: ACM)' (the tag inside the mention or just after it)."""
    words = doc[mention.start:min(mention.end + 5, len(doc))]
    opening = next((t.i for t in words if t.text == "("), None)
    return opening is not None and any(t.text.isupper() and t.is_alpha and t.i > opening for t in words) and \
        any(t.text == ")" and t.i > opening for t in words)


def _the_closing_figure_wins(moves: dict[int, Move]) -> None:
    """'rebounded to close down 24.9 percent', 'rose to close up 1.2 percent': the close's own direction word and
    figure are the move the sentence states; the first verb (which has no figure of its own) takes them."""
    for i, move in list(moves.items()):
        head = moves.get(move.verb.head.i)
        if head is None or head is move or move.sink or head.sink or move.direction is None or head.figures or \
                not move.figures or move.verb.lemma_.lower() not in CLOSING_LEMMAS or \
                move.verb.dep_ not in ("advcl", "xcomp") or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in move.verb.children):
            continue
        head.direction, head.figures = move.direction, move.figures
        del moves[i]


def _the_verbs_own_level(figure: Token, verb: Token) -> bool:
    """'rose to 5.2% of ...': the figure is the level the verb reaches (its object, or that of its 'to')."""
    head = figure.head
    return head.i == verb.i or (head.lower_ == "to" and head.head.i == verb.i)


def _a_named_noun_moves_figure(figure: Span, mentions: list[Mention]) -> bool:
    """'The Dow ended lower, held back by a 3.5 percent drop in Citigroup': the figure is the move of the
    instrument its noun names ('drop in Citigroup'), not of the verb's subject."""
    noun = figure.root.head
    if noun.lemma_.lower() not in MOVE_NOUNS or noun.pos_ != "NOUN":
        return False
    all_named, named_in = _instrument_phrases(noun, mentions)
    return all_named and named_in is not None


def _a_move_not_made(verb: Token, named_in: Mention | None, mentions: list[Mention]) -> bool:
    """A move noun under a verb that does not make the move: "raised its S&P 500 target to 6,500, implying a gain
    of about 6%" (implied), "Wal-Mart had forecast a rise of 1 percent" (a company's forecast of its business)."""
    return verb.lemma_.lower() in IMPLICATION_VERBS or (named_in is None and _a_companys_own_forecast(verb, mentions))


def _a_companys_own_forecast(verb: Token, mentions: list[Mention]) -> bool:
    """'Wal-Mart had forecast a rise of 1 percent to 3 percent': a company forecasting a move names no instrument
    it moves; what a company forecasts is its business (sales, profit), not its own share price."""
    if verb.lemma_.lower() not in COMPANY_FORECAST_VERBS:
        return False
    subject = _subject_token(verb)
    return subject is not None and any(m.kind == "stock" and m.start <= subject.i < m.end for m in mentions)


def _a_compared_nouns_figure(figure: Span) -> bool:
    """'the stock was nearly unchanged for the year, compared with an 11.3 percent increase for Wrigley', 'against
    Wrigley's 11.3 percent rise': the figure of a move noun set against the subject's, with an owner of its own
    (named or not in our listings), is that owner's, never the subject's."""
    noun = figure.root.head
    if noun.lemma_.lower() not in MOVE_NOUNS or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return False
    prep = noun.head
    compared = prep.lower_ in COMPARISON_PREPOSITIONS or (
        prep.lower_ in ("with", "to") and prep.head.lemma_.lower() in ("compare", "comparison"))
    if not compared:
        return False
    return any(c.dep_ == "poss" for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in MOVE_NOUN_PREPOSITIONS and any(
            o.dep_ == "pobj" and o.lemma_.lower() not in PERIOD_NOUNS for o in c.children)
        for c in noun.children)


def _an_earlier_items_figure(doc: Doc, figure: Span, owner: Move) -> bool:
    """'* Dow off ~0.4%, S&P 500 off ~0.3%, Nasdaq edges up': a figure before the verb with another instrument
    named between them is the earlier item's, not the verb's."""
    if figure.end > owner.verb.i:
        return _a_later_items_figure(doc, figure, owner)
    return any(figure.end <= m.start < owner.verb.i for m in doc._.instruments or [])


def _a_later_items_figure(doc: Doc, figure: Span, owner: Move) -> bool:
    """'with the Dow gaining 142 points and beaten-down Washington Mutual Inc up 18 percent', 'the Dow rose 100
    points, with Boeing up 3 percent': a figure told as an item of its own after the verb ('NAME up 18 percent':
    another name right before its direction word) is that item's, however the parse hangs it."""
    word = figure.start - 1
    if word < 1 or doc[word].lower_ not in DIRECTION_WORDS or word <= owner.verb.i + 1:
        return False
    mine = range(owner.mention.start, owner.mention.end) if owner.mention is not None else range(0)
    named = doc[word - 1]
    if named.text == ")":  # 'Washington Mutual Inc (WaMu) up 18 percent': the name before its short form
        opening = next((t for t in doc[max(owner.verb.i + 1, word - 5):word - 1] if t.text == "("), None)
        named = doc[opening.i - 1] if opening is not None else named
    if named.i in mine:
        return False
    if any(m.start <= named.i < m.end for m in doc._.instruments or []):
        return True
    # a company we list no prices for ('Washington Mutual Inc') is no mention, but still another item
    return named.pos_ == "PROPN" and named.lower_ not in NOT_COMPANIES and named.ent_type_ not in NOT_COMPANY_ENTITIES


RESPECTIVELY_RE = re.compile(r"\brespectively\b", re.I)


def _respective_levels_unshared(claims: list[Claim]) -> list[Claim]:
    """'the Dow and the S&P 500 fell 0.9% each to 44,332.3 and 6,028.2, respectively': a level given to two
    instruments of a 'respectively' list belongs to one of them only; neither keeps it (their moves stand)."""
    if not claims or not RESPECTIVELY_RE.search(claims[0].sentence):
        return claims
    owners: dict[str, set[str | None]] = {}
    for c in claims:
        if c.level is not None and c.stated.get("level"):
            owners.setdefault(c.stated["level"], set()).add(c.instrument.symbol if c.instrument else None)
    shared = {text for text, symbols in owners.items() if len(symbols) > 1}
    return [replace(c, level=None, stated={k: v for k, v in c.stated.items() if k != "level"})
            if c.stated.get("level") in shared else c for c in claims]


def _without_repeats(claims: list[Claim]) -> list[Claim]:
    """Drop what a sentence says twice: the bare move beside its streak, a claim made twice alike."""
    # "has risen for three weeks in a row" is the streak; the bare "risen" is no claim of its own
    streaks = {(c.instrument.symbol if c.instrument else None) for c in claims if c.kind == "streak"}
    claims = [c for c in claims if not (c.kind in ("index_move", "stock_move") and c.change_pct is None
                                        and c.change_points is None and c.level is None
                                        and (c.instrument.symbol if c.instrument else None) in streaks)]
    # "the CBOE Volatility Index or the VIX" names one instrument twice: one claim, not two alike
    claims = [c for i, c in enumerate(claims) if c not in claims[:i]]
    # "its 41st record finish since October and its 19th record close this year": one record, told twice
    records: list[tuple] = []
    kept = []
    for c in claims:
        key = (c.instrument, c.what, c.session, c.level)
        if c.kind == "record":
            if key in records:
                continue
            records.append(key)
        kept.append(c)
    return kept


PERIOD_NOUNS = lexicon.words("moves", "period_nouns")


def _move_noun_of(figure: Span) -> tuple[Token, bool]:
    """(the noun a figure is of, whether the figure follows it): 'a 1.5 percent gain', 'a gain of 0.5%'."""
    root = figure.root
    if root.head.lemma_.lower() in MOVE_NOUNS:
        return root.head, False
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in MOVE_NOUNS and of.head.i < of.i:
        return of.head, True
    return root, False


def _says_nothing_of_whose(prep: Token) -> bool:
    """A phrase of a move noun or 'index' that names no other thing: what an index holds ('the Russell 2000
    index of smaller companies'), the move's figure ('a gain of 0.5%') or its period ('for the month')."""
    if prep.lower_ == "of" and (members_by_size(prep.doc, prep.i + 1) or _a_figure_phrase(prep)):
        return True
    return prep.lower_ == "for" and any(c.dep_ == "pobj" and c.lemma_.lower() in PERIOD_NOUNS for c in prep.children)


def _a_figure_phrase(prep: Token) -> bool:
    """'of 0.5%' in 'a gain of 0.5%': the move's own figure, no phrase naming what moved ('a gain of 5% in
    revenue' names something else)."""
    return prep.lower_ == "of" and any(c.dep_ == "pobj" and (c.like_num or c.lower_ in PERCENT_WORDS)
                                       and not any(g.dep_ == "prep" for g in c.children) for c in prep.children)


def _instrument_phrases(noun: Token, mentions: list[Mention]) -> tuple[bool, Mention | None]:
    """(whether every 'in'/'of'/'for' phrase of a move noun names an instrument, the one the last names):
    'a 2% gain in the Dow' names one; 'a 5% gain in earnings' does not."""
    named_in = None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in MOVE_NOUN_PREPOSITIONS):
        if _says_nothing_of_whose(prep):
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        named_in = next((m for m in map(lambda o: _named_object(o, mentions), objects) if m is not None), None)
        if named_in is None:
            return False, None
    return True, named_in


def _named_object(obj: Token, mentions: list[Mention]) -> Mention | None:
    """The instrument a preposition's object names: 'in Citigroup', 'in the Dow', 'in shares of Boeing'; not
    'for GM's main parts supplier' (another company, GM's) nor 'for natural gas'."""
    named = next((m for m in mentions if m.start <= obj.i < m.end), None)
    if named is None and obj.pos_ == "PROPN":
        named = _name_continued_by(obj, mentions)  # "shares of Walt Disney Co"
    if named is None and (obj.lemma_.lower() in INSTRUMENT_HEADS or obj.lower_ in INSTRUMENT_HEADS):
        named = _mention_under_a_head(obj, mentions)
    return named


def _governing_verb(noun: Token) -> Token:
    """The verb a move noun hangs from ('posted a 1.5 percent gain'), else the last word climbed to."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in ("pobj", "prep", "dobj",
                                                                                        "attr", "appos"):
        verb = verb.head
    return verb


def _figure_values(figures: list[NumberMention], kind: str,
                   text: str) -> tuple[dict[str, float], dict[str, str], str | None]:
    """(the claim fields a move's figures fill, each as stated, the first qualifier): the first figure for each
    field wins."""
    stated: dict[str, str] = {}
    values: dict[str, float] = {}
    qualifier = None
    for fig in figures:
        key, value, figure_text = _figure_field(fig, kind, text)
        if key is None or key in values:
            continue
        values[key] = value
        stated[key] = figure_text
        qualifier = qualifier or fig.qualifier
    return values, stated, qualifier


def _no_period_to_check(sentence: Span, move: Move) -> bool:
    """'slid 10 percent or more below 52-week highs set last month', 'have dropped 30 percent below their peak' (the
    figure set aside as a distance), 'which is up nearly 50 percent since its early March low': no period's move."""
    text = span_text(sentence)
    pct = next((f for f in move.figures if f.kind == "pct"), None)
    if pct is not None:
        return no_period_to_check(text, pct.start, pct.end)
    return a_distance_after_the_verb(text[move.verb.idx + len(move.verb) - sentence.start_char:])


def _move_span(doc: Doc, sentence: Span, move: Move, mention: Mention) -> tuple[int, int]:
    """Where a move claim's words lie in the document: its name (when named in this sentence), its verb and
    particle and its figures."""
    ends = [sentence.start_char + f.end for f in move.figures]
    # a name from an earlier sentence ("The stock closed at ...") is not part of this claim's span
    named_here = sentence.start <= mention.start < sentence.end
    ends += [move.verb.idx + len(move.verb)]
    ends += [doc[mention.end - 1].idx + len(doc[mention.end - 1])] if named_here else []
    ends += [c.idx + len(c) for c in move.verb.children if c.lower_ in DIRECTION_WORDS and c.i > move.verb.i]
    first_char = min(doc[mention.start].idx, move.verb.idx) if named_here else move.verb.idx
    return first_char, max(ends)


def _nominal_subject(node: Token, mentions: list[Mention]) -> Token | None:
    """A verb's subject; of two (the parse may split one subject in two: 'the broad S&P 500 finished up'), the
    one in an instrument's name."""
    # a bullet mark the parser took for a subject ('\*\* Shares of Intel rose 6%', Markdown escaped) is none
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and any(ch.isalnum() for ch in c.text)]
    return next((c for c in subjects if any(m.start <= c.i < m.end for m in mentions)),
                subjects[0] if subjects else None)


def _whose_shares_of_a_description(verb: Token, mentions: list[Mention]) -> Token | None:
    """'The retailer, whose stock sank 9 percent, said ...': the shares (subject of a relative clause on a
    definite description), which mean what 'the company's shares' would."""
    subj = _nominal_subject(verb, mentions)
    if verb.dep_ != "relcl" or subj is None or not _definite_description(verb.head):
        return None
    return subj if _definite(subj) and any(c.lower_ == "whose" for c in subj.children) else None


def _inside_a_relative_clause(token: Token, above: int) -> bool:
    """Whether ``token`` lies in a relative clause ('which owns X') whose verb hangs below token ``above``."""
    return _clause_below(token, above) == "relcl"


def _clause_below(token: Token, above: int) -> str | None:
    """'relcl' where ``token`` lies in a relative clause ('which owns X') whose verb hangs below token ``above``,
    'advcl' where it lies in an adverbial clause a conjunction opens ('since Intel beat forecasts', 'after X
    reported'); None where neither comes between the two."""
    node = token
    for _ in range(8):
        if node.dep_ == "relcl":
            return "relcl"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            return "advcl"
        if node.head.i == node.i or node.head.i == above:
            return None
        node = node.head
    return None


def _verb_sharing_the_subject(conj: Token, mentions: list[Mention]) -> Token:
    """The verb a conjoined verb takes its subject from: the one it is joined to; but where that verb heads a clause
    a conjunction opens and its subject does not agree with the conjoined verb in number ('The shares have risen 6%
    since Intel beat forecasts, and are up 70%': 'are' is no verb of 'Intel'), the verb the clause hangs on."""
    head = conj.head
    if head.dep_ != "advcl" or not any(c.dep_ == "mark" for c in head.children):
        return head
    subject = _nominal_subject(head, mentions)
    number = _finite_number(conj)
    return head.head if subject is not None and number is not None and _number_of(subject) != number else head


def _finite_number(verb: Token) -> str | None:
    """'NNS' for a verb in the plural present ('are', 'have risen'), 'NN' for the singular ('is', 'has'), else
    None (a past tense agrees with either)."""
    finite = next((t for t in (verb, *(c for c in verb.children if c.dep_ == "aux")) if t.tag_ in ("VBP", "VBZ")),
                  None)
    return None if finite is None else {"VBP": "NNS", "VBZ": "NN"}[finite.tag_]


def _relative_pronoun(subj: Token | None) -> Token | None:
    """'which' of 'Boeing ( BA.N ), which rose 2.1 percent'; 'whose' of 'Nike, whose stock gained 3 percent'."""
    if subj is None or subj.tag_ in ("WDT", "WP"):
        return subj
    return next((c for c in subj.children if c.lower_ == "whose"), None) if subj.lemma_.lower() in SHARE_HEADS \
        else None


EXAMPLE_PREPOSITIONS = lexicon.words("moves", "example_prepositions")


def _examples_of(subj: Token) -> list[Token]:
    """'Industrials, such as Caterpillar Inc, rose 3.07 percent': what a subject is exemplified by; also where the
    parse hangs the examples deeper in the subject's phrase ('shares of heavy manufacturers with large fuel
    bills, including General Electric Co. and Caterpillar Inc., dropped': on 'bills')."""
    return [g for c in subj.subtree if c.dep_ == "prep" and c.lower_ in EXAMPLE_PREPOSITIONS
            and (c.lower_ != "as" or any(t.lower_ == "such" for t in c.children))
            and (c.head.i == subj.i or _set_off(c)) for g in c.children if g.dep_ == "pobj"]


def _set_off(prep: Token) -> bool:
    """A list of examples set off by a comma ('..., including X and Y,'), which tells of the whole subject; without
    it, deeper in the phrase ('retailers that sell goods including iPods') it tells of the word it hangs on."""
    first = prep.i - 1 if prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such" else prep.i
    return first > 0 and prep.doc[first - 1].text == ","


_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl"})


def _states_a_figure(verb: Token) -> bool:
    """Whether a number hangs on ``verb`` outside its own clauses: 'having closed up 3.7%', not 'having slipped back
    from its high, when it had been up 62.3 percent' (the figure is the earlier moment's, no move of the slip)."""
    return any(t.like_num for child in verb.children if child.dep_ not in _CLAUSE_DEPS for t in child.subtree)


def _subject_sharing_verb(node: Token, verb: Token) -> Token | None:
    """The verb whose subject ``node`` shares: 'rebounded 2.4% after falling 15% on Friday', 'The Nasdaq
    lagged, slipping 21 points', 'having closed up 3.7%'."""
    if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep":
        return node.head.head
    if node.dep_ == "advcl" and node.i == verb.i and (node.tag_ == "VBG" or node.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ == "having" for c in node.children) and _states_a_figure(node)):
        return node.head  # "rose 1.2% after hours, having closed up 3.7% in the regular session"
    return None


def _verb_and_word_subject(phrase: Span) -> tuple[Token | None, Token | None]:
    """(the verb a record or superlative phrase hangs from, its subject): the subject left out where it is a bullet mark
    the parser took for one ('** Shares of Acme rise 6.1% to A$0.052, their highest since ...'), so that the words
    before the verb decide whose the phrase is."""
    verb, subject = _verb_just_before(phrase) or _verb_of_the_figure_before(phrase) or _phrase_subject(phrase)
    return verb, None if subject is not None and not_a_word(subject) else subject


def _verb_just_before(phrase: Span) -> tuple[Token, Token] | None:
    """(the verb, its subject) where the text puts a record phrase right after a verb ('a gauge of confidence
    dropped to a 20-year low and Target cut its outlook'): the phrase is that verb's, whatever the parse hung
    it from."""
    doc = phrase.doc
    for i in range(phrase.start - 1, max(phrase.sent.start, phrase.start - 5) - 1, -1):
        tok = doc[i]
        if tok.pos_ == "VERB":  # of two subjects the parse gave it, the one written next to it
            subject = next((c for c in reversed(list(tok.children)) if c.dep_ in SUBJECT_DEPS and c.i < tok.i), None)
            return (tok, subject) if subject is not None else None
        if tok.pos_ not in ("DET", "ADP", "NUM", "ADJ", "PUNCT") and tok.tag_ != "PRP$":
            return None
    return None


def _verb_of_the_figure_before(phrase: Span) -> tuple[Token, Token] | None:
    """(the verb, its subject) of a figure a record phrase is set after ('Boeing fell 2%, as the yield rose as high
    as 4.9 percent, its highest since January': the yield's figure, so the yield's record, not Boeing's)."""
    doc, i = phrase.doc, phrase.start - 1
    i -= doc[i].tag_ == "PRP$"  # ", its highest since": the figure is set off by a comma
    if i <= phrase.sent.start + 1 or doc[i].text != ",":
        return None
    i -= 1 + (doc[i - 1].lower_ in ("percent", "%", "pct", "points", "point"))
    if i < phrase.sent.start or not doc[i].like_num:
        return None
    verb = next((a for a in doc[i].ancestors if a.pos_ == "VERB"), None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None) if verb else None
    return (verb, subject) if subject is not None else None


def _phrase_subject(phrase: Span) -> tuple[Token | None, Token | None]:
    """(the verb a phrase hangs from, that verb's subject; for 'upgrades propelled the Nasdaq to its ninth
    straight advance' the object)."""
    verb = next((a for a in phrase.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None, None
    if verb.lemma_.lower() in CAUSATIVE_LEMMAS:
        return verb, next((c for c in verb.children if c.dep_ == "dobj"), None)
    return verb, next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _benchmarks(doc: Doc, sentence: Span, mentions: list[Mention], verb: Token,
                subject: Mention) -> list[Instrument]:
    """What ``subject`` outperformed or lagged: the instruments named after the verb in its clause, else the
    broad market or the rest of the market it names or implies."""
    # "trailed the other indexes, hampered by shares of GM": GM is no benchmark
    after = [m for m in mentions if m.start > verb.i and m is not subject and m.symbol != subject.symbol
             and _clause_verb(doc[m.start:m.end].root) in (verb, None)]
    benchmarks = [_instrument(m) for m in after]
    tail = doc[verb.i:sentence.end].text
    if not benchmarks and (BROAD_MARKET_RE.search(tail) or THE_MARKET_RE.match(tail)):
        benchmarks = [MAIN_US_INDEXES[1]]
    if not benchmarks and (OTHER_INDEXES_RE.match(doc[verb.i + 1:sentence.end].text) or _intransitive(verb)):
        # "trailed the other indexes", "The Nasdaq lagged, slipping 21 points": the rest of the market
        benchmarks = _rest_of_market(subject)
    if not benchmarks and (named := _a_named_index_beaten(verb)) is not None:
        benchmarks = [named]
    return benchmarks


def _whose_move(noun: Token) -> Token | None:
    """'the 1.3 percent gain in the XYZ index': the noun of the 'in' or 'of' phrase that says whose move it is."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")]
    return next((p for prep in preps for p in prep.children if p.dep_ == "pobj"), None)


def _a_named_index_beaten(verb: Token) -> Instrument | None:
    """'underperforming the Amex Securities Broker Dealer index', 'outperforming the 1.3 percent gain in the DJ Stoxx
    technology sector': an index the registry does not know, named (capitalised words before its head) as the
    object, or as whose move the object is. Kept by its name only, so that no prices are read for it."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in MOVE_NOUNS:
        obj = _whose_move(obj)
    if obj is None or obj.lower_ not in NAMED_BENCHMARK_HEADS:
        return None
    if (start := named_index_start(obj)) is None:
        return None  # "lagged the broader index", "the 13 percent index": no name of an index
    return Instrument(name=obj.doc[start:obj.i + 1].text)


def _name_continued_by(head: Token, mentions: list[Mention]) -> Mention | None:
    """'DuPont de Nemours', 'Micron Technology': a name that continues past the part we know."""
    for m in mentions:
        if m.end <= head.i and all(t.head.i == head.i or m.start <= t.head.i < m.end or t.head.i < head.i
                                   for t in head.doc[m.start:m.end]) and head.i - m.end <= 2 \
                and all(t.pos_ in ("PROPN", "ADP", "PUNCT") for t in head.doc[m.end:head.i]):
            return m
    return None


def _mention_under_a_head(head: Token, mentions: list[Mention]) -> Mention | None:
    """The instrument named just before a head noun ('Boeing shares', 'The S&P 500 Index .SPX') or inside its
    phrase ('shares of Boeing', "Boeing's stock"), however long the description before it ('Shares of No. 1 U.S.
    mortgage insurer MGIC Investment')."""
    for m in mentions:
        # not across a comma: 'Besides Citigroup, shares of JPMorgan declined' (JPMorgan's shares)
        if m.end in (head.i, head.i - 1) and not (m.end < head.i and head.doc[m.end].text in (",", ";")):
            return m
        if any(t.dep_ == "pobj" and t.head.head == head and t.head.lower_ == "of" for t in head.doc[m.start:m.end]):
            return m
    for child in head.subtree:
        if child.i > head.i + 6:
            break
        for m in mentions:
            if m.start <= child.i < m.end and (child.dep_ in ("poss", "compound", "pobj", "nmod", "amod")
                                               or child.head.dep_ in ("poss", "pobj", "compound")):
                return m
    return None


def _causative_object(verb: Token) -> Token | None:
    """What a causative verb moves: "sent Boeing's stock higher" (object) or "sent [Boeing's stock higher]"
    (clause subject)."""
    return next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (g for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") for g in c.children
         if g.dep_ == "nsubj"), None)


def _move_verb_after_object(verb: Token, obj: Token | None) -> Token | None:
    """'sending its shares soaring 22 percent', 'sent the stock tumbling': a move verb in -ing right after a
    causative verb's share-word object, the parse hanging it on the causative verb."""
    if obj is None or obj.lemma_.lower() not in SHARE_HEADS:
        return None
    after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
    if after is None or after.head.i not in (verb.i, obj.i) or after.tag_ != "VBG" or \
            after.dep_ not in ("advcl", "xcomp", "ccomp", "oprd", "acl"):
        return None
    is_move, direction = verb_direction(after)
    return after if is_move and direction is not None else None


def _causative_direction(verb: Token, obj: Token | None) -> str | None:
    """'sent ... higher'; 'lifted the bank's shares 1.6 percent' (the verb's own direction, with shares or a
    percent); but 'boosting the S&P 500' says only that they pushed it up, not that it ended higher."""
    direction = next((DIRECTION_WORDS[c.lower_] for c in verb.subtree
                      if c.lower_ in CAUSATIVE_PARTICLES and c.i > verb.i), None)
    if direction is None and obj is not None and (obj.lemma_.lower() in SHARE_HEADS or any(
            t.lower_ in PERCENT_WORDS for t in verb.subtree if t.i > obj.i)):
        direction = CAUSATIVE_DIRECTIONS.get(verb.lemma_.lower())
    return direction


def _shared_moves(doc: Doc, claim: Claim, move: Move, mentions: list[Mention], pcts: list[NumberMention],
                  respectively: bool, each: bool) -> list[Claim]:
    """The claims of the names joined to a move's subject: 'X and Y rose 4% each' (the same figures), 'X and Y
    rose 2.9% and 4.5%, respectively' (one figure each; the subject's own claim takes the first)."""
    first = move.mention
    assert first is not None
    others = [m for m in mentions if first.start < m.start < move.verb.i
              and _joined_to(doc, m, first, move.verb, mentions)]
    if not others:
        return []
    if respectively and len(pcts) == len(others) + 1:
        claim.change_pct, claim.stated["change_pct"] = pcts[0].value, pcts[0].text
        return [replace(claim, instrument=_instrument(mention), change_pct=fig.value,
                        stated={**claim.stated, "change_pct": fig.text}, level=None)
                for mention, fig in zip(others, pcts[1:], strict=True)]
    if each or not move.figures:
        return [replace(claim, instrument=_instrument(mention), stated=dict(claim.stated)) for mention in others]
    return []



def _joined_to(doc: Doc, mention: Mention, subject: Mention, verb: Token, mentions: list[Mention]) -> bool:
    """Whether a name is joined to the subject of ``verb`` ('Nucor, U.S. Steel and Steel Dynamics rose'), not to
    a name elsewhere ('X was a contributor to the gains in both the Nasdaq and the S&P 500, advancing 3%'); a
    name the parse hangs inside the name before it ('Chase, Bank of America and Citigroup') is joined as that
    name is."""
    node = doc[mention.start:mention.end].root
    while node.dep_ in ("poss", "compound", "nmod", "nummod") and mention.end <= node.head.i <= mention.end + 1:
        # "the Standard & Poor's 500 Index .SPX": the parse hangs the name on the noun (and the code) after it
        node = node.head
    for _ in range(8):
        if subject.start <= node.i < subject.end + _legal_suffix_after(doc, subject) or \
                (node.dep_ in SUBJECT_DEPS and node.head.i == verb.i):
            return True
        inside = next((m for m in mentions if m.start <= node.i < m.end and m != mention), None)
        if inside is not None and doc[inside.start:inside.end].root.i != node.i:
            node = doc[inside.start:inside.end].root  # "Bank of [America and Citigroup]": go on from 'Bank'
            continue
        if node.dep_ not in ("conj", "appos"):
            return False
        node = node.head
    return False


def _legal_suffix_after(doc: Doc, mention: Mention) -> int:
    """1 where a legal suffix the name leaves off follows it ('McDonald's Corp. and Wal-Mart Stores Inc.': the parse
    joins the second name to 'Corp.'), else 0."""
    return int(mention.end < len(doc) and doc[mention.end].lower_ in LEGAL_SUFFIXES)


def _said_of_the_joined_names(context: _Context, claim: Claim) -> list[Claim]:
    """'The Dow and the S&P 500 rose for a third straight session', 'Both indexes ... broke a two-week losing
    streak': a record, streak or superlative said of a joined subject is each name's. A level stated with it
    ('closed at a record 5,000') is one name's only, so then it is said of none of the others."""
    doc, sentence = context.doc, context.sentence
    if claim.level is not None or claim.instrument is None or claim.span_start is None:
        return []
    at = sentence.start_char + claim.span_start
    own = [m for m in context.mentions if doc[m.start].idx < at and _instrument(m) == claim.instrument]
    if not own:
        return []
    root = doc[own[-1].start:own[-1].end].root
    while root.dep_ in ("conj", "appos") and root.head.i < root.i:
        root = root.head  # "the Dow and the S&P 500": from the name joined last to the first
    if root.dep_ not in SUBJECT_DEPS:
        return []
    verb = root.head
    subject = next((m for m in context.mentions if m.start <= root.i < m.end), own[-1])
    joined: list[Instrument] = []
    for m in context.mentions:
        if m.start < verb.i and doc[m.start].idx < at and _instrument(m) not in (claim.instrument, *joined) \
                and _joined_to(doc, m, subject, verb, context.mentions):
            joined.append(_instrument(m))
    # a figure said with it ('rose 2%, its best day since March') is the first name's: the others get none
    return [replace(claim, instrument=instrument, change_pct=None, stated={}) for instrument in joined]


NOT_MARKET_KINDS = lexicon.words("moves", "not_market_kinds")
SECTOR_INDEX_SYMBOLS = lexicon.words("moves", "sector_index_symbols")


def _a_market_claim(claim: Claim, kinds: dict[str, str]) -> bool:
    """Not a commodity's, a policy rate's or a sector or foreign index's move: oil prices, the KBW bank index and
    the MSCI world index move beside the market, and none of them is a claim about the broad US indexes (the
    annotation guide, corpora/README.md). An index the registry cannot name is one of those: the broad US indexes
    are all in it."""
    symbol = claim.instrument.symbol if claim.instrument is not None else None
    if symbol is None:
        return claim.kind == "stock_move" or (claim.kind != "index_move" and not _an_index_name(claim))
    return kinds.get(symbol) not in NOT_MARKET_KINDS and symbol not in SECTOR_INDEX_SYMBOLS


def _an_index_name(claim: Claim) -> bool:
    name = (claim.instrument.name if claim.instrument is not None else "").lower()
    return bool(re.search(r"\b(?:index|indexes|indices|average|sector|composite)\b", name))


DERIVATIVE_LINKS = lexicon.words("moves", "derivative_links")


def _not_the_mentions_own_move(doc: Doc, mention: Mention) -> bool:
    """'among the worst on the S&P 500, down 5.6%', 'contracts tied to the Nasdaq-100 gained 0.6%' (someone else's
    move). (A fund's ticker tagging an index, 'Nasdaq 100 Index ($IUXX) (QQQ) -1.21%', is no mention at all:
    analyzer.extract.instruments drops it.)"""
    root = doc[mention.start:mention.end].root
    return _what_a_derivative_follows(doc, mention) or \
        root.dep_ == "pobj" and root.head.lower_ in ELSEWHERE_PREPOSITIONS


def _what_a_derivative_follows(doc: Doc, mention: Mention) -> bool:
    """'contracts tied to the Nasdaq-100 gained 0.6%': the name after 'tied to' is what the contracts follow."""
    root = doc[mention.start:mention.end].root
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ in DERIVATIVE_LINKS


def _the_day_where_the_period_is_anothers(sentence: Span, move: Move, time: TimeAnchor) -> TimeAnchor:
    """'the Dow added 1.4% for a monthly decline of 1.6%': the month is the decline's, the 1.4% the day's."""
    if time.period in ("week", "month", "ytd", "year") and time.time_text is None and \
            _only_periods_of_other_figures(sentence, move, time.period):
        return replace(time, period="day", period_start=None)
    return time


def _only_periods_of_other_figures(sentence: Span, move: Move, period: str) -> bool:
    """Every word of ``period`` in the sentence qualifies a move noun with a figure that is not the move's."""
    pattern = dict(PERIOD_PATTERNS).get(period)
    found = list(pattern.finditer(span_text(sentence))) if pattern is not None else []
    return bool(found) and all(_a_period_of_another_figure(sentence, m, move) for m in found)


def _a_period_of_another_figure(sentence: Span, m: re.Match[str], move: Move) -> bool:
    """'The Dow added 1.4% for a monthly decline of 1.6%', 'rose 0.5%, trimming its weekly loss to 2%': the period
    word qualifies a move noun that carries a figure of its own, not one of the move's figures."""
    at = sentence.start_char + m.start()
    return _words_of_another_figures_move(sentence, at, at + len(m.group(0)), move)


NOUN_PHRASE_DEPS = ("amod", "pobj", "prep", "det", "compound", "npadvmod", "nmod")


def _a_move_noun(token: Token) -> bool:
    return token.lemma_.lower() in MOVE_NOUNS and token.pos_ == "NOUN"


def _move_noun_above(words: Span) -> Token | None:
    """The move noun the words hang from inside its noun phrase ("session" <- "in" <- "slide"), if any."""
    node = words.root
    for _ in range(3):
        if _a_move_noun(node) or node.dep_ not in NOUN_PHRASE_DEPS:
            break
        node = node.head
    return node if _a_move_noun(node) and node.i not in range(words.start, words.end) else None


def _words_of_another_figures_move(sentence: Span, start: int, end: int, move: Move) -> bool:
    """Whether the words at ``start``-``end`` (document characters) qualify a move noun that carries a figure of
    its own, not one of the move's: 'a monthly decline of 1.6%', 'after a 2.2% slide in the prior session'."""
    words = sentence.doc.char_span(start, end, alignment_mode="expand")
    node = _move_noun_above(words) if words is not None else None
    if node is None:
        return False
    mine = [(sentence.start_char + f.start, sentence.start_char + f.end) for f in move.figures]
    # the noun's own figure: "a monthly decline of 1.6%", or its verb's "trimming its monthly loss to 4%"
    near = [*node.subtree, *(t for c in node.head.children if c.dep_ == "prep" and c.i > node.i for t in c.subtree)]
    around = [t for t in near if t.text == "%" or t.lower_ in ("percent", "pct")]
    theirs = [(a, b) for a, b in mine if any(a <= t.idx <= b for t in around)]
    return bool(around) and len(theirs) < len(mine)  # the move has a figure besides the noun's


def _told_of_a_business_figure(text: str, end: int) -> bool:
    """'Acme (ACM) up 12% in revenue', 'down 3% YoY on sales', 'up 12% year over year in sales'."""
    m = VERBLESS_BUSINESS_RE.match(text, end)
    if m is not None and m.group("noun").lower() in BUSINESS_AFTER_IN:
        return True
    return bool(re.match(r"\s*(?:yoy|y/y)\b", text[end:], re.I))


def _verbless_direction(m: re.Match[str], header: re.Match[str] | None, end_char: int) -> str | None:
    """'the Dow up 0.81 percent', 'S&P 500 -0.2%', or a figure under a header such as 'Indexes down:'."""
    direction = DIRECTION_WORDS.get((m.group("dir") or m.group("after") or "").lower())
    sign = m.group("sign")
    if sign:
        direction = "down" if sign in "-−–" else "up"
    if direction is None and header is not None and header.start() < end_char:
        direction = "down" if header.group(1).lower() in FALLING_HEADER_WORDS else "up"
    return direction

class _DocumentReader:
    """Reads one document; made afresh for each, so what it notes per sentence never outlives the doc."""

    def __init__(self) -> None:
        self._verb_positions: dict[int, list[int]] = {}
        # a move's clause text and foreign words, read several times per move (its time, its period): made once per
        # move, verb positions and subject (they depend on nothing else of the doc)
        self._clause_texts: dict[tuple[int, int, int, int | None, bool, tuple[int, ...]], str] = {}
        self._foreign: dict[tuple[int, int, int, tuple[int, ...]], frozenset[int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        mentions: list[Mention] = doc._.instruments or []
        last_subject: Mention | None = None
        opening = company = _opening_company(doc, mentions)  # what 'the company's shares' means when nothing else does
        # a firm seen rating or writing about another stays the broker in the whole story ('Morgan Stanley upgrades
        # NXPI ... Morgan Stanley says'): never what 'the stock' means
        brokers = {m.symbol for m in mentions if m.symbol and _a_broker(doc, m)}
        for sentence in doc.sents:
            sent_mentions, aside = _set_aside_split(doc, sentence, mentions)
            named = [m for m in sent_mentions if not _a_source_of_figures(doc, m)]
            # a briefing's next item is about its own company from its first words ('Rivian Automotive said it ...')
            if (item := _a_new_items_company(doc, sentence, mentions, named, brokers, (company, last_subject))):
                company = last_subject = item
            previous = _not_set_aside(_what_its_shares_mean(sentence, last_subject, company), aside)
            if not sent_mentions and previous is None and not any(t.lower_ in GROUP_NOUNS or _an_epithet(t)
                                                                  for t in sentence):
                claims.extend(_headline_shares_moves(doc, sentence, [], []))  # 'Acme Shares Down 7%', unlisted
                continue
            found, subject = self._sentence_claims(doc, sentence, sent_mentions, previous)
            found = _past_the_history_clause(found, sentence)
            claims.extend(found)
            subject = subject or _an_unlisted_subject(doc, sentence, mentions, brokers, company)
            company, last_subject = _what_comes_next(doc, sentence, subject, named, (company, last_subject, opening),
                                                     brokers)
        kinds = {m.symbol: m.kind for m in mentions if m.symbol}
        add_claims(doc, wire_times(doc, [c for c in claims if _a_market_claim(c, kinds)]))
        return doc

    # -- one sentence ------------------------------------------------------------------------
    def _sentence_claims(self, doc: Doc, sentence: Span, mentions: list[Mention],
                         previous: Mention | None) -> tuple[list[Claim], Mention | None]:
        moves = self._moves_in(sentence, mentions, previous)
        if not moves:
            return self._claims_without_a_move_verb(doc, sentence, mentions, previous)
        # clause boundaries: verbs heading a clause of their own, not "the low reached on March 9"
        self._verb_positions[sentence.start] = sorted(
            i for i, m in moves.items()
            if not (m.direction is None and m.verb.dep_ in ("acl", "relcl", "amod", "pcomp", "advcl")))
        _attach_figures(doc, sentence, moves)
        _the_closing_figure_wins(moves)
        anchors, claims, subject_seen = self._move_claims(doc, sentence, mentions, previous, moves)
        claims = _without_echoes(_merged_level_claims(claims))
        claims.extend(self._moves_of_the_main_indexes(doc, sentence, mentions, moves))
        claims.extend(self._coordinated_subjects(doc, sentence, mentions, moves, claims))
        claims.extend(self._verbless_moves(doc, sentence, mentions, claims))
        claims.extend(self._noun_moves(doc, sentence, mentions, claims, previous))
        claims.extend(self._moves_told_without_a_figure(doc, sentence, mentions, claims))
        claims.extend(_headline_shares_moves(doc, sentence, mentions, claims))
        claims.extend(self._comparisons(doc, sentence, mentions, claims))
        records = list(self._records_and_streaks(doc, sentence, anchors, mentions, previous))
        claims = [c for c in claims if not _carries_only_a_record_level(c, records)]
        claims.extend(records)
        return _without_repeats(_respective_levels_unshared(claims)), subject_seen

    def _moves_in(self, sentence: Span, mentions: list[Mention], previous: Mention | None) -> dict[int, Move]:
        """The sentence's move verbs by token index, the causative ones ('sent Boeing's stock higher') included."""
        moves: dict[int, Move] = {}
        for tok in sentence:
            is_move, direction = verb_direction(tok)
            if is_move:
                moves[tok.i] = Move(tok, direction)
            elif _a_move_of_something_else(tok):
                moves[tok.i] = Move(tok, None, sink=True)
        self._causative_moves(sentence, mentions, moves, previous)
        self._appositive_moves(sentence, mentions, moves, previous)
        for i, move in list(moves.items()):
            # "climbed 114.54 points ... to end at 12,116.91": the level belongs to "climbed"
            if move.direction is None and not move.sink and move.verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and \
                    (move.verb.head.i in moves or move.verb.head.head.i in moves):
                del moves[i]
        return moves

    def _appositive_moves(self, sentence: Span, mentions: list[Mention], moves: dict[int, Move],
                          previous: Mention | None = None) -> None:
        """'Boeing shares, up about 30 percent over the past 12 months, were down $2.54': the figure set off by
        commas after the subject is a move of its own, with its own direction and time, not the main verb's."""
        for tok in sentence:
            if tok.i in moves or tok.lower_ not in DIRECTION_WORDS or tok.dep_ not in ("advmod", "amod") or \
                    tok.i == sentence.start or tok.doc[tok.i - 1].text != "," or tok.head.i > tok.i or \
                    tok.head.pos_ not in ("NOUN", "PROPN") or not DIRECTION_WORDS[tok.lower_] or \
                    not any(c.dep_ in ("npadvmod", "nummod", "dobj", "pobj") and any(t.like_num for t in c.subtree)
                            for c in tok.children):
                continue
            mention = self._appositive_owner(sentence, tok, mentions, previous)
            if mention is not None:
                moves[tok.i] = Move(tok, DIRECTION_WORDS[tok.lower_], mention=mention)

    def _appositive_owner(self, sentence: Span, tok: Token, mentions: list[Mention],
                          previous: Mention | None) -> Mention | None:
        """Whose figure an aside set off by commas gives: the name just before the comma ('Shares of JPMorgan
        Chase, up 11 percent and Bank of America, up nearly 7 percent', the second parsed as hanging on 'Chase'),
        else the noun it hangs on there."""
        before = tok.doc[tok.i - 2]
        mention = next((m for m in mentions if m.start <= before.i < m.end), None)
        if mention is not None or before.i != tok.head.i:
            return mention
        mention = self._mention_for(tok.head, mentions)
        if mention is None and tok.head.lemma_.lower() in SHARE_HEADS and _definite(tok.head) and \
                tok.head.i == sentence.start + 1:
            # "The stock, up 6 percent at $29.65, ranked ...": the sentence opens with the company's shares named
            # before, as 'the stock rose' would
            mention = _referent(tok.head, mentions, previous, None)
        return mention

    def _claims_without_a_move_verb(self, doc: Doc, sentence: Span, mentions: list[Mention],
                                    previous: Mention | None) -> tuple[list[Claim], Mention | None]:
        """'with the Dow up 0.81 percent', 'a 1.5 percent gain for the Nasdaq', '* Indexes up: ...'."""
        found = self._verbless_moves(doc, sentence, mentions, [])
        found += self._noun_moves(doc, sentence, mentions, found, previous)
        found += self._moves_told_without_a_figure(doc, sentence, mentions, found)
        found += _headline_shares_moves(doc, sentence, mentions, found)
        found += list(self._records_and_streaks(doc, sentence, found, mentions, previous))
        found += list(self._comparisons(doc, sentence, mentions, found))  # "with X beating Y and Z"
        return found, (next((m for m in mentions if found and found[0].instrument == _instrument(m)), None))

    def _move_claims(self, doc: Doc, sentence: Span, mentions: list[Mention], previous: Mention | None,
                     moves: dict[int, Move]) -> tuple[list[Claim], list[Claim], Mention | None]:
        """(every move with a subject, figures or not: records hang off them; the move claims among them; the
        last subject found)."""
        anchors: list[Claim] = []
        record_only: set[int] = set()  # anchors that carry no move claim of their own
        subject_seen: Mention | None = None
        with_subject: list[Move] = []
        for move in moves.values():
            if move.sink:
                continue
            if move.mention is None:
                move.mention = self._subject_mention(move.verb, mentions, previous, subject_seen)
            if move.mention is None or _what_a_derivative_follows(doc, move.mention):
                continue
            lemma = move.verb.lemma_.lower()
            if lemma in NEEDS_FIGURE and not move.figures or _a_reporting_periods_figure(doc, sentence, move):
                continue
            aside = move.verb.dep_ in ("pcomp", "advcl") and move.verb.tag_ == "VBG" and not move.figures
            subject_seen = move.mention
            with_subject.append(move)
            claim = self._move_claim(doc, sentence, move)
            if lemma in RECORD_VERBS and not _a_passive_move(move.verb) or aside:
                # "hit a record", "with the Dow closing at a record", "after falling initially": records hang
                # off these, but they carry no checkable move of their own
                record_only.add(id(claim))
            anchors.append(claim)
        # "could climb 10% if earnings hold up": a hypothetical or an opinion is no move claim at all
        claims = [c for c in anchors if (c.direction is not None or c.level is not None)
                  and id(c) not in record_only and c.modality not in ("hypothetical", "opinion")]
        return anchors, claims, _what_the_sentence_is_about(doc, sentence, mentions, with_subject)

    def _moves_of_the_main_indexes(self, doc: Doc, sentence: Span, mentions: list[Mention],
                                   moves: dict[int, Move]) -> list[Claim]:
        """'Major U.S. stock indexes ended down 2 percent', 'the three major indexes all rose': a move of the Dow,
        the S&P 500 and the Nasdaq each, in a sentence that names no index of its own."""
        if any(m.kind == "index" for m in mentions):
            return []
        out: list[Claim] = []
        for move in moves.values():
            if move.sink or move.mention is not None or move.direction is None:
                continue
            # a figure makes it a move of each ('ended down more than 2 percent'); none ('the main indexes closed
            # higher') says too little of each to check, two ('between 1% and 2%') do not say whose is whose
            group = _the_main_indexes_together(move.verb, doc)
            if group is None or [f.kind for f in move.figures] != ["pct"]:
                continue
            for index in MAIN_US_INDEXES:
                mention = Mention(group.left_edge.i, group.i + 1, index.symbol, index.name, "index", (index.symbol,))
                claim = self._move_claim(doc, sentence, replace(move, mention=mention))
                if claim.modality not in ("hypothetical", "opinion"):
                    out.append(claim)
        return out

    def _causative_moves(self, sentence: Span, mentions: list[Mention], moves: dict[int, Move],
                         previous: Mention | None = None) -> None:
        """'The deal sent Boeing's stock higher': the move belongs to the object, not the subject."""
        for tok in sentence:
            if tok.lemma_.lower() not in CAUSATIVE_LEMMAS:
                continue
            obj = _causative_object(tok)
            direction = _causative_direction(tok, obj)
            mover = _move_verb_after_object(tok, obj) if direction is None else None
            if obj is None or direction is None and mover is None:
                continue
            mention = self._mention_for(obj, mentions) or (
                _referent(obj, mentions, previous, None) if obj.lemma_.lower() in SHARE_HEADS else None)
            if mention is not None and mover is not None:
                # "sending its shares soaring 22 percent": the move verb after the object is the move, with its
                # own figures; the object is its subject
                moves[mover.i] = Move(mover, verb_direction(mover)[1], mention)
            elif mention is not None:
                moves[tok.i] = Move(tok, direction, mention)

    def _mention_for(self, head: Token, mentions: list[Mention]) -> Mention | None:
        """The instrument a noun phrase is about: the name itself, 'shares of X', 'X's stock'."""
        for m in mentions:
            if m.start <= head.i < m.end:
                return m
        if head.pos_ == "PROPN":
            continued = _name_continued_by(head, mentions)
            if continued is not None:
                return continued
        word = head.lemma_.lower()
        if INDEX_CODE_RE.match(head.text) or word in INSTRUMENT_HEADS or head.lower_ in INSTRUMENT_HEADS:
            # "The S&P 500 Index .SPX", "The Dow industrials", "Boeing shares", "Boeing's stock"; not "Chevron's
            # average price for crude oil" (the price of what the company sells)
            named = _mention_under_a_head(head, mentions) if _instrument_phrases(head, mentions)[0] else None
            return None if named is not None and _a_companys_fund(head, named) else named
        return None

    def _subject_mention(self, verb: Token, mentions: list[Mention], previous: Mention | None,
                         seen: Mention | None) -> Mention | None:
        """The instrument whose move ``verb`` states: its subject's, or one the clause structure gives."""
        subj, given = self._subject_of(verb, mentions)
        if subj is None:
            shares = _whose_shares_of_a_description(verb, mentions) if given is None else None
            return _referent(shares, mentions, previous, seen) if shares is not None else given
        if subj.lemma_.lower() == "future" or any(t.lower_ == "futures" for t in subj.subtree):
            return None  # index futures are not the index
        # "Even more telling, the S&P Equal-Weighted Index, ..., surged": the name sits in an apposition
        for candidate in [subj, *(c for c in subj.children if c.dep_ in ("appos", "conj")), *_examples_of(subj)]:
            mention = self._mention_for(candidate, mentions)
            if mention is not None:
                return mention
        return _referent(subj, mentions, previous, seen)

    def _subject_of(self, verb: Token, mentions: list[Mention]) -> tuple[Token | None, Mention | None]:
        """(the subject token of ``verb`` or of the verb it shares its subject with, None; or None and the
        instrument the clause structure names without a subject: 'the Dow, which fell 1%')."""
        node = verb
        for _ in range(3):
            subj = _nominal_subject(node, mentions)
            which = _relative_pronoun(subj)
            if node.dep_ == "relcl" and subj is None or which is not None:
                return None, self._relative_clause_subject(node, which, mentions)
            if subj is not None:
                return subj, None
            structural = self._subject_by_structure(node, mentions)
            if structural is not None:
                return None, structural
            shared = _subject_sharing_verb(node, verb)
            if shared is not None:
                node = shared
                continue
            if node.dep_ != "conj" or node.head.i == node.i:
                return None, None
            # "the Dow fell 1%, the S&P fell 2% and the Nasdaq fell 3%": a name written between the two
            # verbs is this verb's subject even when the parse hangs it elsewhere
            # "the shares have risen 6% since Intel beat forecasts, and are up 70% this year": a name in a clause
            # a conjunction opens is another company's news, never the verb's subject; the subject is shared
            between = [m for m in mentions if node.head.i < m.start and m.end <= node.i
                       and _clause_below(node.doc[m.start], node.head.i) != "advcl"]
            if between and _inside_a_relative_clause(node.doc[between[-1].start], node.head.i):
                # "shares of McGraw-Hill Cos MHP.N, which owns Standard & Poor's, fell 1.5 percent": the name in
                # the clause is what the subject owns or does, never the verb's subject; the subject is unread
                return None, None
            if between:
                return None, between[-1]
            before = node.doc[node.i - 1]
            if before.pos_ in ("NOUN", "PROPN") and before.i > node.head.i:
                return None, None  # "... and bond prices fell": a subject of its own that is no instrument
            node = _verb_sharing_the_subject(node, mentions)
        return None, None

    def _relative_clause_subject(self, verb: Token, which: Token | None, mentions: list[Mention]) -> Mention | None:
        """'the Dow, which fell 1%', 'limited by Apple Inc ( AAPL.O ), which fell 1 percent': the name the clause
        hangs on, or (the parse hanging it elsewhere) the name just before 'which'."""
        named = self._mention_for(verb.head, mentions) if verb.dep_ == "relcl" else None
        if named is not None and named.kind == "index" and (verb.head.lower_ in SHARE_NOUNS or (
                verb.head.head.lower_ == "of" and verb.head.head.head.lower_ in SHARE_NOUNS)):
            return None  # "Shares of Dow, which have fallen 4.4 percent": a company's, never an index's
        if named is not None or which is None:
            return named
        return next((m for m in mentions if which.i - 2 <= m.end <= which.i), None)

    def _subject_by_structure(self, node: Token, mentions: list[Mention]) -> Mention | None:
        """The instrument a verb without a subject moves, by the parse's other readings: 'and the Energy Select
        Sector SPDR Fund adding 1.2%' (a participle hung on the name), 'Actively traded Invesco QQQ Trust was up
        0.1%' (the name taken for the object of a clause subject)."""
        if node.dep_ == "acl" and node.tag_ == "VBG":
            return self._mention_for(node.head, mentions)
        clause = next((c for c in node.children if c.dep_ == "csubj"), None)
        if clause is None:
            return None
        return next((m for m in mentions for t in clause.subtree if m.start <= t.i < m.end and t.dep_ == "dobj"), None)

    def _move_claim(self, doc: Doc, sentence: Span, move: Move) -> Claim:
        mention = move.mention
        assert mention is not None
        values, stated, qualifier = _figure_values(move.figures, mention.kind, span_text(sentence))
        time = self._move_time(doc, sentence, move, index_without_level=mention.kind == "index" and
                               "level" not in values)
        if time.period == "day" and (qualifier or "").lower() in SESSION_EXTREME_QUALIFIERS:
            # "rose as much as 6 percent on Tuesday": the session's extreme, not its close-to-close move
            time = replace(time, period="intraday")
        verb_phrase = move.verb.text
        particle = next((c.text for c in move.verb.children if c.lower_ in DIRECTION_WORDS and c.i > move.verb.i),
                        None)
        if particle:
            verb_phrase = f"{verb_phrase} {particle}"
        first_char, last_char = _move_span(doc, sentence, move, mention)
        modality = modality_of(move.verb, sentence)
        if _no_period_to_check(sentence, move):
            # "which is up nearly 50 percent since its early March low", "a climb ..., during which the Dow gained
            # 10 percent": no day's move, and no day to run from
            time = replace(time, period="other", period_start=None)
        return Claim(
            article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
            char_end=sentence.end_char,
            kind="stock_move" if mention.kind in ("stock", "etf") else "index_move",
            instrument=_instrument(mention),
            direction=None if mention.kind == "yield" and _a_bond_price_move(move.verb) else move.direction,
            change_pct=values.get("change_pct"), change_points=values.get("change_points"),
            level=values.get("level"), period=time.period,
            session=time.session.isoformat() if time.session else None,
            modality=modality, stated=stated, qualifier=qualifier, verb=verb_phrase,
            time_text=time.time_text, speaker=speaker_of(sentence),
            period_start=time.period_start.isoformat() if time.period_start else None,
            span_start=first_char - sentence.start_char, span_end=last_char - sentence.start_char,
        )

    def _move_time(self, doc: Doc, sentence: Span, move: Move, index_without_level: bool) -> TimeAnchor:
        """When a move happened: the time words of its own clause, else the sentence's, a header's above it or
        (for an index's move, which a level would tie to a session) the sentence before's period."""
        # time words in the move's own clause win; the sentence's ("For the week, ...") fill in
        time = self._own_time_without_a_day_to_come(doc, sentence, move)
        whole = anchor(span_text(sentence), doc._.published)
        if time.time_text is None and whole.time_text and not self._other_verb_between(sentence, move, whole) \
                and not _time_of_an_infinitive(sentence, whole.time_text, move.verb) \
                and not self._time_of_another_figures_move(sentence, move, whole.time_text) \
                and not _time_of_a_relative_clause_before(sentence, move, whole.time_text):
            time = replace(time, session=whole.session, time_text=whole.time_text)
        if time.period in ("day", "intraday") and whole.period not in ("day", time.period) and \
                not _names_its_own_time(self._clause_text(sentence, move)) and \
                self._period_words_are_ours(sentence, move, whole.period):
            # "In January, it rose 0.3 percent": a named month also moves the session to that month's end
            session = whole.session if whole.period == "month" and time.time_text is None else time.session
            time = replace(time, period=whole.period, period_start=whole.period_start, session=session)
        time = _under_a_header(doc, sentence, time)
        if time.period in ("day", "intraday") and time.time_text is None and index_without_level and \
                whole.period in ("day", "intraday"):  # a level is a session's
            time = _carried_from_the_sentence_before(doc, sentence, time)
        if time.period == "day" and _a_swing_before_the_close(move.verb) and anchor(
                self._clause_text(sentence, move, from_the_verb=True).split(",")[0], doc._.published).time_text is None:
            time = replace(time, period="intraday")  # "closed down 3.1% after rising as much as 13.5%"
        return _the_day_where_the_period_is_anothers(sentence, move, time)

    def _own_time_without_a_day_to_come(self, doc: Doc, sentence: Span, move: Move) -> TimeAnchor:
        """The move's own time words, less the day of an event still to come: 'Walmart is due to report on
        Thursday; its shares have gained 77% over the past year' (the day is the report's, not the move's)."""
        time = self._own_time(doc, sentence, move)
        if time.time_text and (_time_of_an_infinitive(sentence, time.time_text, move.verb) or
                               self._time_of_another_figures_move(sentence, move, time.time_text)):
            time = anchor(self._clause_text(sentence, move).replace(time.time_text, " "), doc._.published)
        return time

    @staticmethod
    def _time_of_another_figures_move(sentence: Span, move: Move, time_text: str) -> bool:
        """'The Nasdaq is off 0.9%, after a 2.2% slide in the prior session': the session is the slide's."""
        at = span_text(sentence).find(time_text)
        return at >= 0 and _words_of_another_figures_move(sentence, sentence.start_char + at,
                                                          sentence.start_char + at + len(time_text), move)

    def _own_time(self, doc: Doc, sentence: Span, move: Move) -> TimeAnchor:
        """The time words of the move's clause; the words from its verb on when they name a day or a trailing span
        ('Shares, which have gained 10% this year, rose 1.6% on Wednesday', 'is up 12.5% over the past 52 weeks,
        and it gained 3.2% over the last three months')."""
        time = anchor(self._clause_text(sentence, move), doc._.published)
        own = self._clause_text(sentence, move, from_the_verb=True)
        figures = list(PERCENT_FIGURE_RE.finditer(own))
        if len(figures) > 1:  # "gained 4.7% over the past week and 10.4% year to date": up to its second figure
            own = own[:figures[1].start()]
        # "is down 0.5% on Thursday and down nearly 3% so far this month" in a piece stamped at noon: the day's
        # figure read as the session's (a moment of it), not the month's
        if time.period not in ("day", "intraday") and _names_its_own_time(own) and \
                (on_the_day := anchor(own, doc._.published)).period in ("day", "intraday"):
            return on_the_day
        before = self._words_after_the_move_before(sentence, move)
        if before is not None and _names_a_time(own) and _names_a_time(before):
            # "rose 3.2% on Thursday after falling 1.3% on Wednesday", "are up 16% in February, after falling
            # 10.6% in January": the time words before the verb are the earlier move's, the verb's own follow it
            return anchor(own, doc._.published)
        return time

    def _words_after_the_move_before(self, sentence: Span, move: Move) -> str | None:
        """The words between the move verb before this one (in the same sentence) and this verb, when this verb's
        clause starts right after that move ('rose 3.2% on Thursday after' for 'falling'); else None."""
        positions = self._verb_positions.get(sentence.start, ())
        start = move.mention.start if move.mention is not None and \
            sentence.start <= move.mention.start < move.verb.i else move.verb.i
        earlier = [i for i in positions if start <= i < move.verb.i]
        if not earlier:
            return None
        return sentence.doc[earlier[-1] + 1:move.verb.i].text

    def _clause_text(self, sentence: Span, move: Move, from_the_verb: bool = False) -> str:
        """The words from the move's subject (or its verb) to the next move verb: where its own time words sit."""
        key = (sentence.start, sentence.end, move.verb.i, None if move.mention is None else move.mention.start,
               from_the_verb, tuple(self._verb_positions.get(sentence.start, ())))
        text = self._clause_texts.get(key)
        if text is None:
            text = self._clause_texts[key] = self._read_clause_text(sentence, move, from_the_verb)
        return text

    def _read_clause_text(self, sentence: Span, move: Move, from_the_verb: bool) -> str:
        start = move.verb.i
        if not from_the_verb and move.mention is not None and sentence.start <= move.mention.start < move.verb.i:
            start = move.mention.start
        positions = self._verb_positions.get(sentence.start, ())
        earlier = [i for i in positions if start <= i < move.verb.i]
        if earlier:  # "racked up its fifth weekly advance and is up 26% since March 9"
            start = earlier[-1] + 1
        later = sorted(i for i in positions if i > move.verb.i)
        end = later[0] if later else sentence.end
        # "fell 7.9 percent on Wednesday; year-to-date it is down 35 percent": a semicolon closes the clause, and
        # the time words past it are the next clause's (a leading "For the week, ..." is read on the whole sentence)
        semicolons = [t.i for t in sentence.doc[start:end] if t.text == ";"]
        start = max([start, *(i + 1 for i in semicolons if i < move.verb.i)])
        end = min([end, *(i for i in semicolons if i > move.verb.i)])
        foreign = self._foreign_tokens(sentence, move)
        return "".join(" " * len(t.text_with_ws) if t.i in foreign else t.text_with_ws
                       for t in sentence.doc[start:end])

    def _foreign_tokens(self, sentence: Span, move: Move) -> frozenset[int]:
        """'rallied ..., following the company's profit report last week': the words of a clause hanging off
        the move (time words included) are that clause's, not the move's."""
        positions = self._verb_positions.get(sentence.start, ())
        key = (sentence.start, sentence.end, move.verb.i, tuple(positions))
        found = self._foreign.get(key)
        if found is None:
            found = self._foreign[key] = frozenset(
                {t.i for t in sentence if _inside_a_subordinate_clause(t, move.verb, positions)}
                | _relative_clauses_before(sentence, move))
        return found

    def _period_words_are_ours(self, sentence: Span, move: Move, period: str) -> bool:
        """'For the week, the Dow rose 1%' (ours) vs 'its fifth weekly advance and is up 26%' (another verb's)."""
        pattern = dict(PERIOD_PATTERNS).get(period)
        found = list(pattern.finditer(span_text(sentence))) if pattern is not None else []
        if not found:
            return True
        # "the Dow added 1.4% for a monthly decline of 1.6%": a period word on a move noun with a figure of its own
        m = next((m for m in found if not _a_period_of_another_figure(sentence, m, move)), None)
        if m is None:
            return False
        at = sentence.start_char + m.start()
        period_token = sentence.doc.char_span(at, at + 1, alignment_mode="expand")
        if period_token is not None and period_token.root.i in self._foreign_tokens(sentence, move):
            return False
        here = move.verb.idx
        low, high = min(at, here), max(at, here)
        if at > here and ";" in doc_text(sentence.doc)[here:at]:
            return False  # "fell 7.9 percent; year-to-date it is down 35 percent": the next clause's period
        positions = self._verb_positions.get(sentence.start, ())
        if positions and at < sentence.doc[positions[0]].idx:
            return True  # a leading "For the week, ..." scopes over every move after it
        others = [i for i in positions if i != move.verb.i]
        return not any(low < sentence.doc[i].idx < high for i in others)

    def _other_verb_between(self, sentence: Span, move: Move, time) -> bool:  # noqa: ANN001
        """True when the sentence's time words sit in another move's clause ('after falling on Friday')."""
        text = span_text(sentence)
        at = text.find(time.time_text) + sentence.start_char if time.time_text else -1
        positions = self._verb_positions.get(sentence.start, ())
        owner = max((i for i in positions if sentence.doc[i].idx <= at), default=None)
        return owner is not None and owner != move.verb.i

    def _comparisons(self, doc: Doc, sentence: Span, mentions: list[Mention],
                     moves: list[Claim]) -> Iterable[Claim]:
        for tok in sentence:
            relation = _comparison_relation(tok)
            if relation is None or tok.lemma_.lower() in COMPARATIVE_VERBS and not _than_an_instrument(tok, mentions):
                continue  # "fared better than analysts had feared": than no instrument
            subject, base = self._comparison_subject(doc, sentence, mentions, moves, tok)
            if subject is None or tok.i < subject.start <= tok.right_edge.i:
                continue  # a name inside the verb's own phrase is what is outpaced, never who outpaced it
            if tok.lemma_.lower() in PACE_COMPARISON_LEMMAS and _fell(tok, subject, base, moves):
                # "the Nasdaq fell 2%, outpacing the Dow's 1% decline": it fell faster
                relation = "underperformed" if relation == "outperformed" else "outperformed"
            benchmarks = _benchmarks(doc, sentence, mentions, tok, subject)
            if not benchmarks:
                continue
            time = anchor(span_text(sentence), doc._.published)
            last = doc[max(subject.end - 1, tok.right_edge.i)]  # 'Outpacing the Dow, the Nasdaq rose': after
            yield Claim(
                article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
                char_end=sentence.end_char, kind="comparison", instrument=_instrument(subject),
                relation=relation, benchmarks=benchmarks, period=base.period if base else time.period,
                session=base.session if base else (time.session.isoformat() if time.session else None),
                modality=modality_of(tok, sentence), verb=tok.text, time_text=time.time_text,
                speaker=speaker_of(sentence),
                span_start=doc[min(subject.start, tok.i)].idx - sentence.start_char,
                span_end=last.idx + len(last) - sentence.start_char,
            )

    def _comparison_subject(self, doc: Doc, sentence: Span, mentions: list[Mention], moves: list[Claim],
                            verb: Token) -> tuple[Mention | None, Claim | None]:
        """(who outperformed or lagged, the move claim it is said of when the verb has no subject of its own:
        'the Dow rose 1%, outpacing the S&P 500')."""
        if verb.dep_ == "conj" and COMPARISON_LEMMAS.get(verb.head.lemma_.lower()) and verb.head.pos_ == "VERB":
            # "..., outperforming X but lagging Y": the second verb is said of whoever the first is
            return self._comparison_subject(doc, sentence, mentions, moves, verb.head)
        if verb.dep_ == "conj" and verb.head.pos_ not in ("VERB", "AUX"):
            # "up 80% this year, well in advance of the Nasdaq and outpacing eBay": joined to a phrase, not a
            # clause, the verb's subject is nowhere the parse shows (a name in the phrase is what is outpaced)
            return None, None
        subject = self._subject_mention(verb, mentions, None, None) or self._owner_of_subject(verb, mentions)
        if subject is not None or verb.dep_ not in ("advcl", "xcomp", "conj") or not moves:
            return subject, None
        base = next((c for c in moves if doc[verb.head.i].idx - sentence.start_char >= (c.span_start or 0)),
                    moves[0])
        named = next((m for m in mentions if base.instrument and m.symbol == base.instrument.symbol), None)
        if named is None and base.kind == "stock_move" and base.instrument is not None and base.instrument.symbol:
            # "The company's shares have risen 10% this year, outstripping the S&P 500": the move's stock, named in
            # an earlier sentence and told here by reference, is who outstripped
            symbol = base.instrument.symbol
            named = Mention(verb.head.i, verb.head.i + 1, symbol, base.instrument.name, "stock", (symbol,))
        return named, base

    def _owner_of_subject(self, verb: Token, mentions: list[Mention]) -> Mention | None:
        """"The Dow's gains trailed ...", "the Nasdaq's performance lagged": the instrument whose move it is."""
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            if subj.lemma_.lower() in MOVE_NOUNS or subj.lemma_.lower() in PERFORMANCE_NOUNS:
                for owner in (c for c in subj.children if c.dep_ == "poss"):
                    mention = self._mention_for(owner, mentions)
                    if mention is not None:
                        return mention
        return None

    def _holder(self, doc: Doc, sentence: Span, moves: list[Claim], mentions: list[Mention],
                previous: Mention | None, char: int) -> Claim | None:
        """Whose record or superlative a phrase at ``char`` is: the nearest move or instrument named before it,
        else (for 'It was the Dow's best week', 'its ninth straight advance') the one named before."""
        near = self._claim_near(moves, char)
        if (held := self._held_by_a_group(doc, sentence, near, char)) is not None:
            return held
        decided, holder = self._holder_by_parse(doc, sentence, near, mentions, char)
        if decided:
            return holder
        named = [m for m in mentions if doc[m.start].idx - sentence.start_char <= char]
        if named:
            mention = named[-1]
            at = doc[mention.start].idx - sentence.start_char
            if near is None or (near.span_start or 0) < at and near.instrument != _instrument(mention):
                return self._bare_claim(doc, sentence, mention)
        if near is not None:
            return near
        text = span_text(sentence)
        if previous is not None and (re.match(r"\s*(it|that|this|the index|the average)\b", text, re.I) or (
                previous.kind in ("stock", "etf") and STOCK_REFERENCE_RE.match(text))):
            return self._bare_claim(doc, sentence, previous)
        if refers_to_the_line_before(sentence) and (item := _opening_company(doc, doc._.instruments or [])):
            return self._bare_claim(doc, sentence, item)  # "** Stock on track for ...": the item's company
        return None

    def _held_by_another_things_figure(self, phrase: Span, mentions: list[Mention]) -> bool:
        """'Boeing fell 2%, as the yield rose as high as 4.9 percent, its highest since January': the record is
        set after a figure whose subject names no instrument (not 'the stock', 'the index', 'it')."""
        if _verb_just_before(phrase) is not None or (found := _verb_of_the_figure_before(phrase)) is None:
            return False
        subject = found[1]
        if not_a_word(subject):
            return False  # "** Shares of Acme rise 6.1% to A$0.052, their highest since ...": a bullet mark
        return self._subjects_instrument(subject, mentions) is None and subject.pos_ != "PRON" and \
            subject.lemma_.lower() not in SHARE_HEADS | REFERRING_HEADS

    def _holder_by_parse(self, doc: Doc, sentence: Span, near: Claim | None, mentions: list[Mention],
                         char: int) -> tuple[bool, Claim | None]:
        """(whether the parse decides whose phrase at ``char`` is, the holder it gives): the subject of the verb
        the phrase hangs from ('consumer sentiment reached its lowest level since July' is no instrument's)."""
        phrase = doc.char_span(sentence.start_char + char, sentence.start_char + char + 1, alignment_mode="expand")
        if phrase is None:
            return False, None
        if self._held_by_another_things_figure(phrase, mentions):
            return True, None  # the figure of something no instrument names: its record is none of ours
        verb, subject = _verb_and_word_subject(phrase)
        if self._a_relative_clause_of_another_thing(verb, subject, mentions, phrase.start):
            return True, None
        if subject is not None:
            own = self._subjects_instrument(subject, mentions)
            if own is not None:
                if near is not None and near.instrument == _instrument(own):
                    return True, near
                bare = self._bare_claim(doc, sentence, own)
                bare.direction = MOVE_NOUNS.get(subject.lemma_.lower())  # "Tuesday's drop in the Nasdaq was ..."
                return True, bare
            if subject.pos_ in ("NOUN", "PROPN") and subject.lemma_.lower() not in INSTRUMENT_HEADS:
                return True, None
            if subject.lemma_.lower() in REFERRING_HEADS and not _bare_reference(subject):
                return True, None  # "Apple led, a day after the tech-rich index posted its worst day": an index's
        elif verb is not None and verb.i > sentence.start:
            before = doc[verb.i - 1]  # "... and consumer sentiment reached": the parse lost the subject
            if before.pos_ in ("NOUN", "PROPN") and not any(m.start <= before.i < m.end for m in mentions):
                return True, None
        return False, None

    def _a_relative_clause_of_another_thing(self, verb: Token | None, subject: Token | None,
                                            mentions: list[Mention], at: int) -> bool:
        """'the euro, which earlier climbed to its highest level since June', 'losses that dropped the sector to a
        14-year low': a relative clause is its antecedent's, here a thing no instrument names (not where the clause
        names an instrument before the phrase at token ``at``: 'a rally that took the S&P 500 to a 10-month high')."""
        if subject is None or subject.tag_ not in ("WDT", "WP") or verb is None or verb.dep_ != "relcl" or \
                any(subject.i < m.start < at for m in mentions):
            return False
        antecedent = verb.head
        # "the Dow shed 0.9 percent, which was its worst decline since August": a figure's clause is its move's
        figure = antecedent.lower_ in PERCENT_WORDS or antecedent.lower_ in ("point", "points") or any(
            c.like_num for c in antecedent.children)
        return antecedent.pos_ == "NOUN" and not figure and antecedent.lemma_.lower() not in INSTRUMENT_HEADS and \
            self._subjects_instrument(antecedent, mentions) is None

    def _subjects_instrument(self, subject: Token, mentions: list[Mention]) -> Mention | None:
        """The instrument a subject names: itself, its owner ("The Dow's four-session winning streak ended") or, for
        a move noun, the instrument the move is of ("Tuesday's decline for the Dow marked its largest drop")."""
        owners = [c for c in subject.children if c.dep_ == "poss"] + [c for c in [_for_whom(subject)] if c]
        return self._mention_for(subject, mentions) or next(
            (found for o in owners if (found := self._mention_for(o, mentions)) is not None), None)

    def _held_by_a_group(self, doc: Doc, sentence: Span, near: Claim | None, char: int) -> Claim | None:
        """'the three major U.S. stock indexes posted their worst day in months': the Dow's (copied to the other two
        after, _said_of_the_group); 'the broader stock market rose to its highest level in six years': the S&P
        500's; 'the Dow and the S&P 500 fell, causing both to break a six-week winning streak': the first one's."""
        if (found := _group_at(doc, sentence, char)) is None:
            return None
        group, members = found
        if near is not None and near.instrument and near.instrument.symbol in {m.symbol for m in members}:
            return near
        bare = self._bare_claim(doc, sentence, _main_index_mention(members[0], doc, sentence, char))
        bare.direction = verb_direction(group.head)[1]  # "rose for a third straight session"
        return bare

    @staticmethod
    def _bare_claim(doc: Doc, sentence: Span, mention: Mention) -> Claim:
        time = anchor(span_text(sentence), doc._.published)
        return Claim(article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
                     char_end=sentence.end_char, kind="index_move" if mention.kind not in ("stock", "etf")
                     else "stock_move", instrument=_instrument(mention), period=time.period,
                     session=time.session.isoformat() if time.session else None, modality="reported",
                     time_text=time.time_text, span_start=max(doc[mention.start].idx - sentence.start_char, 0))

    def _records_and_streaks(self, doc: Doc, sentence: Span, moves: list[Claim], mentions: list[Mention] = (),
                             previous: Mention | None = None) -> Iterable[Claim]:
        context = _Context(doc, sentence, moves, list(mentions), previous)
        for claim in (*self._records(context), *self._year_named_extremes(context), *self._first_closes(context),
                      *self._superlatives(context), *self._streaks(context), *self._runs_ended(context)):
            yield claim
            yield from _said_of_the_joined_names(context, claim)
            yield from _said_of_the_group(context, claim)

    def _records(self, context: _Context) -> Iterable[Claim]:
        """'hit a record high', 'its highest close since October 2008', 'a 52-week low'."""
        text = span_text(context.sentence)
        for m in RECORD_RE.finditer(text):
            if _not_at_the_record(m, text) or _a_record_of_another_time(m, text):
                continue
            what = _record_what(m, text)
            holder = self._holder_of(context, m.start())
            if holder is None or _a_business_record(context.sentence, m):
                continue
            record = _derived(holder, kind="record", what=what, span=(m.start(), m.end()))
            record.verb = holder.verb
            if clause := _relative_clause_text(text, m):
                _of_its_own_clause(record, clause, context.doc._.published)
            if apposed := RECORD_LEVEL_RE.search(text[:m.start()]):
                # "hitting $52.15, its highest since March 2005": the record's own level
                record.level = parse_number(apposed.group("level"))
                record.stated = {"level": apposed.group("level")}
                record.span_start = apposed.start()
            elif not m.group("since") and (after := RECORD_LEVEL_AFTER_RE.match(text, m.end())):
                # "closed at a record 5,254.35", "reached a record high of $677.60" (not "its highest since 2021")
                record.level = parse_number(after.group("level"))
                record.stated = {"level": after.group("level")}
                record.span_end = after.end()
            if what.startswith("record_intraday"):
                record.period = "intraday"
            if m.group("since"):
                _record_since(record, m, text, context.doc._.published)
            _a_record_of_a_named_day(record, text[m.end():], context.doc._.published)
            if told_ahead(text, m.start(), m.end()):
                record.modality = "hypothetical"  # "was on course to close at another record high"
            yield record

    def _year_named_extremes(self, context: _Context) -> Iterable[Claim]:
        """'climbed to 2009 closing highs', 'hit a fresh 2025 intraday low': the highest (lowest) of the publication's
        year so far. A year before it ('still below its 2007 high') names a reference level, not this session's."""
        text = span_text(context.sentence)
        published = context.doc._.published
        for m in YEAR_NAMED_EXTREME_RE.finditer(text):
            if published is None or int(m.group("year")) != local_published(published).year or \
                    NOT_AT_A_YEAR_EXTREME_RE.search(text[max(0, m.start() - 30):m.start()]) or \
                    _not_at_the_record(m, text):
                continue
            holder = self._holder_of(context, m.start())
            if holder is None:
                continue
            side = "low" if m.group("side").lower() == "low" else "high"
            record = _derived(holder, kind="record", what=f"{side}est_since", span=(m.start(), m.end()))
            record.time_text = f"in {m.group('year')}"  # no span the checker can read: left unverifiable
            if m.group("intraday"):
                record.period = "intraday"
            if after := RECORD_LEVEL_AFTER_RE.match(text, m.end()):
                record.level = parse_number(after.group("level"))  # "a 2025 closing high of 6,144.15"
                record.stated = {"level": after.group("level")}
                record.span_end = after.end()
            yield record

    def _first_closes(self, context: _Context) -> Iterable[Claim]:
        """'ended above 9,000 for the first time since early January'; 'topped 1,500 for the first time since 2000'
        (within the session: the highest since then)."""
        for m in FIRST_CLOSE_RE.finditer(span_text(context.sentence)):
            holder = self._holder_of(context, m.start())
            if holder is None:
                continue
            side = "below" if m.group("side").lower() in ("below", "under") else "above"
            record = _derived(holder, kind="record", what=f"first_close_{side}", span=(m.start(), m.end()))
            record.level = parse_number(m.group("level"))
            record.stated = {"level": m.group("level")}
            if m.group("since"):
                record.time_text = f"since {m.group('since').strip()}"
                start = _since_start(m.group("since"), context.doc._.published)
                record.period_start = start.isoformat() if start else None
            else:
                record.time_text = m.group("span")  # "in over a week": a span back from the session, or None: ever
            yield record
        for m in FIRST_TIME_BEYOND_RE.finditer(span_text(context.sentence)):
            holder = self._holder_of(context, m.start())
            if holder is None:
                continue
            side = "lowest" if re.search(r"below|under", m.group("verb"), re.I) else "highest"
            record = _derived(holder, kind="record", what=f"{side}_since", span=(m.start(), m.end()))
            record.verb, record.period = m.group("verb"), "intraday"
            record.time_text = f"since {m.group('since').strip()}"
            start = _since_start(m.group("since"), context.doc._.published)
            record.period_start = start.isoformat() if start else None
            yield record

    def _superlatives(self, context: _Context) -> Iterable[Claim]:
        """'its biggest one-day drop since March', 'the Dow's best week in nine months'."""
        text = span_text(context.sentence)
        for m in BEST_WORST_RE.finditer(text):
            words = m.group(0)[:m.start("kw") - m.start()].lower()  # the superlative, not its time span
            holder = self._superlative_holder(context, m)
            worst = _is_worst(words)
            if holder is not None and not SUPERLATIVE_DIRECTION_RE.search(words):
                worst = holder.direction == "down"  # "the Nasdaq's 3% drop was the steepest since April"
                holder = holder if holder.direction in ("up", "down") else None
            if holder is None:
                continue
            unit = _superlative_unit(words, holder, text, m.start())
            # the superlative's first words ("Wall Street's biggest rally": past the possessive)
            opening = text[:m.start() + 8 + len(re.match(r"[A-Z][\w&.-]*['\u2019]s|", m.group(0)).group(0))]
            if _said_of_the_whole_market(opening, holder) and \
                    _group_at(context.doc, context.sentence, m.start()) is None and \
                    not (holder.kind == "stock_move" and refers_to_the_line_before(context.sentence)):
                continue  # "the indexes racked up their biggest loss", "stocks had their best day": no one index
            if m.group("kw").lower() == "in" and not SPAN_COUNT_RE.match(m.group("since")):
                continue  # "the biggest gain in technology shares" is no time span
            if _of_a_dated_past(text, m.start()):
                continue  # "from March 9, when the Dow posted its worst day since 1987": history, not this session
            claim = _superlative(holder, m, worst, unit, context.doc._.published)
            if told_ahead(text, m.start(), m.end()):
                claim.modality = "hypothetical"  # "set for its biggest drop since ...", "... if gains hold"
            if claim.period == "day" and _during_the_session(m, text):
                claim.period = "intraday"  # "which at one point notched their biggest gain in four months"
            yield claim
            # "the worst percentage drop for the Dow and the S&P 500 since Aug 9": each one's
            yield from (replace(claim, instrument=other, change_pct=None, stated={})
                        for other in _named_in_the_for_phrase(context, m)[1:] if other != claim.instrument)

    def _superlative_holder(self, context: _Context, m: re.Match[str]) -> Claim | None:
        """Whose superlative ``m`` is: the instrument its 'for' phrase names ('the best day for the Nasdaq'), else the
        record holder before it."""
        if m.group("for"):
            named = [x for x in context.mentions
                     if m.start("for") <= context.doc[x.start].idx - context.sentence.start_char < m.end("for")]
            if not named and WHOLE_MARKET_FOR_RE.match(m.group("for")):
                return None  # "last year's plunge, the worst year for stocks since the Depression": the market's
            if named:
                own = _instrument(named[0])
                return next((c for c in context.moves if c.instrument == own), None) or \
                    self._bare_claim(context.doc, context.sentence, named[0])
            if _the_main_indexes_named(context.doc, m.group("for")):  # "the best month for the three indexes"
                return self._bare_claim(context.doc, context.sentence, _main_index_mention(
                    MAIN_US_INDEXES[0], context.doc, context.sentence, m.start("for")))
            if m.group("for").split()[-1].lower() in GROUP_NOUNS:
                return None  # "the best month for the three bank indexes": another group's
        return self._holder_of(context, m.start())

    def _streaks(self, context: _Context) -> Iterable[Claim]:
        """'its third straight session of gains', 'a five-day losing streak', 'for three weeks in a row'."""
        text = span_text(context.sentence)
        for m in STREAK_RE.finditer(text):
            length, unit = _streak_length_and_unit(m)
            ended = bool(STREAK_ENDED_RE.search(text[max(0, m.start() - 30):m.start()]) or
                         STREAK_ENDED_AFTER_RE.match(text, m.end()))
            if m.group("noun13") and not ended:
                continue  # "a three-day rally" may be told of any span of gains: a run only where it ended
            if unit == "month" and not _a_run_of_monthly_moves(m, text):
                continue  # "the gauge rose in June for the third straight month": economic data's usual run
            named_after = _run_holders_named_after(context, m.end())
            holder = self._bare_claim(context.doc, context.sentence, named_after[0]) if named_after \
                else self._holder_of(context, m.start())
            if holder is None or RECORD_FOR_THE_RE.search(text[:m.start()]) or _of_a_dated_past(text, m.start()):
                continue  # "a record for the third straight day" is a record, told as a run
            if _led_the_move(holder, context.sentence):
                continue  # "Acme led the Dow higher for a second straight session": the run is the Dow's, not Acme's
            direction = _streak_direction(m, text, holder.direction)
            if direction is None and (m.group("ord4") or not LEVEL_BEFORE_RE.search(text[:m.start()])):
                # "was flat for a second day", "set a record high for the second straight day": no run of gains or
                # losses ("closed above 10,000 for two straight days" is a run of closes beyond the level)
                continue
            if AVERTED_RE.search(text[max(0, m.start() - 40):m.start()]):
                continue  # "narrowly avert a third straight week of losses": the run did not happen
            if STREAK_OF_A_BUSINESS_FIGURE_RE.match(text, m.end()):
                continue  # "its ninth straight decline in quarterly profit": a run of results, not of the price
            streak = _derived(holder, kind="streak", direction=direction, length=length, unit=unit,
                              span=(m.start(), m.end()))
            if ended:
                streak.what = "ended_streak"  # "ended its five-day winning streak": the run stopped this session
            yield streak
            # "ending a four-day rally in the S&P 500 and the Nasdaq": each one's run
            yield from (replace(streak, instrument=_instrument(other)) for other in named_after[1:])

    def _runs_ended(self, context: _Context) -> Iterable[Claim]:
        """'rose for the first time in four sessions', 'its first gain in five days': the move ended a run the other
        way, one unit shorter than the span (the move's own session is in it); the direction is the move's or the
        noun's."""
        text = span_text(context.sentence)
        for m in FIRST_IN_RE.finditer(text):
            holder = self._holder_of(context, m.start())
            if holder is None or FIRST_IN_LEVEL_RE.search(text[max(0, m.start() - 40):m.start()]):
                continue
            # "..., but the averages lost ground for the week for the first time in five weeks": the clause's verb
            moved = clause_verb_direction(context.sentence, m.start()) or holder.direction
            if m.group("word"):
                moved = "down" if re.match(r"decline|loss|drop|fall|retreat", m.group("word"), re.I) else "up"
            length = WORD_NUMBERS.get(m.group("num").lower()) or int(m.group("num"))
            if moved not in ("up", "down") or length < 2:
                continue
            unit = "week" if re.search(r"week", m.group("unit") + (m.group("adj") or ""), re.I) else "day"
            yield _derived(holder, kind="streak", direction="down" if moved == "up" else "up", length=length - 1,
                           unit=unit, what="ended_streak", span=(m.start(), m.end()))

    def _holder_of(self, context: _Context, char: int) -> Claim | None:
        return self._holder(context.doc, context.sentence, context.moves, context.mentions, context.previous, char)

    @staticmethod
    def _claim_near(moves: list[Claim], char: int) -> Claim | None:
        before = [c for c in moves if (c.span_start or 0) <= char]
        return before[-1] if before else None

    def _coordinated_subjects(self, doc: Doc, sentence: Span, mentions: list[Mention], moves: dict[int, Move],
                              claims: list[Claim]) -> list[Claim]:
        """'Nucor, U.S. Steel and Steel Dynamics rose more than 4% each'; '... 2.9% and 4.5%, respectively'."""
        out: list[Claim] = []
        respectively = re.search(r"\brespectively\b", span_text(sentence), re.I) is not None
        each = re.search(r"\b(each|apiece|both|all)\b", span_text(sentence), re.I) is not None
        for move in moves.values():
            claim = next((c for c in claims if c.verb and c.verb.split()[0] == move.verb.text
                          and move.mention is not None and c.instrument == _instrument(move.mention)), None)
            if claim is None or move.mention is None:
                continue
            pcts = [f for f in move.figures if f.kind == "pct"]
            if respectively and self._in_order(doc, claim, move.mention, mentions, move, pcts, out):
                continue
            out.extend(_shared_moves(doc, claim, move, mentions, pcts, respectively, each))
        return out

    @staticmethod
    def _in_order(doc: Doc, claim: Claim, subject: Mention, mentions: list[Mention], move: Move,
                  pcts: list[NumberMention], out: list[Claim]) -> bool:
        """'Bank of America and JPMorgan ... falling 13.7 percent to $7.18 and 6.2 percent to $22.82,
        respectively': the names joined with the subject, in order, take the figures in order, even when the
        subject found for the verb is the last of them."""
        root = doc[subject.start:subject.end].root
        chain = {root.i, root.head.i if root.dep_ == "conj" else root.i} | {t.i for t in root.conjuncts}
        group = [m for m in mentions if m.start < move.verb.i and doc[m.start:m.end].root.i in chain]
        if len(group) < 2 or len(pcts) != len(group) or group[0] == subject and len(group) == 1:
            return False
        levels = [f for f in move.figures if f.kind == "level"]
        for i, (mention, fig) in enumerate(zip(group, pcts, strict=True)):
            fields = {"instrument": _instrument(mention), "change_pct": fig.value,
                      "stated": {"change_pct": fig.text}, "level": None, "change_points": None}
            if len(levels) == len(group):
                fields["level"] = levels[i].value
                fields["stated"] = {"change_pct": fig.text, "level": levels[i].text}
            if i == 0:
                for key, value in fields.items():
                    setattr(claim, key, value)
            else:
                out.append(replace(claim, **fields))
        return True

    def _verbless_moves(self, doc: Doc, sentence: Span, mentions: list[Mention],
                        claims: list[Claim]) -> list[Claim]:
        """'with the Dow up 0.81 percent', '* Indexes up: S&P 500 0.67%, Nasdaq 0.98%', 'S&P 500 +0.03%'."""
        taken = {c.instrument.symbol for c in claims if c.instrument}
        text = span_text(sentence)
        if FUTURES_HEADER_RE.match(text):
            return []  # "* Futures down: Dow 0.23%, ...": the figures are the futures', not the indexes'
        header = VERBLESS_HEADER_RE.search(text)
        out: list[Claim] = []
        for mention in mentions:
            if mention.symbol in taken or mention.symbol is None:
                continue
            if _not_the_mentions_own_move(doc, mention):
                continue
            end_char = doc[mention.end - 1].idx + len(doc[mention.end - 1]) - sentence.start_char
            m = VERBLESS_RE.match(text, end_char)
            if m is None:
                continue
            direction = _verbless_direction(m, header, end_char)
            if direction is None or _told_of_a_business_figure(text, m.end()):
                continue
            if HEDGE_RE.search(text[:end_char + 40]):
                continue
            time = _under_a_header(doc, sentence, anchor(text, doc._.published))
            figure_text = m.group("num")
            stated = {key: m.group(group) for key, group in (("change_pct", "num"), ("level", "level"),
                                                             ("change_points", "points")) if m.group(group)}
            start = doc[mention.start].idx - sentence.start_char
            out.append(Claim(
                article_id=doc._.article_id, sentence=text, char_start=sentence.start_char,
                char_end=sentence.end_char, kind="stock_move" if mention.kind in ("stock", "etf") else "index_move",
                instrument=_instrument(mention), direction=direction, change_pct=float(figure_text),
                period=time.period, session=time.session.isoformat() if time.session else None,
                period_start=time.period_start.isoformat() if time.period_start else None,
                level=float(stated["level"].replace(",", "")) if "level" in stated else None,
                change_points=float(stated["change_points"].replace(",", "")) if "change_points" in stated else None,
                modality="reported", stated=stated,
                qualifier=None, verb=None,
                time_text=time.time_text, span_start=start, span_end=m.end(),
            ))
            taken.add(mention.symbol)
        return out

    def _noun_moves(self, doc: Doc, sentence: Span, mentions: list[Mention], claims: list[Claim],
                    previous: Mention | None) -> list[Claim]:
        """'began February with a 0.2% weekly decline', 'posted a 1.5 percent gain' (the figure on a noun)."""
        taken = {c.instrument.symbol for c in claims if c.instrument}
        out: list[Claim] = []
        for fig in _figures(span_text(sentence)):
            if fig.kind not in ("pct", "points"):
                continue
            found = self._noun_move(doc, sentence, mentions, previous, fig)
            if found is None or found[1].symbol in taken:
                continue
            out.append(found[0])
            taken.add(found[1].symbol)
        return [c for c in out if c.modality not in ("hypothetical", "opinion")]

    def _noun_move(self, doc: Doc, sentence: Span, mentions: list[Mention], previous: Mention | None,
                   fig: NumberMention) -> tuple[Claim, Mention] | None:
        """The move claim of one figure on a noun of a move ('a 1.5 percent gain') and whose move it is."""
        span = doc.char_span(sentence.start_char + fig.start, sentence.start_char + fig.end, alignment_mode="expand")
        if span is None:
            return None
        noun, after = _move_noun_of(span)
        direction = MOVE_NOUNS.get(noun.lemma_.lower())
        if direction is None or noun.pos_ != "NOUN" or not after and (noun.i < span.end - 1 or noun.i - span.end > 2):
            return None
        all_named, named_in = _instrument_phrases(noun, mentions)
        if not all_named:
            return None  # "a 5% gain in earnings" is not the instrument's move
        verb = _governing_verb(noun)
        if verb.pos_ == "VERB" and _not_a_price_move(verb):
            return None  # "posted a 1.6 percent drop in February same-store sales", "..., while IBM posted an 8% rise"
        if _a_move_not_made(verb, named_in, mentions):
            return None
        owner = named_in or self._noun_owner(noun, verb, mentions, previous)
        if owner is None:
            return None
        time = anchor(span_text(sentence), doc._.published)
        period = next((PERIOD_ADJECTIVES[c.lower_] for c in reversed(list(noun.children))
                       if c.lower_ in PERIOD_ADJECTIVES), time.period)
        key = "change_pct" if fig.kind == "pct" else "change_points"
        # the claim runs from the first of its name, its figure and its noun to the last ('a loss of 1.3% for the
        # Dow' ends at the name, 'the Dow's 1.3% loss' at the noun)
        name = [doc[owner.start].idx, doc[owner.end - 1].idx + len(doc[owner.end - 1])] \
            if sentence.start <= owner.start < sentence.end else []
        start = min([*name, span.start_char, noun.idx]) - sentence.start_char
        end = max([*name, span.end_char, noun.idx + len(noun)]) - sentence.start_char
        return Claim(
            article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
            char_end=sentence.end_char, kind="stock_move" if owner.kind in ("stock", "etf") else "index_move",
            instrument=_instrument(owner), direction=direction, period=period,
            session=time.session.isoformat() if time.session else None,
            modality=modality_of(verb, sentence) if verb.pos_ in ("VERB", "AUX") else "reported",
            stated={key: fig.text}, qualifier=fig.qualifier, verb=noun.text, time_text=time.time_text,
            span_start=start, span_end=end,
            **{key: fig.value},
        ), owner

    def _moves_told_without_a_figure(self, doc: Doc, sentence: Span, mentions: list[Mention],
                                     claims: list[Claim]) -> list[Claim]:
        """'Acme was among the biggest decliners', 'Acme led gainers', 'lifted by gains in Acme and Beta', 'Acme led
        the Dow higher': a move told by its direction alone, through a ranking noun, a move noun with no figure or a
        leading verb, for each name it ranks or names; none for a name the sentence already gives a move of that
        kind."""
        taken = {(c.kind, c.instrument.symbol or c.instrument.name) for c in claims if c.instrument}
        out: list[Claim] = []
        for noun in sentence:
            if noun.pos_ == "VERB":
                direction, named = _led(noun)  # 'Acme led the Dow higher', 'banks fell, led by Acme'
            elif noun.pos_ != "NOUN" or _a_figure_on(noun):
                continue
            else:
                direction, named = _ranked(noun)
                if direction is None:
                    direction, named = _moved_in(noun)
            if direction is None or _a_move_not_made(_governing_verb(noun), None, mentions):
                continue
            for word in named:
                owner = self._mention_for(word, mentions) or _named_object(word, mentions)
                # an index's move without a figure is no claim of ours (corpora/README.md), and an index in such
                # a phrase is mostly where a stock helped ('a contributor to gains in the Nasdaq')
                if owner is None or owner.kind not in ("stock", "etf"):
                    continue
                claim = _figureless_claim(doc, sentence, owner, noun, direction)
                key = (claim.kind, owner.symbol or owner.name)
                if key not in taken and claim.modality not in ("hypothetical", "opinion"):
                    taken.add(key)
                    out.append(claim)
        return out

    def _noun_owner(self, noun: Token, verb: Token, mentions: list[Mention],
                    previous: Mention | None) -> Mention | None:
        """'the Nasdaq's 2% gain' (the owner named on the noun), 'the Dow posted a 2% gain' (the verb's subject)."""
        owner = next((m for m in mentions if any(c.dep_ == "poss" and m.start <= c.i < m.end
                                                 for c in noun.children)), None)
        if owner is None and verb.pos_ in ("VERB", "AUX"):
            owner = self._subject_mention(verb, mentions, previous, None)
        return owner


RANKING_NOUNS = lexicon.labels("moves", "ranking_nouns")
RANKING_VERBS = lexicon.words("moves", "ranking_verbs")
RANKING_HOLDERS = lexicon.words("moves", "ranking_holders")
LEADING_LEMMAS = lexicon.words("moves", "leading_verbs")


def _noun_lemma(noun: Token) -> str:
    """The singular of a noun: the parser leaves some plurals ('decliners') as written."""
    lemma = noun.lemma_.lower()
    return lemma[:-1] if lemma not in RANKING_NOUNS and lemma.endswith("s") else lemma


def _a_figure_on(noun: Token) -> bool:
    """Whether a noun carries a figure of its own ('a 2% gain', 'a gain of 2%', 'the top gainer, up 5%'): such a
    move is read with its figure elsewhere."""
    # a name's own number ('the S&P 500') is no figure: only the noun's own modifiers and 'of' phrase count
    # ('the top five gainers' counts the ranking, no figure of a move)
    # a word under a prepositional phrase of the noun's own ('a gain in March of 2%') is left out: one pass over
    # each such phrase (linear) rather than a walk up from every word of the subtree
    left_out = {t.i for a in noun.children if a.dep_ == "prep" and a.lower_ != "of" for t in a.subtree if t.i != a.i}
    return any(c.like_num and any(ch.isdigit() for ch in c.text) or c.lower_ in PERCENT_WORDS or c.text == "%"
               for c in noun.subtree if c.i != noun.i and c.i not in left_out)


def _ranked(noun: Token) -> tuple[str | None, list[Token]]:
    """(the direction a ranking noun gives, the words naming what it ranks): 'Acme was among the biggest decliners',
    'Acme and Beta led gainers', 'the biggest drag on the Dow was Acme'; none where the verb is negated."""
    direction = RANKING_NOUNS.get(_noun_lemma(noun))
    if direction is None:
        return None, []
    climbed, verb = noun, noun.head
    if verb.lower_ == "of" and noun.dep_ == "pobj" and verb.head.lemma_.lower() in RANKING_HOLDERS:
        climbed, verb = verb.head, verb.head.head  # 'one of the leading gainers', 'the list of advancers'
    if verb.lower_ == "among" and climbed.dep_ == "pobj":
        climbed, verb = verb, verb.head
    if verb.lemma_.lower() not in RANKING_VERBS or verb.pos_ not in ("VERB", "AUX") or \
            any(c.dep_ == "neg" for c in verb.children):
        return None, []
    if climbed.dep_ in ("attr", "dobj", "prep"):
        want: tuple[str, ...] = ("nsubj", "nsubjpass") if climbed.dep_ != "prep" else ("nsubj", "nsubjpass", "attr")
    elif climbed.dep_ == "nsubj":
        want = ("attr",)
    else:
        return None, []
    heads = [c for c in verb.children if c.dep_ in want and c.i != climbed.i]
    return direction, [t for h in heads for t in (h, *h.conjuncts, *_names_of_its_shares(h))]


def _moved_in(noun: Token) -> tuple[str | None, list[Token]]:
    """(the direction a move noun gives, the names of its 'in' phrase): 'lifted by gains in Acme and Beta',
    'losses in shares of Acme weighed'; not 'a rise in Acme's profit' (no name of an instrument) nor one set
    against the subject's ('compared with gains in Acme')."""
    direction = MOVE_NOUNS.get(noun.lemma_.lower())
    if direction is None or noun.head.lower_ in COMPARISON_PREPOSITIONS or \
            (_governing_verb(noun).pos_ == "VERB" and _not_a_price_move(_governing_verb(noun))):
        return None, []
    # told as the cause or the setting of another move ('lifted by gains in Acme', 'Gains in Acme helped', 'amid
    # losses in Acme'), never as a verb's object: 'expect gains in Acme' is a view, 'posted gains in Acme' a fund's
    if noun.dep_ not in ("pobj", "nsubj", "nsubjpass"):
        return None, []
    objects = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "in"
               for o in prep.children if o.dep_ == "pobj"]
    return direction, [t for o in objects for t in (o, *o.conjuncts, *_names_of_its_shares(o))]


def _led(verb: Token) -> tuple[str | None, list[Token]]:
    """(the direction a leading verb gives, the words naming what led): 'Acme led the Dow higher', 'Acme and Beta
    helped lead chip stocks lower' (the subject's names), 'banks fell, led by Acme', 'banks were led lower by
    Acme' (the names after 'by'); none without a direction ('a group led by Acme agreed to buy') or when negated."""
    if verb.lemma_.lower() not in LEADING_LEMMAS or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None, []
    direction = _direction_particle(verb) or _direction_after_the_object(verb)
    agents = [o for by in verb.children if by.dep_ == "agent" for o in by.children if o.dep_ == "pobj"]
    if agents:
        heads = agents
        direction = direction or _direction_of_the_move_led(verb)
    else:
        holder = verb
        while holder.dep_ == "xcomp" and holder.head.i != holder.i:  # 'Acme helped lead the Dow higher'
            holder = holder.head
        heads = [c for c in holder.children if c.dep_ == "nsubj"]
    if direction is None:
        return None, []
    return direction, [t for h in heads for t in (h, *h.conjuncts, *_names_of_its_shares(h))]


def _direction_after_the_object(verb: Token) -> str | None:
    """'led retailers *higher*': the direction word the parser hung on the object rather than on the verb."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for child in obj.children:
            if child.i > obj.i and child.dep_ in ("amod", "advmod") and DIRECTION_WORDS.get(child.lower_):
                return DIRECTION_WORDS[child.lower_]
    return None


def _led_the_move(claim: Claim, sentence: Span) -> bool:
    """Whether a figure-less move was read from a leading verb ('Acme led the Dow higher'): the run, record or
    streak the sentence tells is the move led, not the leader's own."""
    if claim.verb is None or claim.change_pct is not None or claim.change_points is not None:
        return False
    return any(token.text == claim.verb and token.lemma_ in LEADING_LEMMAS for token in sentence)


def _direction_of_the_move_led(verb: Token) -> str | None:
    """'banks fell, led by Acme', 'posted gains, led by Acme', 'the rally was led by Acme': the direction of the move
    the participle hangs on, or of the move noun the passive is said of."""
    said_of = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if said_of is not None:
        return MOVE_NOUNS.get(said_of.lemma_.lower())
    if verb.dep_ not in ("advcl", "acl", "relcl", "conj"):
        return None
    head = verb.head
    if head.pos_ == "NOUN":
        return MOVE_NOUNS.get(head.lemma_.lower())
    _, direction = verb_direction(head)
    if direction is None:
        direction = next((MOVE_NOUNS[c.lemma_.lower()] for c in head.children
                          if c.dep_ == "dobj" and c.lemma_.lower() in MOVE_NOUNS), None)
    return direction


def _names_of_its_shares(head: Token) -> list[Token]:
    """'shares of Acme and Beta': the names after 'of' of a share word, each with its conjuncts."""
    if head.lemma_.lower() not in SHARE_HEADS:
        return []
    return [t for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for o in prep.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]


def _figureless_claim(doc: Doc, sentence: Span, owner: Mention, noun: Token, direction: str) -> Claim:
    """The move claim a ranking or move noun tells of ``owner`` without a figure."""
    time = anchor(span_text(sentence), doc._.published)
    verb = _governing_verb(noun)
    name = [doc[owner.start].idx, doc[owner.end - 1].idx + len(doc[owner.end - 1])] \
        if sentence.start <= owner.start < sentence.end else []
    start = min([*name, noun.idx]) - sentence.start_char
    end = max([*name, noun.idx + len(noun)]) - sentence.start_char
    return Claim(
        article_id=doc._.article_id, sentence=span_text(sentence), char_start=sentence.start_char,
        char_end=sentence.end_char, kind="stock_move" if owner.kind in ("stock", "etf") else "index_move",
        instrument=_instrument(owner), direction=direction, period=time.period,
        session=time.session.isoformat() if time.session else None,
        modality=modality_of(verb, sentence) if verb.pos_ in ("VERB", "AUX") else "reported",
        verb=noun.text, time_text=time.time_text, span_start=start, span_end=end)


SUBORDINATE_DEPS = {"advcl", "pcomp", "relcl", "acl", "prep"}
# "Shares, which have gained 10% this year, rose 1.6% on Wednesday", "are up 10% year to date, and rose 1.6% on
# Wednesday": a move its own clause puts on a day is that day's, whatever period another clause names
ON_A_DAY_RE = re.compile(r"\bon\s+(?:monday|tuesday|wednesday|thursday|friday)\b|\b(?:on|for) the (?:day|session)\b",
                         re.I)
# "and it gained 3.2% over the last three months": a trailing span of the clause's own, not the sentence's period
TRAILING_SPAN_RE = re.compile(r"\b(?:over|in|during)\s+the\s+(?:last|past|previous|prior)\s+(?:(?:\d+|two|three|four|"
                              r"five|six|seven|eight|nine|ten|eleven)\s+(?:trading\s+)?(?:days|sessions|weeks|months)"
                              r"|week|month)\b", re.I)
YESTERDAY_RE = re.compile(r"\byesterday\b|\b(?:the )?(?:previous|prior) session\b", re.I)
PERCENT_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent\b|pct\b)", re.I)
ELSEWHERE_PREPOSITIONS = lexicon.words("moves", "elsewhere_prepositions")


SUBORDINATE_MOVE_DEPS = ("advcl", "pcomp", "relcl", "acl", "xcomp")


def _what_the_sentence_is_about(doc: Doc, sentence: Span, mentions: list[Mention],
                                moves: list[Move]) -> Mention | None:
    """'Shares of Coca-Cola rose 4.7% while its rival PepsiCo rose 0.9%. The stock ...': the last subject of a move
    in the main clauses (not of a clause hanging off them), else the main verb's listed company, else the last
    subject of any move."""
    main = [m.mention for m in moves if not _a_subordinate_move(m.verb)]
    if main:
        return main[-1]
    if _a_business_figure_moved(sentence):
        return None  # "Revenue fell 9.6 percent in 2008, a year in which Berkshire shares fell 32 percent"
    return _main_subject_company(doc, sentence, mentions) or (moves[-1].mention if moves else None)


def _a_subordinate_move(verb: Token) -> bool:
    """'while its rival PepsiCo rose 0.9%', 'helping lift PepsiCo shares', 'after Apple jumped': a move in a
    clause hanging off the main one (a verb joined to the main one by 'and' is main too)."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in SUBORDINATE_MOVE_DEPS


def _main_subject_company(doc: Doc, sentence: Span, mentions: list[Mention]) -> Mention | None:
    """'Coca-Cola beat estimates, helping lift PepsiCo shares 0.9%': the listed company that is the main verb's
    subject, when the sentence's only moves hang off it; never a broker ('Citi cut Acme, sending it down')."""
    subject = _subject_token(sentence.root)
    if subject is None:
        return None
    found = next((m for m in mentions if m.start <= subject.i < m.end and m.kind == "stock"), None)
    return None if found is None or _a_broker(doc, found) else found


def _relative_clauses_before(sentence: Span, move: Move) -> set[int]:
    """'Target shares, which are down 29 percent in the past year, rose 5.6 percent': the words of a relative
    clause on a noun before the move tell another move, with its own period."""
    return {t.i for r in sentence if r.dep_ == "relcl" and r.head.i < move.verb.i
            and r.head.pos_ in ("NOUN", "PROPN") and move.verb not in r.subtree for t in r.subtree} | \
        _verbless_asides_before(sentence, move)


def _verbless_asides_before(sentence: Span, move: Move) -> set[int]:
    """'the stock, up 59 percent this year, fell $1.46 to $201.06': an aside between commas after a noun, opened
    by a direction word and with no verb of its own, tells another move (its figure, direction and period are not
    the verb's)."""
    commas = [t.i for t in sentence if t.text == "," and t.i < move.verb.i]
    found: set[int] = set()
    for first, second in zip(commas, commas[1:], strict=False):
        inside = sentence.doc[first + 1:second]
        if len(inside) < 2 or inside[0].lower_ not in DIRECTION_WORDS or \
                sentence.doc[first - 1].pos_ not in ("NOUN", "PROPN") or \
                any(t.pos_ in ("VERB", "AUX") for t in inside) or not any(t.like_num for t in inside):
            continue
        found |= set(range(first, second + 1))
    return found


def _time_of_a_relative_clause_before(sentence: Span, move: Move, time_text: str) -> bool:
    """'Acme shares, which had ended at a 52-week high on Friday, slipped 40 cents': the day is the clause's."""
    at = span_text(sentence).find(time_text)
    clause = _relative_clauses_before(sentence, move)
    return at >= 0 and any(t.i in clause for t in sentence if at <= t.idx - sentence.start_char < at + len(time_text))


def _names_its_own_time(text: str) -> bool:
    return bool(ON_A_DAY_RE.search(text) or TRAILING_SPAN_RE.search(text))


def _names_a_time(text: str) -> bool:
    """A weekday, a date, 'yesterday' or a period's words ('in January', 'this week')."""
    return bool(WEEKDAY_RE.search(text) or DATE_RE.search(text) or YESTERDAY_RE.search(text) or period_words(text))


def _inside_a_subordinate_clause(token: Token, move_verb: Token, positions) -> bool:  # noqa: ANN001
    """Whether a token sits in a clause hanging off the move, at any depth ('slid 8% as cloud revenue missed
    estimates and the company said it would spend $75 billion this year': 'this year' is the spending's), up to
    the move's verb or another move's."""
    node = token
    for _ in range(12):
        verb = _clause_verb(node)
        if verb is None or verb.i == move_verb.i or verb.i in positions:
            return False
        if verb not in move_verb.ancestors and (verb.dep_ in SUBORDINATE_DEPS or verb.dep_ == "conj" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            return True  # a clause hanging off the move, or one joined to it with a subject of its own
        if verb.head.i == verb.i:
            return False
        node = verb.head
    return False


WHOLE_MARKET_RE = re.compile(r"\b(?:the indexes|the indices|the major indexes|stocks|equities|the market|"
                             r"wall street['\u2019]s|the street['\u2019]s|shares)\s+(?:\w+\s+){0,4}?(?:their|its|"
                             r"the|(?:" + SUPERLATIVE_WORDS + r"))\b", re.I)


# "the worst year for stocks since the Great Depression": a superlative whose 'for' phrase names the whole market
WHOLE_MARKET_FOR_RE = re.compile(r"(?:the\s+)?(?:stocks|equities|shares|(?:the\s+)?(?:stock\s+)?market|wall\s+street|"
                                 r"investors)\b", re.I)


def _said_of_the_whole_market(text: str, holder: Claim) -> bool:
    """'the indexes racked up their biggest one-day loss since mid-May', "Wall Street's biggest rally": a
    superlative of the market as a whole, unless the instrument it went to is named in the same clause."""
    m = WHOLE_MARKET_RE.search(text)
    if m is None or holder.instrument is None:
        return False
    named = holder.instrument.name.split()[0].lower()
    if m.group(0).lower().startswith("shares") and \
            re.search(rf"\b{re.escape(named)}\S*(?:\s+\S+){{0,2}}\s+$", text[:m.start()], re.I):
        return False  # "Apple shares marked their biggest advance": the company's shares, named just before
    return named not in text[m.start():].lower()


@dataclass(frozen=True)
class _Context:
    """What the record and streak readers of one sentence look at."""

    doc: Doc
    sentence: Span
    moves: list[Claim]
    mentions: list[Mention]
    previous: Mention | None


# "The stock posted its worst day since March", "Its shares hit their lowest since 2020": the stock named before
STOCK_REFERENCE_RE = re.compile(r"\s*(?:the|its|the company's|the company\u2019s)\s+(?:stock|shares)\b"
                                r"(?!\s+(?:market|markets|exchange|index|indexes|indices|average)\b)", re.I)
# "record high in six weeks" is not a record
# ("a record close for a second day" is a record, set again)
RECORD_SPAN_AFTER_RE = re.compile(r"^\s*(since|in|for)\s+(?:more than |nearly |almost )?(a |\d+|one|two|three)"
                                  r"(?!\s*(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b)")
# "its highest since March 2005, as ...": where the span a record is measured over ends
SINCE_TAIL_END_RE = re.compile(r";|\.(?!\s+\d)|,(?!\s*(?:19|20)\d\d)|\s+(?:as|when|after|amid|while|and)\s"
                               # "since early February last Friday": the day is the record's, not the span's
                               r"|\s+(?:last|on)\s+(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday)\b)")
# "its best week in nine months" (a time span) vs "the biggest gain in technology shares" (none)
SPAN_COUNT_RE = re.compile(r"(?:(?:more than|over|almost|nearly|about|roughly)\s+)?"
                           rf"(?:a|an|\d+|{number_words(1, 20)})\b"
                           r"|(?:weeks|months|years|decades)\b", re.I)  # "its worst day in months": a span, uncounted
# "a record for the third straight day", "hit a lifetime high for a second straight day": the record told again, no
# run of gains (nor of closes beyond a level named earlier in the sentence)
RECORD_FOR_THE_RE = re.compile(r"\b(?:record(?:\s+close)?\s+for\s+the|(?:record|all-time|lifetime|new|fresh)"
                               r"(?:\s+(?:closing|intraday|session))?\s+(?:close|high|low|peak|level)s?\s+for\s+"
                               r"(?:a|the))\s*$", re.I)
LEVEL_BEFORE_RE = re.compile(r"\b(?:above|below|over|under)\s+(?:the\s+)?(?:US)?\$?\d", re.I)
# a run averted, or one still aimed at ("as it attempts its sixth-straight week of gains", "on track for a fifth
# straight weekly gain"): no run had
AVERTED_RE = re.compile(r"\b(?:avert\w*|avoid\w*|escap\w*|prevent\w*|stav\w* off|attempt\w*|on track (?:for|to)|"
                        r"(?:headed|heading|poised|angling) for)\s+(?:\S+\s+){0,3}$", re.I)
# "its ninth straight decline in quarterly profit", "a fourth consecutive drop in same-store sales": the run of a
# business figure the move noun names, not of the price
STREAK_OF_A_BUSINESS_FIGURE_RE = re.compile(
    r"\s+(?:in|of)\s+(?:(?:its|the|their)\s+)?(?:[\w-]+\s+){0,2}(?:" + lexicon.alternation(BUSINESS_AFTER_IN) + r")\b",
    re.I)
# "The Dow's four-session winning streak ended on Tuesday"
STREAK_ENDED_AFTER_RE = re.compile(r"\s+(?:ended|came to an end|was (?:snapped|broken|halted|ended))\b", re.I)
STREAK_DOWN_AFTER_RE = re.compile(r"\b(loss|losses|losing|decline|declines|fall|drop|in the red|lower|down)", re.I)
STREAK_DOWN_RE = re.compile(r"(decline|loss|drop|fall|decrease|skid|slide|selloff|sell-off|slump)", re.I)
STREAK_UP_AFTER_RE = re.compile(r"\b(gain|gains|winning|advance|rise|rally|increase|in the green|higher|up)", re.I)
STREAK_UP_RE = re.compile(r"(advance|gain|rise|increase|rally)", re.I)


HISTORY_INVERSIONS = lexicon.alternation(lexicon.phrases("time", "history_inversions"))
# "Not since October 2006 had the Dow fallen ...", "Only once since 1987 has the index lost more": the opening
# word (after a dateline), then the auxiliary before its subject; the clause runs to the next clause's joint
HISTORY_INVERSION_RE = re.compile(r"^(?:[^\n]{0,80}?\)\s*[-–—]+\s*)?\W*(?:" + HISTORY_INVERSIONS + r")\b"
                                  r"[^.;:]{0,80}?\b(?:had|has|have|did|does|do|was|were|is|are)\s+"
                                  r"(?:the|its|their|it|they|stocks|shares|[A-Z0-9])", re.I)
HISTORY_CLAUSE_END_RE = re.compile(r";|,\s+(?:and|but|while|as|when|after|though|although)\s|\s+but\s", re.I)


def history_clause_end(text: str) -> int:
    """Where a clause about history that opens ``text`` ('Not since October 2006 had the Dow fallen for six days
    in a row', 'Never before has the Nasdaq ...') ends, or 0 where the sentence opens with none. Such a clause
    says how rare a run or a move is, not that it ends at the article's session: we give it no claim."""
    m = HISTORY_INVERSION_RE.search(text)
    if m is None:
        return 0
    end = HISTORY_CLAUSE_END_RE.search(text, m.end())
    return end.start() if end else len(text)


RELATIVE_OPENING_RE = re.compile(r",\s*(?:which|that|who)\b[^,;]*$", re.I)


def _relative_clause_text(text: str, m: re.Match[str]) -> str:
    """The ', which ... ,' clause a record phrase lies in ('' when it lies in none)."""
    opening = RELATIVE_OPENING_RE.search(text[:m.start()])
    closing = re.match(r"[^,;]*,", text[m.end():])
    return text[opening.start():m.end() + closing.end()] if opening and closing else ""


def _of_its_own_clause(record: Claim, clause: str, published: datetime | None) -> None:
    """'Acme shares, which had ended at a 52-week high on Friday, slipped 40 cents to $51.10': a record told in a
    relative clause takes neither the main clause's price nor its session; the clause's own day, if it names one."""
    if record.stated.get("level", "") not in clause:
        record.level, record.stated = None, {}
    own = anchor(clause, published)
    if own.time_text and own.session is not None:
        record.session, record.time_text, record.period = own.session.isoformat(), own.time_text, own.period


def _past_the_history_clause(found: list[Claim], sentence: Span) -> list[Claim]:
    """The claims outside a clause about history that opens the sentence ('Not since 2006 had the Dow fallen ...'):
    our reading of that clause is uncertain, so it gives none (a claim with no span of its own goes with it)."""
    history = history_clause_end(span_text(sentence))
    return [c for c in found if c.span_start is not None and c.span_start >= history] if history else found


def _not_at_the_record(m: re.Match[str], text: str) -> bool:
    """'record high in six weeks', 'within striking distance of its all-time high', 'a record is within reach',
    'neared its highest close since 2001', 'crossed its record closing level but failed to hold':
    a record phrase, but no record set. '14 new 52-week highs and 3 new lows': a count of the index's members
    at highs (market breadth), not a record of the index."""
    if not m.groupdict().get("since") and RECORD_SPAN_AFTER_RE.search(text[m.end():m.end() + 20].lower()):
        return True
    if BREADTH_COUNT_RE.search(text[max(0, m.start() - 30):m.start()]) and re.search(r"s\b", m.group(0)[-3:]):
        return True
    return bool(NOT_AT_RECORD_RE.search(text[max(0, m.start() - 40):m.start()])
                or RECORD_NOT_SET_RE.search(text[max(0, m.start() - 110):m.start()])
                or RECORD_AHEAD_RE.search(text[m.end():m.end() + 40]) or RECORD_NOT_HELD_RE.search(text[m.end():]))


def _a_business_record(sentence: Span, m: re.Match[str]) -> bool:
    """'helped drive Berkshire's annual profit to a six-year low', 'quarterly revenue fell to a seven-year low',
    'with profit at a record high': the extreme of a business figure, not of the price."""
    span = sentence.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(4):
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            break
        node = node.head
        if node.lower_ in BUSINESS_NOUNS:
            return True
    if node.pos_ not in ("VERB", "AUX"):
        return False
    # "Strong earnings drove the Dow to a record close": a causative verb's subject is the cause, its object the
    # figure that reached the record ("drove Berkshire's annual profit to a six-year low")
    deps = ("dobj",) if node.lemma_.lower() in CAUSATIVE_LEMMAS else ("nsubj", "nsubjpass", "dobj")
    return any(c.dep_ in deps and
               (c.lower_ in BUSINESS_NOUNS or any(g.dep_ == "compound" and g.lower_ in BUSINESS_NOUNS
                                                  # "The Cboe Volatility Index": a name's word, no business figure
                                                  and g.pos_ != "PROPN" for g in c.children))
               for c in node.children)


# "the Dow, which hit all-time highs this year", "set record highs in 2006": records set over the year
RECORDS_OVER_A_YEAR_RE = re.compile(r"\s+(?:(?:earlier\s+)?this|last)\s+year\b|\s+(?:in|during)\s+(?:19|20)\d\d\b",
                                    re.I)


def _records_over_a_year(m: re.Match[str], text: str) -> bool:
    """Highs or lows (plural) set this year or in a named year: many sessions' records told as background, none
    of them the session's."""
    return bool(re.search(r"\b(?:highs|lows)\b", m.group(0), re.I)) and \
        RECORDS_OVER_A_YEAR_RE.match(text, m.end()) is not None


def _record_what(m: re.Match[str], text: str) -> str:
    """Which record a RECORD_RE match names: 'record_close_high', '52_week_low', 'highest_since', ..."""
    side = "low" if re.search(r"low|worst", m.group(0), re.I) else "high"
    if m.group("since") or m.group("nunit") or m.group("yearly"):
        what = f"{side}est_since"
    elif m.group("intraday"):
        what = f"record_intraday_{side}"
    else:
        what = f"52_week_{side}" if m.group("weeks") else f"record_close_{side}"
    if re.search(r"\bintraday\s+$", text[max(0, m.start() - 12):m.start()], re.I) or \
            (what == f"record_close_{side}" and _during_the_session(m, text)):
        what = f"record_intraday_{side}"  # "a fresh intraday record high", "earlier reached a record $188.60"
    return what


def _during_the_session(m: re.Match[str], text: str) -> bool:
    """'and earlier reached a record', 'hit a record $128.36 during the session', 'rose as much as 9% to a record':
    a high within the day."""
    return bool(re.search(r"\b(?:earlier|intraday|at one point|briefly)\b[^,;.]{0,30}$", text[:m.start()], re.I)
                or SESSION_PEAK_BEFORE_RE.search(text[:m.start()])  # "jumped as much as 9.4% to its record high"
                or re.match(r"(?:[^,;.]|(?<=\d)[.,](?=\d)){0,25}\b(?:during the (?:session|day)|in intraday trad\w*)\b",
                            text[m.end():], re.I))  # "hit a record $128.36 during the session": a price's point


# "its record closing high set on March 24, 2000", "a record of 1,576.09 set in October 2007": a record of the past,
# named as a reference level (not one set this session)
RECORD_SET_BEFORE_RE = re.compile(r"\s*(?:of\s+(?:US)?\$?\d[\d,.]*\s*,?\s*)?(?:(?:which|that)\s+(?:it\s+)?(?:was\s+)?)?"
                                  r"(?:set|reached|hit|struck|touched|posted)\s+(?:back\s+)?(?:on|in)\s+(?:early\s+|late\s+|"
                                  rf"mid-?)?(?:{LONG_MONTHS_ALT}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|(?:19|20)\d\d)\b",
                                  re.I)
# "the rally from March 9, when the S&P 500 hit a 12-year closing low": a clause told of a date named before it
DATED_WHEN_RE = re.compile(rf"\b(?:(?:{LONG_MONTHS_ALT}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{{1,2}}"
                           r"(?:,\s+(?:19|20)\d\d)?|(?:19|20)\d\d)\s*,\s+when\s+[^,;.]{0,80}$", re.I)


# "their best run since just after the S&P 500 hit a 12-year closing low in March": the 'since' clause tells the event
# the span runs from (its own subject and a verb of reaching), history rather than this session; a record told after
# 'since <time>' in the clause of a move of its own ('has risen 40 percent since March and hit a record') is no such
# clause, as its verb has no subject of its own there
SINCE_EVENT_RE = re.compile(r"\bsince\s+(?:(?:just|shortly|right|soon)\s+)?(?:after\s+)?(?:the\s+)?"
                            r"(?:[A-Z][\w&.'-]*\s+){1,4}(?:\d+\s+)?(?:index\s+|indexes\s+|average\s+)?"
                            r"(?:hit|touched|reached|struck|set|plunged\s+to|fell\s+to|sank\s+to|closed\s+at)\s+"
                            r"(?:(?:a|an|its|their|the)\s+)?$")


# "climbed past its record close of 2000", "its record high from January 2000", "its all-time peak of October 2007":
# a record dated to a past year is that year's mark, as "set in 2000" is (not a level of 2,000); not "its highest
# close of 2008" (the year's extreme, a record of its own)
RECORD_OF_A_YEAR_RE = re.compile(rf"\s*(?:of|from)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{LONG_MONTHS_ALT})\s+)?"
                                 r"(?:19|20)\d\d\b(?![,.]\d)", re.I)
DATED_RECORD_WORDS_RE = re.compile(r"\b(?:record|all-time|lifetime|peak)", re.I)


def _a_record_of_a_past_year(m: re.Match[str], text: str) -> bool:
    """A record phrase dated to a year by 'of 2000' or 'from January 2000' right after it."""
    return bool(DATED_RECORD_WORDS_RE.search(m.group(0)) and RECORD_OF_A_YEAR_RE.match(text, m.end()))


def _a_record_of_another_time(m: re.Match[str], text: str) -> bool:
    """A record phrase the words place before this session: set on a past date or in a 'when' clause of one, highs
    or lows set over a year, a past year's mark ('its record close of 2000')."""
    return RECORD_SET_BEFORE_RE.match(text, m.end()) is not None or _of_a_dated_past(text, m.start()) or \
        _records_over_a_year(m, text) or _a_record_of_a_past_year(m, text)


def _of_a_dated_past(text: str, start: int) -> bool:
    """Whether the phrase at ``start`` lies in a 'when' clause of a date named before it, or in a 'since' clause
    that tells the event a span is measured from ('since the S&P 500 hit a 12-year closing low')."""
    return bool(DATED_WHEN_RE.search(text[:start]) or SINCE_EVENT_RE.search(text[:start]))


def _run_holders_named_after(context: _Context, end: int) -> list[Mention]:
    """The instruments an 'in' phrase right after a run names ('a four-day rally in the S&P 500 and the Nasdaq')."""
    doc, sentence, text = context.doc, context.sentence, span_text(context.sentence)
    if not re.match(r"\s+in\s+(?:the\s+)?\S", text[end:]):
        return []
    phrase = re.match(r"\s+in\s+[^,;.]*?(?=[,;]|\.(?!\d)|\s+(?:as|after|amid|while|when|on)\b|$)", text[end:])
    if phrase is None:
        return []
    stop = end + phrase.end()
    named = [m for m in context.mentions if end <= doc[m.start].idx - sentence.start_char < stop]
    first = doc[named[0].start].idx - sentence.start_char if named else stop
    return named if re.fullmatch(r"\s+in\s+(?:the\s+)?", text[end:first]) else []


def _record_since(record: Claim, m: re.Match[str], text: str, published) -> None:  # noqa: ANN001
    """'its highest close since October 2008', 'its lowest level in almost six years': the span it is measured
    over."""
    tail = SINCE_TAIL_END_RE.split(text[m.end():], maxsplit=1)[0]
    keyword = "since" if m.group(0).lower().rstrip().endswith("since") else "in"
    record.time_text = f"{keyword} {tail.strip()}"
    start = _since_start(tail, published) if keyword == "since" else None
    record.period_start = start.isoformat() if start else None


def _is_worst(words: str) -> bool:
    """'its worst week', 'its biggest drop' (not 'its best and biggest drop')."""
    return bool(re.search(r"\b(worst|weakest)\b", words)) or (
        bool(re.search(r"\b(drop|decline|fall|loss|slide|selloff|sell-off|slump|plunge|tumble|retreat)", words))
        and not re.search(r"\b(best|strongest)\b", words))


SUPERLATIVE_UNITS = (("week", r"\bweek"), ("month", rf"\b(?:month|(?i:{FULL_MONTHS_ALT})\b)"),
                     ("quarter", r"\b(?:quarter|start to)"),
                     ("year", r"\b(?:year|annual)"))


# "its fifth down month out of six", "a third losing month": the sentence counts months
MONTH_TALLY_RE = re.compile(r"\b(?:down|losing|negative|up|winning|positive)\s+months?\b", re.I)


def _superlative_unit(words: str, holder: Claim, text: str, at: int) -> str:
    """The period a superlative is about: 'its best week' -> week; 'For the week, ... its worst' -> week;
    'marked its fifth down month out of six and the biggest drop since October' -> month (a superlative without
    a figure of its own after a tally of months; 'fell 2%, its biggest drop since October' stays the day's)."""
    unit = next((name for name, pattern in SUPERLATIVE_UNITS if re.search(pattern, words)), "day")
    if unit == "day" and (holder.period in ("week", "month") or re.search(
            r"\b(weekly|for the week|this week|on the week)\b", text, re.I)):
        unit = holder.period if holder.period in ("week", "month") else "week"
    if unit == "day" and holder.change_pct is None and holder.change_points is None and \
            not re.search(r"\b(?:day|daily|session|one-day|single-day)\b", words) and \
            MONTH_TALLY_RE.search(text[:at]):
        unit = "month"
    return unit


def _superlative(holder: Claim, m: re.Match[str], worst: bool, unit: str, published) -> Claim:  # noqa: ANN001
    """The comparison claim of 'its biggest one-day drop since March' made on the move it belongs to."""
    keyword = m.group("kw").lower()
    since = _since_start(m.group("since"), published) if keyword == "since" else None
    claim = _derived(holder, kind="comparison", span=(m.start(), m.end()))
    _about_a_named_day(claim, m.group("since"), published)
    claim.relation = "worst_since" if worst else "best_since"
    claim.direction = "down" if worst else "up"
    claim.change_pct = holder.change_pct if holder.kind != "comparison" else None
    claim.stated = {"change_pct": holder.stated["change_pct"]} if claim.change_pct is not None and \
        "change_pct" in holder.stated else {}
    claim.unit = unit
    claim.period = "other" if unit == "quarter" else unit  # a quarter is no period of its own: from its start
    if unit == "day" and re.search(r"\bintraday\b", m.group(0), re.I):
        claim.period = "intraday"  # "its biggest intraday drop since 2022": a swing within sessions, not a close's
    claim.period_start = since.isoformat() if since else None
    claim.time_text = f"{keyword} {m.group('since')}"  # "in nine months", "since March"
    return claim


STREAK_LENGTH_GROUPS = ("ord", "num", "num3", "ord4", "num5", "ord6", "ord9", "num12", "num13")  # STREAK_RE's groups
STREAK_UNIT_GROUPS = ("unit", "unit2", "unit3", "unit4", "unit5", "adj", "adj6", "unit9", "unit10", "unit12",
                      "unit13")


MONTHLY_MOVES_AFTER_RE = re.compile(r"\s+of\s+(?:gains|advances|losses|declines)\b", re.I)


def _a_run_of_monthly_moves(m: re.Match[str], text: str) -> bool:
    """'its fifth straight monthly gain', 'a third month of losses': a run of months told with its moves, not a bare
    'for the third straight month' (said mostly of economic figures)."""
    return bool(m.group("adj") or m.group("adj6") or m.group("unit12")) or \
        bool(MONTHLY_MOVES_AFTER_RE.match(text, m.end()))


def _streak_length_and_unit(m: re.Match[str]) -> tuple[int, str]:
    """'third straight session' -> (3, 'day'); 'five-week winning streak' -> (5, 'week')."""
    if m.group("b2b"):
        return 2, "week" if (m.group("adj7") or "").lower() == "weekly" else "day"
    raw = next(m.group(name) for name in STREAK_LENGTH_GROUPS if m.group(name)).lower()
    length = ORDINALS.get(raw) or WORD_NUMBERS.get(raw) or int(re.sub(r"\D", "", raw))
    unit = next((m.group(name) for name in STREAK_UNIT_GROUPS if m.group(name)), "day").lower()
    return length, "week" if unit in ("week", "weekly") else "month" if unit in ("month", "monthly") else "day"


def _streak_direction(m: re.Match[str], text: str, direction: str | None) -> str | None:
    """'a losing streak', 'third straight session of losses': the run's direction, else the move's."""
    after = text[m.end():m.end() + 25]
    if m.group("kind") or m.group("kind5"):
        return "down" if "los" in (m.group("kind") or m.group("kind5")).lower() else "up"
    if m.group("num5") or m.group("ord6") or m.group("b2b") or m.group("noun13"):
        # "extending its rally to a fourth day", "ending a three-day rally": its own word
        return "down" if STREAK_DOWN_RE.search(m.group(0)) else "up"
    if m.group("ord9"):  # "its fifth up day", "a third day of losses"
        return "down" if re.search(r"down|losing|losses|declines", m.group(0), re.I) else "up"
    if STREAK_DOWN_AFTER_RE.search(after) or STREAK_DOWN_RE.search(m.group(0)):
        return "down"
    if STREAK_UP_AFTER_RE.search(after) or STREAK_UP_RE.search(m.group(0)):
        return "up"
    return direction


def _since_start(text: str, published) -> date | None:  # noqa: ANN001
    """The start of the span a 'since ...' names: a month, a date, a year ('since the 1987 crash')."""
    if published is None:
        return None
    pub = local_published(published).date()
    if (event := next((day for pattern, day in NAMED_EVENTS if pattern.search(text)), None)) is not None:
        return event  # "since the Sept. 11 attacks", "since the 1987 crash"
    if m := DATE_RE.search(text):
        return resolve_date_mention(m, pub)
    if m := re.search(rf"\b(?P<month>{LONG_MONTHS_ALT})\b(?:\s+(?P<year>(?:19|20)\d\d))?", text, re.I):
        month = MONTHS[m.group("month").lower()]
        this_year = month < pub.month or month == pub.month and _an_earlier_part_of_the_month(text[:m.start()], pub)
        year = int(m.group("year")) if m.group("year") else (pub.year if this_year else pub.year - 1)
        return date(year, month, 1)
    if m := re.search(r"\b((?:19|20)\d\d)\b", text):
        return date(int(m.group(1)), 1, 1)
    return None


NAMED_EVENTS = tuple((re.compile(rf"\b{pattern}", re.I), date.fromisoformat(day))
                     for pattern, day in lexicon.labels("time", "named_events").items())
# "its highest since early February" in a late-February piece: that part of the month is already past
MONTH_PART_DAYS = {"start": 1, "beginning": 1, "early": 10, "mid": 20, "middle": 20}


def _an_earlier_part_of_the_month(before: str, pub: date) -> bool:
    """Whether the words before the piece's own month name a part of it that is past ('early', 'mid')."""
    m = re.search(r"\b(start|beginning|early|mid|middle)\b[\s-]*(?:of\s+)?$", before, re.I)
    return m is not None and pub.day > MONTH_PART_DAYS[m.group(1).lower()]


# "took the S&P 500 to a 10-month high on Friday", "a record close of 1,552.50 on Friday": the record's own day
RECORD_ON_A_DAY_RE = re.compile(r"(?:\s+(?:of|at)\s+(?:US)?\$?\d[\d,]*(?:\.\d+)?)?\s+on\s+"
                                r"(?P<day>monday|tuesday|wednesday|thursday|friday)\b", re.I)


def _a_record_of_a_named_day(record: Claim, after: str, published: datetime | None) -> None:
    """A record phrase followed by 'on <weekday>' is that day's record, not the session the piece tells (a Monday
    wrap's "a rally that took the S&P 500 to a 10-month high on Friday")."""
    m = RECORD_ON_A_DAY_RE.match(after)
    if m is None or published is None:
        return
    day = weekday_on_or_before(local_published(published).date(), WEEKDAYS[m.group("day").lower()])
    if record.session != day.isoformat():
        record.session, record.time_text = day.isoformat(), f"on {m.group('day')}"


def _about_a_named_day(claim: Claim, since_text: str, published) -> None:  # noqa: ANN001
    """'recovering from its biggest daily drop since March on Monday': the superlative is Monday's."""
    m = re.search(r"\s+on\s+(?P<day>monday|tuesday|wednesday|thursday|friday)\s*$", since_text, re.I)
    if m is None or published is None:
        return
    day = weekday_on_or_before(local_published(published).date(), WEEKDAYS[m.group("day").lower()])
    claim.session = day.isoformat()


def _carried_from_the_sentence_before(doc: Doc, sentence: Span, time):  # noqa: ANN001, ANN202
    """'For the week, the Nasdaq lost 6.5 percent. The Dow dropped 4.1 percent and the S&P 500 declined 3.7
    percent.': an index's move with no time words of its own, right after a sentence about the week (the
    month, the year), continues it."""
    if re.search(r"\bfor the (?:day|session)\b", span_text(sentence), re.I) or time.session is None:
        return time
    # "For the week, the Nasdaq shed 6.5 percent. The Dow slid 4.1 percent. The S&P 500 ended 3.7 percent lower.":
    # a sentence with no time words of its own carries the header on, so the walk goes back over such sentences
    # (a few, in the same paragraph) to the one that names its period
    after = sentence
    for _ in range(CARRIED_SENTENCES):
        if after.start == 0:
            return time
        before = doc[after.start - 1].sent
        if "\n\n" in doc_text(doc)[before.end_char - 1:after.start_char + 1] or \
                re.search(r"\bfor the (?:day|session)\b", before.text, re.I):
            return time
        found = anchor(before.text, doc._.published)
        if found.period in ("week", "month", "ytd"):
            return replace(time, period=found.period, period_start=None)
        if found.period != "day" or found.time_text is not None:
            return time  # a sentence with a time of its own ends the header's reach
        after = before
    return time


# how many sentences back a period header may carry over sentences with no time words of their own
CARRIED_SENTENCES = 3


def _under_a_header(doc: Doc, sentence: Span, time):  # noqa: ANN001, ANN202
    """A line in a list under "For the week:" is about the week (the quarter, the year to date): "On the month:"
    over "Nasdaq composite -4.0%" too. Only a time without words of its own takes the header's period."""
    if time.period not in ("day", "intraday") or time.time_text is not None:
        return time
    period = header_period(doc_text(doc), sentence.start_char)  # doc_text: joined once per doc
    if period is None or time.session is None:
        return time
    if period == "quarter":
        return replace(time, period="other", period_start=quarter_start(time.session))
    return replace(time, period=year_end_period(period, time.session), period_start=None)


def _a_swing_before_the_close(verb: Token) -> bool:
    """'closed down 3.1 percent after rising as much as 13.5 percent', 'ended flat after falling 2% to $10.13':
    a move 'after' which the same session closed is the session's swing, not its close-to-close move."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "after":
        return False
    closing = verb.head.head
    return closing.lemma_.lower() in CLOSING_LEMMAS or any(
        c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in CLOSING_LEMMAS for c in closing.children)


def _time_of_an_infinitive(sentence: Span, time_text: str, verb: Token) -> bool:
    """'expected to give a lift to tech shares on Friday, ... gained 4.3%': Friday is when the lift is
    due, not when the stock gained."""
    at = span_text(sentence).find(time_text)
    span = sentence.char_span(at, at + len(time_text), alignment_mode="expand") if at >= 0 else None
    if span is None:
        return False
    node = span.root
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    # "fell 16.2%, to close at $87.09 on December 19": the close is the move's own end, and so is its day
    if node.lemma_.lower() in ("close", "end", "finish", "settle"):
        return False
    # "is due to report on Thursday", "will report on Tuesday": a day still to come, of another verb
    return node.i != verb.i and node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("to", "will", "'ll")
                                                          for c in node.children)


# "fell below 12,000 points", "climbed above 4 percent" (a yield): a threshold the level crossed, no change of its own
THRESHOLD_BEFORE_RE = re.compile(r"\b(?:below|above|through|past|beyond|toward|towards)\s+"
                                 r"(?:the\s+)?$", re.I)
# "rose to as high as 3.70 percent", "hitting 3.70 percent": where a yield stood
YIELD_LEVEL_BEFORE_RE = re.compile(r"\b(?:as (?:high|low) as|hit|hits|hitting|touched|touching|reached|reaching|"
                                   r"near|around|of|yield|yielding)\s+$", re.I)  # "fell 26/32 in price to yield 3.49%"


def _a_bond_price_move(verb: Token) -> bool:
    """'10-year notes fell 26/32 in price to yield 3.49 percent': the verb tells the bond's price, which moves
    against its yield; the yield's own direction is not stated."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() == "price" for g in c.children)
               for c in verb.children)


def _figure_field(fig: NumberMention, kind: str, text: str) -> tuple[str | None, float, str]:
    """Which claim field a figure fills. Yields move in basis points and stand at a percent level."""
    if fig.kind in ("points", "pct") and THRESHOLD_BEFORE_RE.search(text[:fig.start]) and \
            (fig.kind == "points" or kind == "yield"):
        return None, 0.0, ""
    if kind == "yield":
        if fig.kind == "bp":
            return "change_points", round(fig.value / 100, 6), f"{fig.value / 100:.{decimals_of(fig.text) + 2}f}"
        if fig.kind == "pct" and (LEVEL_CONTEXT_RE.search(text[:fig.start]) or fig.qualifier in NEARNESS_QUALIFIERS
                                  or YIELD_LEVEL_BEFORE_RE.search(text[:fig.start])):
            return "level", fig.value, fig.text  # "climbed close to 5 percent": where the yield stands
        if fig.kind == "pct" and re.search(r"\bfrom\s+$", text[:fig.start]):
            return None, 0.0, ""  # "from 4.438%": where it came from
    if fig.kind == "bp":
        return None, 0.0, ""
    return {"pct": "change_pct", "points": "change_points", "level": "level"}[fig.kind], fig.value, fig.text


def _carries_only_a_record_level(move: Claim, records: list[Claim]) -> bool:
    """'the stock plummeted to $19.72, its lowest level since July 2000': the level is the record's claim;
    a move with nothing else to check is no claim of its own."""
    if move.kind not in ("index_move", "stock_move") or move.change_pct is not None or \
            move.change_points is not None or move.level is None:
        return False
    return any(r.kind == "record" and r.instrument == move.instrument and r.level is not None
               and math.isclose(r.level, move.level) for r in records)


def _merged_level_claims(claims: list[Claim]) -> list[Claim]:
    """'closed at a record 6,129.58, edging up 0.2%': one claim with the level and the move."""
    out: list[Claim] = []
    for claim in claims:
        partner = next((c for c in out if c.instrument == claim.instrument and c.session == claim.session
                        and c.period == claim.period and c.kind == claim.kind
                        and ((c.level is None) != (claim.level is None))
                        and ((c.direction is None) != (claim.direction is None))), None)
        if partner is None:
            out.append(claim)
            continue
        for name in ("direction", "change_pct", "change_points", "level", "qualifier"):
            if getattr(partner, name) is None:
                setattr(partner, name, getattr(claim, name))
        partner.stated = {**claim.stated, **partner.stated}
        partner.span_start = min(partner.span_start or 0, claim.span_start or 0)
        partner.span_end = max(partner.span_end or 0, claim.span_end or 0)
    return out


def _without_echoes(claims: list[Claim]) -> list[Claim]:
    """Drop a bare direction that repeats a figured claim of the same sentence ('rose 3% and climbed above')."""
    figured = {(c.instrument.symbol if c.instrument else None, c.direction, c.session) for c in claims
               if c.change_pct is not None or c.change_points is not None or c.level is not None}
    return [c for c in claims if c.change_pct is not None or c.change_points is not None or c.level is not None
            or (c.instrument.symbol if c.instrument else None, c.direction, c.session) not in figured]


REFERENCE_ADJECTIVES = lexicon.words("moves", "reference_adjectives")


MAIN_US_INDEXES = (Instrument(name="Dow Jones Industrial Average", symbol="^DJI"),
                   Instrument(name="S&P 500", symbol="^GSPC"), Instrument(name="Nasdaq Composite", symbol="^IXIC"))
OTHER_INDEXES_RE = re.compile(r"\s*(?:the\s+)?(?:other|remaining)\s+"
                              r"(?:(?:two|major|main|big|key|leading|u\.s\.|stock)\s+)*"
                              r"(?:indexes|indices|averages|benchmarks|gauges)\b", re.I)


GROUP_NOUNS = lexicon.words("moves", "main_index_group_nouns")
GROUP_WORDS = lexicon.words("moves", "main_index_group_words")
GROUP_MARKS = lexicon.words("moves", "main_index_group_marks")


def _the_main_indexes_together(verb: Token, doc: Doc) -> Token | None:
    """The subject of ``verb`` when it names the three main U.S. indexes together ('Major U.S. stock indexes',
    'the three major averages'): only words of such a group, one that marks it as all the main ones, and either
    'U.S.'/'Wall Street' or a story that names the main indexes itself."""
    subj = _nominal_subject(verb, [])
    quantified = any(c.lower_ == "all" for c in verb.children)  # "the indexes all rose"
    return subj if subj is not None and _a_main_index_group(subj, doc, quantified) else None


def _a_main_index_group(noun: Token, doc: Doc, quantified: bool = False, unmarked: bool = False) -> bool:
    """Whether ``noun`` names the main U.S. indexes together: a plural group noun with only a group's words, one of
    them marking it as all the main ones (or 'all' beside it), and 'U.S.'/'Wall Street' or a story that names two
    main indexes. ``unmarked``: 'the indexes' alone also stands for them in a story that names all three (the
    record, run and superlative readers only: 'the indexes posted their biggest gain since March')."""
    if noun.lower_ not in GROUP_NOUNS or noun.tag_ != "NNS":
        return False
    words = {t.lower_ for t in noun.subtree if t.i != noun.i}
    if not words <= GROUP_WORDS:
        return False
    named = {m.symbol for m in doc._.instruments or () if m.kind == "index"} & {i.symbol for i in MAIN_US_INDEXES}
    if not (words & GROUP_MARKS or quantified):
        return unmarked and len(named) == len(MAIN_US_INDEXES)
    return bool(words & {"u.s.", "us", "american", "wall"}) or len(named) >= 2


def _each_of(noun: Token) -> Token:
    """'each of the major indexes': the group the pronoun picks from (else the noun itself)."""
    if noun.lower_ != "each":
        return noun
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), noun)


def _group_at(doc: Doc, sentence: Span, char: int) -> tuple[Token, list[Instrument]] | None:
    """(the group noun, the instruments it stands for) where the subject of the verb a record, streak or superlative
    phrase at ``char`` hangs from is a group: the main U.S. indexes named together ('the three major U.S. stock
    indexes'), the broad U.S. market (the S&P 500) or 'both' ('causing both to break', 'Both indexes') of the last
    two indexes named before."""
    phrase = doc.char_span(sentence.start_char + char, sentence.start_char + char + 1, alignment_mode="expand")
    if phrase is None:
        return None
    verb, subject = _verb_just_before(phrase) or _phrase_subject(phrase)
    if verb is None or subject is None:
        return None
    if _a_main_index_group(_each_of(subject), doc, any(
            c.lower_ == "all" for c in verb.children), unmarked=True):
        # "the indexes racked up their biggest loss since May", "sending the major indexes to 13-month closing
        # highs", "lifting each of the major indexes to their best week" (the object of a causative verb)
        return subject, list(MAIN_US_INDEXES)
    if subject.head.i == verb.i and (epithet := _an_epithet(subject)) is not None:
        # a U.S. market: said so, or a story that names a main U.S. index (not 'the broader market' of a European wrap)
        named = {m.symbol for m in doc._.instruments or () if m.kind == "index"}
        american = {t.lower_ for t in subject.subtree} & {"u.s.", "us", "american"}
        return (subject, [epithet]) if american or named & {i.symbol for i in MAIN_US_INDEXES} else None
    if _both(subject):
        indexes = _the_last_two_indexes(doc, subject.i)
        return (subject, indexes) if indexes else None
    return None


def _both(subject: Token) -> bool:
    """'both' as the subject, or 'Both indexes' (not 'both the Dow and the S&P 500': names of their own)."""
    if subject.lower_ == "both":
        return True
    words = {t.lower_ for t in subject.subtree if t.i != subject.i}
    return subject.lower_ in GROUP_NOUNS | {"index"} and "both" in words and words <= GROUP_WORDS | {"both"}


def _the_last_two_indexes(doc: Doc, before: int) -> list[Instrument]:
    """The last two different market indexes named before token ``before`` (in its sentence or the one before)."""
    start = doc[before].sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    found: list[Instrument] = []
    for m in reversed([m for m in doc._.instruments or () if start <= m.start < before and m.kind == "index"]):
        instrument = _instrument(m)
        if instrument.symbol and instrument.symbol not in {i.symbol for i in found}:
            found.append(instrument)
    return found[:2][::-1] if len(found) >= 2 else []


def _an_epithet(subject: Token) -> Instrument | None:
    """The index a subject stands for: 'the broader U.S. stock market', 'the overall market' the S&P 500 (not 'the
    stock market', 'the broader bond market'); 'Blue chips', 'blue-chip stocks' the Dow."""
    if subject.lower_ not in BLUE_CHIP_HEADS and subject.lower_ != "market":
        return None
    tokens = list(subject.subtree)
    # after a dateline the parse hung on the subject ('NEW YORK (Reuters) - U.S. blue-chip stocks fell'); 'blue-chip'
    # may come as 'blue', '-', 'chip'
    cut = max((k for k, t in enumerate(tokens) if t.text in ("-", "--", "\u2014") and t.whitespace_), default=-1)
    words = {t.lower_ for t in tokens[cut + 1:] if not t.is_punct}
    if subject.lower_ == "market" and words <= BROAD_MARKET_WORDS and words & BROAD_MARKET_MARKS:
        return MAIN_US_INDEXES[1]
    if subject.lower_ in BLUE_CHIP_HEADS and words <= BLUE_CHIP_WORDS and words & BLUE_CHIP_MARKS:
        return MAIN_US_INDEXES[0]
    return None


def _main_index_mention(index: Instrument, doc: Doc, sentence: Span, char: int) -> Mention:
    at = doc.char_span(sentence.start_char + char, sentence.start_char + char + 1, alignment_mode="expand")
    start = at.start if at is not None else sentence.start
    return Mention(start, start + 1, index.symbol, index.name, "index", (index.symbol,))


def _named_in_the_for_phrase(context: _Context, m: re.Match[str]) -> list[Instrument]:
    """The instruments a superlative's 'for' phrase names ('the best day for the Nasdaq', 'for the Dow and the
    S&P 500'), in order; the main indexes for a group of them ('the best month for the three indexes')."""
    if not m.group("for"):
        return []
    named = [_instrument(x) for x in context.mentions
             if m.start("for") <= context.doc[x.start].idx - context.sentence.start_char < m.end("for")]
    if not named and _the_main_indexes_named(context.doc, m.group("for")):
        return list(MAIN_US_INDEXES)
    return [i for k, i in enumerate(named) if i not in named[:k]]


def _the_main_indexes_named(doc: Doc, words: str) -> bool:
    """'the three indexes', 'all three major averages', 'the major U.S. indexes' (in a U.S. story or one that names
    the main indexes): a group of the main U.S. indexes, told in a phrase."""
    tokens = words.lower().replace("all three", "all three indexes").split()
    tokens = tokens[:-1] if tokens[-1:] == ["indexes"] and tokens[-2:-1] == ["indexes"] else tokens
    if not tokens or tokens[-1] not in GROUP_NOUNS or not set(tokens[:-1]) <= GROUP_WORDS or \
            not set(tokens[:-1]) & GROUP_MARKS:
        return False
    named = {m.symbol for m in doc._.instruments or () if m.kind == "index"}
    return bool(set(tokens) & {"u.s.", "us", "american", "wall"}) or \
        len(named & {i.symbol for i in MAIN_US_INDEXES}) >= 2


def _said_of_the_group(context: _Context, claim: Claim) -> list[Claim]:
    """A record, streak or superlative of a group (_group_at) is each member's; one with a level of its own ('a record
    45,000') is no group's."""
    if claim.level is not None or claim.instrument is None or claim.span_start is None:
        return []
    found = _group_at(context.doc, context.sentence, claim.span_start)
    if found is None or claim.instrument.symbol not in {m.symbol for m in found[1]}:
        return []
    return [replace(claim, instrument=index, change_pct=None, change_points=None, stated={})
            for index in found[1] if index.symbol != claim.instrument.symbol]


def _for_whom(noun: Token) -> Token | None:
    """'the decline for the Dow', 'Monday's gain in the Nasdaq': whose move a move noun names."""
    if noun.lemma_.lower() not in MOVE_NOUNS and noun.lemma_.lower() not in PERFORMANCE_NOUNS:
        return None
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in MOVE_NOUN_PREPOSITIONS
                 for g in c.children if g.dep_ == "pobj"), None)


def _comparison_relation(tok: Token) -> str | None:
    """'outpaced' -> outperformed; 'was outpaced by' -> underperformed; 'fared better than' -> outperformed."""
    relation = COMPARISON_LEMMAS.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
    if relation is not None and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        # "the Nasdaq was outpaced by the Dow": the subject is the one beaten
        relation = "underperformed" if relation == "outperformed" else "outperformed"
    if relation is None and tok.lemma_.lower() in COMPARATIVE_VERBS and tok.pos_ in ("VERB", "AUX"):
        word = next((c for c in tok.children if c.lower_ in COMPARATIVE_WORDS), None)
        if word is not None and any(t.lower_ == "than" for t in (*word.subtree, *tok.children)):
            relation = COMPARATIVE_WORDS[word.lower_]
    return relation


def _than_an_instrument(verb: Token, mentions: list[Mention]) -> bool:
    """'fared better than the Dow', 'than the broader market': what follows 'than' is an instrument or the market."""
    than = next((t for t in verb.subtree if t.lower_ == "than"), None)
    if than is None:
        return False
    rest = than.doc[than.i:than.sent.end].text  # "than the broader market", "than the market"
    return any(m.start - than.i in (1, 2) for m in mentions) or bool(
        BROAD_MARKET_RE.match(rest[5:].lstrip()) or THE_MARKET_RE.match(rest))


def _fell(verb: Token, subject: Mention, base: Claim | None, moves: list[Claim]) -> bool:
    """Whether the one that outpaced moved down: the move the verb is said of ('fell 2%, outpacing'), the subject's
    own move in the sentence, or its move noun ('the Nasdaq's decline outpaced')."""
    if base is not None:
        return base.direction == "down"
    own = next((c for c in moves if c.instrument == _instrument(subject) and c.direction), None)
    if own is not None:
        return own.direction == "down"
    nouns = [c for c in verb.children if c.dep_ == "nsubj" and MOVE_NOUNS.get(c.lemma_.lower())]
    return bool(nouns) and MOVE_NOUNS[nouns[0].lemma_.lower()] == "down"


def _intransitive(verb: Token) -> bool:
    """'The Nasdaq lagged, slipping 21 points': compared with nothing named."""
    return not any(c.dep_ in ("dobj", "prep", "agent", "attr", "ccomp", "xcomp") for c in verb.children)


def _rest_of_market(subject: Mention) -> list[Instrument]:
    """What a main index lags or beats when the text names nothing: the other two; a stock: the S&P 500."""
    if subject.kind in ("stock", "etf"):
        return [MAIN_US_INDEXES[1]]
    if subject.symbol in {i.symbol for i in MAIN_US_INDEXES}:
        return [i for i in MAIN_US_INDEXES if i.symbol != subject.symbol]
    return []


def _referent(noun: Token, mentions: list[Mention], previous: Mention | None,
              seen: Mention | None) -> Mention | None:
    """'the index', 'the blue-chip average', 'it', 'the stock', 'its shares': the instrument named last."""
    word = noun.lemma_.lower()
    if word in REFERRING_HEADS and not _bare_reference(noun):
        return None  # "Tokyo's Nikkei index", "the semiconductor index": another index, named
    owner = _the_subjects_bare_shares(noun, mentions)
    if owner is not None:
        return owner
    if noun.lower_ in ("it", "they") or word in REFERRING_HEADS or (word in SHARE_HEADS and _definite(noun)) or \
            _bare_shares(noun):
        candidates = _candidate_referents(noun, mentions, previous, seen)
        wanted = ("stock", "etf") if word in SHARE_HEADS or noun.lower_ == "they" else None
        for m in reversed(candidates):
            if word in REFERRING_HEADS and m.kind in ("stock", "etf"):
                continue  # "the index" is never a company named before it
            if _bare_shares_of_another(noun, m):
                continue
            if word in SHARE_HEADS and _another_company_named_after(noun, m):
                return None  # "X may buy Y Inc., boosting the media company's shares": Y's, which we do not list
            if wanted is None or m.kind in wanted:
                return m
    return None


MARKET_ACTORS = lexicon.words("moves", "market_actors")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _keeps_the_reference(subject: Token) -> bool:
    """A subject after which 'it' and 'the stock' still mean the instrument named before: a pronoun, 'the
    index', 'the stock', 'the company', or people who trade it ('Investors sold the stock')."""
    word = subject.lemma_.lower()
    return (subject.pos_ == "PRON" or word in MARKET_ACTORS or subject.lower_ in MARKET_ACTORS
            or (word in REFERRING_HEADS and _bare_reference(subject))
            or (word in SHARE_HEADS and _definite(subject)) or _definite_description(subject))


def _a_new_subject(token: Token) -> bool:
    # a bullet mark the parser took for a subject ('\\*\\* Shares fell 6%', Markdown escaped) is none (as in
    # _nominal_subject): the bullet's shares stay the item's company
    return token.dep_ in SUBJECT_DEPS and token.pos_ in ("NOUN", "PROPN") and not _keeps_the_reference(token) and \
        any(ch.isalnum() for ch in token.text)


def _another_thing_named(sentence: Span) -> bool:
    """Whether a sentence that names no instrument of ours makes something else what 'it' or 'the index' means
    next: it says something moved or stands at a figure, and its main subject is another thing ('Core inflation
    is expected to be up 0.1 percent') or it names an index we do not know ('the semiconductor index fell')."""
    if any(t.lemma_.lower() in REFERRING_HEADS and t.pos_ == "NOUN" and not _bare_reference(t) for t in sentence):
        return True
    if not (_figures(span_text(sentence)) or any(verb_direction(t)[0] for t in sentence)):
        return False  # "Commuters crowded the trains": nothing moved that 'it' could mean next
    return any(_a_new_subject(c) for c in sentence.root.children)


PRONOUN_NUMBERS = {"it": "NN", "its": "NN", "they": "NNS", "their": "NNS"}


def _another_subject_before(noun: Token) -> bool:
    """'banks slid after a lender warned, driving its stock down': another thing is the subject earlier in the
    sentence, so 'its stock' is not the instrument of the sentence before. Only a subject that agrees in number
    with the pronoun competes: in 'Oil prices jumped, driving its stock up', 'its' cannot mean the prices."""
    sentence = noun.sent
    own = {t.i for t in noun.subtree}
    pronoun = next((t.lower_ for t in (noun, *noun.children) if t.lower_ in PRONOUN_NUMBERS), None)
    number = PRONOUN_NUMBERS.get(pronoun or "")
    return any(_a_new_subject(t) and (number is None or _number_of(t) == number)
               for t in sentence if t.i < noun.i and t.i not in own)


def _number_of(noun: Token) -> str:
    """'NN' for one thing ('a lender', 'Acme Mortgage Inc'), 'NNS' for many ('banks', 'oil prices')."""
    return "NNS" if noun.tag_ in ("NNS", "NNPS") else "NN"


def _plural_antecedent_not_shares(noun: Token, mentions: list[Mention]) -> bool:
    """Whether the plural noun nearest before 'they' is something other than shares ('earnings', 'sales')."""
    named = {i for m in mentions for i in range(m.start, m.end)}
    before = [t for t in noun.sent if t.i < noun.i and t.tag_ in ("NNS", "NNPS") and t.i not in named]
    if not before:
        return False
    word = before[-1].lemma_.lower()
    return not (word in SHARE_HEADS or before[-1].lower_ in SHARE_NOUNS or word in MARKET_ACTORS
                or before[-1].lower_ in MARKET_ACTORS or word in INSTRUMENT_HEADS)


def _candidate_referents(noun: Token, mentions: list[Mention], previous: Mention | None,
                         seen: Mention | None) -> list[Mention]:
    """What a pronoun or 'the stock' may mean, nearest last: the instruments named before it in the sentence,
    else the one the sentence before was about, unless something else came between."""
    if (noun.lower_ == "they" or any(c.lower_ == "their" for c in noun.children)) and \
            _plural_antecedent_not_shares(noun, mentions):
        # "its quarterly earnings, which beat forecasts even though they were down 11 percent", "the crisis hit
        # banks and home builders, driving their shares down 50 percent": the plural before it, no company named
        return []
    earlier = _not_beside_a_subject(noun.doc, [m for m in mentions if m.start <= noun.i]) + ([seen] if seen else [])
    return earlier or ([previous] if previous and not _another_subject_before(noun) else [])


def _not_beside_a_subject(doc: Doc, earlier: list[Mention]) -> list[Mention]:
    """'Agilent was spun off from Hewlett-Packard in 1999, and its shares are up 40%': of the companies named
    before a pronoun in its sentence, one only named in a prepositional phrase is not what the pronoun means
    when another is a subject."""
    if not any(m.kind == "stock" and _a_subject_company(doc, m) for m in earlier):
        return earlier
    return [m for m in earlier if not (m.kind == "stock" and _only_in_a_phrase(doc, m))]


def _bare_reference(noun: Token) -> bool:
    """'the index', 'the broad index', 'the blue-chip average' refer back; 'Tokyo's Nikkei index' does not."""
    before = [c for c in noun.children if c.i < noun.i]
    return any(c.dep_ == "det" and c.lower_ == "the" for c in before) and \
        all(c.dep_ in ("det", "punct") or (c.dep_ in ("amod", "compound", "nmod") and c.lower_ in
                                           REFERENCE_ADJECTIVES) for c in before)


def _definite(noun: Token) -> bool:
    """'the stock', 'its shares', 'the company's shares' refer back; 'stocks' in general, 'other retailers'
    shares' or 'the retail price of gasoline' do not."""
    if noun.lower_ not in SHARE_NOUNS:
        return False
    return any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.lower_ in ("its", "their"))
               or (c.dep_ == "poss" and _definite_description(c)) or _of_the_company(c)
               or (c.lower_ == "whose" and noun.head.dep_ == "relcl" and _definite_description(noun.head.head))
               for c in noun.children)


# a briefing's bullet mark, as written or escaped by the feed ('**', '\\*\\*', '*', a dash)
BULLET_MARK_RE = re.compile(r"^[\\*\u2022\-\u2013\u2014]+$")


def _bare_shares(noun: Token) -> bool:
    """'Shares fell 22 cents to $62.02', 'But shares rose 7.5 percent', a briefing's '** Stock fell 16% in 2024':
    'shares' or the singular 'stock' alone, opening a sentence or a bullet as its subject, with a figure: the
    company the story is about (after a sentence about a stock, or in a story that names no index, where
    'shares' would mean stocks at large); a wire's 'Company shares were up 2%' too."""
    if noun.lower_ not in ("shares", "stock") or noun.dep_ not in SUBJECT_DEPS or noun.n_rights or \
            any(c.dep_ != "compound" or c.lower_ != "company" for c in noun.lefts):
        return False
    sentence = noun.sent
    return all(t.pos_ in ("CCONJ", "PUNCT") or BULLET_MARK_RE.match(t.text) or t.head == noun
               for t in noun.doc[sentence.start:noun.i]) and bool(_figures(span_text(sentence)))


def _the_subjects_bare_shares(noun: Token, mentions: list[Mention]) -> Mention | None:
    """'Acme Corp ( ACM.N ) missed forecasts, sending shares down 3 percent', '... posted a profit, but shares fell
    as much as 4 percent': bare 'shares' with a figure after it, later in a sentence whose main subject is a
    company of ours and that names no other name between the two: that company's shares."""
    if noun.lower_ not in ("shares", "stock") or noun.dep_ not in ("nsubj", "dobj") or any(
            c.dep_ not in ("punct",) and c.i < noun.i or c.dep_ == "prep" for c in noun.children):
        return None
    sentence = noun.sent
    subject = _main_subject_before(sentence, noun)
    owner = next((m for m in mentions if subject is not None and m.start <= subject.i < m.end), None)
    if owner is None or owner.kind != "stock" or owner.end > noun.i or \
            not _figures(noun.doc[noun.i:sentence.end].text):
        return None
    depth = 0
    for t in noun.doc[owner.end:noun.i]:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and _a_name_standing_alone(t):
            return None  # "Acme said Beta Corp would buy it, sending shares up 5%": whose is unclear
    return owner


def _main_subject_before(sentence: Span, noun: Token) -> Token | None:
    """The subject of the sentence's root, or, where the root's subject is ``noun`` itself (a headline 'Take-Two sees
    profit shortfall, stock falls 21 percent' parsed with 'falls' as its root), the first subject before it."""
    subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.i != noun.i:
        return subject
    return next((t for t in noun.doc[sentence.start:noun.i] if t.dep_ == "nsubj" and t.head.i > t.i), None)


def _a_name_standing_alone(token: Token) -> bool:
    """A proper noun heading a phrase of its own ('Beta Corp would buy', 'from Ericsson'), not a day or month
    ('on Thursday') nor a proper adjective of a common noun ('the North American soft-drink business')."""
    if token.pos_ != "PROPN" or token.lower_ in WEEKDAYS or token.lower_ in MONTHS:
        return False
    node = token
    while node.dep_ in ("compound", "amod", "nmod") and node.head.pos_ == "PROPN" and node.head.i != node.i:
        node = node.head  # "North" in "North American soda sales": as 'American' goes
    return node.head.pos_ != "NOUN" or node.dep_ not in ("compound", "amod", "nmod")


def _bare_shares_of_another(noun: Token, mention: Mention) -> bool:
    """'Shares finished up 2.5%' in a market story: only of the company named in the sentence just before."""
    return _bare_shares(noun) and not _definite(noun) and not _named_just_before(noun, mention) and \
        not _no_index_named_before(noun.sent)


def _another_company_named_after(noun: Token, mention: Mention) -> bool:
    """Whether ``noun`` is the shares of a description ('the Internet media company's shares', which means the
    company named last) and the sentence names another company, not ours to name, after ``mention`` and before
    it. 'its shares' is left to the subject."""
    if not any(c.dep_ == "poss" and _definite_description(c) or _of_the_company(c) for c in noun.children):
        return False
    return any(e.label_ == "ORG" and mention.end <= e.start and e.end <= noun.i and e.sent == noun.sent
               for e in noun.doc.ents)


def _named_just_before(noun: Token, mention: Mention) -> bool:
    """Whether ``mention`` is named in the sentence right before ``noun``'s, with nothing left out between (a
    paragraph break may stand for sentences the gate left out)."""
    sentence = noun.sent
    if sentence.start == 0:
        return False
    before = noun.doc[sentence.start - 1].sent
    between = doc_text(noun.doc)[before.end_char:sentence.start_char]
    return before.start <= mention.start < sentence.start and "\n\n" not in between and \
        "\n\n" not in before.text_with_ws[-2:]


def _no_index_named_before(sentence: Span) -> bool:
    return not any(m.kind == "index" and m.start < sentence.end for m in sentence.doc._.instruments or ())


def _of_the_company(prep: Token) -> bool:
    """'Shares of the company', 'shares of the miner': the company named before."""
    return prep.dep_ == "prep" and prep.lower_ == "of" and any(
        c.dep_ == "pobj" and _definite_description(c) for c in prep.children)


def _definite_description(noun: Token) -> bool:
    """'the company', 'the No. 1 U.S. bank', 'the industrial materials manufacturer': one thing named before."""
    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the"
                                                              for c in noun.children)


def _what_its_shares_mean(sentence: Span, last_subject: Mention | None, company: Mention | None) -> Mention | None:
    """What a sentence's 'its shares', 'the company's shares' or 'the stock' may stand for: the instrument the
    sentence before was about, unless that is no company; then the company named last (or the story opened with)."""
    if last_subject is not None and last_subject.kind in ("stock", "etf"):
        return last_subject
    if company is not None and any(t.lemma_.lower() in SHARE_HEADS and _definite(t) for t in sentence):
        return company
    if company is not None and any(_bare_shares(t) for t in sentence) and _no_index_named_before(sentence):
        return company
    return last_subject


SOURCE_WORDS = lexicon.words("moves", "source_words")
SET_ASIDE_RE = re.compile(r"^\W*(?:(?:but|and|yet|still)\s+)?(?:" + lexicon.alternation(
    lexicon.words("moves", "set_aside_openings"), flexible_spaces=True) + r")\s+([^,;]+?)\s*,", re.I)


def set_aside(doc: Doc, sentence: Span, mention: Mention) -> bool:
    """'Besides Citigroup, shares of JPMorgan fell 8.5%', 'Unlike Ford, GM rose': a company named in a phrase that
    opens the sentence (up to its comma) and sets it beside the subject; the move that follows is not its own."""
    phrase = _set_aside_phrase(span_text(sentence))
    if phrase is None:
        return False
    at = doc[mention.start].idx - sentence.start_char
    return phrase[0] <= at < phrase[1]


@lru_cache(maxsize=256)
def _set_aside_phrase(text: str) -> tuple[int, int] | None:
    """Where the phrase a sentence opens with sets its company aside, if it opens with one (read once a sentence:
    set_aside asks for every mention of it)."""
    m = SET_ASIDE_RE.match(text)
    return None if m is None else m.span(1)


def _set_aside_split(doc: Doc, sentence: Span, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The sentence's mentions: those that may move, and those its opening phrase sets aside."""
    own = [m for m in mentions if sentence.start <= m.start < sentence.end]
    aside = [m for m in own if set_aside(doc, sentence, m)]
    return [m for m in own if m not in aside], aside


def _not_set_aside(previous: Mention | None, aside: list[Mention]) -> Mention | None:
    """'Citigroup fell 20%. Besides Citigroup, shares of JPMorgan fell': the company the sentence sets aside is not
    what its unnamed subject or 'the stock' means."""
    if previous is not None and any(m.symbol == previous.symbol if m.symbol else m.name == previous.name
                                    for m in aside):
        return None
    return previous


def _a_source_of_figures(doc: Doc, mention: Mention) -> bool:
    """'Analysts polled by FactSet', 'according to LSEG data': the company figures come from, not one the story
    is about."""
    root = doc[mention.start:mention.end].root
    prep = root.head if root.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("by", "to", "from") and \
        (prep.head.lower_ in SOURCE_WORDS or prep.head.lemma_.lower() in SOURCE_WORDS)


def _opening_company(doc: Doc, mentions: list[Mention], sentence: Span | None = None) -> Mention | None:
    """'Auric Mining said ...', "DBS Group's net profit rose ...", 'Kestrel Minerals first-half result shows ...':
    the company a story (or ``sentence``) opens with, named or not listed with us (then by name only); never the
    broker whose note the story tells."""
    first = sentence if sentence is not None else next(iter(doc.sents), None)
    subject = _opening_subject(doc, mentions, first) if first is not None else None
    if subject is not None and first is not None and _a_dateline(subject):
        # "BOSTON (Reuters) - Diversified U.S. manufacturer Honeywell International Inc reported ...": the first
        # company the lead names, not the dateline's city
        return next((m for m in mentions if first.start <= m.start < first.end and m.kind == "stock"
                     and not _a_broker(doc, m)), None)
    named = next((m for m in mentions if subject is not None and m.start <= subject.i < m.end), None)
    if named is not None or subject is None or subject.pos_ != "PROPN":
        return named if named is not None and named.kind == "stock" and not _a_broker(doc, named) else None
    name = proper_name_ending_at(subject)
    if name is None:
        return None
    return Mention(name.start, name.end, None, name.text.removesuffix("'s").removesuffix("\u2019s").strip(), "stock")


def _a_dateline(token: Token) -> bool:
    """'BOSTON (Reuters) - ...', 'NEW YORK, Feb 12 -': a wire's dateline parsed as the lead's subject."""
    return token.is_upper and len(token) > 2 and token.is_alpha or token.ent_type_ in ("GPE", "LOC")


def _opening_subject(doc: Doc, mentions: list[Mention], first: Span) -> Token | None:
    """A sentence's subject, or the name that owns it ("DBS Group's net profit", 'Kestrel Minerals first-half
    result'); in 'X's result shows ..., JPMorgan said in a note' that of what the broker said."""
    subject = _nominal_subject(first.root, mentions)
    if subject is not None and any(m.start <= subject.i < m.end and _a_broker(doc, m) for m in mentions):
        said = next((c for c in subject.head.children if c.dep_ == "ccomp"), None)
        subject = _nominal_subject(said, mentions) if said is not None else None
    if subject is None:
        return None
    subject = said_by_the_company(subject) or subject  # 'Acme signed a pact, the company said in a filing'
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None and subject.pos_ != "PROPN":
        owner = next((c for c in reversed(list(subject.children))
                      if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < subject.i), None)
    return owner or subject


def _opens_a_paragraph(sentence: Span) -> bool:
    """Whether a blank line stands before the sentence."""
    doc = sentence.doc
    return sentence.start > 0 and "\n\n" in doc_text(doc)[doc[sentence.start - 1].idx:sentence.start_char]


def _a_new_items_company(doc: Doc, sentence: Span, mentions: list[Mention], named: list[Mention],
                         brokers: set[str], known: tuple[Mention | None, ...] = ()) -> Mention | None:
    """A briefing's next item: 'Bill.com reported weak results, Morgan Stanley said in a note' after a blank line
    and an item on another company is about Bill.com, so a later bare 'Shares sank 33%' is Bill.com's (by name,
    as we do not list it). Only an organization we do not list, as the paragraph's subject or its heading
    ('Acme Widgets: The company said ...', 'Lyft (LYFT) -8%: ...'), and no other company named in it. A company's
    name is an organization's, ends in a legal or business word ('Bill Holdings', 'Rivian Automotive') or carries
    a ticker tag."""
    if not _opens_a_paragraph(sentence) or any(m.kind != "index" and m.symbol not in brokers and
                                               not _a_broker(doc, m) for m in named):
        return None
    heading = _item_heading(sentence)
    if heading is not None:
        return heading
    clause = _the_items_clause(sentence, mentions)
    if clause is None:
        return None
    found = _opening_company(doc, mentions, clause) or _opening_name(doc, mentions, clause)
    if found is None or found.symbol is not None or not _a_company_name(doc, found) or \
            _known_already(doc, found, mentions, brokers, known):
        return None
    return found


def _the_items_clause(sentence: Span, mentions: list[Mention]) -> Span | None:
    """Where an item's company would be the subject: the sentence, or the clause a source reports ('Schlumberger is
    cutting jobs, Reuters reported'); none where the sentence speaks of the company before ('KBC Securities sees it
    as a good deal') or that company speaks ('Dai will step down as manager, the manufacturer said')."""
    if any(_refers_back(t) for t in sentence):
        return None
    said = next((c for c in sentence.root.children if c.dep_ == "ccomp" and c.i < sentence.root.i), None)
    if said is None:
        return sentence
    speaker = _nominal_subject(sentence.root, mentions)
    if speaker is not None and speaker.pos_ != "PROPN":
        return None
    return sentence.doc[sentence.start:said.right_edge.i + 1]


def _refers_back(token: Token) -> bool:
    """'sees it as a good deal', 'allowing the company to ...': the company named before, as an object."""
    if token.lower_ in ("it", "them") and token.dep_ in ("dobj", "pobj"):
        return True
    return token.lemma_.lower() == "company" and token.dep_ not in ("nsubj", "nsubjpass") and \
        _definite_description(token)


def _known_already(doc: Doc, found: Mention, mentions: list[Mention], brokers: set[str],
                   known: tuple[Mention | None, ...]) -> bool:
    """The company the story is about named again ('Maruichi Steel', 'The Times'), or a broker ('JPMorgan analysts
    said ...')."""
    return _a_broker(doc, found) or any(_same_name(found, company) for company in known) or \
        any(_same_name(found, m) for m in mentions if m.symbol in brokers)


def _name_words(mention: Mention) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9&]+", mention.name.lower()) if w not in LEGAL_SUFFIXES and w != "the"}


def _same_name(item: Mention, known: Mention | None) -> bool:
    """'Maruichi Steel' after 'Maruichi Steel Tube', 'The Times' after 'The New York Times Co': the same company
    named again, no new item."""
    if known is None:
        return False
    mine, theirs = _name_words(item), _name_words(known)
    return bool(mine) and bool(theirs) and (mine <= theirs or theirs <= mine)


def _opening_name(doc: Doc, mentions: list[Mention], sentence: Span) -> Mention | None:
    """The run of proper nouns a sentence's subject ends, whatever the small model made of it ('Rivian Automotive'
    tagged a person's), when it names no place."""
    subject = _opening_subject(doc, mentions, sentence)
    if subject is None or subject.pos_ != "PROPN" or any(m.start <= subject.i < m.end for m in mentions):
        return None
    start = subject.i
    while start > sentence.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in \
            range(start, subject.i + 1):
        start -= 1
    if any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in doc[start:subject.i + 1]):
        return None
    return Mention(start, subject.i + 1, None, doc[start:subject.i + 1].text, "stock")


ITEM_HEADING_RE = re.compile(r"^(?P<name>(?:[A-Z][\w&.'-]*\s+){0,4}[A-Z][\w&.'-]*)\s*(?:\([A-Z.]{1,6}\)\s*)?"
                             r"(?:[+\-\u2212\u2013]\d+(?:\.\d+)?%\s*)?:\s", re.M)
BUSINESS_NAME_WORDS = lexicon.words("moves", "business_name_words")
COMPANY_WORDS = lexicon.words("deals", "company_nouns")


def _item_heading(sentence: Span) -> Mention | None:
    """'Acme Widgets: The company said ...', 'Lyft (LYFT) -8%: the ride-hailing firm ...': the name heading an item."""
    m = ITEM_HEADING_RE.match(span_text(sentence))
    if m is None or span_text(sentence)[m.end():m.end() + 4].lower() != "the ":
        return None  # the item goes on with its company's description: 'The company', 'the ride-hailing firm'

    span = sentence.doc.char_span(sentence.start_char, sentence.start_char + m.end("name"), alignment_mode="expand")
    if span is None or not all(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in span):
        return None
    return Mention(span.start, span.end, None, span.text, "stock")


def _a_company_name(doc: Doc, mention: Mention) -> bool:
    """An organization's name, one that ends in a legal or business word, or one with a ticker tag after it."""
    last = doc[mention.end - 1]
    if last.lower_ in LEGAL_SUFFIXES or last.lower_ in BUSINESS_NAME_WORDS:
        return True
    if any(t.ent_type_ in ("PERSON", "GPE", "LOC", "NORP") or t.is_upper and len(t) > 3
           for t in doc[mention.start:mention.end]) or any(
            c.dep_ == "appos" and c.lemma_.lower() not in COMPANY_WORDS for c in last.children):
        return False  # 'Jane Roe said ...', 'Thompson, a Democrat, said ...'
    if last.ent_type_ == "ORG":
        return True
    after = doc[mention.end:mention.end + 3]
    return len(after) == 3 and after[0].text == "(" and after[1].text.isupper() and after[2].text == ")"


def _the_company_now(doc: Doc, subject: Mention | None, named: list[Mention], company: Mention | None,
                     brokers: set[str]) -> Mention | None:
    """What 'the company' means after a sentence: its move's subject or a company it is about, not a broker."""
    return next((m for m in (subject, *reversed(named)) if m and m.kind == "stock" and m.symbol not in brokers
                 and (m is subject or _a_subject_company(doc, m)) and not _says_the_company_is_another(doc, m)),
                company)


def _says_the_company_is_another(doc: Doc, mention: Mention) -> bool:
    """'Morgan Stanley, which is also advising the company, ...', 'Lazard, the company's adviser': a clause or an
    apposition of the mention itself speaks of 'the company' as someone else, so the mention is not it."""
    last = doc[mention.end - 1]
    return any(t.lower_ == "company" and t.i >= mention.end and
               any(c.lower_ == "the" for c in t.children) | (doc[t.i - 1].lower_ == "the")
               for t in last.subtree)


UNCLEAR = Mention(-1, -1, None, "", "unclear")  # what 'the stock' means after a sentence that leaves it unclear


def _what_comes_next(doc: Doc, sentence: Span, subject: Mention | None, named: list[Mention],
                     known: tuple[Mention | None, Mention | None, Mention | None],
                     brokers: set[str]) -> tuple[Mention | None, Mention | None]:
    """(what 'the company' means, what 'it' or 'the stock' means) after a sentence, from ``known``: (the company,
    the last subject, the company the story opened with) before it. After a sentence that names companies only
    beside a subject of another kind, 'the company' is the story's own again and 'the stock' nothing."""
    company, last_subject, opening = known
    next_subject = _what_it_means_next(doc, sentence, subject, named, last_subject, brokers)
    if next_subject is UNCLEAR:
        return None, None
    return _the_company_now(doc, subject, named, company, brokers), next_subject


def _what_it_means_next(doc: Doc, sentence: Span, subject: Mention | None, mentions: list[Mention],
                        last_subject: Mention | None, brokers: set[str]) -> Mention | None:
    """What 'it' or 'the stock' may mean after this sentence: its move's subject (or the company it is about), else
    an instrument it names; a broker ('Citi analyst Sam Roe said ...') changes nothing; another thing named clears
    it."""
    if subject is not None:
        return subject
    if _a_business_figure_moved(sentence):
        return None  # "Net worth per share fell 9.6 percent ... It fell 6.2 percent in 2001": the figure's
    if mentions:
        named = [m for m in mentions if not (m.symbol and m.symbol in brokers) and not _a_broker(doc, m)]
        if any(_says_the_company_is_another(doc, m) for m in named):
            return None  # "Morgan Stanley, which is advising the company, ...": the story's company is another
        return _the_named_one_it_is_about(doc, sentence, named, last_subject) if named else last_subject
    if _another_thing_named(sentence):
        return None  # "The semiconductor index fell. It was off 4.7 percent": not the stock before
    return last_subject


def _the_named_one_it_is_about(doc: Doc, sentence: Span, named: list[Mention],
                               last_subject: Mention | None) -> Mention | None:
    """Of the instruments a sentence without a move names, the one 'it' or 'the stock' means next: the last one it
    is about (``_about_it``) outside a subordinate clause ('The day after results from State Street alarmed
    investors, earnings from rival Northern Trust soothed them'); where none is, the last one named, unless they
    are all named in a phrase beside a subject of another kind ('Many PC makers hope to take share from Nokia and
    Apple'): then whose shares come next is unclear (``UNCLEAR``; the one before, if it is named again), and a
    wrong company would turn a true sentence into a false accusation."""
    about = [m for m in named if m.kind != "index" and _about_it(doc, m)
             and not _subordinate(_clause_verb(doc[m.start:m.end].root))]
    if about:  # 'after Goldman said it upgraded Cisco': a subject of a clause below another does not count
        return about[-1]
    if any(m.kind == "index" for m in named) or not all(_only_in_a_phrase(doc, m) for m in named):
        return named[-1]
    main_subject = _nominal_subject(sentence.root, named)
    if main_subject is None:
        return named[-1]
    if main_subject.pos_ == "PRON" and last_subject is not None:
        return last_subject  # 'It now competes with Apple in phones': the sentence is still about the one before
    again = [m for m in named if last_subject is not None and _same_instrument(m, last_subject)]
    return again[-1] if again else UNCLEAR


MATTER_NOUNS = SHARE_HEADS | SHARE_NOUNS | BUSINESS_NOUNS | lexicon.words("moves", "report_nouns")


def _about_it(doc: Doc, mention: Mention) -> bool:
    """Whether a sentence is about a company it names: the company is a subject or owns one ('Agilent was spun
    off', "Apple's sales rose", 'shares of Research In Motion jumped', 'earnings from Northern Trust soothed
    investors'), or owns the results or figures it speaks of ('with results from aluminum company Alcoa')."""
    if _a_subject_company(doc, mention):
        return True
    owned = _owned_through_a_preposition(doc, mention)
    # not in a clause below another: 'the results, which followed a strong report from Intel, suggested ...'
    return owned is not None and (owned.dep_ in SUBJECT_DEPS or owned.lower_ in MATTER_NOUNS or owned.lemma_.lower()
                                  in MATTER_NOUNS) and not _subordinate(_clause_verb(owned))


def _owned_through_a_preposition(doc: Doc, mention: Mention) -> Token | None:
    """'results' of 'results from Alcoa', 'shares' of 'shares of Research In Motion Ltd.': the noun a company's
    name hangs on through 'of' or 'from'."""
    node = _name_in_its_phrase(doc, mention)
    if node.dep_ == "pobj" and node.head.lower_ in ("of", "from") and node.head.head.pos_ in ("NOUN", "PROPN"):
        return node.head.head
    return None


def _name_in_its_phrase(doc: Doc, mention: Mention) -> Token:
    """The word that places a name in its sentence: the name's root, or the name it is joined to or set beside
    ('Nokia and Apple', 'its rival State Street')."""
    node = doc[mention.start:mention.end].root  # the name, not its tag's closing bracket
    for _ in range(4):
        if node.dep_ not in ("conj", "appos", "compound") or node.head.i == node.i:
            break
        node = node.head
    return node


def _subordinate(verb: Token) -> bool:
    """Whether a verb heads a clause below another: a relative or adverbial clause, or one a conjunction opens
    ('after results from State Street alarmed investors')."""
    return verb.dep_ in ("advcl", "relcl", "acl", "ccomp", "pcomp") or any(c.dep_ == "mark"
                                                                                    for c in verb.children)


def _clause_verb(token: Token) -> Token:
    """The verb whose clause a word lies in (the sentence's root where none is above it)."""
    node = token
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _only_in_a_phrase(doc: Doc, mention: Mention) -> bool:
    """Whether a name is only the object of a preposition ('from Nokia and Apple', 'rival State Street' after 'of')
    or joined to one ('Nokia and Apple'), not a verb's object or a subject's owner."""
    return _name_in_its_phrase(doc, mention).dep_ == "pobj"


def _same_instrument(one: Mention, other: Mention) -> bool:
    return one.symbol == other.symbol if one.symbol or other.symbol else one.name == other.name


def _an_unlisted_subject(doc: Doc, sentence: Span, mentions: list[Mention], brokers: set[str],
                         company: Mention | None) -> Mention | None:
    """'VMware went public in August', 'TI forecast earnings of 50 cents': the company a sentence without a move is
    about when its subject is a company the story named before (or the one it opened with) under a name our
    registry did not read there: what 'the stock' means next, by the listing the story named before under that
    name or one it is a short form of ('TI' after 'Texas Instruments Inc'), else by name (the checker calls its
    moves unverifiable). A name the story did not give a company before ('Wang said his company ...') is none."""
    found = _opening_company(doc, mentions, sentence)
    if found is None or found.symbol is not None or _known_already(doc, found, mentions, brokers, ()) or \
            any(m.start < found.end and found.start < m.end for m in mentions):
        return None  # a name the registry read in part ('Intel' of 'Intel Corp') is the listed one's
    before = [m for m in mentions if m.end <= found.start and m.kind == "stock"]
    listed = {(m.symbol, m.name) for m in before if m.symbol and (_same_name(found, m) or
                                                                   _abbreviates(found.name, m.name))}
    if len({symbol for symbol, _ in listed}) == 1:
        symbol, name = min(listed)
        return Mention(found.start, found.end, symbol, name, "stock", (symbol,))
    return found if _named_before_unlisted(doc, found, before, company) else None


def _named_before_unlisted(doc: Doc, found: Mention, before: list[Mention], company: Mention | None) -> bool:
    """Whether a name our registry did not read is a company's ('Pandit said' is a person's) that the story named
    before, or opened with, under that same name."""
    return _a_company_name(doc, found) and any(
        _same_name(found, m) for m in (*before, company) if m is not None and m.symbol is None)


def _a_business_figure_moved(sentence: Span) -> bool:
    """'Net worth per share fell 9.6 percent in 2008, the second decline since Buffett began running Berkshire':
    the main verb moves a business figure, so what 'it' means next is that figure, not a company named in passing."""
    root = sentence.root
    subject = _subject_token(root)
    return subject is not None and root.pos_ == "VERB" and bool(_figures(span_text(sentence))) and (
        subject.lower_ in BUSINESS_NOUNS or any(c.dep_ == "compound" and c.lower_ in BUSINESS_NOUNS
                                                for c in subject.children))


BROKER_NOTES = lexicon.words("moves", "broker_notes")
SOURCE_VERBS = lexicon.words("moves", "source_verbs")
RATING_VERBS = lexicon.words("moves", "rating_verbs")


def _a_subject_company(doc: Doc, mention: Mention) -> bool:
    """Whether a sentence is about this company, so that 'the company' may mean it next: it is a subject or
    owns one ('Halliburton cut jobs', "Halliburton's board approved"), and not the broker writing about another;
    a company only cited or named in passing ('citing financial services firm Citi') is not."""
    last = doc[mention.end - 1]
    owner = last.head if last.dep_ in ("poss", "compound", "nmod") else last
    return owner.dep_ in ("nsubj", "nsubjpass") and not _a_broker(doc, mention)


def _a_broker(doc: Doc, mention: Mention) -> bool:
    """Whether a company is named as the firm writing about another: 'Citi analyst Sam Roe', 'analysts at
    JPMorgan', 'a note from Goldman Sachs', 'according to Citi', 'JPMorgan said in a note', 'citing firm Citi'."""
    last = doc[mention.end - 1]
    if last.dep_ == "dobj" and last.head.lemma_.lower() in SOURCE_VERBS:
        return True
    if last.dep_ in ("compound", "poss", "nmod"):
        if last.head.pos_ == "PROPN" and any(t.pos_ == "PROPN" for t in doc[mention.end:last.head.i]):
            return False  # 'to be called BlackRock Global Investors': a longer name, no firm's investors
        words = {last.head.lower_, last.head.lemma_.lower()} | {c.lower_ for c in last.head.children
                                                                if c.dep_ == "compound"}
        return bool(words & (MARKET_ACTORS | BROKER_NOTES))
    if last.dep_ == "pobj":
        preposition, governor = last.head, last.head.head
        return (preposition.lower_ in ("at", "from", "by") and governor.lower_ in MARKET_ACTORS | BROKER_NOTES) or \
            (preposition.lower_ == "to" and governor.lower_ == "according")
    if last.dep_ == "nsubj" and last.head.lemma_.lower() in RATING_VERBS:
        return True  # 'Morgan Stanley upgrades NXPI to overweight'
    if last.dep_ == "nsubj" and last.head.lemma_.lower() in SPEECH_LEMMAS:
        return any(t.lower_ in BROKER_NOTES for t in last.head.subtree if t.i > last.head.i)
    return False


def _instrument(mention: Mention) -> Instrument:
    if mention.ambiguous:
        return Instrument(name=mention.name, symbol=None)
    return mention.instrument()


def _derived(base: Claim, kind: str, span: tuple[int, int], **fields: object) -> Claim:
    """A record/streak claim about the same instrument and session as the move it accompanies."""
    return Claim(
        article_id=base.article_id, sentence=base.sentence, char_start=base.char_start, char_end=base.char_end,
        kind=kind, instrument=base.instrument, period=base.period, session=base.session,
        modality=base.modality, level=base.level if kind == "record" else None,
        stated={"level": base.stated["level"]} if kind == "record" and "level" in base.stated else {},
        time_text=base.time_text, speaker=base.speaker, span_start=span[0], span_end=span[1],
        direction=fields.get("direction") if kind == "streak" else None,  # type: ignore[arg-type]
        what=fields.get("what"),  # type: ignore[arg-type]
        length=fields.get("length"), unit=fields.get("unit"),  # type: ignore[arg-type]
    )


# ---- headlines: 'X Shares Down 7.3%' (session 27, heads27) ------------------------------------------------

# "Aaron's shares down 4.7%; ...", "Atlas Air Worldwide shares up 7% (AAWW)", "...; Shares Down 5%": a headline's
# verbless move of a company's shares, with its figure
HEADLINE_SHARES_RE = re.compile(r"\b(?P<head>shares|stock)\s+(?:are\s+|were\s+)?(?:trading\s+)?"
                                r"(?P<dir>up|down|higher|lower)\s+(?:~|about\s+|nearly\s+)?"
                                r"(?P<num>\d+(?:\.\d+)?)\s*(?:%|percent\b|pct\b)", re.I)
ITEM_MARKS = lexicon.words("headlines", "item_marks")
# what opens the clause of a bare 'Shares Down 5%': a headline's own clause break or its start
CLAUSE_OPENING_MARKS = (";", ":", ",")


def _headline_shares_moves(doc: Doc, sentence: Span, mentions: list[Mention], claims: list[Claim]) -> list[Claim]:
    """'Applied Optoelectronics Shares Down 7.3%; Traders ...', 'AllianceBernstein Shares Down 3.04% Midday',
    'Hong Lai Huat's Subsidiary Receives ...; Shares Down 5%': a headline's verbless move of the shares of the
    company named just before (or, for bare 'Shares', of the company the headline opens with), where no claim of
    the sentence has taken that figure."""
    text = span_text(sentence)
    taken = {c.change_pct for c in claims if c.change_pct is not None}
    out: list[Claim] = []
    for m in HEADLINE_SHARES_RE.finditer(text):
        figure = float(m.group("num"))
        clause_end = min(i for i in (text.find(";", m.end()), len(text)) if i >= 0)
        if figure in taken or _hedged_before(text, m.start()) or PERCENT_FIGURE_RE.search(text, m.end(), clause_end):
            continue  # (a list of movers, 'X Shares Down 7.5%, Y Down 21.8%': the tagger-guided pass reads lists)
        head = doc.char_span(sentence.start_char + m.start("head"), sentence.start_char + m.end("head"))
        owner = _whose_headline_shares(doc, sentence, head[0], mentions) if head is not None else None
        if owner is None:
            continue
        time = anchor(text[m.start():clause_end], doc._.published)
        out.append(Claim(
            article_id=doc._.article_id, sentence=text, char_start=sentence.start_char, char_end=sentence.end_char,
            kind="stock_move" if owner.kind in ("stock", "etf") else "index_move", instrument=_instrument(owner),
            direction=DIRECTION_WORDS[m.group("dir").lower()], change_pct=figure, period=time.period,
            session=time.session.isoformat() if time.session else None,
            period_start=time.period_start.isoformat() if time.period_start else None,
            modality="reported", stated={"change_pct": m.group("num")}, time_text=time.time_text,
            span_start=m.start(), span_end=m.end(),
        ))
        taken.add(figure)
    return out


def _hedged_before(text: str, at: int) -> bool:
    """'could send shares up 10%', 'expects ... stock up 5%': no move that happened."""
    return HEDGE_RE.search(text[max(0, at - 40):at]) is not None


def _whose_headline_shares(doc: Doc, sentence: Span, head: Token, mentions: list[Mention]) -> Mention | None:
    """The company whose shares a headline's 'Shares Down 7.3%' moves: a name we list just before, a run of proper
    nouns just before, or for bare 'Shares' after a clause break the company the headline opens with."""
    before = doc[head.i - 1] if head.i > sentence.start else None
    if before is not None and before.lower_ in ("'s", "\u2019s") and before.i > sentence.start:
        before = doc[before.i - 1]
    if before is None:
        return None
    if before.text in CLAUSE_OPENING_MARKS:
        first = next((t for t in sentence if not (t.is_punct or t.is_space)), None)
        return _the_opening_name(doc, first, mentions) if first is not None and first.i < before.i else None
    return _headline_name_ending_at(doc, sentence, before, mentions)


def _the_opening_name(doc: Doc, first: Token, mentions: list[Mention]) -> Mention | None:
    """The company a headline opens with: a name we list, else its opening run of proper nouns, no place's or
    person's."""
    named = next((m for m in mentions if m.start <= first.i < m.end), None)
    if named is not None:
        return named if named.kind in ("stock", "etf") else None
    last = _last_of_the_opening_name(first)
    if last.i > first.i and last.lower_ in ITEM_MARKS:
        last = doc[last.i - 1]  # 'i-80 Gold Brief: ...'
    words = doc[first.i:last.i + 1]
    if not _may_open_a_name(first) or any(t.ent_type_ in ("GPE", "LOC", "NORP", "PERSON", "DATE") for t in words):
        return None
    return Mention(first.i, last.i + 1, None, words.text, "stock")


def _may_open_a_name(first: Token) -> bool:
    """A proper noun, or a name's own shape the tagger reads otherwise ('i-80 Gold')."""
    return first.pos_ in ("PROPN", "X") or first.like_num or "-" in first.text


def _last_of_the_opening_name(first: Token) -> Token:
    """The last word of the run of proper nouns a headline opens with ('Hong Lai Huat's Subsidiary ...'): it ends
    at a business or legal word ('Seazen Holdings Logs ...') and before a capitalised verb the tagger took for a
    name ('Civmec Posts ...', 'Thomas Cook Arm Opens ...')."""
    last = first
    while last.i + 1 < len(last.doc) and last.doc[last.i + 1].pos_ == "PROPN" and \
            last.lower_ not in BUSINESS_NAME_WORDS | LEGAL_SUFFIXES:
        nxt = last.doc[last.i + 1]
        if nxt.lower_ in ("'s", "\u2019s") or (nxt.lower_.endswith("s") and nxt.lower_ not in BUSINESS_NAME_WORDS
                                                 | LEGAL_SUFFIXES):
            break
        last = nxt
    return last


def _headline_name_ending_at(doc: Doc, sentence: Span, last: Token, mentions: list[Mention]) -> Mention | None:
    """A listed name or a company's run of proper nouns that ends at ``last``, inside the sentence."""
    named = next((m for m in mentions if m.start <= last.i < m.end), None)
    if named is not None:
        return named if named.kind in ("stock", "etf") else None
    if last.pos_ != "PROPN":
        return None
    name = proper_name_ending_at(last)
    if name is None or name.start < sentence.start:
        return None
    found = Mention(name.start, last.i + 1, None, doc[name.start:last.i + 1].text, "stock")
    return found if _a_company_name(doc, found) or last.ent_type_ == "ORG" else None


class MarketClaims(ExtractComponent):
    kinds = ("index_move", "stock_move", "comparison", "record", "streak")

    def __call__(self, doc: Doc) -> Doc:
        if doc._.instruments is None:
            raise missing_input(self.name, "doc._.instruments", "instrument_mentions")
        return _DocumentReader()(doc)


lead_module_patterns(globals())
