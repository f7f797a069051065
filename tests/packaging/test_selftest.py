"""`opdc-reader --self-test` from the source checkout, in this process (the bundle's run is
tests/packaging/test_bundle.py). Real archive, real Whoosh, real Qt offscreen, real exports."""

from __future__ import annotations

import os
import subprocess
import sys

from reader import cli, selftest
from tests.conftest import ROOT


def test_self_test_passes_and_prints_each_step(capsys, private_home):
    before = sorted(p.relative_to(private_home) for p in private_home.rglob("*"))
    code = cli.main(["--self-test"])
    out = capsys.readouterr().out
    assert code == 0, out
    lines = out.splitlines()
    assert lines[-1].startswith("OK")
    for step in selftest.STEPS:
        assert any(line.startswith(f"ok  {step.name} ") for line in lines), (step.name, out)
    assert "FAILED" not in out
    # The user's home (here the test's private one) is neither read nor written.
    assert sorted(p.relative_to(private_home) for p in private_home.rglob("*")) == before
    assert os.environ["OPDC_READER_HOME"] == str(private_home)


def test_self_test_keeps_its_files_when_asked(tmp_path, capsys):
    assert selftest.main(["--self-test", "--keep", str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"seed-article.png", "seed-article.docx", "seed-article.pdf"} <= names
    assert (tmp_path / "seed-article.pdf").read_bytes().startswith(b"%PDF")


def test_a_failing_step_is_named_and_its_dependents_skipped(tmp_path, capsys):
    def broken(ctx):
        raise FileNotFoundError("resource not found: archive/MANIFEST.toml")

    steps = [selftest.Step("resources", broken),
             selftest.Step("archive", lambda ctx: "never", ("resources",)),
             selftest.Step("other", lambda ctx: "fine")]
    ctx = selftest.Context(work=tmp_path, out=tmp_path)
    failed = selftest.run_steps(ctx, steps)
    out = capsys.readouterr().out.splitlines()
    assert failed == ["resources", "archive"]
    assert out[0] == ("FAILED: resources: FileNotFoundError: "
                      "resource not found: archive/MANIFEST.toml")
    assert out[1] == "FAILED: archive: skipped, needs resources"
    assert out[2].startswith("ok  other ")


def test_main_exits_non_zero_on_failure(monkeypatch, capsys):
    def blank(ctx):
        raise selftest.StepFailed("the reading pane looks blank (0.00% of pixels drawn)")

    monkeypatch.setattr(selftest, "STEPS", [selftest.Step("render", blank)])
    assert selftest.main([]) == 1
    out = capsys.readouterr().out
    assert "FAILED: render: StepFailed: the reading pane looks blank" in out
    assert "\nOK" not in out


def test_blank_image_is_detected():
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert selftest.ink_share(image) == 0
    painter = QPainter(image)
    painter.fillRect(0, 0, 40, 100, QColor("black"))
    painter.end()
    assert 0.15 < selftest.ink_share(image) < 0.25


def test_module_loads_without_qt():
    code = ("import sys, reader.selftest, reader.cli; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr or "reader.selftest imported PySide6 at load"
