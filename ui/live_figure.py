"""The live figure as a Streamlit component (``st.components.v2``), and its way back to the sliders.

Two components, both inline (a Community Cloud app is not an installed
package, so it has no ``asset_dir``; the files are read from the repository
by path, relative to this module):

- ``sparsity_live_modules`` carries the ES modules of ``live/figure`` and
  ``live/solvers`` (about 115 kB). Its message never changes, so after the
  first page load Streamlit's message cache sends only its hash: the code
  travels once per session, not on every rerun. In the browser it turns each
  module into a blob URL (imports rewritten to those URLs) and imports the
  entry, ``live/figure/main.js``.
- ``sparsity_live_figure`` is a few lines that wait for those modules and hand
  them Streamlit's arguments; its data (``lessons.constraint_regions.live_payload``)
  is all that changes from one rerun to the next.

The way back: on a release (pointerup or keyup) the browser calls
``setStateValue("view", {...})`` once. The ``on_view_change`` callback runs
before the script, the one moment Streamlit lets a widget's session-state
value be set, and writes the sliders' keys (validated, clamped and snapped as
a link's values are). The script then draws the sliders, the URL, the tables
and the figure from those values.
"""

from __future__ import annotations

import hashlib
import json
from functools import partial
from pathlib import Path

import streamlit as st

from lessons.constraint_regions import (
    CENTRE,
    CONDITION,
    ROTATION,
    panel_sliders,
    release_values,
)
from lessons.controls import Slider
from ui.url_values import parse_number

__all__ = [
    "APPLIED",
    "ENTRY",
    "KEY",
    "LIVE",
    "MODULE_DIRS",
    "STATE",
    "apply_release",
    "live_figure",
    "loader_js",
    "slider_specs",
]

LIVE = Path(__file__).resolve().parents[1] / "live"
MODULE_DIRS = ("figure", "solvers")
ENTRY = "figure/main.js"
KEY = "live_figure"
STATE = "view"
APPLIED = "_live_figure_applied"  # the seq stamp of the last release written to the sliders

_LOADER = """
const SOURCES = __SOURCES__;
const ENTRY = "__ENTRY__";
const VERSION = "__VERSION__";
const shared = (globalThis.__sparsityLab ??= {});

function resolve(from, spec) {
  const parts = from.split("/").slice(0, -1);
  for (const piece of spec.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

const urls = {};
function urlFor(path) {
  if (urls[path]) return urls[path];
  const source = SOURCES[path];
  if (source === undefined) return null;
  const rewritten = source.replace(
    /(\\bfrom\\s*|\\bimport\\s*)(["'])(\\.{1,2}\\/[^"']+)\\2/g,
    (match, keyword, quote, spec) => {
      const url = urlFor(resolve(path, spec));
      return url ? keyword + quote + url + quote : match;
    },
  );
  const text = `${rewritten}\\n//# sourceURL=sparsity-live/${path}`;
  const blob = new Blob([text], { type: "text/javascript" });
  urls[path] = URL.createObjectURL(blob);
  return urls[path];
}

if (shared.version !== VERSION) {
  shared.version = VERSION;
  shared.ready = import(urlFor(ENTRY));
  shared.ready.catch((error) => console.error("Sparsity Lab live figure:", error));
  for (const waiting of shared.waiting ?? []) waiting(shared.ready);
  shared.waiting = [];
}

export default function () {}
"""

_STUB = """
const shared = (globalThis.__sparsityLab ??= {});
function modules() {
  if (shared.ready) return shared.ready;
  return new Promise((resolve) => (shared.waiting ??= []).push(resolve));
}
export default async function (args) {
  const module = await modules();
  return module.default(args);
}
"""


def _sources() -> dict[str, str]:
    sources = {}
    for folder in MODULE_DIRS:
        for path in sorted((LIVE / folder).glob("*.js")):
            sources[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8")
    return sources


def loader_js() -> str:
    """The modules component's JavaScript: every module as text, and the blob-URL loader."""
    sources = json.dumps(_sources(), ensure_ascii=False, sort_keys=True)
    version = hashlib.sha256(sources.encode()).hexdigest()[:16]
    return (
        _LOADER.replace("__SOURCES__", sources)
        .replace("__ENTRY__", ENTRY)
        .replace("__VERSION__", version)
    )


_modules = st.components.v2.component("sparsity_live_modules", js=loader_js())
_figure = st.components.v2.component(
    "sparsity_live_figure",
    js=_STUB,
    css=(LIVE / "figure" / "style.css").read_text(encoding="utf-8"),
    isolate_styles=True,
)


def slider_specs(budget_sides: tuple[str, ...]) -> dict[str, Slider]:
    """The sliders a release may set, by key."""
    specs = {spec.key: spec for spec in (*CENTRE, CONDITION, ROTATION)}
    for side in budget_sides:
        budget = panel_sliders(side)["budget"]
        specs[budget.key] = budget
    return specs


def apply_release(key: str, budget_sides: tuple[str, ...]) -> None:
    """The released state into the sliders' keys, once per release (its ``seq`` stamp).

    The component's on-change callback: it runs before the script, so that the
    sliders are created with these values. The page also calls it before its
    sliders exist, which applies a state set through ``st.session_state[key]``
    (AppTest) the same way; a release already applied is left alone, so a
    later slider move is not undone. Each value is read as a link's value is:
    unreadable ones are dropped, others clamped to the slider's range and
    snapped to its step.
    """
    value = st.session_state.get(key)
    view = value.get(STATE) if isinstance(value, dict) else None
    if not isinstance(view, dict) or view.get("seq") == st.session_state.get(APPLIED):
        return
    st.session_state[APPLIED] = view.get("seq")
    specs = slider_specs(budget_sides)
    for name, raw in release_values(view, budget_sides).items():
        spec = specs[name]
        reading = parse_number(str(raw), spec.low, spec.high, spec.step)
        if reading.value is not None:
            st.session_state[name] = reading.value


def live_figure(payload: dict, *, budget_sides: tuple[str, ...], key: str = KEY) -> None:
    """Mount the live figure with ``payload`` (``lessons.constraint_regions.live_payload``).

    Parameters
    ----------
    payload : dict
        What the browser draws.
    budget_sides : tuple of str
        The panels whose budget handle a release may move (those in constraint form).
    key : str
        The component's key; its state is ``st.session_state[key]["view"]``.
    """
    _modules(key=f"{key}_modules")
    _figure(
        key=key,
        data=payload,
        default={STATE: None},
        on_view_change=partial(apply_release, key, budget_sides),
    )
