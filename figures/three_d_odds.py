"""How often in 3-D and beyond: where random optima land, and the share of zeros against n.

Every count comes from an exact solver (``studies.three_d``); the whiskers are
Wilson's 95% intervals. The titles state what the counts show, computed.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.odds import percent
from figures.style import INK, PAPER, axis_style, base_layout, region_style
from geometry import NormBall
from studies.odds import Share

__all__ = [
    "LANDING_ROWS",
    "dimension_figure",
    "dimension_title",
    "landing_odds_figure",
    "landing_title",
]

# (ball, landing key, label): the bars, top to bottom.
LANDING_ROWS = (
    ("l1", "vertex", "L1 vertex: two zeros"),
    ("l1", "edge", "L1 edge: one zero"),
    ("l1", "face", "L1 face: no zero"),
    ("l1", "interior", "L1 inside: slack"),
    ("l2", "smooth", "L2 smooth point: no zero"),
    ("l2", "interior", "L2 inside: slack"),
)
_BALLS = {"l1": NormBall(1, 1.0), "l2": NormBall(2, 1.0)}
_NB = "\u00a0"  # a no-break space: a wrapped title keeps "t = 1" on one line
_TOP = 70  # the landing figure's top margin for its two-line title


def _whiskers(shares: list[Share], colour: str) -> tuple[np.ndarray, dict]:
    values = 100 * np.array([share.value for share in shares])
    bounds = 100 * np.array([share.interval for share in shares])
    return values, {
        "type": "data",
        "symmetric": False,
        "array": bounds[:, 1] - values,
        "arrayminus": values - bounds[:, 0],
        "color": colour,
    }


def landing_title(odds) -> str:
    """The conclusion of the landing counts, only as far as they bear it out."""
    on_axis = odds.l1["vertex"].value + odds.l1["edge"].value
    words = f"In 3-D, {percent(on_axis)} of L1 optima land on a vertex or an edge"
    if odds.zero_weights["L2"].hits == 0:
        return words + "<br>(at least one exact zero); L2 optima: no zero at all"
    return words + "<br>(at least one exact zero)"


def landing_odds_figure(odds, height: int = 380) -> go.Figure:
    """Bars: share of random 3-D problems landing on each piece, L1 and L2, with 95% intervals.

    ``odds`` is a ``studies.three_d.ThreeDOdds``.
    """
    shares = [getattr(odds, ball)[key] for ball, key, _ in LANDING_ROWS]
    # Each label on two lines: on one, its margin left a phone-wide plot too short
    # for the bars' figures.
    labels = [label.replace(": ", ":<br>") for _, _, label in LANDING_ROWS]
    styles = [region_style(_BALLS[ball]) for ball, _, _ in LANDING_ROWS]
    values, bars = _whiskers(shares, INK)
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            marker={
                "color": [style.colour for style in styles],
                "line": {"width": 0},
                "pattern": {"shape": [style.pattern for style in styles], "fgcolor": PAPER},
            },
            error_x=bars,
            hovertemplate="%{y}: %{x:.2f}%<extra></extra>",
            showlegend=False,
        ),
        layout=base_layout(
            landing_title(odds),
            height,
            xaxis=axis_style("% of problems", range=[0, 135], tickvals=[0, 25, 50, 75, 100]),
            yaxis=axis_style("", autorange="reversed", zeroline=False),
            margin={"l": 110, "r": 20, "t": _TOP, "b": 50},
        ),
    )
    # The title's lines on a phone take more than the top margin: the figure grows by
    # as much, so that the six bars keep their height.
    figure.layout.height = height + figure.layout.margin.t - _TOP
    figure.add_trace(
        go.Scatter(
            y=labels,
            x=values + bars["array"] + 2,
            mode="text",
            text=[percent(share.value) for share in shares],
            textposition="middle right",
            hoverinfo="skip",
            showlegend=False,
        )
    )
    return figure


def dimension_title(
    dims: list[int],
    l1: list[Share],
    l2: list[Share],
    l1_scaled: list[Share] | None = None,
    per_weight: float | None = None,
) -> str:
    """The conclusion of the zeros-against-n curves, from their end points.

    ``l1_scaled``: the same problems with the budget ``t = n per_weight`` grown
    with the signal, whose rise is what the geometry alone gives.
    """
    first, last = l1[0].value, l1[-1].value
    if l1_scaled is None:
        trend = "more" if last > first else "fewer"
        words = (
            f"L1 zeroes {percent(first)} of the weights at n = {dims[0]}, {percent(last)} at "
            f"n = {dims[-1]}: {trend} with more weights"
        )
    else:
        words = (
            f"L1 zeros, n = {dims[0]} → {dims[-1]}: {percent(first)} → {percent(last)} at "
            f"t{_NB}={_NB}1, {percent(l1_scaled[0].value)} → {percent(l1_scaled[-1].value)} at "
            f"t{_NB}={_NB}n·{per_weight:g}"
        )
    if all(share.hits == 0 for share in l2):
        words += "; L2 none"
    return words


def dimension_figure(
    dims: list[int],
    l1: list[Share],
    l2: list[Share],
    height: int = 380,
    l1_scaled: list[Share] | None = None,
    per_weight: float | None = None,
):
    """Share of weights exactly zero against the number of weights n, with 95% whiskers.

    With ``l1_scaled`` a second L1 curve (dotted, open markers): the same problems
    with the budget ``t = n per_weight``.
    """
    title = dimension_title(dims, l1, l2, l1_scaled, per_weight)
    figure = go.Figure(layout=base_layout(title, height))
    curves = [(_BALLS["l1"], l1, "L1, t = 1" if l1_scaled else "L1", None)]
    if l1_scaled is not None:
        curves.append((_BALLS["l1"], l1_scaled, f"L1, t = n·{per_weight:g}", "dot"))
    curves.append((_BALLS["l2"], l2, "L2", None))
    for ball, shares, name, dash in curves:
        style = region_style(ball)
        values, bars = _whiskers(shares, style.colour)
        marker = style.marker + ("-open" if dash else "")
        figure.add_trace(
            go.Scatter(
                x=dims,
                y=values,
                mode="lines+markers",
                line={"color": style.colour, "dash": dash or style.dash, "width": 2.5},
                marker={"symbol": marker, "size": 7, "color": style.colour},
                error_y={**bars, "thickness": 1},
                name=f"{name}: weights exactly 0",
                hovertemplate=f"{name}: " + "%{y:.1f}% of the weights at n = %{x}<extra></extra>",
            )
        )
    figure.update_xaxes(axis_style("number of weights n", zeroline=False))
    figure.update_yaxes(axis_style("% of weights exactly 0", range=[-3, 103]))
    return figure
