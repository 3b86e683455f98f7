"""Titles and labels laid out for a phone-wide figure (figures.titles, figures.style)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figures.style import base_layout
from figures.titles import (
    LINE_SPACING,
    PHONE_TITLE_CHARS,
    TITLE_GAP,
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
