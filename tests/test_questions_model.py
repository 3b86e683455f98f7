"""The Check-yourself questions' model: each answer pinned by recomputing what it says.

The numbers are recomputed from the solvers, closed forms and exact rational
arithmetic, never copied from the text.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise

import numpy as np
import pytest

from geometry import NormBall, QuadraticLoss
from lessons import questions as q
from lessons import tour
from lessons.one_weight import power_of_ten, units_counterexample
from solvers import solve_constrained, solve_penalized
from solvers.descent import proximal_gradient, subgradient_descent
from solvers.shrinkage import one_weight_solution
from studies.one_weight import BIG_L2, SMALL_L1, l2_smaller_below
from studies.ridge import ridge_zero_lambda

# --- The ridge question: a ridge zero is a single lambda --------------------------------


def _ridge_w2_exact(lam: Fraction) -> Fraction:
    """w2 of (H + 2 lam I)^{-1} H c in rational arithmetic, for the correlated design."""
    h11, h12, h22 = Fraction(1), Fraction(9, 10), Fraction(1)
    c1, c2 = Fraction(1), Fraction(-1, 5)
    g1, g2 = h11 * c1 + h12 * c2, h12 * c1 + h22 * c2
    a, d = h11 + 2 * lam, h22 + 2 * lam
    return (a * g2 - h12 * g1) / (a * d - h12 * h12)


def test_the_correlated_ridge_path_is_exactly_zero_at_one_lambda():
    lam_star = ridge_zero_lambda(q.CORRELATED_LOSS, 1)
    assert lam_star == pytest.approx(19 / 700, rel=1e-15)
    assert _ridge_w2_exact(Fraction(19, 700)) == 0  # exactly zero, in exact arithmetic
    w2 = float(solve_penalized(q.CORRELATED_LOSS, "l2", lam_star).w[1])
    assert abs(w2) < 1e-15  # the solver: zero up to rounding
    for delta in (Fraction(1, 10**6), Fraction(1, 1000), Fraction(1, 10)):
        below = _ridge_w2_exact(Fraction(19, 700) - delta) if delta < Fraction(19, 700) else None
        above = _ridge_w2_exact(Fraction(19, 700) + delta)
        assert above > 0 and (below is None or below < 0)  # a single sign change, no interval
    # large lambda keeps the signs of H c: no zero "once lambda is large enough"
    g = q.CORRELATED_HESSIAN @ q.CORRELATED_CENTRE
    for lam in (1.0, 1e3, 1e6):
        assert np.all(np.sign(solve_penalized(q.CORRELATED_LOSS, "l2", lam).w) == np.sign(g))


def test_ridge_zero_lambda_matches_the_path_for_random_designs():
    rng = np.random.default_rng(12)
    checked = 0
    for _ in range(200):
        root = rng.normal(size=(2, 2))
        loss = QuadraticLoss(center=rng.normal(size=2), hessian=root @ root.T + 0.1 * np.eye(2))
        for index in (0, 1):
            lam = ridge_zero_lambda(loss, index)
            if lam is None:
                continue
            checked += 1
            w = solve_penalized(loss, "l2", lam).w
            assert abs(w[index]) <= 1e-9 * (1.0 + np.max(np.abs(w)))
    assert checked > 20


def test_the_ridge_answer_says_a_zero_needs_a_coincidence():
    why = q.QUESTIONS["ridge"].why
    assert "however large" not in why
    assert f"λ* = {q.RIDGE_ZERO:.6g}" in why
    assert "probability 0" in why and "whole region of data" in why


# --- The edge question: corners catch wedges, edges catch strips ------------------------


@pytest.mark.parametrize("distance", [1.01, 1.5, 2.0, 3.7, 8.0, 50.0])
def test_edge_directions_match_the_exact_solver(distance):
    low, high = q.edge_directions(distance)
    assert low == pytest.approx(90.0 - high)  # symmetric about the diagonal
    for degrees in np.linspace(0.0, 90.0, 721):
        if min(abs(degrees - low), abs(degrees - high)) < 1e-6:
            continue  # the boundary directions land exactly on the corner
        angle = np.radians(degrees)
        centre = distance * np.array([np.cos(angle), np.sin(angle)])
        solution = solve_constrained(QuadraticLoss(centre, np.eye(2)), NormBall(1, 1.0))
        assert (solution.zeros == ()) == (low < degrees < high), (distance, degrees)


def test_the_quoted_ranges_are_24_to_66_and_40_to_50_degrees():
    assert [round(x) for x in q.edge_directions(2.0)] == [24, 66]
    assert [round(x) for x in q.edge_directions(8.0)] == [40, 50]
    why = q.QUESTIONS["edge"].why
    assert "between 24° and 66°" in why and "between 40° and 50°" in why
    assert "a wedge of centre directions" not in why


def test_edge_directions_reject_a_centre_that_may_be_inside():
    for bad in (1.0, 0.5, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="distance"):
            q.edge_directions(bad)


# --- The descent question: what makes a proximal step return 0 --------------------------


@pytest.mark.parametrize("step", [0.05, 0.3, 0.55, 0.9])
def test_a_proximal_step_is_zero_exactly_when_the_stepped_point_is_within_eta_lambda(step):
    iterates = proximal_gradient(
        q.DESCENT_LOSS, q.DESCENT_LAM, step, q.DESCENT_ITERATIONS, [q.DESCENT_START]
    )[:, 0]
    for before, after in pairwise(iterates):
        assert (after == 0.0) == q.prox_lands_on_zero(before, step)
    assert iterates[-1] == 0.0  # strict complementarity: reached in finitely many steps


def test_being_near_zero_before_the_step_is_neither_needed_nor_enough():
    assert q.prox_lands_on_zero(2.0, 0.9)  # far from 0, and still lands on it
    near = 0.9 * 0.3  # within eta * lam = 0.3 of 0 ...
    assert not q.prox_lands_on_zero(near, 0.3)  # ... and the step does not return 0


def test_without_strict_complementarity_the_zero_is_only_approached():
    # |grad L(0)| = lam: centre 1, lam 1. In exact arithmetic w_k = w_1 (1 - eta)^(k - 1) > 0.
    eta, w = Fraction(3, 10), Fraction(2)
    for _ in range(60):
        stepped = w - eta * (w - 1)
        w = max(abs(stepped) - eta, Fraction(0)) * (1 if stepped > 0 else -1)
        assert w > 0
    edge = QuadraticLoss(center=np.array([1.0]), hessian=np.array([[1.0]]))
    assert np.all(proximal_gradient(edge, 1.0, 0.3, 40, [2.0])[1:, 0] > 0.0)
    assert abs(float(q.DESCENT_LOSS.gradient(np.array([0.0]))[0])) < q.DESCENT_LAM


def test_subgradient_steps_jump_across_zero_by_the_quoted_amounts():
    step = 0.3
    iterates = subgradient_descent(q.DESCENT_LOSS, q.DESCENT_LAM, step, 200, [2.0])[:, 0]
    tail = iterates[50:]
    assert np.all(tail != 0.0)
    assert np.any(tail > 0.0) and np.any(tail < 0.0)
    down, up = (q.DESCENT_LAM - q.DESCENT_CENTRE) * step, (q.DESCENT_LAM + q.DESCENT_CENTRE) * step
    assert np.all((tail >= -down * (1 + 1e-12)) & (tail <= up * (1 + 1e-12)))  # order eta
    # just above 0 a step moves w down by about (lam - 0.6) eta, just below up by (lam + 0.6) eta
    before, jumps = tail[:-1], np.diff(tail)
    np.testing.assert_allclose(jumps[before > 0], -down - step * before[before > 0], atol=1e-12)
    np.testing.assert_allclose(jumps[before < 0], up - step * before[before < 0], atol=1e-12)
    why = q.QUESTIONS["descent"].why
    assert f"{q.DESCENT_LAM - q.DESCENT_CENTRE:g}η" in why
    assert f"{q.DESCENT_LAM + q.DESCENT_CENTRE:g}η" in why
    assert "the moment w enters the dead zone" not in why
    assert "strict complementarity" in why and "within ηλ of 0" in why


def test_the_training_link_sentence_is_left_for_the_merge():
    assert "Training page" in q.TRAINING_LINK_TEXT


# --- The units argument: the kink first, and 1000 w^2 against 0.001 |w| -----------------


def test_the_quadratic_is_larger_everywhere_except_below_one_millionth():
    below = l2_smaller_below()
    assert below == pytest.approx(1e-6, rel=1e-12)
    w = np.concatenate([np.geomspace(1e-12, 1e3, 2001), -np.geomspace(1e-12, 1e3, 2001)])
    l2, l1 = BIG_L2 * w * w, SMALL_L1 * np.abs(w)
    outside = np.abs(w) > below * (1 + 1e-9)
    inside = np.abs(w) < below * (1 - 1e-9)
    assert np.all(l2[outside] > l1[outside]) and np.all(l2[inside] < l1[inside])
    assert power_of_ten(below) == "10⁻⁶"


def test_the_small_l1_penalty_still_zeros_and_the_big_l2_penalty_zeros_nothing():
    pulls = np.linspace(-0.01, 0.01, 2001)
    lasso = one_weight_solution(pulls, SMALL_L1, "l1")
    ridge = one_weight_solution(pulls, BIG_L2, "l2")
    dead = np.abs(pulls) <= SMALL_L1
    assert np.all(lasso[dead] == 0.0) and np.all(lasso[~dead] != 0.0)
    assert np.all((ridge == 0.0) == (pulls == 0.0))
    assert np.allclose(ridge, pulls / (1.0 + 2.0 * BIG_L2), rtol=1e-15, atol=0.0)


def test_the_texts_lead_with_the_kink_and_quote_the_counterexample():
    sentence = units_counterexample()
    assert "10⁻⁶" in sentence and f"{1 + 2 * BIG_L2:g}" in sentence
    units = tour.step_text(tour.STEP["units"])
    assert sentence in units and units.index("kink") < units.index("units")
    assert "(below)" in units and "(right)" not in units  # the tour's figure sits below
    why = q.QUESTIONS["units"].why
    assert sentence in why and why.index("kink") < why.index("units")
