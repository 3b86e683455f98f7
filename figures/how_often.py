"""Figures for "How often": the odds with their intervals, where optima land, the catchment map.

Every count drawn here comes from an exact solver (or the exact optimality
condition), so "on an axis" means a coordinate that is exactly 0.0.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from PIL import Image
from plotly.subplots import make_subplots

from figures.style import AXIS_HIGHLIGHT, INK, axis_style, base_layout, region_style
from geometry import ElasticNetBall, NormBall
from geometry.regions import Region
from studies.catchment import Catchment, axis_catchments
from studies.ensembles import Domain
from studies.experiments import catchment_grid, map_half_width
from studies.landing import INSIDE, OFF_AXIS, ON_W1_AXIS, ON_W2_AXIS, on_axis
from studies.odds import Share

OFF_AXIS_GREY = "#9a9a9a"
INSIDE_COLOUR = "#F0E442"  # Okabe-Ito yellow: left alone, no shrinkage
# Catchment map colours per landing code (RGB): the two axes in two greens, so
# the map reads even in grey (light vs dark), the edge region pale grey.
_MAP_RGB = {
    INSIDE: (240, 228, 66),
    ON_W1_AXIS: (0, 158, 115),
    ON_W2_AXIS: (120, 205, 180),
    OFF_AXIS: (225, 225, 225),
}
_MAP_NAMES = {
    INSIDE: "inside: no shrinkage",
    ON_W1_AXIS: "lands on the w1 axis (w2 = 0)",
    ON_W2_AXIS: "lands on the w2 axis (w1 = 0)",
    OFF_AXIS: "lands on an edge: no zero",
}


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
    labels = [row.region.label for row in rows]
    values, bars = _percent_with_interval([row.share for row in rows], INK)
    figure = go.Figure(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            marker={
                "color": [region_style(row.region).colour for row in rows],
                "pattern": {"shape": [_pattern(row.region) for row in rows]},
            },
            error_x=bars,
            hovertemplate="%{y}: %{x:.2f}%<extra></extra>",
            showlegend=False,
        ),
        layout=base_layout(
            "Share of solutions with an exact zero (bars: 95% interval)",
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
            text=[f"{percent(row.share.value)} of {row.share.total:,}" for row in rows],
            textposition="middle right",
            hoverinfo="skip",
            showlegend=False,
        )
    )
    return figure


def _pattern(region: Region) -> str:
    # Bars differ by hatching as well as colour.
    if isinstance(region, ElasticNetBall):
        return "x"
    return {1.0: "", 2.0: "/"}.get(region.p, ".")


def landing_scatter_figure(
    panels: list[tuple[Region, np.ndarray, np.ndarray]], height: int = 430
) -> go.Figure:
    """Where a sample of optima land, one panel per region, coloured by landing.

    ``panels`` holds ``(region, solutions (N, 2), landing codes (N,))``.
    """
    figure = make_subplots(
        rows=1,
        cols=len(panels),
        subplot_titles=[_scatter_title(region, codes) for region, _, codes in panels],
        horizontal_spacing=0.08,
    )
    for column, (region, solutions, codes) in enumerate(panels, start=1):
        figure.add_trace(_outline(region, width=2, showlegend=False), row=1, col=column)
        landed = on_axis(codes)
        groups = [
            (codes == INSIDE, "#b8a800", "circle", 4, "inside: the centre itself"),
            (codes == OFF_AXIS, OFF_AXIS_GREY, "circle-open", 6, "on the boundary, no zero"),
            (landed, AXIS_HIGHLIGHT, "diamond", 13, "exact zero: on an axis"),
        ]
        for mask, colour, symbol, size, name in groups:
            figure.add_trace(
                go.Scatter(
                    x=solutions[mask, 0],
                    y=solutions[mask, 1],
                    mode="markers",
                    marker={"color": colour, "symbol": symbol, "size": size, "opacity": 0.8},
                    name=name,
                    legendgroup=name,
                    showlegend=column == 1,
                    hovertemplate="w = (%{x:.4g}, %{y:.4g})<extra></extra>",
                ),
                row=1,
                col=column,
            )
        # Many optima share each corner: say how many, or they look like one dot.
        corners = solutions[landed]
        for point in np.unique(corners, axis=0):
            count = int(np.count_nonzero(np.all(corners == point, axis=1)))
            figure.add_annotation(
                x=point[0],
                y=point[1],
                text=f"<b>{count:,}</b>",
                showarrow=False,
                # Beside the corner and clear of the axis line through it.
                xshift=26 * np.sign(point[0]) if point[0] else 22,
                yshift=16 * np.sign(point[1]) if point[1] else 12,
                font={"color": AXIS_HIGHLIGHT, "size": 14},
                row=1,
                col=column,
            )
        reach = 1.3 * region.axis_intercept
        axis = f"x{column if column > 1 else ''}"
        figure.update_xaxes(axis_style("w1", range=[-reach, reach]), row=1, col=column)
        figure.update_yaxes(
            axis_style("w2", range=[-reach, reach], scaleanchor=axis), row=1, col=column
        )
    figure.update_layout(
        base_layout("Where a sample of the optima land", height, margin={"t": 80, "b": 70})
    )
    figure.update_annotations(font={"size": 14})
    return figure


def _outline(region: Region, width: float, showlegend: bool) -> go.Scatter:
    """The region's boundary in its own colour and dash."""
    style = region_style(region)
    outline = region.boundary(361)
    return go.Scatter(
        x=outline[:, 0],
        y=outline[:, 1],
        mode="lines",
        line={"color": style.colour, "dash": style.dash, "width": width},
        name=f"{region.label} region",
        hoverinfo="skip",
        showlegend=showlegend,
    )


def _scatter_title(region: Region, codes: np.ndarray) -> str:
    return f"{region.label}: {np.count_nonzero(on_axis(codes)):,} of {codes.size:,} on an axis"


def share_curve_figure(
    x: np.ndarray,
    curves: list[tuple[Region, list[Share]]],
    x_title: str,
    title: str,
    height: int = 380,
) -> go.Figure:
    """Share with an exact zero against a parameter, one line (with 95% band) per region."""
    figure = go.Figure(layout=base_layout(title, height))
    for region, shares in curves:
        style = region_style(region)
        values, bars = _percent_with_interval(shares, style.colour)
        name = region.label
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


def p_curve_figure(ps: list[float], shares: list[Share], height: int = 380) -> go.Figure:
    """Share with an exact zero against p: corners (p <= 1) against smooth balls (p > 1)."""
    values, bars = _percent_with_interval(shares, INK)
    colours = [AXIS_HIGHLIGHT if p <= 1.0 else OFF_AXIS_GREY for p in ps]
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
            "Corners (p ≤ 1) give zeros, round balls never",
            height,
            margin={"l": 60, "r": 15, "t": 60, "b": 60},
        ),
    )
    figure.add_vline(x=1.0, line={"color": AXIS_HIGHLIGHT, "dash": "dot", "width": 1.5})
    ticks = [p for p in ps if p in (0.3, 0.5, 1.0, 2.0, 3.0, 6.0)]
    figure.update_xaxes(axis_style("p (log scale)", type="log", zeroline=False, tickvals=ticks))
    figure.update_yaxes(axis_style("% with an exact zero", range=[-3, 103]))
    return figure


def map_image(codes: np.ndarray) -> str:
    """A landing-code grid (rows from top to bottom) as a PNG data URI, one pixel per cell."""
    palette = np.zeros((4, 3), dtype=np.uint8)
    for code, rgb in _MAP_RGB.items():
        palette[code] = rgb
    buffer = io.BytesIO()
    Image.fromarray(palette[codes]).save(buffer, format="PNG", compress_level=6)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def catchment_figure(
    region: Region,
    codes: np.ndarray,
    half_width: float,
    catchments: list[Catchment],
    domain: Domain,
    spread: float,
    height: int = 470,
) -> go.Figure:
    """Each possible loss centre coloured by where its optimum lands, with the exact boundaries.

    Parameters
    ----------
    region : NormBall or ElasticNetBall
        The region.
    codes : ndarray of int, shape (rows, cols)
        Landing codes on a grid over ``[-half_width, half_width]^2``, first row at the top.
    half_width : float
        Half-width of the mapped square.
    catchments : list of Catchment
        The exact sets of centres landing on each axis point (wedges or rays).
    domain, spread : str, float
        The disc or square the centres are drawn from, outlined.
    """
    reach = 3.0 * half_width
    figure = go.Figure()
    for code, name in _MAP_NAMES.items():
        # Legend entries for the raster's colours.
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": "square", "size": 13, "color": f"rgb{_MAP_RGB[code]}"},
                name=name,
            )
        )
    edges: list[np.ndarray] = []
    for catchment in catchments:
        for direction in catchment.directions:
            edges += [catchment.apex, catchment.apex + reach * direction, np.full(2, np.nan)]
    if edges:
        line = np.array(edges)
        kind = "wedge edges" if catchments[0].has_area else "rays: zero area"
        figure.add_trace(
            go.Scatter(
                x=line[:, 0],
                y=line[:, 1],
                mode="lines",
                line={"color": INK, "width": 2},
                name=f"exact boundaries ({kind})",
                hoverinfo="skip",
            )
        )
    figure.add_trace(_outline(region, width=3, showlegend=True))
    figure.add_trace(_domain_outline(domain, spread))
    figure.update_layout(
        base_layout(
            f"{region.label}: where each possible centre's optimum lands",
            height,
            images=[
                {
                    "source": map_image(codes),
                    "xref": "x",
                    "yref": "y",
                    "x": -half_width,
                    "y": half_width,
                    "sizex": 2 * half_width,
                    "sizey": 2 * half_width,
                    "sizing": "stretch",
                    "layer": "below",
                }
            ],
            margin={"l": 55, "r": 10, "t": 50, "b": 130},
        )
    )
    # constrain="domain": equal aspect by shrinking the plot, not by widening the range.
    figure.update_xaxes(
        axis_style("c1 (centre of the loss)", range=[-half_width, half_width], constrain="domain")
    )
    figure.update_yaxes(
        axis_style(
            "c2", range=[-half_width, half_width], scaleanchor="x", scaleratio=1, constrain="domain"
        )
    )
    return figure


def catchment_map_figure(
    hessian: np.ndarray, region: NormBall, domain: Domain, spread: float, resolution: int = 400
) -> go.Figure:
    """The catchment map of one bowl shape: a grid of centres classified by the exact solver,
    the exact wedges (or rays) from the geometry, over the domain the centres come from."""
    half_width = map_half_width(region.axis_intercept, spread)
    grid = catchment_grid(hessian, region, half_width, resolution)
    catchments = axis_catchments(hessian, region)
    return catchment_figure(region, grid, half_width, catchments, domain, spread)


def _domain_outline(domain: Domain, spread: float) -> go.Scatter:
    if domain == "disk":
        angle = np.linspace(0.0, 2.0 * np.pi, 181)
        x, y = spread * np.cos(angle), spread * np.sin(angle)
    else:
        x = spread * np.array([-1, 1, 1, -1, -1])
        y = spread * np.array([-1, -1, 1, 1, -1])
    return go.Scatter(
        x=x,
        y=y,
        mode="lines",
        line={"color": INK, "dash": "dot", "width": 1.5},
        name="where the centres are drawn",
        hoverinfo="skip",
    )


def nonzero_histogram(counts: dict[str, np.ndarray], dim: int, height: int = 360) -> go.Figure:
    """How many weights are non-zero per solution, for the L1 and the L2 ball in ``dim`` dims."""
    figure = go.Figure(
        layout=base_layout(
            f"Non-zero weights per solution, {dim} weights",
            height,
            barmode="overlay",
            margin={"l": 60, "r": 15, "t": 50, "b": 90},
        )
    )
    styles = {"L1": region_style(NormBall(p=1)), "L2": region_style(NormBall(p=2))}
    for name, nonzeros in counts.items():
        style = styles[name]
        tally = np.bincount(nonzeros, minlength=dim + 1)
        figure.add_trace(
            go.Bar(
                x=np.arange(dim + 1),
                y=tally,
                name=f"{name} ball",
                marker={
                    "color": style.fill.replace("0.16", "0.75"),
                    "line": {"color": style.colour, "width": 1.5},
                    "pattern": {"shape": "" if name == "L1" else "/"},
                },
            )
        )
    figure.update_xaxes(axis_style("non-zero weights", range=[-0.6, dim + 0.6], zeroline=False))
    figure.update_yaxes(axis_style("problems"))
    return figure
