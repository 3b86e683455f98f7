"""Text from a link is shown as text on every page: never a link, never formatting.

A link's value that a page cannot use is quoted back in a note ("Loss shapes =
“https://evil.example/log…” is not one of the choices"). Streamlit renders notes
as Markdown, which would turn a bare address into a clickable link of a
stranger's on a trusted page. Here every control of every page gets each
hostile value in turn (URL-like, Markdown, HTML), in a real browser.
"""

from __future__ import annotations

import urllib.parse

import pytest

from tests.apptest_support import SMALL, controls, open_page
from tests.browser.layout import PAGE_PATHS
from ui.registry import PAGES

pytestmark = pytest.mark.browser

HOSTILE = (
    "https://evil.example/login",
    "www.evil.example",
    "admin@evil.example",
    "[x](https://evil.example)",
    '<a href="https://evil.example">x</a>',
    "**bold**",
)
MARKUP_TAGS = "a, strong, b, em, i, code, img, script"
LOCAL = {None, "localhost", "127.0.0.1"}  # a relative link, or the app itself

# Every element whose text came from a hostile value, if it rendered as markup;
# and every link on the page (to compare with the page opened without a link).
_READ_JS = f"""() => {{
  const root = document.querySelector('[data-testid="stApp"]');
  const marked = [...root.querySelectorAll({MARKUP_TAGS!r})]
    .filter((e) => /evil|bold/.test(e.textContent + (e.getAttribute('href') || '')))
    .map((e) => e.outerHTML.slice(0, 120));
  const links = [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
  return {{marked, links, text: root.innerText.replace(/\u2060/g, '')}};
}}"""


def _page_keys(path: str) -> list[str]:
    """The keys of every control the page shows by default (its link's keys)."""
    key = next(page.key for page in PAGES if page.url_path == path)
    fixed = SMALL.get(key, {})
    return sorted(k for k in controls(open_page(key, fixed)) if k not in fixed)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_no_link_or_formatting_comes_from_a_link_on_any_page(app, path):
    key = next(page.key for page in PAGES if page.url_path == path)
    keys = _page_keys(path)
    assert keys, path
    clean = app.open(f"{path}?{urllib.parse.urlencode(SMALL.get(key, {}))}")
    allowed_links = set(clean.page.evaluate(_READ_JS)["links"])
    # One load: the keys take the hostile values in turn (shifted per page); the AppTest
    # check in tests/test_link_text.py gives every key every value and reads the Markdown.
    shift = PAGE_PATHS.index(path)
    query = {k: HOSTILE[(i + shift) % len(HOSTILE)] for i, k in enumerate(keys)}
    query.update(SMALL.get(key, {}))
    clean.goto(f"{path}?{urllib.parse.urlencode(query)}")
    seen = clean.page.evaluate(_READ_JS)
    assert seen["marked"] == [], (path, seen["marked"])
    new_links = set(seen["links"]) - allowed_links
    foreign = [h for h in new_links if urllib.parse.urlsplit(h).hostname not in LOCAL]
    assert not foreign, (path, foreign)
    assert "From the link" in seen["text"], path  # the values were quoted back ...
    for value in set(query.values()) & set(HOSTILE):  # ... as written (clipped at 24)
        assert value[:20] in seen["text"], (path, value)
    clean.assert_no_error()
