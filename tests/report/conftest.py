"""Fixtures for the report tests: the seed article's claims checked by hand with real figures, a
Reuters batch, and a headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from analyzer.records import Article, CheckedClaim, Claim, Evidence, Instrument, Party, Verdict

SEED_PUBLISHED = datetime.fromisoformat("2025-08-26T20:00:00-04:00")
SEED_ID = "000_0a9a38c1a6e99c6d"
DAILY = "market/daily"


def _claim(text: str, article_id: str, sentence_start: str, span: str, kind: str, **fields) -> Claim:
    """A claim whose offsets are found in the real text, so a wrong offset fails the test, not the data."""
    start = text.index(sentence_start)
    end = start
    while end < len(text) and text[end] != "\n":
        end += 1
    sentence = text[start:end]
    # the sentence ends at the first full stop after the span (the seed's lines hold several sentences)
    span_at = sentence.index(span)
    stop = sentence.find(". ", span_at + len(span))
    sentence = sentence[: stop + 1] if stop >= 0 else sentence
    return Claim(article_id=article_id, sentence=sentence, char_start=start, char_end=start + len(sentence),
                 kind=kind, span_start=span_at, span_end=span_at + len(span), **fields)


def seed_checked_claims(text: str) -> list[CheckedClaim]:
    """The seed's claims with the verdicts and figures of /work/shared/seeds/README.md."""
    day = "2025-08-26"
    rut = _claim(text, SEED_ID, "The Russell 2000, the benchmark", "gained 0.8%", "index_move",
                 instrument=Instrument("Russell 2000", "^RUT"), direction="up", change_pct=0.8, period="day",
                 session=day, stated={"change_pct": "0.8%"}, verb="gained", time_text="Tuesday")
    outpace = _claim(text, SEED_ID, "The Russell 2000, the benchmark",
                     "outpacing the more modest moves in the S&P 500 and Nasdaq", "comparison",
                     instrument=Instrument("Russell 2000", "^RUT"), relation="outperformed",
                     benchmarks=[Instrument("S&P 500", "^GSPC"), Instrument("Nasdaq Composite", "^IXIC")],
                     period="day", session=day)
    spxew = _claim(text, SEED_ID, "Even more telling, the S&P Equal-Weighted", "surged 2%", "index_move",
                   instrument=Instrument("S&P 500 Equal Weight", "^SPXEW"), direction="up", change_pct=2.0,
                   period="day", session=day, stated={"change_pct": "2%"}, verb="surged")
    deal = _claim(text, SEED_ID, "Adding a little more optimism", "plans to sell 103 airplanes to Korean Air Lines",
                  "deal", deal_type="order", parties=[Party("Boeing", "seller"), Party("Korean Air Lines", "buyer")],
                  quantity=103, item="airplanes", status="announced", session=day)
    boeing = _claim(text, SEED_ID, "The deal sent Boeing", "sent Boeing’s stock higher", "stock_move",
                    instrument=Instrument("Boeing", "BA"), direction="up", period="day", session=day)
    fed = _claim(text, SEED_ID, "With inflation cooling", "widely expected to cut rates later this year",
                 "rate_policy", bank="Fed", action="cut", modality="expected")
    cheap = _claim(text, SEED_ID, "But here’s where it gets interesting", "small caps are cheap compared to large caps",
                   "comparison", instrument=Instrument("Russell 2000", "^RUT"), modality="opinion")
    rut_src = f"{DAILY}/IDX_RUT.csv.gz"
    return [
        CheckedClaim(rut, Verdict("supported", "The Russell 2000 closed at 2358.60 on 2025-08-26 after 2339.17, "
                                  "up 0.83%, which rounds to the stated 0.8%.",
                                  [Evidence("^RUT", "close", rut_src, day,
                                            {"prev_close": 2339.17, "close": 2358.60, "change_pct": 0.83})])),
        CheckedClaim(outpace, Verdict("supported", "On 2025-08-26 the Russell 2000 rose 0.83%, more than the "
                                      "S&P 500 (+0.41%) and the Nasdaq Composite (+0.44%).",
                                      [Evidence("^RUT", "close", rut_src, day, {"change_pct": 0.83}),
                                       Evidence("^GSPC", "close", f"{DAILY}/IDX_GSPC.csv.gz", day,
                                                {"change_pct": 0.41}),
                                       Evidence("^IXIC", "close", f"{DAILY}/IDX_IXIC.csv.gz", day,
                                                {"change_pct": 0.44})])),
        CheckedClaim(spxew, Verdict("contradicted", "RSP, standing in for the S&P 500 Equal Weight index, moved "
                                    "+0.07% on 2025-08-26, not 2%; it rose 1.95% on 2025-08-22.",
                                    [Evidence("RSP", "adj_close", f"{DAILY}/RSP.csv.gz", day,
                                              {"change_pct": 0.07}, proxy_for="^SPXEW")],
                                    diagnosis={"session": "2025-08-22", "change_pct": 1.95})),
        CheckedClaim(deal, Verdict("unverifiable", "Only this article reports the Boeing order from Korean Air "
                                   "Lines, so its terms cannot be corroborated within the batch.")),
        CheckedClaim(boeing, Verdict("supported", "Boeing closed at 234.83 on 2025-08-26 after 226.87, up 3.51%.",
                                     [Evidence("BA", "close", f"{DAILY}/BA.csv.gz", day,
                                               {"prev_close": 226.87, "close": 234.83, "change_pct": 3.51})])),
        CheckedClaim(fed, Verdict("supported", "The Fed cut its target range by 25 bp on 2025-09-17, within "
                                  "'later this year'.",
                                  [Evidence(None, "fomc_decisions", "market/fomc/fomc_decisions.csv", "2025-09-17",
                                            {"change_bp": -25, "target_high": 4.25})])),
        CheckedClaim(cheap, Verdict("not_checkable", "A valuation opinion: daily prices alone cannot settle it.")),
    ]


@pytest.fixture(scope="session")
def seed_text(seed_article: Path) -> str:
    return seed_article.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_batch(seed_text: str) -> tuple[list[CheckedClaim], dict[str, Article]]:
    article = Article(id=SEED_ID, text=seed_text, published=SEED_PUBLISHED, source="seed",
                      title="Small caps lead as Boeing lands Korean Air order")
    return seed_checked_claims(seed_text), {SEED_ID: article}


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Chromium for the browser tests; installed with apt-get when missing and we are root."""
    from analyzer.report.browser import find_chromium

    found = find_chromium()
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
                                 capture_output=True, text=True, env=env)
        if install.returncode != 0:  # a fresh machine may not have the package lists yet
            subprocess.run(["apt-get", "update"], capture_output=True, env=env)
            install = subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
                                     capture_output=True, text=True, env=env)
        found = find_chromium()
        if found:
            return found
        pytest.fail(f"installing chromium failed: {install.stderr[-500:]}", pytrace=False)
    pytest.fail("the report's browser tests need Debian's chromium: run `apt-get install -y chromium` as root "
                "(or set $CHROMIUM to a Chromium executable)", pytrace=False)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator:
    from analyzer.report.browser import Chromium

    with Chromium(chromium_path) as chrome:
        yield chrome


def _own_claim(article_id: str, text: str, span: str, verdict: str, explanation: str, **fields) -> CheckedClaim:
    """A claim in a sentence we wrote, located by its words, with the verdict given."""
    start = text.index(span)
    claim = Claim(article_id=article_id, sentence=text, char_start=0, char_end=len(text), span_start=start,
                  span_end=start + len(span), **fields)
    return CheckedClaim(claim, Verdict(verdict, explanation))


@pytest.fixture(scope="session")
def three_outlets(seed_batch) -> tuple[list[CheckedClaim], dict[str, Article]]:
    """The seed (1 contradicted, Tue 2025-08-26 20:00 EDT), a wire story with 2 contradicted claims published
    on Monday, and a story from a feed that named no outlet (only its web site) published on Wednesday."""
    checked, articles = seed_batch
    wire_text = "Stocks rallied on Monday. The Dow jumped 3% and the Nasdaq gained 4% by the close."
    wire = Article(id="wire-1", text=wire_text, source="Example Wire", title="Monday rally lifts the Dow",
                   published=datetime.fromisoformat("2025-08-25T16:30:00-04:00"),
                   published_raw="Mon, 25 Aug 2025 16:30:00 -0400", url="https://example.com/wire/1")
    site_text = "Treasury yields were steady on Wednesday while the S&P 500 edged up 0.2%."
    site = Article(id="site-1", text=site_text, title="Yields steady", url="https://www.example.org/markets/2",
                   published=datetime.fromisoformat("2025-08-27T14:00:00+00:00"))
    day = {"period": "day", "direction": "up"}
    more = [
        _own_claim("wire-1", wire_text, "The Dow jumped 3%", "contradicted", "the Dow rose 0.77%, not 3%.",
                   kind="index_move", instrument=Instrument("Dow Jones Industrial Average", "^DJI"),
                   change_pct=3.0, stated={"change_pct": "3"}, session="2025-08-25", **day),
        _own_claim("wire-1", wire_text, "the Nasdaq gained 4%", "contradicted", "the Nasdaq fell 0.22%.",
                   kind="index_move", instrument=Instrument("Nasdaq Composite", "^IXIC"), change_pct=4.0,
                   stated={"change_pct": "4"}, session="2025-08-25", **day),
        _own_claim("site-1", site_text, "the S&P 500 edged up 0.2%", "supported", "the S&P 500 rose 0.24%.",
                   kind="index_move", instrument=Instrument("S&P 500", "^GSPC"), change_pct=0.2,
                   stated={"change_pct": "0.2"}, session="2025-08-27", **day),
    ]
    return [*checked, *more], {**articles, "wire-1": wire, "site-1": site}
