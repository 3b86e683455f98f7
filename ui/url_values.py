"""Reading control values from a link: pure functions, no Streamlit, so every rule is testable.

A link is typed by people and pasted into chat: anything may arrive. A number
is clamped into the control's range and snapped to its step (so that
``spread=4.0000001`` is the same view, and the same cache entry, as ``spread=4``);
anything unreadable falls back to the default. A choice is written in the URL
as a stable slug (``left_region=l1``); the display label, in any case, is
accepted too, because that is what links printed before the slugs carried
(``n=10,000``, ``left_region=Elastic net``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ui.plain_text import plain_markdown

__all__ = [
    "FALSE_WORDS",
    "TRUE_WORDS",
    "Reading",
    "Verdict",
    "app_address",
    "parse_choice",
    "parse_choices",
    "parse_flag",
    "parse_number",
    "quoted",
    "snap",
]

Verdict = Literal["ok", "clamped", "snapped", "unreadable"]
TRUE_WORDS = ("true", "1", "yes", "on")
FALSE_WORDS = ("false", "0", "no", "off")


@dataclass(frozen=True)
class Reading:
    """What a link said about one control.

    Attributes
    ----------
    value : object
        The value to use, or None when the default applies.
    verdict : {"ok", "clamped", "snapped", "unreadable"}
        How the raw text was taken.
    """

    value: object
    verdict: Verdict


def _as_written(number: float) -> Decimal:
    """The number as people write it: the decimal of its shortest repr (0.1, not 0.1000…0555)."""
    return Decimal(repr(float(number)))


def _decimals(step: float) -> int:
    """Decimal places of a step written as people write it (0.05 -> 2, 5.0 -> 0)."""
    exponent = _as_written(step).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def snap(value: float, low: float, step: float | None) -> float:
    """``value`` on the grid ``low + k * step``, rounded to the step's decimals.

    Halfway between two steps goes up (1.5 -> 2 and 2.5 -> 3 for a step of 1),
    not to the even step as Python's round would. The grid index is counted in
    decimal, on the numbers as written (their shortest repr): in binary floating
    point (0.05 + 3) / 0.1 is 30.499999999999996, which would send the link's
    0.05 on a -3..3 slider of step 0.1 down to 0 instead of up to 0.1.
    """
    if step is None or step <= 0.0:
        return value
    offset = (_as_written(value) - _as_written(low)) / _as_written(step)
    k = math.floor(offset + Decimal("0.5"))
    return round(low + k * step, _decimals(step) + max(0, _decimals(low) - _decimals(step)))


def parse_number(raw: str, low: float, high: float, step: float | None = None) -> Reading:
    """A number from a link: clamped to ``[low, high]`` and snapped to ``step``.

    Parameters
    ----------
    raw : str
        The text in the URL.
    low, high : float
        The control's range.
    step : float, optional
        The control's step; off-step values are moved to the nearest step.

    Returns
    -------
    Reading
        ``value`` None (and verdict "unreadable") for text, NaN, inf or overflow.
    """
    try:
        value = float(str(raw).strip())
    except (ValueError, TypeError):
        return Reading(None, "unreadable")
    if not math.isfinite(value):
        return Reading(None, "unreadable")
    clamped = min(max(value, low), high)
    snapped = min(max(snap(clamped, low, step), low), high)
    if clamped != value:
        return Reading(snapped, "clamped")
    if abs(snapped - value) > 1e-9 * max(1.0, abs(value)):
        return Reading(snapped, "snapped")
    return Reading(snapped, "ok")


def parse_choice(
    raw: str, options: dict[str, str], aliases: dict[str, str] | None = None
) -> Reading:
    """A choice from a link: its slug, its label in any case, or a former label.

    Parameters
    ----------
    raw : str
        The text in the URL.
    options : dict
        slug -> label.
    aliases : dict, optional
        Former labels or slugs (any case) -> slug, so that old links keep working.
    """
    if raw in options:
        return Reading(raw, "ok")
    wanted = str(raw).strip().casefold()
    by_text = {slug.casefold(): slug for slug in options}
    by_text.update({label.casefold(): slug for slug, label in options.items()})
    by_text.update({old.casefold(): slug for old, slug in (aliases or {}).items()})
    if wanted in by_text:
        return Reading(by_text[wanted], "ok")
    return Reading(None, "unreadable")


def parse_choices(
    raw: str, options: dict[str, str], aliases: dict[str, str] | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Several choices from a link, comma-separated: the slugs read, and the parts that were not.

    Each part is read as ``parse_choice`` reads one choice. The slugs come back
    once each, in the order of ``options`` (so that one view has one link); an
    empty text is an empty choice.

    Parameters
    ----------
    raw : str
        The text in the URL (``opt=sgd,adam,ista``).
    options : dict
        slug -> label.
    aliases : dict, optional
        Former labels or slugs (any case) -> slug.

    Returns
    -------
    chosen : tuple of str
        The slugs read.
    unread : tuple of str
        The non-empty parts that name no option, as written.
    """
    parts = [part.strip() for part in str(raw).split(",")]
    readings = {part: parse_choice(part, options, aliases).value for part in parts if part}
    found = set(readings.values())
    chosen = tuple(slug for slug in options if slug in found)
    unread = tuple(part for part, slug in readings.items() if slug is None)
    return chosen, unread


def parse_flag(raw: str) -> Reading:
    """An on/off value from a link: true/false, 1/0, yes/no, on/off (any case)."""
    word = str(raw).strip().casefold()
    if word in TRUE_WORDS + FALSE_WORDS:
        return Reading(word in TRUE_WORDS, "ok")
    return Reading(None, "unreadable")


def quoted(raw: str, limit: int = 24) -> str:
    """A URL value quoted for a note: short, and unable to format the note as markdown."""
    text = str(raw)
    clipped = text if len(text) <= limit else text[:limit] + "…"
    return "“" + plain_markdown(clipped) + "”"


def app_address(page_url: str | None, page_paths: Iterable[str]) -> str:
    """The app's address (no page, no query) from the address of the page being shown.

    Streamlit's ``st.context.url`` is meant to drop the page's path, but with
    ``st.navigation`` it keeps it (``http://host/three_weights``), and a link built
    on it would repeat the page (``/three_weights/three_weights``). ``None`` (no
    browser: AppTest) gives ``http://localhost:8501``.

    Parameters
    ----------
    page_url : str or None
        The page's address, without its query.
    page_paths : iterable of str
        Every page's URL path ("" for the first page).
    """
    address = (page_url or "http://localhost:8501").rstrip("/")
    for path in page_paths:
        if path and address.endswith(f"/{path}"):
            return address.removesuffix(f"/{path}")
    return address
