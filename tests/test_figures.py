"""The figure and the words are built from the exact solution, and say what it says."""

import math

import numpy as np
import pytest
from hypothesis import given, settings

from figures.constraint_regions import constraint_figure
from figures.labels import figure_title, format_number
from geometry import NormBall, QuadraticLoss
from lessons.constraint_regions import view_limit
from lessons.words import badge_text, cone_check, landing_sentence, readout_rows
from solvers import solve_constrained, solve_penalized
from tests.problems import losses

CLASSIC = QuadraticLoss.from_shape((1.0, 2.0), (1.0, 4.0), -30.0)  # the app's default view
EDGE = QuadraticLoss(center=(1.0, 2.0), hessian=np.diag([4.0, 1.0]))  # L1 lands at (0.6, 0.4)
INSIDE = QuadraticLoss.from_shape((0.2, 0.3), (1.0, 3.0), 10.0)


def _figure(loss, p, radius=1.0):
    ball = NormBall(p=p, radius=radius)
    solution = solve_constrained(loss, ball)
    return constraint_figure(loss, ball, solution, limit=view_limit(loss, radius)), solution


def _trace(figure, prefix):
    matches = [t for t in figure.data if t.name.startswith(prefix)]
    assert len(matches) == 1, [t.name for t in figure.data]
    return matches[0]


def test_the_touching_contour_is_the_level_of_the_optimum():
    for p in (1, 2):
        figure, solution = _figure(CLASSIC, p)
        contour = _trace(figure, "first contour to touch")
        points = np.column_stack([contour.x, contour.y])
        np.testing.assert_allclose(CLASSIC.value(points), solution.loss, rtol=1e-9)
        # ...and it does not cut into the region: the region's boundary never
        # goes below the touching level (the optimum is the ball's best point).
        ball = _trace(figure, f"L{p}: ")
        boundary = np.column_stack([ball.x, ball.y])
        assert np.min(CLASSIC.value(boundary)) >= solution.loss * (1 - 1e-9)


def test_markers_sit_at_the_two_optima():
    figure, solution = _figure(CLASSIC, 1)
    optimum = _trace(figure, "w = ")
    assert (optimum.x[0], optimum.y[0]) == tuple(solution.w)
    centre = _trace(figure, "ŵ")
    assert (centre.x[0], centre.y[0]) == (1.0, 2.0)
    assert optimum.name == "w = (0, 1)"


def test_the_axis_is_highlighted_exactly_when_a_weight_is_zero():
    figure, _ = _figure(CLASSIC, 1)
    highlight = _trace(figure, "w1 = 0: on the w2 axis")
    assert set(highlight.x) == {0.0}  # the vertical axis
    for loss, p in ((CLASSIC, 2), (EDGE, 1), (INSIDE, 1)):
        figure, _ = _figure(loss, p)
        assert not any("axis" in t.name for t in figure.data)


def test_titles_state_the_conclusion():
    # Two lines: the region, then where the optimum landed and what follows.
    assert _figure(CLASSIC, 1)[0].layout.title.text == "L1<br>corner on the w2 axis → w1 = 0"
    assert (
        _figure(CLASSIC, 2)[0].layout.title.text == "L2<br>a smooth point off the axes → no zeros"
    )
    assert _figure(EDGE, 1)[0].layout.title.text == "L1<br>an edge, not a corner → no zeros"
    assert _figure(INSIDE, 2)[0].layout.title.text == "L2<br>ŵ fits the budget, nothing to shrink"
    square = NormBall(p=math.inf, radius=1.0)
    assert figure_title(square, solve_constrained(CLASSIC, square)) == (
        "L∞: a corner off the axes → no zeros"
    )
    star = NormBall(p=0.5, radius=1.0)
    assert figure_title(star, solve_constrained(CLASSIC, star)) == (
        "L0.5: spike on the w2 axis → w1 = 0"
    )
    assert figure_title(None, solve_penalized(CLASSIC, "l1", 10.0)) == (
        "The penalty wins outright → w = 0"
    )


def test_the_normal_cone_is_drawn_at_the_optimum():
    figure, solution = _figure(CLASSIC, 1)
    assert not any(t.name.startswith("normal cone") for t in figure.data)  # off by default
    ball = NormBall(p=1, radius=1.0)
    figure = constraint_figure(
        CLASSIC, ball, solution, limit=view_limit(CLASSIC, 1.0), show_cone=True
    )
    wedge = _trace(figure, "normal cone: a wedge of 90°")
    outline = np.column_stack([wedge.x, wedge.y])
    np.testing.assert_array_equal(outline[0], solution.w)  # anchored at the corner
    directions = outline[1:-1] - solution.w
    # Between (-1, 1) and (1, 1): every edge direction of the wedge points up, |dx| <= dy.
    assert np.all(np.abs(directions[:, 0]) <= directions[:, 1] + 1e-12)
    arrow = _trace(figure, "−∇L(w)")
    pull = np.array([arrow.x[1] - arrow.x[0], arrow.y[1] - arrow.y[0]])
    expected = -CLASSIC.gradient(solution.w)
    assert abs(pull[0] * expected[1] - pull[1] * expected[0]) < 1e-9 * np.linalg.norm(expected)
    assert pull @ expected > 0


def test_cone_check_in_numbers():
    solution = solve_constrained(CLASSIC, NormBall(p=1, radius=1.0))
    text = cone_check(CLASSIC, NormBall(p=1, radius=1.0), solution)
    g = -CLASSIC.gradient(solution.w)
    assert f"|{format_number(g[0])}| ≤ {format_number(g[1])}: it holds" in text
    smooth = solve_constrained(CLASSIC, NormBall(p=2, radius=1.0))
    assert "single ray" in cone_check(CLASSIC, NormBall(p=2, radius=1.0), smooth)
    star = NormBall(p=0.5, radius=1.0)
    assert "whole half-plane" in cone_check(CLASSIC, star, solve_constrained(CLASSIC, star))


def test_geometry_is_drawn_with_equal_aspect_and_labelled_axes():
    figure, _ = _figure(CLASSIC, 2)
    assert figure.layout.yaxis.scaleanchor == "x" and figure.layout.yaxis.scaleratio == 1
    assert figure.layout.xaxis.title.text == "w1" and figure.layout.yaxis.title.text == "w2"
    limit = view_limit(CLASSIC, 1.0)
    assert tuple(figure.layout.xaxis.range) == (-limit, limit)
    assert limit > 2.0  # ŵ = (1, 2) is in view


def test_no_touching_contour_when_the_constraint_is_slack():
    figure, solution = _figure(INSIDE, 1)
    assert not solution.active
    assert not any(t.name.startswith("first contour") for t in figure.data)


def test_a_chart_stays_small():
    figure, _ = _figure(CLASSIC, 1)
    assert len(figure.to_json()) < 150_000


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (0.48030815, "0.4803"),
        (3.2e-17, "3.200e-17"),
        (-2.5e-5, "-2.500e-05"),
        (12345.6, "1.235e+04"),
    ],
)
def test_numbers_show_exact_zero_and_tiny_non_zero_differently(value, text):
    assert format_number(value) == text


def test_sentences_for_every_kind_of_landing():
    cases = [
        (CLASSIC, 1, "touches it at its corner on the w2 axis, so w1 = 0 exactly."),
        (CLASSIC, 2, "touches it at a smooth point (at 61° from the w1 axis)"),
        (CLASSIC, math.inf, "touches it at a corner, (1, 1): the square's corners lie off"),
        (CLASSIC, 0.5, "touches it at the tip of its spike on the w2 axis, so w1 = 0 exactly"),
        (EDGE, 1, "touches it along an edge (w1 > 0, w2 > 0), not at a corner"),
        (INSIDE, 1, "already lies inside the diamond, so the budget does not bind"),
        (
            QuadraticLoss(center=(0.0, 3.0), hessian=np.diag([1.0, 5.0])),
            2,
            "w1 = 0 by coincidence of the data, a set of centres of zero area",
        ),
    ]
    for loss, p, phrase in cases:
        ball = NormBall(p=p, radius=1.0)
        assert phrase in landing_sentence(ball, solve_constrained(loss, ball))


def test_badges_and_readout():
    solution = solve_constrained(CLASSIC, NormBall(p=1, radius=1.0))
    assert badge_text(solution) == "w1 = 0 exactly: sparse"
    rows = dict(readout_rows(solution))
    assert rows["w"] == "(0, 1)" and rows["‖w‖₁"] == "1" and rows["constraint active"] == "yes"
    assert rows["KKT multiplier λ"] == format_number(solution.multiplier)
    origin = solve_constrained(QuadraticLoss(center=(0.0, 0.0), hessian=np.eye(2)), NormBall(1))
    assert badge_text(origin) == "w = 0 exactly: every weight is zero"


def test_the_lambda_axis_has_a_width_for_a_centre_at_or_next_to_zero():
    # Found by review: ?c1=0&c2=5e-324 raised StopIteration (10**floor(log10) underflowed).
    from geometry import QuadraticLoss
    from studies.budget_path import MIN_LAMBDA_RANGE, lambda_range

    for centre in ((0.0, 5e-324), (0.0, 0.0), (1e-300, -1e-300)):
        loss = QuadraticLoss(center=np.array(centre), hessian=np.eye(2))
        upper = lambda_range(loss, [])
        assert MIN_LAMBDA_RANGE <= upper <= 10 * MIN_LAMBDA_RANGE
    loss = QuadraticLoss(center=np.array([1.0, 2.0]), hessian=np.eye(2))
    assert lambda_range(loss, []) == 5.0  # 1.15 * 2 = 2.3, rounded up to 1-2-5


@settings(max_examples=60, deadline=None)
@given(loss=losses(max_log10_condition=3.0))
def test_the_budget_curves_equal_one_exact_solve_per_lambda(loss):
    """The paths (homotopy, one eigendecomposition) against face enumeration at each point."""
    from studies.budget_path import budget_curves, lambda_range

    curves = budget_curves(loss, lambda_range(loss, []))
    for penalty, (lams, budgets) in curves.items():
        solved = np.array([solve_penalized(loss, penalty, lam).radius for lam in lams])
        scale = max(float(np.abs(solved).max()), 1e-300)
        assert np.max(np.abs(budgets - solved)) <= 1e-9 * scale
    lams, l1 = curves["l1"]
    assert np.all(l1[lams >= float(np.max(np.abs(loss.linear_term)))] == 0.0)  # exactly 0
    if np.linalg.norm(loss.center) > 1e-150:  # (a norm of ~1e-301 underflows to 0)
        assert np.all(curves["l2"][1] > 0.0)  # ridge's budget only tends to 0
