"""Titles and labels laid out for a phone-wide figure (figures.titles, figures.style)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from figures.regression import coefficient_paths_figure
from figures.style import base_layout
from figures.titles import (
    LINE_SPACING,
    PHONE_TITLE_CHARS,
    TITLE_GAP,
    panel_title,
    phone_label,
    phone_title,
    wrap_balanced,
    wrap_title,
)

words = st.lists(
    st.text(alphabet="abcdefghijλ≤;:,()0123456789", min_size=1, max_size=12),
    min_size=1,
    max_size=25,
)


@given(words, st.integers(min_value=8, max_value=60))
def test_balanced_lines_keep_the_words_fit_the_limit_and_are_as_few_as_greedy(parts, limit):
    text = " ".join(parts)
    lines = wrap_balanced(text, limit).split("<br>")
    assert " ".join(lines) == text  # the same words in the same order
    assert all(len(line) <= limit or " " not in line for line in lines)
    assert len(lines) == len(wrap_title(text, limit).split("<br>"))


def test_a_two_line_title_breaks_at_its_semicolon():
    title = "The lasso's budget hits 0 at λ = 7.8; ridge's never does"
    assert wrap_balanced(title, PHONE_TITLE_CHARS) == (
        "The lasso's budget hits 0 at λ = 7.8;<br>ridge's never does"
    )


def test_without_punctuation_the_lines_are_about_equal():
    lines = wrap_balanced("one two three four five six seven eight nine ten", 30).split("<br>")
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) <= 6


def test_short_lines_the_authors_breaks_and_markup_stay():
    assert wrap_balanced("short", 10) == "short"
    assert wrap_balanced("L1<br>corner on the w2 axis → w1 = 0", 44) == (
        "L1<br>corner on the w2 axis → w1 = 0"
    )
    tagged = "<b>L1</b> corner on the w2 axis, and a long tail of words here"
    assert wrap_balanced(tagged, 20) == tagged  # a break inside a tag would show it
    # "<" before a space or a digit is text, not a tag: such a line is wrapped.
    assert "<br>" in phone_label("|w_new| < 1: where the usual argument says w² < |w|")


def test_the_top_margin_holds_every_line_under_the_first_in_its_middle():
    line = LINE_SPACING * 16
    # One line: its lower half; each further line: two lines of margin.
    assert phone_title("fits") == ("fits", round(2 * (0.25 * 16 + TITLE_GAP)))
    text, top = phone_title(" ".join(["word"] * 30))
    assert text.count("<br>") == 3 and top == round(2 * (0.25 * 16 + 3 * line + TITLE_GAP))
    # Larger type: fewer characters a line.
    eight = " ".join(["word"] * 8)  # 39 characters
    assert phone_title(eight, size=24)[0].count("<br>") == 1
    assert phone_title(eight, size=16)[0].count("<br>") == 0


@pytest.mark.parametrize("margin", [None, {"l": 150, "r": 20, "t": 50, "b": 50}, {"b": 70}])
def test_the_shared_layout_makes_room_for_a_wrapped_title(margin):
    extra = {} if margin is None else {"margin": margin}
    short = base_layout("Short", 300, **extra)
    two = base_layout("Share of solutions with an exact zero (whiskers: 95%)", 300, **extra)
    four = base_layout(" ".join(["word"] * 30), 300, **extra)
    # The margin asked for stays where it holds the lines; more lines need more.
    asked = 60 if margin is None else margin.get("t", 100)
    assert short["margin"]["t"] == asked
    assert two["title"]["text"].count("<br>") == 1
    assert two["margin"]["t"] == max(asked, phone_title(two["title"]["text"])[1])
    assert four["margin"]["t"] == phone_title(four["title"]["text"])[1] > asked
    assert {k: v for k, v in four["margin"].items() if k != "t"} == {
        k: v for k, v in short["margin"].items() if k != "t"
    }


# --- panels side by side: their titles, and the figure's title above them ----------------
def _panels(titles: list[str]) -> list:
    from figures.real_data import PathPanel

    x = np.geomspace(1.0, 1e-3, 5)
    return [PathPanel(title, x, np.zeros((5, 2)), 0.1) for title in titles]


def _regression_figure():
    fractions = np.linspace(0.0, 1.0, 11)
    paths = np.outer(fractions, np.arange(1.0, 11.0))
    lasso = np.where(paths < 3.0, 0.0, paths)
    return coefficient_paths_figure(fractions, lasso, paths, [f"x{j}" for j in range(10)], 0.3)


def test_a_panel_title_keeps_its_words_in_lines_as_wide_as_a_phone_panel():
    # Three panels on a phone (330 px, 75 px of margins): about 90 px from centre to centre,
    # some 13 characters of 14 px type; two panels: some 20.
    assert panel_title("Elastic net, α = 0.5", 3, 0.07) == "Elastic net,<br>α = 0.5"
    assert panel_title("Lasso (exact path)", 3, 0.07) == "Lasso<br>(exact path)"
    assert panel_title("Ridge", 3, 0.07) == "Ridge"
    assert panel_title("Lasso: 6 of 10 exactly 0", 2, 0.1) == "Lasso:<br>6 of 10 exactly 0"
    assert panel_title("Lasso: 6 of 10 exactly 0", 1, 0.1) == "Lasso: 6 of 10 exactly 0"


def _stacked_boxes(layout: dict) -> tuple[float, float, float]:
    """(foot of the title's last line, top of the panels' titles, top of the title's first
    line), in px above the plot, where plotly.js 4.1 draws them (measured in Chromium: a
    first line's foot 0.2 em under pad.b, its top 0.9 em over it; 1.3 em a line)."""
    title = layout["title"]
    size = title["font"]["size"]
    lines = title["text"].count("<br>") + 1
    pad = title["pad"]["b"]
    panels = max(
        LINE_SPACING * a["font"]["size"] * (a["text"].count("<br>") + 1)
        for a in layout["annotations"]
        if a.get("yref") == "paper" and a.get("y") == 1.0 and a.get("yanchor") == "bottom"
    )
    return pad - 0.2 * size - (lines - 1) * LINE_SPACING * size, panels, pad + 0.9 * size


@pytest.mark.parametrize("presenting", [False, True])
@pytest.mark.parametrize("name", ["regression", "pair", "paths"])
def test_the_title_of_side_by_side_panels_stands_above_their_titles(name, presenting):
    from figures.adapt import adapt_figure
    from figures.real_data import move_markers, pair_figure, paths_figure

    titles = ["Lasso (exact path)", "Elastic net, α = 0.5", "Ridge"]
    if name == "regression":
        figure = _regression_figure()
    elif name == "pair":
        figure = pair_figure(_panels(titles), "bmi")
    else:
        figure = paths_figure(
            _panels(titles), ("a", "b"), [0, 1], log_x=True, x_title="λ", title="Short"
        )
        # Retitled in place (a marker move), in three lines on a phone.
        move_markers(figure, [0.2, 0.2, 0.2], " ".join(["word"] * 22))
    layout = adapt_figure(figure, presenting=presenting).to_dict()["layout"]
    assert layout["title"]["yref"] == "paper" and layout["title"]["yanchor"] == "bottom"
    foot, panels, top = _stacked_boxes(layout)
    assert foot >= panels + TITLE_GAP / 2  # the title's last line clears the panels' titles
    assert layout["margin"]["t"] >= top  # and its first line is inside the figure
    # ... without a band of empty margin above it.
    assert layout["margin"]["t"] <= top + TITLE_GAP
