"""The exact lasso path: every breakpoint of the LARS-lasso homotopy, in one pass.

For a symmetric positive semi-definite ``G`` (p x p) and ``b`` (p,), the lasso

    minimise_w  0.5 w^T G w - b^T w + lam ||w||_1                      (*)

is, with ``G = X^T X / n`` and ``b = X^T y / n``, scikit-learn's
``(1 / 2n) ||y - X w||^2 + alpha ||w||_1`` with ``alpha = lam``. Its solution
``w(lam)`` is piecewise linear in ``lam`` (Osborne, Presnell & Turlach, "A new
approach to variable selection in least squares problems", IMA J. Numer. Anal.
20, 2000; Efron, Hastie, Johnstone & Tibshirani, "Least angle regression",
Ann. Statist. 32, 2004, section 3.1, the "Lasso modification"). With the
correlations ``c = b - G w``, the KKT conditions of (*) read

    c_j = lam sign(w_j)  where w_j != 0,      |c_j| <= lam  where w_j = 0.

Start at ``lam_max = max |b|`` with ``w = 0``. On a piece with active set
``A`` and signs ``s``, lowering ``lam`` by ``gamma`` moves ``w_A`` by
``gamma d``, ``d = G_AA^{-1} s``, and the correlations by ``-gamma a``,
``a = G_{:A} d``. The piece ends at the first event: an inactive correlation
reaches ``|c_j| = lam`` (``j`` joins with that sign) or an active coefficient
reaches 0 (it leaves: the lasso modification). Each step is two triangular
solves with the Cholesky factor ``L`` of ``G_AA``, kept row by row (a new row
when a variable joins, the rows after a leaver recomputed) with ``L^{-1} G_{A:}``,
which gives ``a`` and every inactive pivot at once; ``c = b - G w`` is
recomputed each step, so rounding does not accumulate. Coordinates off the
active set are exactly 0.0; a leaving coefficient is set to 0.0 exactly.

Singular ``G`` (p > n, collinear columns). A variable joins only if its pivot
(the Schur complement ``G_jj - G_jA G_AA^{-1} G_Aj``) exceeds ``1e-10 G_jj``.
A dependent variable's correlation is ``lam q_j`` with ``|q_j| <= 1`` fixed
while ``A`` is, so it satisfies the KKT conditions at 0 without joining; it is
a candidate again once a variable leaves. Guarantee: ``G_AA`` stays positive
definite, so at every ``lam`` at most ``rank(G)`` weights are non-zero (at most
``n - 1`` for centred data with ``n`` rows). Once the active columns span the
range of ``G`` nobody can join, every correlation falls to 0 with ``lam``, and
the path runs on to ``lambda_min``: at ``lam = 0`` a least-squares solution
(for p >= n one that interpolates the training data). No failure window near
the least-squares end: the path ends exactly at ``lambda_min``. If ``b`` is not
in the range of ``G`` (impossible for ``X^T y / n``), (*) is unbounded below
for small ``lam``; the path refuses to go there (ValueError).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.linalg.lapack import dtrtrs

from geometry.validation import SYMMETRY_RTOL, finite_scalar, read_only

__all__ = ["LassoPath", "lasso_path", "validate_gram"]

# Relative Schur-complement pivot below which a column counts as dependent on
# the active ones: far above rounding (~1e-16) and far below the smallest
# genuine pivot of the 64-predictor diabetes design (~1e-7).
_DEPENDENT_RTOL = 1e-10
# Relative eigenvalue tolerated below 0 in a "positive semi-definite" Gram:
# what X^T X / n computed in floating point can show, far from a real error.
_PSD_RTOL = 1e-10


@dataclass(frozen=True)
class LassoPath:
    """The exact lasso path of (*) at its breakpoints (read-only arrays)."""

    lambdas: np.ndarray  # (k,) strictly decreasing from lam_max = max |b| to the floor
    coefs: np.ndarray  # (k, p) w at each breakpoint; off the active set exactly 0.0

    def at(self, lam: float | np.ndarray) -> np.ndarray:
        """The exact solution at ``lam`` (scalar: shape (p,); 1-D array: shape (m, p)).

        ``w(lam)`` is linear between breakpoints, so linear interpolation is exact; a
        coordinate zero at both ends of a piece is 0.0 inside it; w = 0 above ``lambdas[0]``.

        Raises
        ------
        ValueError
            If ``lam`` is not finite or lies below the path's last breakpoint.
        """
        values = np.asarray(lam, dtype=np.float64)
        if values.ndim > 1 or not np.all(np.isfinite(values)):
            raise ValueError(f"lam must be a finite scalar or 1-D array, got {lam!r}")
        if np.any(values < self.lambdas[-1]):
            raise ValueError(
                f"lam must be >= the path's last breakpoint {self.lambdas[-1]}, got {lam!r}"
            )
        flat = np.atleast_1d(values)
        last = len(self.lambdas) - 1
        # Piece i runs from lambdas[i] down to lambdas[i + 1] (increasing in -lam).
        upper = np.searchsorted(-self.lambdas, -flat, side="right") - 1
        upper = np.clip(upper, 0, max(last - 1, 0))
        lower = np.minimum(upper + 1, last)
        width = self.lambdas[upper] - self.lambdas[lower]
        # Held at lambdas[0] (above it w = 0, set below), t stays in [0, 1]: no overflow.
        inside = np.minimum(flat, self.lambdas[0])
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(width > 0.0, (self.lambdas[upper] - inside) / width, 0.0)
        # (1 - t) w_upper + t w_lower: exactly the breakpoint at t = 0 and t = 1.
        t = t[:, None]
        out = (1.0 - t) * self.coefs[upper] + t * self.coefs[lower]
        out[flat >= self.lambdas[0]] = 0.0
        return out[0] if values.ndim == 0 else out

    def l1_norms(self) -> np.ndarray:
        """``||w||_1`` at each breakpoint, shape (k,)."""
        return np.sum(np.abs(self.coefs), axis=1)

    def zero_counts(self) -> np.ndarray:
        """How many coordinates are exactly 0.0 at each breakpoint, shape (k,)."""
        return np.count_nonzero(self.coefs == 0.0, axis=1)


def validate_gram(gram: object, xty: object) -> tuple[np.ndarray, np.ndarray]:
    """Check and return ``(G, b)``: G square, finite, symmetric PSD; b finite, matching.

    Raises
    ------
    ValueError
        Naming ``gram`` or ``xty``.
    """
    try:
        G = np.array(gram, dtype=np.float64)
        b = np.array(xty, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"gram and xty must be real arrays: {error}") from error
    if G.ndim != 2 or G.shape[0] != G.shape[1] or G.shape[0] == 0:
        raise ValueError(f"gram must be a non-empty square matrix, got shape {G.shape}")
    if b.shape != (G.shape[0],):
        raise ValueError(f"xty must have shape ({G.shape[0]},), got {b.shape}")
    for name, value in (("gram", G), ("xty", b)):
        if not np.all(np.isfinite(value)):
            raise ValueError(f"{name} must be finite (no NaN or inf)")
    scale = float(np.max(np.abs(G)))
    if np.max(np.abs(G - G.T)) > SYMMETRY_RTOL * scale:
        raise ValueError("gram must be symmetric")
    G = 0.5 * (G + G.T)
    smallest = float(np.linalg.eigvalsh(G)[0])
    if smallest < -_PSD_RTOL * max(scale, np.finfo(np.float64).tiny):
        raise ValueError(f"gram must be positive semi-definite, smallest eigenvalue {smallest}")
    return G, b


def lasso_path(
    gram: np.ndarray, xty: np.ndarray, lambda_min: float = 0.0, max_steps: int | None = None
) -> LassoPath:
    """Every breakpoint of the lasso path of (*) from ``max |b|`` down to ``lambda_min``.

    Parameters
    ----------
    gram : ndarray, shape (p, p)
        ``G``, symmetric positive semi-definite (singular allowed).
    xty : ndarray, shape (p,)
        ``b``.
    lambda_min : float
        Where the path stops (>= 0); its last breakpoint is exactly this value.
    max_steps : int, optional
        A guard against cycling in degenerate ties (default ``50 p + 100``).

    Returns
    -------
    LassoPath
        Breakpoints and the exact coefficients there.

    Raises
    ------
    ValueError
        If ``gram``, ``xty`` or ``lambda_min`` is invalid, or (*) is unbounded
        above ``lambda_min`` (``b`` outside the range of ``G``).
    RuntimeError
        If ``max_steps`` events did not reach ``lambda_min`` (never seen in tests).
    """
    G, b = validate_gram(gram, xty)
    floor = finite_scalar("lambda_min", lambda_min)
    if floor < 0.0:
        raise ValueError(f"lambda_min must be >= 0, got {floor}")
    p = b.size
    steps = 50 * p + 100 if max_steps is None else int(max_steps)
    lam = top = float(np.max(np.abs(b)))
    w = np.zeros(p)
    if lam <= floor:
        return _read_only_path([max(lam, floor)], [w])
    diag = np.diag(G).copy()
    active: list[int] = []
    signs = np.zeros(p)
    chol = np.zeros((p, p))  # lower Cholesky factor of G_AA in chol[:k, :k]
    proj = np.zeros((p, p))  # chol^{-1} G[A, :] in proj[:k]: pivots and directions
    lambdas, coefs = [lam], [w.copy()]
    for _ in range(steps):
        k = len(active)
        idx = np.array(active, dtype=np.intp)
        c = b - G @ w
        if k:
            # Two triangular solves with the factor (LAPACK trtrs, no wrapper overhead).
            factor = chol[:k, :k]
            u = dtrtrs(factor, signs[idx], lower=1)[0]
            d = dtrtrs(factor, u, lower=1, trans=1)[0]
            a = proj[:k].T @ u  # = G[:, A] d, the correlations' rate of fall
            pivots = diag - np.einsum("ij,ij->j", proj[:k], proj[:k])
        else:
            d, a, pivots = np.zeros(0), np.zeros(p), diag.copy()
        free = pivots > _DEPENDENT_RTOL * diag
        free[idx] = False
        dependent = ~free
        dependent[idx] = False
        _require_bounded(c, dependent, lam, top)
        gamma, event, which, sign = lam - floor, "end", -1, 0.0
        hit, j, sigma = _first_join(c, a, free, lam)
        if hit < gamma:
            gamma, event, which, sign = hit, "join", j, sigma
        if k:
            hit, i = _first_leave(w[idx], d, signs[idx])
            if hit < gamma:
                gamma, event, which = hit, "leave", i
        if k:
            w[idx] += gamma * d
        lam = floor if event == "end" else lam - gamma
        if event == "join":
            active.append(which)
            signs[which] = sign
            _append(G, chol, proj, k, which)
        elif event == "leave":
            gone = active.pop(which)
            w[gone], signs[gone] = 0.0, 0.0
            # The factor's rows before the leaver stand; re-append those after it.
            for r in range(which, k - 1):
                _append(G, chol, proj, r, active[r])
        if lam < lambdas[-1]:
            lambdas.append(lam)
            coefs.append(w.copy())
        else:  # a tie: several events at one lam, one breakpoint
            coefs[-1] = w.copy()
        if event == "end":
            _require_bounded(b - G @ w, dependent, lam, top)
            return _read_only_path(lambdas, coefs)
    raise RuntimeError(f"lasso path did not reach lambda_min in {steps} steps")


def _require_bounded(c: np.ndarray, dependent: np.ndarray, lam: float, top: float) -> None:
    """Raise if a dependent variable's correlation exceeds ``lam``: (*) is then unbounded.

    With ``b`` in the range of ``G`` (as ``X^T y / n`` always is) a dependent
    correlation is ``lam q_j`` with ``|q_j| <= 1``. Otherwise ``b`` has a part
    ``v`` in the null space of ``G`` and the objective falls without bound
    along ``v`` once ``lam < |v^T b| / ||v||_1``.
    """
    excess = np.abs(c[dependent]) - lam
    if excess.size and float(np.max(excess)) > 1e-9 * top:
        raise ValueError(
            "xty must lie in the range of gram (as X^T y / n does): the lasso is "
            f"unbounded below at lam = {lam:.6g}; choose lambda_min above it"
        )


def _first_join(
    c: np.ndarray, a: np.ndarray, free: np.ndarray, lam: float
) -> tuple[float, int, float]:
    """The first inactive correlation to reach the bound: (gamma, index, sign).

    ``sigma c_j - gamma sigma a_j = lam - gamma`` at ``gamma = (lam - sigma c_j) /
    (1 - sigma a_j)``, met only if the bound is approached (``1 - sigma a_j > 0``):
    a variable that just left sits on the bound but moves inside it, so rounding
    cannot re-admit it. A gap below 0 (rounding) counts as 0.
    """
    hits = np.full((2, c.size), np.inf)  # rows: sigma = +1, sigma = -1
    np.divide(np.maximum(lam - c, 0.0), 1.0 - a, out=hits[0], where=free & (a < 1.0))
    np.divide(np.maximum(lam + c, 0.0), 1.0 + a, out=hits[1], where=free & (a > -1.0))
    row, j = divmod(int(np.argmin(hits)), c.size)
    return float(hits[row, j]), j, 1.0 - 2.0 * row


def _first_leave(w_active: np.ndarray, d: np.ndarray, s: np.ndarray) -> tuple[float, int]:
    """The first active coefficient to reach 0: (gamma, position in the active list).

    Only coefficients heading towards 0 (``s_j d_j < 0``) can; a variable that
    just joined starts at 0 heading away from it.
    """
    hits = np.full(d.size, np.inf)
    np.divide(-w_active, d, out=hits, where=s * d < 0.0)
    i = int(np.argmin(hits))
    return max(float(hits[i]), 0.0), i


def _append(G: np.ndarray, chol: np.ndarray, proj: np.ndarray, r: int, j: int) -> None:
    """Make variable ``j`` row ``r`` of the factor of ``G_AA`` and of ``chol^{-1} G[A, :]``.

    Row ``r`` of the factor is ``(proj[:r, j], sqrt(G_jj - |proj[:r, j]|^2))``: the
    row-by-row Cholesky recursion, one matrix-vector product per row (no
    threaded level-3 call for a 64 x 64 problem).
    """
    chol[r, :r] = proj[:r, j]
    chol[r, r] = np.sqrt(G[j, j] - chol[r, :r] @ chol[r, :r])
    proj[r] = (G[j] - chol[r, :r] @ proj[:r]) / chol[r, r]


def _read_only_path(lambdas: list[float], coefs: list[np.ndarray]) -> LassoPath:
    arrays = (np.array(lambdas, dtype=np.float64), np.array(coefs, dtype=np.float64))
    read_only(*arrays)  # frozen all the way down
    return LassoPath(*arrays)
