"""Argument checks and the work cap shared by the iterative optimisers (public: the pages
state the cap).

The optimisers run in a Streamlit session on a shared server, so the work a
single call may do is bounded up front: ``iterations`` is at most
``MAX_ITERATIONS`` and ``iterations * weights`` at most ``MAX_WORK`` (one
iteration touches every weight at least once). Arguments are checked before
any work, in the manner of scikit-learn's ``lars_path``, with a ValueError
that names the argument.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np

from geometry import QuadraticLoss
from geometry.validation import finite_vector, positive_scalar
from solvers.shrinkage import penalty_weight

__all__ = [
    "MAX_ITERATIONS",
    "MAX_WORK",
    "SCHEDULES",
    "check_batch_size",
    "check_iterations",
    "check_loss",
    "check_run",
    "check_seed",
    "step_sizes",
]

MAX_ITERATIONS = 100_000
MAX_WORK = 2_000_000  # iterations x weights


def _integer(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral | np.integer):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    return int(value)


def check_loss(loss: object) -> QuadraticLoss:
    """``loss`` itself, or ValueError naming ``loss`` when it is not a QuadraticLoss."""
    if not isinstance(loss, QuadraticLoss):
        raise ValueError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    return loss


def check_iterations(iterations: object, dim: int) -> int:
    """``iterations`` as an int in [0, MAX_ITERATIONS] with ``iterations * dim <= MAX_WORK``."""
    if (
        isinstance(iterations, bool)
        or not isinstance(iterations, Integral | np.integer)
        or not 0 <= iterations <= MAX_ITERATIONS
    ):
        raise ValueError(
            f"iterations must be an integer in [0, {MAX_ITERATIONS}], got {iterations!r}"
        )
    iterations = int(iterations)
    if iterations * dim > MAX_WORK:
        raise ValueError(
            f"iterations x weights must be at most {MAX_WORK:,}: iterations={iterations} "
            f"with {dim} weights asks for {iterations * dim:,}"
        )
    return iterations


def check_seed(seed: object) -> int:
    """``seed`` as an int >= 0 (what ``numpy.random.default_rng`` takes), or ValueError."""
    seed = _integer("seed", seed)
    if seed < 0:
        raise ValueError(f"seed must be >= 0, got {seed}")
    return seed


def check_batch_size(batch_size: object, samples: int) -> int:
    """``batch_size`` as an int in [1, samples], or ValueError naming ``batch_size``."""
    batch_size = _integer("batch_size", batch_size)
    if not 1 <= batch_size <= samples:
        raise ValueError(f"batch_size must lie in [1, {samples}] (the samples), got {batch_size}")
    return batch_size


def check_run(
    lam: object, step: object, iterations: object, start: object, dim: int
) -> tuple[float, float, int, np.ndarray]:
    """A gradient-type run's common arguments: ``lam >= 0``, ``step > 0``, iterations, start."""
    lam = penalty_weight(lam)
    step = positive_scalar("step", step)
    w = finite_vector("start", start, dim=dim)
    return lam, step, check_iterations(iterations, dim), w


SCHEDULES = ("constant", "sqrt")


def step_sizes(step: float, iterations: int, schedule: str) -> np.ndarray:
    """The step of each iteration: ``step`` (constant) or ``step / sqrt(k + 1)``, k = 0, 1, ...

    The decaying schedule is the classical one for subgradient methods
    (Shor 1985; Boyd, Xiao & Mutapcic, "Subgradient methods", 2003): steps
    not summable but going to 0, so the iterates converge although no single
    step lands on the kink.
    """
    if schedule not in SCHEDULES:
        raise ValueError(f"schedule must be one of {SCHEDULES}, got {schedule!r}")
    if schedule == "constant":
        return np.full(iterations, step)
    return step / np.sqrt(np.arange(1.0, iterations + 1.0))
