"""Controls described as data: a page's model states each control's range, step and default once.

The page turns a ``Slider`` into a URL-bound widget (``ui.url_widgets.slider``), a
``Choice`` into a URL-bound select or radio (``ui.url_widgets.choice``) and a ``Toggle``
into a URL-bound switch (``ui.url_widgets.toggle``);
tests and benchmarks read the same ranges to try every control's extremes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slider:
    """A numeric control.

    Attributes
    ----------
    key : str
        Its URL parameter and session-state key.
    label : str
        Shown beside the slider.
    low, high, step, default : float
        Its range, step and starting value.
    help : str
        The tooltip: what the control means.
    fmt : str
        printf-style format of the shown value.
    """

    key: str
    label: str
    low: float
    high: float
    step: float
    default: float
    help: str
    fmt: str = "%.2f"

    def __post_init__(self) -> None:
        if not self.low <= self.default <= self.high or self.step <= 0.0:
            raise ValueError(f"slider {self.key!r}: need low <= default <= high and step > 0")


@dataclass(frozen=True)
class Choice:
    """A choice among named options (URL value -> shown label).

    Attributes
    ----------
    key : str
        Its URL parameter and session-state key.
    label : str
        Shown above the choice.
    options : dict
        URL value -> label, in the order shown.
    default : str
        The URL value chosen at first.
    help : str
        The tooltip.
    radio : bool
        Shown as radio buttons (every option in view) rather than a select box.
    """

    key: str
    label: str
    options: dict[str, str]
    default: str
    help: str
    radio: bool = False

    def __post_init__(self) -> None:
        if self.default not in self.options:
            raise ValueError(f"choice {self.key!r}: default {self.default!r} is not an option")


@dataclass(frozen=True)
class Toggle:
    """An on/off switch.

    Attributes
    ----------
    key : str
        Its URL parameter and session-state key.
    label : str
        Shown beside the switch.
    default : bool
        Its starting position.
    help : str
        The tooltip.
    """

    key: str
    label: str
    default: bool
    help: str
