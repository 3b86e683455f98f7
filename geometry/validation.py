"""Argument checks shared by geometry/, solvers/ and studies/: a public module of geometry.

Every public entry point validates its inputs up front (in the manner of
scikit-learn's ``lars_path``) so that nonsense fails at once with a
``ValueError`` that names the offending argument, instead of surfacing later
as a NaN in a figure.
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

__all__ = [
    "SYMMETRY_RTOL",
    "finite_scalar",
    "finite_vector",
    "positive_scalar",
    "read_only",
    "spd_matrix",
    "unit_interval",
]

# Relative asymmetry tolerated in a Hessian: enough for a matrix assembled in
# floating point (R diag(d) R^T), far too little to hide a real typo.
SYMMETRY_RTOL = 1e-10


def finite_vector(name: str, value: object, dim: int | None = None) -> np.ndarray:
    """Return ``value`` as a finite 1-D float64 array, or raise ValueError."""
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be a vector of real numbers, got {value!r}") from error
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D vector, got shape {array.shape}")
    if dim is not None and array.size != dim:
        raise ValueError(f"{name} must have {dim} entries, got {array.size}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite (no NaN or inf), got {array}")
    return array


def finite_scalar(name: str, value: object) -> float:
    """Return ``value`` as a finite float, or raise ValueError."""
    if isinstance(value, bool) or not isinstance(value, Real | np.floating | np.integer):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {number}")
    return number


def positive_scalar(name: str, value: object, *, allow_inf: bool = False) -> float:
    """Return ``value`` as a float > 0 (finite unless ``allow_inf``), or raise ValueError."""
    if isinstance(value, bool) or not isinstance(value, Real | np.floating | np.integer):
        raise ValueError(f"{name} must be a positive real number, got {value!r}")
    number = float(value)
    if math.isnan(number) or number <= 0.0:
        raise ValueError(f"{name} must be > 0, got {number}")
    if math.isinf(number) and not allow_inf:
        raise ValueError(f"{name} must be finite, got {number}")
    return number


def unit_interval(name: str, value: object) -> float:
    """Return ``value`` as a float in [0, 1], or raise ValueError."""
    number = finite_scalar(name, value)
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{name} must lie in [0, 1], got {number}")
    return number


def spd_matrix(name: str, value: object, dim: int) -> np.ndarray:
    """Return ``value`` as a symmetric positive definite (dim, dim) float64 array.

    Raises
    ------
    ValueError
        If the matrix has the wrong shape, a non-finite entry, is not
        symmetric, or is not positive definite.
    """
    try:
        matrix = np.array(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be a matrix of real numbers, got {value!r}") from error
    if matrix.shape != (dim, dim):
        raise ValueError(f"{name} must have shape ({dim}, {dim}), got {matrix.shape}")
    if not np.all(np.isfinite(matrix)):
        raise ValueError(f"{name} must be finite (no NaN or inf)")
    scale = float(np.max(np.abs(matrix)))
    if np.max(np.abs(matrix - matrix.T)) > SYMMETRY_RTOL * scale:
        raise ValueError(f"{name} must be symmetric, got {matrix.tolist()}")
    matrix = 0.5 * (matrix + matrix.T)
    try:
        np.linalg.cholesky(matrix)
    except np.linalg.LinAlgError:
        raise ValueError(
            f"{name} must be positive definite (all eigenvalues > 0), "
            f"got eigenvalues {np.linalg.eigvalsh(matrix).tolist()}"
        ) from None
    return matrix


def read_only(*arrays: np.ndarray) -> None:
    """Make each array read-only: results shared by every session must not be written."""
    for array in arrays:
        array.setflags(write=False)
