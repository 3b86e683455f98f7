"""A near copy of one feature, with exactly the correlation asked for.

``copy = rho x + sqrt(1 - rho^2) z``, where ``x`` is the feature (centred)
and ``z`` seeded Gaussian noise made orthogonal to ``x`` and to the constant
column, both scaled to the same length as ``x``. Then the sample correlation
of ``copy`` with ``x`` is exactly ``rho`` (not only in expectation) and the
copy has the same mean (0) and length as ``x``; ``rho = 1`` is an exact
duplicate. Which of the pair fits the response better depends on ``z``'s
chance correlation with it: that is what a new seed changes.
"""

from __future__ import annotations

import numpy as np

from geometry.validation import finite_scalar

__all__ = ["near_copy", "with_near_copy"]


def near_copy(x: np.ndarray, correlation: float, seed: int) -> np.ndarray:
    """A column with sample correlation exactly ``correlation`` with ``x`` (centred, same length).

    Raises
    ------
    ValueError
        If ``x`` is not a finite non-constant 1-D array with at least 3 entries
        or ``correlation`` is outside [0, 1].
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or x.size < 3 or not np.all(np.isfinite(x)):
        raise ValueError(f"x must be a finite 1-D array of 3 or more values, got shape {x.shape}")
    rho = finite_scalar("correlation", correlation)
    if not 0.0 <= rho <= 1.0:
        raise ValueError(f"correlation must lie in [0, 1], got {rho}")
    centred = x - x.mean()
    length = np.linalg.norm(centred)
    if length == 0.0:
        raise ValueError("x must not be constant")
    unit = centred / length
    z = np.random.default_rng(int(seed)).standard_normal(x.size)
    z -= z.mean()
    z -= (z @ unit) * unit  # orthogonal to x and (being centred) to the constant
    z /= np.linalg.norm(z)
    return length * (rho * unit + np.sqrt(max(1.0 - rho * rho, 0.0)) * z)


def with_near_copy(X: np.ndarray, column: int, correlation: float, seed: int) -> np.ndarray:
    """``X`` with a near copy of its ``column`` appended as the last column."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or not 0 <= column < X.shape[1]:
        raise ValueError(f"column must index a column of X (shape {X.shape}), got {column}")
    return np.column_stack([X, near_copy(X[:, column], correlation, seed)])
