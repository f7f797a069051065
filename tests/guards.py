"""Bounds that catch a blow-up, not a slow machine.

The speed promises (a second of CPU per megabyte of input, and so on) are measured in
bench/ (bench/fuzz, bench/extract) on a quiet machine and reported there. A test only
guards against the failure that matters to a user: work that grows faster than its input
(a backtracking regex, a quadratic tree walk) and so takes minutes on a real page. Such a
blow-up is ten to a thousand times over the promise; a shared CI runner of two cores is
at most two or three times slower than a quiet one. So the guard is four times the
promise, with a floor for the parsers' start-up.
"""

MB = 1024 * 1024
SLACK = 4.0


def blowup_bound(size: int, seconds_per_mb: float = 1.0, floor: float = 3.0) -> float:
    """CPU seconds within which reading `size` bytes must finish unless something blew up."""
    return max(floor, SLACK * seconds_per_mb * size / MB)
