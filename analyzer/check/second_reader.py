"""A second reader before an accusation (issue 12).

A `contradicted` verdict says the article is wrong. On text we did not tune on, nearly all of them are our rule
extraction's misreadings of the sentence (a percentage that is no price move, a figure given to the wrong company,
year to date read as the day), not errors of the article. So before a `contradicted` verdict goes out, the
independent fine-tuned claim tagger (``models/claim-tagger``, ``analyzer.models.tagger``; trained on gold records,
it never saw the rules' output) reads the claim's sentence again: how likely is it that the sentence carries a
claim of this kind at all? When it doubts it (probability under the threshold), the accusation is withdrawn: the
verdict becomes `unverifiable`, the explanation says that a second reading doubts the sentence states such a claim
and what the figures would have contradicted, and the tagger's reading (probability, modality, the figures and
names it tagged) is kept in the evidence. Otherwise the verdict stands, with the second reading noted in its
diagnosis.

The tagger is loaded lazily, the first time a contradiction is met in a process (worker processes and Ray actors
each load their own; nothing of it is pickled), and once per process. $ANALYZER_SECOND_READER sets it: ``off``
turns it off, a number sets the threshold; unset, ``DEFAULT_THRESHOLD`` (chosen on development material only:
the two spent 2008 audits, the dev wire study, the verification set and dev/train verdicts; figures in
``corpora/README.md``, "A second reader before accusing"). Without the model or its dependencies the verdicts
stand as they are, with a warning once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from analyzer.check.own_figures import level_confirmed
from analyzer.records import Claim, Evidence, Verdict

log = logging.getLogger(__name__)

ENV = "ANALYZER_SECOND_READER"
DEFAULT_THRESHOLD = 0.02
# the claim kinds the second reader reads: the tagger's kinds less comparisons, records and streaks, which it saw
# 21, 38 and 20 times in training and reads poorly (test sentence F1 0.29-0.37; on the dev wire study it gave a
# real comparison error 0.03 and a misread one 0.006)
READ_KINDS = ("index_move", "stock_move", "deal", "rate_policy")
KIND_WORDS = {
    "index_move": "an index move", "stock_move": "a stock move", "comparison": "a comparison of moves",
    "record": "a record high or low", "streak": "a run of gains or losses", "deal": "a deal",
    "rate_policy": "a central bank's rate decision",
}
FIGURE_TAGS = ("PCT", "PTS", "LEVEL", "VALUE", "QTY", "BP")
SOURCE = "models/claim-tagger (all-MiniLM-L6-v2 fine-tuned on gold claims)"


def threshold() -> float | None:
    """The doubt threshold in force: None when the second reader is off."""
    value = (os.environ.get(ENV) or "").strip().lower()
    if value in ("", "on", "default"):
        return DEFAULT_THRESHOLD
    if value in ("off", "0", "no", "false", "none"):
        return None
    try:
        return float(value)
    except ValueError:
        log.warning("%s=%r is neither 'off' nor a number: using the default %s", ENV, value, DEFAULT_THRESHOLD)
        return DEFAULT_THRESHOLD


@lru_cache(maxsize=1)
def _tagger() -> Any:
    """The claim tagger, loaded on first use in this process; None (with a warning) when it cannot be loaded."""
    try:
        import torch

        from analyzer.models.tagger import load_tagger

        # one intra-op thread: the engine already runs one process per core, and two OpenMP threads in a process
        # that shares its cores made one sentence take 0.56 s instead of 0.012 s (measured on this 2-core machine
        # under load: the threads spin-wait on a core another process holds)
        torch.set_num_threads(1)
        return load_tagger(None)
    except Exception as exc:  # noqa: BLE001 - a missing model or library must never stop a check
        log.warning("the second reader is unavailable (%s): contradicted verdicts stand unread", exc)
        return None


def load() -> bool:
    """Load the reader now rather than at the first `contradicted` verdict (an engine's warm-up); True if in use."""
    return threshold() is not None and _tagger() is not None


def read_again(claims: Sequence[Claim], verdicts: Sequence[Verdict | None],
               only: Sequence[int] | None = None) -> list[Verdict | None]:
    """The verdicts after the second reader: each `contradicted` one (of ``only``'s indices, default all) whose
    sentence the tagger doubts carries a claim of its kind becomes `unverifiable`."""
    out = list(verdicts)
    limit = threshold()
    if limit is None:
        return out
    todo = [i for i in (range(len(claims)) if only is None else only)
            if out[i] is not None and out[i].verdict == "contradicted" and claims[i].kind in READ_KINDS]
    if not todo:
        return out
    tagger = _tagger()
    if tagger is None:
        return out
    sentences = sorted({claims[i].sentence for i in todo})
    readings = dict(zip(sentences, tagger.predict(sentences), strict=True))
    for i in todo:
        out[i] = judged(claims[i], out[i], readings[claims[i].sentence], limit)  # type: ignore[arg-type]
    return out


def _tags_in_claim(claim: Claim, tagged: Any) -> list[str]:
    """The tags of the spans that overlap the claim's own words."""
    start = claim.span_start or 0
    end = claim.span_end if claim.span_end is not None else len(claim.sentence)
    return [s.tag for s in tagged.spans if s.start < end and s.end > start]


def _figure_tagged(claim: Claim, tagged: Any) -> bool | None:
    """Whether a figure the claim states is inside a span tagged as a figure (None: it states none)."""
    stated = [claim.stated.get(k) for k in ("change_pct", "change_points", "level")]
    stated = [v for v in stated if v]
    if not stated:
        return None
    figures = [s.text for s in tagged.spans if s.tag in FIGURE_TAGS]
    return any(value in text for value in stated for text in figures)


def reading_of(claim: Claim, tagged: Any) -> dict[str, Any]:
    """What the second reader saw: the kind's probability, the modality, and whether it tagged a figure and an
    instrument inside the claim's own words (a copy with a figure changed keeps those words)."""
    inside = _tags_in_claim(claim, tagged)
    probabilities = tagged.kind_probabilities
    return {
        "kind": claim.kind,
        "kind_probability": round(float(probabilities.get(claim.kind, 0.0)), 4),
        "kinds": {k: round(float(p), 4) for k, p in probabilities.items() if p >= 0.05},
        "modality": tagged.modality,
        "modality_probability": round(float(tagged.modality_probability), 4),
        "figure_in_span": any(tag in FIGURE_TAGS for tag in inside),
        "instrument_in_span": "INSTR" in inside,
        "figure_tagged": _figure_tagged(claim, tagged),
        "tagged": [f"{s.tag}:{s.text}" for s in tagged.spans],
    }


def judged(claim: Claim, verdict: Verdict, tagged: Any, limit: float) -> Verdict:
    """One `contradicted` verdict after the second reading of its sentence."""
    seen = reading_of(claim, tagged)
    seen["threshold"] = limit
    # it doubts only what it neither reads as a claim of the kind nor sees a figure of in the claim's own words
    # an index's level that is the data's own (its close, or inside the session's range) shows the sentence does
    # state this index's move: the data answers the doubt
    if seen["kind_probability"] >= limit or seen["figure_in_span"] or level_confirmed(claim, verdict):
        return replace(verdict, diagnosis={**(verdict.diagnosis or {}), "second_reader": seen})
    what = KIND_WORDS.get(claim.kind, f"a claim of kind {claim.kind}")
    figures = dict(seen, role="second_reading", kept_severity=verdict.severity)
    return Verdict(
        "unverifiable",
        f"Not called an error: a second reading of the sentence doubts that it states {what} (the claim tagger "
        f"gives it {seen['kind_probability']:.3f}, under {limit:g}, and tags no figure in the claim's words), so "
        f"the mismatch is more likely our misreading of the sentence than the article's error. Read as {what}: "
        f"{verdict.explanation}",
        [*verdict.evidence, Evidence(series="second_reading", source=SOURCE, figures=figures)],
        diagnosis={**(verdict.diagnosis or {}), "second_reader": seen, "was": "contradicted"},
        readings=[*verdict.readings, "a second reading of the sentence"])
