"""The check stage: claims in, verdicts with evidence out (pandas over the market layer)."""

from analyzer.check.checker import check_claim, check_claims

__all__ = ["check_claim", "check_claims"]
