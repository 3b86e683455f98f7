"""One stop of the Tour, as every lesson hands it over: typed, and built only when shown.

Each lesson package that has a Tour stop exposes ``tour_step()`` (or
``tour_steps()``) returning ``TourStep`` objects; the Tour lesson orders them.
Text and figures are callables, so importing a lesson computes nothing: a
stop's numbers are computed the first time the Tour shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import plotly.graph_objects as go

__all__ = ["TourStep"]


@dataclass(frozen=True)
class TourStep:
    """One stop of the tour.

    Attributes
    ----------
    slug : str
        Its stable name in the URL (``step=dead-zone``).
    title : str
        The heading.
    text : callable
        Builds the paragraph (markdown), its numbers computed; called when shown.
    figures : callable
        Builds the step's figures (called once per process: ``lessons.tour.built_step``).
    page : str
        The registry key of the full page to explore it on.
    page_title : str
        How the link names that page.
    query : dict
        The full page's controls for this step, as URL values (slugs).
    """

    slug: str
    title: str
    text: Callable[[], str]
    figures: Callable[[], list[go.Figure]]
    page: str
    page_title: str
    query: dict[str, str] = field(default_factory=dict)
