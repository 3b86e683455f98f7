"""What the Real data page computes at server start: its sliders' nearest values, its choices.

A setting holds the controls that differ from the page's defaults (``warm_settings``);
the page turns each into calls of its caches, the same calls a press would make. The
marker needs nothing (it moves the markers of figures already built).
"""

from __future__ import annotations

from lessons.real_data.controls import (
    COPY_SEED,
    CORRELATION,
    CV_SEED,
    MIX,
    PATIENTS,
    SUBSAMPLE_SEED,
)
from lessons.warm_grid import warm_schedule

# The sidebar's sliders first (a press of one reruns the whole page), then the main body's.
WARM_SLIDERS = (MIX, CV_SEED, PATIENTS, SUBSAMPLE_SEED, CORRELATION, COPY_SEED)
# The correlation has 500 steps and the copy's seed 51: their nearest ten each way.
REACH = {CORRELATION.key: 10, COPY_SEED.key: 10}
OTHER_CHOICES = ({"folds": "5"}, {"design": "main"})


def warm_settings() -> list[dict[str, object]]:
    """The page's defaults (``{}``), the other choices, then each slider's nearest values."""
    return [{}, *OTHER_CHOICES, *warm_schedule(WARM_SLIDERS, REACH)]
