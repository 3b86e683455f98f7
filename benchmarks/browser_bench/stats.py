"""The benchmarks' figures: percentiles, p50 / p95 summaries, ratios to a floor, verdicts."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between order statistics; nan if empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Summary:
    """p50 / p95 of a list of times (ms)."""

    values: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return percentile(self.values, 50)

    @property
    def p95(self) -> float:
        return percentile(self.values, 95)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")


def ratio(value: float, reference: float) -> float:
    return value / reference if reference and reference == reference else float("nan")


def verdict(value: float, target: float) -> str:
    if value != value:
        return "n/a"
    return "met" if value <= target else f"MISSED by {value / target:.2f}x"


@dataclass
class Cost:
    """What a control's presses cost: server CPU per press (ms) and bytes received per press."""

    app_cpu_ms: float
    floor_cpu_ms: float
    kb: list[float]

    def columns(self) -> str:
        """CPU ms per press, its ratio to the floor's, KB per press (p50 and the largest)."""
        kb = Summary(self.kb)
        cpu = ratio(self.app_cpu_ms, self.floor_cpu_ms)
        big = max(self.kb, default=float("nan"))
        return f"{self.app_cpu_ms:>7.0f}{cpu:>7.1f}x{kb.p50:>7.0f}{big:>7.0f}"


COST_HEADER = f"{'cpu ms':>7}{'/floor':>8}{'KB p50':>7}{'KB max':>7}"
