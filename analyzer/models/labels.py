"""What the claim classifier predicts for a sentence, and the cues that label sentences the rules miss.

Two questions per sentence: which kind of checkable claim it carries (``KIND_LABELS``; "numeric" is
a figure that is no market claim, such as earnings or volumes) and, when it carries one, its
modality (``MODALITY_LABELS``). Weak labels come from the rule extractors' claims; where the rules
find nothing, a deal wording or a figure decides between "deal", "numeric" and "none".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyzer.records import MODALITIES, OPINION_KINDS

KIND_LABELS: tuple[str, ...] = ("none", "move", "comparison_record_streak", "deal", "rate_policy", "numeric")
MODALITY_LABELS: tuple[str, ...] = MODALITIES
# the labels that mean "this sentence carries a claim the checker can verify"
CHECKABLE_LABELS = frozenset({"move", "comparison_record_streak", "deal", "rate_policy"})

KIND_GROUP = {
    "index_move": "move",
    "stock_move": "move",
    "comparison": "comparison_record_streak",
    "record": "comparison_record_streak",
    "streak": "comparison_record_streak",
    "deal": "deal",
    "rate_policy": "rate_policy",
}
# when a sentence has claims of several kinds, the rarer and more specific kind names it
_PRIORITY = ("rate_policy", "deal", "comparison_record_streak", "move")

DEAL_CUE_RE = re.compile(
    r"\b(?:agree[sd]? to (?:buy|acquire|sell|merge|purchase|take over)|(?:plans?|offer(?:ed|s)?|bid|deal|move|"
    r"talks|seeks?|sought) to (?:buy|acquire|purchase|take over)|takeover (?:bid|offer|deal)|"
    r"(?:buyout|acquisition|merger) (?:deal|agreement|offer|bid)|to be acquired by|"
    r"deal (?:valued|worth) |(?:all-cash|cash-and-stock|all-stock) (?:deal|offer)|"
    r"order(?:ed|s)? (?:for )?(?:\d[\d,]*|[a-z]+-?[a-z]*) (?:new )?(?:aircraft|airplanes|planes|jets)|"
    r"(?:bought|acquired|sold) (?:a |an )?(?:\d+(?:\.\d+)? percent |majority |minority )?stake in)", re.I)
FIGURE_RE = re.compile(
    r"(?:\d[\d,]*(?:\.\d+)?\s*(?:%|percent|per cent|pct|basis points?|bps?|points?)"
    r"|[$€£¥]\s?\d|\b(?:US|C|A)?\$\d|\d(?:\.\d+)?\s*(?:million|billion|trillion|mln|bln)\b)", re.I)
NUMBER_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"half|quarter)\b", re.I)
POLICY_WORD_RE = re.compile(
    r"\b(?:Fed|Federal Reserve|FOMC|central bank|ECB|BoE|BOE|BoJ|BOJ|interest rates?|policy rates?|"
    r"rate (?:cut|hike|increase|decision)s?|basis points?|monetary policy|borrowing costs)\b", re.I)


def kind_group(claim_kind: str) -> str:
    """The classifier label of one claim kind (index_move -> move)."""
    try:
        return KIND_GROUP[claim_kind]
    except KeyError:
        raise ValueError(f"unknown claim kind {claim_kind!r}") from None


def claims_label(claim_kinds: Sequence[str]) -> str | None:
    """The label named by the claims found in a sentence, or None when there are none."""
    # an opinion (a valuation) is no checkable claim: such a sentence is labelled by its cues
    groups = {kind_group(kind) for kind in claim_kinds if kind not in OPINION_KINDS}
    for label in _PRIORITY:
        if label in groups:
            return label
    return None


def cue_label(text: str) -> str:
    """The label of a sentence in which the rules found no claim: a deal wording, a figure, or none."""
    if DEAL_CUE_RE.search(text):
        return "deal"
    if FIGURE_RE.search(text):
        return "numeric"
    return "none"


def weak_kind_label(claim_kinds: Sequence[str], text: str) -> str:
    """Weak label of a sentence: the rule claims' kind, else the sentence cues."""
    return claims_label(claim_kinds) or cue_label(text)


def gold_kind_label(claim_kinds: Sequence[str], text: str) -> str:
    """Label of a hand-annotated sentence: its claims' kind; a claim-free one is "numeric" or "none"."""
    if claim_kinds:
        return claims_label(claim_kinds) or "none"
    return "numeric" if FIGURE_RE.search(text) else "none"


def is_candidate_text(text: str, has_instrument: bool) -> bool:
    """Whether a sentence is worth classifying: it names an instrument, has a number or a policy word."""
    return has_instrument or bool(NUMBER_RE.search(text)) or bool(POLICY_WORD_RE.search(text))
