"""The window's classes create every attribute in __init__ (issue 14): a reader of the
class sees all its state in one place, and no attribute appears only after some method
has run (the getattr(self, "_x", None) pattern). Checked on the source, for every class
in reader/ui, and on the live window after it has been used."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

UI = ROOT / "reader" / "ui"


def attributes_set(fn: ast.FunctionDef) -> set[str]:
    """Names assigned as self.NAME anywhere in a method (nested functions included)."""
    names = set()
    for node in ast.walk(fn):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            for sub in ast.walk(target):
                if (isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name)
                        and sub.value.id == "self"):
                    names.add(sub.attr)
    return names


def created_outside_init(path: Path) -> list[str]:
    found = []
    for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(cls, ast.ClassDef):
            continue
        methods = [n for n in cls.body if isinstance(n, ast.FunctionDef)]
        class_level = {t.id for n in cls.body if isinstance(n, ast.Assign | ast.AnnAssign)
                       for t in ([n.target] if isinstance(n, ast.AnnAssign) else n.targets)
                       if isinstance(t, ast.Name)}
        init = next((m for m in methods if m.name == "__init__"), None)
        in_init = attributes_set(init) if init else set()
        for method in methods:
            if method.name == "__init__":
                continue
            for name in sorted(attributes_set(method) - in_init - class_level):
                found.append(f"{path.name}: {cls.name}.{method.name} creates self.{name}")
    return found


def test_ui_classes_create_their_attributes_in_init():
    found = [line for path in sorted(UI.glob("*.py")) for line in created_outside_init(path)]
    assert not found, "\n".join(found)


def test_the_check_sees_a_late_attribute(tmp_path):
    sample = tmp_path / "late.py"
    sample.write_text("class A:\n    def __init__(self):\n        self.a = 1\n"
                      "    def later(self):\n        self.a = 2\n        self.b = 3\n")
    assert created_outside_init(sample) == ["late.py: A.later creates self.b"]


def test_the_window_has_the_same_attributes_after_use(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    parts = {"window": window, "appearance": window.appearance, "article": window.article,
             "listing": window.listing, "output": window.output}
    before = {name: set(vars(part)) for name, part in parts.items()}
    window.appearance.set_zoom(150)
    window.appearance.set_scale_interface(True)
    window.appearance.set_theme("dark")
    window.appearance.set_era("ce")
    window.search.box.setText("ธรรมาภิบาล")
    window.search.fire_now()
    window.listing.select_row(1)
    window.article.set_tags(["อาเซียน"])
    window.article.set_note("บันทึก")
    window.article.set_bookmark(True)
    window.listing.follow_outside_changes()
    window.resize(700, 500)
    window.output.export_options("pdf")
    window.save()
    after = {name: set(vars(part)) for name, part in parts.items()}
    assert after == before
