"""The deal, rate and instrument extractors read their word lists from the lexicon, each kept once."""

from __future__ import annotations

from analyzer.extract import lexicon


def test_the_deal_rate_and_instrument_extractors_read_their_lists_from_the_lexicon() -> None:
    from analyzer.extract import deals, instruments, modality, numbers, rates

    assert deals.BUY_VERBS is lexicon.words("deals", "buy_verbs")
    assert deals.ORDER_VERBS is lexicon.words("deals", "order_words")
    # the nouns add 'contract' (an order only when won or awarded); 'contract' is no ordering verb
    assert deals.ORDER_VERBS | lexicon.words("deals", "contract_nouns") == deals.ORDER_NOUNS
    assert "contract" not in deals.ORDER_VERBS
    assert deals.NEEDS_PARTICLE is lexicon.labels("deals", "particle_verbs")
    assert rates.ACTIONS is lexicon.labels("rates", "actions")
    assert rates.NOUN_ACTIONS["move"] is None  # a "move" takes its direction from the sentence's other events
    assert instruments.SUB_INDEX_WORDS is lexicon.words("instruments", "sub_index_words")
    # lists the lexicon held already are read from there, not kept a second time
    assert {"would"} | deals.HYPOTHETICAL_AUX == modality.HYPOTHETICAL_AUX  # "would buy" is an agreed deal
    assert deals.CURRENCY_CODES is numbers.CURRENCY_CODES
    assert instruments.SHARE_WORDS is lexicon.words("moves", "share_nouns")


def test_currency_words_match_the_longer_name_first() -> None:
    from analyzer.extract.deals import _money_in

    assert _money_in("for 900 million zlotys.") == [(9e8, "PLN", 4, 22)]
    assert _money_in("for 3 billion Danish kroner") == [(3e9, "DKK", 4, 27)]
