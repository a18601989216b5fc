"""Injected errors (issue 12): mutated copies of supported moves must model an error of the text.

A copy whose session is moved while its words and its article still say the true day copies an extractor's slip,
and a checker that reads the article's own day is right not to accuse it. The session mutation writes the wrong
day into the claim's words, as a writer naming the wrong day would; copies that would be no error at all (a
direction alone, a bound) are not made. Sentences we wrote, through the real pipeline and real prices.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from written import checked, written_article

from analyzer import audit, evaluate
from analyzer.records import CheckedClaim

# 2006-12-21 (Thursday): the Dow fell 42.62 points, 0.34%, to 12,421.25; on Wednesday it fell 0.06%
THURSDAY = "2006-12-21T17:30:00"
DAY_WORD = "The Dow Jones industrial average fell 42.62 points (0.34 percent) to 12,421.25 on Thursday."
NO_DAY_WORD = "The Dow Jones industrial average fell 0.34 percent to 12,421.25, as energy shares slipped."


def _supported(nlp, market, text: str) -> list[CheckedClaim]:  # type: ignore[no-untyped-def]
    found = [item for item in checked(nlp, market, text, THURSDAY) if item.claim.kind == "index_move"]
    assert found and all(item.verdict.verdict == "supported" for item in found), [i.verdict for i in found]
    return found


def _injected(nlp, market, text: str, how: str) -> audit.InjectedCase:  # type: ignore[no-untyped-def]
    items = _supported(nlp, market, text)
    mutated = evaluate.mutate(items[0].claim, how)
    assert mutated is not None
    case = audit.InjectedCase(mutated, how, index=0)
    audit.check_injected_in_articles([case], items[:1], market, {items[0].claim.article_id: written_article(
        text, THURSDAY)})
    return case


def _in_turn(item: CheckedClaim, how: str) -> CheckedClaim:
    """The supported claim under another article id, one whose own place in the rotation
    (``evaluate.mutation_turn``, from its ``claim_id``) is ``how``."""
    for n in range(200):
        claim = replace(item.claim, article_id=f"{item.claim.article_id}-{n}")
        if evaluate.MUTATIONS[evaluate.mutation_turn(claim)] == how:
            return CheckedClaim(claim, item.verdict)
    raise AssertionError(f"no article id puts {how} first")


def test_a_session_copy_names_the_day_before_in_its_own_words(nlp, market) -> None:  # type: ignore[no-untyped-def]
    case = _injected(nlp, market, DAY_WORD, "session")
    claim = case.claim
    assert claim.session == "2006-12-20" and claim.time_text == "Wednesday"
    assert claim.sentence == DAY_WORD.replace("Thursday", "Wednesday")
    assert claim.sentence[claim.span_start:claim.span_end].startswith("Dow Jones industrial average fell 42.62")
    assert case.verdict == "contradicted", case.final


def test_a_session_copy_without_a_day_word_gets_one_after_its_figure(nlp, market) -> None:  # type: ignore[no-untyped-def]
    case = _injected(nlp, market, NO_DAY_WORD, "session")
    claim = case.claim
    assert claim.session == "2006-12-20" and claim.time_text == "on Wednesday"
    assert "on Wednesday" in claim.sentence and claim.sentence.replace(" on Wednesday", "") == NO_DAY_WORD
    assert claim.char_end - claim.char_start == len(claim.sentence)
    assert case.verdict == "contradicted", case.final


def test_copies_that_would_be_no_error_are_not_made(nlp, market) -> None:  # type: ignore[no-untyped-def]
    claim = _supported(nlp, market, DAY_WORD)[0].claim
    # a direction alone holds of the day before about half the time; a bound of any larger move
    assert evaluate.mutate(replace(claim, change_pct=None, change_points=None, level=None), "session") is None
    assert evaluate.mutate(replace(claim, qualifier="more than"), "session") is None
    assert evaluate.mutate(replace(claim, qualifier="about"), "session") is not None
    # a stock's price alone cannot be checked against adjusted closes
    assert evaluate.mutate(replace(claim, kind="stock_move", change_pct=None, change_points=None),
                           "session") is None
    # control: the other mutations are as before
    assert evaluate.mutate(claim, "number").change_pct == 1.34
    assert evaluate.mutate(claim, "direction").direction == "up"


def test_missed_cases_name_the_look_that_withdrew_them(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = _supported(nlp, market, DAY_WORD)
    missed = audit.InjectedCase(items[0].claim, "session", index=0)  # the true claim itself: supported
    audit.check_injected_in_articles([missed], items[:1], market, {})
    scores = audit.score_audit(1, [], [], [missed])
    row = scores.as_dict()["injected"]["missed"][0]
    assert row["stage"] == "check" and row["final"]["verdict"] == "supported"
    assert row["mutated"]["session"] == "2006-12-21" and row["original"]["time_text"] == "Thursday"


def test_a_number_copy_writes_its_figure_in_the_sentence(nlp, market) -> None:  # type: ignore[no-untyped-def]
    case = _injected(nlp, market, DAY_WORD, "number")
    claim = case.claim
    # the sentence's other figures stay as written, and the copy reads them (tests/test_intraday_figures.py)
    assert claim.change_pct == 1.34 and claim.stated == {"change_pct": "1.34", "change_points": "42.62",
                                                         "level": "12,421.25"}
    assert (claim.change_points, claim.level) == (42.62, 12421.25)
    assert claim.sentence == DAY_WORD.replace("0.34 percent", "1.34 percent")
    assert case.verdict == "contradicted", case.final
    # a level of an index is written with its thousands comma
    level = evaluate.mutate(replace(_supported(nlp, market, DAY_WORD)[0].claim, change_pct=None), "number")
    assert level.level == 13042.31 and "to 13,042.31 on Thursday" in level.sentence


def test_no_number_copy_where_it_could_hold_or_cannot_be_checked(nlp, market) -> None:  # type: ignore[no-untyped-def]
    claim = _supported(nlp, market, DAY_WORD)[0].claim
    assert evaluate.mutate(replace(claim, qualifier="more than"), "number") is None
    assert evaluate.mutate(replace(claim, kind="stock_move", change_pct=None), "number") is None
    # the turn passes to the next change that applies: a bound's direction can still be flipped
    flipped = evaluate.mutation_in_turn(replace(claim, qualifier="more than"), 0)
    assert flipped is not None and flipped[1] == "direction"


def test_a_direction_copy_keeps_its_figures_as_written(nlp, market) -> None:  # type: ignore[no-untyped-def]
    case = _injected(nlp, market, DAY_WORD, "direction")
    assert case.claim.direction == "up" and case.claim.level == 12421.25
    assert case.claim.stated == {"change_pct": "0.34", "change_points": "42.62", "level": "12,421.25"}
    assert case.verdict == "contradicted", case.final


HEADED = "On Thursday, the Dow Jones industrial average fell 0.34 percent, as energy shares slipped."


def test_a_day_word_heading_the_sentence_is_the_claims_own(nlp, market) -> None:  # type: ignore[no-untyped-def]
    case = _injected(nlp, market, HEADED, "session")
    assert case.claim.sentence.startswith("On Wednesday, the Dow") and case.claim.time_text == "Wednesday"
    assert case.verdict == "contradicted", case.final


def test_no_session_copy_of_a_claim_supported_in_another_reading(nlp, market) -> None:  # type: ignore[no-untyped-def]
    item = _supported(nlp, market, DAY_WORD)[0]
    assert not item.verdict.readings  # supported as its own session's move: it takes each change in its own turn
    own = [audit.injected_cases([_in_turn(item, how)])[0].mutation for how in evaluate.MUTATIONS]
    assert own == list(evaluate.MUTATIONS)
    read = replace(item.verdict, readings=["the session's move", "the month to date"])
    turns = [audit.injected_cases([CheckedClaim(_in_turn(item, how).claim, read)])[0].mutation
             for how in evaluate.MUTATIONS]
    assert turns == ["number", "direction", "instrument", "instrument"]  # the session's turn passes on


def test_a_claims_copy_does_not_depend_on_the_other_claims_of_the_run(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # the Dow's day-word claim can take each of the four changes: under a turn counted over the run's supported
    # claims, one claim more or less before it changed its copy (and every later claim's)
    dow = _supported(nlp, market, DAY_WORD)[0]
    others = [*_supported(nlp, market, NO_DAY_WORD), *_supported(nlp, market, HEADED)]
    assert len(others) == 2 and len({item.claim.claim_id for item in [dow, *others]}) == 3
    alone = {item.claim.claim_id: audit.injected_cases([item], market)[0].mutation for item in [dow, *others]}
    assert alone[dow.claim.claim_id] == evaluate.mutation_of(dow.claim)[1]
    for run in ([dow], [others[0], dow], [dow, others[1]], [*others, dow], [others[1], dow, others[0]]):
        cases = audit.injected_cases(run, market)
        assert {run[case.index].claim.claim_id: case.mutation for case in cases} == {
            item.claim.claim_id: alone[item.claim.claim_id] for item in run}
    # the same claim takes the same change wherever it stands
    assert {case.mutation for case in audit.injected_cases([dow, *others, dow], market)[::3]} == {
        alone[dow.claim.claim_id]}


def test_claims_own_turns_spread_evenly_over_the_changes(nlp, market) -> None:  # type: ignore[no-untyped-def]
    claim = _supported(nlp, market, DAY_WORD)[0].claim
    turns = Counter(evaluate.mutation_turn(replace(claim, article_id=f"written-{n}")) for n in range(800))
    assert sorted(turns) == list(range(len(evaluate.MUTATIONS)))
    assert all(150 <= n <= 250 for n in turns.values()), turns


def test_a_day_word_between_the_verb_and_the_figures_is_the_claims_own(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "The Dow Jones industrial average closed on Thursday down 42.62 points, or 0.34 percent, at 12,421.25."
    case = _injected(nlp, market, text, "session")
    assert "closed on Wednesday down 42.62" in case.claim.sentence
    assert case.verdict == "contradicted", case.final


def test_a_long_company_name_written_with_a_space_is_still_the_company(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 2008-05-16: Chevron +1.92%, ExxonMobil +1.50%; the wrong figure given to Exxon Mobil is its own, not Chevron's
    text = "Chevron Corp ( CVX.N ) was up 1.9 percent and Exxon Mobil rose 1.5 percent."
    items = [i for i in checked(nlp, market, text, "2008-05-16T17:30:00") if i.claim.kind == "stock_move"]
    assert [(i.claim.instrument.symbol, i.verdict.verdict) for i in items] == [("CVX", "supported"),
                                                                                ("XOM", "supported")]
    mutated = evaluate.mutate(items[1].claim, "number")
    assert "Exxon Mobil rose 3.0 percent" in mutated.sentence
    case = audit.InjectedCase(mutated, "number", index=1)
    audit.check_injected_in_articles([case], items, market, {mutated.article_id: written_article(
        text, "2008-05-16T17:30:00")})
    assert case.verdict == "contradicted", case.final


def test_a_heading_time_word_without_a_weekday_and_an_abbreviation_before_the_subject(  # type: ignore[no-untyped-def]
        nlp, market) -> None:
    # 2025-02-12 (Wednesday): the Dow fell 0.50%; on Tuesday it rose 0.28%
    text = "Overnight, the U.S. Dow industrials dropped 0.50%, with the S&P 500 down 0.27% and the Nasdaq unchanged."
    items = [i for i in checked(nlp, market, text, "2025-02-12T17:30:00") if i.claim.kind == "index_move"]
    assert items[0].verdict.verdict == "supported" and items[0].claim.time_text == "Overnight"
    mutated = evaluate.mutate(items[0].claim, "session")
    assert mutated.sentence.startswith("On Tuesday, the U.S. Dow") and mutated.time_text == "On Tuesday"
    case = audit.InjectedCase(mutated, "session", index=0)
    audit.check_injected_in_articles([case], items, market, {mutated.article_id: written_article(
        text, "2025-02-12T17:30:00")})
    assert case.verdict == "contradicted", case.final


# 2009-09-04 (Friday): the S&P 500 rose 1.3% to 1,016.40; on Thursday it had risen 0.85%, also "1 percent"
FRIDAY = "2009-09-04T17:30:00"
BOTH_DAYS = "The Standard & Poor's 500 index posted a 1 percent gain on Friday, with technology shares in the lead."


def test_no_session_copy_where_the_day_before_bears_its_figures_out(nlp, market) -> None:  # type: ignore[no-untyped-def]
    items = [i for i in checked(nlp, market, BOTH_DAYS, FRIDAY) if i.claim.kind == "index_move"]
    assert items and items[0].verdict.verdict == "supported", [i.verdict for i in items]
    item = _in_turn(items[0], "session")
    # without prices the copy is made; with them, 'rose 1 percent on Thursday' (+0.85%) would be no error
    assert [c.mutation for c in audit.injected_cases([item])] == ["session"]
    copy = audit.injected_cases([item])[0].claim
    assert copy.session == "2009-09-03" and audit.day_before_holds(copy, market)
    # its next change: no instrument copy of a percentage alone, so the number
    assert [c.mutation for c in audit.injected_cases([item], market)] == ["number"]
    # control: the Dow's 0.34% fall on Thursday 2006-12-21 is no fall of Wednesday's (-0.06%): the copy is made
    dow = _in_turn(_supported(nlp, market, DAY_WORD)[0], "session")
    assert [c.mutation for c in audit.injected_cases([dow], market)] == ["session"]


# a figure from during the session: 2008-11-13 (Thursday) the Nasdaq traded from 4.7% below its previous close to
# 6.5% above it; 2008-04-22 (Tuesday) it never rose above its previous close and fell at most 1.93%
MIDDAY = "The Nasdaq Composite Index was down about 1 percent in afternoon trading on {day}."


def _midday_cases(nlp, market, day: str, published: str, with_market: bool = True):  # type: ignore[no-untyped-def]
    text = MIDDAY.format(day=day)
    items = [i for i in checked(nlp, market, text, published) if i.claim.kind == "index_move"]
    assert len(items) == 1 and items[0].claim.period == "intraday" and items[0].verdict.verdict == "supported"
    cases = audit.injected_cases(items, market if with_market else None)
    if with_market:
        audit.check_injected_in_articles(cases, items, market, {items[0].claim.article_id: written_article(
            text, published)})
    return cases


def test_no_copy_of_a_figure_from_during_the_session_that_its_range_bears_out(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # 'down about 2 percent' and 'up about 1 percent' both hold of some moment of that session: no error to inject
    assert _midday_cases(nlp, market, "Thursday", "2008-11-13T14:30:00") == []
    # control: without the market (the old behaviour) the copy is made
    assert [c.mutation for c in _midday_cases(nlp, market, "Thursday", "2008-11-13T14:30:00", False)] in (
        ["number"], ["direction"])


def test_a_copy_outside_the_sessions_range_is_still_made(nlp, market) -> None:  # type: ignore[no-untyped-def]
    cases = _midday_cases(nlp, market, "Tuesday", "2008-04-22T14:30:00")
    assert len(cases) == 1 and cases[0].verdict == "contradicted", [(c.mutation, c.final) for c in cases]
