"""Which control settings a page computes before anyone asks: the sliders' nearest values first.

A student moves one control at a time, mostly by a step or two from where
the page opened. So the values worth computing at server start are each
slider's neighbours of its default, the nearest first, every slider in turn
(one step each way for every slider, then two, ...), each with every other
control at its default. Each setting is a small dict, control key -> value;
the page turns it into calls of its own caches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lessons.controls import Slider

__all__ = ["slider_value", "slider_values", "warm_schedule"]


def slider_value(spec: Slider, k: int) -> float:
    """The value ``k`` steps from the slider's default, as the slider gives it to the page.

    The browser's slider moves in steps from its lowest value and the page
    reads the value as the shortest decimal of that step (``ui.url_widgets``
    keeps it so in the link), so the value is rounded to 12 decimals here:
    ``0.5 + 3 * 0.1`` is ``0.8``, not ``0.8000000000000002``.
    """
    return float(round(spec.default + k * spec.step, 12))


def slider_values(spec: Slider, reach: int | None = None) -> list[float]:
    """The slider's values other than its default, nearest first (right before left at a tie).

    ``reach``: at most this many steps each way (every value when None).
    """
    below = round((spec.default - spec.low) / spec.step)
    above = round((spec.high - spec.default) / spec.step)
    limit = max(below, above) if reach is None else reach
    values = []
    for k in range(1, limit + 1):
        if k <= above:
            values.append(slider_value(spec, k))
        if k <= below:
            values.append(slider_value(spec, -k))
    return values


def warm_schedule(
    sliders: Iterable[Slider], reach: Mapping[str, int] | None = None
) -> list[dict[str, float]]:
    """One setting per value of ``slider_values``: round-robin, nearest steps first.

    Parameters
    ----------
    sliders : iterable of Slider
        The sliders, in the order to take them at each distance.
    reach : mapping, optional
        Slider key -> the most steps from its default to compute (default: all).
    """
    reach = reach or {}
    lists = [[(s.key, v) for v in slider_values(s, reach.get(s.key))] for s in sliders]
    schedule: list[dict[str, float]] = []
    for position in range(max((len(values) for values in lists), default=0)):
        schedule += [dict([values[position]]) for values in lists if position < len(values)]
    return schedule
