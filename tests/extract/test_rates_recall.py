"""Rate-policy claims in classes of writing the train split showed we missed (session 7), on sentences we wrote,
through the real spaCy pipeline: decisions dated by a month on the move noun or 'the end of last year';
a run of moves counted in meetings; the market's expectation that rates stay low; a bare move noun after a
sentence on the Fed; 'expected rate cuts'. Each family has a control that must stay claim-free."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article, Claim


def rate_claims(nlp, text: str, published: str) -> list[Claim]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=datetime.fromisoformat(published))], nlp)
    return [c for c in found if c.kind == "rate_policy"]


def span(claim: Claim) -> tuple[str, str]:
    return claim.horizon.start, claim.horizon.end


def test_a_decision_dated_by_a_possessive_month_how_long_ago_or_the_end_of_last_year(nlp) -> None:  # noqa: ANN001
    today, september = rate_claims(nlp, "The Fed trimmed its policy rate by a quarter point on Thursday, following "
                                        "September's half-point reduction.", "2024-11-07T20:00:00-05:00")
    assert (today.session, today.bp) == ("2024-11-07", 25.0)
    assert (september.action, september.bp, span(september)) == ("cut", 50.0, ("2024-09-01", "2024-09-30"))
    [december] = rate_claims(nlp, "The Fed's December quarter-point reduction brought the range to 4.25%-4.50%.",
                             "2025-02-14T16:30:00-05:00")
    assert (december.modality, span(december)) == ("reported", ("2024-12-01", "2024-12-31"))
    # 'a year ago' is left to the checker (the Fed's latest move, tests/check/test_policy_views.py): read as a
    # span, the 'ago' of data comparisons ('up 4 percent from a year ago') dated views as decisions
    [chopped] = rate_claims(nlp, "Late last year the U.S. central bank slashed its target for benchmark lending "
                                 "rates to near zero.", "2009-08-22T18:00:00-04:00")
    assert (chopped.action, span(chopped)) == ("cut", ("2008-11-01", "2008-12-31"))
    # control: a company's December price reduction is no rate claim
    assert rate_claims(nlp, "Acme's December price reduction lifted sales.", "2025-02-14T16:30:00-05:00") == []


def test_a_run_of_moves_counted_in_meetings(nlp) -> None:  # noqa: ANN001
    [run] = rate_claims(nlp, "The central bank had lowered rates by a full percentage point over its previous three "
                             "meetings.", "2025-01-29T21:45:00-05:00")
    assert (run.action, run.bp, run.session) == ("cut", None, None)
    assert run.stated["cumulative_bp"] == "100" and run.horizon.start <= "2024-09-18"


def test_the_markets_expectation_that_rates_stay_low(nlp) -> None:  # noqa: ANN001
    [low] = rate_claims(nlp, "U.S. stocks rose broadly on Monday as investors grew more confident that interest "
                             "rates would stay low for months to come.", "2009-11-16T20:54:00-05:00")
    assert (low.bank, low.action, low.modality) == ("Fed", "hold", "expected")
    # control: another rate
    assert rate_claims(nlp, "Home sales rose on bets that mortgage rates would stay low for months to come.",
                       "2009-11-16T20:54:00-05:00") == []


def test_a_bare_move_noun_after_a_sentence_on_the_fed(nlp) -> None:  # noqa: ANN001
    text = ("The Fed held rates steady on Wednesday and signaled three quarter-point cuts in 2024. Futures traders "
            "moved to price in a first cut as early as March.")
    claims = rate_claims(nlp, text, "2023-12-13T21:45:00-05:00")
    priced = [c for c in claims if c.modality == "expected"]
    assert [(c.bank, c.action, span(c)) for c in priced] == [("Fed", "cut", ("2024-03-01", "2024-03-31"))]
    # control: job cuts after a sentence on the Fed are no rate claim
    jobs = rate_claims(nlp, "The Fed held rates steady on Wednesday. Acme announced deep job cuts as early as March.",
                       "2023-12-13T21:45:00-05:00")
    assert [c.action for c in jobs] == ["hold"]


def test_expected_rate_cuts_are_the_markets_expectation(nlp) -> None:  # noqa: ANN001
    [scaled] = rate_claims(nlp, "Markets have already trimmed expected rate cuts this year to a mere 38 basis "
                                "points.", "2025-02-11T05:30:00-05:00")
    assert (scaled.bank, scaled.action, scaled.modality) == ("Fed", "cut", "expected")
    assert span(scaled) == ("2025-02-11", "2025-12-31")
    # control: a cut smaller than expected is the decision itself
    [smaller] = rate_claims(nlp, "The Fed's smaller-than-expected three-quarter-point cut on Tuesday disappointed "
                                 "some investors.", "2008-03-18T16:30:00-04:00")
    assert (smaller.modality, smaller.session, smaller.bp) == ("reported", "2008-03-18", 75.0)


def test_horizons_by_the_end_of_the_month_and_a_quarter_of_a_named_year(nlp) -> None:  # noqa: ANN001
    [month] = rate_claims(nlp, "Traders now see a 100 percent chance of a half-point cut by the end of the month.",
                          "2008-10-06T16:30:00-04:00")
    assert (month.bp, month.modality, span(month)) == (50.0, "expected", ("2008-10-06", "2008-10-31"))
    [quarter] = rate_claims(nlp, "Most primary dealers polled by Reuters do not expect any interest rate hikes until "
                                 "the first quarter of 2011.", "2009-12-16T18:47:00-05:00")
    assert (quarter.action, span(quarter)) == ("hike", ("2011-01-01", "2011-03-31"))
