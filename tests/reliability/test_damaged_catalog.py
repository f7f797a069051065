"""A damaged catalog is found and named, never a traceback: the open-time quick check,
the full check in `verify`, every CLI command's message and exit code; the CLI on a
closed pipe; an archive on a network file system opens read-only saying why."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.archive import Archive, ArchiveReadOnly, health, netfs
from reader.core.archive.verify import verify
from reader.core.importer import import_targets
from tests.conftest import ROOT
from tests.reliability.helpers import cli, cli_env, write_pages

PAGE = 4096


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("small")
    write_pages(root / "pages", 0, 700)
    with Archive.open(root / "archive") as archive:
        summary = import_targets(archive, [str(root / "pages")])
        assert summary.counts["new"] == 700
        archive.tags.add(1, "ข่าวเด่น")
    return root / "archive"


def copy_of(archive: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(archive, target, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    return target


def overwrite_pages(catalog: Path, first: int, count: int, fill: bytes = b"\xa5") -> None:
    """Pages first..first+count-1 (1-based) filled with junk, as a bad disk leaves them."""
    with open(catalog, "r+b") as fh:
        fh.seek((first - 1) * PAGE)
        fh.write(fill * (PAGE * count))


DAMAGES = {
    "schema pages overwritten": lambda c: overwrite_pages(c, 2, 40),
    "truncated": lambda c: c.write_bytes(c.read_bytes()[: 5 * PAGE + 123]),
    "deleted": lambda c: c.unlink(),
    "header overwritten": lambda c: overwrite_pages(c, 1, 1),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_open_check_names_the_damage(small_archive, tmp_path, damage):
    archive = copy_of(small_archive, tmp_path)
    DAMAGES[damage](archive / "catalog.sqlite")
    with pytest.raises(health.CatalogDamaged) as caught:
        Archive.open(archive)
    assert "opdc-reader recover" in str(caught.value)
    assert not (archive / "catalog.sqlite").exists() or damage != "deleted"  # nothing recreated


def test_damage_in_the_text_pages_is_found_by_verify_and_named_when_read(small_archive, tmp_path):
    archive = copy_of(small_archive, tmp_path)
    catalog = archive / "catalog.sqlite"
    pages = catalog.stat().st_size // PAGE
    overwrite_pages(catalog, pages // 2, 30)
    with Archive.open(archive, readonly=True, check=False) as opened:
        report = verify(opened)
        assert not report.ok
        assert any("catalog damaged" in p for p in report.problems)
        assert "opdc-reader recover" in report.problems[-1]
        with pytest.raises(health.CatalogDamaged):
            for article_id in opened.all_ids():
                opened.get(article_id)


COMMANDS = [
    ["list"], ["list", "--json"], ["show", "1"], ["stats"], ["verify"], ["search", "ทดสอบ"],
    ["reindex"], ["tag", "1", "x"], ["import", str(ROOT / "archive")], ["sample"],
    ["backup", "OUT"], ["export", "1", "--docx", "OUT"], ["diff", "1"], ["highlight", "1", "ทดสอบ"],
    ["highlights"], ["saved"], ["sources"], ["update"],
]


@pytest.mark.slow
def test_every_cli_command_on_a_damaged_catalog_says_so_and_fails(small_archive, tmp_path):
    archive = copy_of(small_archive, tmp_path)
    overwrite_pages(archive / "catalog.sqlite", 2, 40)
    before = (archive / "catalog.sqlite").read_bytes()
    for command in COMMANDS:
        args = [str(tmp_path / f"out{len(a)}") if a == "OUT" else a for a in command]
        proc = cli(*args, archive=archive, timeout=120)
        assert proc.returncode != 0, command
        assert "Traceback" not in proc.stderr + proc.stdout, (command, proc.stderr)
        said = proc.stderr + proc.stdout
        assert "damaged" in said and "recover" in said, (command, said)
    assert (archive / "catalog.sqlite").read_bytes() == before  # no command wrote to it


@pytest.mark.slow
def test_cli_commands_on_a_missing_catalog_say_so(small_archive, tmp_path):
    archive = copy_of(small_archive, tmp_path)
    (archive / "catalog.sqlite").unlink()
    for command in (["list"], ["stats"], ["import", str(ROOT / "archive")]):
        proc = cli(*command, archive=archive)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        assert "catalog.sqlite is missing" in proc.stderr
    assert not (archive / "catalog.sqlite").exists()  # not silently recreated empty


def test_closed_pipe_ends_quietly(small_archive):
    code = ("import subprocess, sys\n"
            "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
            "p.stdout.read(200); p.stdout.close()\n"
            "err = p.stderr.read(); print(p.wait()); sys.stdout.write(err.decode())\n")
    proc = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "reader.cli",
                           "--archive", str(small_archive), "list", "--json", "--limit", "700"],
                          capture_output=True, text=True, cwd=ROOT, env=cli_env(), timeout=120)
    status, _, stderr = proc.stdout.partition("\n")
    assert stderr == ""  # not a word: `| head` closing the pipe is normal
    assert int(status) == 141


def test_mount_table_names_the_file_system():
    mounts = ("sysfs /sys sysfs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
              "server:/export /mnt/share nfs4 rw,relatime 0 0\n"
              "//nas/lib /mnt/my\\040nas cifs rw 0 0\n")
    assert netfs.fs_type(Path("/home/x"), mounts) == "ext4"
    assert netfs.fs_type(Path("/mnt/share/archive"), mounts) == "nfs4"
    assert netfs.fs_type(Path("/mnt/shared"), mounts) == "ext4"  # a prefix is not a parent
    assert netfs.fs_type(Path("/mnt/my nas/a"), mounts) == "cifs"
    assert netfs.network_reason(Path("/home/x"), mounts) is None
    assert "network file system (cifs)" in (netfs.network_reason(Path("/mnt/my nas/a"), mounts) or "")


def test_archive_on_a_network_share_opens_read_only_saying_why(small_archive, tmp_path, monkeypatch):
    archive = copy_of(small_archive, tmp_path)
    table = tmp_path / "mounts"
    table.write_text(f"/dev/sda1 / ext4 rw 0 0\nnas:/lib {tmp_path} nfs4 rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(netfs, "MOUNTS", table)
    with Archive.open(archive) as opened:
        assert opened.readonly
        assert "network file system (nfs4)" in (opened.readonly_reason or "")
        assert opened.count_articles() == 700  # readers keep working
        with pytest.raises(ArchiveReadOnly, match="two computers"):
            opened.tags.add(1, "x")
    from reader import cli as cli_module

    assert cli_module.main(["--archive", str(archive), "tag", "1", "x"]) == 2
