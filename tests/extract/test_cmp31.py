"""Records and comparisons in wordings found on a fresh file of Reuters stories and 2025-02 wire bullets (issue 13,
session 31, `corpora/train/cmp31.jsonl`), on sentences we wrote, through the real spaCy pipeline. Each test holds one
class of writing and a control."""

from __future__ import annotations

from datetime import datetime

from analyzer.extract import extract_claims
from analyzer.extract.superlatives import not_a_word
from analyzer.records import Article
from tests.written import move_claims_in as claims_in
from tests.written import of_kind

ASX_MORNING = datetime.fromisoformat("2025-02-12T10:20:00+08:00")  # an ASX session under way


def _bullets(nlp, text: str):  # noqa: ANN001, ANN202
    return extract_claims([Article(id="t", text=text, title="Acme Mining shares move", published=ASX_MORNING)], nlp)


def test_a_bullet_mark_is_no_subject(nlp) -> None:  # noqa: ANN001
    # in a wire item the parser may take the escaped bullet mark for the subject of "rise"; it names nothing, so the
    # record after the figure is not read as the record of a thing no instrument names (cmp31's Alcidion bullet; the
    # parse depends on the whole item, so the helper is held here on its tokens)
    doc = nlp("\\*\\* Shares of Acme Mining rise 6.5% to A$3.42")
    assert not_a_word(doc[0]) and not not_a_word(doc[2])
    # a record after the figure of a named instrument stays its own
    text = "\\*\\* Shares of Acme Mining rise as much as 6.5% to A$3.42, their highest since March 4, 2024"
    [record] = of_kind(_bullets(nlp, text), "record")
    assert (record.instrument.name, record.what) == ("Acme Mining", "highest_since")


def test_an_index_the_registry_does_not_know_is_named_from_its_first_capital(nlp) -> None:  # noqa: ANN001
    # "the Tokyo transport sector subindex": the index beaten is kept by its name
    text = "Boeing shares rose 2 percent, outperforming the Tokyo transport sector subindex, which gained 0.5 percent."
    [found] = of_kind(claims_in(nlp, text), "comparison")
    assert (found.relation, [b.name for b in found.benchmarks]) == ("outperformed", ["Tokyo transport sector subindex"])
    text = "Boeing shares fell 2 percent, underperforming a flat UK aerospace index."
    [found] = of_kind(claims_in(nlp, text), "comparison")
    assert (found.relation, [b.name for b in found.benchmarks]) == ("underperformed", ["UK aerospace index"])
    # control: an index no capitalised word names is no benchmark of ours
    text = "Boeing shares rose 2 percent, outperforming the sector index, which gained 0.5 percent."
    assert of_kind(claims_in(nlp, text), "comparison") == []
