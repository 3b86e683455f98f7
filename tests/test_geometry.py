"""Losses, balls, their boundaries and corners."""

import math
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from geometry.contours import objective_contours, objective_value
from studies.training_problems import LESSON_LAM, lesson_problem
from tests.problems import losses


def test_loss_value_by_hand():
    loss = QuadraticLoss(center=np.array([2.0, 1.0]), hessian=np.array([[3.0, 1.0], [1.0, 2.0]]))
    # 0.5 * (2, 1) [[3, 1], [1, 2]] (2, 1)^T = 0.5 * (12 + 2 + 2 + 2) = 9
    assert loss.value(np.zeros(2)) == 9.0
    assert loss.value(loss.center) == 0.0
    np.testing.assert_array_equal(loss.gradient(np.zeros(2)), [-7.0, -4.0])


@given(loss=losses(), point=st.tuples(st.floats(-5, 5), st.floats(-5, 5)))
def test_gradient_matches_central_differences(loss, point):
    w = np.array(point)
    step = 1e-6
    numeric = [
        (loss.value(w + step * e) - loss.value(w - step * e)) / (2 * step) for e in np.eye(2)
    ]
    scale = np.linalg.norm(loss.hessian, 2) * (1 + np.linalg.norm(w - loss.center))
    np.testing.assert_allclose(loss.gradient(w), numeric, atol=1e-6 * scale)


def test_values_of_a_stack_of_points():
    loss = QuadraticLoss.from_shape((1.0, -1.0), (2.0, 5.0), 20.0)
    points = np.arange(12.0).reshape(2, 3, 2)
    expected = [[loss.value(p) for p in row] for row in points]
    np.testing.assert_allclose(loss.value(points), expected)


@given(
    eigenvalues=st.tuples(st.floats(0.01, 100), st.floats(0.01, 100)),
    angle=st.floats(-360, 360),
)
def test_from_shape_has_the_requested_eigenstructure(eigenvalues, angle):
    loss = QuadraticLoss.from_shape((0.5, -0.5), eigenvalues, angle)
    np.testing.assert_allclose(np.linalg.eigvalsh(loss.hessian), sorted(eigenvalues), rtol=1e-12)
    axis = np.array([math.cos(math.radians(angle)), math.sin(math.radians(angle))])
    np.testing.assert_allclose(loss.hessian @ axis, eigenvalues[0] * axis, atol=1e-12 * 100)
    assert loss.hessian[0, 1] == loss.hessian[1, 0]


@given(loss=losses(), level=st.floats(1e-4, 50.0))
def test_level_curve_lies_on_its_level(loss, level):
    curve = loss.level_curve(level, n_points=64)
    np.testing.assert_allclose(loss.value(curve), level, rtol=1e-9)
    np.testing.assert_allclose(curve[0], curve[-1], atol=1e-12 * (1 + np.abs(curve).max()))


def test_level_curve_rejects_a_negative_level():
    with pytest.raises(ValueError, match=r"^level"):
        QuadraticLoss.from_shape((0.0, 0.0)).level_curve(-1.0)


@pytest.mark.parametrize("p", [0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 10.0, math.inf])
@pytest.mark.parametrize("radius", [0.2, 1.0, 3.5])
def test_boundary_lies_on_the_sphere_of_the_norm(p, radius):
    ball = NormBall(p=p, radius=radius)
    curve = ball.boundary()
    np.testing.assert_allclose(ball.norm(curve), radius, rtol=1e-12)
    np.testing.assert_array_equal(curve[0], curve[-1])


def test_l1_boundary_is_the_diamond_through_its_exact_corners():
    curve = NormBall(p=1, radius=2.0).boundary()
    for corner in ([2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -2.0]):
        assert any(np.array_equal(point, corner) for point in curve)


@pytest.mark.parametrize(
    ("ball", "expected"),
    [
        (NormBall(p=1, radius=2.0), [[2, 0], [0, 2], [-2, 0], [0, -2]]),
        (NormBall(p=0.5, radius=1.0), [[1, 0], [0, 1], [-1, 0], [0, -1]]),
        (NormBall(p=math.inf, radius=1.0), [[1, 1], [1, -1], [-1, 1], [-1, -1]]),
        (NormBall(p=2, radius=1.0), np.empty((0, 2))),
    ],
)
def test_vertices(ball, expected):
    vertices = ball.vertices(2)
    assert sorted(map(tuple, vertices.tolist())) == sorted(map(tuple, np.array(expected, float)))


def test_corners_on_the_axes_only_for_p_at_most_one():
    assert NormBall(p=1).has_axis_corners and NormBall(p=0.4).has_axis_corners
    assert not NormBall(p=1.2).has_axis_corners and not NormBall(p=2).has_axis_corners


@given(radius=st.floats(0.05, 10.0), l1_ratio=st.floats(0.0, 1.0))
def test_elastic_net_boundary_and_corners(radius, l1_ratio):
    ball = ElasticNetBall(radius=radius, l1_ratio=l1_ratio)
    np.testing.assert_allclose(ball.penalty(ball.boundary(90)), radius, rtol=1e-12)
    for corner in ball.vertices(2):
        assert ball.penalty(corner) == pytest.approx(radius, rel=1e-12)
        assert np.count_nonzero(corner) == 1
    assert ball.has_axis_corners == (l1_ratio > 0)


def test_elastic_net_limits_are_the_diamond_and_the_disc():
    assert ElasticNetBall(radius=2.0, l1_ratio=1.0).vertices(2).max() == 2.0
    assert ElasticNetBall(radius=4.0, l1_ratio=0.0).penalty(np.array([2.0, 0.0])) == 4.0


@pytest.mark.parametrize("p", [0.5, 1.0, 1.5, 2.0, math.inf])
def test_every_norm_ball_crosses_the_axes_at_its_radius(p):
    ball = NormBall(p=p, radius=1.7)
    assert ball.axis_intercept == 1.7
    assert ball.norm(np.array([ball.axis_intercept, 0.0])) == pytest.approx(1.7)


@pytest.fixture(scope="module")
def lesson():
    """The Training page's bowl and lasso weight (its race's ``loss`` and ``lam``)."""
    return SimpleNamespace(loss=lesson_problem(seed=0).loss, lam=LESSON_LAM)


def test_the_contours_are_level_sets_of_the_full_objective_with_kinks_on_the_axes(lesson):
    levels = [5.0, 8.0]
    curve = objective_contours(lesson.loss, lesson.lam, levels)
    points = curve[~np.isnan(curve[:, 0])]
    values = np.array([objective_value(lesson.loss, lesson.lam, w) for w in points])
    nearest = np.min(np.abs(values[:, None] - np.array(levels)[None, :]), axis=1)
    assert np.all(nearest < 1e-2 * max(levels))  # the chord's end on an axis, within a pixel
    on_curve = np.all(np.abs(points) > 1e-9, axis=1)
    assert np.max(nearest[on_curve & (nearest > 1e-6)], initial=0.0) < 5e-2
    assert np.median(nearest) < 1e-9  # the rest exactly on the level
    assert np.any(np.abs(points[:, 0]) < 1e-12)  # pieces end on the w2 axis


# --- The elastic net's budget is in its own units ---------------------------------------


def test_the_elastic_net_corners_lie_inside_the_diamond_for_t_above_1_outside_below():
    for alpha in (0.1, 0.5, 0.9):
        for t in (0.25, 0.5, 0.99):
            assert ElasticNetBall(t, alpha).axis_intercept > t
        for t in (1.01, 2.0, 5.0):
            assert ElasticNetBall(t, alpha).axis_intercept < t
        assert ElasticNetBall(1.0, alpha).axis_intercept == pytest.approx(1.0)
    # "smaller for t > 1" would be false: along the diagonal it reaches past the diamond
    diagonal = np.array([0.8, 0.8])
    assert ElasticNetBall(1.5, 0.5).contains(diagonal)
    assert not NormBall(1, 1.5).contains(diagonal)
