"""The Training page's words and remaining figures: why each update can or cannot land on 0."""

from __future__ import annotations

from functools import cache

import numpy as np
import plotly.graph_objects as go

from figures.training_zeros import ZeroTrace, threshold_sweep_figure, zeros_figure
from lessons.tour_step import TourStep
from lessons.training import DiabetesSettings, Race, RaceSettings, diabetes_race, lesson_race
from lessons.training_controls import DEFAULT_SHOWN, KNOWS_THE_KINK, OPTIMISERS, TAU_GRID
from lessons.training_race import _listed, _point, _weights_named, animated_race_figure, short
from lessons.training_tables import fmt, tau_window, threshold_counts


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
        f"at most about α = {race.adam_rate:g} per step, whatever the gradient's scale (where "
        "the gradient's sign flips at the kink the averaged moment shrinks, and so does the "
        "step): it hovers at the scale of α instead of stopping. " + text["adam"]
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
        "be 0 hover near 0: they reach it only by coincidence and never stay, because a "
        "(sub)gradient step has no dead zone and jumps across the kink. Here on the lesson's "
        f"bowl at λ = {race.lam:g}, whose exact minimum {_point(race.exact.w)} has w1 = 0: after "
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


def tour_step() -> TourStep:
    """The Tour's stop on this page: its text from the runs, computed when shown."""
    return TourStep(
        slug="training",
        title="Training with SGD or Adam gives no exact zeros",
        text=_tour_text,
        figures=_tour_figures,
        page="training",
        page_title="Training",
    )
