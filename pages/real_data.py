"""Real data: exact lasso, ridge and elastic-net paths on the diabetes data (or your CSV)."""

from collections.abc import Iterator

import pandas as pd
import streamlit as st

from figures.real_data import move_markers, pair_figure, paths_figure
from figures.real_data_counts import cv_figure, subsample_figure, zero_count_figure
from lessons import real_data as model
from ui import warm
from ui.frame import PageFrame, page_frame
from ui.plain_text import plain_markdown
from ui.url_widgets import slider, url_select

# Figures of the diabetes designs are the same for every visitor with the same controls.
cached = st.cache_resource(max_entries=96, show_spinner="Fitting…")  # 55-60 kB per entry
UPLOAD = "_real_data_upload"  # this session's parsed file and fits: never on disk or in the URL
FIGURES = "_real_data_figures"  # this session's figures whose markers move


def marked(name: str, key: tuple, build, xs: list[float], title: str | None = None):
    """This session's figure ``name`` for ``key``, built once, its markers moved to ``xs``.

    A marker move then costs no rebuild (some 200 traces); the figure is the
    session's own, so moving its markers in place touches no other visitor's.
    """
    held = st.session_state.setdefault(FIGURES, {})
    if name not in held or held[name][0] != key:
        held[name] = (key, build())
    figure = held[name][1]
    move_markers(figure, xs, title)
    return figure


def paths_chart(name: str, key: tuple, fits, lam: float, axis: str, what: str):
    def build():
        return paths_figure(
            model.path_panels(fits, lam, axis),
            fits.names,
            model.highlighted(fits),
            log_x=axis == "log_lambda",
            x_title=model.AXES[axis] if axis == "l1_fraction" else "λ (log scale)",
            title="",
        )

    xs = model.marker_positions(fits, lam, axis)
    return marked(name, (*key, axis), build, xs, model.paths_title(fits, lam, what))


def zeros_chart(name: str, key: tuple, fits, lam: float):
    return marked(name, key, lambda: zero_count_figure(model.zero_curves(fits), lam, fits.p), [lam])


@cached
def cv_chart(design: str, folds: int, seed: int):
    return cv_figure(model.design_cv(design, 1.0, folds, seed), len(model.design(design).names))


@cached
def subsample_chart(n: int, seed: int):
    fit = model.subsample(n, seed)
    return subsample_figure(*model.subsample_curves(fit), n, fit.p)


def cv_table(results: dict, p: int) -> pd.DataFrame:
    rows = []
    for name, cv in results.items():
        rows.append(
            {
                "method": name,
                "λ_min": f"{cv.lambda_min:.3g}",
                "zeros at λ_min": cv.zeros_min,
                "λ_1se": f"{cv.lambda_1se:.3g}",
                "zeros at λ_1se": cv.zeros_1se,
                "error": f"{cv.mean.min():.3f}",
            }
        )
    return pd.DataFrame(rows)


@st.fragment
def upload_section(frame, alpha: float, lam: float, axis: str, folds: int, seed: int) -> None:
    """The visitor's own table (a fragment: its file and target change nothing else)."""
    with warm.busy():
        upload_body(frame, alpha, lam, axis, folds, seed)


def upload_body(frame, alpha: float, lam: float, axis: str, folds: int, seed: int) -> None:
    st.markdown(model.UPLOAD_HELP)
    uploaded = st.file_uploader(
        "Your CSV file", type=["csv"], max_upload_size=model.MAX_MB, key="upload"
    )
    if uploaded is None:
        st.session_state.pop(UPLOAD, None)
        return
    held = st.session_state.get(UPLOAD)
    if not held or held["file"] != uploaded.file_id:
        held = {"file": uploaded.file_id, "read": model.read_upload(uploaded.getvalue())}
        st.session_state[UPLOAD] = held
    read = held["read"]
    if read.error is not None:
        error = model.file_error(uploaded.name, read.error)
        st.error(plain_markdown(error), icon=":material/error:")
        return
    table = read.table
    target = st.selectbox(
        "Column to predict (not kept in the link: the link never carries your data)",
        table.names,
        index=len(table.names) - 1,
        key="upload_target",
    )
    key = (target, alpha, folds, seed)
    if held.get("key") != key:
        held.update(key=key, result=model.fit_upload(table, target, alpha, folds, seed))
    result = held["result"]
    for note in result.notes:
        st.info(plain_markdown(note), icon=":material/info:")
    if result.error is not None:
        st.error(plain_markdown(result.error), icon=":material/error:")
        return
    fits, cv = result.fits, result.cv
    st.markdown(model.upload_heading(result) + model.zeros_sentence(fits, lam))
    key = (uploaded.file_id, *key)
    what = model.upload_paths_title(fits)
    frame.chart(paths_chart("upload_paths", key, fits, lam, axis, what), "chart_upload_paths")
    frame.chart(zeros_chart("upload_zeros", key, fits, lam), "chart_upload_zeros")
    if cv is None:
        st.warning(model.cv_warning(folds, result.rows), icon=":material/warning:")
        return
    st.markdown(model.headline(cv, fits.p))
    frame.chart(cv_figure(cv, fits.p), "chart_upload_cv")


@st.fragment
def pair_section(frame: PageFrame, design: str, alpha: float, lam: float) -> None:
    """A near copy of one feature (a fragment: its three controls change only this section)."""
    with warm.busy():
        left, middle, right = st.columns(3)
        with left:
            feature = url_select("Copy the feature", "copy", model.COPY_FEATURES, default="bmi")
        with middle:
            rho = slider(model.CORRELATION)
        with right:
            copy_seed = int(slider(model.COPY_SEED))
        pair = model.pair(design, feature, rho, copy_seed, alpha)
        pair_figure_ = marked(
            "pair",
            (design, feature, rho, copy_seed, alpha),
            lambda: pair_figure(model.pair_panels(pair, lam), feature),
            [lam] * 3,
        )
        frame.chart(pair_figure_, "chart_pair")
        st.markdown(model.pair_sentence(pair, lam))


@st.fragment
def subsample_section(frame: PageFrame) -> None:
    """Fewer patients than predictors (a fragment: its two sliders change only this section)."""
    with warm.busy():
        left, right = st.columns(2)
        with left:
            n_sub = int(slider(model.PATIENTS))
        with right:
            sub_seed = int(slider(model.SUBSAMPLE_SEED))
        frame.chart(subsample_chart(n_sub, sub_seed), "chart_subsample")
        st.markdown(model.subsample_sentence(model.subsample(n_sub, sub_seed)))


def compute(setting: dict) -> Iterator[object]:
    """Fill the shared caches for the page at ``setting`` (controls off their defaults).

    A generator: it pauses after each piece, where the warming thread waits for the
    pages. The session's own figures (paths, zero counts, the pair) are built on a press.
    """
    values = {spec.key: spec.default for spec in model.WARM_SLIDERS}
    values |= {"design": "quadratic", "folds": "10", "copy": "bmi", **setting}
    design, alpha = values["design"], values["alpha"]
    folds, seed = int(values["folds"]), int(values["cv_seed"])
    yield model.design_fits(design, alpha)
    for l1_ratio in (1.0, alpha, 0.0):
        yield model.design_cv(design, l1_ratio, folds, seed)
    yield cv_chart(design, folds, seed)
    rho, copy_seed = values["rho"], int(values["copy_seed"])
    yield model.pair(design, values["copy"], rho, copy_seed, alpha)
    yield subsample_chart(int(values["n_sub"]), int(values["sub_seed"]))


with page_frame("real_data") as frame:
    warm.start("real_data", model.warm_settings(), compute)
    if not frame.presenting:
        st.markdown(
            "*“L1 usually yields sparse feature vectors: most feature weights are zero.”* Here "
            "on a real data set with many features. Every path below is **exact**, and a weight "
            "counts as zero only when it is exactly 0.0."
        )
    with st.sidebar:
        st.header("Data and paths")
        design = url_select("Data", "design", model.DESIGNS, default="quadratic")
        axis = url_select(
            "Paths against",
            "axis",
            model.AXES,
            default="log_lambda",
            help="log λ: the penalty weight. ‖w‖₁ / max: each path's own L1 size, as a "
            "fraction of its largest on the plotted range.",
        )
        alpha = slider(model.MIX)
        lam = model.marker_lambda(slider(model.MARKER))
        st.header("Cross-validation")
        folds = int(url_select("Folds K", "folds", model.FOLDS, default="10"))
        seed = int(slider(model.CV_SEED))

    data = model.design(design)
    fits = model.design_fits(design, alpha)
    if frame.presenting:  # projected: one line, the figure on screen
        st.caption(model.data_caption(len(data.y), fits.p))
    else:
        # The paths come first, so that the figure is on the first screen; the data's
        # description follows them.
        st.header("The paths")
    what = f"{fits.p} diabetes predictors"
    frame.chart(paths_chart("paths", (design, alpha), fits, lam, axis, what), "chart_paths")
    st.markdown(model.zeros_sentence(fits, lam))
    frame.chart(zeros_chart("zeros", (design, alpha), fits, lam), "chart_zeros")
    if not frame.presenting:
        st.header("The data")
        st.markdown(model.data_note(len(data.y), fits.p))
        st.caption(
            "Features and response standardised to mean 0 and variance 1 (Efron et al.'s "
            "unit-length columns times √n): λ and the weights are in these units. The lasso's "
            "and ridge's zeros do not depend on this scaling; the elastic net's mix α does."
        )

    st.header("Cross-validation")
    cv = model.design_cv(design, 1.0, folds, seed)
    st.markdown(model.headline(cv, fits.p))
    left, right = st.columns([1, 1], vertical_alignment="center")
    with left:
        frame.chart(cv_chart(design, folds, seed), "chart_cv")
    with right:
        results = {
            "lasso": cv,
            f"elastic net α = {alpha:g}": model.design_cv(design, alpha, folds, seed),
            "ridge": model.design_cv(design, 0.0, folds, seed),
        }
        st.dataframe(cv_table(results, fits.p), hide_index=True)
        st.caption(
            f"Exact zeros (of {fits.p}) at λ_min and at λ_1se. {folds}-fold CV over 100 values "
            "of λ per row: for the lasso and the elastic net LassoCV's grid, log-spaced from "
            "λ_max (where every weight is 0) down to 10⁻³·λ_max; ridge has no λ_max, so its "
            "grid runs from 10·e_max down to 10⁻⁶·e_max (e_max the largest eigenvalue of "
            "XᵀX/n). λ_1se: the largest λ whose error is within one standard "
            "error of the minimum. Zeros of the fit to all patients at that λ. Error: CV error at "
            "λ_min, "
            "the share of the response's variance not explained."
        )

    st.header("Two nearly equal features")
    pair_section(frame, design, alpha, lam)

    st.header("More features than patients")
    subsample_section(frame)

    st.header("Your own data")
    upload_section(frame, alpha, lam, axis, folds, seed)
