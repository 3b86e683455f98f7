"""The Training page's model: its tables are solvers.identification on its own runs, and honest."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from lessons import training
from lessons.tour_step import TourStep
from lessons.training import DiabetesSettings, RaceSettings
from solvers import solve_penalized
from solvers.identification import (
    exact_zero_count,
    final_distance,
    identification_iteration,
    threshold_matches_support,
)
from solvers.iteration import MAX_ITERATIONS, MAX_WORK
from studies.training_problems import DIABETES_LAM, LESSON_LAM, diabetes_problem, lesson_problem

SIGN_STEPS = ("subgradient", "subgradient_sqrt", "sgd", "adam")


@pytest.fixture(scope="module")
def lesson():
    return training.lesson_race(RaceSettings())


@pytest.fixture(scope="module")
def diabetes():
    return training.diabetes_race(DiabetesSettings(), 1e-2)


def test_the_race_is_the_main_pages_problem_at_the_lessons_lambda(lesson):
    assert lesson.lam == LESSON_LAM == 2.5
    assert np.array_equal(lesson.loss.hessian, lesson_problem().loss.hessian)
    assert lesson.exact.zeros == (0,)
    assert lesson.exact.w[1] == pytest.approx(1.630, abs=1e-3)
    assert all(path.shape == (201, 2) for path in lesson.runs.values())
    assert all(not path.flags.writeable for path in lesson.runs.values())


@pytest.mark.parametrize("race_name", ["lesson", "diabetes"])
def test_every_table_number_is_solvers_identification_on_the_same_runs(race_name, request):
    race = request.getfixturevalue(race_name)
    exact = solve_penalized(race.loss, "l1", race.lam)
    assert np.array_equal(exact.w, race.exact.w)
    for row, slug in zip(training.race_table(race), training.OPTIMISERS, strict=True):
        path = race.runs[slug]
        identified = identification_iteration(path, exact.w)
        column = f"support exact from {race.unit}"
        expected = f"never within {race.rows:,}" if identified is None else f"{identified:,}"
        assert row[column] == expected, slug
        assert row["distance to exact w"] == training.fmt(final_distance(path, exact.w))
        assert row["exact zeros"] == f"{exact_zero_count(path[-1])} of {exact.w.size}"


@pytest.mark.parametrize("race_name", ["lesson", "diabetes"])
def test_proximal_and_coordinate_methods_end_on_exactly_the_exact_zeros(race_name, request):
    race = request.getfixturevalue(race_name)
    for slug in training.KNOWS_THE_KINK:
        last = race.runs[slug][-1]
        assert tuple(np.flatnonzero(last == 0.0)) == race.exact.zeros, slug
        assert race.summaries[slug].identified_at is not None
        assert race.summaries[slug].zeros == len(race.exact.zeros) > 0


@pytest.mark.parametrize("race_name", ["lesson", "diabetes"])
def test_subgradient_sgd_and_adam_report_no_exact_zero(race_name, request):
    race = request.getfixturevalue(race_name)
    for slug in SIGN_STEPS:
        assert race.summaries[slug].zeros == 0, slug
        assert race.summaries[slug].identified_at is None, slug
        assert not np.any(race.runs[slug][1:] == 0.0)  # (the diabetes runs start at 0)


def test_the_work_cap_is_enforced_with_a_note():
    epochs, note = training.capped_epochs(1000, 1, 442)
    assert epochs == training.RUN_CAP // 442 and epochs * 442 <= min(MAX_ITERATIONS, MAX_WORK // 10)
    assert "capped" in note and "100,000" in note and "2,000,000" in note
    assert training.capped_epochs(50, 32, 442) == (50, None)
    race = training.diabetes_race(DiabetesSettings(epochs=300, batch=1))
    assert race.rows == training.RUN_CAP // 442 < 300
    assert any("capped" in n for n in race.notes)
    assert all(path.shape[0] == race.rows + 1 for path in race.runs.values())


def test_steps_are_clamped_so_that_nothing_diverges():
    assert training.STEP.high == training.MAX_STEP < 2.0
    race = training.lesson_race(RaceSettings(step=training.MAX_STEP, batch=1, iterations=500))
    for slug, path in race.runs.items():
        assert np.all(np.isfinite(path)), slug
        # Bounded: the sign-step methods swing in a limit cycle (of size ~ eta lam /
        # (2 - eta L)), they do not grow as a step of 2/L or more would.
        assert np.abs(path).max() < 50.0, slug
    assert race.fista_step == pytest.approx(1.0 / 4.0)  # 1/L: FISTA's momentum diverges above
    assert any("FISTA's step is held" in n for n in race.notes)
    data = lesson_problem().data
    assert race.sgd_step <= training.MAX_STEP / training.minibatch_curvature(data, 1) + 1e-15
    assert any("SGD's step is held" in n for n in race.notes)
    # The bound holds for every single sample, and the full batch is ||H|| itself.
    norms = np.einsum("ij,ij->i", data.features, data.features)
    assert training.minibatch_curvature(data, 1) == pytest.approx(norms.max())
    assert training.minibatch_curvature(data, 64) == pytest.approx(4.0)


def test_the_animated_figure_is_thin_enough(lesson):
    figure = training.animated_race_figure(
        RaceSettings(iterations=2000), tuple(training.OPTIMISERS)
    )
    assert len(figure.frames) <= training.MAX_FRAMES
    assert len(figure.to_json()) / 1024 <= 300
    (moving,) = figure.frames[-1].data  # one trace moves: every trail and current point
    assert len(moving.x) == (training.TRAIL + 1) * len(training.OPTIMISERS)
    assert figure.layout.sliders[0].steps[-1].label == "2000"


def test_the_frames_show_the_iterates_to_six_digits_and_exact_zeros_as_zeros(lesson):
    shown = tuple(training.OPTIMISERS)
    figure = training.animated_race_figure(RaceSettings(), shown)
    race = training.lesson_race(RaceSettings())
    for frame in figure.frames:
        k = int(frame.name)
        (moving,) = frame.data
        drawn = np.column_stack([moving.x, moving.y])[-len(shown) :]  # each one's point at k
        exact = np.array([race.runs[slug][k] for slug in shown])
        np.testing.assert_allclose(drawn, exact, rtol=5e-6, atol=0.0)
        # A weight near 0 is never drawn as 0, and a weight that is 0.0 is drawn as 0.0.
        np.testing.assert_array_equal(drawn == 0.0, exact == 0.0)
    assert any((np.array(f.data[0].x) == 0.0).any() for f in figure.frames)  # ISTA's w1 = 0


def test_the_explanations_quote_the_runs(lesson):
    texts = training.explanations(lesson, RaceSettings())
    assert set(texts) == set(training.OPTIMISERS)
    for slug in training.KNOWS_THE_KINK:
        assert str(lesson.summaries[slug].identified_at) in texts[slug]
    assert f"ηλ = {training.fmt(lesson.step * lesson.lam)}" in texts["ista"]
    hits = int(np.count_nonzero(lesson.runs["subgradient"][:, 0] == 0.0))
    assert f"exactly 0.0 at {hits} of the 201 iterates" in texts["subgradient"]
    assert f"α = {lesson.adam_rate:g}" in texts["adam"]
    # Without a zero in the optimum there is nothing to land on, and the text says so.
    round_ = training.lesson_race(RaceSettings(lam=0.5))
    assert not round_.exact.zeros
    assert "has no zero" in training.explanations(round_, RaceSettings(lam=0.5))["ista"]


def test_the_tau_window_is_where_thresholding_matches(diabetes):
    for slug in training.OPTIMISERS:
        last = diabetes.runs[slug][-1]
        window = training.tau_window(last, diabetes.exact.w)
        for tau in training.TAU_GRID:
            inside = window is not None and window[0] < tau <= window[1]
            assert threshold_matches_support(last, tau, diabetes.exact.w) == inside, (slug, tau)
        counts = training.threshold_counts(diabetes, slug)
        assert counts[0] == exact_zero_count(last)
    rows = training.threshold_table(diabetes, tuple(training.OPTIMISERS))
    assert [r["= exact support?"] for r in rows[-3:]] == ["yes"] * 3


def test_the_diabetes_problem_is_the_lesson_lasso(diabetes):
    assert diabetes.lam == DIABETES_LAM
    assert np.array_equal(diabetes.loss.hessian, diabetes_problem().loss.hessian)
    assert diabetes.unit == "epoch" and diabetes.rows == 50
    assert len(diabetes.exact.zeros) == 5


def test_the_tour_step_is_computed_from_the_runs(lesson):
    step = training.tour_step()
    assert isinstance(step, TourStep)
    assert step.page == "training" and step.slug == "training"
    assert f"from iteration {lesson.summaries['ista'].identified_at}" in step.text()
    figures = step.figures()
    assert all(isinstance(f, go.Figure) for f in figures) and len(figures) == 2
    json.dumps(step.query)


# --- what the page's words claim about the updates, checked on its own runs ------------------
SETTINGS_GRID = [
    RaceSettings(step=step, lam=lam, start=start)
    for step in (0.5, 1.0, 1.9)
    for lam in (0.5, 1.0, 2.0, 4.0)
    for start in ((1.5, 1.0), (-1.0, 2.5))
]


@pytest.mark.parametrize("settings", SETTINGS_GRID, ids=str)
def test_sign_steps_reach_zero_only_in_passing_and_never_stay(settings):
    race = training.lesson_race(settings)
    for slug in SIGN_STEPS:
        zero = race.runs[slug] == 0.0
        assert not np.any(zero[1:] & zero[:-1]), slug  # "they never stay"


@pytest.mark.parametrize("settings", SETTINGS_GRID, ids=str)
def test_a_strict_zero_is_reached_by_the_kink_aware_methods_and_kept_eventually(settings):
    race = training.lesson_race(settings)
    slack = np.abs(race.loss.gradient(race.exact.w)) - race.lam
    for j in race.exact.zeros:
        assert slack[j] < 0.0  # strict here: |d_j L(w*)| < lambda
        for slug in ("ista", "fista", "cd"):
            column = race.runs[slug][:, j]
            settled = np.flatnonzero(column != 0.0)
            last_off = settled[-1] if settled.size else -1
            assert last_off < race.rows - 10, slug  # 0.0 for (at least) the last ten rows


def test_adams_step_is_at_most_about_alpha_and_smaller_where_the_sign_flips(lesson):
    steps = np.abs(np.diff(lesson.runs["adam"], axis=0))
    assert steps.max() <= lesson.adam_rate * (1.0 + 1e-9)
    zero = lesson.exact.zeros[0]  # w1: its gradient's sign flips at the kink
    assert np.median(steps[-50:, zero]) < 0.5 * lesson.adam_rate
    assert "at most about α" in training.explanations(lesson, RaceSettings())["adam"]


def test_at_exactly_two_over_l_gradient_descent_oscillates_and_beyond_it_diverges():
    from solvers.descent import subgradient_descent
    from solvers.proximal import ista, lipschitz_step

    loss = lesson_problem(seed=0).loss
    inverse_l = lipschitz_step(loss)
    start = np.array([1.0, 1.0])
    at_two = subgradient_descent(loss, 0.0, 2.0 * inverse_l, 200, start) - loss.center
    # Along the steepest axis the error flips sign and keeps its size: no convergence.
    np.testing.assert_allclose(at_two[-1], -at_two[-2], rtol=1e-9)
    np.testing.assert_allclose(np.linalg.norm(at_two[-1]), np.linalg.norm(at_two[-101]), 1e-9)
    for method in (ista, subgradient_descent):
        beyond = method(loss, 0.0, 2.1 * inverse_l, 200, start)
        assert np.linalg.norm(beyond[-1]) > 1e6  # diverges on this quadratic
    assert "convergence is guaranteed only for η < 2/L" in training.STEP.help
    assert "from 2/L on" not in training.STEP.help


def test_the_training_words_say_sign_steps_reach_zero_only_by_coincidence():
    tour = training.tour_step().text()
    assert "never reach it" not in tour and "only by coincidence and never stay" in tour
