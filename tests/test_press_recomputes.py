"""A press recomputes only what its control changes (How often and Real data, in AppTest).

Each test counts the calls of the expensive builders under the lessons' caches (the
problems' draw, the exact solves, the catchment map, the n-D experiment, the fits and
the cross-validation) while one control is pressed. The ensembles and seeds used here
are ones no other test draws, and the lessons' caches are emptied first, so that every
count is this test's own.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
import streamlit as st

import lessons.how_often.maps as how_often_maps
import lessons.how_often.model as how_often_model
import lessons.real_data.experiments as real_data_experiments
import lessons.real_data.model as real_data_model
from lessons import how_often, real_data
from studies import experiments as ex
from studies.landing import INSIDE
from tests.apptest_support import open_page
from ui import warm

QUERY = {"n": "1000", "spread": "3.5", "domain": "square", "max_cond": "10"}


@pytest.fixture
def counted(monkeypatch):
    """Counter of calls of the builders, by name; every cache of both lessons emptied first."""
    calls: Counter = Counter()

    def counting(owner, name, label):
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            calls[label] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    for owner, name, label in [
        (ex, "draw_problems", "draw"),
        (ex, "solve_and_classify", "solve"),
        (ex, "region_codes", "region_codes"),
        (how_often_model, "landing_batch", "p_curve_codes"),
        (ex, "dimension_experiment", "n_dimensions"),
        (how_often_maps, "studies_catchment_map", "map"),
        (how_often_maps, "landing_batch", "map_check"),
        (real_data_model, "elastic_net_path", "enet_path"),
        (real_data_model, "cross_validate", "cv"),
        (real_data_experiments, "with_near_copy", "near_copy"),
        (real_data_model, "lasso_path", "lasso_path"),
        (real_data_experiments, "lasso_path", "lasso_path"),
    ]:
        counting(owner, name, label)
    lessons = (how_often, how_often_maps, how_often_model)
    lessons += (real_data, real_data_model, real_data_experiments)
    for module in lessons:
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
    st.cache_resource.clear()
    return calls


def press(app, kind: str, key: str, value, calls: Counter) -> Counter:
    """Set one control, rerun, and return the builders' calls during that rerun."""
    before = Counter(calls)
    (widget,) = [w for w in app.get(kind) if w.key == key]
    widget.set_value(value).run()
    assert not app.exception, [e.value for e in app.exception]
    return calls - before


def test_how_often_a_press_recomputes_only_its_pieces(counted):
    app = open_page("how_often", QUERY)
    assert counted["draw"] == 1 and counted["solve"] == 2
    # The budget: the L1 and L2 solves, the Lp and elastic-net codes, the curve against p
    # (10 values of p), the maps and n weights at the new budget; no draw, no curve against t.
    step = press(app, "slider", "t", 1.25, counted)
    assert step == Counter(
        {"solve": 2, "region_codes": 2, "p_curve_codes": 10, "map": 2, "map_check": 2}
        | {"n_dimensions": 1}
    )
    # p: only the Lp ball's codes (one region), nothing of L1, L2 or the elastic net.
    assert press(app, "slider", "p", 0.7, counted) == Counter({"region_codes": 1})
    # The elastic net's share: its codes and its own curve against t (12 budgets) only.
    assert press(app, "slider", "en_a", 0.3, counted) == Counter({"region_codes": 1 + 12})
    # The tolerance and "outside only" were counted with the solves: nothing is solved again.
    assert press(app, "selectbox", "tol", "1e-3", counted) == Counter()
    assert press(app, "toggle", "outside", True, counted) == Counter()
    # The map's bowl: two maps and two Monte-Carlo checks, no ensemble and no solve.
    step = press(app, "slider", "map_cond", 9.0, counted)
    assert step == Counter({"map": 2, "map_check": 2})
    # n: the n-D experiment only.
    assert press(app, "slider", "dim", 4, counted) == Counter({"n_dimensions": 1})
    # The spread: a new ensemble, drawn once.
    step = press(app, "slider", "spread", 4.0, counted)
    assert step["draw"] == 1 and step["solve"] == 2
    # Back to a value seen before: everything is answered from the caches.
    assert press(app, "slider", "spread", 3.5, counted) == Counter()


def test_how_often_a_second_visitor_at_the_same_view_computes_nothing(counted):
    open_page("how_often", QUERY)
    first = Counter(counted)
    open_page("how_often", QUERY)
    assert counted == first


def test_how_often_pieces_keep_only_small_results_of_the_100000_solves():
    ensemble = how_often.Ensemble("symmetric", 1000, 2.5, "disk", 1.0)  # under SCATTER_SAMPLE
    landed = how_often.landed(ensemble, 0.75, 2.0)
    w, codes = how_often.solved(ensemble, 0.75, 2.0)
    assert landed.w.shape == (1000, 2) and not landed.w.flags.writeable
    assert landed.w.base is None  # a copy: the 100,000 solutions are not kept alive by it
    assert (landed.w == w).all() and how_often.SCATTER_SAMPLE > 1000
    assert set(landed.near_zero) == set(how_often.TOLERANCES)
    for slug, share in landed.near_zero.items():
        assert share == how_often.tolerance_share(ensemble, 0.75, float(slug))
    # A tolerance outside the choices is still answered, from the solves.
    assert how_often.tolerance_share(ensemble, 0.75, 0.5).total == 1000
    assert landed.shares[0].total == 1000 and landed.shares[1].total == (codes != INSIDE).sum()


def test_real_data_a_press_recomputes_only_its_pieces(counted):
    app = open_page("real_data", {"cv_seed": "17", "n_sub": "95", "copy_seed": "33"})
    assert counted["cv"] == 3  # lasso, the elastic net and ridge
    # The marker: nothing is fitted again (its figures' markers move).
    assert press(app, "slider", "log_lam", -1.5, counted) == Counter()
    # The elastic net's mix: its path, its CV and the pair's fit; not the lasso's or ridge's.
    step = press(app, "slider", "alpha", 0.35, counted)
    assert step == Counter({"enet_path": 2, "cv": 1, "near_copy": 1, "lasso_path": 1})
    # The folds' seed: the three CVs, no path.
    assert press(app, "slider", "cv_seed", 18, counted) == Counter({"cv": 3})
    # The copy's correlation: the pair only (its own lasso and elastic-net paths).
    step = press(app, "slider", "rho", 0.98, counted)
    assert step == Counter({"near_copy": 1, "enet_path": 1, "lasso_path": 1})
    # The subsample's size: its lasso path only.
    assert press(app, "slider", "n_sub", 100, counted) == Counter({"lasso_path": 1})


def test_how_often_a_warmed_setting_is_answered_from_the_caches(counted, monkeypatch):
    # The page's warming thread computes a setting as a press would (the same caches,
    # the same keys): pressing to it afterwards computes nothing.
    monkeypatch.setattr(warm, "ENABLED", True)
    setting = {"n": "1000", "domain": "square", "spread": 6.5, "t": 1.75}
    monkeypatch.setattr(how_often, "warm_settings", lambda: [setting])
    app = open_page("how_often", {"n": "1000", "domain": "square", "t": "1.75"})
    deadline = time.monotonic() + 120
    while warm.warmed("how_often") < 1:
        assert time.monotonic() < deadline, "the warming thread did not finish its one setting"
        time.sleep(0.05)
    assert counted["draw"] == 2  # the page's ensemble, and the warmed one
    assert press(app, "slider", "spread", 6.5, counted) == Counter()
