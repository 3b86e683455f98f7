"""Random 2-D problems: where the loss centre lies and how its bowl is shaped.

"L1 usually gives zeros" is a statement about a distribution of problems. The
lessons draw the centre uniformly from a disc or a square, and the Hessian
either with a log-uniform condition number and a uniform orientation, or as in
a published simulation: the loss ``a (w1 - c1)^2 + b (w2 - c2)^2 +
c (w1 - c1)(w2 - c2)`` with ``a, b ~ U(0, 10)``, ``c ~ U(-2, 2)``, keeping only
convex draws (``4ab > c^2``). Only the shape of the bowl matters for where the
constrained optimum lands, never its overall scale.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from geometry.validation import finite_scalar, positive_scalar

__all__ = [
    "DOMAINS",
    "Domain",
    "domain_area",
    "hessians_from_shape",
    "sample_centers",
    "sample_hessians",
    "sample_problems_nd",
    "sample_published_hessians",
]

Domain = Literal["disk", "square"]
DOMAINS: tuple[Domain, ...] = ("disk", "square")


def _count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")
    return int(value)


def domain_area(domain: Domain, spread: float) -> float:
    """Area of the disc of radius ``spread`` or of the square ``[-spread, spread]^2``."""
    spread = positive_scalar("spread", spread)
    if domain == "disk":
        return float(np.pi * spread * spread)
    if domain == "square":
        return 4.0 * spread * spread
    raise ValueError(f"domain must be one of {DOMAINS}, got {domain!r}")


def sample_centers(
    rng: np.random.Generator, count: int, spread: float, domain: Domain = "disk"
) -> np.ndarray:
    """Centres uniform in the disc of radius ``spread`` or the square ``[-spread, spread]^2``.

    Parameters
    ----------
    rng : numpy.random.Generator
        The source of randomness.
    count : int
        How many centres.
    spread : float
        Radius of the disc, or half-width of the square; > 0.
    domain : {"disk", "square"}
        The shape of the region the centres fill.

    Returns
    -------
    ndarray, shape (count, 2)
    """
    count = _count("count", count)
    domain_area(domain, spread)  # validates domain and spread
    if domain == "square":
        return rng.uniform(-spread, spread, size=(count, 2))
    # Uniform in the disc: radius by the inverse of its CDF r^2 / R^2.
    radius = spread * np.sqrt(rng.uniform(0.0, 1.0, size=count))
    angle = rng.uniform(0.0, 2.0 * np.pi, size=count)
    return np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)


def hessians_from_shape(condition: np.ndarray, angle_deg: np.ndarray) -> np.ndarray:
    """Hessians ``R diag(1, condition) R^T`` (N, 2, 2), ``R`` the rotation by ``angle_deg``."""
    condition = np.asarray(condition, dtype=np.float64)
    angle = np.radians(np.asarray(angle_deg, dtype=np.float64))
    if condition.shape != angle.shape or condition.ndim != 1:
        raise ValueError("condition and angle_deg must be 1-D arrays of the same length")
    if not np.all(np.isfinite(condition)) or np.any(condition < 1.0):
        raise ValueError("condition must be finite and at least 1")
    cos, sin = np.cos(angle), np.sin(angle)
    hessians = np.empty((condition.size, 2, 2))
    # H = cos^2 + k sin^2 etc.: the closed form keeps H exactly symmetric.
    hessians[:, 0, 0] = cos * cos + condition * sin * sin
    hessians[:, 1, 1] = sin * sin + condition * cos * cos
    hessians[:, 0, 1] = hessians[:, 1, 0] = (1.0 - condition) * cos * sin
    return hessians


def sample_hessians(rng: np.random.Generator, count: int, max_condition: float) -> np.ndarray:
    """Hessians with condition number log-uniform in ``[1, max_condition]``, orientation uniform.

    Parameters
    ----------
    rng : numpy.random.Generator
        The source of randomness.
    count : int
        How many Hessians.
    max_condition : float
        Largest ratio of the two curvatures; >= 1 (1 gives circular bowls).

    Returns
    -------
    ndarray, shape (count, 2, 2)
    """
    count = _count("count", count)
    max_condition = finite_scalar("max_condition", max_condition)
    if max_condition < 1.0:
        raise ValueError(f"max_condition must be at least 1, got {max_condition!r}")
    condition = np.exp(rng.uniform(0.0, np.log(max_condition), size=count))
    angle = rng.uniform(0.0, 180.0, size=count)
    return hessians_from_shape(condition, angle)


def sample_published_hessians(
    rng: np.random.Generator, count: int, symmetric: bool = False
) -> np.ndarray:
    """Hessians of ``a (w1 - c1)^2 + b (w2 - c2)^2 + c (w1 - c1)(w2 - c2)``, convex draws only.

    ``a, b ~ U(0, 10)`` and ``c ~ U(-2, 2)``; non-convex draws (``4ab <= c^2``)
    are rejected and redrawn. ``symmetric`` sets ``b = a`` and ``c = 0``: round bowls.

    Returns
    -------
    ndarray, shape (count, 2, 2)
        ``[[2a, c], [c, 2b]]``, the Hessian of that loss.
    """
    count = _count("count", count)
    rows: list[np.ndarray] = []
    kept = 0
    while kept < count:
        a = rng.uniform(0.0, 10.0, size=count)
        b = a.copy() if symmetric else rng.uniform(0.0, 10.0, size=count)
        c = np.zeros(count) if symmetric else rng.uniform(-2.0, 2.0, size=count)
        convex = (a > 0.0) & (4.0 * a * b > c * c)
        batch = np.stack([2.0 * a, c, c, 2.0 * b], axis=1)[convex]
        rows.append(batch)
        kept += batch.shape[0]
    return np.concatenate(rows)[:count].reshape(count, 2, 2)


def sample_problems_nd(
    rng: np.random.Generator, count: int, dim: int, spread: float, max_condition: float
) -> tuple[np.ndarray, np.ndarray]:
    """Random n-D problems: centres uniform in ``[-spread, spread]^dim``, random bowls.

    Each Hessian is ``Q diag(d) Q^T`` with ``Q`` a uniformly random rotation
    (QR of a Gaussian matrix with the signs of R's diagonal fixed, Mezzadri 2007)
    and the curvatures ``d`` log-uniform in ``[1, max_condition]``.

    Returns
    -------
    centers : ndarray, shape (count, dim)
    hessians : ndarray, shape (count, dim, dim)
    """
    count = _count("count", count)
    dim = _count("dim", dim)
    if dim < 1:
        raise ValueError(f"dim must be at least 1, got {dim}")
    spread = positive_scalar("spread", spread)
    max_condition = finite_scalar("max_condition", max_condition)
    if max_condition < 1.0:
        raise ValueError(f"max_condition must be at least 1, got {max_condition!r}")
    centers = rng.uniform(-spread, spread, size=(count, dim))
    gaussian = rng.standard_normal(size=(count, dim, dim))
    q, r = np.linalg.qr(gaussian)
    q = q * np.sign(np.diagonal(r, axis1=1, axis2=2))[:, None, :]
    curvatures = np.exp(rng.uniform(0.0, np.log(max_condition), size=(count, dim)))
    hessians = np.einsum("nij,nj,nkj->nik", q, curvatures, q)
    return centers, 0.5 * (hessians + np.transpose(hessians, (0, 2, 1)))
