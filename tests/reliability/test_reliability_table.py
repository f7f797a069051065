"""RELIABILITY.md stays true: every test its table names exists, every reliability test
is in the table, a row that says a promise is NOT held names a strict xfail (so the row
must change the day the bug is fixed), and the numbers it quotes are the tests' own."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

TABLE = ROOT / "RELIABILITY.md"
HERE = Path(__file__).resolve().parent
REF = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def rows() -> list[str]:
    return [line for line in TABLE.read_text(encoding="utf-8").splitlines()
            if line.startswith("|") and REF.search(line)]


def defined_tests() -> dict[str, str]:
    """test name -> file (relative to the repo) for every test in tests/reliability."""
    found = {}
    for path in sorted(HERE.glob("test_*.py")):
        for name in re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.MULTILINE):
            found[name] = str(path.relative_to(ROOT))
    return found


def test_every_named_test_exists():
    named = [(f, t) for line in rows() for f, t in REF.findall(line)]
    assert len(named) >= 20
    for file, test in named:
        source = (ROOT / file).read_text(encoding="utf-8")
        assert re.search(rf"^def {test}\(", source, re.MULTILINE), f"{file}::{test} named in RELIABILITY.md"


def test_every_reliability_test_is_in_the_table():
    text = TABLE.read_text(encoding="utf-8")
    for name, file in defined_tests().items():
        if file.endswith("test_reliability_table.py"):
            continue
        assert f"`{file}::{name}`" in text, f"{file}::{name} is missing from RELIABILITY.md"


def test_not_held_rows_name_strict_xfails():
    for line in rows():
        cells = [c.strip() for c in line.strip("|").split("|")]
        held = cells[2]
        for file, test in REF.findall(line):
            source = (ROOT / file).read_text(encoding="utf-8")
            head = source[:source.index(f"def {test}(")].rsplit("\n\n\n", 1)[-1]
            strict = "xfail(strict=True" in head
            assert strict == held.startswith("NOT held"), f"{test}: row says {held[:30]!r}"


def test_quoted_numbers_are_the_tests_own():
    from tests.reliability import test_crash_kills, test_fuzz

    text = TABLE.read_text(encoding="utf-8")
    assert f"{test_crash_kills.KILLS} SIGKILLs" in text
    assert f"{test_fuzz.EXAMPLES} examples per target" in text
    results = (ROOT / "bench" / "fuzz" / "RESULTS.md").read_text(encoding="utf-8")
    generated = int(re.search(r"\*\*([\d,]+) generated inputs\*\*", results).group(1).replace(",", ""))
    assert generated >= 100_000
    assert f"{generated:,} generated inputs" in text
