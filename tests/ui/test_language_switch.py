"""A language switch reaches every text the window shows or gives screen readers: English
to Thai and back, nothing stays in the language it left (labels set from code, not
only those a retranslate() sets: the Category box's "All categories", the count...).

Stale text is found without a list of widgets: every text of every widget, shown or
not (labels, buttons, combo box items, menus and actions, headers, tree items, accessible
names and descriptions, tool tips, the article's lines, the title and status bar) is
matched against the messages of the language left behind, read from resources/i18n/*.ts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from tests.conftest import ROOT

I18N = ROOT / "resources" / "i18n"
THAI = re.compile(r"[\u0e00-\u0e7f]")
LATIN = re.compile(r"[A-Za-z]{2}")
PLACE = re.compile(r"%(?:\d|n)")
MONTHS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                    r"October|November|December)\b|B\.E\.")


def plain(text: str) -> str:
    """Without mnemonics ("&File", Thai "ไฟล์ (&F)") and trailing dots; spaces collapsed."""
    text = re.sub(r"\s*\(&.\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(".…")


def forms(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if tr is None:
        return []
    numerus = [f.text or "" for f in tr.findall("numerusform")]
    return numerus or [tr.text or ""]


def messages(lang: str) -> set[str]:
    out: set[str] = set()
    for message in ET.parse(I18N / f"opdc_{lang}.ts").getroot().iter("message"):
        out.update(plain(text) for text in forms(message))
        if lang == "en":
            out.add(plain(message.findtext("source") or ""))
    return out


def patterns(left: str, now: str) -> list[re.Pattern[str]]:
    """The messages of the language left behind that the new one never shows, as
    patterns of a whole text (placeholders match anything)."""
    script = LATIN if left == "en" else THAI
    same = messages(now)
    found = []
    for text in sorted(messages(left) - same):
        words = PLACE.sub("", text)
        if not script.search(words):
            continue  # "%1 (%2)", "OPDC Reader": the same in both
        parts = [re.escape(part) for part in PLACE.split(text)]
        found.append(re.compile(".+?".join(parts)))
    return found


def item_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    out = []
    for col in range(model.columnCount()):
        out.append(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
    if isinstance(view, QTreeWidget):
        stack = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out += [item.text(0), item.toolTip(0)]
            stack += [item.child(i) for i in range(item.childCount())]
        return out
    for row in range(min(model.rowCount(), 50)):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            out += [str(index.data() or ""), str(index.data(Qt.ItemDataRole.AccessibleTextRole) or "")]
    return out


def widget_texts(widget: QWidget) -> list[str]:
    out = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    if isinstance(widget, (QLabel, QAbstractButton)):
        out.append(widget.text())
    if isinstance(widget, QLineEdit):
        out.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        out += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QSpinBox):
        out += [widget.specialValueText(), widget.text()]
    elif isinstance(widget, QAbstractSpinBox):
        out.append(widget.text())
    if isinstance(widget, QAbstractItemView):
        out += item_texts(widget)
    if isinstance(widget, QTextEdit):  # the article: its field names ("Source: ...")
        for line in widget.toPlainText().splitlines()[:40]:
            out += [line, line.split(":")[0]]
    return out


def action_texts(window) -> list[tuple[str, str]]:
    out = []
    menus = list(window.menuBar().findChildren(QMenu))
    for menu in menus:
        out.append(("menu", menu.title()))
        for action in menu.actions():
            out += [("action", action.text()), ("action tip", action.toolTip())]
    for action in window.toolbar.actions():
        out += [("tool", action.text()), ("tool tip", action.toolTip())]
    return out


def shown_texts(window) -> list[tuple[str, str]]:
    """(where, text) for everything the window shows or names, now or when shown."""
    found = [("title", window.windowTitle()), ("status", window.statusBar().currentMessage())]
    found += action_texts(window)
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu):
            continue  # its actions are read above
        # Hidden ones too: the filters folded away, the pages not on show, a closed
        # combo box's list keep their text until they are shown.
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        found += [(where, text) for text in widget_texts(widget)]
    return [(where, text) for where, text in found if text]


def stale(window, left: str, now: str) -> list[tuple[str, str]]:
    regexes = patterns(left, now)
    out = []
    for where, text in shown_texts(window):
        if any(r.fullmatch(plain(text)) for r in regexes):
            out.append((where, text))
        elif left == "en" and MONTHS.search(text):  # dates come from reader.core, not .ts
            out.append((where, text))
    return out


def switch(window, lang: str) -> None:
    """What Preferences does on OK with another language (test_preferences: the dialog),
    and the LanguageChange events Qt posts to every widget, delivered."""
    window.appearance.set_language(lang)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QCoreApplication.processEvents()


def test_english_to_thai_and_back_leaves_nothing_behind(open_window, archive_path):
    window = open_window(archive_path)
    english = set(stale(window, "en", "th"))  # the finder sees the English texts
    assert len(english) > 50, english
    assert not stale(window, "th", "en")
    switch(window, "th")
    assert not stale(window, "en", "th")
    # the labels set from code, named (the walk above would miss a widget it skips)
    for text in (window.search.category.itemText(0), window.search.count_label.text(),
                 window.count_status.text()):
        assert THAI.search(text) and not LATIN.search(text), text
    switch(window, "en")
    assert not stale(window, "th", "en")
    gone = english - set(stale(window, "en", "th"))
    # only what was said once: the status bar's "Text size 100%", the last announcement
    assert {where for where, _text in gone} <= {"status", "Announcer announcer"}, gone
    assert window.search.category.itemText(0) == "All categories"


def test_a_search_and_its_count_follow_the_switch(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    window.search.category.setCurrentIndex(1)  # a category chosen: kept through the switch
    chosen = window.search.category.currentText()
    window.search.box.setText("ธนาคารโลก")
    window.search.fire_now()
    qtbot.waitUntil(lambda: "found" in window.search.count_label.text())
    switch(window, "th")
    assert not stale(window, "en", "th")
    assert window.search.category.currentText() == chosen
    assert THAI.search(window.search.count_label.text()), window.search.count_label.text()
    switch(window, "en")
    assert not stale(window, "th", "en")
    assert "found" in window.search.count_label.text()


def test_every_page_of_the_page_layout_and_reading_mode_follow(open_window, archive_path, qtbot):
    window = open_window(archive_path)
    window.resize(1280, 800)
    window.appearance.set_scale_interface(True)
    window.appearance.set_zoom(400)  # too large for panes: library, search, list, article pages
    assert window.panes.paged
    pages = window.panes.pages
    for lang, left in (("th", "en"), ("en", "th")):
        switch(window, lang)
        for i in range(pages.count()):
            pages.setCurrentIndex(i)
            assert not stale(window, left, lang), (lang, pages.currentWidget().objectName())
    window.appearance.set_zoom(100)
    window.appearance.set_scale_interface(False)
    window.registry["reading_mode"].trigger()
    switch(window, "th")
    assert not stale(window, "en", "th")
