"""What the statistics pages compute before anyone asks (lessons.warm_grid, ui.warm)."""

from __future__ import annotations

import time

import pytest

from lessons import how_often, real_data
from lessons.controls import Slider
from lessons.warm_grid import slider_value, slider_values, warm_schedule
from ui import warm

P = Slider(key="p", label="p", low=0.3, high=3.0, step=0.1, default=0.5, help="")
N = Slider(key="n", label="n", low=2, high=50, step=1, default=10, help="")


def on_grid(spec: Slider, value: float) -> bool:
    steps = (value - spec.low) / spec.step
    return spec.low <= value <= spec.high and abs(steps - round(steps)) < 1e-9


def test_slider_values_are_every_other_value_nearest_first_as_the_slider_gives_them():
    values = slider_values(P)
    assert values[:5] == [0.6, 0.4, 0.7, 0.3, 0.8]  # one step right, one left, ...
    assert len(values) == len(set(values)) == round((P.high - P.low) / P.step)
    assert P.default not in values and all(on_grid(P, v) for v in values)
    # The shortest decimal, as the browser's slider sends it and the link keeps it.
    assert slider_value(P, 3) == 0.8 and repr(slider_value(P, 25)) == "3.0"
    assert slider_values(N, reach=2) == [11.0, 9.0, 12.0, 8.0]


def test_the_schedule_takes_every_slider_in_turn_one_step_at_a_time():
    schedule = warm_schedule([P, N], {"n": 1})
    assert schedule[:4] == [{"p": 0.6}, {"n": 11.0}, {"p": 0.4}, {"n": 9.0}]
    assert schedule[4:6] == [{"p": 0.7}, {"p": 0.3}]  # n's reach is spent
    assert len(schedule) == len(slider_values(P)) + 2


@pytest.mark.parametrize("lesson", [how_often, real_data])
def test_each_page_warms_its_defaults_first_then_valid_values_of_its_sliders(lesson):
    settings = lesson.warm_settings()
    assert settings[0] == {}
    sliders = {spec.key: spec for spec in lesson.WARM_SLIDERS}
    seen = {key: set() for key in sliders}
    for setting in settings[1:]:
        assert len(setting) == 1  # one control off its default at a time
        ((key, value),) = setting.items()
        if key in sliders:
            assert on_grid(sliders[key], value) and value != sliders[key].default
            seen[key].add(value)
    # The sidebar's first slider (a full rerun) is warmed at every value.
    first = lesson.WARM_SLIDERS[0]
    assert seen[first.key] == set(slider_values(first))


def test_how_often_warms_every_value_of_its_sidebar_sliders_and_each_other_choice():
    settings = how_often.warm_settings()
    for spec in (how_often.SPREAD, how_often.BUDGET, how_often.LP_EXPONENT, how_often.EN_SHARE):
        assert {s[spec.key] for s in settings if spec.key in s} == set(slider_values(spec))
    assert {"setup": "published"} in settings and {"n": "1000"} in settings
    assert {"outside": True} in settings


def wait_for(page: str, count: int, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while warm.warmed(page) < count:
        assert time.monotonic() < deadline, f"{page}: {warm.warmed(page)} of {count} settings"
        time.sleep(0.05)


def test_the_warming_thread_pauses_while_a_page_runs_and_then_finishes(monkeypatch):
    monkeypatch.setattr(warm, "ENABLED", True)
    seen = []

    def compute(setting):
        seen.append(setting["k"])
        yield
        seen.append(-setting["k"])
        yield

    with warm.busy():  # a page is running: the thread starts but computes nothing yet
        warm.start("test-pause", [{"k": 1}, {"k": 2}], compute)
        time.sleep(0.5)
        assert seen == []
    wait_for("test-pause", 2)
    assert seen == [1, -1, 2, -2]
    warm.start("test-pause", [{"k": 3}], compute)  # once per server process
    time.sleep(0.2)
    assert warm.warmed("test-pause") == 2 and 3 not in seen


def test_a_page_that_waits_for_the_thread_is_not_kept_waiting(monkeypatch):
    # A page asking for the value the thread computes holds "busy" while it waits:
    # after MAX_PAUSE_S the thread stops pausing, finishes and releases it.
    monkeypatch.setattr(warm, "ENABLED", True)
    monkeypatch.setattr(warm, "MAX_PAUSE_S", 0.2)
    seen = []

    def compute(setting):
        seen.append(sum(range(10)))
        yield

    with warm.busy():
        warm.start("test-give-up", [{}, {}], compute)
        wait_for("test-give-up", 2, timeout_s=10.0)
    assert seen == [45, 45]
