"""Stated precision and qualifiers, as writers and careful readers use them."""

import pytest

from analyzer.check.figures import direction_agrees, figure_agrees


@pytest.mark.parametrize(("stated", "text", "actual", "qualifier", "ok"), [
    (0.8, "0.8", 0.8306, None, True),       # rounded
    (0.8, "0.8", 0.8699, None, True),       # truncated
    (0.8, "0.8", 0.9001, None, False),
    (0.80, "0.80", 0.8306, None, False),    # two decimals stated: 0.83 expected
    (2, "2", 0.07, None, False),
    (2, "2", 1.95, None, True),
    (742, "742", 742.76, None, True),       # points truncated
    (2, "2", 1.85, "about", True),
    (2, "2", 1.2, "about", False),
    (2, "2", 1.9, "nearly", True),
    (2, "2", 2.3, "nearly", False),
    (1, "1", 0.03, "nearly", False),        # "nearly 1 percent" is no flat day
    (1, "1", 0.6, "nearly", True),
    (2, "2", 1.2, "nearly", False),
    (2, "2", 2.3, "more than", True),
    (2, "2", 1.7, "more than", False),
    (2, "2", 1.7, "less than", True),
    (22.6, "22.6", -22.61, None, True),     # magnitudes: the sign is the direction's business
])
def test_figure_agrees(stated: float, text: str, actual: float, qualifier: str | None, ok: bool) -> None:
    assert figure_agrees(stated, text, actual, qualifier).ok is ok


def test_points_have_a_cent_of_slack() -> None:
    assert figure_agrees(114.54, "114.54", 114.55, None, slack=0.01).ok
    assert not figure_agrees(114.54, "114.54", 114.60, None, slack=0.01).ok


def test_direction() -> None:
    assert direction_agrees("up", 0.3) and not direction_agrees("up", -0.3)
    assert direction_agrees("flat", 0.02) and not direction_agrees("flat", 1.5)


def test_nearly_allows_the_figure_itself_at_its_precision() -> None:
    # "closed down nearly 680 points, or 7.7 percent" for -7.7013%: the percentage is 7.7 at its precision
    assert figure_agrees(7.7, "7.7", -7.7013, "nearly").ok
    assert not figure_agrees(7.7, "7.7", -7.76, "nearly").ok
    assert not figure_agrees(7.7, "7.7", -6.5, "nearly").ok


def test_almost_allows_a_hair_over_that_rounds_to_the_figure() -> None:
    # "has risen almost 18 percent" for +18.37%: a loose word for a figure that rounds to the one written
    assert figure_agrees(18, "18", 18.37, "almost").ok
    assert not figure_agrees(18, "18", 18.6, "almost").ok  # rounds to 19
    assert not figure_agrees(2, "2", 2.3, "nearly").ok  # over by more than 2.5% of the figure
