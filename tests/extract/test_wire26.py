"""Stock moves in wire briefs of companies we do not list (corpora/train/wire26.jsonl, MT Newswires 2025-02, issue 13,
session 26), on sentences we wrote, through the real spaCy pipeline. Each test holds one class of writing and a
control."""

from __future__ import annotations

from analyzer.extract import extract_claims
from tests.written import of_kind, written_article


def _moves(nlp, text: str, published: str = "2025-02-12T11:00:00-05:00") -> list[tuple]:  # noqa: ANN001
    found = extract_claims([written_article(text, published)], nlp)
    return [(c.instrument.symbol, c.instrument.name, c.direction, c.change_pct) for c in of_kind(found, "stock_move")]


def test_a_name_joined_by_a_spaced_ampersand_is_one_name(nlp) -> None:  # noqa: ANN001
    # before: 'Baxter Rail' (the parser hangs 'Port' on 'Rail' as a conjunct), or no move at all before 'shares'
    assert _moves(nlp, "Baxter Rail & Port fell 30% after the firm cut its outlook.") == \
        [(None, "Baxter Rail & Port", "down", 30.0)]
    assert _moves(nlp, "Baxter Rail & Port shares were down 30% after the firm cut its outlook.") == \
        [(None, "Baxter Rail & Port", "down", 30.0)]
    # control: 'and' joins two companies, never one name
    assert _moves(nlp, "Shares of Harbour Minerals and its larger rival fell 3% each.") == \
        [(None, "Harbour Minerals", "down", 3.0)]


def test_each_company_of_coordinated_owners_and_of_those_of(nlp) -> None:  # noqa: ANN001
    # before: only the first name of each pair
    found = _moves(nlp, "Shares of Meituan and Xiaomi slipped 2% each, while those of JD Health and Li Auto rose 3% "
                        "each.", "2025-02-13T02:00:00-05:00")
    names = {(name, direction, pct) for _, name, direction, pct in found}
    assert {("Meituan", "down", 2.0), ("JD Health", "up", 3.0), ("Li Auto", "up", 3.0)} <= names
    # control: 'those' with no shares named before it is nobody's shares
    assert _moves(nlp, "Those of Li Auto rose 3%.") == []
