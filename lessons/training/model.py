"""The Training page's model: the races of optimisers on the lesson's bowl and the diabetes lasso.

Two races, each run against the exact lasso (``solvers.solve_penalized``):

- the lesson's 2-D bowl in penalised form, ``L(w) + lam ||w||_1``, from a
  start the user chooses; SGD sees the same bowl as samples
  (``studies.training_problems.lesson_problem``: its full-batch loss is ``L``);
- the diabetes lasso (10 features), counted in epochs (passes over the data):
  one full-gradient step, one prox step or one coordinate sweep per epoch, or
  ``ceil(m / batch)`` minibatch steps.

Every step size is a multiple of ``1 / L`` (``L = ||H||``, ``solvers.proximal
.lipschitz_step``) and at most ``MAX_STEP / L``: from ``2 / L`` on ISTA and
subgradient descent diverge; FISTA's is at most ``1 / L``, its guarantee (with
its momentum it diverges from about ``1.3 / L``). A minibatch step is also held under ``MAX_STEP``
over a bound on the minibatch's own curvature (``minibatch_curvature``), or
single samples would throw SGD out. Runs are bounded by the solvers' work cap
(``solvers.iteration``): ``RUN_CAP`` steps of any one optimiser.

Every number the page prints comes from these runs; the tables from
``solvers.identification`` on exactly the arrays returned here. The arrays
are read-only: they are cached and shared by every session of the server.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from geometry import QuadraticLoss
from geometry.validation import read_only
from lessons.training.controls import EPOCHS, ITERATIONS, MAX_STEP, RUN_CAP, START, STEP
from solvers import Solution, solve_penalized
from solvers.coordinate_descent import coordinate_descent
from solvers.descent import subgradient_descent
from solvers.identification import RunSummary, summarise_run
from solvers.iteration import MAX_WORK
from solvers.minibatch import LeastSquares, steps_per_epoch
from solvers.proximal import fista, ista, lipschitz_step
from solvers.stochastic import adam, sgd
from studies.training_problems import DIABETES_LAM, LESSON_LAM, diabetes_problem, lesson_problem


# --- settings and runs ---------------------------------------------------------------------
@dataclass(frozen=True)
class RaceSettings:
    """One 2-D race's controls: a cache key."""

    start: tuple[float, float] = (START[0].default, START[1].default)
    step: float = STEP.default  # times 1 / L
    lam: float = LESSON_LAM
    iterations: int = int(ITERATIONS.default)
    batch: int = 8
    seed: int = 0
    adam_rate: float = 0.1


@dataclass(frozen=True)
class DiabetesSettings:
    """The diabetes race's controls: a cache key."""

    step: float = STEP.default
    lam: float = DIABETES_LAM
    epochs: int = int(EPOCHS.default)
    batch: int = 32
    seed: int = 0
    adam_rate: float = 0.3


@dataclass(frozen=True)
class Race:
    """Runs of every optimiser on one problem, their summaries and what was clamped.

    Attributes
    ----------
    loss : QuadraticLoss
        The smooth part ``L``.
    lam : float
        The lasso weight.
    exact : Solution
        ``solve_penalized(loss, "l1", lam)``: its zeros are exact.
    runs : dict
        slug -> iterates (start included), one row per iteration (2-D) or epoch (diabetes).
    summaries : dict
        slug -> ``summarise_run(runs[slug], exact, tau)``.
    step, fista_step, sgd_step, adam_rate : float
        The steps used: ``step`` for subgradient descent and ISTA; for FISTA at most
        ``1 / L`` (``fista_step``); ``sgd_step`` (``step`` held under the minibatch
        bound) for SGD; Adam's learning rate.
    unit : str
        "iteration" or "epoch": what a row of a run is.
    notes : tuple of str
        What was clamped, in words (the step of SGD, the work cap).
    """

    loss: QuadraticLoss
    lam: float
    exact: Solution
    runs: dict[str, np.ndarray]
    summaries: dict[str, RunSummary]
    step: float
    fista_step: float
    sgd_step: float
    adam_rate: float
    unit: str
    notes: tuple[str, ...]

    @property
    def rows(self) -> int:
        """Iterations (or epochs) run: rows of each run minus the start."""
        return next(iter(self.runs.values())).shape[0] - 1


def minibatch_curvature(data: LeastSquares, batch: int) -> float:
    """An upper bound on ``||X_B^T X_B / |B| ||`` over every minibatch ``B`` of this size.

    ``||sum_i x_i x_i^T|| <= sum_i ||x_i||^2``, so a batch's curvature is at most the
    mean of the ``batch`` largest ``||x_i||^2``; the full batch is ``||H||`` itself.
    """
    if batch >= data.samples:
        return float(np.linalg.eigvalsh(data.features.T @ data.features / data.samples)[-1])
    norms = np.sort(np.einsum("ij,ij->i", data.features, data.features))[::-1]
    return float(norms[:batch].mean())


def _sgd_step(data: LeastSquares, batch: int, step: float) -> tuple[float, str | None]:
    limit = MAX_STEP / minibatch_curvature(data, batch)
    if step <= limit:
        return step, None
    return limit, (
        f"SGD's step is held at {limit:.3g}: {MAX_STEP} over {MAX_STEP / limit:.3g}, "
        f"a bound on the curvature of any batch of {batch} (a single batch would otherwise "
        "throw it out)."
    )


def _fista_step(loss: QuadraticLoss, step: float) -> tuple[float, str | None]:
    """FISTA's step: at most 1 / L, its guarantee; its momentum diverges from about 4/3 L."""
    limit = lipschitz_step(loss)
    if step <= limit:
        return step, None
    return limit, (
        f"FISTA's step is held at 1/L = {limit:.3g}: with its momentum, steps from about "
        "1.3/L on diverge."
    )


def _race(loss, lam, runs, tau, **fields) -> Race:
    exact = solve_penalized(loss, "l1", lam)
    summaries = {slug: summarise_run(path, exact, tau) for slug, path in runs.items()}
    read_only(*runs.values())  # cached: every session reads the same arrays
    return Race(loss, lam, exact, runs, summaries, **fields)


@lru_cache(maxsize=32)
def lesson_race(settings: RaceSettings) -> Race:
    """Every optimiser on the lesson's bowl, ``settings.iterations`` steps from its start."""
    problem = lesson_problem(seed=0)
    loss, lam, n = problem.loss, settings.lam, settings.iterations
    step = settings.step * lipschitz_step(loss)
    sgd_step, note = _sgd_step(problem.data, settings.batch, step)
    fista_step, fista_note = _fista_step(loss, step)
    start = np.array(settings.start, dtype=float)
    runs = {
        "subgradient": subgradient_descent(loss, lam, step, n, start),
        "subgradient_sqrt": subgradient_descent(loss, lam, step, n, start, "sqrt"),
        "sgd": sgd(problem.data, lam, sgd_step, n, start, settings.batch, settings.seed),
        "adam": adam(loss, lam, settings.adam_rate, n, start),
        "ista": ista(loss, lam, step, n, start),
        "fista": fista(loss, lam, fista_step, n, start),
        "cd": coordinate_descent(loss, lam, n, start),
    }
    notes = tuple(n for n in (fista_note, note) if n)
    sizes = {"step": step, "fista_step": fista_step, "sgd_step": sgd_step}
    adam_rate = settings.adam_rate
    return _race(loss, lam, runs, 0.0, **sizes, adam_rate=adam_rate, unit="iteration", notes=notes)


def capped_epochs(epochs: int, batch: int, samples: int) -> tuple[int, str | None]:
    """Epochs that fit the work cap with this batch size, and a note when fewer than asked."""
    per_epoch = steps_per_epoch(samples, batch)
    if epochs * per_epoch <= RUN_CAP:
        return epochs, None
    allowed = RUN_CAP // per_epoch
    return allowed, (
        f"{epochs} epochs with batches of {batch} would be {epochs * per_epoch:,} steps; "
        f"a run is capped at {RUN_CAP:,} steps (iterations × weights ≤ {MAX_WORK:,}), so "
        f"every optimiser ran {allowed} epochs."
    )


def diabetes_race(settings: DiabetesSettings, tau: float = 0.0) -> Race:
    """Every optimiser on the diabetes lasso for ``settings.epochs`` epochs (or the cap's).

    The summaries read zeros after thresholding at ``tau`` too; the runs do not
    depend on it, and are run once per ``settings``.
    """
    race = _diabetes_runs(settings)
    if tau == 0.0:
        return race
    summaries = {s: summarise_run(path, race.exact, tau) for s, path in race.runs.items()}
    return replace(race, summaries=summaries)


@lru_cache(maxsize=16)
def _diabetes_runs(settings: DiabetesSettings) -> Race:
    problem = diabetes_problem()
    loss, data, lam = problem.loss, problem.data, settings.lam
    epochs, cap_note = capped_epochs(settings.epochs, settings.batch, data.samples)
    per_epoch = steps_per_epoch(data.samples, settings.batch)
    step = settings.step * lipschitz_step(loss)
    sgd_step, note = _sgd_step(data, settings.batch, step)
    fista_step, fista_note = _fista_step(loss, step)
    start = np.zeros(loss.dim)
    steps = epochs * per_epoch
    every = slice(None, None, per_epoch)  # the iterate at the end of each epoch
    batch, seed = settings.batch, settings.seed
    runs = {
        "subgradient": subgradient_descent(loss, lam, step, epochs, start),
        "subgradient_sqrt": subgradient_descent(loss, lam, step, epochs, start, "sqrt"),
        "sgd": sgd(data, lam, sgd_step, steps, start, batch, seed)[every].copy(),
        "adam": adam(data, lam, settings.adam_rate, steps, start, batch_size=batch, seed=seed)[
            every
        ].copy(),
        "ista": ista(loss, lam, step, epochs, start),
        "fista": fista(loss, lam, fista_step, epochs, start),
        "cd": coordinate_descent(loss, lam, epochs, start),
    }
    notes = tuple(n for n in (fista_note, note, cap_note) if n)
    sizes = {"step": step, "fista_step": fista_step, "sgd_step": sgd_step}
    adam_rate = settings.adam_rate
    return _race(loss, lam, runs, 0.0, **sizes, adam_rate=adam_rate, unit="epoch", notes=notes)
