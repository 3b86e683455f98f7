"""AppTest for the Real data page: every control, the link, the numbers it prints, uploads."""

from __future__ import annotations

import re
import urllib.parse
import warnings

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from lessons import real_data as model
from studies.cross_validation import kfold_indices
from tests.apptest_support import charts as chart_specs
from tests.apptest_support import controls, link, notes, open_page, text

sklearn = pytest.importorskip("sklearn.linear_model")
CHARTS = {"paths", "zeros", "cv", "pair", "subsample"}
UPLOADED = {"upload_paths", "upload_zeros", "upload_cv"}


def plain(markdown: str) -> str:
    """Markdown without its backslash escapes: the text a reader sees."""
    return re.sub(r"\\(.)", r"\1", markdown)


def charts(app: AppTest) -> dict:
    return chart_specs(app, prefix="chart_")


def zeros_of(coef: np.ndarray) -> int:
    return int(np.count_nonzero(coef == 0.0))


def sk_lasso(X, y, lam):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sklearn.Lasso(alpha=lam, tol=1e-12, max_iter=1_000_000).fit(X, y).coef_


def sk_cv_zeros(X, y, folds=10, seed=0) -> tuple[float, int, float, int]:
    """lambda_min, its zeros, lambda_1se, its zeros: scikit-learn's LassoCV on the same folds."""
    splits = kfold_indices(len(y), folds, seed)
    grid = model.cross_validation(model.Data(X, y, ()), 1.0, folds, seed).lambdas
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = sklearn.LassoCV(alphas=grid, cv=splits, tol=1e-12, max_iter=1_000_000).fit(X, y)
    mse = fit.mse_path_  # (alphas, folds), alphas decreasing as ours
    mean, se = mse.mean(axis=1), mse.std(axis=1, ddof=1) / np.sqrt(folds)
    best = int(np.argmin(mean))
    one_se = int(np.flatnonzero(mean <= mean[best] + se[best])[0])
    lam_min, lam_1se = float(fit.alphas_[best]), float(fit.alphas_[one_se])
    return lam_min, zeros_of(sk_lasso(X, y, lam_min)), lam_1se, zeros_of(sk_lasso(X, y, lam_1se))


def good_csv(n: int = 120, p: int = 25, seed: int = 1) -> tuple[bytes, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = X[:, :4] @ np.array([3.0, -2.0, 1.5, 1.0]) + rng.standard_normal(n)
    header = ",".join([*(f"f{j}" for j in range(p)), "group", "outcome"])
    lines = [header] + [
        ",".join([*(f"{v:.6f}" for v in row), "ab"[i % 2], f"{t:.6f}"])
        for i, (row, t) in enumerate(zip(X, y, strict=True))
    ]
    content = ("\n".join(lines) + "\n").encode()
    table = np.loadtxt(content.decode().splitlines()[1:], delimiter=",", usecols=[*range(p), p + 1])
    return content, table[:, :p], table[:, p]


def upload(app: AppTest, content: bytes, name: str = "data.csv") -> AppTest:
    app.file_uploader(key="upload").set_value((name, content, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.fixture(scope="module")
def page() -> AppTest:
    return open_page("real_data")


# --- the defaults and every number printed ------------------------------------------------
def test_the_page_prints_the_headline_zero_counts_as_scikit_learn_computes_them(page):
    assert set(charts(page)) == CHARTS
    data = model.design("quadratic")
    lam_min, zeros_min, lam_1se, zeros_1se = sk_cv_zeros(data.X, data.y)
    assert f"puts **{zeros_1se} of the 64** weights at exactly 0" in text(page)
    assert f"at λ_1se = {lam_1se:.3g} (and {zeros_min} of 64 at λ_min = {lam_min:.3g})" in text(
        page
    )
    assert zeros_1se > 32  # "most of the weights"
    # The marker readout, from independent solvers.
    lam = model.marker_lambda(model.MARKER.default)
    lasso = sk_lasso(data.X, data.y, lam)
    assert f"λ = {lam:.3g}: the lasso has **{zeros_of(lasso)} of 64** weights" in text(page)
    assert "ridge **0**" in text(page)
    # The CV table: ridge has no zero at either choice; the lasso's row is the headline's.
    (table,) = page.dataframe
    frame = table.value.set_index("method")
    assert frame.loc["lasso", "zeros at λ_1se"] == zeros_1se
    assert frame.loc["lasso", "zeros at λ_min"] == zeros_min
    assert frame.loc["ridge", "zeros at λ_min"] == frame.loc["ridge", "zeros at λ_1se"] == 0


def test_the_pair_and_the_subsample_sentences_hold(page):
    data = model.design("quadratic")
    lam = model.marker_lambda(model.MARKER.default)
    from studies.correlated_copy import with_near_copy

    column = data.names.index("bmi")
    augmented = with_near_copy(data.X, column, model.CORRELATION.default, 0)
    w = sk_lasso(augmented, data.y, lam)[[column, -1]]
    assert w[1] == 0.0 and w[0] > 0.0
    assert f"keeps `bmi` ({w[0]:.3f}) and puts its copy at **exactly 0**" in text(page)
    n = int(model.PATIENTS.default)
    rows = np.sort(np.random.default_rng(0).choice(442, size=n, replace=False))
    rank = np.linalg.matrix_rank(data.X[rows] - data.X[rows].mean(axis=0))
    assert f"rank {rank} ≤ n − 1 = {n - 1}" in text(page)
    assert f"at most **{n - 1}** weights are non-zero" in text(page)
    assert "**64 of 64** non-zero at every λ" in text(page)


def test_the_paths_figure_names_every_feature_and_greys_most(page):
    figure = charts(page)["paths"]
    first_panel = [t for t in figure["data"] if t.get("xaxis", "x") == "x"]
    # A coloured line's trace has its feature's name; the grey lines share one trace
    # whose points carry their feature's name for the hover.
    names = {t["name"] for t in first_panel} | {
        n for t in first_panel for n in t.get("customdata", [])
    }
    assert set(model.design("quadratic").names) <= names
    legend = sorted(
        (t.get("legendrank", 1000), t["name"]) for t in figure["data"] if t.get("showlegend", True)
    )
    assert len(legend) == 8 and legend[-1][1].startswith("57 other features")
    assert [s["x0"] for s in figure["layout"]["shapes"]] == [pytest.approx(0.0794, 1e-3)] * 3


# --- every control ------------------------------------------------------------------------
def test_every_control_changes_the_page():
    app = open_page("real_data", {"design": "main"})
    assert "**442 patients, 10 predictors.**" in text(app)
    before = text(app)
    app.sidebar.slider(key="log_lam").set_value(-2.0).run()
    assert "λ = 0.01:" in text(app) and text(app) != before
    assert charts(app)["paths"]["layout"]["shapes"][0]["x0"] == pytest.approx(0.01)
    app.sidebar.selectbox(key="axis").set_value("l1_fraction").run()
    axis = charts(app)["paths"]["layout"]["xaxis"]
    assert axis["type"] == "linear" and "‖w‖₁" in axis["title"]["text"]
    app.sidebar.slider(key="alpha").set_value(0.8).run()
    assert "elastic net (α = 0.8)" in text(app)
    app.sidebar.selectbox(key="folds").set_value("5").run()
    assert "5-fold CV" in text(app)
    app.sidebar.slider(key="cv_seed").set_value(3).run()
    cv = model.design_cv("main", 1.0, 5, 3)
    assert f"λ_1se = {cv.lambda_1se:.3g}" in text(app)
    app.selectbox(key="copy").set_value("s5").run()
    assert "`s5`" in text(app)
    app.slider(key="rho").set_value(0.5).run()
    assert "correlation 0.500" in text(app)
    app.slider(key="copy_seed").set_value(6).run()
    app.slider(key="n_sub").set_value(100).run()
    assert "100 patients, 64 features" in text(app)
    app.slider(key="sub_seed").set_value(2).run()
    assert not app.exception
    assert set(charts(app)) == CHARTS


def test_the_link_round_trips():
    app = open_page("real_data")
    for key, value in (("log_lam", -0.5), ("alpha", 0.3), ("cv_seed", 4)):
        app.sidebar.slider(key=key).set_value(value)
    app.sidebar.selectbox(key="design").set_value("main")
    app.sidebar.selectbox(key="axis").set_value("l1_fraction")
    app.selectbox(key="copy").set_value("bp")
    for key, value in (("rho", 0.9), ("copy_seed", 7), ("n_sub", 60), ("sub_seed", 5)):
        app.slider(key=key).set_value(value)
    app.run()
    before = controls(app)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link(app)).query))
    assert query["design"] == "main" and query["rho"] == "0.9"
    again = open_page("real_data", query)
    assert controls(again) == before
    assert not notes(again)


# --- uploads --------------------------------------------------------------------------------
def test_a_good_csv_gets_its_own_paths_zero_counts_and_cv():
    content, X, y = good_csv()
    app = upload(open_page("real_data"), content)
    assert set(charts(app)) == CHARTS | UPLOADED
    assert plain(app.info[0].value) == "Left out 1 non-numeric column(s): 'group'."
    assert app.selectbox(key="upload_target").value == "outcome"
    data = model.standard_units(X, y, [f"f{j}" for j in range(X.shape[1])])
    _, _, lam_1se, zeros_1se = sk_cv_zeros(data.X, data.y)
    assert f"puts **{zeros_1se} of the 25** weights at exactly 0 at λ_1se = {lam_1se:.3g}" in text(
        app
    )
    assert "**120 rows, 25 features.**" in text(app)
    # Another target: the table is fitted again, from the same file.
    app.selectbox(key="upload_target").set_value("f0").run()
    assert not app.exception and "**120 rows, 25 features.**" in text(app)
    # The link carries no data and no column name; a new session has no file.
    assert "outcome" not in link(app) and "upload" not in link(app)
    assert not UPLOADED & set(charts(open_page("real_data")))


BAD = {
    "empty": (b"", "The file is empty."),
    "undecodable": ("a,y\n1,caf\u00e9\n".encode("latin-1"), "is not UTF-8 text"),
    "binary": (b"\x00\x01\x02PK\x03\x04" * 10, "binary file, not a CSV"),
    "not a table": (b"a,y\n1,2\n3,4,5,6\n", "could not be read as a CSV table"),
    "no numbers": (b"name,city\nann,paris\nbob,rome\n", "no numeric column"),
    "too many rows": (b"a,y\n" + b"1,2\n" * 100_001, "more than 100,000 rows"),
    "too many columns": (
        ",".join(f"c{j}" for j in range(201)).encode() + b"\n" + b",".join([b"1"] * 201),
        "201 numeric columns; the limit is 200",
    ),
    "huge": (b"a\n" + b"1\n" * (10 * 1024 * 1024 + 8), "the limit is 20 MB"),
    "constant target": (b"a,y\n1,5\n2,5\n3,5\n", "is constant: there is nothing to predict"),
    "one column": (b"y\n1\n2\n3\n", "only one numeric column"),
    "all missing": (b"a,y\n1,\n,2\nNA,3\n", "Only 0 complete row"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_each_bad_file_gets_a_message_and_the_page_keeps_working(page, kind):
    content, message = BAD[kind]
    app = upload(page, content, f"{kind}.csv")
    errors = " ".join(plain(e.value) for e in app.error)
    assert message in errors, errors
    assert set(charts(app)) >= CHARTS and not UPLOADED & set(charts(app))
    app.sidebar.slider(key="log_lam").set_value(-1.5).run()  # still working
    assert not app.exception and "λ = 0.0316:" in text(app)
    app.file_uploader(key="upload").set_value(None).run()
    app.sidebar.slider(key="log_lam").set_value(model.MARKER.default).run()


def test_missing_values_and_constant_columns_are_left_out_with_a_note():
    content = b"a,b,k,y\n" + b"".join(
        f"{i},{(i * 7) % 5},{1},{i % 3 + i}\n".encode() for i in range(40)
    )
    content += b"1,,1,4\n"
    app = upload(open_page("real_data"), content)
    notes_ = " ".join(plain(e.value) for e in app.info)
    assert "Left out 1 of 41 rows with a missing or non-finite value (in 'b')." in notes_
    assert "Left out 1 constant column(s): 'k'." in notes_
    assert set(charts(app)) >= UPLOADED


def test_too_few_rows_for_the_folds_keeps_the_paths_and_says_why_no_cv():
    content = b"a,b,y\n" + b"".join(f"{i},{i * i % 7},{i % 4}\n".encode() for i in range(12))
    app = upload(open_page("real_data"), content)
    warning = " ".join(w.value for w in app.warning)
    assert "at least 3 rows per fold: 30 rows for 10 folds; the file has 12" in warning
    assert {"upload_paths", "upload_zeros"} <= set(charts(app)) and "upload_cv" not in charts(app)


def test_a_hostile_column_name_is_never_rendered_as_markup():
    hostile = "<img src=x onerror=alert(1)>**b**"
    rng = np.random.default_rng(0)
    rows = "\n".join(f"{a:.4f},{b:.4f},{a + b:.4f}" for a, b in rng.standard_normal((40, 2)))
    content = f'"{hostile}",z,y\n{rows}\n1,,2\n'.encode()
    app = upload(open_page("real_data"), content)
    assert not app.exception
    for element in [*app.markdown, *app.info, *app.error, *app.caption]:
        assert "<img" not in element.value.replace("\\<img", "")
        assert "**b**" not in element.value
    figure = charts(app)["upload_paths"]
    assert any("&lt;img" in t.get("name", "") for t in figure["data"])


def test_the_cv_caption_says_which_grid_each_row_uses():
    from tests.apptest_support import open_page, text

    words = text(open_page("real_data", {}))
    assert "(LassoCV's grid);" not in words  # only the lasso and elastic-net rows use it
    assert "for the lasso and the elastic net LassoCV's grid" in words
    assert "ridge has no λ_max, so its grid runs from 10·e_max down to 10⁻⁶·e_max" in words
