"""Which company a stock move is about when the story names it short (issues 12 and 13, session 29): the first
word(s) of a name the story gave in full ('Novo' after 'Novo Nordisk'), a name in capitals ('ABN AMRO'), a ticker
written alone after the story tagged it, and tags glued together the other way round ('RIM.TORIMM.O'). Before,
each came out under the short name (a company that does not exist, often from the tagger's second pass) or the
wrong listing. Sentences we wrote, through
the real spaCy pipeline and the real registry; each class with controls: a generic first word, a unit of another
company, two companies the short name opens, a ticker the story tied to another company than ours."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.records import Article

AFTER_CLOSE = datetime.fromisoformat("2025-03-04T17:00:00-05:00")  # a Tuesday evening


def moves(nlp, text: str) -> list[tuple[str | None, str, float | None]]:  # noqa: ANN001
    found = extract_claims([Article(id="t", text=text, published=AFTER_CLOSE)], nlp)
    return [(c.instrument.symbol, c.instrument.name, c.change_pct) for c in found
            if c.kind == "stock_move" and c.instrument is not None]


def test_a_short_name_opening_a_full_name_the_story_gave(nlp) -> None:  # noqa: ANN001
    # the short name alone is read as a person's by the entity tagger: the story's company name decides
    text = "Novo Nordisk raised its sales forecast on Tuesday.\n\nNovo shares were up 3.1%."
    assert moves(nlp, text) == [(None, "Novo Nordisk", 3.1)]
    text = "Barrick Gold Corp said output rose.\n\nBarrick's shares climbed 2.2 percent."
    assert moves(nlp, text) == [(None, "Barrick Gold Corp", 2.2)]
    # a headline in title case gives the name up to its first word no name has
    text = "Rio Tinto Says Output Rose\n\nRio Tinto said iron ore output rose. Rio stock was up 2.4 percent."
    assert moves(nlp, text) == [(None, "Rio Tinto", 2.4)]
    # a listed company written with a hyphen: its listing
    text = "Colgate-Palmolive Co. lifted its outlook.\n\nColgate shares rose 2 percent."
    assert moves(nlp, text) == [("CL", "Colgate-Palmolive", 2.0)]


def test_controls_no_short_form_where_the_choice_is_not_clear(nlp) -> None:  # noqa: ANN001
    # the whole name is a unit of another company: the short name alone is the parent
    text = "Barclays Capital cut its fees.\n\nBarclays shares fell 2 percent."
    assert moves(nlp, text) == [(None, "Barclays", 2.0)]
    # two companies the short name opens
    text = "Toyota Motor and Toyota Industries agreed terms.\n\nToyota shares rose 1.4 percent on Tuesday."
    assert moves(nlp, text) == [(None, "Toyota", 1.4)]
    # a joiner after the short name: not its short form ('Research' of 'Research in Motion')
    text = "Switch and Lever Inc said orders rose.\n\nSwitch shares rose 4 percent."
    assert moves(nlp, text) == [(None, "Switch", 4.0)]


def test_a_name_in_capitals_is_no_headline(nlp) -> None:  # noqa: ANN001
    text = "The two banks agreed terms.\n\nKVB ORTA shares jumped 5 percent."
    assert moves(nlp, text) == [(None, "KVB ORTA", 5.0)]
    # control: a subheading in capitals glued to the sentence stays off the name
    text = "The lender reported a loss.\n\nSHARES REBOUND Tellmar's shares fell 3 percent."
    assert moves(nlp, text) == [(None, "Tellmar", 3.0)]


def test_a_ticker_written_alone_after_the_story_tagged_it(nlp) -> None:  # noqa: ANN001
    text = "Acme Robotics Corp. (NYSE: ACMR) cut its forecast.\n\nACMR stock fell 14% on Tuesday."
    assert moves(nlp, text) == [("ACMR", "Acme Robotics Corp.", 14.0)]
    # a ticker the story tied to another company than the one we list under it: never the one we list
    text = "Washington Mutual Inc. ( WM.N ) posted a loss.\n\nWM shares fell 5 percent on Tuesday."
    assert all(symbol != "WM" for symbol, _, _ in moves(nlp, text))
    # control: a two-letter code with no share word after it is no mention
    text = "Kestrel Airways Inc. (NYSE: KA) said KA flights resumed, and the stock rose 2 percent."
    assert all(name != "KA" for _, name, _ in moves(nlp, text))


def test_tags_glued_with_the_listing_abroad_first(nlp) -> None:  # noqa: ANN001
    text = ("The Nasdaq rose, helped by a jump in the stock of Lumen in Motion LIM.TOLIMM.O after results.\n\n"
            "LIM shares rose 3 percent.")
    assert moves(nlp, text)[-1] == ("LIMM", "Lumen in Motion", 3.0)
