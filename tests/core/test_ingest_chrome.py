"""Site chrome learned from a batch and kept in the archive (issue 12)."""

from __future__ import annotations

from reader.core.archive import Archive
from reader.core.importer import import_targets
from reader.core.ingest import ChromeLearner, Source, extract
from reader.core.ingest.chrome import site_of
from reader.core.ingest.headline import key

# A slogan the site prints above every headline: on one page alone it reads like the
# first line of a headline that wrapped.
SLOGAN = "ยิ้มง่าย ไหว้สวย บริการด้วยใจ เพื่อประชาชนชาวจังหวัดตัวอย่าง"


def headline(i: int) -> str:
    return f"ประชุมกรมการจังหวัด ครั้งที่ {i}/2567"


def page(i: int) -> bytes:
    body = (f"เมื่อวันที่ {i} มีนาคม 2567 ผู้ว่าราชการจังหวัดตัวอย่างเป็นประธานการประชุมกรมการจังหวัดตัวอย่าง "
            "ณ ห้องประชุมศาลากลางจังหวัด เพื่อบริการประชาชนด้วยใจ และติดตามงานตามนโยบายรัฐบาล")
    return f"{SLOGAN}\n\n{headline(i)}\n\nวันที่ {i} มีนาคม 2567\n\n{body}\n".encode()


def test_site_of():
    assert site_of("x.txt", "https://www.opdc.go.th/content/1") == "opdc.go.th"
    assert site_of("/data/prd/a.txt", None) == "folder:/data/prd"
    assert site_of("/data/b.zip/news/a.txt", None) == "folder:/data/b.zip/news"


def test_a_line_on_most_pages_of_a_site_is_learned():
    learner = ChromeLearner()
    for i in range(1, 6):
        learner.observe("s", page(i).decode())
    assert key(SLOGAN) in learner.chrome("s")
    assert not any(key(headline(i)) in learner.chrome("s") for i in range(1, 6))
    assert learner.chrome("other") == frozenset()
    assert list(learner.learned()["s"].values()) == [(SLOGAN, 5)]


def test_one_page_alone_cannot_tell_the_slogan_from_the_headline():
    [article] = extract(Source("site/p1.txt", page(1), "site"))
    assert article.title != headline(1)  # the reason for learning


def test_a_batch_learns_its_chrome_and_later_imports_use_it(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    for i in range(1, 7):
        (folder / f"p{i}.txt").write_bytes(page(i))
    with Archive.open(tmp_path / "arc") as archive:
        summary = import_targets(archive, [folder])
        titles = {archive.get(a).title for a in summary.article_ids}
        # every page of the batch, the first ones too, is read with what the batch shows
        assert titles == {headline(i) for i in range(1, 7)}
        assert archive.site_chrome.known() == {f"folder:{folder}": {key(SLOGAN): SLOGAN}}
    # a later import of one new page from the same site: known from its first page
    (folder / "p9.txt").write_bytes(page(9))
    with Archive.open(tmp_path / "arc") as archive:
        summary = import_targets(archive, [folder / "p9.txt"])
        [new] = summary.article_ids
        assert archive.get(new).title == headline(9)
        archive.site_chrome.forget()
        assert archive.site_chrome.known() == {}


def test_recover_reads_the_pages_again_with_the_learned_chrome(tmp_path):
    """A lost catalog is rebuilt from its backup and the journal; pages are extracted again
    with the chrome learned when they were first imported, so they come back the same."""
    from reader.core.archive.recover import recover

    folder = tmp_path / "site"
    folder.mkdir()
    for i in range(1, 7):
        (folder / f"p{i}.txt").write_bytes(page(i))
    root = tmp_path / "arc"
    with Archive.open(root) as archive:
        import_targets(archive, [folder])
    (folder / "p7.txt").write_bytes(page(7))
    with Archive.open(root) as archive:  # after the backup: known only to the journal
        import_targets(archive, [folder / "p7.txt"])
    (root / "catalog.sqlite").unlink()
    report = recover(root)
    assert report.problems == []
    with Archive.open(root, create=False) as archive:
        titles = {a.title for a in archive.list_articles(limit=20)}
    assert titles == {headline(i) for i in range(1, 8)}
