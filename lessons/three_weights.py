"""The Three weights page's model: one 3-D loss against the octahedron, the sphere and friends.

In 3-D the L1 ball is an octahedron: 6 vertices (two weights exactly 0), 12
edges (one weight 0) and 8 faces (none). The page minimises one loss
``0.5 (w - c)^T H (w - c)`` over each 3-D region exactly (``solve_constrained``)
and draws, for each, the region, the loss's level set at the optimum's loss
(the ellipsoid that first touches the region) and the boundary piece the
optimum lies on. Everything here is computed from frozen, hashable values, so
that the page can cache on them; nothing imports streamlit or plotly.

The loss's shape is a "cigar": curvature 1 along one direction (the long axis
of the ellipsoids, given by two angles) and ``condition`` across it, so
``H = condition I - (condition - 1) u u^T`` for the unit long axis ``u``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from geometry.group_lasso import GroupLassoBall
from geometry.surfaces import (
    Mesh,
    Octahedron,
    elastic_net_mesh,
    group_lasso_mesh,
    level_set_mesh,
    sphere_mesh,
)
from lessons.controls import Slider
from solvers import Solution, solve_constrained
from studies.odds import DimensionOdds, Share
from studies.three_d import (
    ThreeDOdds,
    landing_words,
    sample_three_d_odds,
    zeros_against_dimension,
)

try:  # installed with scikit-learn (tests), not a runtime dependency: optional
    from threadpoolctl import threadpool_limits
except ImportError:  # pragma: no cover
    threadpool_limits = None

# --- the controls ------------------------------------------------------------------------
CENTRE = tuple(
    Slider(
        f"c{i}",
        f"ŵ{i}",
        -3.0,
        3.0,
        0.05,
        default,
        f"Coordinate {i} of the loss's minimum ŵ (the unconstrained optimum).",
    )
    for i, default in ((1, 1.6), (2, 0.3), (3, 0.25))
)
CONDITION = Slider(
    "cond",
    "Condition number",
    1.0,
    20.0,
    0.5,
    4.0,
    "Curvature across the ellipsoid's long axis over the curvature along it: 1 gives "
    "spheres, more gives longer cigars (a direction in which the data say little).",
    "%.1f",
)
AZIMUTH = Slider(
    "azim",
    "Long axis: azimuth (degrees)",
    -180.0,
    180.0,
    5.0,
    30.0,
    "Direction of the long axis in the w1–w2 plane, from the w1 axis.",
    "%.0f°",
)
ELEVATION = Slider(
    "elev",
    "Long axis: elevation (degrees)",
    -90.0,
    90.0,
    5.0,
    20.0,
    "Angle of the long axis above the w1–w2 plane (90: along w3).",
    "%.0f°",
)
BUDGET = Slider("t", "Budget t", 0.1, 3.0, 0.05, 1.0, "The size of every region.")
EN_SHARE = Slider(
    "en_a",
    "Elastic net's L1 share α",
    0.05,
    0.95,
    0.05,
    0.5,
    "α‖w‖₁ + (1 − α)‖w‖₂² ≤ t: any α > 0 keeps the corners on the axes.",
    "%.2f",
)
SECOND = {"l2": "L2 sphere", "elasticnet": "Elastic-net ball"}
"""What the view beside the octahedron shows (the URL keeps the slug)."""

SHAPE_KEYS = ("c1", "c2", "c3", "cond", "azim", "elev")
DEFAULTS: dict[str, object] = {
    **{spec.key: spec.default for spec in (*CENTRE, CONDITION, AZIMUTH, ELEVATION, BUDGET)},
    "second": "l2",
    EN_SHARE.key: EN_SHARE.default,
}


# --- the loss ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Shape3D:
    """The 3-D loss as the sliders describe it: centre, condition number, long-axis angles.

    Frozen and hashable: a cache key as it stands.
    """

    c1: float
    c2: float
    c3: float
    condition: float
    azimuth: float
    elevation: float

    @property
    def long_axis(self) -> np.ndarray:
        """The unit vector along which the loss is flattest (curvature 1)."""
        az, el = math.radians(self.azimuth), math.radians(self.elevation)
        return np.array([math.cos(el) * math.cos(az), math.cos(el) * math.sin(az), math.sin(el)])

    @cached_property
    def loss(self) -> QuadraticLoss:
        """``0.5 (w - c)^T H (w - c)`` with ``H = k I - (k - 1) u u^T`` (validated on first use)."""
        u = self.long_axis
        hessian = self.condition * np.eye(3) - (self.condition - 1.0) * np.outer(u, u)
        hessian = 0.5 * (hessian + hessian.T)  # exactly symmetric
        return QuadraticLoss(center=(self.c1, self.c2, self.c3), hessian=hessian)

    @classmethod
    def from_state(cls, state: Mapping[str, object]) -> Shape3D:
        """The shape held in ``state`` by URL key, each missing value from the defaults."""
        return cls(*(float(state.get(key, DEFAULTS[key])) for key in SHAPE_KEYS))


DEFAULT_SHAPE = Shape3D.from_state({})


# --- the regions -------------------------------------------------------------------------
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


@dataclass(frozen=True)
class Scene:
    """Everything one 3-D view draws, computed.

    Attributes
    ----------
    kind : str
        A key of ``REGION_NAMES``.
    name : str
        The region's name ("L1 octahedron").
    region : NormBall, ElasticNetBall or GroupLassoBall
    mesh : Mesh
        The region's boundary.
    creases : tuple of ndarray
        Its kinks (edges, rim) as polylines, each of shape (m, 3).
    loss : QuadraticLoss
    solution : Solution
        The exact optimum.
    level_set : Mesh or None
        The ellipsoid ``L(w) = L(w*)``: the loss's level set that first touches the
        region (None when the budget is slack: then it is the point ŵ).
    piece : Piece
        The boundary piece that holds the optimum.
    words : str
        Where it lands, in words ("vertex: w1 = w3 = 0 exactly").
    limit : float
        Every axis runs over [-limit, limit] (the same for every view of the page).
    """

    kind: str
    name: str
    region: Region3D
    mesh: Mesh
    creases: tuple[np.ndarray, ...]
    loss: QuadraticLoss
    solution: Solution
    level_set: Mesh | None
    piece: Piece
    words: str
    limit: float

    @property
    def short_name(self) -> str:
        """ "L1", "L2", "Elastic net", "Group lasso": for legends."""
        return SHORT_NAMES[self.kind]

    @property
    def title(self) -> str:
        """The figure's title: the region, then the conclusion."""
        return f"{self.name}<br>{self.words}"


def view_limit(shape: Shape3D, budget: float, l1_ratio: float) -> float:
    """Half the side of the view cube: every region, ŵ and the touching ellipsoid, within reason.

    The cube holds the regions and ŵ with a margin, and the ellipsoid that
    touches the octahedron (the smallest region: its ellipsoid is the largest)
    only up to half as much again: for an ill-conditioned loss the ellipsoid is
    very long, and the cube stays fixed to the region (the rest is clipped).
    """
    loss = shape.loss
    base = max(budget, ElasticNetBall(budget, l1_ratio).axis_intercept)
    base = 1.15 * max(base, float(np.max(np.abs(loss.center))))
    level = solve_constrained(loss, NormBall(1, budget)).loss
    # The ellipsoid L(w) = level spans c_i +- sqrt(2 level (H^-1)_ii) along axis i.
    half = np.sqrt(2.0 * level * np.diag(np.linalg.inv(loss.hessian)))
    reach = 1.05 * float(np.max(np.abs(loss.center) + half))
    return max(base, min(reach, 1.5 * base))


@lru_cache(maxsize=64)
def scene(shape: Shape3D, kind: str, budget: float, l1_ratio: float = 0.5) -> Scene:
    """One view: the region of ``kind``, the loss, the exact optimum and what it touches."""
    loss = shape.loss
    ball = region(kind, budget, l1_ratio)
    solution = solve_constrained(loss, ball)
    mesh = region_mesh(kind, ball)
    level_set = level_set_mesh(loss, solution.loss) if solution.active else None
    return Scene(
        kind,
        REGION_NAMES[kind] + (f" (α = {l1_ratio:g})" if kind == "elasticnet" else ""),
        ball,
        mesh,
        creases(kind, ball, mesh),
        loss,
        solution,
        level_set,
        piece(kind, ball, mesh, solution),
        words(kind, solution),
        view_limit(shape, budget, l1_ratio),
    )


def comparison(shape: Shape3D, budget: float, l1_ratio: float) -> list[Scene]:
    """The same loss under L1, L2, the elastic net and the group lasso, in that order."""
    return [scene(shape, kind, budget, l1_ratio) for kind in REGION_NAMES]


def structured_sentence(l1: Scene, group: Scene) -> str:
    """What the double cone does that the octahedron does not, for these two solutions."""
    if not group.solution.active:
        return "The budget is slack for the double cone: nothing is shrunk, nothing is zeroed."
    zeros = {"vertex": "the whole group (w1, w2) is exactly 0", "edge": "w3 is exactly 0"}
    l1_zeros = " and ".join(f"w{i + 1}" for i in l1.solution.zeros)
    l1_part = f"L1 zeroes {l1_zeros}, one weight at a time" if l1_zeros else "L1 zeroes nothing"
    if group.solution.face in zeros:
        return (
            f"Here {zeros[group.solution.face]}: the double cone zeroes (w1, w2) together or "
            f"not at all, and w3 on its own. {l1_part}, with no regard for which weights "
            "belong together."
        )
    return (
        "Here the double cone is met on a sheet: no group is zero. Its kinks are the tips "
        "(where the group (w1, w2) is 0) and the rim (where w3 is 0), nowhere else: within "
        f"the group it is as round as L2, so w1 and w2 are zero together or not at all. {l1_part}."
    )


# --- presets -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Preset:
    """A named situation: the controls it sets, its claim, and the piece L1 lands on."""

    name: str
    sentence: str
    state: dict[str, object]
    l1_face: str  # the face the exact L1 solution must report (checked by the tests)
    group_face: str | None = None  # and the double cone's, where the sentence names it

    def full_state(self) -> dict[str, object]:
        """Every control of the page: the defaults, then this preset's values."""
        return {**DEFAULTS, **self.state}

    def query(self) -> dict[str, str]:
        """The URL parameters of this preset (values that differ from the defaults)."""
        return {
            key: value if isinstance(value, str) else repr(float(value))
            for key, value in self.state.items()
            if value != DEFAULTS[key]
        }


PRESETS: dict[str, Preset] = {
    "vertex": Preset(
        "Vertex hit",
        "The ellipsoid first touches the octahedron at a vertex, on the w1 axis: two weights, "
        "w2 and w3, are exactly 0. The sphere has no vertex: all three weights stay non-zero.",
        {},
        "vertex",
    ),
    "edge": Preset(
        "Edge hit",
        "The ellipsoid first touches an edge of the octahedron: one weight is exactly 0, the "
        "other two share the budget. The sphere still has none.",
        {"c1": 1.5, "c2": 1.2, "c3": 0.1, "cond": 2.0, "azim": 45.0, "elev": 0.0},
        "edge",
    ),
    "face": Preset(
        "Face hit",
        "With the centre near the diagonal w1 = w2 = w3 the ellipsoid meets a face: no zeros. "
        "Vertices and edges win often in 3-D, not always.",
        {"c1": 1.2, "c2": 1.0, "c3": 0.9, "cond": 1.0, "azim": 0.0, "elev": 0.0},
        "face",
    ),
    "together": Preset(
        "Groups stay together",
        "L1 zeroes w1 alone and keeps w2: it splits the group (w1, w2). The double cone keeps "
        "w1 and w2 both: it can zero them only together, at a tip.",
        {"c1": 0.2, "c2": 1.0, "c3": 1.0, "cond": 1.0, "azim": 0.0, "elev": 0.0},
        "edge",
        "face",
    ),
    "tip": Preset(
        "A whole group zero",
        "The double cone is met at its tip on the w3 axis: the whole group (w1, w2) is exactly "
        "0 and only w3 survives. (The octahedron has a vertex there too.)",
        {"c1": 0.6, "c2": 0.5, "c3": 2.0, "cond": 3.0, "azim": 0.0, "elev": 0.0},
        "vertex",
        "vertex",
    ),
}


def matching_preset(state: Mapping[str, object]) -> Preset | None:
    """The preset whose state ``state`` shows now, if any."""
    for preset in PRESETS.values():
        if all(state.get(key, DEFAULTS[key]) == v for key, v in preset.full_state().items()):
            return preset
    return None


# --- how often, in 3-D and beyond --------------------------------------------------------
ODDS_COUNT = 20_000
ODDS_SEED = 3
ODDS_SPREAD = 2.0
ODDS_MAX_CONDITION = 100.0
ODDS_BUDGET = 1.0
# n = 2..50: 100 problems each up to n = 10, then 40 (still >= 440 weights per n). Each n
# draws from its own stream (seed, n), so splitting the range changes no problem.
DIMENSION_COUNTS = ((range(2, 11), 100), (range(11, 51), 40))
DIMENSIONS = range(2, 51)


@lru_cache(maxsize=1)
def three_d_odds() -> ThreeDOdds:
    """Where the optima of ``ODDS_COUNT`` random 3-D problems land (the same for every visitor).

    Centres uniform in [-2, 2]³, random bowls with condition numbers up to 100, t = 1.
    """
    rng = np.random.default_rng(ODDS_SEED)
    return sample_three_d_odds(rng, ODDS_COUNT, ODDS_SPREAD, ODDS_MAX_CONDITION, ODDS_BUDGET)


@lru_cache(maxsize=1)
def zeros_by_dimension() -> tuple[DimensionOdds, ...]:
    """Share of exact zeros for n = 2..50 weights, the same for every visitor: computed once.

    Thousands of small (n <= 50) solves: BLAS threads only contend for the cores
    there (measured: twice as slow on two busy cores), so they are held to one.
    """
    limit = threadpool_limits(1) if threadpool_limits is not None else nullcontext()
    with limit:
        return tuple(
            odds
            for dims, count in DIMENSION_COUNTS
            for odds in zeros_against_dimension(
                dims, count, ODDS_SPREAD, ODDS_MAX_CONDITION, ODDS_BUDGET
            )
        )


def zero_weight_shares(odds: tuple[DimensionOdds, ...], name: str) -> list[Share]:
    """The share of weights exactly zero at each dimension, for "L1" or "L2"."""
    return [entry.zero_coordinates[name] for entry in odds]


# --- the Tour's stop -----------------------------------------------------------------------
def _tour_figures():
    from figures.three_d import scene_figure  # figures import lessons' data, not the reverse

    shape = Shape3D.from_state(PRESETS["vertex"].full_state())
    return [scene_figure(scene(shape, kind, DEFAULTS["t"])) for kind in ("l1", "l2")]


TOUR_STEP: dict[str, object] = {
    "slug": "three-weights",
    "title": "Three weights: vertices, edges and faces",
    "text": "In 3-D the L1 ball is an octahedron. Its 6 vertices sit on the axes (two weights "
    "exactly 0), its 12 edges in the coordinate planes (one weight 0), and only its 8 faces "
    "hold no zero. Vertices and edges stick out, so the growing loss ellipsoid usually "
    "touches one of them first: here a vertex, w2 = w3 = 0. The sphere has no such pieces. "
    "Drag the scene to turn it.",
    "figures": _tour_figures,
    "page": "three_weights",
    "page_title": "Three weights",
    "query": PRESETS["vertex"].query(),
}
