"""No accusation from a claim the tagger-guided pass read (``analyzer.extract.guided``).

That pass builds claims the rules missed, in sentences the claim tagger is sure hold one, with a looser reading
than the rules' (the first move word after a name, the tagged figures near it). Its reading is less sure, so a
mismatch with the market data says more likely that we misread the sentence than that the article is wrong: a
`contradicted` verdict of such a claim becomes `unverifiable`, with what the figures would have contradicted kept
in the explanation and the diagnosis. Supported and other verdicts stand.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.records import Claim, Verdict

GUIDED_READER = "tagger"


def never_accused(claims: Sequence[Claim], verdicts: Sequence[Verdict | None]) -> list[Verdict | None]:
    """The verdicts with every `contradicted` one of a tagger-read claim made `unverifiable`."""
    return [withdrawn(verdict) if verdict is not None and verdict.verdict == "contradicted"
            and claim.reader == GUIDED_READER else verdict for claim, verdict in zip(claims, verdicts, strict=True)]


def withdrawn(verdict: Verdict) -> Verdict:
    return Verdict(
        "unverifiable",
        f"Read by the tagger alone; figures do not match. The claim was built by the tagger-guided second pass, "
        f"whose reading of the sentence is less sure than the rules', so the mismatch is not called an error. "
        f"As read: {verdict.explanation}",
        list(verdict.evidence),
        diagnosis={**(verdict.diagnosis or {}), "was": "contradicted", "reader": GUIDED_READER,
                   "kept_severity": verdict.severity},
        readings=[*verdict.readings, "read by the tagger alone"])
