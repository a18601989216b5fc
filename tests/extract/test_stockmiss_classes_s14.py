"""Stock moves missed on train (issue #13), by class of writing, with our own sentences.

A company we have no listing for (a European or Asian name, a private-sounding one) named bare as the subject of a
move verb whose only object is a percent: 'Norvik Energy added 3.2%'. Before, such a company was read only with a
share word ('shares of ...') or a share price ('... to $45.13'), and the gate kept no such sentence.
"""

from __future__ import annotations

from tests.written import move_claims_in as claims_in
from tests.written import of_kind


def _moves(nlp, text: str) -> list[tuple[str | None, str | None, float | None]]:  # noqa: ANN001
    return [(c.instrument.name if c.instrument else None, c.direction, c.change_pct)
            for c in of_kind(claims_in(nlp, text), "stock_move")]


def test_an_unlisted_company_moving_by_a_percent(nlp) -> None:  # noqa: ANN001
    assert _moves(nlp, "In company news, Norvik Energy added 3.2% after an upbeat order outlook.") == [
        ("Norvik Energy", "up", 3.2)]
    assert _moves(nlp, "Danish shipper Kestrel Lines fell 4.1 percent after it cut its freight forecast.") == [
        ("Kestrel Lines", "down", 4.1)]


def test_an_unlisted_companys_business_figure_is_no_move(nlp) -> None:  # noqa: ANN001
    # the percent belongs to another object, or the verb is no move verb, or the subject is a business figure
    assert _moves(nlp, "Norvik Energy increased output 3.2% in the quarter.") == []
    assert _moves(nlp, "Norvik Energy raised its dividend 3.2% after strong results.") == []
    assert _moves(nlp, "Norvik Energy's orders rose 3.2% in the quarter.") == []
    assert _moves(nlp, "Inflation rose 3.2% in March, the statistics office said.") == []


def test_an_index_or_exchange_named_bare_is_no_company(nlp) -> None:  # noqa: ANN001
    # a sector index of a foreign exchange, or its main index, moving by a percent is no stock move
    assert _moves(nlp, "Elsewhere, BSE Consumer Durables added 2.4 percent and NSE Pharma lost 1.1 percent.") == []
    assert _moves(nlp, "In Mumbai, the BSE Sensex shed 0.3% in early trade.") == []


def test_a_listed_name_with_a_particle_is_the_listed_company(nlp) -> None:  # noqa: ANN001
    # 'de' goes on with the name ('DuPont de Nemours'), so its last word is no company of its own
    assert _moves(nlp, "DuPont de Nemours jumped almost 7% after the materials maker raised its outlook.") == [
        ("DuPont", "up", 7.0)]
    # control: the listed name alone
    assert _moves(nlp, "DuPont jumped almost 7% after the materials maker raised its outlook.") == [
        ("DuPont", "up", 7.0)]
