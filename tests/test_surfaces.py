"""3-D meshes: closed, outward, on their surfaces, and the touching ellipsoid is tangent."""

import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from geometry.group_lasso import GroupLassoBall
from geometry.surfaces import (
    PAGE_SUBDIVISIONS,
    Mesh,
    Octahedron,
    elastic_net_mesh,
    group_lasso_mesh,
    level_set_mesh,
    payload_bytes,
    sphere_mesh,
)
from solvers import solve_constrained
from solvers.group_lasso import solve_group_lasso_ball
from tests.problems import random_loss_nd


def _signed_volume(mesh: Mesh) -> float:
    a, b, c = (mesh.vertices[mesh.triangles[:, i]] for i in range(3))
    return float(np.sum(np.einsum("ij,ij->i", a, np.cross(b, c)))) / 6.0


def _assert_closed_and_outward(mesh: Mesh) -> None:
    """Every directed edge once and its reverse once (closed, consistently oriented),
    a sphere's Euler characteristic, no flat triangle, positive enclosed volume."""
    triangles = mesh.triangles
    directed = Counter(
        (int(t[i]), int(t[(i + 1) % 3])) for t in triangles.tolist() for i in range(3)
    )
    assert max(directed.values()) == 1
    assert all((b, a) in directed for a, b in directed)
    edges = len(directed) // 2
    assert len(mesh.vertices) - edges + len(triangles) == 2
    assert np.unique(triangles).size == len(mesh.vertices)  # no stray vertex
    a, b, c = (mesh.vertices[triangles[:, i]] for i in range(3))
    assert np.min(np.linalg.norm(np.cross(b - a, c - a), axis=1)) > 0.0
    assert _signed_volume(mesh) > 0.0


def test_the_octahedron_has_its_pieces_and_they_follow_the_zeros():
    octahedron = Octahedron(radius=1.5)
    _assert_closed_and_outward(octahedron.mesh)
    assert octahedron.vertices.shape == (6, 3) and len(octahedron.faces) == 8
    lengths = np.linalg.norm(np.subtract(*octahedron.vertices[octahedron.edges.T]), axis=1)
    np.testing.assert_allclose(lengths, 1.5 * math.sqrt(2.0), rtol=1e-15)
    assert len({frozenset(e) for e in octahedron.edges.tolist()}) == 12
    assert _signed_volume(octahedron.mesh) == pytest.approx(4.0 / 3.0 * 1.5**3, rel=1e-14)
    for face in octahedron.faces:  # each face's outward normal is its octant's sign vector
        a, b, c = octahedron.vertices[face]
        normal = np.cross(b - a, c - a)
        np.testing.assert_allclose(normal / np.abs(normal), np.sign(a + b + c))
    rng = np.random.default_rng(1)
    sizes = Counter()
    for _ in range(300):
        loss = random_loss_nd(rng, 3, center_scale=3.0)
        solution = solve_constrained(loss, NormBall(p=1, radius=1.5))
        if not solution.active:
            continue
        corners = octahedron.piece(solution.w)
        assert len(corners) == 3 - len(solution.zeros)
        sizes[solution.face] += 1
        # w is a convex combination of the piece's corners: weights |w_i| / t summing to 1.
        weights = np.abs(solution.w[np.flatnonzero(solution.w)]) / 1.5
        np.testing.assert_allclose(weights @ corners, solution.w, atol=1e-14)
        assert weights.sum() == pytest.approx(1.0, rel=1e-12) and np.all(weights > 0.0)
    assert set(sizes) == {"vertex", "edge", "face"}


@given(st.floats(0.1, 10.0), st.floats(0.0, 1.0), st.integers(1, 16))
def test_elastic_net_mesh_lies_on_its_boundary_through_the_corners(radius, ratio, subdivisions):
    ball = ElasticNetBall(radius=radius, l1_ratio=ratio)
    mesh = elastic_net_mesh(ball, subdivisions)
    _assert_closed_and_outward(mesh)
    np.testing.assert_allclose(ball.penalty(mesh.vertices), radius, rtol=1e-13)
    if ratio > 0.0:
        for corner in ball.vertices(3):
            assert np.min(np.max(np.abs(mesh.vertices - corner), axis=1)) <= 1e-15 * radius


@pytest.mark.parametrize("groups", [((0, 1), (2,)), ((2, 0), (1,))])
def test_double_cone_mesh_has_its_tips_and_rim(groups):
    ball = GroupLassoBall(radius=2.0, groups=groups)
    mesh = group_lasso_mesh(ball, subdivisions=PAGE_SUBDIVISIONS)
    _assert_closed_and_outward(mesh)
    np.testing.assert_allclose(ball.norm(mesh.vertices), 2.0, rtol=1e-15)
    for tip in ball.vertices():
        assert np.any(np.all(mesh.vertices == tip, axis=1))
    # The rim (single coordinate exactly 0) is a closed loop of mesh edges.
    (single,) = next(g for g in groups if len(g) == 1)
    rim = set(np.flatnonzero(mesh.vertices[:, single] == 0.0).tolist())
    neighbours = Counter()
    for triangle in mesh.triangles.tolist():
        for a, b in zip(triangle, triangle[1:] + triangle[:1], strict=True):
            if a in rim and b in rim:
                neighbours[a] += 1
                neighbours[b] += 1
    assert len(rim) == 4 * PAGE_SUBDIVISIONS and set(neighbours.values()) == {4}
    volume = 2.0 / 3.0 * math.pi * 2.0**3  # two cones of height t over the disc of radius t
    assert 0.97 * volume < _signed_volume(mesh) < volume


def test_sphere_and_ellipsoid_meshes_lie_on_their_surfaces():
    sphere = sphere_mesh(radius=0.7)
    _assert_closed_and_outward(sphere)
    np.testing.assert_allclose(np.linalg.norm(sphere.vertices, axis=1), 0.7, rtol=1e-15)
    assert 0.98 < _signed_volume(sphere) / (4.0 / 3.0 * math.pi * 0.7**3) < 1.0
    rng = np.random.default_rng(2)
    for _ in range(20):
        loss = random_loss_nd(rng, 3)
        level = float(10.0 ** rng.uniform(-3.0, 2.0))
        mesh = level_set_mesh(loss, level)
        _assert_closed_and_outward(mesh)
        # Vertices are stored as c + offset: a small ellipsoid far from the origin keeps
        # only eps |c| / |offset| of its offset, hence 1e-10 rather than 1e-15.
        np.testing.assert_allclose(loss.value(mesh.vertices), level, rtol=1e-10)
        exact = 4.0 / 3.0 * math.pi * np.prod(np.sqrt(2.0 * level / loss.eigh[0]))
        assert 0.98 < _signed_volume(mesh) / exact < 1.0


REGIONS = {
    "L1": (NormBall(p=1, radius=1.0), lambda w: np.sum(np.abs(w), axis=-1)),
    "L2": (NormBall(p=2, radius=1.0), lambda w: np.linalg.norm(w, axis=-1)),
    "elastic net": (ElasticNetBall(radius=1.0, l1_ratio=0.5), ElasticNetBall(1.0, 0.5).penalty),
    "group lasso": (GroupLassoBall(radius=1.0), GroupLassoBall(1.0).norm),
}


def _boundary_points(name, region):
    """A fine sample of the region's boundary, with its corners: the normal cone's test set."""
    if name == "L1":
        return elastic_net_mesh(ElasticNetBall(radius=1.0, l1_ratio=1.0), 40).vertices
    if name == "L2":
        return sphere_mesh(1.0, 40).vertices
    if name == "elastic net":
        return elastic_net_mesh(region, 40).vertices
    return group_lasso_mesh(region, 40).vertices


def _solve(region, loss):
    if isinstance(region, GroupLassoBall):
        return solve_group_lasso_ball(loss, region)
    return solve_constrained(loss, region)


@pytest.mark.parametrize("name", list(REGIONS))
def test_the_drawn_ellipsoid_touches_the_region_tangentially(name):
    region, measure = REGIONS[name]
    boundary = _boundary_points(name, region)
    rng = np.random.default_rng(len(name))
    touched = 0
    for _ in range(60):
        loss = random_loss_nd(rng, 3, max_log10_condition=3.0, center_scale=2.0)
        solution = _solve(region, loss)
        if not solution.active:
            continue
        touched += 1
        w = solution.w
        ellipsoid = level_set_mesh(loss, solution.loss)
        # The optimum is on the drawn surface, and the drawn surface never enters the region.
        assert loss.value(w) == pytest.approx(solution.loss, rel=1e-12)
        assert np.min(measure(ellipsoid.vertices)) >= 1.0 - 1e-9
        # The ellipsoid's inward normal H (c - w*) lies in the region's normal cone at w*:
        # no point x of the region goes further along it than w* does.
        normal = loss.hessian @ (loss.center - w)
        reach = (boundary - w) @ normal
        assert np.max(reach) <= 1e-9 * np.linalg.norm(normal), (loss, solution)
        if name == "L2":  # a control: tilt the normal off the ray and the test must fail
            tilt = np.cross(normal, rng.normal(size=3))
            tilted = normal + 0.05 * np.linalg.norm(normal) * tilt / np.linalg.norm(tilt)
            assert np.max((boundary - w) @ tilted) > 1e-4 * np.linalg.norm(normal)
    assert touched > 30


def test_the_page_meshes_fit_the_payload_budget():
    rng = np.random.default_rng(3)
    loss = random_loss_nd(rng, 3, center_scale=2.0)
    meshes = [Octahedron(1.0).mesh]
    for name, (region, _) in REGIONS.items():
        if name != "L1":
            meshes.append(_boundary_mesh(region))
        meshes.append(level_set_mesh(loss, _solve(region, loss).loss))
    mesh3d = meshes[1].mesh3d()
    assert set(mesh3d) == {"x", "y", "z", "i", "j", "k"}
    assert len(mesh3d["x"]) == 4 * PAGE_SUBDIVISIONS**2 + 2
    assert all(isinstance(index, int) for index in mesh3d["i"])
    assert payload_bytes(meshes) <= 300_000


def _boundary_mesh(region):
    if isinstance(region, GroupLassoBall):
        return group_lasso_mesh(region)
    if isinstance(region, ElasticNetBall):
        return elastic_net_mesh(region)
    return sphere_mesh(region.radius)


def test_mesh_arguments_are_validated():
    loss = QuadraticLoss(np.ones(3), np.eye(3))
    for bad in (0, 201, 1.5, True):
        with pytest.raises(ValueError, match=r"^subdivisions\b"):
            sphere_mesh(1.0, bad)
    for bad in (-1.0, math.nan):
        with pytest.raises(ValueError, match=r"^level\b"):
            level_set_mesh(loss, bad)
    with pytest.raises(ValueError, match=r"^loss\b"):
        level_set_mesh(QuadraticLoss(np.ones(2), np.eye(2)), 1.0)
    with pytest.raises(ValueError, match=r"^ball\b"):
        elastic_net_mesh(NormBall(p=1, radius=1.0))
    with pytest.raises(ValueError, match=r"^ball\b"):
        group_lasso_mesh(GroupLassoBall(groups=((0, 1),)))
    with pytest.raises(ValueError, match=r"^radius\b"):
        Octahedron(radius=0.0)
    with pytest.raises(ValueError, match=r"^w\b"):
        Octahedron().piece(np.ones(2))
