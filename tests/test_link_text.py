"""Text from a link is quoted back as text: the Markdown of every note, for every key and value.

The real-browser test (tests/test_link_text_browser.py) shows that such Markdown
renders with no link and no formatting; this one gives every control of every
page every hostile value and reads the Markdown source of the notes.
"""

from __future__ import annotations

import re

import pytest

from tests.apptest_support import SMALL, controls, notes, open_page
from tests.test_link_text_browser import HOSTILE
from ui.plain_text import WORD_JOINER, plain_markdown
from ui.registry import PAGE

# What GFM would turn into a link or markup if it reached the Markdown unescaped.
AUTOLINK = re.compile(r"https?://|www\.|[\w.+-]@[\w-]", re.IGNORECASE)
MARKUP = re.compile(r"(?<!\\)[*_\[\]()<>`]")


def test_plain_markdown_leaves_no_autolink_and_no_markup_and_reads_the_same():
    for value in HOSTILE:
        shown = plain_markdown(value)
        assert not AUTOLINK.search(shown) and not MARKUP.search(shown), shown
        assert shown.replace("\\", "").replace(WORD_JOINER, "") == value


@pytest.mark.parametrize("path", list(PAGE))
@pytest.mark.parametrize("shift", range(len(HOSTILE)))
def test_every_key_quotes_every_hostile_value_as_plain_text(path, shift):
    fixed = SMALL.get(path, {})
    keys = sorted(k for k in controls(open_page(path, fixed)) if k not in fixed)
    query = {k: HOSTILE[(i + shift) % len(HOSTILE)] for i, k in enumerate(keys)}
    app = open_page(path, {**query, **fixed})
    assert not app.exception
    said = notes(app)
    assert said, path
    assert not AUTOLINK.search(said), said
    quotes = re.findall(r"“(.*?)”", said)  # the values as written (the labels are ours)
    assert len(quotes) >= len(keys), said
    for quoted in quotes:
        assert not MARKUP.search(quoted), quoted  # every markup character escaped
