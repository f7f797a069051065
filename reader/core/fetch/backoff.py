"""When a source that failed is tried again: exponential backoff with jitter, per
source, capped at once a day, so a dead address costs its host one request a day."""

from __future__ import annotations

import random

FIRST = 10 * 60.0  # seconds after the first failure
DAY = 86400.0
OFFLINE_RETRY = 15 * 60.0  # no network at all: try again this soon, no failure counted


def failure_delay(failures: int, rng: random.Random | None = None) -> float:
    """Seconds to wait after `failures` consecutive failures (1, 2, ...): 10 min, 20 min,
    40 min ... each with +-25 % jitter (sources that failed together do not come back
    together), never more than a day."""
    rng = rng or random.Random()
    base = FIRST * 2.0 ** max(0, failures - 1)
    return min(DAY, base * rng.uniform(0.75, 1.25))
