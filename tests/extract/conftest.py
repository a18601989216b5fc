"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from analyzer.extract.gate import SentenceGate


@pytest.fixture(scope="module")
def gate(nlp: Language) -> SentenceGate:
    """The parse gate over the session's English pipeline (the gate tests of every session)."""
    return SentenceGate(nlp)
