"""Cross-check: the One weight page's browser computations (``live/one_weight``) against Python.

While a or λ is dragged the browser computes every curve itself. It must give
what ``solvers.shrinkage`` and ``solvers.bayes`` give: the four shrinkage
operators bit for bit (the same floating-point operations; an exact zero on
the same problems), the posterior mode exactly and the posterior mean (closed
form in the browser, quadrature in Python) to 1e-12. The problems: every
state of the page's sliders (a, λ, α on their 0.05 grids: a = ±λ exactly,
λ = 0, α = 0 and 1 included), random states, and the hard edges: a at ±λ,
±λα and ±√(2λ) exactly and one double either side of each.

The figures' own words (titles, legend entries) are compared with the trace
names of Python's Plotly figures for the same states.

Without ``node`` the tests skip on a developer's machine and fail under CI.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from scipy.special import ndtr

from figures.penalties import one_weight_problem_figure, penalty_and_slope_figure
from figures.posterior import bayes_figure
from figures.shrinkage import shrinkage_figure
from lessons import one_weight as lesson
from solvers.bayes import laplace_posterior_mean
from solvers.shrinkage import one_weight_solution

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "live" / "tools" / "one_weight_batch.js"
PENALTIES = ("l1", "l2", "elasticnet", "l0")


def _node() -> str:
    path = shutil.which("node")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI=true but no node on PATH")
    pytest.skip("no node on this machine")


def run_batch(tmp_path: Path, problems: np.ndarray, labels: list | None = None) -> dict:
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps({"problems": problems.tolist(), "labels": labels or []}))
    subprocess.run([_node(), str(CLI), str(source), str(target)], check=True, timeout=300)
    return json.loads(target.read_text())


def slider_grid(spec) -> np.ndarray:
    """The slider's values as the page holds them: low + k step, rounded as Python snaps."""
    count = round((spec.high - spec.low) / spec.step)
    return np.array([round(spec.low + k * spec.step, 10) for k in range(count + 1)])


def problems() -> np.ndarray:
    """Every slider state, random states and the edges of each dead zone (> 200,000).

    The random states share 600 (λ, α) pairs, so that Python's vectorised
    operators (one λ per call) check them all in a few hundred calls.
    """
    a, lam, ratio = (slider_grid(s) for s in (lesson.PULL, lesson.LAM, lesson.RATIO))
    grid = np.array(np.meshgrid(a, lam, ratio, indexing="ij")).reshape(3, -1).T
    rng = np.random.default_rng(33)
    lams = np.concatenate([[0.0], rng.uniform(0, 3, 49)])
    ratios = np.concatenate([[0.0, 1.0], rng.uniform(0, 1, 10)])
    pairs = np.array(np.meshgrid(lams, ratios, indexing="ij")).reshape(2, -1).T
    count = 48_000
    chosen = pairs[rng.integers(0, len(pairs), count)]
    random = np.column_stack([rng.uniform(-3, 3, count), chosen])
    edges = []
    for lam_r, ratio_r in pairs:
        for edge in (lam_r, lam_r * ratio_r, math.sqrt(2.0 * lam_r)):
            for sign in (1.0, -1.0):
                at = sign * edge
                for shifted in (at, np.nextafter(at, np.inf), np.nextafter(at, -np.inf)):
                    edges.append((shifted, lam_r, ratio_r))
    return np.vstack([grid, random, np.array(edges)])


@pytest.fixture(scope="module")
def agreement(tmp_path_factory):
    cases = problems()
    return cases, run_batch(tmp_path_factory.mktemp("ow"), cases)


def test_there_are_enough_problems_and_the_edges_are_in_them(agreement):
    cases, _ = agreement
    assert len(cases) >= 200_000
    a, lam = cases[:, 0], cases[:, 1]
    assert np.count_nonzero(a == lam) > 1_000 and np.count_nonzero(a == -lam) > 1_000
    assert np.count_nonzero(lam == 0.0) > 1_000
    assert np.count_nonzero(cases[:, 2] == 0.0) > 1_000 and np.count_nonzero(cases[:, 2] == 1.0)


@pytest.mark.parametrize("penalty", PENALTIES)
def test_every_operator_is_pythons_bit_for_bit_with_the_same_zeros(agreement, penalty):
    cases, out = agreement
    browser = np.array(out[penalty])
    picked = np.random.default_rng(4).choice(len(cases), 10_000, replace=False)
    python = np.array(
        [float(one_weight_solution(a, lam, penalty, r)) for a, lam, r in cases[picked]]
    )
    # The whole set through Python's vectorised operators, grouped by (λ, α).
    whole = np.empty(len(cases))
    keys = np.unique(cases[:, 1:], axis=0, return_inverse=True)[1].ravel()
    for k in np.unique(keys):
        rows = keys == k
        lam, ratio = cases[rows][0, 1:]
        whole[rows] = one_weight_solution(cases[rows, 0], lam, penalty, ratio)
    assert np.array_equal(browser[picked], python)  # the scalar path too
    assert np.array_equal(browser, whole)
    assert np.array_equal(browser == 0.0, whole == 0.0)
    zeros = np.count_nonzero(whole == 0.0)
    if penalty == "l2":
        # Ridge: only where a = 0 (or a is the smallest double, whose share underflows).
        assert zeros >= np.count_nonzero(cases[:, 0] == 0.0)
        assert np.all(np.abs(cases[whole == 0.0, 0]) < 1e-300)
    else:
        assert zeros > 10_000  # the dead zones are in the set


def test_the_dead_zone_edges_are_zero_inside_and_not_outside(agreement):
    cases, out = agreement
    a, lam = cases[:, 0], cases[:, 1]
    lasso = np.array(out["l1"])
    assert np.all(lasso[np.abs(a) <= lam] == 0.0)
    assert np.all(lasso[np.abs(a) > lam] != 0.0)


def test_the_posterior_mode_is_the_lasso_and_the_mean_is_pythons(agreement):
    cases, out = agreement
    a, lam = cases[:, 0], cases[:, 1]
    assert np.array_equal(np.array(out["mode"]), np.array(out["l1"]))
    mean = np.array(out["mean"])
    # Python's mean is a quadrature: on a subset; the closed form (scipy's ndtr) on all.
    up, down = a - lam, a + lam
    plus, minus = np.exp(up * up / 2) * ndtr(up), np.exp(down * down / 2) * ndtr(-down)
    closed = a - lam * (plus - minus) / (plus + minus)
    assert np.max(np.abs(mean - closed)) <= 1e-12
    rng = np.random.default_rng(5)
    subset = np.concatenate(
        [rng.choice(len(cases), 1_500, replace=False), np.flatnonzero(a == 0)[:50]]
    )
    quad = np.array([laplace_posterior_mean(a[k], lam[k]) for k in subset])
    assert np.max(np.abs(mean[subset] - quad)) <= 1e-12
    # 0 exactly where a = 0, and only there. (Below |a| ~ 1e-16, which no slider or
    # drag reaches, Python's quadrature loses the mean's sign and returns 0.0.)
    reached = (a[subset] == 0.0) | (np.abs(a[subset]) >= 1e-12)
    assert np.array_equal(mean[subset][reached] == 0.0, quad[reached] == 0.0)
    assert np.array_equal(mean == 0.0, a == 0.0)


# --- the browser's words against Python's figures ------------------------------------


def python_words(a: float, lam: float, ratio: float) -> dict[str, dict]:
    figures = {
        "penalties": penalty_and_slope_figure(lesson.penalty_curves(lam, ratio)),
        "problem_l1": one_weight_problem_figure(lesson.one_weight_problem(a, lam, "l1")),
        "problem_l2": one_weight_problem_figure(lesson.one_weight_problem(a, lam, "l2")),
        "shrinkage": shrinkage_figure(lesson.shrinkage_curves(a, lam, ratio)),
        "posterior": bayes_figure(lesson.laplace_posterior(a, lam)),
    }
    return {
        panel: {
            "title": figure.layout.title.text.replace("<br>", " "),
            "names": [t.name for t in figure.data if t.name and t.showlegend is not False],
        }
        for panel, figure in figures.items()
    }


def label_states() -> list[tuple[float, float, float]]:
    rng = np.random.default_rng(8)
    states = [(0.8, 1.0, 0.5), (1.0, 1.0, 0.5), (-1.0, 1.0, 0.0), (0.0, 0.0, 1.0), (0.0, 2.0, 0.5)]
    states += [(2.45, 0.05, 0.3), (-3.0, 3.0, 1.0), (0.05, 0.0, 0.0)]
    for _ in range(60):
        states.append(
            (
                float(rng.integers(-60, 61)) * 0.05,
                float(rng.integers(0, 61)) * 0.05,
                float(rng.integers(0, 21)) * 0.05,
            )
        )
    return [(round(a, 10), round(lam, 10), round(r, 10)) for a, lam, r in states]


def test_the_browsers_titles_and_legends_are_pythons(tmp_path):
    states = label_states()
    labels = []
    for a, lam, ratio in states:
        data = lesson.live_payload(
            "shrinkage", lesson.answers(a, lam), ratio, presenting=False, dark=False
        )
        labels.append({"view": {"a": a, "lam": lam, "ratio": ratio}, "data": data})
    out = run_batch(tmp_path, np.zeros((0, 3)), labels)["labels"]
    for (a, lam, ratio), browser in zip(states, out, strict=True):
        python = python_words(a, lam, ratio)
        for panel, words in python.items():
            # A title Python breaks for a phone is one line here: the browser wraps its own.
            assert browser[panel]["title"] == words["title"], (panel, a, lam, ratio)
            assert browser[panel]["names"] == words["names"], (panel, a, lam, ratio)
        assert math.isfinite(a)
