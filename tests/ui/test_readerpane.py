"""The reading pane: read-only QTextEdit, Thai word moves, zoom without horizontal scroll."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from reader.ui.readerpane import ArticleView, ReaderPane, word_starts

TEXT = "สำนักงานจับมือธนาคารโลก เปิดมิติใหม่"


def pane(qtbot, paragraphs=None):
    widget = ReaderPane()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.show()
    widget.show_article(ArticleView(title="หัวข้อ", paragraphs=paragraphs or [TEXT],
                                    source_url="http://www.opdc.go.th/"))
    return widget


def test_word_starts_split_thai():
    starts = word_starts(TEXT)
    words = [TEXT[a:b].strip() for a, b in zip(starts, starts[1:] + [len(TEXT)], strict=True)]
    assert words[:4] == ["สำนักงาน", "จับ", "มือ", "ธนาคาร"]
    assert "เปิด" in words


def test_is_a_read_only_text_edit_not_a_browser(qtbot):
    widget = pane(qtbot)
    assert isinstance(widget, QTextEdit) and not isinstance(widget, QTextBrowser)
    assert widget.isReadOnly()
    assert TEXT in widget.toPlainText()
    assert widget.accessibleName()


def _go_to_paragraph(widget):
    cursor = widget.document().find(TEXT)
    cursor.setPosition(cursor.selectionStart())
    widget.setTextCursor(cursor)
    return cursor.position()


def test_ctrl_right_and_left_move_by_thai_word(qtbot):
    widget = pane(qtbot)
    start = _go_to_paragraph(widget)
    qtbot.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert widget.textCursor().position() - start == len("สำนักงาน")
    qtbot.keyClick(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert widget.textCursor().position() - start == len("สำนักงานจับ")
    qtbot.keyClick(widget, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert widget.textCursor().position() - start == len("สำนักงาน")


def test_ctrl_shift_right_selects_a_thai_word(qtbot):
    widget = pane(qtbot)
    _go_to_paragraph(widget)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(widget, Qt.Key.Key_Right, mods)
    qtbot.keyClick(widget, Qt.Key.Key_Right, mods)
    assert widget.textCursor().selectedText() == "สำนักงานจับ"


def test_qt_default_would_jump_the_whole_run(qtbot):
    # Why the pane needs its own word moves: Qt's NextWord skips the whole Thai run.
    widget = pane(qtbot)
    start = _go_to_paragraph(widget)
    cursor = widget.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.NextWord)
    assert cursor.position() - start > len("สำนักงาน")


def test_zoom_300_wraps_without_horizontal_scroll(qtbot):
    long = "สำนักงาน ก.พ.ร. " * 60 + "http://www.opdc.go.th/" + "x" * 200
    widget = pane(qtbot, [long])
    base = widget.document().size().height()
    widget.set_zoom(300)
    qtbot.wait(10)
    assert widget.horizontalScrollBar().maximum() == 0
    assert widget.document().idealWidth() <= widget.viewport().width() + 1
    assert widget.document().size().height() > 2 * base
    widget.set_zoom(100)
    assert abs(widget.document().size().height() - base) < 2


def test_links_never_load_resources(qtbot):
    widget = pane(qtbot)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    for url in ("http://example.com/x.png", "file:///etc/passwd"):
        loaded = widget.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url))
        assert not loaded  # an empty resource: nothing fetched, nothing read


def test_search_terms_are_highlighted(qtbot):
    widget = pane(qtbot)
    widget.set_terms(["ธนาคาร"])
    assert widget.hit_count() == 1
    widget.set_terms([])
    assert widget.hit_count() == 0


def test_snippet_lead_is_cut_at_a_word_start():
    from reader.ui.searchpanel import lead_to_first_hit

    segments = [("ผู้บริหารระดับสูงของเลขาธิการสำนักงาน ", False), ("ก.พ.ร.", True), (" กล่าว", False)]
    cut = lead_to_first_hit(segments)
    assert cut[0][0] == "…สำนักงาน " and cut[1:] == segments[1:]
    assert lead_to_first_hit([("สั้น ", False), ("ก.พ.ร.", True)]) == [("สั้น ", False), ("ก.พ.ร.", True)]


def test_snippet_lead_fits_the_column_so_the_hit_shows_at_any_size(qapp):
    """At 400% the found-text column holds a dozen Thai letters: the lead before the hit
    is cut to what leaves the hit whole in view (a fixed 14 letters pushed it out)."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from reader.ui.searchpanel import lead_to_first_hit

    segments = [("ผู้บริหารระดับสูงของเลขาธิการสำนักงาน ", False), ("ก.พ.ร.", True), (" กล่าว", False)]
    for points in (13, 26, 52):  # 100%, 200%, 400%
        font = QFont("Sarabun")
        font.setPointSizeF(points)
        width = QFontMetricsF(font).horizontalAdvance
        room = 430.0  # the column's width at 400% on 1280x800
        cut = lead_to_first_hit(segments, room, width)
        assert cut[1:] == segments[1:]
        lead = cut[0][0]
        assert width(lead + "ก.พ.ร.") <= room, (points, lead)
        if width("".join(t for t, _ in segments[:2])) > room:
            assert lead.startswith("…"), (points, lead)
    assert lead_to_first_hit(segments, 5000.0, len) == segments  # room for all: nothing cut


def test_notices_of_the_import_are_shown(qtbot):
    """A headline-only posting or a cut-off page says so under the date (issue 12)."""
    widget = ReaderPane()
    qtbot.addWidget(widget)
    widget.show_article(ArticleView(title="ภาพข่าว", date_text="1 เมษายน 2566", paragraphs=[],
                                    notices=["ข่าวนี้มีเพียงหัวข้อข่าว (และรูปภาพ)"]))
    text = widget.toPlainText()
    assert text.index("1 เมษายน 2566") < text.index("ข่าวนี้มีเพียงหัวข้อข่าว (และรูปภาพ)")
