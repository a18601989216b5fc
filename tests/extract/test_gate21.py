"""The parse gate's cues for the classes of claim sentences it used to drop (session 21, gate recall).

Every text here is written for these tests. Each class has a sentence the gate must keep whole (with the
context it needs) and a control that stays dropped, so the gate keeps only a little more than before.
"""

from __future__ import annotations

from analyzer.extract.gate import SentenceGate

FILLER = ("The weather in the city was mild for the season. Commuters crowded the trains as usual. "
          "A local museum opened a new wing devoted to maritime history. ")


def kept_whole(gate: SentenceGate, text: str, sentence: str) -> bool:
    """Whether ``sentence`` of ``text`` reaches the parser whole (as gate_recall.py counts a claim kept)."""
    start = text.index(sentence)
    _, text_map, _ = gate.reduce(text)
    return text_map.covers(start, start + len(sentence))


def reduced(gate: SentenceGate, text: str) -> str:
    return gate.reduce(text)[0]


def test_a_sentence_the_splitter_cut_at_an_abbreviation_is_kept_from_its_start(gate: SentenceGate) -> None:
    sentence = "Shares of No. 3 regional lender Harbor Mutual climbed 6.5 percent to $21.40 on the day."
    assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence)


def test_a_sentence_the_splitter_cut_inside_a_ric_tag_is_kept_whole(gate: SentenceGate) -> None:
    sentence = "Officials of Nordvolt ( NVLTn.DE ) agreed to buy two Danish wind farms for 400 million euros."
    assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence)


def test_a_list_run_on_in_one_paragraph_is_kept_to_its_last_item(gate: SentenceGate) -> None:
    sentence = ("DETAILS OF THE PLAN * The partners will set up a holding, Vela, with 30 percent of Orbis Telecom. "
                "* Norcom will pay 1.2 billion euros for 40 percent of Vela. "
                "* Fenwick Capital will have 25.5 percent of Vela, Tessaro 12 percent.")
    assert kept_whole(gate, FILLER + "\n\n" + sentence + "\n\n" + FILLER, sentence)


def test_a_bulleted_headline_of_a_company_we_do_not_list_is_kept(gate: SentenceGate) -> None:
    text = "Highlights:\n* Corvana Foods slides after weak first-quarter outlook\n* Corvana Foods names a new CFO\n"
    kept = reduced(gate, text)
    assert "Corvana Foods slides" in kept
    assert "new CFO" not in kept  # no move: a headline of no market claim


def test_a_bulleted_item_on_the_company_with_a_move_is_kept(gate: SentenceGate) -> None:
    text = ("\\*\\* Company's Tokyo listing ends 3% lower\n\n"
            "\\*\\* Company expects to hire a new chief executive by May\n")
    kept = reduced(gate, text)
    assert "Tokyo listing ends 3% lower" in kept
    assert "new chief executive" not in kept


def test_policy_moves_without_a_bank_name_are_kept(gate: SentenceGate) -> None:
    sentences = ["Economists said rate rises would be needed before the summer.",
                 "Traders now think they could begin raising rates within a year.",
                 "All of this means rates are likely to stay on hold for a long while.",
                 "It kept its stance when it wrapped up its latest policy meeting on Wednesday."]
    for sentence in sentences:
        assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence), sentence


def test_rates_that_move_in_a_market_are_not_a_policy_wording(gate: SentenceGate) -> None:
    text = FILLER + "Mortgage rates rose for a third week, a lender said. " + FILLER
    assert gate.reduce(text)[2].kept_sentences == 0


def test_a_move_with_a_qualified_percent_is_kept(gate: SentenceGate) -> None:
    sentence = "Lenders suffered most, with Halvorsen Bank falling more than 9 percent."
    assert kept_whole(gate, FILLER + sentence + " " + FILLER, sentence)
    control = "The firm said its output grew more than 9 percent last year."
    assert gate.reduce(FILLER + control + " " + FILLER)[2].kept_sentences == 0


def test_a_closing_quote_stays_with_its_sentence(gate: SentenceGate) -> None:
    sentence = 'Shares of Boeing rose 2 percent after a broker moved the stock to "outperform."'
    text = FILLER + sentence + " The broker cited the backlog. " + FILLER
    assert kept_whole(gate, text, sentence)


def test_its_shares_bring_the_sentence_that_named_the_company(gate: SentenceGate) -> None:
    text = ("Glenmark Tools opened a plant in Ohio last year. " + FILLER + "\n\n" + FILLER
            + "Brightwell Dynamics said it would close two of its plants. Its shares ended down 1.6 percent. "
            + FILLER)
    kept = reduced(gate, text)
    assert "Brightwell Dynamics said it would close" in kept and "Its shares ended down" in kept
    assert "maritime" not in kept and "Commuters" not in kept


def test_a_headline_announcing_a_partnership_of_a_listed_company_is_kept(gate: SentenceGate) -> None:
    headline = "Microsoft and Tessin Labs announce a retail data cloud initiative\n\n"
    assert "initiative" in reduced(gate, headline + FILLER)
    assert gate.reduce("Microsoft hosts a developer conference in Seattle\n\n" + FILLER)[2].kept_sentences == 0


def test_a_bulleted_list_of_features_stays_dropped(gate: SentenceGate) -> None:
    text = "The app lets teams:\n\n* **Most Linked Pages** - Lists the top sources of visits.\n\n" + FILLER
    assert "top sources" not in reduced(gate, text)


def test_a_section_title_is_not_the_start_of_the_line_under_it(gate: SentenceGate) -> None:
    text = FILLER + "\n\nMaterials\n\niShares US Materials ETF (IYM) lost about 1.1% on the day.\n\n" + FILLER
    kept = reduced(gate, text)
    assert "iShares US Materials ETF (IYM) lost about 1.1%" in kept and "Materials\n\niShares" not in kept
