"""Issue 12: classes of false `contradicted` found on the spent audit reuters_2008_stories_seed1616 (wrong period,
checker other), written again here in our own words, each with a control that stays `contradicted`:

- a trailing span of months ('over the last six months') has no exact calendar base: the close a session either
  side of the calendar date is as fair a base as the one the calendar gives;
- a fall told with a close word and measured from a named earlier high (October's closing high): the close word
  says where the move ends; the figure runs from the named high, so the close word does not fix the session's move
  as the claim's reading;
- 'its sharpest one-day fall since becoming a stand-alone firm in 2000': a 'since' that names an event, read
  literally (no day as bad since it), holds where the last day as bad came before; the accusation is withdrawn;
- 'down 17 percent before Monday's outlook from their 52-week high of October 11': a move from a named base that the
  sentence ends before a named day is also read to the last close before that day.

Facts used (from ../shared/data at run time): Constellation Brands (STZ) rose about 22.4% from the close of
2008-03-31 to 2008-10-01; the S&P 500 closed 1,310.50 on 2008-01-22 (-1.11% that day), 16.27% under its record
close of 2007-10-09 (1,565.15); Moody's fell 15.92% on 2008-05-21 (adjusted closes), the last day as bad was
1999-08-20 (-16.85%); IBM fell 16.97% from the close of 2007-10-11 to 2008-01-11 (adjusted closes), 14.05% to
2008-01-17.
"""

from __future__ import annotations

from test_dev_stories import verdicts_of

OCTOBER_PIECE = "2008-10-01T17:30"


def test_a_trailing_span_of_months_from_a_session_either_side(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("The wine maker reported results. Constellation Brands stock has climbed {figure} percent over the last "
            "six months.")
    assert verdicts_of(nlp, market, text.format(figure=22), OCTOBER_PIECE, "STZ") == ["supported"]
    # control: a figure no base near six months back bears out
    assert verdicts_of(nlp, market, text.format(figure=40), OCTOBER_PIECE, "STZ") == ["contradicted"]


JANUARY_PIECE = "2008-01-22T17:30"


def test_a_close_measured_from_a_named_high(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "Stocks slid for a fifth day. The S&P 500 index ended down {figure} percent from its October closing high."
    assert verdicts_of(nlp, market, text.format(figure=16.3), JANUARY_PIECE, "^GSPC") == ["supported"]
    # controls: a figure the high does not bear out; the close word without a named high stays the session's
    assert verdicts_of(nlp, market, text.format(figure=21.3), JANUARY_PIECE, "^GSPC") == ["contradicted"]
    assert verdicts_of(nlp, market, "Stocks slid for a fifth day. The S&P 500 index ended down 16.3 percent.",
                       JANUARY_PIECE, "^GSPC") == ["contradicted"]


def test_a_worst_day_since_an_event(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = ("A ratings firm admitted a coding error. Moody's stock sank 15 percent on Wednesday, its sharpest "
            "one-day fall since {since} 2000.")
    comparisons = ("comparison",)
    found = verdicts_of(nlp, market, text.format(since="becoming a stand-alone firm in"), "2008-05-21T17:30", "MCO",
                        comparisons)
    assert found == ["unverifiable"]
    # control: a 'since' that names a year, not an event, keeps the usual reading and stays an error
    assert verdicts_of(nlp, market, text.format(since=""), "2008-05-21T17:30", "MCO",
                       comparisons) == ["contradicted"]


def test_a_move_from_a_base_ended_before_a_named_day(nlp, market) -> None:  # type: ignore[no-untyped-def]
    text = "IBM reported results. IBM shares, down 17 percent{before} from their 52-week high of October 11, recovered."
    piece = "2008-01-18T05:00"
    found = verdicts_of(nlp, market, text.format(before=" before Monday's outlook"), piece, "IBM")
    assert "supported" in found and "contradicted" not in found
    # control: without the named day the move runs to the claim's session and stays an error
    assert "contradicted" in verdicts_of(nlp, market, text.format(before=""), piece, "IBM")
