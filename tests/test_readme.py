"""What the README claims about the app, checked against the app itself."""

from __future__ import annotations

import math
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from lessons import three_weights
from lessons.tour import STEPS
from studies import experiments

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen"
NUMBER_WORDS = {word: k for k, word in enumerate(_WORDS.split(" "))}


def _diagonal_of_unit_ball(l2_share: float) -> float:
    """x > 0 with 2 (l2_share x² + (1 - l2_share) x) = 1: where the diagonal leaves the ball."""
    a, b = 2.0 * l2_share, 2.0 * (1.0 - l2_share)
    return (-b + math.sqrt(b * b + 4.0 * a)) / (2.0 * a)


def test_the_esl_example_draws_esls_ball_whose_alpha_is_the_l2_share():
    query = re.search(r"`\?(left_region=lp[^`]*)`", README).group(1)
    values = {key: value[0] for key, value in parse_qs(query).items()}
    app_l1_share = float(values["right_ratio"])
    # ESL (3.54): sum of alpha beta^2 + (1 - alpha)|beta|, figure 3.13 at alpha = 0.2 (L2 share).
    esl = _diagonal_of_unit_ball(0.2)
    assert esl == pytest.approx(0.5495, abs=1e-4)
    # The app's ball a |w|_1 + (1 - a) |w|_2^2 <= 1 with a = the link's ratio (L1 share).
    assert _diagonal_of_unit_ball(1.0 - app_l1_share) == pytest.approx(esl, abs=1e-12)
    assert "**L2** term" in README and "**L1** share" in README


def test_the_tour_has_as_many_steps_as_the_readme_says():
    said = re.search(r"The \*\*Tour\*\* walks in (\w+) steps", README).group(1)
    assert NUMBER_WORDS[said] == len(STEPS)


def test_the_readme_says_which_answers_are_estimates_and_which_solver_is_a_search():
    assert "exact 3-D odds" not in README
    assert f"{three_weights.ODDS_COUNT:,} random problems" in README
    assert "Monte-Carlo estimate" in README
    assert "p < 1, whose non-convex star is solved by a boundary search" in README
    assert f"the first {experiments.STAR_SAMPLE} problems" in README
