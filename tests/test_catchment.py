"""The exact catchment geometry: wedges, their areas, and agreement with the solver."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from lessons import tour
from solvers import solve_constrained
from studies.catchment import (
    axis_catchments,
    catchment_shares,
    clip_to_square,
    polygon_area,
    polygon_disc_area,
)
from studies.ensembles import hessians_from_shape, sample_centers
from studies.landing import INSIDE, ON_W1_AXIS, ON_W2_AXIS, landing_batch
from studies.odds import wilson_interval

Z_999 = 3.2905267314918945  # a 99.9% interval: several fixed-seed cases must all pass


def _hessian(condition: float, angle: float) -> np.ndarray:
    return hessians_from_shape(np.array([condition]), np.array([angle]))[0]


def test_round_bowls_and_the_square_match_the_hand_computed_area():
    # H = I, t = 2: the wedge at (2, 0) is |y| <= x - 2; inside [-10, 10]^2
    # its area is the integral of 2 (x - 2) for x in [2, 10] = 64, four times.
    shares = catchment_shares(np.eye(2), NormBall(p=1, radius=2.0), "square", 10.0)
    assert shares.on_axis == pytest.approx(4 * 64 / 400, rel=1e-14)
    assert shares.inside == pytest.approx(8 / 400, rel=1e-14)
    assert shares.on_axis_given_outside == pytest.approx(256 / 392, rel=1e-14)


def test_the_l2_catchments_are_rays_with_exactly_zero_area():
    for condition, angle in [(1.0, 0.0), (30.0, 20.0), (1e4, 77.0)]:
        shares = catchment_shares(_hessian(condition, angle), NormBall(p=2, radius=1.0), "disk", 4)
        assert shares.axis == (0.0, 0.0)
        assert shares.inside == pytest.approx(1 / 16, rel=1e-14)
        assert all(not c.has_area for c in axis_catchments(_hessian(condition, angle), NormBall(2)))


def test_a_disc_inside_the_diamond_has_exactly_no_centre_on_an_axis():
    shares = catchment_shares(_hessian(20.0, 30.0), NormBall(p=1, radius=1.0), "disk", 0.5)
    assert shares.axis == (0.0, 0.0)
    assert shares.inside == 1.0
    assert shares.elsewhere == 0.0


@pytest.mark.parametrize(
    ("condition", "angle", "radius", "domain", "spread", "seed"),
    [
        (1.0, 0.0, 1.0, "disk", 4.0, 1),
        (5.0, 25.0, 1.0, "disk", 3.0, 2),
        (40.0, 100.0, 2.0, "square", 10.0, 3),
        (300.0, 60.0, 0.5, "square", 2.0, 4),
        (8.0, 135.0, 1.5, "disk", 1.6, 5),
    ],
)
def test_exact_shares_lie_in_the_interval_of_a_large_monte_carlo_run(
    condition, angle, radius, domain, spread, seed
):
    hessian = _hessian(condition, angle)
    ball = NormBall(p=1, radius=radius)
    exact = catchment_shares(hessian, ball, domain, spread)
    centers = sample_centers(np.random.default_rng(seed), 400_000, spread, domain)
    codes = landing_batch(centers, hessian, ball)
    for code, share in [
        (ON_W1_AXIS, exact.axis[0]),
        (ON_W2_AXIS, exact.axis[1]),
        (INSIDE, exact.inside),
    ]:
        low, high = wilson_interval(int(np.count_nonzero(codes == code)), codes.size, Z_999)
        assert low <= share <= high, (code, low, share, high)


@given(
    condition=st.floats(1.0, 1e3),
    angle=st.floats(0.0, 180.0),
    along=st.floats(0.05, 5.0),
    l1_ratio=st.sampled_from([1.0, 0.6, 0.2]),
)
def test_wedge_edges_separate_axis_landings_from_the_rest(condition, angle, along, l1_ratio):
    hessian = _hessian(condition, angle)
    region = NormBall(p=1) if l1_ratio == 1.0 else ElasticNetBall(1.0, l1_ratio)
    for catchment in axis_catchments(hessian, region):
        d1, d2 = catchment.directions
        for edge, into in ((d1, d2), (d2, d1)):
            on_edge = catchment.apex + along * edge
            # A step across the edge, towards and away from the wedge's inside.
            normal = np.array([-edge[1], edge[0]])
            normal *= np.sign(normal @ into)
            step = 1e-6 * (1.0 + along)
            for side, lands_on_axis in ((+1.0, True), (-1.0, False)):
                center = on_edge + side * step * normal
                w = solve_constrained(QuadraticLoss(center=center, hessian=hessian), region).w
                assert bool(w[1 - catchment.axis] == 0.0) is lands_on_axis


@given(
    points=st.lists(
        st.tuples(st.floats(-3, 3), st.floats(-3, 3)), min_size=3, max_size=3, unique=True
    ),
    radius=st.floats(0.2, 3.0),
)
def test_disc_area_of_a_triangle_matches_a_fine_grid(points, radius):
    triangle = np.array(points)
    area = polygon_area(triangle)
    if abs(area) < 1e-2:
        return
    if area < 0:
        triangle = triangle[::-1]
    exact = polygon_disc_area(triangle, radius)
    # Midpoint rule on a 1200^2 grid over [-3, 3]^2: error ~ perimeter * h.
    h = 6.0 / 1200
    x = -3.0 + h * (np.arange(1200) + 0.5)
    # Only the cells of the triangle's bounding box can count: the same sum, fewer cells.
    low, high = triangle.min(axis=0), triangle.max(axis=0)
    gx, gy = np.meshgrid(x[(x >= low[0]) & (x <= high[0])], x[(x >= low[1]) & (x <= high[1])])
    inside_disc = gx**2 + gy**2 <= radius**2
    a, b, c = triangle

    def side(p, q):
        return (q[0] - p[0]) * (gy - p[1]) - (q[1] - p[1]) * (gx - p[0]) >= 0

    inside = inside_disc & side(a, b) & side(b, c) & side(c, a)
    assert exact == pytest.approx(inside.sum() * h * h, abs=30 * h)
    assert 0.0 <= exact <= min(abs(area), math.pi * radius**2) + 1e-12


def test_square_clipping_keeps_what_is_inside_and_cuts_the_rest():
    triangle = np.array([[0.0, 0.0], [4.0, 0.0], [0.0, 4.0]])
    assert polygon_area(clip_to_square(triangle, 1.0)) == pytest.approx(1.0)
    assert polygon_area(clip_to_square(triangle, 5.0)) == pytest.approx(8.0)
    far = np.array([[10.0, 10.0], [12.0, 10.0], [10.0, 12.0]])
    assert clip_to_square(far, 1.0).shape == (0, 2)


def test_star_regions_have_no_local_catchment_formula():
    with pytest.raises(ValueError, match="region must be convex"):
        axis_catchments(np.eye(2), NormBall(p=0.5))
    with pytest.raises(ValueError, match="hessian"):
        axis_catchments(np.array([[1.0, 2.0], [2.0, 1.0]]), NormBall(p=1))


# --- “Usually” has no fixed value -------------------------------------------------------


def test_the_share_grows_towards_one_as_the_spread_grows_against_the_budget():
    bowl = tour.CATCHMENT_BOWL
    for budget in (1.0, 2.0):
        shares = [
            catchment_shares(bowl, NormBall(1, budget), "disk", k * budget).on_axis
            for k in (1.5, 2.0, 4.0, 10.0, 100.0, 1000.0)
        ]
        assert np.all(np.diff(shares) > 0.0)
        assert shares[-1] > 0.998 and shares[0] < 0.5
