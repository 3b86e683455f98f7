"""The 3-D odds: landing words, the vectorised solvers, the shares and their intervals."""

import re

import numpy as np
import pytest

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from geometry.group_lasso import GroupLassoBall
from lessons.words import landing_words
from solvers import Solution, solve_constrained
from solvers.group_lasso import solve_group_lasso_ball
from studies.ensembles import sample_problems_nd
from studies.odds import dimension_odds
from studies.three_d import (
    l1_batch_3d,
    l2_batch_3d,
    three_d_odds,
    zeros_against_dimension,
)
from tests.problems import random_loss_nd


def _solution(w, face):
    return Solution(np.array(w), loss=1.0, multiplier=1.0, radius=1.0, active=True, face=face)


@pytest.mark.parametrize(
    ("w", "face", "words"),
    [
        ([0.0, 1.0, 0.0], "vertex", "vertex: w1 = w3 = 0 exactly"),
        ([0.5, 0.0, -0.5], "edge", "edge: w2 = 0 exactly"),
        ([0.2, 0.3, 0.5], "face", "face: no zeros"),
        ([0.0, 0.0, -1.0], "vertex", "vertex: w1 = w2 = 0 exactly"),
        ([0.6, 0.8, 0.0], "edge", "edge: w3 = 0 exactly"),
        ([0.6, 0.8, 0.1], "smooth", "smooth point: no zeros"),
    ],
)
def test_landing_words_name_the_piece_and_the_exact_zeros(w, face, words):
    assert landing_words(_solution(w, face)) == words


def test_landing_words_call_a_zero_off_a_corner_a_coincidence():
    assert "coincidence" in landing_words(_solution([0.6, 0.0, 0.8], "smooth"))
    inside = Solution(np.array([0.1, 0.0, 0.2]), 0.0, 0.0, 1.0, active=False, face="interior")
    assert landing_words(inside).startswith("inside") and "w2 = 0" in landing_words(inside)


@pytest.mark.parametrize(
    "region",
    [NormBall(p=1, radius=1.0), ElasticNetBall(1.0, 0.5), GroupLassoBall(radius=1.0)],
    ids=["L1", "elastic net", "group lasso"],
)
def test_words_of_real_solutions_list_exactly_their_zeros(region):
    rng = np.random.default_rng(4)
    seen = set()
    for _ in range(200):
        loss = random_loss_nd(rng, 3, center_scale=0.8)
        if isinstance(region, GroupLassoBall):
            solution = solve_group_lasso_ball(loss, region)
        else:
            solution = solve_constrained(loss, region)
        words = landing_words(solution)
        named = tuple(int(i) - 1 for i in re.findall(r"w(\d)", words))
        assert named == solution.zeros, words
        seen.add(words.split(":")[0])
    assert seen == {"inside", "vertex", "edge", "face"}


def test_vectorised_l1_and_l2_agree_with_the_scalar_solvers():
    rng = np.random.default_rng(5)
    centers, hessians = sample_problems_nd(rng, 600, 3, spread=2.0, max_condition=1e4)
    W1, pieces = l1_batch_3d(centers, hessians, 1.0)
    W2 = l2_batch_3d(centers, hessians, 1.0)
    names = {-1: "interior", 0: "vertex", 1: "edge", 2: "face"}
    for c, h, w1, piece, w2 in zip(centers, hessians, W1, pieces, W2, strict=True):
        loss = QuadraticLoss(c, h)
        l1 = solve_constrained(loss, NormBall(p=1, radius=1.0))
        assert names[int(piece)] == l1.face and np.array_equal(w1 == 0.0, l1.w == 0.0)
        np.testing.assert_allclose(w1, l1.w, rtol=0.0, atol=1e-11)
        np.testing.assert_allclose(w2, solve_constrained(loss, NormBall(2, 1.0)).w, atol=1e-11)


def _project_onto_l1_ball(points, t):
    """Euclidean projection by sorting (Duchi, Shalev-Shwartz, Singer & Chandra, ICML 2008):
    soft-threshold at the theta with sum(max(|x_i| - theta, 0)) = t."""
    magnitudes = -np.sort(-np.abs(points), axis=1)
    sums = np.cumsum(magnitudes, axis=1)
    k = np.arange(1, points.shape[1] + 1)
    count = np.sum(magnitudes - (sums - t) / k > 0.0, axis=1)
    theta = (sums[np.arange(len(points)), count - 1] - t) / count
    projected = np.sign(points) * np.maximum(np.abs(points) - theta[:, None], 0.0)
    inside = np.sum(np.abs(points), axis=1) <= t
    projected[inside] = points[inside]
    return projected


def test_round_bowls_land_where_the_sorting_projection_says():
    rng = np.random.default_rng(6)
    centers = rng.uniform(-2.0, 2.0, size=(3000, 3))
    W, pieces = l1_batch_3d(centers, np.broadcast_to(np.eye(3), (3000, 3, 3)), 1.0)
    projected = _project_onto_l1_ball(centers, 1.0)
    np.testing.assert_allclose(W, projected, rtol=0.0, atol=1e-14)
    active = pieces >= 0
    # A piece of dimension d has 3 - (d + 1) zeros; the projection soft-thresholds them away.
    np.testing.assert_array_equal(np.sum(projected[active] == 0.0, axis=1), 2 - pieces[active])
    assert set(pieces.tolist()) == {-1, 0, 1, 2}


def test_three_d_odds_add_up_and_match_independent_counts():
    rng = np.random.default_rng(7)
    centers, hessians = sample_problems_nd(rng, 4000, 3, spread=2.0, max_condition=100.0)
    odds = three_d_odds(centers, hessians, 1.0)
    assert sum(share.hits for share in odds.l1.values()) == 4000
    assert odds.l2["interior"].hits == np.count_nonzero(np.linalg.norm(centers, axis=1) <= 1.0)
    assert odds.l2["smooth"].hits + odds.l2["interior"].hits == 4000
    # Each vertex holds two exact zeros and each edge one; nothing else holds any.
    assert odds.zero_weights["L1"].hits == 2 * odds.l1["vertex"].hits + odds.l1["edge"].hits
    assert odds.zero_weights["L1"].total == 12000 and odds.zero_weights["L2"].hits == 0
    for share in odds.l1.values():
        low, high = share.interval
        assert low < share.value < high and high - low < 0.04
    # The lasso homotopy of studies.odds counts the same zeros on the same problems.
    homotopy = dimension_odds(centers[:400], hessians[:400], 1.0)
    assert (
        homotopy.zero_coordinates["L1"]
        == three_d_odds(centers[:400], hessians[:400], 1.0).zero_weights["L1"]
    )


def test_l2_batch_keeps_the_zeros_of_axis_aligned_data():
    centers = np.array([[3.0, 0.0, 1.0], [0.0, 0.0, -2.0]])
    W = l2_batch_3d(centers, np.broadcast_to(np.diag([1.0, 2.0, 5.0]), (2, 3, 3)), 1.0)
    assert W[0, 1] == 0.0 and W[1, 0] == W[1, 1] == 0.0
    np.testing.assert_allclose(np.linalg.norm(W, axis=1), 1.0, rtol=1e-15)


def test_zeros_against_dimension_gives_each_dimension_its_own_problems():
    results = zeros_against_dimension(dims=(2, 5), count=30, seed=3)
    assert [r.dim for r in results] == [2, 5]
    assert [r.zero_coordinates["L1"].total for r in results] == [60, 150]
    (again,) = zeros_against_dimension(dims=(5,), count=30, seed=3)
    assert again.zero_coordinates == results[1].zero_coordinates
    assert results[1].zero_coordinates["L2"].hits == 0


@pytest.mark.parametrize(
    ("centers", "hessians", "radius", "argument"),
    [
        (np.ones((2, 2)), np.ones((2, 3, 3)), 1.0, "centers"),
        (np.ones((2, 3)), np.ones((3, 3, 3)), 1.0, "hessians"),
        (np.ones((1, 3)), -np.eye(3)[None], 1.0, "hessians"),
        (
            np.ones((1, 3)),
            np.array([[[1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0, 0, 1]]]),
            1.0,
            "hessians",
        ),
        (np.full((1, 3), np.nan), np.eye(3)[None], 1.0, "centers"),
        (np.ones((1, 3)), np.eye(3)[None], 0.0, "radius"),
    ],
)
def test_the_odds_reject_bad_arguments(centers, hessians, radius, argument):
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        three_d_odds(centers, hessians, radius)
