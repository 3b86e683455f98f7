"""The 3-D regions of the Three weights page, and the boundary pieces that hold exact zeros.

Each region is drawn from its mesh (``geometry.surfaces``); its kinks (the
octahedron's edges, the elastic net's curved edges, the double cone's rim)
and the piece an optimum lies on are read off the mesh by exact zeros: the
mesh's vertices on the coordinate planes are exactly 0 there. Numpy, geometry, solvers
and studies only (no plotly, no streamlit).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geometry import ElasticNetBall, NormBall
from geometry.group_lasso import GroupLassoBall
from geometry.surfaces import Mesh, Octahedron, elastic_net_mesh, group_lasso_mesh, sphere_mesh
from lessons.words import landing_words
from solvers import Solution

SHORT_NAMES = {"l1": "L1", "l2": "L2", "elasticnet": "Elastic net", "group": "Group lasso"}
REGION_NAMES = {
    "l1": "L1 octahedron",
    "l2": "L2 sphere",
    "elasticnet": "Elastic-net ball",
    "group": "Group lasso double cone",
}
Region3D = NormBall | ElasticNetBall | GroupLassoBall


def region(kind: str, budget: float, l1_ratio: float = 0.5) -> Region3D:
    """The 3-D region of this kind (``REGION_NAMES``) with budget ``budget``."""
    if kind == "l1":
        return NormBall(1, budget)
    if kind == "l2":
        return NormBall(2, budget)
    if kind == "elasticnet":
        return ElasticNetBall(budget, l1_ratio)
    if kind == "group":
        return GroupLassoBall(budget)
    raise ValueError(f"kind must be one of {tuple(REGION_NAMES)}, got {kind!r}")


def region_mesh(kind: str, ball: Region3D) -> Mesh:
    """The boundary of the region as a closed triangle mesh."""
    if kind == "l1":
        return Octahedron(ball.radius).mesh
    if kind == "l2":
        return sphere_mesh(ball.radius)
    if kind == "elasticnet":
        return elastic_net_mesh(ball)
    return group_lasso_mesh(ball)


_GROUP_WORDS = {
    "vertex": "tip: the group (w1, w2) = 0 exactly",
    "edge": "rim: w3 = 0 exactly",
    "face": "sheet: no group is zero",
}


def words(kind: str, solution: Solution) -> str:
    """Where the optimum sits and which weights are exactly zero, in words."""
    if kind == "group" and solution.face in _GROUP_WORDS:
        return _GROUP_WORDS[solution.face]
    return landing_words(solution)


@dataclass(frozen=True)
class Piece:
    """The boundary piece the optimum lies on, to highlight.

    Attributes
    ----------
    kind : str
        "point" (a vertex, a tip), "curve" (an edge, the rim), "patch" (a face)
        or "none" (a smooth point, the interior, a sheet of the cone).
    points : ndarray, shape (m, 3)
        The point; the curve's points in order; the patch's vertices.
    triangles : ndarray of int, shape (T, 3)
        The patch's triangles (empty otherwise).
    """

    kind: str
    points: np.ndarray
    triangles: np.ndarray


_NO_TRIANGLES = np.empty((0, 3), dtype=np.int64)
NO_PIECE = Piece("none", np.empty((0, 3)), _NO_TRIANGLES)


def _arc(mesh: Mesh, signs: np.ndarray, support: np.ndarray) -> Piece:
    """The mesh's boundary curve in the plane of ``support`` (off it: exactly 0), that quadrant."""
    v = mesh.vertices
    off = [i for i in range(3) if i not in support]
    keep = np.all(v[:, off] == 0.0, axis=1) & np.all(v[:, support] * signs >= 0.0, axis=1)
    points = v[keep]
    a, b = support
    order = np.argsort(np.arctan2(points[:, b], points[:, a]))
    return Piece("curve", points[order], _NO_TRIANGLES)


def _patch(mesh: Mesh, signs: np.ndarray) -> Piece:
    """The mesh's triangles in the closed octant of ``signs``."""
    inside = np.all(mesh.vertices * signs >= 0.0, axis=1)
    triangles = mesh.triangles[np.all(inside[mesh.triangles], axis=1)]
    used, reindexed = np.unique(triangles, return_inverse=True)
    return Piece("patch", mesh.vertices[used], reindexed.reshape(-1, 3))


def creases(kind: str, ball: Region3D, mesh: Mesh) -> tuple[np.ndarray, ...]:
    """The region's kinks as polylines: where its exact zeros live.

    The octahedron's 12 edges, the elastic net's 12 curved edges (in the
    coordinate planes), the double cone's rim; the sphere has none.
    """
    if kind == "l1":
        corners = Octahedron(ball.radius).vertices
        return tuple(corners[list(pair)] for pair in Octahedron(ball.radius).edges)
    if kind == "elasticnet":
        arcs = []
        for support in ((0, 1), (0, 2), (1, 2)):
            for signs in ((1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0)):
                arcs.append(_arc(mesh, np.array(signs), np.array(support)).points)
        return tuple(arcs)
    if kind == "group":
        return (_rim(mesh),)
    return ()


def _rim(mesh: Mesh) -> np.ndarray:
    """The double cone's rim ``w3 = 0`` as a closed loop of mesh vertices."""
    rim = mesh.vertices[mesh.vertices[:, 2] == 0.0]
    rim = rim[np.argsort(np.arctan2(rim[:, 1], rim[:, 0]))]
    return np.concatenate([rim, rim[:1]])


def piece(kind: str, ball: Region3D, mesh: Mesh, solution: Solution) -> Piece:
    """The piece of the region's boundary that holds the optimum, from its exact zeros."""
    if not solution.active or kind == "l2":
        return NO_PIECE
    w = solution.w
    if kind == "l1":
        corners = Octahedron(ball.radius).piece(w)
        shape = {1: "point", 2: "curve", 3: "patch"}[len(corners)]
        triangles = np.array([[0, 1, 2]]) if shape == "patch" else _NO_TRIANGLES
        return Piece(shape, corners, triangles)
    if kind == "group":
        if solution.face == "vertex":
            return Piece("point", w[None, :].copy(), _NO_TRIANGLES)
        if solution.face == "edge":  # the whole rim: the circle w3 = 0
            return Piece("curve", _rim(mesh), _NO_TRIANGLES)
        return NO_PIECE
    support = np.flatnonzero(w != 0.0)  # the elastic net: corners, curved edges and faces
    signs = np.sign(w)
    if support.size == 1:
        return Piece("point", w[None, :].copy(), _NO_TRIANGLES)
    if support.size == 2:
        return _arc(mesh, signs[support], support)
    return _patch(mesh, signs)
