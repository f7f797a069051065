"""`opdc-reader diff`: two versions of one real page, compared in the terminal.

The corpus holds no two differing captures of one URL (all 63,242 thaigov articles were
scanned: none), so the second version is the real page as its agency would correct it:
the meeting date in the body says ธันวาคม ๒๕๖๔ under a posting dated 5 มกราคม 2564.
"""

from __future__ import annotations

import json

from tests.cli.test_cli import cli
from tests.conftest import need_corpus

PAGE = "thaigov_v2_20210105_moj_opdc_citizen_portal.txt"


def _two_versions(tmp_path):
    original = need_corpus("thaigov-samples", PAGE).read_bytes()
    corrected = original.replace("๕ ธันวาคม ๒๕๖๔".encode(), "๕ มกราคม ๒๕๖๔".encode())
    assert corrected != original
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    (tmp_path / "v1" / PAGE).write_bytes(original)
    (tmp_path / "v2" / PAGE).write_bytes(corrected)
    arch = tmp_path / "arch"
    cli("import", str(tmp_path / "v1" / PAGE), archive=arch)
    out = json.loads(cli("import", str(tmp_path / "v2" / PAGE), "--json", archive=arch).stdout)
    assert out["new_version"] == 1, out
    return arch


def test_diff_marks_the_corrected_words(tmp_path):
    arch = _two_versions(tmp_path)
    text = cli("diff", "1", archive=arch).stdout
    assert "version 1 -> 2 (of 2)" in text and "ศาสตราจารย์" not in text  # changed paragraphs only
    assert "[-ธันวาคม-]{+มกราคม+}" in text  # a whole Thai word, marked without colour
    assert "\x1b[" not in text  # not a terminal: no colour codes

    data = json.loads(cli("diff", "1", "1", "2", "--json", archive=arch).stdout)
    changed = [(c["op"], c["text"]) for c in data["changes"] if c["op"] != "equal"]
    assert changed == [("delete", "ธันวาคม"), ("insert", "มกราคม")]
    assert data["of"] == 2 and data["inserted_words"] == 1 and data["deleted_words"] == 1


def test_diff_of_a_missing_article_or_version_is_a_message(tmp_path):
    arch = _two_versions(tmp_path)
    for args in (("diff", "99"), ("diff", "1", "1", "7")):
        proc = cli(*args, archive=arch, check=False)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert "no article" in proc.stderr
