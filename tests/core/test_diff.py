"""Word diff of two versions: Thai words kept whole, markers not colour alone."""

from __future__ import annotations

from reader.core.diff import Op, diff_text, render_terminal, summarize, words


def test_words_join_back_to_the_text():
    text = "สำนักงาน ก.พ.ร. จัดประชุมเรื่องการพัฒนาระบบราชการ 4.0, on U.N.'s day (26/08/2556)\n\nจบ"
    assert "".join(words(text)) == text
    assert "ประชุม" in words(text)  # a Thai word, not a run of letters


def test_a_changed_thai_word_is_marked_whole():
    old = "นายกรัฐมนตรีเดินทางไปจังหวัดเชียงใหม่เพื่อประชุม"
    new = "นายกรัฐมนตรีเดินทางไปจังหวัดลำปางเพื่อประชุม"
    changes = diff_text(old, new)
    assert [(c.op, c.text) for c in changes if c.op is not Op.EQUAL] == [
        (Op.DELETE, "เชียงใหม่"), (Op.INSERT, "ลำปาง")]
    # Either side comes back whole from the runs.
    assert "".join(c.text for c in changes if c.op is not Op.INSERT) == old
    assert "".join(c.text for c in changes if c.op is not Op.DELETE) == new
    assert summarize(changes).deleted_words >= 1 and summarize(changes).inserted_words >= 1


def test_terminal_rendering_marks_without_colour():
    changes = diff_text("a b c", "a x c")
    assert render_terminal(changes) == "a [-b-]{+x+} c"
    coloured = render_terminal(changes, colour=True)
    assert "[-b-]" in coloured and "{+x+}" in coloured and "\x1b[" in coloured


def test_identical_texts_have_no_changes():
    changes = diff_text("ข่าว ก.พ.ร.", "ข่าว ก.พ.ร.")
    assert [c.op for c in changes] == [Op.EQUAL]
    assert summarize(changes).unchanged


def test_terminal_can_show_only_changed_paragraphs():
    old = "หัวข่าว\n\nย่อหน้าแรก\n\nย่อหน้าที่สอง ปี 2564\n\nท้ายข่าว"
    new = "หัวข่าว\n\nย่อหน้าแรก\n\nย่อหน้าที่สอง ปี 2565\n\nท้ายข่าว"
    short = render_terminal(diff_text(old, new), full=False)
    assert short == "…\n\nย่อหน้าที่สอง ปี [-2564-]{+2565+}\n\n…"
