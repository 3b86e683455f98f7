"""The Training page's words: the figures' titles and why each update can or cannot land on 0.

Every sentence is computed from the runs (``lessons.training.model``) and their
readings (``lessons.training.readings``).
"""

from __future__ import annotations

import numpy as np

from lessons.training.controls import (
    KNOWS_THE_KINK,
    MAX_STEP,
    MAX_WORK,
    OPTIMISERS,
    RUN_CAP,
    TITLE_NAMES,
)
from lessons.training.model import DiabetesSettings, Race, RaceSettings
from lessons.training.readings import hover, left_zero, partial_residuals, prox_inputs, watched
from lessons.training.tables import fmt, tau_window
from solvers import Solution


# --- names in titles ----------------------------------------------------------------------
def short(slug: str) -> str:
    """The optimiser's name in a title: "ISTA", "CD"."""
    return TITLE_NAMES[slug]


def weights_named(indices) -> str:
    """The weights at ``indices`` by name: "w1", "w1 and w2"."""
    return " and ".join(f"w{i + 1}" for i in indices)


def listed(names: list[str]) -> str:
    """Names joined for a sentence: "A", "A and B", "A, B and C"."""
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def point_text(w: np.ndarray) -> str:
    """A point for a title: an exact 0.0 as ``0``, the others to three digits."""
    return "(" + ", ".join(fmt(float(x)) if x == 0.0 else f"{x:.3g}" for x in w) + ")"


def on_axis_text(exact: Solution) -> tuple[int | None, str | None]:
    """The axis the optimum lies on (its index) and its legend entry, if one weight is 0."""
    if len(exact.zeros) != 1:
        return None, None
    zero = exact.zeros[0]
    return 1 - zero, f"w{zero + 1} = 0 (the w{2 - zero} axis)"


# --- the figures' titles ------------------------------------------------------------------
def race_title(race: Race, shown: tuple[str, ...], compact: bool = False) -> str:
    """What the contours show, then which shown optimisers end on the exact zeros.

    Two lines; ``compact``: the second alone, naming the point (for projecting).
    """
    point = point_text(race.exact.w)
    head = f"L + λ‖w‖₁ kinks on the axes; its minimum {point}"
    if not race.exact.zeros:
        tail = "No weight is 0 at this λ: there is no zero to find"
        return tail if compact else f"{head} is off them<br>{tail}"
    head += " is on a kink"
    landed = [short(s) for s in shown if race.summaries[s].identified_at is not None]
    missed = [short(s) for s in shown if race.summaries[s].identified_at is None]
    if not landed:
        tail = f"None of these reaches {weights_named(race.exact.zeros)} = 0.0"
    else:
        where = f"on the kink at {point}" if compact else "there"
        tail = f"{listed(landed)} stop{'s' if len(landed) == 1 else ''} {where} exactly"
        if len(missed) > 3:
            tail += f"; the other {len(missed)} never do"
        elif missed:
            tail += f"; {listed(missed)} never do{'es' if len(missed) == 1 else ''}"
    return tail if compact else f"{head}<br>{tail}"


def zeros_title(race: Race, shown: tuple[str, ...]) -> str:
    """The log plot's title: which shown optimisers reach the optimum's zeros, and when."""
    indices, zeros = watched(race)
    names = weights_named(indices)
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


def sweep_title(race: Race, shown: tuple[str, ...]) -> str:
    """Which shown optimisers a threshold can repair, and in which window of τ."""
    windows = {s: tau_window(race.runs[s][-1], race.exact.w) for s in shown}
    hover = [s for s in shown if s not in KNOWS_THE_KINK]
    fixable = [s for s in hover if windows[s] is not None]
    count = len(race.exact.zeros)
    if not hover:
        return f"The exact lasso's {count} zeros: these optimisers have them for any small τ"
    if not fixable:
        names = listed([short(s) for s in hover])
        return f"No threshold τ gives the exact lasso's {count} zeros<br>to {names}"
    widest = max(fixable, key=lambda s: windows[s][1] / max(windows[s][0], 1e-300))
    low, high = windows[widest]
    return (
        f"Thresholding gives the exact {count} zeros only in a window of τ<br>"
        f"{short(widest)}: {fmt(low)} < τ ≤ {fmt(high)}; no τ at all for "
        f"{len(hover) - len(fixable)} of {len(hover)} sign-step methods"
    )


# --- why each update can or cannot land on 0 (every number from the run) -------------------
def explanations(race: Race, settings: RaceSettings) -> dict[str, str]:
    """A paragraph per optimiser (markdown): why its update lands on 0 or cannot."""
    indices, zeros = watched(race)
    names, n, unit = weights_named(indices), race.rows, race.unit
    if not zeros:
        return {
            slug: f"At λ = {race.lam:g} the exact minimum {point_text(race.exact.w)} has no "
            f"zero, so there is no 0 to land on: after {n:,} {unit}s it is "
            f"{fmt(race.summaries[slug].distance)} from it."
            for slug in OPTIMISERS
        }
    eta, lam = race.step, race.lam
    text = {}
    for slug in ("subgradient", "subgradient_sqrt", "sgd", "adam"):
        changes, low, high, hits = hover(race, slug)
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
            left = left_zero(race, slug)
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


STRICT_ZERO = (
    "A zero of the lasso is *strict* when |∂ⱼL(w*)| < λ, as it is for almost all data. Then "
    "the methods that know the kink set it to 0.0 after finitely many steps and eventually "
    "stay there (FISTA is not monotone: it may leave 0 and come back before it settles); at "
    "|∂ⱼL(w*)| = λ finite identification is not guaranteed."
)


# --- the page's sentences -----------------------------------------------------------------
INTRO = (
    "Add λ‖w‖₁ to a network's loss, train with SGD or Adam, and the weights that should "
    "be 0 come out small but not 0. A (sub)gradient step has no dead zone: it jumps "
    "across the kink of |w| at 0. The methods that know the kink, the **proximal step** "
    "(soft thresholding: ISTA, FISTA) and **coordinate descent**, land on 0.0 after "
    "finitely many steps and, for a strict zero, eventually stay there."
)
CHOOSE_OPTIMISER = "Choose at least one optimiser under “Optimisers shown” in the sidebar."


def race_caption(race: Race, settings: RaceSettings) -> str:
    """Under the race: the work cap and the step's bounds, with this race's 1/L and η."""
    return (
        f"Every run is bounded: at most {RUN_CAP:,} steps of one optimiser (the "
        f"solvers' cap, iterations × weights ≤ {MAX_WORK:,}), and steps at most "
        f"{MAX_STEP}/L, FISTA's at most 1/L: convergence is guaranteed only for "
        "η < 2/L, beyond it ISTA and subgradient descent diverge on this quadratic (at "
        "exactly 2/L gradient descent oscillates), and FISTA's momentum from about 1.3/L. "
        f"Here 1/L = {fmt(race.step / settings.step)}, so η = {fmt(race.step)}."
    )


def diabetes_intro(race: Race, settings: DiabetesSettings) -> str:
    """The diabetes section's paragraph: λ, the epochs and the exact lasso's zeros."""
    return (
        f"Ten standardised features, λ = {settings.lam:g}, {race.rows} epochs from "
        f"w = 0 against the exact lasso (solved exactly: "
        f"{len(race.exact.zeros)} of 10 weights are 0.0). The sign-step methods' zeros "
        "can only be read off with a threshold τ chosen afterwards; the data do not choose "
        "it, and only a window of τ gives the exact support, if any does."
    )
