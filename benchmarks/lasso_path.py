"""The exact lasso path and K-fold CV on the 442 x 64 diabetes design, printed (no asserts).

Run: ``.venv/bin/python benchmarks/lasso_path.py`` (on a shared machine,
``OPENBLAS_NUM_THREADS=1`` steadies the figures: small LAPACK calls such as a
64 x 64 ``eigh`` slow down many times when BLAS threads compete for cores).

Prints the median time of the exact path (from ``(G, b)``, and from ``X, y``
with the Gram products inside the timing), scikit-learn's ``lars_path`` on the
same data in the same run and the ratio (target: no slower), the number of
breakpoints and the largest coefficient difference, then 10-fold CV over the
whole path (target <= 1 s) for the lasso, ridge and the elastic net, with
scikit-learn's ``LassoCV`` (its default tolerance) on the same folds for scale.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.linear_model import LassoCV, lars_path, lars_path_gram

from solvers.lasso_path import lasso_path
from studies.cross_validation import cross_validate, kfold_indices
from studies.diabetes_design import design_gram, diabetes_design

REPEATS = 31


def median_ms(function: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median wall time of ``function()`` in milliseconds (one warm-up call first)."""
    return paired_median_ms([function], repeats)[0]


def paired_median_ms(functions: list[Callable[[], object]], repeats: int = REPEATS) -> list[float]:
    """Median times in ms, the functions run in turn within each repeat.

    Interleaving puts a load burst on a shared machine on every contender
    alike, so the ratios stay fair even when the absolute times move.
    """
    for function in functions:
        function()
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeats):
        for function, record in zip(functions, times, strict=True):
            start = time.perf_counter()
            function()
            record.append(time.perf_counter() - start)
    return [1e3 * statistics.median(record) for record in times]


def main() -> None:
    X, y, _ = diabetes_design(quadratic=True)
    n = len(y)
    G, b = design_gram(quadratic=True)

    def ours_from_data() -> object:
        return lasso_path(X.T @ X / n, X.T @ y / n)

    gram_n, xy = X.T @ X, X.T @ y
    ours_gram, ours_data, theirs, theirs_gram = paired_median_ms(
        [
            lambda: lasso_path(G, b),
            ours_from_data,
            lambda: lars_path(X, y, method="lasso"),
            lambda: lars_path_gram(xy, gram_n, n_samples=n, method="lasso"),
        ]
    )
    path = lasso_path(G, b)
    alphas, _, coefs = lars_path(X, y, method="lasso")
    scale = np.maximum(1.0, np.max(np.abs(coefs.T), axis=1, keepdims=True))
    print(f"Exact lasso path, diabetes 442 x 64 (median of {REPEATS}, interleaved):")
    print(f"  ours from (G, b)            {ours_gram:8.2f} ms")
    print(f"  ours from (X, y)            {ours_data:8.2f} ms")
    ratio_data, ratio_gram = ours_data / theirs, ours_gram / theirs_gram
    print(f"  sklearn lars_path(X, y)     {theirs:8.2f} ms   ours (X, y) / it {ratio_data:.2f}")
    print(
        f"  sklearn lars_path_gram      {theirs_gram:8.2f} ms   ours (G, b) / it {ratio_gram:.2f}"
    )
    print("  target: no slower than lars_path (ratio <= 1)")
    print(f"  breakpoints: ours {len(path.lambdas)}, lars_path {len(alphas)}")
    if len(alphas) == len(path.lambdas):
        gap = np.max(np.abs(path.lambdas - alphas))
        diff = np.max(np.abs(path.coefs - coefs.T) / scale)
        print(
            f"  largest |lambda difference| {gap:.1e}, |coef difference| / max(1, |w|) {diff:.1e}"
        )
    zeros = path.zero_counts()
    print(f"  exact zeros along the path: {zeros[0]} at lam_max ... {zeros[-1]} at lam = 0")

    folds = kfold_indices(n, 10, seed=0)
    print("\n10-fold CV over the whole path (100-value grid, median of 7):")
    for label, ratio in [("lasso", 1.0), ("ridge", 0.0), ("elastic net a=0.5", 0.5)]:
        ms = median_ms(lambda ratio=ratio: cross_validate(X, y, ratio, folds=folds), repeats=7)
        result = cross_validate(X, y, ratio, folds=folds)
        print(
            f"  {label:18s} {ms:8.1f} ms   lambda_min {result.lambda_min:.4g} "
            f"({result.zeros_min} zeros), lambda_1se {result.lambda_1se:.4g} "
            f"({result.zeros_1se} zeros)"
        )
    print("  target: <= 1000 ms")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        reference = LassoCV(cv=folds).fit(X, y)
        ms = 1e3 * (time.perf_counter() - start)
        alpha = reference.alpha_
        print(f"  sklearn LassoCV (default tol), same folds: {ms:.0f} ms, alpha_ {alpha:.4g}")


if __name__ == "__main__":
    main()
