"""Deal corroboration across a batch of hand-written articles, through the real pipeline and checker."""

from __future__ import annotations

from datetime import datetime

from analyzer.check import check_claim, check_claims
from analyzer.check.deals import company_key, corroborate_deals
from analyzer.extract import extract_claims
from analyzer.market import MarketData
from analyzer.records import Article, CheckedClaim, Claim, Money, Party

MORNING = datetime.fromisoformat("2024-03-14T09:00:00-04:00")




def article(ident: str, text: str, source: str) -> Article:
    return Article(id=ident, text=text, published=MORNING, source=source, url=f"https://example.com/{ident}")


def checked_deals(nlp, market: MarketData, articles: list[Article]) -> dict[str, CheckedClaim]:  # noqa: ANN001
    claims = extract_claims(articles, nlp)
    results = check_claims(claims, market, articles)
    return {r.claim.article_id: r for r in results if r.claim.kind == "deal"}


def test_reports_that_agree_support_each_other(nlp, market: MarketData) -> None:  # noqa: ANN001
    batch = [
        article("a1", "Harbor Foods Inc said on Wednesday it agreed to buy Crunchwell Brands for $2.4 billion.",
                "Wire One"),
        article("a2", "Harbor Foods will pay about $2.4 billion for Crunchwell Brands Corp, the company said.",
                "Daily Ledger"),
    ]
    found = checked_deals(nlp, market, batch)
    assert set(found) == {"a1", "a2"}
    for ident, other in (("a1", "a2"), ("a2", "a1")):
        verdict = found[ident].verdict
        assert verdict.verdict == "supported", verdict.explanation
        assert "value" in verdict.explanation and other in verdict.explanation
        [evidence] = verdict.evidence
        assert evidence.figures["article_id"] == other and evidence.figures["value"]["amount"] == 2.4e9
        assert evidence.source == f"https://example.com/{other}"


def test_a_report_whose_figures_disagree_is_contradicted_with_its_sources(nlp, market: MarketData) -> None:  # noqa: ANN001
    batch = [
        article("b1", "Pacific Skyways said it ordered 20 jets from Airbus in a deal worth $6 billion.", "Wire One"),
        article("b2", "Pacific Skyways has ordered 20 jets from Airbus, the airline said.", "Daily Ledger"),
        article("b3", "Pacific Skyways said it ordered 30 jets from Airbus.", "Air Weekly"),
    ]
    found = checked_deals(nlp, market, batch)
    assert found["b3"].verdict.verdict == "contradicted"
    explanation = found["b3"].verdict.explanation
    assert "quantity 30 vs 20" in explanation and "b1 (Wire One)" in explanation and "b2 (Daily Ledger)" in explanation
    # the two that agree with each other outnumber the one that does not
    assert found["b1"].verdict.verdict == "supported"
    assert found["b2"].verdict.verdict == "supported"
    disagreeing = [e for e in found["b1"].verdict.evidence if e.figures["disagrees_on"]]
    assert [e.figures["article_id"] for e in disagreeing] == ["b3"]


def test_value_disagreement_and_tolerance_for_rounding(nlp, market: MarketData) -> None:  # noqa: ANN001
    batch = [
        article("c1", "Kestrel Chemicals agreed to sell its plastics division to Orbis Partners for 2.1 billion "
                      "euros.", "Wire One"),
        article("c2", "Orbis Partners agreed to buy the plastics division of Kestrel Chemicals for about 2 billion "
                      "euros.", "Daily Ledger"),
        article("c3", "Kestrel Chemicals agreed to sell its plastics division to Orbis Partners for 3.5 billion "
                      "euros.", "Air Weekly"),
    ]
    found = checked_deals(nlp, market, batch)
    assert found["c1"].verdict.verdict == "supported", found["c1"].verdict.explanation  # "about 2" covers 2.1
    assert found["c3"].verdict.verdict == "contradicted"
    assert "value 3.5 billion EUR vs 2.1 billion EUR" in found["c3"].verdict.explanation


def test_a_single_report_an_expectation_and_a_rumour(nlp, market: MarketData) -> None:  # noqa: ANN001
    batch = [
        article("d1", "Marlow Insurance said it would pay $300 million for Penfold Claims Services.", "Wire One"),
        article("d2", "Brightwater Bank is expected to buy Tellis Savings for $1.1 billion.", "Daily Ledger"),
        article("d3", "Quorra Telecom is in advanced talks to acquire Vexley Networks for $900 million.", "Air Weekly"),
        article("d4", "Quorra Telecom is in talks to buy Vexley Networks, people familiar with the matter said.",
                "Daily Ledger"),
    ]
    found = checked_deals(nlp, market, batch)
    assert found["d1"].verdict.verdict == "unverifiable"
    assert "no other report" in found["d1"].verdict.explanation
    assert found["d2"].verdict.verdict == "pending"
    # two outlets repeating a rumour do not make it a fact
    assert found["d3"].verdict.verdict == "not_checkable"


def test_an_announcement_confirms_a_rumour(nlp, market: MarketData) -> None:  # noqa: ANN001
    batch = [
        article("e1", "Quorra Telecom is in advanced talks to acquire Vexley Networks for $900 million, people "
                      "familiar with the matter said.", "Wire One"),
        article("e2", "Quorra Telecom said on Wednesday it agreed to buy Vexley Networks for $900 million.",
                "Daily Ledger"),
    ]
    found = checked_deals(nlp, market, batch)
    assert found["e1"].verdict.verdict == "supported"
    assert found["e2"].verdict.verdict == "unverifiable"  # a rumour does not corroborate an announcement


def test_reports_from_one_article_are_one_source_and_other_deals_stay_apart(nlp, market: MarketData) -> None:  # noqa: ANN001
    text = ("Harbor Foods agreed to buy Crunchwell Brands for $2.4 billion. Separately, Dresner Group agreed to "
            "buy Alder Logistics for $800 million. Harbor Foods will pay $2.9 billion for Crunchwell Brands including "
            "debt.")
    # the third sentence adds a value of its own (a value told again would be no new claim: the re-mention rule)
    claims = extract_claims([article("f1", text, "Wire One")], nlp)
    deals = [c for c in claims if c.kind == "deal"]
    assert len(deals) == 3
    verdicts = corroborate_deals(claims)
    assert {v.verdict for v in verdicts.values()} == {"unverifiable"}


def test_single_claim_check_and_party_names(nlp, market: MarketData) -> None:  # noqa: ANN001
    [claim] = [c for c in extract_claims([article("g1", "Harbor Foods agreed to buy Crunchwell Brands for $2.4 "
                                                        "billion.", "Wire One")], nlp) if c.kind == "deal"]
    assert check_claim(claim, market).verdict == "unverifiable"
    assert company_key("Motorola Inc.") == company_key("MOTOROLA") == "motorola"


def test_one_report_against_one_accuses_neither(nlp, market: MarketData) -> None:  # noqa: ANN001
    # a value with and without debt, or another deal between the same parties: one against one cannot tell
    batch = [
        article("e1", "Lantern Chemicals agreed to buy Corvid Coatings for $15.3 billion.", "Wire One"),
        article("e2", "Lantern Chemicals agreed to buy Corvid Coatings for $18.8 billion including debt.",
                "Daily Ledger"),
    ]
    found = checked_deals(nlp, market, batch)
    for ident in ("e1", "e2"):
        assert found[ident].verdict.verdict == "unverifiable", found[ident].verdict.explanation
        assert "one report against one" in found[ident].verdict.explanation


def test_clusters_compare_only_reports_that_share_a_party_and_find_every_deal() -> None:
    """The grouping compares only pairs whose party keys share a first word: it must group exactly as comparing
    every pair does (a shorter form of a name, "Acme" and "Acme Widget", begins with the same word)."""
    import itertools
    import random

    from analyzer.check.deals import Report, clusters, same_deal

    rng = random.Random(7)
    names = ["Acme Corp.", "Acme", "Acme Widget Holdings", "Widget Holdings Inc.", "Widget", "Gadget Works",
             "The Gadget Co", "Bank of Nowhere", "Nowhere Bank", "Inc."]
    kinds = ["acquisition", "merger", "stake", "order"]
    reports = []
    for i in range(160):
        buyer, target = rng.sample(names, 2)
        day = f"2007-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}"
        reports.append(Report(i, Claim(article_id=f"a{i}", sentence="s", char_start=0, char_end=1, kind="deal",
                                       deal_type=rng.choice(kinds), session=day,
                                       parties=[Party(buyer, "acquirer"), Party(target, "target")])))

    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(reports)), 2):  # every pair, as the grouping did before
        if same_deal(reports[i], reports[j]):
            parent[root(j)] = root(i)
    every_pair: dict[int, list[int]] = {}
    for i in range(len(reports)):
        every_pair.setdefault(root(i), []).append(i)
    grouped = [[r.index for r in group] for group in clusters(reports)]
    assert sorted(grouped) == sorted(every_pair.values())
    assert any(len(group) > 2 for group in grouped)  # the draw does join reports into deals


def _deal_report(ident: str, day: str, value_billions: float, target: str = "Widget Holdings") -> Claim:
    return Claim(article_id=ident, sentence=f"Acme agreed to buy {target} ({ident}).", char_start=0, char_end=40,
                 kind="deal", deal_type="acquisition", status="announced", session=day,
                 value=Money(value_billions * 1e9, "USD"), stated={"value": f"${value_billions} billion"},
                 parties=[Party("Acme Corp", "acquirer"), Party(target, "target")])


def test_a_report_is_compared_only_with_reports_of_its_own_deal_not_the_far_end_of_a_chain() -> None:
    """A (Jan 2) and B (Jan 25) and C (Feb 20) chain into one cluster through B; C is 49 days from A: A's
    figures neither confirm nor refute C's (another round of the saga), so C is compared with B alone."""
    claims = [_deal_report("a", "2007-01-02", 5.0), _deal_report("b", "2007-01-25", 2.0),
              _deal_report("c", "2007-02-20", 2.0), _deal_report("d", "2007-01-03", 5.0)]
    verdicts = corroborate_deals(claims)
    sources_of_c = {e.figures["article_id"] for e in verdicts[2].evidence}
    assert sources_of_c == {"b"} and verdicts[2].verdict == "supported"
    # a and d (a day apart) agree with each other and b disagrees with both: one report against two
    assert verdicts[0].verdict == "supported" and {e.figures["article_id"] for e in verdicts[0].evidence} == {"b", "d"}
    assert verdicts[1].verdict == "contradicted"  # b against a and d, the reports of its own window


def test_a_long_saga_cites_the_nearest_reports_only() -> None:
    days = [f"2007-03-{d:02d}" for d in range(1, 29)]
    claims = [_deal_report(f"r{i}", day, 3.0) for i, day in enumerate(days)]
    verdicts = corroborate_deals(claims)
    from analyzer.check.deals import MAX_REPORTS_COMPARED

    for i, verdict in verdicts.items():
        assert verdict.verdict == "supported"
        assert len(verdict.evidence) == MAX_REPORTS_COMPARED
        cited = {int(e.figures["article_id"][1:]) for e in verdict.evidence}
        assert max(abs(j - i) for j in cited) <= MAX_REPORTS_COMPARED  # the nearest in time


def test_reports_that_differ_from_one_and_from_each_other_accuse_none(nlp, market: MarketData) -> None:  # noqa: ANN001
    # a first bid, a raised bid and a financing figure: the other reports scatter, no two agree on another value
    batch = [
        article("h1", "Granite Brewing agreed to buy Osprey Ales for $40 billion.", "Wire One"),
        article("h2", "Granite Brewing raised its offer and agreed to buy Osprey Ales for $46 billion.",
                "Daily Ledger"),
        article("h3", "Granite Brewing agreed to buy Osprey Ales for $52 billion.", "Air Weekly"),
    ]
    found = checked_deals(nlp, market, batch)
    for ident in ("h1", "h2", "h3"):
        assert found[ident].verdict.verdict == "unverifiable", found[ident].verdict.explanation
        assert "no two independent reports agree" in found[ident].verdict.explanation
    # control: two independent reports agreeing on one other value still accuse the third (test above, b3 and c3)
