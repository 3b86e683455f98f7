"""Nonsense in, a ValueError out that names the offending argument."""

import math

import numpy as np
import pytest

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers import solve_constrained, solve_constrained_batch, solve_penalized

GOOD_H = np.array([[3.0, 1.0], [1.0, 2.0]])


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"p": 0}, "p"),
        ({"p": -1.0}, "p"),
        ({"p": math.nan}, "p"),
        ({"p": "two"}, "p"),
        ({"p": True}, "p"),
        ({"radius": 0.0}, "radius"),
        ({"radius": -2.0}, "radius"),
        ({"radius": math.inf}, "radius"),
        ({"radius": math.nan}, "radius"),
        ({"radius": None}, "radius"),
    ],
)
def test_norm_ball_rejects_bad_arguments(kwargs, argument):
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        NormBall(**{"p": 1.0, "radius": 1.0, **kwargs})


def test_norm_ball_accepts_the_whole_range_of_p():
    assert NormBall(p=math.inf, radius=1.0).norm(np.array([3.0, -4.0])) == 4.0
    assert NormBall(p=0.5, radius=1.0).norm(np.array([1.0, 1.0])) == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"radius": 0.0}, "radius"),
        ({"l1_ratio": 1.5}, "l1_ratio"),
        ({"l1_ratio": -0.1}, "l1_ratio"),
        ({"l1_ratio": math.nan}, "l1_ratio"),
    ],
)
def test_elastic_net_ball_rejects_bad_arguments(kwargs, argument):
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        ElasticNetBall(**{"radius": 1.0, "l1_ratio": 0.5, **kwargs})


@pytest.mark.parametrize(
    ("center", "hessian", "argument", "phrase"),
    [
        ([1.0, math.nan], GOOD_H, "center", "finite"),
        ([1.0, math.inf], GOOD_H, "center", "finite"),
        ([[1.0, 2.0]], GOOD_H, "center", "1-D"),
        ("ab", GOOD_H, "center", "real numbers"),
        ([1.0, 2.0, 3.0], GOOD_H, "hessian", "shape"),
        ([1.0, 2.0], [[1.0, 2.0], [0.0, 1.0]], "hessian", "symmetric"),
        ([1.0, 2.0], [[1.0, 0.0], [0.0, -1.0]], "hessian", "positive definite"),
        ([1.0, 2.0], [[1.0, 1.0], [1.0, 1.0]], "hessian", "positive definite"),
        ([1.0, 2.0], [[1.0, math.nan], [math.nan, 1.0]], "hessian", "finite"),
    ],
)
def test_quadratic_loss_rejects_bad_arguments(center, hessian, argument, phrase):
    with pytest.raises(ValueError, match=rf"^{argument}\b.*{phrase}"):
        QuadraticLoss(center=center, hessian=hessian)


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"eigenvalues": (1.0, 0.0)}, r"eigenvalues\[1\]"),
        ({"eigenvalues": (1.0, 2.0, 3.0)}, "eigenvalues"),
        ({"angle_deg": math.nan}, "angle_deg"),
        ({"center": (1.0,)}, "center"),
    ],
)
def test_from_shape_rejects_bad_arguments(kwargs, argument):
    with pytest.raises(ValueError, match=rf"^{argument}"):
        QuadraticLoss.from_shape(**{"center": (1.0, 2.0), "eigenvalues": (1.0, 4.0), **kwargs})


def test_solve_constrained_rejects_wrong_types():
    loss = QuadraticLoss(center=[1.0, 2.0], hessian=GOOD_H)
    with pytest.raises(ValueError, match=r"^loss"):
        solve_constrained("not a loss", NormBall(p=1, radius=1.0))
    with pytest.raises(ValueError, match=r"^ball"):
        solve_constrained(loss, 1.0)


def test_general_p_beyond_the_plane_says_so():
    loss = QuadraticLoss(center=[1.0, 2.0, 3.0], hessian=np.eye(3))
    with pytest.raises(NotImplementedError, match="p = 3 in 2-D only"):
        solve_constrained(loss, NormBall(p=3, radius=1.0))


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"penalty": "l3"}, "penalty"),
        ({"lam": -1.0}, "lam"),
        ({"lam": math.nan}, "lam"),
        ({"lam": math.inf}, "lam"),
        ({"lam": "big"}, "lam"),
        ({"penalty": "elasticnet", "l1_ratio": 2.0}, "l1_ratio"),
    ],
)
def test_solve_penalized_rejects_bad_arguments(kwargs, argument):
    loss = QuadraticLoss(center=[1.0, 2.0], hessian=GOOD_H)
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        solve_penalized(loss, **{"penalty": "l1", "lam": 1.0, **kwargs})
    with pytest.raises(ValueError, match=r"^loss"):
        solve_penalized("loss", "l1", 1.0)


@pytest.mark.parametrize(
    ("centers", "hessians", "argument"),
    [
        (np.ones((3, 3)), GOOD_H, "centers"),
        (np.ones(2), GOOD_H, "centers"),
        (np.array([[1.0, np.nan]]), GOOD_H, "centers"),
        (np.ones((3, 2)), np.ones((2, 2, 2)), "hessians"),
        (np.ones((1, 2)), np.array([[1.0, 2.0], [0.0, 1.0]]), "hessians"),
        (np.ones((1, 2)), np.array([[1.0, 0.0], [0.0, -1.0]]), "hessians"),
        (np.ones((1, 2)), np.array([[np.inf, 0.0], [0.0, 1.0]]), "hessians"),
    ],
)
def test_batch_rejects_bad_arguments(centers, hessians, argument):
    with pytest.raises(ValueError, match=rf"^{argument}\b"):
        solve_constrained_batch(centers, hessians, NormBall(p=1, radius=1.0))


def test_batch_rejects_a_region_that_is_not_a_norm_ball():
    with pytest.raises(ValueError, match=r"^ball"):
        solve_constrained_batch(np.ones((1, 2)), GOOD_H, ElasticNetBall())


def test_enumeration_beyond_its_dimension_limit_says_so():
    loss = QuadraticLoss(center=np.ones(11), hessian=np.eye(11))
    # (The L1 ball itself has no limit: beyond it the lasso homotopy takes over.)
    # The projection of (1, ..., 1) onto the unit L1 ball is (1/11, ..., 1/11): a tie
    # of all eleven coordinates, which must all join the path at once.
    np.testing.assert_allclose(solve_constrained(loss, NormBall(p=1, radius=1.0)).w, 1 / 11)
    for call in (
        lambda: solve_constrained(loss, NormBall(p=math.inf, radius=1.0)),
        lambda: solve_constrained(loss, ElasticNetBall(radius=1.0, l1_ratio=0.5)),
        lambda: solve_penalized(loss, "l1", 1.0),
    ):
        with pytest.raises(ValueError, match=r"^loss has dim=11"):
            call()
