"""What the How often page computes at server start: its sliders' nearest values, its choices.

A setting holds the controls that differ from the page's defaults (``warm_settings``);
the page turns each into calls of its caches, the same calls a press would make.
"""

from __future__ import annotations

from lessons.how_often.controls import (
    BUDGET,
    CONDITIONS,
    COUNTS,
    DIMENSION,
    DOMAINS,
    EN_SHARE,
    LP_EXPONENT,
    MAP_CONDITION,
    MAP_TILT,
    SETUP_NAMES,
    SPREAD,
)
from lessons.warm_grid import warm_schedule

# The sidebar's sliders first (a press of one reruns the whole page), then the main body's.
WARM_SLIDERS = (SPREAD, BUDGET, LP_EXPONENT, EN_SHARE, MAP_CONDITION, MAP_TILT, DIMENSION)
# n = 50 takes seconds a setting: the larger n are computed when asked.
REACH = {DIMENSION.key: 15}
DEFAULT_CHOICES = {"setup": "random", "n": "100000", "domain": "disk", "max_cond": "100"}
CHOICES = {"setup": SETUP_NAMES, "n": COUNTS, "domain": DOMAINS, "max_cond": CONDITIONS}


def warm_settings() -> list[dict[str, object]]:
    """The page's defaults (``{}``), each slider's nearest values, then each other choice."""
    settings: list[dict[str, object]] = [{}]
    sliders = warm_schedule(WARM_SLIDERS, REACH)
    settings += sliders[: 4 * len(WARM_SLIDERS)]  # two steps each way of every slider first
    settings += [
        {key: option}
        for key, options in CHOICES.items()
        for option in options
        if option != DEFAULT_CHOICES[key]
    ]
    settings.append({"outside": True})
    settings += sliders[4 * len(WARM_SLIDERS) :]
    return settings
