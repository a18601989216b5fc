"""The tagger-guided second pass for recall (analyzer/extract/guided.py, $ANALYZER_TAGGER=guided).

Our own sentences through the real pipeline (rules, then the real fine-tuned claim tagger on the sentences the rules
left without a move claim) and the real checker on real prices: a move told in a way the rules miss is found and
marked as the tagger's reading; a claim-free sentence with a company and a figure stays claim-free; a guided claim
whose figure is wrong is `unverifiable`, never `contradicted`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from written import written_article

from analyzer.check import check_claims
from analyzer.extract import extract_claims
from analyzer.extract.pipeline import load_pipeline, tagger_uses

# a move the rules read no claim from: the name stands before an appositive ('among the hardest hit'), the
# move is a participle after it
HARDEST_HIT = "Chip shares slid after the warning, with Intel among the hardest hit, losing 4.4 percent."
# companies the instrument resolver does not know, named in a noun move ("PetroChina's 16 percent fall")
UNLISTED = "Sinopec's shares lost 8 percent over the quarter, a better showing than PetroChina's 16 percent fall."
CLAIM_FREE = ("Boeing said its deliveries in the quarter were 12 percent higher than a year earlier.",
              "Apple said it would hold its developer conference in June.")
WEDNESDAY = "2024-04-24T16:30:00"  # Intel closed 2024-04-24 nowhere near 4.4 percent down


@pytest.fixture(scope="module")
def guided_nlp(market_dir: Path):  # type: ignore[no-untyped-def]
    nlp = load_pipeline(market_dir=str(market_dir))
    if "tagger_guided" not in nlp.pipe_names:  # on by default; whatever $ANALYZER_TAGGER says here
        nlp.add_pipe("tagger_guided")
    return nlp


def _claims(nlp, text: str):  # type: ignore[no-untyped-def]
    return extract_claims([written_article(text, WEDNESDAY)], nlp)


def test_a_move_the_rules_miss_is_found_and_marked(guided_nlp) -> None:  # type: ignore[no-untyped-def]
    with guided_nlp.select_pipes(disable=["tagger_guided"]):  # the rules alone
        assert not [c for c in _claims(guided_nlp, HARDEST_HIT) if c.kind == "stock_move"]
    found = [c for c in _claims(guided_nlp, HARDEST_HIT) if c.kind == "stock_move"]
    assert len(found) == 1
    claim = found[0]
    assert (claim.instrument.symbol, claim.direction, claim.change_pct) == ("INTC", "down", 4.4)
    assert (claim.session, claim.period, claim.reader) == ("2024-04-24", "day", "tagger")
    assert claim.sentence[claim.span_start:claim.span_end].startswith("Intel")


def test_names_the_resolver_does_not_know(guided_nlp) -> None:  # type: ignore[no-untyped-def]
    found = {(c.instrument.name, c.instrument.symbol, c.direction, c.change_pct, c.reader)
             for c in _claims(guided_nlp, UNLISTED)}
    assert found == {("Sinopec", None, "down", 8.0, "tagger"), ("PetroChina", None, "down", 16.0, "tagger")}


@pytest.mark.parametrize("text", CLAIM_FREE)
def test_claim_free_sentences_stay_claim_free(guided_nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(guided_nlp, text) == []


def test_a_wrong_figure_read_by_the_tagger_is_never_an_accusation(guided_nlp, market) -> None:  # type: ignore[no-untyped-def]
    article = written_article(HARDEST_HIT, WEDNESDAY)
    claims = [c for c in extract_claims([article], guided_nlp) if c.reader == "tagger"]
    assert claims
    # the same figures read by the rules would be an accusation ...
    as_rules = check_claims([replace(c, reader=None) for c in claims], market, [article])
    assert [r.verdict.verdict for r in as_rules] == ["contradicted"]
    # ... read by the tagger alone, they are not
    checked = check_claims(claims, market, [article])
    assert [r.verdict.verdict for r in checked] == ["unverifiable"]
    verdict = checked[0].verdict
    assert verdict.explanation.startswith("Read by the tagger alone; figures do not match")
    assert verdict.diagnosis["was"] == "contradicted" and verdict.diagnosis["reader"] == "tagger"


def test_the_option(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ANALYZER_TAGGER", raising=False)
    assert tagger_uses() == {"guided"}  # on by default (test F1 0.731 -> 0.750; models/claim-tagger/README.md)
    assert tagger_uses("off") == set()
    assert tagger_uses("guided") == {"guided"}
    assert tagger_uses("veto+guided") == {"veto", "guided"}
    monkeypatch.setenv("ANALYZER_TAGGER", "guided")
    assert tagger_uses() == {"guided"}
    with pytest.raises(Exception, match="unknown use"):
        tagger_uses("restore")


def test_share_words_are_read_per_sentence(guided_nlp) -> None:  # type: ignore[no-untyped-def]
    """The candidates' share-word lookup (on the doc's token array) finds a share word in its own sentence only:
    the first sentence has a move and a figure but no share word and no listed name, the second a share word."""
    from analyzer.extract.guided import _may_name_a_company, _share_word_tokens

    doc = guided_nlp("Orders at Harbin Works climbed 7 percent in March. Its shares were unchanged on Friday.")
    first, second = list(doc.sents)[:2]
    share_words = _share_word_tokens(doc)
    assert [doc[i].lower_ for i in share_words] == ["shares"]
    assert not _may_name_a_company(first, share_words)
    assert _may_name_a_company(second, share_words)


def test_a_repeated_sentence_is_read_once(guided_nlp) -> None:  # type: ignore[no-untyped-def]
    """A sentence two articles share (a story and its update) is read by the tagger once, and gives both
    articles the same claims as reading each article alone."""
    from analyzer.extract.guided import TaggerGuidedClaims

    guided = guided_nlp.get_pipe("tagger_guided")
    assert isinstance(guided, TaggerGuidedClaims)
    alone = [(c.kind, c.instrument, c.direction, c.change_pct, c.reader) for c in _claims(guided_nlp, HARDEST_HIT)]
    guided.readings.clear()
    read: list[str] = []
    predict = guided.tagger.predict

    def counted(texts, **settings):  # type: ignore[no-untyped-def]
        read.extend(texts)
        return predict(texts, **settings)

    guided.tagger.predict = counted
    try:
        articles = [written_article(HARDEST_HIT, WEDNESDAY), replace(written_article(HARDEST_HIT, WEDNESDAY), id="b")]
        claims = extract_claims(articles, guided_nlp)
    finally:
        del guided.tagger.predict
    assert read == [HARDEST_HIT]
    for article in articles:
        assert [(c.kind, c.instrument, c.direction, c.change_pct, c.reader) for c in claims
                if c.article_id == article.id] == alone
