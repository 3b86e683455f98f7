"""Text a visitor typed (a link's value, a CSV's names), shown as text: never a link, never markup.

Streamlit renders captions, notes and alerts as GitHub-flavoured Markdown. Two
things must be undone for a visitor's text:

- markup: CommonMark lets a backslash escape any ASCII punctuation character,
  which then renders as itself, so escaping all of them leaves no emphasis, no
  link syntax, no HTML, no ``:red[…]`` or ``:material/…:`` shortcode;
- autolinks: GFM also turns bare ``https://…``, ``www.…`` and ``name@host`` into
  links, and its mdast transform matches them in the text *after* escapes are
  read (checked in Chromium: ``https\\://`` still became a link). A WORD JOINER
  (U+2060, invisible, no width) between ``:`` and ``//``, between ``www`` and
  ``.`` and before each ``@`` breaks those patterns while the text reads the same.
"""

from __future__ import annotations

import re
import string

__all__ = ["WORD_JOINER", "plain_markdown"]

WORD_JOINER = "\u2060"
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_WWW_DOT = re.compile(r"(www)(?=\\\.)", re.IGNORECASE)  # www, then an escaped "."


def plain_markdown(text: str) -> str:
    """``text`` for a Markdown element, shown as written, on one line, linking nowhere.

    Parameters
    ----------
    text : str
        Anything a visitor can type.

    Returns
    -------
    str
        Every ASCII punctuation character backslash-escaped, an invisible word
        joiner where an autolink could start (in ``://`` and ``www.``, before
        ``@``), line breaks as spaces.
    """
    flat = str(text).replace("\r", " ").replace("\n", " ")
    escaped = _PUNCTUATION.sub(r"\\\1", flat)
    escaped = _WWW_DOT.sub(r"\1" + WORD_JOINER, escaped)
    escaped = escaped.replace("\\:\\/", "\\:" + WORD_JOINER + "\\/")  # scheme://
    return escaped.replace("\\@", WORD_JOINER + "\\@")
