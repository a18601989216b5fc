"""The real extraction pipeline, loaded once for the extraction tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from analyzer.extract import load_pipeline


@pytest.fixture(scope="session")
def nlp(market_dir: Path) -> Language:
    return load_pipeline(market_dir=str(market_dir))
