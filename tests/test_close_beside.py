"""'The article gives the stock's close elsewhere, so this figure is a price from during the session': only a
sibling with a figure of its own gives that close. A bare direction ('Chevron rose') holds of nearly any day up and
says nothing of where 'Chevron shares climbed 3.0 percent' stood (issue 12: it excused injected errors).
Sentences we wrote, through the real pipeline and real prices."""

from __future__ import annotations

from written import checked

# 2009-10-27 (Tuesday): Chevron's adjusted close rose 1.51%
PUBLISHED = "2009-10-27T17:30:00"
BARE = "Chevron Corp rose on Tuesday as oil prices climbed. Later, Chevron shares climbed 3.0 percent."
TOLD = "Chevron Corp closed up 1.5 percent on Tuesday as oil prices climbed. Later, Chevron shares climbed 3.0 percent."


def _figure_verdict(nlp, market, text: str) -> str:  # type: ignore[no-untyped-def]
    found = [i for i in checked(nlp, market, text, PUBLISHED) if i.claim.kind == "stock_move" and
             i.claim.change_pct == 3.0]
    assert found, [i.claim for i in checked(nlp, market, text, PUBLISHED)]
    return found[0].verdict.verdict


def test_a_bare_direction_gives_no_close_to_set_a_figure_against(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert _figure_verdict(nlp, market, BARE) == "contradicted"


def test_a_close_told_with_its_figure_still_explains(nlp, market) -> None:  # type: ignore[no-untyped-def]
    assert _figure_verdict(nlp, market, TOLD) == "unverifiable"


# 2007-08-08 (Wednesday): Cisco's adjusted close rose 6.70%, and it had risen about 70% over the year before
AFTER_BELL = "Cisco Systems Inc posted quarterly results after the bell on Wednesday. Its shares {move}."


def _cisco(nlp, market, move: str) -> str:  # type: ignore[no-untyped-def]
    found = [i for i in checked(nlp, market, AFTER_BELL.format(move=move), "2007-08-08T17:30:00")
             if i.claim.kind == "stock_move"]
    assert found
    return found[0].verdict.verdict


def test_a_cue_in_the_sentence_before_explains_only_what_a_quote_could(nlp, market) -> None:  # type: ignore[no-untyped-def]
    # an evening quote comes nowhere near a fall of 70 percent from a year earlier
    assert _cisco(nlp, market, "have fallen 70 percent from a year earlier") == "contradicted"
    # control: a 4 percent move after the bell is a quote of that trading, either way
    assert _cisco(nlp, market, "rose 4 percent") == "unverifiable"
    assert _cisco(nlp, market, "fell 4 percent") == "unverifiable"
