"""The command line, run as a user runs it: a real process, a real archive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT, SEED, need_corpus

SEED_TITLE = ("สำนักงาน ก.พ.ร. จับมือธนาคารโลก เปิดมิติใหม่ของความร่วมมือระหว่างอาเซียน"
              "จัดอบรม ASEAN Executive Governance Program")


def cli(*args, archive, check=True, env=None):
    run_env = dict(os.environ, **(env or {}))
    run_env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.run([sys.executable, "-m", "reader.cli", "--archive", str(archive), *args],
                          capture_output=True, text=True, cwd=ROOT, env=run_env, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def test_import_list_show_stats_verify(tmp_path):
    arch = tmp_path / "arch"
    out = json.loads(cli("import", str(SEED), "--json", archive=arch).stdout)
    assert out["new"] == 1 and out["failed"] == []
    again = json.loads(cli("import", str(SEED), "--json", archive=arch).stdout)
    assert again["new"] == 0 and again["unchanged"] == 1

    listing = json.loads(cli("list", "--json", archive=arch).stdout)
    assert listing["total"] == 1
    assert listing["articles"][0]["title"] == SEED_TITLE
    assert listing["articles"][0]["date"] == "2013-08-26"

    shown = json.loads(cli("show", "1", "--json", archive=arch).stdout)
    assert shown["category"] == "ข่าวเด่น" and shown["language"] == "th"
    assert len(shown["sha256"]) == 64 and shown["versions"][0]["version"] == 1
    text = cli("show", "1", archive=arch).stdout
    assert "26 สิงหาคม 2556" in text and SEED_TITLE in text
    assert "2013" in cli("show", "1", "--era", "ce", archive=arch).stdout.splitlines()[1]

    stats = json.loads(cli("stats", "--json", archive=arch).stdout)
    assert stats["articles"] == 1 and stats["originals"] == 1
    report = json.loads(cli("verify", "--json", archive=arch).stdout)
    assert report["ok"] and report["originals_checked"] == 1


def test_import_reports_failures_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 50)
    proc = cli("import", str(folder), "--json", archive=tmp_path / "arch", check=False)
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["new"] == 1
    reasons = {f["name"].rsplit("/", 1)[-1]: f["reason"] for f in out["failed"]}
    assert set(reasons) == {"empty.txt", "binary.bin"}
    assert all(reasons.values())
    human = cli("import", str(folder), archive=tmp_path / "arch", check=False)
    assert human.returncode == 1 and "failed: " in human.stdout and "empty" in human.stdout


def test_backup_and_restore_commands(tmp_path):
    arch = tmp_path / "arch"
    cli("import", str(SEED), archive=arch)
    cli("tag", "1", "อาเซียน", archive=arch)
    cli("backup", str(tmp_path / "b.zip"), archive=arch)
    assert "opdc-bundle.json" in zipfile.ZipFile(tmp_path / "b.zip").namelist()
    cli("restore", str(tmp_path / "b.zip"), archive=tmp_path / "restored")
    shown = json.loads(cli("show", "1", "--json", archive=tmp_path / "restored").stdout)
    assert shown["title"] == SEED_TITLE and shown["tags"] == ["อาเซียน"]
    refused = cli("restore", str(tmp_path / "b.zip"), archive=arch, check=False)
    assert refused.returncode == 2 and "not empty" in refused.stderr


def test_errors_are_messages_not_tracebacks(tmp_path):
    proc = cli("show", "1", archive=tmp_path / "none", check=False)
    assert proc.returncode == 2 and "no archive" in proc.stderr and "Traceback" not in proc.stderr
    cli("import", str(SEED), archive=tmp_path / "arch")
    proc = cli("show", "42", archive=tmp_path / "arch", check=False)
    assert proc.returncode == 2 and "42" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli("list", "--from", "not a date", archive=tmp_path / "arch", check=False)
    assert proc.returncode == 2 and "not a date" in proc.stderr


def test_headless_commands_never_import_qt(tmp_path):
    arch = tmp_path / "arch"
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"for args in (['import', {str(SEED)!r}], ['list'], ['show', '1'], ['search', 'ธรรมาภิบาล'],"
        " ['stats'], ['verify']):\n"
        f"    assert main(['--archive', {str(arch)!r}] + args) == 0, args\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]\n"
        "assert not qt, qt\n"
        "print('no Qt')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no Qt" in proc.stdout


def test_search_command_finds_seed(tmp_path):
    arch = tmp_path / "arch"
    cli("sample", archive=arch)
    for query in ("ธรรมาภิบาล", "ก.พ.ร.", "ASEAN", "2556"):
        out = json.loads(cli("search", query, "--json", archive=arch).stdout)
        assert [h["title"] for h in out["hits"]] == [SEED_TITLE], query
    malformed = cli("search", '"ธรรมาภิบาล', "--json", archive=arch)
    assert "Traceback" not in malformed.stderr
    said = json.loads(malformed.stdout)  # in English, and as a code for another program
    assert said["message"].startswith("A closing quote was missing")
    assert said["notices"] == [{"code": "open-quote", "params": {}}]
    assert [h["title"] for h in said["hits"]] == [SEED_TITLE]


@pytest.mark.slow
def test_import_corpus_samples_folder(tmp_path):
    folder = need_corpus("thaigov-samples")
    out = json.loads(cli("import", str(folder), "--json", archive=tmp_path / "arch").stdout)
    assert out["new"] == 7 and out["failed"] == []


def test_export_pdf_of_one_and_of_several_articles(tmp_path):
    """`export --pdf` from the command line, no display: one article prints as itself; a
    report of several opens with a cover and a contents page listing them."""
    from tests.reliability.helpers import write_pages

    arch = tmp_path / "arch"
    write_pages(tmp_path / "pages", 0, 2)
    cli("import", str(SEED), str(tmp_path / "pages"), archive=arch)
    rows = json.loads(cli("list", "--json", archive=arch).stdout)["articles"]
    assert len(rows) == 3
    one, many = tmp_path / "one.pdf", tmp_path / "many.pdf"
    assert "written" in cli("export", "--pdf", str(one), str(rows[0]["id"]), archive=arch).stdout
    cli("export", "--pdf", str(many), *[str(r["id"]) for r in rows], archive=arch)

    def pages(path):
        done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        return [" ".join(page.split()) for page in done.stdout.split("\f")]

    single, report = pages(one), pages(many)
    assert not any("สารบัญ" in p or "Contents" in p for p in single)
    contents = [p for p in report[:3] if "สารบัญ" in p or "Contents" in p]
    assert contents, report[:3]
    # pdftotext drops some Thai marks (เรื่อง comes out เรือง): compare on what survives
    assert "ASEAN Executive Governance Program" in contents[0]
    assert contents[0].count("ทดสอบความทนทานของคลังข่าว") == 2, contents[0]


def test_show_says_what_the_import_noticed(tmp_path):
    """A photo posting with only its headline is kept, and `show` says so (issue 12)."""
    page = tmp_path / "photos.txt"
    page.write_text("ภาพข่าว ก.พ.ร. ร่วมงานวันข้าราชการพลเรือน\n\n1 เมษายน 2566\n", encoding="utf-8")
    out = json.loads(cli("import", str(page), "--json", archive=tmp_path / "arch").stdout)
    assert out["new"] == 1 and out["failed"] == []
    shown = json.loads(cli("show", "1", "--json", archive=tmp_path / "arch").stdout)
    assert shown["marks"] == ["headline-only"] and shown["paragraphs"] == []
    assert "[only its headline (and pictures)]" in cli("show", "1", archive=tmp_path / "arch").stdout
