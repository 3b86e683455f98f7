"""How close to 0 each optimiser's zero weights come, and what thresholding afterwards does.

- ``zeros_figure``: ``|w_i|`` of the weights that are 0 at the exact optimum,
  on a log axis against the iteration. ``log 0`` cannot be drawn, so an exact
  0.0 is drawn in its own band under the axis, labelled "exactly 0", one row
  per optimiser that reaches it: a subgradient method hovers above the band,
  a proximal or coordinate method drops into it and stays.
- ``threshold_sweep_figure``: the zeros left after setting ``|w_i| < tau`` to 0,
  against ``tau`` on a log axis, with the exact lasso's count: a method without
  exact zeros matches it only in a window of ``tau``, if at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from figures.optimisers import OPTIMISER_STYLES, thin
from figures.style import CONE, GREEN, GREY, axis_style, base_layout

__all__ = ["ZeroTrace", "threshold_sweep_figure", "zeros_figure"]

_ROW = 0.45  # decades between the exactly-0 rows of two optimisers
_FLOOR = -18  # no axis goes below 1e-18; a smaller positive value is drawn there


@dataclass(frozen=True)
class ZeroTrace:
    """One optimiser's distance from 0 at each iteration.

    Attributes
    ----------
    slug, name : str
        Its key in ``OPTIMISER_STYLES`` and its legend entry.
    values : ndarray, shape (k + 1,)
        ``max |w_i|`` over the weights that are 0 at the optimum, per iteration;
        exactly 0.0 where they all are.
    """

    slug: str
    name: str
    values: np.ndarray


def _keep(values: np.ndarray) -> np.ndarray:
    """Indices to draw: a thinned run, plus each step into or out of exact zero."""
    zero = values == 0.0
    changes = np.flatnonzero(zero[1:] != zero[:-1])
    return np.unique(np.concatenate([thin(values.size, 500), changes, changes + 1]))


def zeros_figure(traces: list[ZeroTrace], unit: str, y_title: str, title: str, height: int = 520):
    """``y_title`` on a log axis against the ``unit``, exact zeros in a band of their own."""
    positive = np.concatenate([t.values[t.values > 0.0] for t in traces] + [np.ones(1)])
    low = max(math.floor(math.log10(positive.min())), _FLOOR)
    high = math.log10(positive.max())
    reaching = [t for t in traces if np.any(t.values == 0.0)]
    rows = {t.slug: 10.0 ** (low - 1 - _ROW * r) for r, t in enumerate(reaching)}
    bottom = math.log10(min(rows.values(), default=10.0 ** (low - 1)))
    figure_traces = []  # dicts: go.Figure checks each once
    last = max(t.values.size for t in traces) - 1
    if reaching:
        band = [10.0 ** (low - 0.5), 10.0 ** (bottom - 0.3)]
        figure_traces.append(
            {
                "type": "scatter",
                "x": [0, last, last, 0, 0],
                "y": [band[0], band[0], band[1], band[1], band[0]],
                "mode": "lines",
                "fill": "toself",
                "fillcolor": CONE,
                "line": {"width": 0},
                "name": "exactly 0.0 (log 0 cannot be drawn)",
                "hoverinfo": "skip",
            }
        )
    for trace in traces:
        style = OPTIMISER_STYLES[trace.slug]
        keep = _keep(trace.values)
        shown = trace.values[keep]
        row = rows.get(trace.slug, 10.0**low)
        drawn = np.where(shown == 0.0, row, np.maximum(shown, 10.0**_FLOOR))
        figure_traces.append(
            {
                "type": "scatter",
                "x": keep,
                "y": drawn,
                "customdata": shown,
                "mode": "lines",
                "line": {"color": style.colour, "dash": style.dash, "width": 2},
                "name": trace.name,
                "legendgroup": trace.slug,
                "hovertemplate": (
                    f"{trace.name}<br>{unit} %{{x}}: %{{customdata:.3e}}<extra></extra>"
                ),
            }
        )
        zeros = np.flatnonzero(trace.values == 0.0)
        if zeros.size:
            marks = zeros[np.unique(np.linspace(0, zeros.size - 1, 25).round().astype(int))]
            figure_traces.append(
                {
                    "type": "scatter",
                    "x": marks,
                    "y": np.full(marks.size, row),
                    "mode": "markers",
                    "marker": {"symbol": style.marker, "size": 9, "color": style.colour},
                    "name": f"{trace.name}: exactly 0.0",
                    "legendgroup": trace.slug,
                    "showlegend": False,
                    "hovertemplate": f"{trace.name}<br>{unit} %{{x}}: exactly 0.0<extra></extra>",
                }
            )
    decades = list(range(low, math.ceil(high) + 1))
    step = max(1, math.ceil(len(decades) / 6))
    decades = decades[::-1][::step][::-1]
    tick_values = [10.0**d for d in decades]
    tick_text = [f"1e{d}" if d not in (0, 1) else f"{10**d}" for d in decades]
    if reaching:
        tick_values.append(10.0 ** (0.5 * (low - 1 + bottom)))
        tick_text.append("exactly 0")
    layout = base_layout(title, height)
    layout["xaxis"] = axis_style(unit, zeroline=False, range=[0, last])
    layout["yaxis"] = axis_style(
        y_title,
        type="log",
        zeroline=False,
        range=[bottom - 0.4, high + 0.2],
        tickvals=tick_values,
        ticktext=tick_text,
    )
    return go.Figure(data=figure_traces, layout=layout)


def threshold_sweep_figure(
    taus: np.ndarray,
    counts: list[tuple[str, str, np.ndarray]],
    exact_zeros: int,
    weights: int,
    tau: float,
    title: str,
    height: int = 480,
) -> go.Figure:
    """Zeros left after thresholding at each ``tau``, per optimiser, against the exact count.

    Parameters
    ----------
    taus : ndarray
        The thresholds, ascending, all > 0.
    counts : list of (slug, name, ndarray)
        Each optimiser's zero count at each threshold.
    exact_zeros, weights : int
        The exact lasso's zeros, and the number of weights.
    tau : float
        The threshold chosen on the page, marked.
    """
    traces = [
        {
            "type": "scatter",
            "x": [taus[0], taus[-1]],
            "y": [exact_zeros, exact_zeros],
            "mode": "lines",
            "line": {"color": GREEN, "width": 6},
            "name": f"exact lasso: {exact_zeros} zeros",
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "x": [tau, tau],
            "y": [-0.5, weights + 0.5],
            "mode": "lines",
            "line": {"color": GREY, "width": 2, "dash": "dash"},
            "name": f"your τ = {tau:.3g}",
            "hoverinfo": "skip",
        },
    ]
    # Equal counts would hide each other: each line is nudged by a few hundredths.
    nudge = 0.07 * (np.arange(len(counts)) - 0.5 * (len(counts) - 1))
    for (slug, name, values), offset in zip(counts, nudge, strict=True):
        style = OPTIMISER_STYLES[slug]
        traces.append(
            {
                "type": "scatter",
                "x": taus,
                "y": values + offset,
                "customdata": values,
                "mode": "lines",
                "line": {"color": style.colour, "dash": style.dash, "width": 2, "shape": "hv"},
                "name": name,
                "hovertemplate": f"{name}<br>τ = %{{x:.2e}}: %{{customdata}} zeros<extra></extra>",
            }
        )
    layout = base_layout(title, height)
    layout["xaxis"] = axis_style(
        "threshold τ (|wᵢ| < τ set to 0)", type="log", zeroline=False, exponentformat="e"
    )
    layout["yaxis"] = axis_style(
        "zeros after thresholding", range=[-0.5, weights + 0.5], dtick=1, zeroline=False
    )
    return go.Figure(data=traces, layout=layout)
