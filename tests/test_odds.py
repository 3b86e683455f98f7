"""Monte-Carlo odds: random problems, exact landing codes, shares and their intervals."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import binomtest

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers import solve_constrained, solve_constrained_batch
from studies.ensembles import (
    sample_centers,
    sample_hessians,
    sample_problems_nd,
    sample_published_hessians,
)
from studies.landing import INSIDE, OFF_AXIS, ON_W1_AXIS, ON_W2_AXIS, landing_batch
from studies.odds import Share, dimension_odds, near_zero, wilson_interval


def _scalar_codes(centers, hessians, region) -> np.ndarray:
    codes = []
    for c, h in zip(centers, hessians, strict=True):
        solution = solve_constrained(QuadraticLoss(center=c, hessian=h), region)
        if not solution.active:
            codes.append(INSIDE)
        elif solution.w[1] == 0.0:
            codes.append(ON_W1_AXIS)
        elif solution.w[0] == 0.0:
            codes.append(ON_W2_AXIS)
        else:
            codes.append(OFF_AXIS)
    return np.array(codes)


@pytest.mark.parametrize(
    "region",
    [
        NormBall(p=1, radius=1.0),
        NormBall(p=2, radius=1.0),
        ElasticNetBall(radius=1.0, l1_ratio=0.3),
        ElasticNetBall(radius=2.0, l1_ratio=0.8),
        NormBall(p=1.5, radius=1.0),
        NormBall(p=math.inf, radius=1.0),
        NormBall(p=0.5, radius=1.0),
    ],
    ids=lambda region: region.label,
)
def test_landing_codes_are_those_of_the_exact_scalar_solver(region):
    rng = np.random.default_rng(7)
    centers = sample_centers(rng, 400, 4.0)
    hessians = sample_hessians(rng, 400, 1e3)
    codes = landing_batch(centers, hessians, region)
    np.testing.assert_array_equal(codes, _scalar_codes(centers, hessians, region))
    if region.has_axis_corners:
        assert np.count_nonzero((codes == ON_W1_AXIS) | (codes == ON_W2_AXIS)) > 40


def test_l2_has_exactly_no_zero_but_a_coarse_tolerance_invents_them():
    rng = np.random.default_rng(11)
    centers = sample_centers(rng, 100_000, 5.0)
    hessians = sample_hessians(rng, 100_000, 100.0)
    w = solve_constrained_batch(centers, hessians, NormBall(p=2, radius=1.0))
    assert Share.of(near_zero(w, 0.0)).hits == 0
    assert Share.of(near_zero(w, 1e-2)).value > 0.005
    l1 = solve_constrained_batch(centers, hessians, NormBall(p=1, radius=1.0))
    assert Share.of(near_zero(l1, 0.0)).value > 0.5


@given(hits=st.integers(0, 500), extra=st.integers(0, 500))
def test_wilson_interval_matches_scipy(hits, extra):
    total = hits + extra
    if total == 0:
        assert wilson_interval(0, 0) == (0.0, 1.0)
        return
    expected = binomtest(hits, total).proportion_ci(0.95, method="wilson")
    low, high = wilson_interval(hits, total)
    assert low == pytest.approx(expected.low, abs=1e-12)
    assert high == pytest.approx(expected.high, abs=1e-12)
    assert 0.0 <= low <= hits / total <= high <= 1.0


def test_wilson_interval_rejects_impossible_counts():
    with pytest.raises(ValueError, match="hits"):
        wilson_interval(5, 3)


def test_published_setup_draws_only_convex_bowls():
    rng = np.random.default_rng(3)
    general = sample_published_hessians(rng, 5_000)
    assert general.shape == (5_000, 2, 2)
    np.testing.assert_array_equal(general[:, 0, 1], general[:, 1, 0])
    assert np.all(np.linalg.eigvalsh(general) > 0.0)
    assert np.all(np.abs(general[:, 0, 1]) <= 2.0)
    assert np.all((general[:, 0, 0] <= 20.0) & (general[:, 1, 1] <= 20.0))
    round_bowls = sample_published_hessians(rng, 100, symmetric=True)
    np.testing.assert_array_equal(round_bowls[:, 0, 0], round_bowls[:, 1, 1])
    assert np.all(round_bowls[:, 0, 1] == 0.0)


@pytest.mark.parametrize("domain", ["disk", "square"])
def test_centres_fill_their_domain_uniformly(domain):
    centers = sample_centers(np.random.default_rng(5), 200_000, 3.0, domain)
    if domain == "disk":
        radius = np.hypot(centers[:, 0], centers[:, 1])
        assert radius.max() <= 3.0
        # Uniform in the disc: P(r < 1.5) = 1/4.
        assert np.mean(radius < 1.5) == pytest.approx(0.25, abs=0.005)
    else:
        assert np.abs(centers).max() <= 3.0
        assert np.mean(np.abs(centers[:, 0]) < 1.5) == pytest.approx(0.5, abs=0.005)


def test_sampled_condition_numbers_stay_in_range():
    hessians = sample_hessians(np.random.default_rng(2), 2_000, 50.0)
    eigenvalues = np.linalg.eigvalsh(hessians)
    ratio = eigenvalues[:, 1] / eigenvalues[:, 0]
    assert ratio.min() >= 1.0 - 1e-9 and ratio.max() <= 50.0 * (1 + 1e-9)
    assert np.median(ratio) == pytest.approx(math.sqrt(50.0), rel=0.1)


def test_dimension_odds_count_exact_zeros_of_the_exact_solvers():
    centers, hessians = sample_problems_nd(np.random.default_rng(9), 40, 12, 2.0, 100.0)
    odds = dimension_odds(centers, hessians, radius=1.0)
    assert odds.dim == 12
    assert odds.zero_coordinates["L2"].hits == 0
    assert odds.any_zero["L1"].value > 0.9
    expected = sum(
        len(solve_constrained(QuadraticLoss(center=c, hessian=h), NormBall(1, 1.0)).zeros)
        for c, h in zip(centers, hessians, strict=True)
    )
    assert odds.zero_coordinates["L1"] == Share(expected, 40 * 12)


def test_bad_arguments_name_themselves():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="spread"):
        sample_centers(rng, 10, -1.0)
    with pytest.raises(ValueError, match="domain"):
        sample_centers(rng, 10, 1.0, "triangle")
    with pytest.raises(ValueError, match="max_condition"):
        sample_hessians(rng, 10, 0.5)
    with pytest.raises(ValueError, match="count"):
        sample_hessians(rng, -1, 2.0)
    with pytest.raises(ValueError, match="tolerance"):
        near_zero(np.zeros((2, 2)), -1.0)
    with pytest.raises(ValueError, match="region"):
        landing_batch(np.zeros((1, 2)), np.eye(2), "L1")
    with pytest.raises(ValueError, match="hessians"):
        landing_batch(np.zeros((1, 2)), np.ones((2, 2)), NormBall(1))


def test_the_symmetric_published_setup_matches_its_exact_catchment_share():
    # Round bowls (a = b, c = 0) all have H = 2a I, and the catchment does not depend
    # on a: centres uniform in [-10, 10]^2 outside the diamond of budget 2 land on a
    # corner with probability 4 * 64 / (400 - 8) = 256 / 392, by hand.
    from studies import experiments as ex

    problems = ex.draw_problems("symmetric", 100_000, 10.0, "square", 100.0, 0)
    codes = ex.solve_and_classify(problems, NormBall(p=1, radius=2.0))[1]
    share = ex.zero_share(codes, outside_only=True)
    low, high = share.interval
    assert low <= 256 / 392 <= high
    l2 = ex.solve_and_classify(problems, NormBall(p=2, radius=2.0))[1]
    assert ex.zero_share(l2, outside_only=True).hits == 0
