"""The whole family: the square, any p, the elastic net; their oracles and certificates."""

import math

import cvxpy as cp
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import root_scalar

from geometry import ElasticNetBall, NormBall, QuadraticLoss, normal_cone
from solvers import solve_constrained, solve_penalized
from tests.oracles import CLARABEL_TIGHT, OSQP_TIGHT, ConvexOracle
from tests.problems import losses, radii, random_loss, random_loss_nd, term_scale

N_PROBLEMS = 1000


def _loss_shortfall(ours, reference_w, measure, radius, loss):
    """How much worse our loss is than the conic oracle's, relatively (0 if ours is better).

    The oracle's point is first pulled radially into the region: conic
    solvers return points outside it by ~1e-9 (the p-norm cones' rational
    approximations), and a loss bought with infeasibility is no standard. A
    conic objective also carries an absolute error near its gap tolerance, so
    losses near 0 are compared on the problem's scale L(0) * 1e-6.
    """
    size = measure(reference_w)
    if size > radius:
        low, high = 0.0, 1.0  # the largest s in [0, 1] with measure(s w) <= radius
        for _ in range(200):
            middle = 0.5 * (low + high)
            low, high = (middle, high) if measure(middle * reference_w) <= radius else (low, middle)
        reference_w = low * reference_w
    scale = max(ours.loss, 1e-6 * loss.value(np.zeros(loss.dim)))
    return max(0.0, ours.loss - loss.value(reference_w)) / scale


def _bridge_kkt_residual(loss, w, multiplier, p):
    """grad + lam p |w|^(p-1) sgn(w) = 0 on the non-zero coordinates, relative."""
    gradient = loss.gradient(w)
    nonzero = w != 0.0
    residual = gradient[nonzero] + multiplier * p * np.abs(w[nonzero]) ** (p - 1) * np.sign(
        w[nonzero]
    )
    return float(np.max(np.abs(residual))) / term_scale(loss, w, multiplier)


# --- the square -----------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3])
def test_square_matches_osqp(n):
    rng = np.random.default_rng(50 + n)
    oracle = ConvexOracle(n, lambda w, t: cp.norm_inf(w) <= t)
    faces = set()
    for _ in range(N_PROBLEMS if n == 2 else 200):
        loss = random_loss(rng) if n == 2 else random_loss_nd(rng, n, 3.0)
        radius = float(np.max(np.abs(loss.center)) * rng.uniform(0.05, 1.5)) + 1e-3
        ours = solve_constrained(loss, NormBall(p=math.inf, radius=radius))
        reference, _ = oracle.solve(loss, radius, **OSQP_TIGHT)
        error = np.max(np.abs(ours.w - reference)) / max(1.0, np.max(np.abs(ours.w)))
        assert error < 1e-7, (loss, radius, ours, reference)
        if ours.active:  # lam = ||grad||_1: w minimises loss + lam ||w||_inf
            assert ours.multiplier == pytest.approx(np.sum(np.abs(loss.gradient(ours.w))))
        faces.add(ours.face)
    assert {"interior", "vertex", "edge"} <= faces


# --- any p >= 1 -------------------------------------------------------------------------


def _second_method_lp(loss, p, radius):
    """Tangencies in the two coordinate charts, roots by TOMS 748; the best one.

    Chart k takes w_k = x as the unknown and the other coordinate
    ±(t^p - |x|^p)^(1/p); each chart is regular away from its own ends, and
    together they cover the whole boundary.
    """
    best = None
    for free in (0, 1):
        for side in (1.0, -1.0):

            def point(x, free=free, side=side):
                # x is one abscissa or an array of them: the sign scan is vectorised.
                x = np.asarray(x, dtype=np.float64)
                w = np.empty((*x.shape, 2))
                w[..., free] = x
                w[..., 1 - free] = side * (radius**p - np.abs(x) ** p) ** (1.0 / p)
                return w

            def slope(x, free=free, side=side, point=point):
                w = point(x)
                other = np.abs(w[..., 1 - free])
                dependent = -np.sign(x) * np.abs(x) ** (p - 1) / (side * other ** (p - 1))
                g = loss.gradient(w)
                return g[..., free] + g[..., 1 - free] * dependent

            # |x| <= 0.99 t keeps the chart off its singular ends; the other
            # chart covers those (|w_k| <= 2^(-1/p) t < 0.99 t for one k when p <= 10).
            grid = np.linspace(-0.99, 0.99, 4001) * radius
            values = slope(grid)
            for k in np.flatnonzero((values[:-1] < 0) != (values[1:] < 0)):
                root = root_scalar(
                    slope, bracket=(grid[k], grid[k + 1]), method="toms748", xtol=1e-300, rtol=1e-15
                ).root
                w = point(root)
                if best is None or loss.value(w) < loss.value(best):
                    best = w
    return best


@pytest.mark.parametrize("p", [1.2, 1.5, 3.0, 4.5, 10.0])
def test_any_p_at_least_one_matches_clarabel_kkt_and_a_second_method(p):
    rng = np.random.default_rng(int(p * 10))
    oracle = ConvexOracle(2, lambda w, t, p=p: cp.pnorm(w, p) <= t)
    count = N_PROBLEMS // 5
    for _ in range(count):
        loss = random_loss(rng, max_log10_condition=3.0)
        radius = float(NormBall(p=p).norm(loss.center) * rng.uniform(0.05, 1.5)) + 1e-3
        ours = solve_constrained(loss, NormBall(p=p, radius=radius))
        reference_w, _ = oracle.solve(loss, radius, **CLARABEL_TIGHT)
        assert NormBall(p=p).norm(ours.w) <= radius * (1 + 1e-12)
        if not ours.active:
            np.testing.assert_array_equal(ours.w, loss.center)
            continue
        shortfall = _loss_shortfall(ours, reference_w, NormBall(p=p).norm, radius, loss)
        assert shortfall < 1e-7, (loss, radius, ours, reference_w)
        assert _bridge_kkt_residual(loss, ours.w, ours.multiplier, p) < 1e-9
        assert ours.multiplier > 0
        np.testing.assert_allclose(ours.w, _second_method_lp(loss, p, radius), atol=1e-8 * radius)


# --- the elastic net ----------------------------------------------------------------------


@pytest.mark.parametrize("l1_ratio", [0.0, 0.2, 0.5, 0.8, 1.0])
def test_elastic_net_matches_clarabel_and_the_penalised_form(l1_ratio):
    rng = np.random.default_rng(int(l1_ratio * 100) + 7)
    a = l1_ratio
    oracle = ConvexOracle(2, lambda w, t, a=a: a * cp.norm1(w) + (1 - a) * cp.sum_squares(w) <= t)
    faces = set()
    for _ in range(N_PROBLEMS // 5):
        loss = random_loss(rng, max_log10_condition=3.0)
        scale = ElasticNetBall(radius=1.0, l1_ratio=a).penalty(loss.center)
        ball = ElasticNetBall(radius=float(scale * rng.uniform(0.05, 1.5)) + 1e-3, l1_ratio=a)
        ours = solve_constrained(loss, ball)
        faces.add(ours.face)
        reference_w, _ = oracle.solve(loss, ball.radius, **CLARABEL_TIGHT)
        assert ball.penalty(ours.w) <= ball.radius * (1 + 1e-12)
        if not ours.active:
            continue
        shortfall = _loss_shortfall(ours, reference_w, ball.penalty, ball.radius, loss)
        assert shortfall < 1e-7, (loss, ball, ours, reference_w)
        # KKT with the elastic-net multiplier: 0 in g + lam (a dl1 + 2 (1 - a) w).
        g = loss.gradient(ours.w)
        smooth = g + ours.multiplier * 2 * (1 - a) * ours.w
        on = ours.w != 0
        scale_terms = term_scale(loss, ours.w, ours.multiplier)
        assert (
            np.max(np.abs(smooth[on] + ours.multiplier * a * np.sign(ours.w[on])), initial=0)
            < 1e-9 * scale_terms
        )
        assert np.all(np.abs(smooth[~on]) <= ours.multiplier * a + 1e-9 * scale_terms)
        # A second exact method: the penalised form at that lambda (linear systems, no root).
        penalised = solve_penalized(loss, "elasticnet", ours.multiplier, l1_ratio=a)
        np.testing.assert_allclose(penalised.w, ours.w, rtol=1e-8, atol=1e-10 * ball.radius)
        assert penalised.zeros == ours.zeros
    assert "interior" in faces
    if a > 0:
        assert {"vertex", "edge"} <= faces


def test_elastic_net_in_three_dimensions_matches_clarabel():
    rng = np.random.default_rng(3)
    oracle = ConvexOracle(3, lambda w, t: 0.5 * cp.norm1(w) + 0.5 * cp.sum_squares(w) <= t)
    for _ in range(100):
        loss = random_loss_nd(rng, 3, 2.0)
        ball = ElasticNetBall(radius=float(rng.uniform(0.2, 2.0)), l1_ratio=0.5)
        ours = solve_constrained(loss, ball)
        reference_w, _ = oracle.solve(loss, ball.radius, **CLARABEL_TIGHT)
        if ours.active:
            assert _loss_shortfall(ours, reference_w, ball.penalty, ball.radius, loss) < 1e-7


# --- p < 1: the non-convex star ------------------------------------------------------------


def _boundary_neighbours(w, p, radius):
    """Boundary points just beside ``w`` on both sides, through the chart of its small coordinate.

    A smooth local minimum holds in a neighbourhood of ordinary size. A p < 1
    corner with the pull outward along its axis is a strict local minimum too,
    but its neighbourhood can be microscopic: along the spike's edge the axis
    coordinate falls like d^p / p while the other grows like d, so the gain
    d^p g_i / p beats the loss d g_j only for d below (g_i / (p g_j))^(1/(1-p)).
    """
    small = int(np.argmin(np.abs(w)))
    side = np.sign(w[1 - small])
    steps = (1e-15, 1e-14) if w[small] == 0.0 else (1e-8, 1e-7, 1e-6)
    points = []
    for step in steps:
        for direction in (1.0, -1.0):
            u = w[small] + direction * step * radius
            point = np.empty(2)
            point[small] = u
            point[1 - small] = side * (radius**p - abs(u) ** p) ** (1.0 / p)
            points.append(point)
    return np.array(points)


@pytest.mark.parametrize("p", [0.3, 0.5, 0.8])
def test_star_global_optimum_agrees_with_a_dense_boundary_scan(p):
    rng = np.random.default_rng(int(p * 100))
    ball = NormBall(p=p, radius=1.0)
    scan = ball.boundary(400_000)
    for _ in range(100):
        loss = random_loss(rng, max_log10_condition=2.0, center_scale=2.0)
        ours = solve_constrained(loss, ball)
        if not ours.active:
            continue
        scanned = loss.value(scan)
        best = scan[np.argmin(scanned)]
        # Nothing on the boundary beats the reported optimum...
        assert ours.loss <= np.min(scanned) * (1 + 1e-9) + 1e-12
        # ...and the scan's best point is next to it (or ties with it in loss).
        assert (
            np.linalg.norm(best - ours.w) < 2e-3
            or abs(loss.value(best) - ours.loss) <= 1e-6 * ours.loss
        )
        np.testing.assert_array_equal(ours.local_minima[0], ours.w)
        for local in ours.local_minima:
            assert ball.norm(local) == pytest.approx(1.0, rel=1e-12)
            neighbours = _boundary_neighbours(local, p, 1.0)
            assert np.min(loss.value(neighbours)) >= loss.value(local) * (1 - 1e-12) - 1e-15


def test_star_corners_catch_the_optimum_when_the_pull_is_outward_along_the_axis():
    ball = NormBall(p=0.5, radius=1.0)
    # The classic picture: the diamond lands on the w2 corner; the star keeps it
    # there and also holds local minima at the w1 corner.
    loss = QuadraticLoss.from_shape((1.0, 2.0), (1.0, 4.0), -30.0)
    solution = solve_constrained(loss, ball)
    assert solution.face == "vertex" and solution.zeros == (0,)
    corners = [tuple(w) for w in solution.local_minima if 0.0 in w]
    assert (0.0, 1.0) in corners and (1.0, 0.0) in corners


# --- certificates drawn on the page: the normal cone -------------------------------------------


REGIONS = [
    NormBall(p=1),
    NormBall(p=2),
    NormBall(p=math.inf),
    NormBall(p=1.5),
    NormBall(p=4.0),
    ElasticNetBall(l1_ratio=0.5),
    ElasticNetBall(l1_ratio=0.1),
]


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: repr(r))
@given(loss=losses(max_log10_condition=3.0), radius=radii)
def test_the_negative_gradient_lies_in_the_normal_cone(region, loss, radius):
    region = type(region)(**{**region.__dict__, "radius": radius})
    solution = solve_constrained(loss, region)
    cone = normal_cone(region, solution.w)
    if not solution.active:
        # w = c: no pull at all. Strictly inside the cone is {0}; on the boundary
        # (c exactly on it) any cone contains the zero vector.
        np.testing.assert_array_equal(loss.gradient(solution.w), 0.0)
        assert cone.kind == "zero" or region.contains(solution.w, rtol=1e-12)
        return
    rounding = 1e-9 * term_scale(loss, solution.w, solution.multiplier)
    assert cone.contains(-loss.gradient(solution.w), rtol=1e-7, atol=rounding)
    # Corners (exact zeros or, for the square, both bounds) have wedges; smooth points rays.
    assert (cone.kind == "wedge") == (solution.face == "vertex")


@given(loss=losses(max_log10_condition=3.0), radius=radii, p=st.sampled_from([0.3, 0.6]))
def test_star_optimum_at_a_corner_has_the_pull_in_its_half_plane(loss, radius, p):
    ball = NormBall(p=p, radius=radius)
    solution = solve_constrained(loss, ball)
    if solution.face == "vertex":
        cone = normal_cone(ball, solution.w)
        assert cone.kind == "halfplane"
        assert cone.contains(-loss.gradient(solution.w))
