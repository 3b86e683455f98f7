"""Titles and labels in lines that fit a figure as wide as a phone.

Plotly never wraps text: a title wider than its figure is cut at the figure's
edge. The server does not know how wide the browser is, so every title is laid
out for the narrowest figure the app is drawn in, a phone's (about 330 px at a
360 px screen): lines of at most ``PHONE_TITLE_CHARS`` characters, balanced so
that a title of two lines reads as two halves on a desktop too, broken after a
punctuation mark where that costs little. The top margin grows where it would not
hold all the lines, so a title never runs into the plot.

Side-by-side panels have titles of their own in the top margin, each as wide as
a phone's panel allows (``panel_title``); the figure's title then stands right
above them (``stack_title``): placed, as Plotly places it by default, in the
middle of the margin, it would need twice their height of margin.
"""

from __future__ import annotations

import re

__all__ = [
    "LINE_SPACING",
    "PHONE_LABEL_CHARS",
    "PHONE_TITLE_CHARS",
    "TITLE_GAP",
    "panel_title",
    "phone_label",
    "phone_title",
    "stack_title",
    "wrap_balanced",
    "wrap_title",
]

# Source Sans at 16 px averages 6.7 px a character: 44 characters are ~300 px,
# which fits the ~330 px of a figure on a 360 px screen with room for wide glyphs.
PHONE_TITLE_CHARS = 44
# The average character of the figures' own type (FONT_FAMILY: Arial's metrics where
# Source Sans Pro is not installed), in font sizes: measured in Chromium 0.43-0.46
# ("6 of 10 exactly 0", "the unconstrained size"); the titles' Source Sans is narrower.
_PLOT_CHAR_EM = 0.46
# The narrowest figure (on a 360 px screen) and the two sides of its plot that hold
# no panel (the y-axis labels, the right edge): the margins the figures ask for.
_PHONE_FIGURE_PX = 330
_PHONE_SIDES_PX = 75
_PANEL_GAP = 6  # px between two panels' titles
# Legend entries (13 px type) start at the plot's left edge, after a 40 px symbol:
# about 230 px of a figure on a 360 px screen.
PHONE_LABEL_CHARS = 40
LINE_SPACING = 1.3  # Plotly's line height, in font sizes
# Plotly puts a title's first line in the middle of the top margin and the others
# under it (measured with plotly.js 4.1: the first line's box ends 0.25 em below
# the middle). So each added line takes two lines' height of margin, and the last
# line needs TITLE_GAP px above the plot.
_BELOW_MIDDLE = 0.25  # em
TITLE_GAP = 8
_BREAK_AFTER = (";", ":", ",", "—")
# A tag, as Plotly reads one ("<b>", "</sub>"); "|w| < 1" is text.
_TAG = re.compile(r"<[A-Za-z/]")


def wrap_title(text: str, limit: int) -> str:
    """``text`` with every line of more than ``limit`` characters broken at spaces ("<br>").

    Greedy (each line as full as it goes). Lines holding markup other than "<br>"
    stay as they are (a break inside a tag would show the tag).
    """
    lines = []
    for line in text.split("<br>"):
        if len(line) <= limit or _TAG.search(line):
            lines.append(line)
            continue
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > limit:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
    return "<br>".join(lines)


def wrap_balanced(text: str, limit: int) -> str:
    """``text`` in as few lines of at most ``limit`` characters as greedy wrapping needs,
    but of about equal length, preferring breaks after punctuation ("<br>" between lines).

    Lines already separated by "<br>" are wrapped each on its own; lines holding
    other markup stay as they are. A word longer than ``limit`` gets a line of its own.
    """
    out = []
    for line in text.split("<br>"):
        if len(line) <= limit or _TAG.search(line):
            out.append(line)
        else:
            out.append("<br>".join(_balanced_lines(line.split(" "), limit)))
    return "<br>".join(out)


def _balanced_lines(words: list[str], limit: int) -> list[str]:
    # best[i]: (number of lines, cost, end of the first line) for words[i:]. The cost
    # is the sum of squared shortfalls from the limit (for a given number of lines
    # least when the lines are equally long), plus a half limit squared for each
    # break that is not after a punctuation mark or before a parenthesis.
    n = len(words)
    best: list[tuple[int, float, int]] = [(0, 0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice = None
        length = -1
        for j in range(i + 1, n + 1):
            length += 1 + len(words[j - 1])
            if length > limit and j > i + 1:
                break
            lines, cost, _ = best[j]
            cost += (limit - length) ** 2
            if j < n and not (words[j - 1].endswith(_BREAK_AFTER) or words[j].startswith("(")):
                cost += (limit / 2) ** 2
            candidate = (lines + 1, cost, j)
            if choice is None or candidate[:2] < choice[:2]:
                choice = candidate
        best[i] = choice
    lines, i = [], 0
    while i < n:
        j = best[i][2]
        lines.append(" ".join(words[i:j]))
        i = j
    return lines


def phone_title(text: str, size: float = 16.0) -> tuple[str, float]:
    """``text`` wrapped to fit a phone's figure, and the top margin its lines need.

    Parameters
    ----------
    text : str
        The title ("<br>" between lines the author chose).
    size : float
        Its font size in px.

    Returns
    -------
    tuple[str, float]
        The wrapped title, and the least top margin (px) that holds all its
        lines above the plot where Plotly places them (y "auto").
    """
    wrapped = wrap_balanced(text, round(PHONE_TITLE_CHARS * 16.0 / size))
    below = _BELOW_MIDDLE * size + wrapped.count("<br>") * LINE_SPACING * size + TITLE_GAP
    return wrapped, round(2 * below)


def phone_label(text: str) -> str:
    """A legend entry or label in balanced lines that fit a phone's figure ("<br>")."""
    return wrap_balanced(text, PHONE_LABEL_CHARS)


def panel_title(
    text: str, columns: int, spacing: float, size: float = 14.0, sides: float = _PHONE_SIDES_PX
) -> str:
    """A title centred over one of ``columns`` side-by-side panels, in balanced lines that
    do not reach its neighbours' on a phone ("<br>" between lines).

    Parameters
    ----------
    text : str
        The title (a panel's, or an x-axis title under a panel).
    columns : int
        How many panels stand side by side.
    spacing : float
        The gap between two panels, as a share of the plot's width.
    size : float
        The font size in px.
    sides : float
        The figure's left and right margins together, in px.
    """
    # From one panel's centre to the next: its width (1 - (n - 1) s) / n, plus s.
    pitch = (_PHONE_FIGURE_PX - sides) * (1.0 + spacing) / columns
    return wrap_balanced(text, max(1, int((pitch - _PANEL_GAP) / (_PLOT_CHAR_EM * size))))


def _lines(text: str) -> int:
    return text.count("<br>") + 1


def _panel_titles_px(layout: dict) -> float:
    """The height the panels' titles take above the plot (those anchored at its top edge)."""
    heights = [
        LINE_SPACING * annotation.get("font", {}).get("size", 14) * _lines(annotation["text"])
        for annotation in layout.get("annotations", ())
        if annotation.get("text")
        and annotation.get("yref") == "paper"
        and annotation.get("y") == 1.0
        and annotation.get("yanchor") == "bottom"
    ]
    return max(heights, default=0.0)


def stack_title(layout: dict, size: float = 16.0) -> None:
    """Stand the title of ``layout`` (a plotly layout as a dict) right above its panels'
    titles, and make the top margin hold both; in place.

    The title is placed from the plot's top edge (``yref`` "paper", ``yanchor``
    "bottom": Plotly sets the first line's foot ``pad.b`` px above the edge and the
    other lines under it), so its lines stay where they are when the figure is
    drawn taller (full screen). Call it again after the type grows (a projector).

    Parameters
    ----------
    layout : dict
        The layout, with its title text and the panels' title annotations (paper
        y = 1, anchored at the bottom).
    size : float
        The title's font size in px, when the layout does not state it.
    """
    title = layout.setdefault("title", {})
    size = title.get("font", {}).get("size") or size
    above = _BELOW_MIDDLE * size + (_lines(title.get("text", "")) - 1) * LINE_SPACING * size
    pad = round(above + TITLE_GAP + _panel_titles_px(layout))
    title.update(yref="paper", y=1.0, yanchor="bottom", pad={**title.get("pad", {}), "b": pad})
    # The first line reaches about one font size above its foot.
    layout.setdefault("margin", {})["t"] = round(pad + size + TITLE_GAP / 2)
