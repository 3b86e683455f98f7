"""Iterates of subgradient descent and of proximal gradient descent on a one-weight lasso."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.style import AXIS_HIGHLIGHT, REGION_STYLES, axis_style, base_layout

__all__ = ["descent_figure"]


def descent_figure(subgradient: np.ndarray, proximal: np.ndarray, height: int = 400) -> go.Figure:
    """The weight at each iteration: subgradient steps hover, proximal steps land on 0.0.

    Parameters
    ----------
    subgradient, proximal : ndarray, shape (k + 1,)
        One weight's iterates from each method.
    """
    steps = np.arange(subgradient.size)
    exact = np.flatnonzero(proximal == 0.0)
    first_zero = int(exact[0]) if exact.size else None
    if first_zero is None:
        title = "Neither method has reached exactly 0 yet"
    else:
        stays = " and stay there" if np.all(proximal[first_zero:] == 0.0) else ""
        passing = int(np.count_nonzero(subgradient == 0.0))
        times = "once" if passing == 1 else f"{passing} times"
        sub = "never do" if passing == 0 else f"hit it {times}, only in passing"
        title = (
            f"Proximal steps reach exactly 0 at step {first_zero}{stays}; subgradient steps {sub}"
        )
    figure = go.Figure(layout=base_layout(title, height))
    figure.add_trace(
        go.Scatter(
            x=steps,
            y=subgradient,
            mode="lines+markers",
            name="subgradient descent",
            line={"color": REGION_STYLES["l2"].colour, "dash": "dash", "width": 2},
            marker={"symbol": "circle", "size": 6},
        )
    )
    figure.add_trace(
        go.Scatter(
            x=steps,
            y=proximal,
            mode="lines+markers",
            name="proximal gradient (soft threshold)",
            line={"color": REGION_STYLES["l1"].colour, "width": 2.5},
            marker={"symbol": "diamond", "size": 8},
        )
    )
    if first_zero is not None:
        figure.add_trace(
            go.Scatter(
                x=steps[exact],
                y=np.zeros(exact.size),
                mode="markers",
                name="exactly 0.0",
                marker={"symbol": "diamond-open", "size": 13, "color": AXIS_HIGHLIGHT},
            )
        )
    figure.update_xaxes(axis_style("iteration", zeroline=False))
    figure.update_yaxes(axis_style("weight w"))
    return figure
