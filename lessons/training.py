"""The Training page's model: a race of optimisers on the lasso, and which of them reach 0.0.

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
(``solvers._iterative``): ``RUN_CAP`` steps of any one optimiser.

Every number the page prints comes from these runs; the tables from
``solvers.identification`` on exactly the arrays returned here. The arrays
are read-only: they are cached and shared by every session of the server.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

import numpy as np
import plotly.graph_objects as go

from figures.training import PathData, RaceView, race_figure
from figures.training_zeros import ZeroTrace, threshold_sweep_figure, zeros_figure
from geometry import QuadraticLoss
from lessons.controls import Slider
from solvers import Solution, solve_penalized
from solvers._iterative import MAX_ITERATIONS, MAX_WORK
from solvers.coordinate_descent import coordinate_descent
from solvers.descent import subgradient_descent
from solvers.identification import RunSummary, summarise_run
from solvers.minibatch import LeastSquares, steps_per_epoch
from solvers.proximal import fista, ista, lipschitz_step
from solvers.stochastic import adam, sgd
from studies.training_problems import DIABETES_LAM, LESSON_LAM, diabetes_problem, lesson_problem

# --- the optimisers ---------------------------------------------------------------------
OPTIMISERS: dict[str, str] = {
    "subgradient": "subgradient descent",
    "subgradient_sqrt": "subgradient, η/√(k+1)",
    "sgd": "SGD (minibatch)",
    "adam": "Adam",
    "ista": "ISTA (proximal)",
    "fista": "FISTA",
    "cd": "coordinate descent (CD)",
}
TITLE_NAMES = {
    "subgradient": "subgradient",
    "subgradient_sqrt": "decaying subgradient",
    "sgd": "SGD",
    "adam": "Adam",
    "ista": "ISTA",
    "fista": "FISTA",
    "cd": "CD",
}
"""What titles call them: short, so that a title fits its figure."""
"""slug -> name, in the page's order: first the four that step along a subgradient."""
KNOWS_THE_KINK = ("ista", "fista", "cd")
DEFAULT_SHOWN = ("subgradient", "sgd", "adam", "ista", "fista", "cd")
MAX_STEP = 1.9  # times 1 / L: the step control's upper end
RUN_CAP = min(MAX_ITERATIONS, MAX_WORK // 10)  # steps per run of one optimiser (10 weights)
MAX_FRAMES = 60
TRAIL = 6  # iterates drawn as the moving trail of each optimiser

# --- the controls -------------------------------------------------------------------------
START = tuple(
    Slider(
        f"w{i}_0",
        f"Start w{i}",
        -3.0,
        3.0,
        0.1,
        default,
        f"Where every optimiser starts: w{i} of the first iterate.",
        "%.1f",
    )
    for i, default in ((1, 2.5), (2, -1.5))
)
STEP = Slider(
    "step",
    "Step η (times 1/L)",
    0.05,
    MAX_STEP,
    0.05,
    1.0,
    "The step of subgradient descent, SGD, ISTA and FISTA, as a multiple of 1/L, L = ‖H‖ "
    f"the loss's largest curvature. At most {MAX_STEP}/L: from 2/L on, ISTA and "
    "subgradient descent diverge (FISTA's step stays at most 1/L: its momentum diverges from "
    "about 1.3/L).",
)
LAM = Slider(
    "lam", "Penalty weight λ", 0.5, 4.0, 0.1, LESSON_LAM, "The lasso weight of λ‖w‖₁.", "%.1f"
)
ITERATIONS = Slider(
    "iters", "Iterations", 10, 2000, 10, 200, "Steps of each optimiser (CD: sweeps).", "%d"
)
SEED = Slider("seed", "Seed", 0, 20, 1, 0, "Seeds the minibatches' reshuffling.", "%d")
BATCHES = {str(b): str(b) for b in (1, 2, 4, 8, 16, 32)} | {"64": "64 (all: full batch)"}
ADAM_RATES = {r: r for r in ("0.003", "0.01", "0.03", "0.1", "0.3")}
DIABETES_LAM_SLIDER = Slider(
    "d_lam", "Penalty weight λ", 0.5, 40.0, 0.5, DIABETES_LAM, "The lasso weight.", "%.1f"
)
EPOCHS = Slider(
    "epochs",
    "Epochs K",
    1,
    1000,
    1,
    50,
    "Passes over the 442 patients: one full step, prox step or sweep each, or "
    "442 / batch minibatch steps.",
    "%d",
)
DIABETES_BATCHES = {str(b): str(b) for b in (1, 8, 32, 128)} | {"442": "442 (all)"}
DIABETES_ADAM_RATES = {r: r for r in ("0.01", "0.03", "0.1", "0.3", "1", "3")}
LOG_TAU = Slider(
    "log_tau",
    "Threshold afterwards: log₁₀ τ",
    -8.0,
    1.0,
    0.25,
    -2.0,
    "Set every |wᵢ| < τ to 0 after training, as one does with an optimiser that never "
    "gives exact zeros.",
)
TAU_GRID = np.logspace(-10.0, 2.0, 241)


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


def _frozen(runs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    for path in runs.values():
        path.setflags(write=False)
    return runs


def _race(loss, lam, runs, tau, **fields) -> Race:
    exact = solve_penalized(loss, "l1", lam)
    summaries = {slug: summarise_run(path, exact, tau) for slug, path in runs.items()}
    return Race(loss, lam, exact, _frozen(runs), summaries, **fields)


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


# --- what the tables say ------------------------------------------------------------------
def fmt(value: float) -> str:
    """Four significant digits; an exact zero as ``0``, never a rounded one."""
    if value == 0.0:
        return "0"
    if not np.isfinite(value):
        return str(value)
    return f"{value:.3e}" if abs(value) < 1e-3 or abs(value) >= 1e4 else f"{value:.4g}"


def identified_text(summary: RunSummary, race: Race) -> str:
    if summary.identified_at is None:
        return f"never within {race.rows:,}"
    return f"{summary.identified_at:,}"


def race_table(race: Race, shown: tuple[str, ...] = tuple(OPTIMISERS)) -> list[dict[str, str]]:
    """One row per optimiser: support exact from, distance to the exact w, exact zeros."""
    n = race.exact.w.size
    return [
        {
            "optimiser": OPTIMISERS[slug],
            f"support exact from {race.unit}": identified_text(race.summaries[slug], race),
            "distance to exact w": fmt(race.summaries[slug].distance),
            "exact zeros": f"{race.summaries[slug].zeros} of {n}",
        }
        for slug in shown
    ]


def tau_window(w: np.ndarray, exact: np.ndarray) -> tuple[float, float] | None:
    """The thresholds ``tau`` in ``(low, high]`` for which ``|w_i| < tau -> 0`` gives exact's zeros.

    ``low`` is the largest ``|w_i|`` where ``exact`` is 0 (0 if they are all 0.0),
    ``high`` the smallest ``|w_i|`` where it is not. None when no threshold works.
    """
    zero = exact == 0.0
    size = np.abs(w)
    low = float(size[zero].max()) if zero.any() else 0.0
    high = float(size[~zero].min()) if (~zero).any() else np.inf
    if not low < high:  # (a weight that should not be 0 but is 0.0 makes high = 0)
        return None
    return low, high


def threshold_table(race: Race, shown: tuple[str, ...]) -> list[dict[str, str]]:
    """The diabetes table: exact zeros, support, distance, and the zeros left by ``tau``."""
    rows = []
    for slug, row in zip(shown, race_table(race, shown), strict=True):
        summary = race.summaries[slug]
        window = tau_window(race.runs[slug][-1], race.exact.w)
        row |= {
            f"zeros after |w| < τ → 0 (τ = {summary.tau:.3g})": f"{summary.thresholded_zeros}",
            "= exact support?": "yes" if summary.threshold_matches else "no",
            "τ that would give it": "none" if window is None else _window_text(window),
        }
        rows.append(row)
    return rows


def _window_text(window: tuple[float, float]) -> str:
    low, high = window
    return f"any τ ≤ {fmt(high)}" if low == 0.0 else f"{fmt(low)} < τ ≤ {fmt(high)}"


def threshold_counts(race: Race, slug: str, taus: np.ndarray = TAU_GRID) -> np.ndarray:
    """Zeros of the last iterate after setting ``|w_i| < tau`` to 0, for each ``tau``."""
    last = race.runs[slug][-1]
    return np.count_nonzero((last == 0.0) | (np.abs(last)[None, :] < taus[:, None]), axis=1)


# --- the race figure's data ---------------------------------------------------------------
def _quadrant_pieces(points: np.ndarray, signs: np.ndarray) -> list[np.ndarray]:
    """The parts of a closed curve inside the quadrant ``signs * w >= 0``, ends put on the axes."""
    inside = np.all(points * signs >= 0.0, axis=1)
    if inside.all():
        return [points]
    if not inside.any():
        return []
    shift = int(np.flatnonzero(~inside)[0])  # start outside: no piece wraps round the end
    points, inside = np.roll(points, -shift, axis=0), np.roll(inside, -shift)
    pieces, k = [], 0
    while k < inside.size:
        if not inside[k]:
            k += 1
            continue
        end = k
        while end + 1 < inside.size and inside[end + 1]:
            end += 1
        ends = [_crossing(points[k], points[k - 1], signs)]
        if end + 1 < inside.size:
            tail = [_crossing(points[end], points[end + 1], signs)]
        else:
            tail = [_crossing(points[end], points[0], signs)]
        pieces.append(np.vstack([ends, points[k : end + 1], tail]))
        k = end + 1
    return pieces


def _crossing(inner: np.ndarray, outer: np.ndarray, signs: np.ndarray) -> np.ndarray:
    """Where the chord from ``inner`` (in the quadrant) to ``outer`` leaves it: on an axis."""
    a, b = inner * signs, outer * signs
    t = min((a[i] / (a[i] - b[i]) for i in range(2) if b[i] < 0.0), default=1.0)
    return inner + t * (outer - inner)


def objective_value(loss: QuadraticLoss, lam: float, w: np.ndarray) -> float:
    """``L(w) + lam ||w||_1``."""
    return float(loss.value(w)) + lam * float(np.abs(w).sum())


def objective_contours(
    loss: QuadraticLoss, lam: float, levels: list[float], points: int = 241
) -> np.ndarray:
    """Contours of ``L(w) + lam ||w||_1`` (2-D), one polyline with NaN rows between pieces.

    In the quadrant with signs ``s`` the objective is the quadratic
    ``0.5 (w - c_s)^T H (w - c_s) + k_s`` with ``c_s = c - lam H^-1 s`` and
    ``k_s = 0.5 (c^T H c - c_s^T H c_s)``: each level is the part of that
    ellipse inside the quadrant, exact, and the four parts meet on the axes,
    where the contour has its kink.
    """
    hessian, center = loss.hessian, loss.center
    gap = np.full((1, 2), np.nan)
    parts = []
    for s in ((1.0, 1.0), (-1.0, 1.0), (-1.0, -1.0), (1.0, -1.0)):
        signs = np.array(s)
        shifted = center - lam * np.linalg.solve(hessian, signs)
        offset = 0.5 * (center @ hessian @ center - shifted @ hessian @ shifted)
        quadrant = QuadraticLoss(center=shifted, hessian=hessian)
        for level in levels:
            if level - offset <= 0.0:
                continue
            curve = quadrant.level_curve(level - offset, points)
            for piece in _quadrant_pieces(curve, signs):
                parts += [piece, gap]
    return np.vstack(parts) if parts else np.empty((0, 2))


def frame_iterations(count: int, most: int = MAX_FRAMES) -> tuple[int, ...]:
    """The iterations the animation shows: every one of the first 20, then evenly in log."""
    early = np.arange(min(count, 20) + 1)
    later = np.geomspace(20, count, most - early.size).round() if count > 20 else []
    return tuple(int(k) for k in np.unique(np.concatenate([early, later])))


def short(slug: str) -> str:
    """The optimiser's name in a title: "ISTA", "CD"."""
    return TITLE_NAMES[slug]


def _weights_named(indices) -> str:
    return " and ".join(f"w{i + 1}" for i in indices)


def _on_axis_text(exact: Solution) -> tuple[int | None, str | None]:
    if len(exact.zeros) != 1:
        return None, None
    zero = exact.zeros[0]
    return 1 - zero, f"w{zero + 1} = 0 (the w{2 - zero} axis)"


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def race_title(race: Race, shown: tuple[str, ...], compact: bool = False) -> str:
    """What the contours show, then which shown optimisers end on the exact zeros.

    Two lines; ``compact``: the second alone, naming the point (for projecting).
    """
    point = _point(race.exact.w)
    head = f"Contours of L(w) + λ‖w‖₁ kink on the axes; the minimum {point}"
    if not race.exact.zeros:
        tail = "No weight is 0 at this λ: there is no zero to find"
        return tail if compact else f"{head} is off them<br>{tail}"
    head += " is on a kink"
    landed = [short(s) for s in shown if race.summaries[s].identified_at is not None]
    missed = [short(s) for s in shown if race.summaries[s].identified_at is None]
    if not landed:
        tail = f"None of these reaches {_weights_named(race.exact.zeros)} = 0.0"
    else:
        where = f"on the kink at {point}" if compact else "there"
        tail = f"{_listed(landed)} stop{'s' if len(landed) == 1 else ''} {where} exactly"
        if len(missed) > 3:
            tail += f"; the other {len(missed)} never do"
        elif missed:
            tail += f"; {_listed(missed)} never do{'es' if len(missed) == 1 else ''}"
    return tail if compact else f"{head}<br>{tail}"


def _point(w: np.ndarray) -> str:
    return "(" + ", ".join(fmt(float(x)) if x == 0.0 else f"{x:.3g}" for x in w) + ")"


def view_box(race: Race, start: np.ndarray, shown: tuple[str, ...]):
    """The view's ranges: the axes, start, optimum, ŵ and the paths shown, with a margin."""
    points = [np.zeros((1, 2)), start[None, :], race.loss.center[None, :], race.exact.w[None, :]]
    points += [np.clip(race.runs[s], -4.0, 4.0) for s in shown]
    stacked = np.vstack(points)
    low, high = stacked.min(axis=0) - 0.4, stacked.max(axis=0) + 0.4
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def race_view(
    race: Race, settings: RaceSettings, shown: tuple[str, ...], compact: bool = False
) -> RaceView:
    """Everything the race figure draws besides the paths; ``compact``: a one-line title."""
    start = np.array(settings.start, dtype=float)
    lowest = objective_value(race.loss, race.lam, race.exact.w)
    corner = max(objective_value(race.loss, race.lam, start), lowest + 1.0)
    levels = [lowest + (corner - lowest) * (k / 6.0) ** 2 for k in range(1, 8)]
    on_axis, axis_text = _on_axis_text(race.exact)
    x_range, y_range = view_box(race, start, shown)
    title = race_title(race, shown, compact)
    return RaceView(
        contours=objective_contours(race.loss, race.lam, levels),
        optimum=race.exact.w,
        center=race.loss.center,
        start=start,
        optimum_text=f"w* = {_point(race.exact.w)}, exact",
        axis_text=axis_text,
        on_axis=on_axis,
        frames=frame_iterations(race.rows),
        trail=TRAIL,
        x_range=x_range,
        y_range=y_range,
        title=title,
    )


def race_paths(race: Race, shown: tuple[str, ...]) -> list[PathData]:
    return [PathData(slug, OPTIMISERS[slug], race.runs[slug]) for slug in shown]


def animated_race_figure(
    settings: RaceSettings, shown: tuple[str, ...], height: int = 620, compact: bool = False
):
    """The 2-D race figure for these controls (``compact``: a one-line title, for projecting)."""
    race = lesson_race(settings)
    view = race_view(race, settings, shown, compact)
    return race_figure(view, race_paths(race, shown), height, compact)


# --- how close the zero weights come ------------------------------------------------------
def watched(race: Race) -> tuple[tuple[int, ...], bool]:
    """The weights the log plot follows: the optimum's zeros, else its smallest weight."""
    if race.exact.zeros:
        return tuple(race.exact.zeros), True
    return (int(np.argmin(np.abs(race.exact.w))),), False


def distance_from_zero(race: Race, slug: str) -> np.ndarray:
    """``max |w_i|`` over the watched weights at each row of the run (0.0 when all are 0.0)."""
    indices, _ = watched(race)
    return np.abs(race.runs[slug][:, list(indices)]).max(axis=1)


def zeros_title(race: Race, shown: tuple[str, ...]) -> str:
    indices, zeros = watched(race)
    names = _weights_named(indices)
    if not zeros:
        return (
            f"No weight is 0 at this λ: |{names}| settles at {fmt(abs(race.exact.w[indices[0]]))}"
        )
    reached = {
        s: race.summaries[s].identified_at
        for s in shown
        if race.summaries[s].identified_at is not None
    }
    if not reached:
        return f"|{names}| of these optimisers never reaches 0.0 within {race.rows:,} {race.unit}s"
    first = ", ".join(f"{short(s)} from {k}" for s, k in reached.items())
    if len(indices) > 2:
        names = f"all {len(indices)} zeros of w*"
    return f"Exactly {names} = 0.0 after finitely many {race.unit}s:<br>{first}"


def zeros_figure_for(race: Race, shown: tuple[str, ...], height: int = 520):
    indices, zeros = watched(race)
    names = _weights_named(indices)
    traces = [ZeroTrace(s, OPTIMISERS[s], distance_from_zero(race, s)) for s in shown]
    y_title = f"|{names}| (0 at the optimum)" if zeros else f"|{names}|"
    if len(indices) > 1:
        y_title = f"largest |wᵢ| of the {len(indices)} zeros of w*"
    return zeros_figure(traces, race.unit, y_title, zeros_title(race, shown), height)


# --- why each update can or cannot land on 0 (every number from the run) -------------------
def _late(race: Race) -> slice:
    """The second half of the run: where a method hovers, if it does."""
    return slice(race.rows // 2 + 1, None)


def _hover(race: Race, slug: str) -> tuple[int, float, float, int]:
    """Over the second half: sign changes of the watched weights, min and max |w|, exact zeros."""
    indices, _ = watched(race)
    late = race.runs[slug][_late(race)][:, list(indices)]
    signs = np.sign(late)
    changes = int(np.count_nonzero(signs[1:] * signs[:-1] < 0))
    size = np.abs(late).max(axis=1)
    zeros = int(np.count_nonzero(np.all(race.runs[slug][:, list(indices)] == 0.0, axis=1)))
    return changes, float(size.min()), float(size.max()), zeros


def prox_inputs(race: Race, slug: str) -> np.ndarray:
    """ISTA's stepped points ``v_k = w_k - eta grad L(w_k)``, one per step (rows 0..k-1)."""
    path = race.runs[slug][:-1]
    return path - race.step * race.loss.gradient(path)


def partial_residuals(race: Race) -> np.ndarray:
    """Coordinate descent's ``rho_j`` at each sweep's update of ``w_j``: shape (sweeps, n).

    ``rho_j = (H c)_j - sum_{k != j} H_jk w_k`` with the weights before ``j``
    already updated in this sweep and the ones after it from the previous one.
    """
    path, hessian, linear = race.runs["cd"], race.loss.hessian, race.loss.linear_term
    n = path.shape[1]
    rho = np.empty((path.shape[0] - 1, n))
    for j in range(n):
        mixed = np.concatenate([path[1:, :j], path[:-1, j:]], axis=1)
        rho[:, j] = linear[j] - mixed @ hessian[j] + hessian[j, j] * mixed[:, j]
    return rho


def _left_zero(race: Race, slug: str) -> int:
    """How often a watched weight went from exactly 0.0 back to non-zero."""
    indices, _ = watched(race)
    zero = race.runs[slug][:, list(indices)] == 0.0
    return int(np.count_nonzero(zero[:-1] & ~zero[1:]))


def explanations(race: Race, settings: RaceSettings) -> dict[str, str]:
    """A paragraph per optimiser (markdown): why its update lands on 0 or cannot."""
    indices, zeros = watched(race)
    names, n, unit = _weights_named(indices), race.rows, race.unit
    if not zeros:
        return {
            slug: f"At λ = {race.lam:g} the exact minimum {_point(race.exact.w)} has no zero, so "
            f"there is no 0 to land on: after {n:,} {unit}s it is "
            f"{fmt(race.summaries[slug].distance)} from it."
            for slug in OPTIMISERS
        }
    eta, lam = race.step, race.lam
    text = {}
    for slug in ("subgradient", "subgradient_sqrt", "sgd", "adam"):
        changes, low, high, hits = _hover(race, slug)
        text[slug] = (
            f"Over the last {n - n // 2:,} {unit}s {names} changed sign {changes:,} times, "
            f"|{names}| between {fmt(low)} and {fmt(high)}; exactly 0.0 at {hits:,} of the "
            f"{n + 1:,} iterates."
        )
    text["subgradient"] = (
        f"Each step moves {names} by η(∂L/∂w + λ·sign w), and the λ part does not shrink as "
        f"the weight nears 0: it is ηλ = {fmt(eta * lam)} however small |w| is. There is no "
        f"dead zone: the step jumps across 0. " + text["subgradient"]
    )
    text["subgradient_sqrt"] = (
        "The step η/√(k+1) shrinks, so the jumps across 0 shrink with it, but a step ends on "
        "0.0 only by coincidence. " + text["subgradient_sqrt"]
    )
    clamped = f" (held at {fmt(race.sgd_step)}, see the note)" if race.sgd_step < eta else ""
    text["sgd"] = (
        f"The same sign step, η = {fmt(race.sgd_step)}{clamped}, on the gradient of "
        f"{settings.batch} of the 64 samples: what a framework does with λ‖w‖₁ in the loss. "
        "The batches' noise adds to the jumps. " + text["sgd"]
    )
    text["adam"] = (
        f"Adam divides each step by the running size of its gradient, so a weight moves by "
        f"about α = {race.adam_rate:g} per step however small the pull: it hovers at the scale "
        "of α instead of stopping. " + text["adam"]
    )
    zero_list = list(indices)
    for slug in ("ista", "fista"):
        start = race.summaries[slug].identified_at
        dead = (race.fista_step if slug == "fista" else eta) * lam
        if start is None:
            text[slug] = (
                f"The soft threshold would set {names} to 0.0 once the stepped point "
                f"v = w − η∇L(w) lies within ηλ = {fmt(dead)} of 0; within {n:,} {unit}s it "
                "had not settled there."
            )
            continue
        point = "y" if slug == "fista" else "w"
        if slug == "ista":
            inputs = np.abs(prox_inputs(race, slug)[max(start - 1, 0) :, zero_list]).max()
            stay = f"From {unit} {start} on every |v| ≤ {fmt(inputs)} < {fmt(dead)}, "
        else:
            left = _left_zero(race, slug)
            again = f"it left 0.0 again {left} times, then" if left else "it never left 0.0 once"
            stay = (
                f"Its momentum extrapolates y past the last iterate; {again} from {unit} {start}, "
            )
        text[slug] = (
            f"After the gradient step v = {point} − η∇L({point}) the soft threshold sets "
            f"{names} to exactly 0.0 whenever |v| ≤ ηλ = {fmt(dead)}: the proximal map of λ|w| "
            f"has a dead zone. {stay}so {names} = 0.0 exactly and stays."
        )
    start = race.summaries["cd"].identified_at
    rho = np.abs(partial_residuals(race)[:, zero_list])
    if start is None:
        text["cd"] = (
            f"Each update minimises over one weight exactly: w_j = soft(ρ_j, λ)/H_jj, 0.0 when "
            f"|ρ_j| ≤ λ = {lam:g}; within {n:,} sweeps {names} had not settled at 0."
        )
    else:
        late = float(rho[max(start - 1, 0) :].max())
        text["cd"] = (
            f"Each update minimises over one weight exactly, the others held: w_j = "
            f"soft(ρ_j, λ)/H_jj, exactly 0.0 whenever the partial residual |ρ_j| ≤ λ = {lam:g}. "
            f"From sweep {start} on |ρ| ≤ {fmt(late)}, so {names} = 0.0 exactly and stays."
        )
    return text


# --- the diabetes race's figures ----------------------------------------------------------
def sweep_title(race: Race, shown: tuple[str, ...]) -> str:
    """Which shown optimisers a threshold can repair, and in which window of τ."""
    windows = {s: tau_window(race.runs[s][-1], race.exact.w) for s in shown}
    hover = [s for s in shown if s not in KNOWS_THE_KINK]
    fixable = [s for s in hover if windows[s] is not None]
    count = len(race.exact.zeros)
    if not hover:
        return f"The exact lasso's {count} zeros: these optimisers have them for any small τ"
    if not fixable:
        names = _listed([short(s) for s in hover])
        return f"No threshold τ gives the exact lasso's {count} zeros<br>to {names}"
    widest = max(fixable, key=lambda s: windows[s][1] / max(windows[s][0], 1e-300))
    low, high = windows[widest]
    return (
        f"Thresholding gives the exact {count} zeros only in a window of τ<br>"
        f"{short(widest)}: {fmt(low)} < τ ≤ {fmt(high)}; no τ at all for "
        f"{len(hover) - len(fixable)} of {len(hover)} sign-step methods"
    )


def diabetes_zeros_figure(settings: DiabetesSettings, shown: tuple[str, ...], height: int = 480):
    return zeros_figure_for(diabetes_race(settings), shown, height)


def diabetes_sweep_figure(
    settings: DiabetesSettings, tau: float, shown: tuple[str, ...], height: int = 480
):
    race = diabetes_race(settings, tau)
    counts = [(s, OPTIMISERS[s], threshold_counts(race, s)) for s in shown]
    return threshold_sweep_figure(
        TAU_GRID, counts, len(race.exact.zeros), race.exact.w.size, tau,
        sweep_title(race, shown), height,
    )  # fmt: skip


# --- the Tour's stop ----------------------------------------------------------------------
@cache
def _tour_text() -> str:
    race = lesson_race(RaceSettings())
    found = race.summaries
    adam_high = _hover(race, "adam")[2]
    sub_high = _hover(race, "subgradient")[2]
    return (
        "Add λ‖w‖₁ to a network's loss and train it with SGD or Adam: the weights that should "
        "be 0 hover near 0 and never reach it, because a (sub)gradient step has no dead zone "
        "and jumps across the kink. Here on the lesson's bowl at λ = "
        f"{race.lam:g}, whose exact minimum {_point(race.exact.w)} has w1 = 0: after "
        f"{race.rows} steps subgradient descent still swings |w1| up to {fmt(sub_high)} "
        f"and Adam up to {fmt(adam_high)}, with {found['subgradient'].zeros} and "
        f"{found['adam'].zeros} exact zeros. The methods that know the kink land on it: ISTA "
        f"(a proximal step: soft thresholding) from iteration {found['ista'].identified_at}, "
        f"FISTA from {found['fista'].identified_at}, coordinate descent from sweep "
        f"{found['cd'].identified_at}, exactly 0.0 and for good."
    )


def _tour_figures() -> list[go.Figure]:
    settings = RaceSettings()
    return [
        animated_race_figure(settings, DEFAULT_SHOWN),
        zeros_figure_for(lesson_race(settings), DEFAULT_SHOWN),
    ]


TOUR_STEP: dict = {
    "slug": "training",
    "title": "Training with SGD or Adam gives no exact zeros",
    "text": None,  # filled below, from the runs
    "figures": _tour_figures,
    "page": "training",
    "page_title": "Training",
    "query": {},
}
TOUR_STEP["text"] = _tour_text()
