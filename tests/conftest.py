"""Shared fixtures. Real data is read from ../shared/data at run time, never copied into the repo.

Point elsewhere with ``--shared-data DIR`` or ``$ANALYZER_SHARED_DATA``.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest.realdata import reuters_rows_before_2010

from analyzer.ingest.shared_data import shared_data_dir

REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--shared-data", default=None,
                     help="directory laid out like ../shared/data (default: $ANALYZER_SHARED_DATA or ../shared/data)")


def _shared_data_dir(config: pytest.Config) -> Path:
    return shared_data_dir(config.getoption("--shared-data"), beside=REPO)


@pytest.fixture(scope="session")
def shared_data(request: pytest.FixtureRequest) -> Path:
    path = _shared_data_dir(request.config)
    if not (path / "market" / "daily").is_dir():
        pytest.fail(f"shared data not found at {path}: these tests read real market data and news from it; "
                    "pass --shared-data DIR or set ANALYZER_SHARED_DATA", pytrace=False)
    return path


@pytest.fixture(scope="session")
def market_dir(shared_data: Path) -> Path:
    return shared_data / "market"


@pytest.fixture(scope="session")
def market(market_dir: Path):  # type: ignore[no-untyped-def]
    """The real market data, opened once for the whole run."""
    from analyzer.market import MarketData

    return MarketData.open(market_dir)


@pytest.fixture(scope="session")
def nlp(market_dir: Path):  # type: ignore[no-untyped-def]
    """The real extraction pipeline, loaded once for the whole run."""
    from analyzer.extract import load_pipeline

    return load_pipeline(market_dir=str(market_dir))


@pytest.fixture(scope="session")
def seeds_dir(shared_data: Path) -> Path:
    path = shared_data.parent / "seeds"
    if not path.is_dir():
        pytest.fail(f"seed articles not found at {path}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def seed_article(seeds_dir: Path) -> Path:
    return seeds_dir / "000_0a9a38c1a6e99c6d.txt"


@pytest.fixture(autouse=True, scope="session")
def _offline_models() -> None:
    # model weights come from installed packages only; never from a hub
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture()
def reuters_jsonl(shared_data: Path, tmp_path: Path) -> Path:
    """200 real 2006 Reuters articles written as a gzip JSONL dump."""
    path = tmp_path / "reuters_200.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for row in reuters_rows_before_2010(shared_data, 200):
            out.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="module")
def engine(market_dir: Path) -> Iterator[object]:
    """One engine per test module (pipeline and market data loaded once, one worker) to check written articles."""
    from analyzer.engine import open_engine
    from analyzer.market import MarketData

    with open_engine(MarketData.open(market_dir), 1) as running:
        yield running
