"""Closed triangle meshes of the 3-D regions and of a loss's level set, for drawing.

Every curved surface here is the image of one mesh: the octahedron
``|x| + |y| + |z| = 1`` with each face cut into ``k^2`` triangles (a
"subdivided octahedron", the usual octasphere construction). Its grid
vertices include the six axis points exactly and its edges run along the
coordinate planes, so after a radial map the corners of the elastic-net ball
and the tips and rim of the group-lasso cone are mesh vertices and mesh
edges: the kinks that hold exact zeros are drawn where they are. Each region
is star-shaped about the origin, so mapping every direction ``d`` to its
boundary point ``s(d) d`` (s > 0) keeps the mesh closed and outward-oriented.
The loss's level set ``{w : L(w) = level}`` is the affine image
``c + Q diag(sqrt(2 level / d)) u`` of the unit sphere (``H = Q diag(d) Q^T``),
exact at every vertex.

A :class:`Mesh` gives plotly's ``Mesh3d`` arrays (x, y, z, i, j, k) as plain,
rounded lists; this module never imports plotly.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

from geometry.balls import ElasticNetBall
from geometry.group_lasso import GroupLassoBall
from geometry.quadratic import QuadraticLoss
from geometry.validation import finite_scalar, positive_scalar

__all__ = [
    "DECIMALS",
    "PAGE_SUBDIVISIONS",
    "Mesh",
    "Octahedron",
    "elastic_net_mesh",
    "group_lasso_mesh",
    "level_set_mesh",
    "payload_bytes",
    "sphere_mesh",
]

# 4 k^2 + 2 vertices and 8 k^2 triangles a surface: k = 12 keeps the page's eight
# 3-D meshes under 300 KB of JSON (benchmarks/three_d.py prints the total).
PAGE_SUBDIVISIONS = 12
DECIMALS = 4


@dataclass(frozen=True)
class Mesh:
    """A closed triangle mesh, each triangle counter-clockwise seen from outside.

    Attributes
    ----------
    vertices : ndarray, shape (V, 3)
    triangles : ndarray of int, shape (T, 3)
        Indices into ``vertices``; the normal ``(b - a) x (c - a)`` points outward.
    """

    vertices: np.ndarray
    triangles: np.ndarray

    def mesh3d(self, decimals: int = DECIMALS) -> dict[str, list]:
        """Plotly ``Mesh3d`` arguments: ``x, y, z`` rounded to ``decimals``, ``i, j, k`` as ints."""
        x, y, z = np.round(self.vertices, decimals).T.tolist()
        i, j, k = self.triangles.T.tolist()
        return {"x": x, "y": y, "z": z, "i": i, "j": j, "k": k}


def payload_bytes(meshes: Iterable[Mesh], decimals: int = DECIMALS) -> int:
    """Length of the JSON text of the meshes' ``Mesh3d`` arrays: what the browser receives."""
    return len(json.dumps([mesh.mesh3d(decimals) for mesh in meshes]))


def _subdivisions(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or not 1 <= value <= 200:
        raise ValueError(f"subdivisions must be an integer in [1, 200], got {value!r}")
    return int(value)


@cache
def _octahedron_grid(k: int) -> tuple[np.ndarray, np.ndarray]:
    """Integer points with ``|a| + |b| + |c| = k`` and the 8 k^2 outward triangles between them."""
    index: dict[tuple[int, int, int], int] = {}
    triangles: list[tuple[int, int, int]] = []

    def vertex(point: tuple[int, int, int]) -> int:
        return index.setdefault(point, len(index))

    for sx, sy, sz in itertools.product((1, -1), repeat=3):

        def at(i: int, j: int, sx=sx, sy=sy, sz=sz) -> int:
            # Barycentric grid on the face (k sx e1, k sy e2, k sz e3): steps i towards e2, j to e3.
            return vertex((sx * (k - i - j), sy * i, sz * j))

        # (e1, e2, e3) is counter-clockwise from outside for the positive octant; a
        # reflection with sx sy sz = -1 reverses it.
        flip = sx * sy * sz < 0
        for i, j in itertools.product(range(k), repeat=2):
            cells = []
            if i + j <= k - 1:
                cells.append((at(i, j), at(i + 1, j), at(i, j + 1)))
            if i + j <= k - 2:
                cells.append((at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)))
            triangles.extend(cell[::-1] if flip else cell for cell in cells)
    points = np.array(list(index), dtype=np.float64)
    return points, np.array(triangles, dtype=np.int64)


def _directions(subdivisions: int) -> tuple[np.ndarray, np.ndarray]:
    """Directions on the unit L1 sphere (axis points exact) and the triangles between them."""
    k = _subdivisions(subdivisions)
    points, triangles = _octahedron_grid(k)
    return points / k, triangles


@dataclass(frozen=True)
class Octahedron:
    """The L1 ball ``|w1| + |w2| + |w3| <= radius``: 6 vertices, 12 edges, 8 faces.

    ``vertices`` are ``+t e1, +t e2, +t e3, -t e1, -t e2, -t e3`` (rows);
    ``edges`` and ``faces`` index them, faces outward-oriented.
    """

    radius: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "radius", positive_scalar("radius", self.radius))

    @property
    def vertices(self) -> np.ndarray:
        eye = np.eye(3) * self.radius
        return np.concatenate([eye, -eye])

    @property
    def edges(self) -> np.ndarray:
        """The 12 pairs of vertices that are not opposite (every such pair spans an edge)."""
        pairs = [(a, b) for a, b in itertools.combinations(range(6), 2) if b - a != 3]
        return np.array(pairs, dtype=np.int64)

    @property
    def faces(self) -> np.ndarray:
        """The 8 triangles, one an octant, counter-clockwise seen from outside."""
        points, triangles = _octahedron_grid(1)
        axis = np.argmax(np.abs(points), axis=1)
        row = axis + 3 * (points[np.arange(len(points)), axis] < 0.0)  # +e_i is row i, -e_i i + 3
        return row[triangles]

    @property
    def mesh(self) -> Mesh:
        return Mesh(self.vertices, self.faces)

    def piece(self, w: np.ndarray) -> np.ndarray:
        """Corners of the smallest boundary piece holding ``w`` (with ``||w||_1 = radius``).

        One row for a vertex, two for an edge, three for a face: ``sign(w_i) t e_i``
        for every ``w_i != 0``, so the piece follows the exact zeros of a solution.
        """
        w = np.asarray(w, dtype=np.float64)
        if w.shape != (3,) or not np.all(np.isfinite(w)):
            raise ValueError(f"w must be a finite 3-vector, got {w!r}")
        support = np.flatnonzero(w != 0.0)
        corners = np.zeros((support.size, 3))
        corners[np.arange(support.size), support] = np.sign(w[support]) * self.radius
        return corners


def sphere_mesh(radius: float = 1.0, subdivisions: int = PAGE_SUBDIVISIONS) -> Mesh:
    """The L2 sphere ``||w||_2 = radius`` (the octasphere: L1 directions normalised)."""
    radius = positive_scalar("radius", radius)
    directions, triangles = _directions(subdivisions)
    lengths = np.linalg.norm(directions, axis=1, keepdims=True)
    return Mesh(directions * (radius / lengths), triangles)


def elastic_net_mesh(ball: ElasticNetBall, subdivisions: int = PAGE_SUBDIVISIONS) -> Mesh:
    """The boundary ``a ||w||_1 + (1 - a) ||w||_2^2 = r`` of a 3-D elastic-net ball.

    Along a direction ``d`` with ``||d||_1 = 1`` the boundary is at ``s d`` with
    ``a s + (1 - a) ||d||^2 s^2 = r``, whose positive root is taken in the stable
    form ``2 r / (a + sqrt(a^2 + 4 (1 - a) ||d||^2 r))``.
    """
    if not isinstance(ball, ElasticNetBall):
        raise ValueError(f"ball must be an ElasticNetBall, got {type(ball).__name__}")
    directions, triangles = _directions(subdivisions)
    a, r = ball.l1_ratio, ball.radius
    squared = np.sum(directions * directions, axis=1)
    scale = 2.0 * r / (a + np.sqrt(a * a + 4.0 * (1.0 - a) * squared * r))
    return Mesh(directions * scale[:, None], triangles)


def group_lasso_mesh(ball: GroupLassoBall, subdivisions: int = PAGE_SUBDIVISIONS) -> Mesh:
    """The boundary ``sum_g ||w_g||_2 = t`` of a 3-D group-lasso ball (the double cone).

    Directions on the L1 sphere are scaled by ``t / ball.norm(d)``. The tips
    ``±t e3`` are mesh vertices and the rim ``w3 = 0`` is a loop of mesh edges.
    """
    if not isinstance(ball, GroupLassoBall) or ball.dim != 3:
        raise ValueError(f"ball must be a 3-D GroupLassoBall, got {ball!r}")
    directions, triangles = _directions(subdivisions)
    scale = ball.radius / ball.norm(directions)
    return Mesh(directions * scale[:, None], triangles)


def level_set_mesh(
    loss: QuadraticLoss, level: float, subdivisions: int = PAGE_SUBDIVISIONS
) -> Mesh:
    """The ellipsoid ``{w : L(w) = level}`` of a 3-D loss: ``c + Q diag(sqrt(2 level / d)) u``.

    Every vertex lies on the level set exactly (up to rounding): with ``u`` a unit
    vector, ``L = 0.5 sum_i d_i (2 level / d_i) u_i^2 = level``. For the ellipsoid
    that first touches a region, pass ``level = solution.loss``.
    """
    if not isinstance(loss, QuadraticLoss) or loss.dim != 3:
        raise ValueError(f"loss must be a 3-D QuadraticLoss, got {loss!r}")
    level = finite_scalar("level", level)
    if level < 0.0:
        raise ValueError(f"level must be >= 0, got {level}")
    directions, triangles = _directions(subdivisions)
    unit = directions / np.linalg.norm(directions, axis=1, keepdims=True)
    values, vectors = loss.eigh
    axes = np.array(vectors) * np.sqrt(2.0 * level / values)  # column i: semi-axis i
    if np.linalg.det(vectors) < 0.0:  # a reflection would turn the triangles inside out
        triangles = triangles[:, ::-1]
    return Mesh(loss.center + unit @ axes.T, triangles)
