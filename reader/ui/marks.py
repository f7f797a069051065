"""Highlighted passages in the reading pane: drawn into the document's character formats
(so assistive technology reads them as text attributes: a background colour and an
underline, not colour alone), and the reader's selection turned into body offsets.

Offsets are the archive's: into the body of one version (its paragraphs joined by a blank
line). The pane records where each paragraph starts in its document when it renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor

if TYPE_CHECKING:
    from .readerpane import ReaderPane

SEPARATOR = 2  # the blank line between paragraphs in the body ("\n\n")


def _paragraphs(pane: ReaderPane) -> list[tuple[int, int, int]]:
    """(document start, document end, body start) of each paragraph shown."""
    view = pane.view
    if view is None:
        return []
    out, body = [], 0
    for start, text in zip(pane.paragraph_starts, view.paragraphs, strict=False):
        out.append((start, start + len(text), body))
        body += len(text) + SEPARATOR
    return out


def document_ranges(pane: ReaderPane, start: int, end: int) -> list[tuple[int, int]]:
    """Where body[start:end] is in the pane's document (one range per paragraph)."""
    ranges = []
    for doc_start, doc_end, body_start in _paragraphs(pane):
        body_end = body_start + (doc_end - doc_start)
        lo, hi = max(start, body_start), min(end, body_end)
        if lo < hi:
            ranges.append((doc_start + lo - body_start, doc_start + hi - body_start))
    return ranges


def selected_body_range(pane: ReaderPane) -> tuple[int, int] | None:
    """The selection as body offsets, trimmed to the article's paragraphs; None when
    nothing of the body is selected (the title, the tags, the source line)."""
    cursor = pane.textCursor()
    if not cursor.hasSelection():
        return None
    lo, hi = cursor.selectionStart(), cursor.selectionEnd()
    first = last = None
    for doc_start, doc_end, body_start in _paragraphs(pane):
        a, b = max(lo, doc_start), min(hi, doc_end)
        if a < b:
            first = body_start + a - doc_start if first is None else first
            last = body_start + b - doc_start
    if first is None or last is None:
        return None
    return first, last


def mark_at_cursor(pane: ReaderPane) -> int | None:
    """The highlight (its id) under the caret or the selection's start."""
    view = pane.view
    if view is None:
        return None
    cursor = pane.textCursor()
    pos = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
    for start, end, mark_id in view.marks:
        if any(a <= pos <= b for a, b in document_ranges(pane, start, end)):
            return mark_id
    return None


def apply_marks(pane: ReaderPane) -> None:
    """The view's highlights merged into the text's formats: shaded in the theme's hit
    colours and underlined (the underline also shows in high contrast and on paper)."""
    view = pane.view
    if view is None or not view.marks:
        return
    background, foreground = pane.hit_colors
    fmt = QTextCharFormat()
    fmt.setBackground(background)
    fmt.setForeground(foreground)
    fmt.setFontUnderline(True)
    for start, end, _mark_id in view.marks:
        for a, b in document_ranges(pane, start, end):
            cursor = QTextCursor(pane.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)


def select_document_range(pane: ReaderPane, start: int, end: int) -> None:
    """Select body[start:end] and bring it into view (opening a highlight from the list)."""
    ranges = document_ranges(pane, start, end)
    if not ranges:
        return
    cursor = pane.textCursor()
    cursor.setPosition(ranges[0][0])
    cursor.setPosition(ranges[-1][1], QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
