"""Rate-policy claims in the class of writing that session 26 found missed most on market-desk prose (FNSPID summaries
and 2025-02 wire items, train/rates26.jsonl): a move the bank, its officials or its minutes lay out ('signalled an
earlier hike', 'made the case for further hikes', 'with plans of more hikes') with no time of its own is the bank's
forecast. Sentences we wrote, through the real spaCy pipeline; each shape with controls."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim


def rate_claims(nlp: Language, text: str, published: str = "2025-02-20T10:00") -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published + "-05:00"))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def _read(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(c.bank, c.action, c.modality, c.horizon.start if c.horizon else None) for c in claims]


def test_a_move_the_banks_minutes_signal_is_its_forecast(nlp: Language) -> None:
    assert _read(rate_claims(nlp, "Minutes of the Fed's last meeting signalled an earlier rate hike.")) == [
        ("Fed", "hike", "forecast", None)]
    assert _read(rate_claims(nlp, "The central bank's minutes pointed to a quicker rise in U.S. interest rates.")) == [
        ("Fed", "hike", "forecast", None)]
    # the move told as a verb under the signal, with a modal: still the bank's own forecast
    assert _read(rate_claims(nlp, "The Fed's minutes signalled that policymakers might raise rates earlier than "
                                  "markets had thought.")) == [("Fed", "hike", "forecast", None)]
    # with a time, as before
    assert _read(rate_claims(nlp, "The Bank of England signalled further rate cuts this year.")) == [
        ("BoE", "cut", "forecast", "2025-02-20")]


def test_a_case_or_plans_of_moves_told_of_the_bank(nlp: Language) -> None:
    assert _read(rate_claims(nlp, "The Fed chair made the case for further rate hikes.")) == [
        ("Fed", "hike", "forecast", None)]
    assert _read(rate_claims(nlp, "The Fed kept its hawkish tone, with plans for more rate hikes.")) == [
        ("Fed", "hike", "forecast", None)]


def test_controls_signals_denied_to_come_or_of_something_else(nlp: Language) -> None:
    # a signal denied, one the market waits for, and caution signalled beside a move the market expects
    assert rate_claims(nlp, "The ECB did not signal another rate cut at its meeting.") == []
    assert rate_claims(nlp, "Dealers expect the Fed to signal more easing.") == []
    assert rate_claims(nlp, "Mexico's central bank signalled patience beyond an expected May rate cut, saying data "
                            "would guide it.") == []
    # someone else's signal or case, and moves told as a cause with no time
    assert rate_claims(nlp, "The strategist made the case for further rate hikes.") == []
    assert rate_claims(nlp, "The survey pointed to a quicker rise in mortgage rates.") == []
    assert rate_claims(nlp, "Copper fell on Fed rate hikes.") == []


def test_a_signal_the_parse_left_without_a_subject(nlp: Language) -> None:
    # the parse hangs 'signalled' on the main verb and makes the minutes the object of 'after'
    assert _read(rate_claims(nlp, "Zinc slipped on Tuesday as bond yields climbed after minutes from the Federal "
                                  "Reserve's December gathering signalled an earlier interest rate hike.")) == [
        ("Fed", "hike", "forecast", None)]
    # control: the phrase before names no bank
    assert rate_claims(nlp, "Zinc slipped on Tuesday as bond yields climbed after a report from the "
                            "statistics office signalled an earlier interest rate hike.") == []
