"""Session 30's gate rules: a list under a line that ends in a colon is kept whole, and a one-sentence text (a
headline) is kept (texts written for these tests)."""

from __future__ import annotations

from analyzer.extract.gate import SentenceGate

LIST_STORY = ("Highlights:\n\n* Acme Robotics climbs 6% on upbeat outlook\n* Traders weigh the weather in the plains\n"
              "* Grain stores sit near their lows\n\nFarm shares fell 2% on Thursday as buyers waited for the harvest."
              "\n\n"
              "The weather turned dry over the weekend.")
BARE_ITEMS = "Notes from the floor\n\nThe weather turned dry.\n\n* Grain stores sit near their lows\n* Rain is due soon"


def _kept_text(gate: SentenceGate, text: str) -> str:
    reduced, _, _ = gate.reduce(text)
    return reduced


def test_a_list_with_a_kept_item_is_kept_whole_with_its_colon_line(gate: SentenceGate) -> None:
    reduced = _kept_text(gate, LIST_STORY)
    for part in ("Highlights:", "Traders weigh the weather", "Grain stores sit", "Acme Robotics climbs"):
        assert part in reduced
    assert "turned dry" not in reduced
    _, text_map, _ = gate.reduce(LIST_STORY)
    assert text_map.covers(0, LIST_STORY.index("harvest."))  # one piece: header, items, lead


def test_a_list_with_no_kept_item_stays_out(gate: SentenceGate) -> None:
    assert "Grain stores" not in _kept_text(gate, BARE_ITEMS)


def test_a_list_with_no_colon_line_is_not_kept_whole(gate: SentenceGate) -> None:
    text = ("Bolt Foods rose 3% on Monday.\n\n* Acme Robotics climbs 6% on upbeat outlook\n"
            "* Grain stores sit near their lows")
    reduced = _kept_text(gate, text)
    assert "Acme Robotics climbs" in reduced and "Grain stores" not in reduced


def test_a_one_sentence_text_is_kept(gate: SentenceGate) -> None:
    for headline in ("Acme Biotech Buried By Weak Trial Results", "Bolt Foods Engages Crane Logistics For Deliveries"):
        assert _kept_text(gate, headline) == headline
    assert _kept_text(gate, "The weather turned dry over the weekend.") == ""  # a sentence of a story, with its stop
    story = "Acme Biotech Buried By Weak Trial Results\n\nThe weather turned dry over the weekend."
    assert "turned dry" not in _kept_text(gate, story)


def test_a_list_of_features_is_not_kept_whole(gate: SentenceGate) -> None:
    text = ("You can choose from:\n\n* **Crowd Map** - Shows where posts come from.\n"
            "* **Tone Meter** - Sorts posts by mood.\n\nAcme Robotics shares rose 4% on Monday.")
    assert "Crowd Map" not in _kept_text(gate, text)
