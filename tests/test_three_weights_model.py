"""The Three weights page's model: what it draws is what the exact solver says.

- the drawn ellipsoid is the loss's level set at L(w*), and it touches the region
  without entering it (the first to touch);
- the highlighted piece follows the solution's exact zeros;
- the 3-D landing shares partition the problems, and agree with one-at-a-time solves;
- the presets' claims hold on the exact solutions.
"""

from __future__ import annotations

import base64
import math

import numpy as np
import pytest

from figures.three_d import scene_figure
from figures.three_d_odds import dimension_title, landing_title
from geometry import ElasticNetBall, NormBall, QuadraticLoss
from lessons import three_weights as model
from lessons.three_weights import PRESETS, REGION_NAMES, Shape3D
from solvers import solve_constrained
from studies.ensembles import sample_problems_nd
from studies.three_d import l1_batch_3d

CASES = [
    (name, kind) for name in PRESETS for kind in REGION_NAMES
]  # every preset under every region
SHAPES = {name: Shape3D.from_state(preset.full_state()) for name, preset in PRESETS.items()}
# A long cigar (condition 20) pointing off every axis: its ellipsoid leaves the cube.
SHAPES["long"] = Shape3D(2.0, -1.1, 0.7, 20.0, 65.0, -35.0)
CASES += [("long", kind) for kind in REGION_NAMES]


def _scene(name: str, kind: str):
    state = {**model.DEFAULTS, **PRESETS[name].full_state()} if name in PRESETS else model.DEFAULTS
    return model.scene(SHAPES[name], kind, state["t"], state["en_a"])


def _decoded(array) -> np.ndarray:
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array, dtype=float)


def test_the_loss_is_the_cigar_the_sliders_describe():
    shape = Shape3D(0.5, -1.0, 2.0, 9.0, 30.0, 20.0)
    az, el = math.radians(30.0), math.radians(20.0)
    u = np.array([math.cos(el) * math.cos(az), math.cos(el) * math.sin(az), math.sin(el)])
    values, vectors = np.linalg.eigh(shape.loss.hessian)
    np.testing.assert_allclose(values, [1.0, 9.0, 9.0], rtol=1e-12)
    np.testing.assert_allclose(abs(vectors[:, 0] @ u), 1.0, rtol=1e-12)  # flat along u
    np.testing.assert_array_equal(shape.loss.center, [0.5, -1.0, 2.0])


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_the_drawn_ellipsoid_is_the_level_set_at_the_optimum_and_touches_first(name, kind):
    scene = _scene(name, kind)
    solution, loss = scene.solution, scene.loss
    assert solution.active
    np.testing.assert_allclose(loss.value(solution.w), solution.loss, rtol=1e-12)
    vertices = scene.level_set.vertices
    np.testing.assert_allclose(loss.value(vertices), solution.loss, rtol=1e-9)
    # The first to touch: no point of it lies strictly inside the region.
    norms = _region_norm(kind, scene.region, vertices)
    assert norms.min() >= scene.region.radius * (1 - 1e-9)
    # ... and the figure draws that mesh (float32 on the wire).
    figure = scene_figure(scene).to_plotly_json()
    (trace,) = [t for t in figure["data"] if t.get("name", "").startswith("loss ellipsoid")]
    drawn = np.stack([_decoded(trace[c]) for c in "xyz"], axis=1).astype(float)
    np.testing.assert_allclose(loss.value(drawn), solution.loss, rtol=1e-5)


def _region_norm(kind, region, w):
    w = np.atleast_2d(w)
    if kind == "l1":
        return np.abs(w).sum(axis=1)
    if kind == "l2":
        return np.linalg.norm(w, axis=1)
    if kind == "elasticnet":  # a ||w||_1 + (1 - a) ||w||^2 <= t, on the radius' scale
        a = region.l1_ratio
        return a * np.abs(w).sum(axis=1) + (1 - a) * (w * w).sum(axis=1)
    return np.linalg.norm(w[:, :2], axis=1) + np.abs(w[:, 2])


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_the_highlighted_piece_follows_the_exact_zeros(name, kind):
    scene = _scene(name, kind)
    solution, piece = scene.solution, scene.piece
    zeros = set(solution.zeros)
    if kind == "l2" or (kind == "group" and solution.face == "face"):
        assert piece.kind == "none"
        return
    if kind == "group":
        if solution.face == "vertex":  # the tip: the whole group (w1, w2) is 0
            assert zeros >= {0, 1} and piece.kind == "point"
            np.testing.assert_array_equal(piece.points[0], solution.w)
        else:  # the rim: w3 = 0 along all of it
            assert solution.face == "edge" and 2 in zeros and piece.kind == "curve"
            assert np.all(piece.points[:, 2] == 0.0)
            np.testing.assert_allclose(
                np.linalg.norm(piece.points[:, :2], axis=1), scene.region.radius
            )
        return
    expected = {1: "point", 2: "curve", 3: "patch"}[3 - len(zeros)]
    assert piece.kind == expected
    # Every point of the piece is zero exactly where w* is, with w*'s signs elsewhere.
    assert np.all(piece.points[:, sorted(zeros)] == 0.0)
    support = [i for i in range(3) if i not in zeros]
    assert np.all(piece.points[:, support] * np.sign(solution.w[support]) >= 0.0)
    if kind == "l1":  # and w* lies in the convex hull of the piece's corners
        weights = np.linalg.lstsq(piece.points.T, solution.w, rcond=None)[0]
        np.testing.assert_allclose(piece.points.T @ weights, solution.w, atol=1e-12)
        assert np.all(weights >= -1e-12) and math.isclose(weights.sum(), 1.0, rel_tol=1e-12)
    # The figure's highlight is named by the same words.
    names = [t.name for t in scene_figure(scene).data if t.name]
    assert f"touched: {scene.words}" in names


def test_the_words_name_the_zeros():
    vertex = _scene("vertex", "l1")
    assert vertex.words == "vertex: w2 = w3 = 0 exactly"
    assert _scene("edge", "l1").words == "edge: w3 = 0 exactly"
    assert _scene("face", "l1").words == "face: no zeros"
    assert _scene("tip", "group").words == "tip: the group (w1, w2) = 0 exactly"
    assert _scene("edge", "group").words == "rim: w3 = 0 exactly"
    assert _scene("face", "l2").words == "smooth point: no zeros"
    assert vertex.title == "L1 octahedron<br>vertex: w2 = w3 = 0 exactly"


# What each preset's sentence claims, on exact solutions built here from the state.
def _solve(preset, kind):
    state = {**model.DEFAULTS, **preset.full_state()}
    shape = Shape3D.from_state(state)
    loss = QuadraticLoss(shape.loss.center, shape.loss.hessian)
    return solve_constrained(loss, model.region(kind, state["t"], state["en_a"]))


CLAIMS = {
    "vertex": lambda s: s["l1"].zeros == (1, 2) and s["l1"].w[0] > 0 and not s["l2"].zeros,
    "edge": lambda s: len(s["l1"].zeros) == 1 and not s["l2"].zeros,
    "face": lambda s: not s["l1"].zeros and s["l1"].face == "face",
    # L1 zeroes w1 alone and keeps w2; the cone keeps w1 and w2 both.
    "together": lambda s: s["l1"].zeros == (0,) and not {0, 1} & set(s["group"].zeros),
    "tip": lambda s: set(s["group"].zeros) == {0, 1} and s["group"].w[2] != 0.0,
}


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_claim_holds_on_the_exact_solution(name):
    preset = PRESETS[name]
    solutions = {kind: _solve(preset, kind) for kind in REGION_NAMES}
    assert CLAIMS[name](solutions), {k: s.w for k, s in solutions.items()}
    assert solutions["l1"].face == preset.l1_face
    if preset.group_face is not None:
        assert solutions["group"].face == preset.group_face
    assert model.matching_preset(preset.full_state()) is preset


def test_the_view_cube_holds_every_region_and_the_centre_and_stays_near_them():
    for shape in SHAPES.values():
        for budget, alpha in ((0.1, 0.05), (1.0, 0.5), (3.0, 0.95)):
            reach = max(
                ElasticNetBall(budget, alpha).axis_intercept,
                budget,
                np.abs(shape.loss.center).max(),
            )
            limit = model.view_limit(shape, budget, alpha)
            assert 1.15 * reach <= limit <= 1.5 * 1.15 * reach * (1 + 1e-12)


# --- how often ------------------------------------------------------------------------
def test_the_landing_shares_partition_the_problems_and_match_scalar_solves():
    odds = model.three_d_odds()
    assert sum(share.hits for share in odds.l1.values()) == model.ODDS_COUNT
    assert sum(share.hits for share in odds.l2.values()) == model.ODDS_COUNT
    assert math.isclose(sum(share.value for share in odds.l1.values()), 1.0)
    assert odds.zero_weights["L2"].hits == 0
    # Recomputed: the same draws, classified one problem at a time by the scalar solver.
    rng = np.random.default_rng(model.ODDS_SEED)
    centers, hessians = sample_problems_nd(
        rng, model.ODDS_COUNT, 3, model.ODDS_SPREAD, model.ODDS_MAX_CONDITION
    )
    _, pieces = l1_batch_3d(centers, hessians, model.ODDS_BUDGET)
    for key, code in (("vertex", 0), ("edge", 1), ("face", 2), ("interior", -1)):
        assert odds.l1[key].hits == int(np.sum(pieces == code)), key
    names = {0: "vertex", 1: "edge", 2: "face", -1: "interior"}
    for k in range(0, model.ODDS_COUNT, 40):  # 500 of them
        loss = QuadraticLoss(centers[k], hessians[k])
        solution = solve_constrained(loss, NormBall(1, model.ODDS_BUDGET))
        assert solution.face == names[int(pieces[k])], k
    assert landing_title(odds).startswith(
        f"In 3-D, {100 * (odds.l1['vertex'].value + odds.l1['edge'].value):.1f}% of L1 optima"
    )


def test_the_zeros_against_n_are_the_studies_numbers():
    by_dimension = model.zeros_by_dimension()
    assert [entry.dim for entry in by_dimension] == list(range(2, 51))
    l1 = model.zero_weight_shares(by_dimension, "L1")
    l2 = model.zero_weight_shares(by_dimension, "L2")
    assert all(share.hits == 0 for share in l2)
    assert [share.total for share in l1[:2]] == [200, 300]  # 100 problems of n weights
    assert l1[-1].total == 40 * 50
    assert l1[-1].value > l1[0].value
    title = dimension_title(list(model.DIMENSIONS), l1, l2)
    assert title == (
        f"L1 zeroes {100 * l1[0].value:.1f}% of the weights at n = 2, "
        f"{100 * l1[-1].value:.1f}% at n = 50: more with more weights; L2 none"
    )


def test_with_the_budget_grown_with_the_signal_the_rise_in_zeros_is_much_smaller():
    from studies.odds import dimension_odds

    fixed = model.zero_weight_shares(model.zeros_by_dimension(), "L1")
    scaled_odds = model.zeros_by_dimension(scaled=True)
    scaled = model.zero_weight_shares(scaled_odds, "L1")
    assert all(share.hits == 0 for share in model.zero_weight_shares(scaled_odds, "L2"))
    # The same problems, each solved one by one at t = n / 4 (the scalar n-D solver).
    for n in (2, 7):
        centers, hessians = sample_problems_nd(
            np.random.default_rng((0, n)), 100, n, model.ODDS_SPREAD, model.ODDS_MAX_CONDITION
        )
        ball = NormBall(1, n * model.BUDGET_PER_WEIGHT)
        zeros = sum(
            len(solve_constrained(QuadraticLoss(center=c, hessian=h), ball).zeros)
            for c, h in zip(centers, hessians, strict=True)
        )
        assert scaled[n - 2].hits == zeros
        assert dimension_odds(centers, hessians, ball.radius).zero_coordinates["L1"].hits == zeros
    rise_fixed, rise_scaled = fixed[-1].value - fixed[0].value, scaled[-1].value - scaled[0].value
    assert rise_fixed > 0.75 and 0.2 < rise_scaled < 0.5 * rise_fixed  # most of it is the budget
    sentence = model.dimension_sentence()
    assert f"rises by {100 * rise_fixed:.0f} points" in sentence
    assert f"by {100 * rise_scaled:.0f} points: that part is geometry" in sentence
    assert "shared among more of them" not in sentence
    title = dimension_title(list(model.DIMENSIONS), fixed, [], scaled, model.BUDGET_PER_WEIGHT)
    assert f"{100 * scaled[0].value:.1f}% → {100 * scaled[-1].value:.1f}%" in title


def test_the_tour_gives_usually_as_the_share_of_the_pages_ensemble():
    from figures.odds import percent
    from lessons.tour import STEP, step_text

    pieces = model.three_d_odds().l1
    share = (pieces["vertex"].hits + pieces["edge"].hits) / pieces["vertex"].total
    assert 0.75 < share < 0.85  # about 79%: "usually", in numbers
    words = step_text(STEP["three-weights"])
    assert "usually" not in words
    assert f"in {percent(share)} of the page's {model.ODDS_COUNT:,} random problems" in words


def test_the_elastic_net_balls_creases_give_single_zeros_with_positive_probability():
    centers, hessians = sample_problems_nd(np.random.default_rng(5), 100, 3, 2.0, 100.0)
    zeros = [
        len(solve_constrained(QuadraticLoss(center=c, hessian=h), ElasticNetBall(1.0, 0.5)).zeros)
        for c, h in zip(centers, hessians, strict=True)
    ]
    assert zeros.count(1) >= 10  # on a crease: one weight exactly 0, not a measure-zero event
    from tests.apptest_support import open_page

    help_text = open_page("three_weights").sidebar.selectbox(key="second").help
    assert "twelve curved creases in the coordinate planes" in help_text
    assert "rounded between" not in help_text
