"""Least squares as data, for the optimisers that see samples: minibatch gradients.

``LeastSquares(X, y)`` is ``(1 / 2m) ||y - X w||^2`` over ``m`` samples. Its
full-batch gradient ``X^T (X w - y) / m`` is the gradient of the quadratic
loss ``0.5 (w - c)^T H (w - c)`` with ``H = X^T X / m`` and ``c`` the least
squares fit (``quadratic()``); a minibatch ``B`` gives the unbiased estimate
``X_B^T (X_B w - y_B) / |B|``.

Minibatches are drawn by random reshuffling, as a deep-learning data loader
does (``shuffle=True, drop_last=False``): each epoch a fresh permutation of the
samples, cut into consecutive batches of ``batch_size`` (the last one smaller
when ``batch_size`` does not divide ``m``). A batch of all ``m`` samples is the
full data in its own order, so that SGD with ``batch_size = m`` *is*
full-batch (sub)gradient descent (Bottou, Curtis & Nocedal, SIAM Rev. 60, 2018).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from geometry import QuadraticLoss
from geometry.validation import finite_vector

__all__ = ["LeastSquares", "minibatches", "steps_per_epoch"]


class LeastSquares:
    """The objective ``(1 / 2m) ||y - X w||^2`` with its samples.

    Parameters
    ----------
    features : array_like, shape (m, d)
        The design ``X`` (finite).
    response : array_like, shape (m,)
        The targets ``y`` (finite).

    Raises
    ------
    ValueError
        If ``features`` is not a finite 2-D array or ``response`` not a finite
        vector with one entry per row of ``features``.
    """

    def __init__(self, features: object, response: object) -> None:
        x = np.array(features, dtype=np.float64)
        if x.ndim != 2 or x.size == 0 or not np.all(np.isfinite(x)):
            raise ValueError(f"features must be a finite, non-empty (m, d) array, got {x.shape}")
        y = finite_vector("response", response, dim=x.shape[0])
        x.setflags(write=False)
        y.setflags(write=False)
        self._features, self._response = x, y

    @property
    def features(self) -> np.ndarray:
        """The design ``X`` (read-only)."""
        return self._features

    @property
    def response(self) -> np.ndarray:
        """The targets ``y`` (read-only)."""
        return self._response

    @property
    def samples(self) -> int:
        """``m``, the number of rows."""
        return self._features.shape[0]

    @property
    def dim(self) -> int:
        """``d``, the number of weights."""
        return self._features.shape[1]

    def value(self, w: np.ndarray) -> float:
        """The full-batch objective ``(1 / 2m) ||y - X w||^2`` at ``w``."""
        residual = self._response - self._features @ np.asarray(w, dtype=np.float64)
        return float(0.5 * (residual @ residual) / self.samples)

    def gradient(self, w: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """``X_B^T (X_B w - y_B) / |B|`` over the rows ``B`` (all rows when ``rows`` is None)."""
        x, y = self._features, self._response
        if rows is not None:
            x, y = x[rows], y[rows]
        return x.T @ (x @ w - y) / y.size

    def quadratic(self) -> QuadraticLoss:
        """The same objective up to a constant, as ``0.5 (w - c)^T H (w - c)``.

        Raises
        ------
        ValueError
            If ``X`` has dependent columns (``H = X^T X / m`` is not positive definite).
        """
        hessian = self._features.T @ self._features / self.samples
        hessian = 0.5 * (hessian + hessian.T)
        moment = self._features.T @ self._response / self.samples
        try:
            center = np.linalg.solve(hessian, moment)
        except np.linalg.LinAlgError:
            raise ValueError("features must have independent columns") from None
        return QuadraticLoss(center=center, hessian=hessian)


def steps_per_epoch(samples: int, batch_size: int) -> int:
    """Minibatches in one pass over the data: ``ceil(samples / batch_size)``."""
    return -(-samples // batch_size)


def minibatches(
    samples: int, batch_size: int, rng: np.random.Generator
) -> Iterator[np.ndarray | None]:
    """Row indices of successive minibatches by random reshuffling, without end.

    ``None`` (all rows, in order) when ``batch_size == samples``: the full batch
    needs no shuffle, and its gradient is then the full-batch gradient bit for bit.
    """
    if batch_size == samples:
        while True:
            yield None
    while True:
        order = rng.permutation(samples)
        for begin in range(0, samples, batch_size):
            yield order[begin : begin + batch_size]
