"""`highlight`, `highlights` and `saved` from the command line, on a real archive."""

from __future__ import annotations

import json

from tests.cli.test_cli import cli
from tests.conftest import SEED


def test_highlight_list_and_remove(tmp_path):
    arch = tmp_path / "arch"
    cli("import", str(SEED), archive=arch)
    made = json.loads(cli("highlight", "1", "ธนาคารโลก", "--note", "ความร่วมมือ", "--json",
                          archive=arch).stdout)
    assert made["quote"] == "ธนาคารโลก" and made["note"] == "ความร่วมมือ"
    listed = json.loads(cli("highlights", "--json", archive=arch).stdout)
    assert [h["id"] for h in listed] == [made["id"]]
    assert "“ธนาคารโลก”" in cli("highlights", "1", archive=arch).stdout
    shown = json.loads(cli("show", "1", "--json", archive=arch).stdout)
    assert shown["highlights"][0]["quote"] == "ธนาคารโลก"
    cli("highlights", "--remove", str(made["id"]), archive=arch)
    assert json.loads(cli("highlights", "--json", archive=arch).stdout) == []
    missing = cli("highlight", "1", "ไม่มีในข่าว", archive=arch, check=False)
    assert missing.returncode == 2 and "not in article" in missing.stderr


def test_saved_searches(tmp_path):
    arch = tmp_path / "arch"
    cli("import", str(SEED), archive=arch)
    cli("saved", "add", "อาเซียน", "ASEAN", archive=arch)
    rows = json.loads(cli("saved", "list", "--json", archive=arch).stdout)
    assert [(r["name"], r["total"], r["new"]) for r in rows] == [("อาเซียน", 1, 0)]
    shown = json.loads(cli("saved", "show", "อาเซียน", "--json", archive=arch).stdout)
    assert [h["id"] for h in shown["hits"]] == [1]
    cli("saved", "remove", "อาเซียน", archive=arch)
    gone = cli("saved", "show", "อาเซียน", archive=arch, check=False)
    assert gone.returncode == 2 and "no saved search" in gone.stderr
