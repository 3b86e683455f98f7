"""The page's Copy link button: the browser builds the link to the view from its address bar.

Every control keeps its value in the URL on every change (``ui.url_widgets``),
so the address bar is the link to the current view. A link written by Python
at the end of a full run would go stale when part of the page reruns alone
(``st.fragment``); the browser module (``live/share/share_link.js``) reads the
address bar when the button is pressed, copies it to the clipboard and shows
it in a field that follows the address bar while it is open.
"""

from __future__ import annotations

from pathlib import Path

from ui.live_modules import live_component

__all__ = ["KEY", "SHARE", "share_link_button"]

KEY = "share_link"
SHARE = Path(__file__).resolve().parents[1] / "live" / "share"

# Its module travels once per session in the live bundle (ui.live_modules).
_component = live_component(
    "sparsity_share_link",
    "share/share_link.js",
    (SHARE / "share_link.css").read_text(encoding="utf-8"),
)


def share_link_button(key: str = KEY) -> None:
    """Show the Copy link button (its element is ``.st-key-{key}``).

    Parameters
    ----------
    key : str
        The component's key: it keeps the button's element across reruns.
    """
    _component(key=key)
