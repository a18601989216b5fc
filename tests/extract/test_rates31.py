"""Rate-policy views that gave no claim on the train files (session 31, issue 13): what anyone says a named bank
should or needs to do with its rate (an `opinion`, never checked as a decision), and an expectation noun the parse
hangs under a worry ('reduced worries about prices and reinforced expectations that ...'). Sentences we wrote,
through the real spaCy pipeline; each shape with controls."""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim


def rate_claims(nlp: Language, text: str, published: str = "2007-08-16T15:00") -> list[Claim]:
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published + "-05:00"))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def _read(claims: list[Claim]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.bank, c.action, c.modality) for c in claims]


def test_a_named_bank_that_needs_to_move_is_a_view(nlp: Language) -> None:
    text = "A homebuilder's finance chief said on Monday the Federal Reserve needs to lower rates by half a point."
    claims = rate_claims(nlp, text)
    assert _read(claims) == [("Fed", "cut", "opinion")]
    assert claims[0].session is None
    text = "The group's chief economist told a radio station the ECB needs to raise interest rates again soon."
    assert _read(rate_claims(nlp, text)) == [("ECB", "hike", "opinion")]


def test_a_call_on_a_named_bank_to_move_is_a_view(nlp: Language) -> None:
    text = "A retail lobby on Tuesday called on the Federal Reserve to lower interest rates to help shoppers."
    assert _read(rate_claims(nlp, text)) == [("Fed", "cut", "opinion")]
    text = "Exporters urged the Bank of Japan to keep interest rates steady as the yen climbed."
    assert [(c.bank, c.modality) for c in rate_claims(nlp, text, "2007-02-14T15:00")] in ([], [("BoJ", "opinion")])


def test_controls_views_that_stay_unclaimed_or_decisions(nlp: Language) -> None:
    # no bank named: a generic view of central banks gives no claim
    text = "Central banks must act quickly once they decide to raise rates, the professor said."
    assert rate_claims(nlp, text) == []
    # a move after a preposition under 'needed' is the bank's past move, never an opinion dated to a month to come
    text = "The Fed has needed to do more even after cutting its target rate to near zero in December, he said."
    assert all(c.modality != "opinion" for c in rate_claims(nlp, text, "2009-01-16T15:00"))
    # a decision stays a decision
    text = "On Wednesday the Federal Reserve trimmed its key rate by a quarter point."
    assert _read(rate_claims(nlp, text, "2007-10-31T15:00")) == [("Fed", "cut", "reported")]


def test_an_expectation_hung_under_a_worry_is_the_markets_expectation(nlp: Language) -> None:
    text = ("The producer price data eased worries about prices and reinforced expectations that the Fed will "
            "hold interest rates steady.")
    assert _read(rate_claims(nlp, text, "2006-11-16T15:00")) == [("Fed", "hold", "expected")]


def test_controls_a_worry_of_a_move_stays_a_scenario(nlp: Language) -> None:
    text = "Worries that the Fed will raise rates again weighed on bank shares."
    assert all(c.modality != "reported" for c in rate_claims(nlp, text, "2006-05-16T15:00"))


def test_a_move_told_right_after_expectations_is_expected(nlp: Language) -> None:
    # the parse hangs the clause on the verb before the noun; it is still the clause of the expectations
    text = ("The chairman said nothing about policy on Monday, leaving intact expectations the Fed would lower "
            "rates at its meeting next week.")
    claims = rate_claims(nlp, text, "2007-10-22T15:00")
    assert [(c.bank, c.action, c.modality) for c in claims] == [("Fed", "cut", "expected")]
    text = "A weak jobs report on Friday raised expectations the Fed would shortly need to cut its funds rate."
    assert _read(rate_claims(nlp, text, "2007-09-07T15:00")) == [("Fed", "cut", "expected")]


def test_controls_a_need_denied_and_a_decision_after_a_view(nlp: Language) -> None:
    text = ("An adviser said the White House is aiming for lower bond yields rather than asking the Fed to cut its "
            "policy rate.")
    assert rate_claims(nlp, text, "2025-02-10T15:00") == []
    text = "A columnist wrote that cutting rates to zero was not appropriate at all for the ECB."
    assert rate_claims(nlp, text, "2009-03-20T15:00") == []
    text = "The president repeated the view that lowering its rate to zero was not appropriate for the ECB at all."
    assert rate_claims(nlp, text, "2009-03-20T15:00") == []
    text = "Despite the gloomy view, the Bank of England on Thursday cut its key rate by a quarter point."
    assert _read(rate_claims(nlp, text, "2007-12-06T15:00")) == [("BoE", "cut", "reported")]
    text = "Traders warmed to the idea that the Fed will not need to raise rates any further, an analyst said."
    assert all(c.action != "hike" for c in rate_claims(nlp, text, "2007-02-28T15:00"))
    text = "Slower growth reinforced the view that ECB rate setters may not need to lift rates again in July."
    assert all(c.action != "hike" for c in rate_claims(nlp, text, "2007-05-16T15:00"))
    text = "The minister wants lower bond yields rather than asking the Bank of Japan to raise its policy rate."
    assert rate_claims(nlp, text, "2025-02-10T15:00") == []


def test_a_move_noun_refused_is_no_move(nlp: Language) -> None:
    text = "Policymakers at the Bank of Japan balked at a rate increase on Friday, citing shaky markets abroad."
    assert all(c.action != "hike" for c in rate_claims(nlp, text, "2007-01-19T15:00"))
    # control: the same noun under a plain verb stays the day's decision
    text = "Policymakers at the Bank of Japan agreed on a rate increase on Friday, citing firm wage growth."
    assert [(c.bank, c.action, c.modality) for c in rate_claims(nlp, text, "2007-02-21T15:00")] in (
        [("BoJ", "hike", "reported")], [])
