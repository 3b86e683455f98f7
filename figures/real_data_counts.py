"""The Real data page's count and error figures: exact zeros, CV error, non-zeros when p > n.

Pure drawing from computed data (``lessons.real_data``); the path figures are
in ``figures.real_data``.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.real_data import LOG_AXIS, MARKER_LINE
from figures.style import BLUE, INK, REGION_STYLES, axis_style, base_layout, translucent

__all__ = ["cv_figure", "subsample_figure", "zero_count_figure", "zero_count_title"]


def zero_count_title(lasso_counts: np.ndarray) -> str:
    """The count figure's conclusion; ``lasso_counts`` as λ decreases.

    The lasso's zero count is not monotone in λ: a weight that joined the model
    can leave it again (its path crosses 0), and the title says how often.
    """
    returns = int(np.count_nonzero(np.diff(np.asarray(lasso_counts)) > 0))
    if returns == 0:
        return "Exact zeros: the lasso's count falls in steps as λ shrinks; ridge stays at 0"
    times = "once" if returns == 1 else f"{returns} times"
    return (
        "Exact zeros: the lasso's count falls as λ shrinks, but not monotonically (a weight "
        f"returns to 0 {times}); ridge stays at 0"
    )


def zero_count_figure(curves, lam: float, p: int, height: int = 380) -> go.Figure:
    """Exactly-zero weights against λ: steps for the lasso and elastic net, flat 0 for ridge.

    ``curves``: (label, region-kind slug, λ decreasing, counts), each count holding
    from its λ down to the next.
    """
    figure = go.Figure()
    lasso_counts = next(counts for _, kind, _, counts in curves if kind == "l1")
    for label, kind, x, counts in curves:
        style = REGION_STYLES[kind]
        figure.add_trace(
            go.Scatter(
                x=np.asarray(x, dtype=np.float32),
                y=np.asarray(counts, dtype=np.int16),
                mode="lines",
                line={"color": style.colour, "dash": style.dash, "width": 2.5, "shape": "hv"},
                name=label,
                hovertemplate="%{fullData.name}: %{y} zeros<br>λ = %{x:.3g}<extra></extra>",
            )
        )
    figure.add_vline(x=lam, line=MARKER_LINE)
    figure.update_layout(
        base_layout(
            zero_count_title(lasso_counts),
            height,
            margin={"l": 60, "r": 15, "t": 60, "b": 100},
        ),
        xaxis=axis_style("λ (log scale; the model grows to the right)", **LOG_AXIS),
        yaxis=axis_style(f"exact zeros (of {p})", range=[-1.5, p + 1.5]),
        hovermode="closest",
    )
    return figure


def cv_figure(cv, p: int, height: int = 440) -> go.Figure:
    """K-fold CV error against λ with a one-SE band, λ_min and λ_1se marked with their zeros."""
    x = np.asarray(cv.lambdas, dtype=np.float64)
    upper, lower = cv.mean + cv.se, cv.mean - cv.se
    style = REGION_STYLES["l1"]
    figure = go.Figure(
        [
            go.Scatter(
                x=np.concatenate([x, x[::-1]]),
                y=np.concatenate([upper, lower[::-1]]),
                fill="toself",
                fillcolor=translucent(BLUE, 0.2),
                line={"width": 0, "color": translucent(BLUE, 0.2)},
                name="± one standard error",
                hoverinfo="skip",
            ),
            go.Scatter(
                x=x,
                y=cv.mean,
                mode="lines",
                line={"color": style.colour, "width": 2.5},
                name=f"mean over {cv.fold_mse.shape[0]} folds",
                hovertemplate="λ = %{x:.3g}<br>CV error %{y:.4f}<extra></extra>",
            ),
        ]
    )
    top = float(np.max(upper))
    for lam, zeros, label, dash in (
        (cv.lambda_min, cv.zeros_min, "λ_min", "dash"),
        (cv.lambda_1se, cv.zeros_1se, "λ_1se", "dot"),
    ):
        # A vertical line drawn as a trace, so that the legend names it (two
        # annotations side by side would overlap: the two λ are close).
        figure.add_trace(
            go.Scatter(
                x=[lam, lam],
                y=[float(np.min(lower)) - 1.0, top + 1.0],
                mode="lines",
                line={"color": INK, "width": 1.5, "dash": dash},
                name=f"{label} = {lam:.3g}: {zeros} of {p} exactly 0",
                hoverinfo="name",
            )
        )
    low, high = float(np.min(lower)), float(np.max(upper[x <= cv.lambda_1se * 30]))
    figure.update_layout(
        base_layout(
            f"Cross-validation picks a sparse model: {cv.zeros_1se} of {p} weights exactly 0",
            height,
            margin={"l": 70, "r": 15, "t": 80, "b": 100},
        ),
        xaxis=axis_style("λ (log scale)", **LOG_AXIS),
        yaxis=axis_style(
            "CV error (share unexplained)",
            range=[low - 0.05 * (high - low), high + 0.05 * (high - low)],
        ),
        hovermode="closest",
    )
    return figure


def subsample_figure(
    lasso_x, lasso_nonzero, ridge_x, ridge_nonzero, n: int, p: int, height: int = 380
) -> go.Figure:
    """Non-zero weights against λ when p > n: the lasso stays at most n − 1, ridge at p."""
    l1, l2 = REGION_STYLES["l1"], REGION_STYLES["l2"]
    figure = go.Figure(
        [
            go.Scatter(
                x=np.asarray(lasso_x, dtype=np.float32),
                y=np.asarray(lasso_nonzero, dtype=np.int16),
                mode="lines",
                line={"color": l1.colour, "width": 2.5, "shape": "hv"},
                name="lasso (exact path)",
                hovertemplate="lasso: %{y} non-zero<br>λ = %{x:.3g}<extra></extra>",
            ),
            go.Scatter(
                x=np.asarray(ridge_x, dtype=np.float32),
                y=np.asarray(ridge_nonzero, dtype=np.int16),
                mode="lines",
                line={"color": l2.colour, "width": 2.5, "dash": l2.dash},
                name="ridge",
                hovertemplate="ridge: %{y} non-zero<br>λ = %{x:.3g}<extra></extra>",
            ),
        ]
    )
    figure.add_hline(
        y=n - 1,
        line={"color": INK, "width": 1.5, "dash": "dot"},
        annotation_text=f"n − 1 = {n - 1}",
        annotation_position="top left",
    )
    figure.update_layout(
        base_layout(
            f"{n} patients, {p} features: the lasso never exceeds n − 1 = {n - 1} non-zero",
            height,
            margin={"l": 60, "r": 15, "t": 60, "b": 100},
        ),
        xaxis=axis_style("λ (log scale)", **LOG_AXIS),
        yaxis=axis_style(f"non-zero (of {p})", range=[-1.5, p + 4]),
        hovermode="closest",
    )
    return figure
