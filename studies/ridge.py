"""Where a ridge path crosses zero: the one penalty weight at which a 2-D ridge weight is 0.

Ridge (``L + lam ||w||_2^2``) gives ``w(lam) = (H + 2 lam I)^{-1} H c``; a
weight is zero only on an exact equation in the data, at a single ``lam``.
"""

from __future__ import annotations

from geometry import QuadraticLoss

__all__ = ["ridge_zero_lambda"]


def ridge_zero_lambda(loss: QuadraticLoss, index: int) -> float | None:
    """The penalty weight at which the 2-D ridge path ``w(lam)`` has ``w[index] = 0``, if any.

    Ridge (``L + lam ||w||_2^2``) gives ``w(lam) = (H + 2 lam I)^{-1} H c``. By
    Cramer's rule, with ``g = H c`` and ``j`` the other index,
    ``w_i(lam) det(H + 2 lam I) = (H_jj + 2 lam) g_i - H_ij g_j``: linear in
    lam, so ``w_i`` is zero at exactly one lam, ``(H_ij g_j / g_i - H_jj) / 2``
    (when ``g_i != 0``), and that counts only if it is ``>= 0``.

    Parameters
    ----------
    loss : QuadraticLoss
        A loss in two weights.
    index : int
        The weight, 0 or 1.

    Returns
    -------
    float or None
        That lam, or None when no lam >= 0 zeroes the weight (or every lam does:
        ``g_i = 0 = H_ij g_j``, data exactly on a coincidence).
    """
    if loss.dim != 2 or index not in (0, 1):
        raise ValueError("ridge_zero_lambda is for two weights, index 0 or 1")
    hessian = loss.hessian
    g = hessian @ loss.center
    other = 1 - index
    if g[index] == 0.0:
        return None
    lam = (hessian[index, other] * g[other] / g[index] - hessian[other, other]) / 2.0
    return float(lam) if lam >= 0.0 else None
