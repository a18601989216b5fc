"""Rate-policy claims in the classes of writing that session 28 found missed on the fresh train/rates28.jsonl (2007
and 2009 Reuters central-bank stories, 2025-02 Reuters and MT Newswires items) and in other development text.
Sentences we wrote, through the real spaCy pipeline; each shape with controls."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim


def rate_claims(nlp: Language, text: str, published: str = "2025-02-20T10:00") -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published + "-05:00"))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def _read(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None, float | None]]:
    return [(c.bank, c.action, c.modality, c.bp) for c in claims]


def test_it_or_they_for_the_bank_the_sentence_before_names(nlp: Language) -> None:
    text = ("The Norwegian krone firmed after the Swiss National Bank spoke. It lowered its main rate by a quarter "
            "point to 0.25% in March.")
    assert _read(rate_claims(nlp, text)) == [("SNB", "cut", "reported", 25.0)]
    text = "The Fed meets on Wednesday. It is widely expected to lower the discount rate it charges banks."
    assert _read(rate_claims(nlp, text)) == [("Fed", "cut", "expected", None)]


def test_controls_a_pronoun_for_something_else(nlp: Language) -> None:
    # a lender after a sentence that names the Fed (its prime rate is no policy rate), a yield, another bank's name
    assert rate_claims(nlp, "Wells Fargo moved after the Fed. It cut its prime rate to 7.25 percent on Tuesday.") == []
    assert rate_claims(nlp, "Bonds rallied after the Fed spoke. It was last at 4.21%, down 3 basis points.") == []
    text = "The ECB left rates unchanged on Thursday. It also trimmed its growth forecast for 2025."
    assert _read(rate_claims(nlp, text)) == [("ECB", "hold", "reported", None)]
    # 'we' is a speaker's own institution, not the bank named before
    assert rate_claims(nlp, "The Fed held rates. \"We cut our own lending rate by a quarter point,\" the banker "
                            "said.") == []


def _sized(claims: list[Claim]) -> list[tuple[str | None, float | None, float | None]]:
    return [(c.action, c.bp, c.level) for c in claims]


def test_a_decisions_size_from_the_level_it_set_and_the_one_it_left(nlp: Language) -> None:
    text = "On Tuesday the Fed lowered its target for overnight lending to 3.5 percent from 4 percent."
    assert _sized(rate_claims(nlp, text, "2007-09-19T10:00")) == [("cut", 50.0, 3.5)]
    text = "The ECB lifted its main refinancing rate to 4 percent from 3.75 percent on Wednesday."
    assert _sized(rate_claims(nlp, text, "2007-06-07T10:00")) == [("hike", 25.0, 4.0)]


def test_controls_two_levels_that_tell_no_one_decision(nlp: Language) -> None:
    # a run of moves (more than a full point apart), a move to come, levels against the move's direction
    text = "That came after the Fed lifted its key rate to 4.5 percent from 2 percent over two years."
    assert _sized(rate_claims(nlp, text, "2007-09-19T10:00"))[0][1] is None
    text = "Economists expect the Fed to lower its key rate to 4.5 percent from 4.75 percent next month."
    assert _sized(rate_claims(nlp, text, "2007-09-19T10:00")) == [("cut", None, 4.5)]
    text = "On Tuesday the Fed lowered its target for overnight lending to 4 percent from 3.5 percent."
    assert _sized(rate_claims(nlp, text, "2007-09-19T10:00"))[0][1] is None


def _read_modality(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.bank, c.action, c.modality) for c in claims]


def test_odds_raised_with_no_figure_are_the_markets_expectation(nlp: Language) -> None:
    text = "Hot wage figures lifted the likelihood that the Federal Reserve keeps borrowing costs on hold for longer."
    assert _read_modality(rate_claims(nlp, text)) == [("Fed", "hold", "expected")]
    text = "The retail report increased the odds that the ECB will lower rates again in April."
    assert _read_modality(rate_claims(nlp, text)) == [("ECB", "cut", "expected")]


def test_controls_odds_lowered_or_a_chance(nlp: Language) -> None:
    # odds lowered state no move; a chance (a scenario) raised with no figure states none either
    assert rate_claims(nlp, "Firm hiring lowered the likelihood that the Fed will trim rates in the spring.") == []
    assert rate_claims(nlp, "The survey raised the chance that policymakers at the Fed trim rates by spring.") == []


def _horizons(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.action, c.horizon.start if c.horizon else None, c.horizon.end if c.horizon else None) for c in claims]


def test_a_move_dated_by_the_banks_meeting_in_a_when_clause(nlp: Language) -> None:
    text = "Most strategists expect the Bank of Canada to trim rates when it meets on March 12."
    assert _horizons(rate_claims(nlp, text)) == [("cut", "2025-03-12", "2025-03-12")]
    # a second claim of the sentence, dated by its own clause
    text = ("The Riksbank lowered its key rate in January, and traders expect it to ease again when it makes "
            "its following decision in March.")
    assert _horizons(rate_claims(nlp, text))[1] == ("cut", "2025-03-01", "2025-03-31")


def test_controls_a_when_clause_of_something_else(nlp: Language) -> None:
    # the clause dates another event, not the bank's meeting: the decision keeps the story's day
    claims = rate_claims(nlp, "The Fed lowered rates on Tuesday when growth slowed in the spring.")
    assert [(c.action, c.session) for c in claims] == [("cut", "2025-02-18")]


def test_controls_two_levels_of_a_run_told_in_the_perfect(nlp: Language) -> None:
    # a run of moves told as background keeps no size and no day of its own
    text = "The Fed has already lowered its key rate to 3.5 percent from 4.25 percent since the turmoil began in May."
    assert [(c.action, c.bp, c.session) for c in rate_claims(nlp, text)] == [("cut", None, None)]
