"""The server's warm-up thread and the once-only cache it fills."""

from __future__ import annotations

import threading
import time

import pytest

from lessons.computed_once import computed_once


def test_concurrent_first_calls_compute_once_and_share_the_answer():
    calls = []

    @computed_once
    def slow(n: int) -> list[int]:
        calls.append(n)
        time.sleep(0.2)
        return [n]

    answers = []
    threads = [threading.Thread(target=lambda: answers.append(slow(3))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [3]  # lru_cache would have computed four times
    assert all(answer is answers[0] for answer in answers)
    assert slow(4) == [4] and calls == [3, 4]  # each argument once


def test_a_computation_that_raises_is_not_remembered():
    attempts = []

    @computed_once
    def flaky() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first time")
        return "ok"

    with pytest.raises(RuntimeError):
        flaky()
    assert flaky() == "ok" and flaky() == "ok" and len(attempts) == 2


def test_the_warm_up_runs_its_tasks_once_in_the_background(monkeypatch):
    import ui.warm_up as warm_up

    monkeypatch.setenv(warm_up.SWITCH, "1")
    monkeypatch.setattr(warm_up, "_started", None)
    done = []
    tasks = (("fails", lambda: 1 / 0), ("first", lambda: done.append("first")))
    thread = warm_up.start_warm_up(tasks, delay_s=0.0)
    assert thread.daemon and warm_up.start_warm_up(tasks, delay_s=0.0) is thread
    thread.join(5.0)
    assert done == ["first"]  # a failing task is logged and the others still run
    monkeypatch.setenv(warm_up.SWITCH, "0")
    monkeypatch.setattr(warm_up, "_started", None)
    assert warm_up.start_warm_up(tasks) is None


def test_after_the_warm_up_three_weights_ensembles_are_ready(monkeypatch):
    import lessons.three_weights.odds as odds_module
    import ui.warm_up as warm_up
    from lessons import three_weights

    three_weights.three_d_odds.cache_clear()
    three_weights.zeros_by_dimension.cache_clear()
    warm_up.run_tasks(warm_up.TASKS, 0.0)

    def computed(*args, **kwargs):
        raise AssertionError("computed again: the warm-up did not fill the cache")

    monkeypatch.setattr(odds_module, "sample_three_d_odds", computed)
    monkeypatch.setattr(odds_module, "zeros_against_dimension", computed)
    flat, scaled = three_weights.zeros_by_dimension(), three_weights.zeros_by_dimension(True)
    assert three_weights.three_d_odds().l1  # the page's three calls: answered from the cache
    assert [entry.dim for entry in flat] == list(three_weights.DIMENSIONS)
    assert flat != scaled
