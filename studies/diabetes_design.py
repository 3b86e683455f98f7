"""The diabetes designs of Efron, Hastie, Johnstone & Tibshirani (2004), "Least Angle Regression".

Two designs on the same 442 patients (``data.load_diabetes``):

- the **10-variable model**: the ten baseline measurements;
- the **64-predictor quadratic model** of the paper's section 4 (its Table 1):
  the 10 main effects, their 45 pairwise interactions and 9 squares, the square
  of the binary ``sex`` variable being left out (it would repeat ``sex``).

Standardisation. The paper assumes (its equation 1.2) that every covariate has
mean 0 and *unit length*, ``sum_i x_ij = 0`` and ``sum_i x_ij^2 = 1``, and that
the response has mean 0; the R ``lars`` package ships its ``diabetes$x`` this
way, and scikit-learn's ``load_diabetes(scaled=True)`` scales the ten raw
columns to the same unit L2 norm. We do the same for all 64 columns: unit
length, not unit variance (the two differ by the factor ``sqrt(n)``, which
rescales ``lambda`` but not which coefficients are zero).

Interactions and squares are products of the *standardised* main effects, each
product then centred and scaled to unit length again; that is how the ``lars``
package's ``diabetes$x2`` is described ("x plus certain interactions" of the
standardised ``x``). The choice matters: a product of raw columns, centred,
differs from the product of centred columns by a combination of the two main
effects weighted by the raw means (age ~ 48 years, bmi ~ 26), so it would be a
different, nearly collinear predictor.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from data import load_diabetes

__all__ = ["design_gram", "diabetes_design", "standardise"]

_BINARY = "sex"  # its square equals a linear function of itself: left out


def standardise(columns: np.ndarray) -> np.ndarray:
    """Centre each column and scale it to unit Euclidean length (Efron et al. 2004, eq. 1.2).

    Parameters
    ----------
    columns : ndarray, shape (n, d)
        Raw columns, none of them constant.

    Returns
    -------
    ndarray, shape (n, d)
        ``sum_i x_ij = 0`` and ``sum_i x_ij^2 = 1`` for every column ``j``.

    Raises
    ------
    ValueError
        If ``columns`` is not a finite 2-D array or a column is constant.
    """
    columns = np.asarray(columns, dtype=np.float64)
    if columns.ndim != 2 or not np.all(np.isfinite(columns)):
        raise ValueError(f"columns must be a finite 2-D array, got shape {columns.shape}")
    centred = columns - columns.mean(axis=0)
    length = np.linalg.norm(centred, axis=0)
    if np.any(length == 0.0):
        raise ValueError("columns must not contain a constant column")
    return centred / length


def diabetes_design(quadratic: bool = False) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The standardised diabetes design and the centred response.

    Parameters
    ----------
    quadratic : bool
        False: the 10-variable model. True: the 64-predictor quadratic model,
        columns in the paper's order: 10 main effects, 45 interactions
        ``"a:b"`` (pairs in column order), 9 squares ``"a^2"`` (all but sex).

    Returns
    -------
    X : ndarray, shape (442, 10) or (442, 64)
        Every column with mean 0 and unit length.
    y : ndarray, shape (442,)
        Disease progression, centred (not scaled).
    names : list of str
        Column names such as ``"age"``, ``"age:sex"``, ``"age^2"``.
    """
    raw, response, base_names = load_diabetes()
    main = standardise(raw)
    columns, names = [main], list(base_names)
    if quadratic:
        pairs = list(combinations(range(len(base_names)), 2))
        squared = [j for j, name in enumerate(base_names) if name != _BINARY]
        products = [main[:, j] * main[:, k] for j, k in pairs]
        products += [main[:, j] ** 2 for j in squared]
        columns.append(standardise(np.column_stack(products)))
        names += [f"{base_names[j]}:{base_names[k]}" for j, k in pairs]
        names += [f"{base_names[j]}^2" for j in squared]
    return np.hstack(columns), response - response.mean(), names


def design_gram(quadratic: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``G = X^T X / n`` and ``b = X^T y / n`` of :func:`diabetes_design`.

    With these, ``0.5 w^T G w - b^T w + lam ||w||_1`` is scikit-learn's lasso
    objective ``(1 / 2n) ||y - X w||^2 + alpha ||w||_1`` (``alpha = lam``) up to
    a constant, the form :func:`solvers.lasso_path.lasso_path` takes.
    """
    X, y, _ = diabetes_design(quadratic)
    n = X.shape[0]
    gram = X.T @ X / n
    return 0.5 * (gram + gram.T), X.T @ y / n
