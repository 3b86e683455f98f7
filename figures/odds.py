"""How often, in numbers: the share of exact zeros per region, against the budget and against p.

Every count drawn here comes from an exact solver (or the exact optimality
condition), so "an exact zero" means a coordinate that is exactly 0.0. The
whiskers are Wilson's 95% score intervals (``studies.odds``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from figures.names import region_name
from figures.style import (
    AXIS_HIGHLIGHT,
    GREY,
    INK,
    PAPER,
    axis_style,
    base_layout,
    region_style,
)
from geometry.regions import Region
from studies.odds import Share

__all__ = ["OddsRow", "odds_figure", "p_curve_figure", "percent", "share_curve_figure"]


@dataclass(frozen=True)
class OddsRow:
    """One bar of the odds chart: a region and its share of exact zeros."""

    region: Region
    share: Share


def percent(value: float) -> str:
    """A share as a percentage with sensible digits: 0% only when exactly zero."""
    if value == 0.0:
        return "0%"
    if value < 0.001:
        return "<0.1%"
    return f"{100 * value:.1f}%"


def _percent_with_interval(shares: list[Share], colour: str) -> tuple[np.ndarray, dict]:
    """The shares in percent, and Plotly error bars reaching each one's 95% interval."""
    values = 100 * np.array([share.value for share in shares])
    bounds = 100 * np.array([share.interval for share in shares])
    bars = {
        "type": "data",
        "symmetric": False,
        "array": bounds[:, 1] - values,
        "arrayminus": values - bounds[:, 0],
        "color": colour,
    }
    return values, bars


def odds_figure(rows: list[OddsRow], height: int = 360) -> go.Figure:
    """Horizontal bars: share of solutions with an exact zero per region, with 95% intervals."""
    labels = [region_name(row.region) for row in rows]
    styles = [region_style(row.region) for row in rows]
    values, bars = _percent_with_interval([row.share for row in rows], INK)
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            marker={
                "color": [style.colour for style in styles],
                "line": {"width": 0},  # not the template's pale outline, which shows on dark
                # Hatching in the page's colour: bars differ by pattern as well as hue.
                "pattern": {"shape": [style.pattern for style in styles], "fgcolor": PAPER},
            },
            error_x=bars,
            hovertemplate="%{y}: %{x:.2f}%<extra></extra>",
            showlegend=False,
        ),
        layout=base_layout(
            "Share of solutions with an exact zero (whiskers: 95% interval)",
            height,
            xaxis=axis_style("% of problems", range=[0, 135], tickvals=[0, 25, 50, 75, 100]),
            yaxis=axis_style("", autorange="reversed", zeroline=False),
            margin={"l": 150, "r": 20, "t": 50, "b": 50},
        ),
    )
    # The figures beyond the interval's end, where no bar or whisker runs through them.
    figure.add_trace(
        go.Scatter(
            y=labels,
            x=values + bars["array"] + 2,
            mode="text",
            # Two lines: on one, the label ran out of a phone-wide plot.
            text=[f"{percent(row.share.value)}<br>of {row.share.total:,}" for row in rows],
            textposition="middle right",
            hoverinfo="skip",
            showlegend=False,
        )
    )
    return figure


def share_curve_figure(
    x: np.ndarray,
    curves: list[tuple[Region, list[Share]]],
    x_title: str,
    title: str,
    height: int = 380,
) -> go.Figure:
    """Share with an exact zero against a parameter, one line (with 95% whiskers) per region."""
    figure = go.Figure(layout=base_layout(title, height))
    for region, shares in curves:
        style = region_style(region)
        values, bars = _percent_with_interval(shares, style.colour)
        name = region_name(region)
        figure.add_trace(
            go.Scatter(
                x=x,
                y=values,
                mode="lines+markers",
                line={"color": style.colour, "dash": style.dash, "width": 2.5},
                marker={"symbol": style.marker, "size": 9, "color": style.colour},
                error_y={**bars, "thickness": 1},
                name=name,
                hovertemplate=f"{name}: " + "%{y:.1f}% at %{x:.3g}<extra></extra>",
            )
        )
    figure.update_xaxes(axis_style(x_title, zeroline=False))
    figure.update_yaxes(axis_style("% with an exact zero", range=[-3, 103]))
    return figure


def _p_title(ps: list[float], shares: list[Share]) -> str:
    """The conclusion, only when the counts bear it out."""
    corners = any(s.hits for p, s in zip(ps, shares, strict=True) if p <= 1.0)
    smooth = any(s.hits for p, s in zip(ps, shares, strict=True) if p > 1.0)
    if corners and not smooth:
        return "Corners on the axes (p ≤ 1) give zeros; smooth balls (p > 1) none"
    return "Share of solutions with an exact zero, against p"


def p_curve_figure(ps: list[float], shares: list[Share], height: int = 380) -> go.Figure:
    """Share with an exact zero against p: corners on the axes (p <= 1) against smooth balls."""
    values, bars = _percent_with_interval(shares, INK)
    colours = [AXIS_HIGHLIGHT if p <= 1.0 else GREY for p in ps]
    figure = go.Figure(
        go.Scatter(
            x=ps,
            y=values,
            mode="lines+markers",
            line={"color": INK, "width": 1.5},
            marker={"color": colours, "size": 11, "symbol": "diamond"},
            error_y=bars,
            text=[f"{share.total:,} problems" for share in shares],
            hovertemplate="p = %{x:g}: %{y:.1f}% (%{text})<extra></extra>",
            showlegend=False,
        ),
        layout=base_layout(
            _p_title(ps, shares),
            height,
            margin={"l": 60, "r": 15, "t": 60, "b": 60},
        ),
    )
    figure.add_vline(x=1.0, line={"color": AXIS_HIGHLIGHT, "dash": "dot", "width": 1.5})
    ticks = [p for p in ps if p in (0.3, 0.5, 1.0, 2.0, 3.0, 6.0)]
    figure.update_xaxes(axis_style("p (log scale)", type="log", zeroline=False, tickvals=ticks))
    figure.update_yaxes(axis_style("% with an exact zero", range=[-3, 103]))
    return figure
