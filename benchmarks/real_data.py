"""The Real data page's costs, printed (no timed asserts anywhere).

Run: ``.venv/bin/python benchmarks/real_data.py``.

1. The exact lasso path of the 442 x 64 diabetes design (every breakpoint),
   against scikit-learn's ``lars_path(method="lasso")`` in the same run.
2. 10-fold cross-validation over the whole path (lasso; ridge and the elastic
   net for comparison): what the page computes once per design and seed.
3. The page's rerun when the marker moves, against the Constraint regions
   page's rerun in the same process (AppTest, as ``benchmarks/rerun.py``).
4. An upload at the limits: parsing, fitting and CV of a ~20 MB CSV.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere
from benchmarks.rerun import APP, median_rerun
from lessons import real_data as model
from solvers.lasso_path import lasso_path
from studies.cross_validation import cross_validate
from studies.csv_upload import prepare, read_csv
from studies.diabetes_design import design_gram, diabetes_design
from tests.apptest_support import sent_charts
from ui.registry import PAGE

REPEATS = 30


def best_ms(run, repeats: int = REPEATS) -> tuple[float, float]:
    """(median, fastest) wall time of ``run()`` in ms."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, min(times) * 1e3


def path_speed() -> None:
    from sklearn.linear_model import lars_path, lars_path_gram

    X, y, _ = diabetes_design(quadratic=True)
    G, b = design_gram(quadratic=True)
    n = len(y)
    ours, ours_fast = best_ms(lambda: lasso_path(G, b))
    with_gram, _ = best_ms(lambda: lasso_path(*_gram(X, y)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs, theirs_fast = best_ms(lambda: lars_path(X, y, method="lasso"))
        gram_theirs, _ = best_ms(
            lambda: lars_path_gram(Xy=X.T @ y, Gram=X.T @ X, n_samples=n, method="lasso")
        )
        alphas, _, coefs = lars_path(X, y, method="lasso")
    path = lasso_path(G, b)
    print("Exact lasso path, diabetes 442 x 64 (median of 30 runs, fastest in brackets)")
    print(f"  ours, from G and b:            {ours:7.2f} ms ({ours_fast:.2f})")
    print(f"  ours, computing G from X:      {with_gram:7.2f} ms")
    print(f"  sklearn lars_path(X, y):       {theirs:7.2f} ms ({theirs_fast:.2f})")
    print(f"  sklearn lars_path_gram:        {gram_theirs:7.2f} ms")
    print(
        f"  ratio ours / lars_path(X, y):  {ours / theirs:.2f}  (ours / lars_path_gram: "
        f"{ours / gram_theirs:.2f})"
    )
    gap = np.max(np.abs(path.at(np.maximum(alphas, path.lambdas[-1])) - coefs.T))
    print(
        f"  breakpoints: ours {len(path.lambdas)}, lars_path {len(alphas)}; "
        f"largest difference at lars_path's breakpoints {gap:.1e}"
    )


def _gram(X, y):
    G = X.T @ X / len(y)
    return 0.5 * (G + G.T), X.T @ y / len(y)


def cv_speed() -> None:
    data = model.design("quadratic")
    print("10-fold CV over the whole grid (100 λ), 442 x 64, standard units")
    for name, a in (
        ("lasso (exact path per fold)", 1.0),
        ("elastic net α = 0.5", 0.5),
        ("ridge", 0.0),
    ):
        median, fastest = best_ms(lambda a=a: cross_validate(data.X, data.y, a, k=10), 5)
        print(f"  {name:28s} {median:8.1f} ms ({fastest:.1f})")


def rerun_speed() -> None:
    reference = AppTest.from_file(APP, default_timeout=120)
    reference.run()
    regions = statistics.median(
        median_rerun(reference, "left_t", [0.5 + 0.05 * k for k in range(20)])
    )
    app = AppTest.from_file(APP, default_timeout=120)
    app.switch_page(PAGE["real_data"].script).run()
    values = [-3.0 + 0.05 * k for k in range(40)]  # 40 new marker positions: no cache answers
    moves = median_rerun(app, "log_lam", values)
    revisits = median_rerun(app, "log_lam", values)  # the same positions again
    sizes = {c.key.removeprefix("chart_"): c.size for c in sent_charts(app)}
    print("Page rerun through AppTest (median of 40)")
    print(f"  Constraint regions, budget slider moved: {regions * 1e3:7.1f} ms")
    print(
        f"  Real data, marker moved to a new λ:      {np.median(moves) * 1e3:7.1f} ms "
        f"= {np.median(moves) / regions:.2f}x   target <= 2x"
    )
    print(f"  Real data, marker moved to a seen λ:     {np.median(revisits) * 1e3:7.1f} ms")
    for name, size in sizes.items():
        print(f"  {name} JSON: {size / 1024:.1f} KB")


def upload_speed() -> None:
    rng = np.random.default_rng(0)
    rows, cols = 13_500, 200
    values = rng.standard_normal((rows, cols)).round(4)
    header = ",".join(f"c{j}" for j in range(cols))
    body = "\n".join(",".join(f"{v:.4f}" for v in row) for row in values)
    content = (header + "\n" + body + "\n").encode()
    start = time.perf_counter()
    table = read_csv(content)
    parsed = time.perf_counter()
    ready = prepare(table, "c0")
    data = model.standard_units(ready.features, ready.target, ready.feature_names)
    fits = model.fit(data, 0.5)
    fitted = time.perf_counter()
    model.cross_validation(data, 1.0, 10, 0)
    done = time.perf_counter()
    print(f"Upload at the limits: {len(content) / 1024**2:.1f} MB, {rows:,} rows x {cols} columns")
    print(
        f"  parse {1e3 * (parsed - start):.0f} ms, fit paths {1e3 * (fitted - parsed):.0f} ms "
        f"({len(fits.lasso.lambdas)} breakpoints), 10-fold CV {1e3 * (done - fitted):.0f} ms"
    )


def main() -> None:
    path_speed()
    cv_speed()
    rerun_speed()
    upload_speed()


if __name__ == "__main__":
    main()
