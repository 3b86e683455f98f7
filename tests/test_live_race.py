"""Cross-check: the browser's race (``live/race``) against the Python optimisers.

The Training page runs every optimiser again in the browser on each frame of a
drag (``live/race/methods.js``); each must give the iterates
``solvers.descent``, ``proximal``, ``coordinate_descent`` and ``stochastic``
give. Seeded random runs are written to a binary file, run once by
``node live/tools/race_batch.js`` and compared with Python on every iterate:
identical exact-zero (and non-finite) patterns, and
``|w_js - w_py| <= 1e-9 * max(1, max |w_py| so far)``.

The runs span far more than the page's controls: random bowls with condition
numbers up to 1e3 (a fifth axis-aligned), centres up to 5, lam from 0 to 4
(some exactly 0), steps up to and including 2/L (a sixth exactly 2/L, a tenth
exactly 1/L; FISTA's momentum diverges from about 1.3/L, and the check then
follows the blow-up), starts anywhere in [-3, 3]^2, on an axis (a weight
exactly 0.0) or at the origin. By default 100,000 runs in all, a sixth per
deterministic method (subgradient, decaying subgradient, ISTA, FISTA,
coordinate descent, Adam); ``SPARSITY_LIVE_FULL=1`` runs 100,000 per method
(about six minutes here). SGD runs on the lesson's samples with Python's batch
rows (``race_payload``'s encoding), and whole races of the page go through the
payload exactly as the browser reads it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from geometry import QuadraticLoss
from lessons import training
from lessons.training import RaceSettings, lesson_race, race_payload
from lessons.training.live_race import batch_rows
from solvers.coordinate_descent import coordinate_descent
from solvers.descent import subgradient_descent
from solvers.proximal import fista, ista, lipschitz_step
from solvers.stochastic import adam, sgd
from studies.training_problems import lesson_problem

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "live" / "tools" / "race_batch.js"
METHODS = ("subgradient", "subgradient_sqrt", "sgd", "adam", "ista", "fista", "cd")
DETERMINISTIC = ("subgradient", "subgradient_sqrt", "adam", "ista", "fista", "cd")
FULL = bool(os.environ.get("SPARSITY_LIVE_FULL"))
PER_METHOD = 100_000 if FULL else 100_000 // len(DETERMINISTIC) + 1
RUNS_PER_LOSS = 25  # runs share a bowl: building a QuadraticLoss costs more than a short run
TOLERANCE = 1e-9


def _node() -> str:
    path = shutil.which("node")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI=true but no node on PATH: the browser's race must be cross-checked")
    pytest.skip("no node on this machine (the live race needs Node 20+)")


def random_loss(rng: np.random.Generator) -> QuadraticLoss:
    """A bowl with condition number 1 to 1e3, a fifth of them axis-aligned."""
    small = 10.0 ** rng.uniform(-1.0, 1.0)
    large = small * 10.0 ** rng.uniform(0.0, 3.0)
    angle = 0.0 if rng.uniform() < 0.2 else rng.uniform(0.0, np.pi)
    c, s = np.cos(angle), np.sin(angle)
    off = (small - large) * c * s
    hessian = np.array([[small * c * c + large * s * s, off], [off, small * s * s + large * c * c]])
    center = rng.uniform(-1.0, 1.0, 2) * 10.0 ** rng.uniform(-1.0, np.log10(5.0))
    return QuadraticLoss(center=center, hessian=hessian)


def random_start(rng: np.random.Generator) -> np.ndarray:
    start = rng.uniform(-3.0, 3.0, 2)
    kind = rng.uniform()
    if kind < 0.15:
        start[rng.integers(2)] = 0.0  # on an axis: sign(0) = 0, the threshold's tie
    elif kind < 0.2:
        start[:] = 0.0
    return start


def random_multiple(rng: np.random.Generator) -> float:
    """eta times L: up to and including 2 (a sixth exactly 2, a tenth exactly 1)."""
    kind = rng.uniform()
    if kind < 1 / 6:
        return 2.0
    if kind < 1 / 6 + 0.1:
        return 1.0
    return float(rng.uniform(0.05, 2.0))


def python_run(method: str, loss, lam: float, step: float, n: int, start) -> np.ndarray:
    if method == "subgradient":
        return subgradient_descent(loss, lam, step, n, start)
    if method == "subgradient_sqrt":
        return subgradient_descent(loss, lam, step, n, start, "sqrt")
    if method == "adam":
        return adam(loss, lam, step, n, start)
    if method == "ista":
        return ista(loss, lam, step, n, start)
    if method == "fista":
        return fista(loss, lam, step, n, start)
    return coordinate_descent(loss, lam, n, start)


def run_node(records: np.ndarray, tmp_path: Path, data: dict | None = None) -> np.ndarray:
    source, target = tmp_path / "runs.bin", tmp_path / "paths.bin"
    records.astype("<f8").tofile(source)
    command = [_node(), str(CLI), str(source), str(target)]
    if data is not None:
        (tmp_path / "data.json").write_text(json.dumps(data))
        command.append(str(tmp_path / "data.json"))
    subprocess.run(command, check=True, timeout=600)
    return np.fromfile(target, dtype="<f8")


def assert_agree(python: list[np.ndarray], flat: np.ndarray, labels: list[str]) -> None:
    """Every run's iterates: the same zeros and non-finite entries, values within TOLERANCE."""
    at = 0
    for path, label in zip(python, labels, strict=True):
        js = flat[at : at + path.size].reshape(path.shape)
        at += path.size
        assert np.array_equal(js == 0.0, path == 0.0), f"{label}: exact zeros differ"
        finite = np.isfinite(path)
        assert np.array_equal(np.isfinite(js), finite), f"{label}: non-finite entries differ"
        scale = np.maximum.accumulate(np.where(finite, np.abs(path), 0.0).max(axis=1))
        error = np.where(finite, np.abs(js - np.where(finite, path, 0.0)), 0.0).max(axis=1)
        assert np.all(error <= TOLERANCE * np.maximum(1.0, scale)), (
            f"{label}: iterates differ by {error.max():.3g}"
        )
    assert at == flat.size


def test_every_deterministic_method_agrees_with_python(tmp_path):
    rng = np.random.default_rng(33)
    records, python, labels = [], [], []
    loss, at_two = None, 0
    for k in range(PER_METHOD * len(DETERMINISTIC)):
        if k % RUNS_PER_LOSS == 0:
            loss = random_loss(rng)
        method = DETERMINISTIC[k % len(DETERMINISTIC)]
        lam = 0.0 if rng.uniform() < 0.03 else float(rng.uniform(0.05, 4.0))
        if method == "adam":
            step = float(rng.choice([0.003, 0.01, 0.03, 0.1, 0.3, rng.uniform(1e-3, 1.0)]))
        else:
            multiple = random_multiple(rng)
            at_two += multiple == 2.0
            step = multiple * lipschitz_step(loss)
        n = int(rng.integers(1, 13)) if rng.uniform() < 0.99 else int(rng.integers(13, 400))
        start = random_start(rng)
        path = python_run(method, loss, lam, step, n, start)
        h, c, linear = loss.hessian, loss.center, loss.linear_term
        records.append(
            [METHODS.index(method), *c, h[0, 0], h[0, 1], h[1, 1], *linear, lam, step, n, *start]
        )
        python.append(path)
        labels.append(f"run {k} ({method}, lam={lam}, step={step}, n={n}, start={start})")
    flat = run_node(np.array(records), tmp_path)
    assert_agree(python, flat, labels)
    # The hard regimes were drawn: steps of exactly 2/L, starts on an axis, zeros reached.
    assert at_two > len(records) // 8
    assert sum(1 for r in records if r[11] == 0.0 or r[12] == 0.0) > len(records) // 6
    assert sum(int(np.any(p[1:] == 0.0)) for p in python) > len(python) // 10


def test_sgd_agrees_with_python_on_the_lessons_samples(tmp_path):
    rng = np.random.default_rng(34)
    data = lesson_problem(seed=0).data
    limit_step = lipschitz_step(lesson_problem(seed=0).loss)
    records, python, labels, rows, batches = [], [], [], [], []
    for k in range(2_000):
        batch = int(rng.choice([1, 2, 4, 8, 16, 32, 64]))
        seed, n = int(rng.integers(0, 21)), int(rng.integers(1, 120))
        lam = float(rng.uniform(0.0, 4.0))
        step = random_multiple(rng) * limit_step * min(1.0, 4.0 / batch)  # single samples: smaller
        start = random_start(rng)
        python.append(sgd(data, lam, step, n, start, batch, seed))
        rows.append(batch_rows(data.samples, batch, seed, n))
        batches.append(batch)
        records.append([METHODS.index("sgd"), 0, 0, 1, 0, 1, 0, 0, lam, step, n, *start])
        labels.append(f"sgd run {k} (batch={batch}, seed={seed}, n={n})")
    extra = {
        "features": data.features.tolist(),
        "response": data.response.tolist(),
        "rows": rows,
        "batch": batches,
    }
    flat = run_node(np.array(records), tmp_path, extra)
    assert_agree(python, flat, labels)


def test_whole_races_from_the_page_payload_agree_with_lesson_race(tmp_path):
    rng = np.random.default_rng(35)
    settings = [RaceSettings()]
    for _ in range(24):
        settings.append(
            RaceSettings(
                start=(round(float(rng.uniform(-3, 3)), 1), round(float(rng.uniform(-3, 3)), 1)),
                step=float(rng.choice([0.05, 0.5, 1.0, 1.3, 1.9])),
                lam=round(float(rng.uniform(0.5, 4.0)), 1),
                iterations=int(rng.choice([10, 200, 2000])),
                batch=int(rng.choice([1, 8, 32, 64])),
                seed=int(rng.integers(0, 21)),
                adam_rate=float(rng.choice([0.003, 0.1, 0.3])),
            )
        )
    races = [lesson_race(s) for s in settings]
    everyone = tuple(training.OPTIMISERS)
    payloads = [race_payload(r, s, everyone) for r, s in zip(races, settings, strict=True)]
    source, target = tmp_path / "payloads.json", tmp_path / "races.json"
    source.write_text(json.dumps(payloads))
    subprocess.run([_node(), str(CLI), "--payloads", str(source), str(target)], check=True)
    results = json.loads(target.read_text())
    for race, result, s in zip(races, results, settings, strict=True):
        steps = result["steps"]
        assert (steps["step"], steps["fistaStep"], steps["sgdStep"]) == (
            race.step,
            race.fista_step,
            race.sgd_step,
        )
        paths = [race.runs[slug] for slug in METHODS]
        flat = np.concatenate([np.array(result["runs"][slug]) for slug in METHODS])
        assert_agree(paths, flat, [f"{slug} at {s}" for slug in METHODS])
