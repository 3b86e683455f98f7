"""The browser's live modules as Streamlit components (``st.components.v2``).

Every page whose figure the browser computes mounts two components:

- ``sparsity_live_modules`` carries the ES modules of every browser folder of
  ``live/`` (all but ``tests/`` and ``tools/``), mounted once by the page frame
  (``ui.frame``) on every page, hidden. Its message never changes, so after
  the first page load Streamlit's message cache sends only its hash: the code
  travels once per session, not on every rerun. In the browser it turns each
  module into a blob URL (imports rewritten to those URLs) and offers
  ``load(path)``; a module is imported when a figure first asks for it.
- one small component per kind of element (``live_component``): a few lines
  that import their entry module (``figure/main.js``, ``chart/plotly_chart.js``,
  ``share/share_link.js``, ...) and hand it Streamlit's arguments. Each rerun
  re-sends a component's JavaScript with its element (a Plotly chart's 12 kB on
  every chart, every press, when each carried its own module): now it is these
  few lines, and the data is all that changes from one rerun to the next.

A Community Cloud app is not an installed package, so a component has no
``asset_dir``: the files are read from the repository by path.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import streamlit as st

__all__ = [
    "BROWSER_FOLDERS",
    "LIVE",
    "MODULES_KEY",
    "live_component",
    "loader_js",
    "mount_modules",
    "sources",
]

LIVE = Path(__file__).resolve().parents[1] / "live"
# Not part of the bundle: Node's tests and command-line tools.
_NOT_BUNDLED = frozenset({"tests", "tools", "node_modules"})
BROWSER_FOLDERS = tuple(
    sorted(p.name for p in LIVE.iterdir() if p.is_dir() and p.name not in _NOT_BUNDLED)
)

_LOADER = """
const SOURCES = __SOURCES__;
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

// One import per module path and version: every live component of the page shares them.
// A module once loaded is kept by path, so that a component can call it synchronously.
function load(path) {
  const url = urlFor(path);
  if (url === null) return Promise.reject(new Error(`Sparsity Lab: no live module ${path}`));
  const loading = import(url).then((module) => (shared.loaded[path] = module));
  loading.catch((error) => console.error(`Sparsity Lab live module ${path}:`, error));
  return loading;
}

if (shared.version !== VERSION) {
  shared.version = VERSION;
  shared.loaded = {};
  shared.load = load;
  for (const waiting of shared.waiting ?? []) waiting(load);
  shared.waiting = [];
}

export default function () {}
"""

_STUB = """
const shared = (globalThis.__sparsityLab ??= {});
function loader() {
  if (shared.load) return Promise.resolve(shared.load);
  return new Promise((resolve) => (shared.waiting ??= []).push(resolve));
}
// Loaded: call the entry at once, so that the cleanup it returns reaches Streamlit (a
// chart frees its WebGL context there). The first time: once the module has loaded.
export default function (args) {
  const entry = shared.loaded && shared.loaded["__ENTRY__"];
  if (entry) return entry.default(args);
  let cleanup = null;
  let gone = false;
  loader()
    .then((load) => load("__ENTRY__"))
    .then((module) => { if (!gone) cleanup = module.default(args); });
  return () => {
    gone = true;
    if (typeof cleanup === "function") cleanup();
  };
}
"""


def sources() -> dict[str, str]:
    """Every bundled module's text by its path under ``live/`` ("figure/main.js")."""
    found = {}
    for folder in BROWSER_FOLDERS:
        for path in sorted((LIVE / folder).glob("*.js")):
            found[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8")
    return found


def loader_js() -> str:
    """The modules component's JavaScript: every module as text, and the blob-URL loader."""
    text = json.dumps(sources(), ensure_ascii=False, sort_keys=True)
    version = hashlib.sha256(text.encode()).hexdigest()[:16]
    return _LOADER.replace("__SOURCES__", text).replace("__VERSION__", version)


_modules = st.components.v2.component("sparsity_live_modules", js=loader_js())
MODULES_KEY = "live_modules"  # ui.frame's CSS hides its element (it draws nothing)


def mount_modules() -> None:
    """Mount the modules component: once per run, as the page frame does on every page."""
    _modules(key=MODULES_KEY)


def live_component(
    name: str, entry: str, css: str = "", *, isolate_styles: bool = True
) -> Callable[..., object]:
    """A figure component whose browser side is the live module ``entry``.

    Parameters
    ----------
    name : str
        The component's name (unique in the app).
    entry : str
        Its module's path under ``live/`` ("figure/main.js"), in ``sources()``;
        the module's default export receives Streamlit's arguments.
    css : str
        Styles for the component's element.
    isolate_styles : bool
        Draw in a shadow root (False for a Plotly chart, which needs the page's styles).

    Returns
    -------
    callable
        Streamlit's mount function for the component (``key=``, ``data=``, ...).
    """
    if entry not in sources():
        raise ValueError(f"entry: {entry!r} is not a bundled live module")
    return st.components.v2.component(
        name, js=_STUB.replace("__ENTRY__", entry), css=css or None, isolate_styles=isolate_styles
    )
