"""The window's combo boxes: a closed pop-up list has no current item (over AT-SPI an item
view's current item is FOCUSED even while hidden, and Orca 43 took the closed Category
list for the focus); the list gets it back when it opens, and choosing still works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from reader.ui.combo import ComboBox


def make_combo(qtbot) -> ComboBox:
    combo = ComboBox()
    qtbot.addWidget(combo)
    for text in ("All categories", "ข่าวเด่น", "ข่าวประชาสัมพันธ์"):
        combo.addItem(text, text)
    return combo


def test_a_closed_list_has_no_current_item(qtbot):
    combo = make_combo(qtbot)
    combo.show()
    assert combo.currentIndex() == 0
    assert not combo.view().currentIndex().isValid()
    combo.setCurrentIndex(2)  # a choice made on the closed box (keys, code)
    assert combo.currentText() == "ข่าวประชาสัมพันธ์"
    assert not combo.view().currentIndex().isValid()
    combo.blockSignals(True)  # as the search panel fills its boxes
    combo.clear()
    combo.addItem("All categories")
    combo.blockSignals(False)
    assert not combo.view().currentIndex().isValid()


def test_the_open_list_starts_on_the_choice_and_chooses(qtbot):
    combo = make_combo(qtbot)
    combo.show()
    combo.setCurrentIndex(1)
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    assert combo.view().currentIndex().row() == 1  # the reader starts on the choice
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    assert combo.view().currentIndex().row() == 2
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert combo.currentIndex() == 2
    qtbot.waitUntil(lambda: not combo.view().currentIndex().isValid())  # let go after the choice
    assert combo.currentIndex() == 2


def test_closed_by_escape_the_list_lets_go_again(qtbot):
    combo = make_combo(qtbot)
    combo.show()
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    qtbot.waitUntil(lambda: not combo.view().currentIndex().isValid())
    assert combo.currentIndex() == 0


def test_every_combo_box_in_the_window_is_one(open_window, archive_path):
    window = open_window(archive_path)
    combos = window.findChildren(QComboBox)
    assert combos
    assert all(isinstance(c, ComboBox) for c in combos), [
        c.objectName() for c in combos if not isinstance(c, ComboBox)]
    assert not any(c.view().currentIndex().isValid() for c in combos)
