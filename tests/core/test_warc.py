"""WARC in and out: a WARC written by warcio from the corpus's real pages imports as
articles with their provenance; an export passes `warcio check` and imports into an empty
archive as the same articles and originals (the seed and 200 corpus articles)."""

from __future__ import annotations

import gzip
import io
import os
import tarfile

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.core.archive import NEW, UNCHANGED, VERSION, Archive
from reader.core.export import ExportError, select_ids
from reader.core.export.warc import export_warc
from reader.core.importer import import_targets
from tests.conftest import SEED, need_corpus

PRACHATAI = "https://prachatai.com/journal/2019/01/80642"
GASTHAI = "http://www.gasthai.com/webboard/ngv.html"


def _response(writer, uri, body, content_type, date="2019-01-20T10:00:00Z", status="200 OK", extra=()):
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Server", "nginx"), *extra],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body),
                                       http_headers=http, warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)
    return record


def _request(writer, uri):
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), length=0,
                                                  http_headers=http))


def corpus_warc(path, gz=True):
    """A crawl-like WARC of the corpus's real pages: warcinfo, request/response pairs, a
    TIS-620 page whose charset only the HTTP header names, a picture, a 404, a revisit."""
    html = need_corpus("html")
    prachatai = (html / "prachatai_2019-01_80642_article.html").read_bytes()
    gasthai = (html / "gasthai.com_2006-12-21_ngv-article_tis620.html").read_bytes()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test crawler"}))
        _request(writer, PRACHATAI)
        first = _response(writer, PRACHATAI, prachatai, "text/html; charset=utf-8",
                          extra=[("ETag", '"80642"')])
        _request(writer, GASTHAI)
        _response(writer, GASTHAI, gasthai, "text/html; charset=tis-620", date="2006-12-21T08:00:00Z")
        _response(writer, "https://prachatai.com/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 500, "image/png")
        _response(writer, "https://prachatai.com/missing", b"<html>not found</html>", "text/html",
                  status="404 Not Found")
        revisit = writer.create_revisit_record(
            PRACHATAI, first.rec_headers.get_header("WARC-Payload-Digest"), PRACHATAI,
            "2019-01-20T10:00:00Z", http_headers=first.http_headers)
        revisit.rec_headers.replace_header("WARC-Date", "2019-01-27T10:00:00Z")
        writer.write_record(revisit)
        resource = writer.create_warc_record(
            "urn:text:note", "resource", payload=io.BytesIO("ข่าวสั้น\n\nเนื้อข่าวสั้นทดสอบหนึ่งย่อหน้า ที่ยาวพอจะเป็นข่าว".encode()),
            warc_content_type="text/plain; charset=utf-8")
        writer.write_record(resource)
    return first.rec_headers.get_header("WARC-Record-ID")


def test_corpus_warc_imports_with_provenance(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    record_id = corpus_warc(path)
    with Archive.open(tmp_path / "a") as archive:
        summary = import_targets(archive, [path])
        assert not summary.failed, summary.failed
        assert summary.counts[NEW] == 3
        assert summary.counts[UNCHANGED] == 1  # the revisit
        assert summary.skipped == {"warcinfo record": 1, "request record": 2, "response image/png": 1,
                                   "response 404": 1}
        ids = archive.all_ids()
        articles = {archive.get(i).source_url: archive.get(i) for i in ids}
        assert "80642" in "".join(articles[PRACHATAI].paragraphs) or articles[PRACHATAI].title
        # The TIS-620 page is read as Thai through the charset its HTTP header names.
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in articles[GASTHAI].title + articles[GASTHAI].body)
        capture = archive.captures.for_article(articles[PRACHATAI].id)[0]
        assert capture["record_id"] == record_id
        assert capture["target_uri"] == PRACHATAI
        assert capture["captured_at"] == "2019-01-20T10:00:00Z"
        assert capture["http_status"] == 200
        assert ["ETag", '"80642"'] in capture["http"]["headers"]
        assert capture["warc_file"] == "crawl.warc.gz"


def test_several_captures_of_one_uri_become_versions(tmp_path):
    path = tmp_path / "twice.warc"
    page = "<html><head><title>ข่าวทดสอบการจับภาพสองครั้ง</title></head><body><h1>ข่าวทดสอบการจับภาพสองครั้ง</h1><p>{}</p></body></html>"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for n, text in enumerate(["ย่อหน้าแรกของข่าวฉบับเดิม ยาวพอให้เป็นเนื้อข่าวได้", "ย่อหน้าของข่าวฉบับแก้ไขแล้ว ยาวพอให้เป็นเนื้อข่าวได้"]):
            _response(writer, "https://www.opdc.go.th/content/Nzk1", page.format(text).encode(), "text/html",
                      date=f"2024-0{n + 1}-01T00:00:00Z")
    with Archive.open(tmp_path / "a") as archive:
        summary = import_targets(archive, [path])
        assert summary.counts[NEW] == 1 and summary.counts[VERSION] == 1
        (article_id,) = archive.all_ids()
        assert [v.version for v in archive.versions(article_id)] == [1, 2]
        dates = [c["captured_at"] for c in archive.captures.for_article(article_id)]
        assert dates == ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"]
        result = export_warc(archive, tmp_path / "out.warc.gz", [article_id])
        assert (result.articles, result.originals, result.records) == (1, 2, 5)  # warcinfo, 2 x (page, metadata)
        with Archive.open(tmp_path / "b") as again:
            summary = import_targets(again, [tmp_path / "out.warc.gz"])
            assert summary.counts[NEW] == 1 and summary.counts[VERSION] == 1
            assert [c["captured_at"] for c in again.captures.for_article(1) if c["warc_file"] == "twice.warc"] == dates


def test_a_cut_off_warc_keeps_the_records_before_the_damage(tmp_path):
    whole = tmp_path / "crawl.warc.gz"
    corpus_warc(whole)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    # Cut inside the TIS-620 page's record: the first page is whole, the rest is not.
    offsets = [0]
    with open(whole, "rb") as fh:
        it = ArchiveIterator(fh)
        for _ in it:
            offsets.append(it.get_record_offset())
    cut.write_bytes(data[: offsets[5] + 200])
    with Archive.open(tmp_path / "a") as archive:
        summary = import_targets(archive, [cut])
        assert summary.counts[NEW] == 1
        assert len(summary.failed) == 1
        assert "damaged or cut off" in summary.failed[0].reason
        assert "records before that point were read" in summary.failed[0].reason


@pytest.mark.parametrize("data, reason", [
    (b"WARC/1.0\r\nWARC-Type: response\r\n\r\n" + bytes(range(256)) * 10, "the WARC file is damaged"),
    (b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 99999\r\n\r\n<html>short", "the record is cut off"),
])
def test_a_damaged_warc_is_refused_clearly(tmp_path, data, reason):
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    with Archive.open(tmp_path / "a") as archive:
        summary = import_targets(archive, [path])
    assert summary.counts[NEW] == 0 and len(summary.failed) == 1
    assert summary.failed[0].reason.startswith(reason)


def _records(path):
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            yield record.rec_type, record.rec_headers, record.http_headers, record.content_stream().read()


def test_export_gives_response_records_back_with_their_headers_and_exact_bytes(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    corpus_warc(path)
    out = tmp_path / "out.warc.gz"
    with Archive.open(tmp_path / "a") as archive:
        import_targets(archive, [path])
        result = export_warc(archive, out, archive.all_ids())
        originals = {sha: p.read_bytes() for sha, p in archive.originals.iter_all()}
    assert result.articles == 3 and result.originals == 3
    records = list(_records(out))
    assert [r[0] for r in records] == ["warcinfo"] + ["response", "metadata", "response", "metadata",
                                                       "resource", "metadata"]
    payloads = [r[3] for r in records if r[0] in ("response", "resource")]
    assert sorted(payloads) == sorted(originals.values())
    first = records[1]
    assert first[1].get_header("WARC-Target-URI") == PRACHATAI
    assert first[1].get_header("WARC-Date") == "2019-01-20T10:00:00Z"
    assert first[2].get_header("ETag") == '"80642"'
    assert first[2].get_header("Content-Length") == str(len(first[3]))
    assert records[2][1].get_header("WARC-Refers-To") == first[1].get_header("WARC-Record-ID")


def warcio_check(path) -> int:
    from warcio.cli import main as warcio_main

    try:
        warcio_main(["check", str(path)])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def corpus_articles(n: int):
    """The first n article files of the thaigov corpus, as (name, bytes)."""
    tar = need_corpus("thaigov-v2-all.tar.xz")
    found = []
    with tarfile.open(tar, "r|xz") as tf:
        for member in tf:
            if member.isfile() and member.name.endswith(".txt") and "/data/" in member.name:
                found.append((member.name, tf.extractfile(member).read()))
                if len(found) == n:
                    break
    return found


@pytest.mark.slow
def test_round_trip_of_the_seed_and_200_corpus_articles(tmp_path):
    folder = tmp_path / "in"
    for name, data in corpus_articles(200):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    out = tmp_path / "all.warc.gz"
    with Archive.open(tmp_path / "a") as first:
        summary = import_targets(first, [str(SEED), str(folder)])
        assert summary.counts[NEW] >= 190, summary.to_dict()
        ids = first.all_ids()
        first.tags.add(ids[0], "อาเซียน")
        first.notes.set(ids[0], "ใช้ในบันทึกเสนอผู้บริหาร")
        first.bookmarks.set(ids[1], True)
        first.collections.add(ids[2], "รายงานประจำปี")
        body = first.get(ids[0]).body
        first.highlights.add(ids[0], 1, 0, 20, "ประเด็นสำคัญ")
        result = export_warc(first, out, ids)
        expected = {i: (first.get(i), first.tags.of(i), first.notes.of(i), len(first.versions(i))) for i in ids}
        originals = sorted(sha for sha, _ in first.originals.iter_all())
    assert result.articles == len(ids)
    assert warcio_check(out) == 0
    with Archive.open(tmp_path / "b") as second:
        again = import_targets(second, [out])
        assert not again.failed and again.counts[NEW] == len(ids)
        assert sorted(sha for sha, _ in second.originals.iter_all()) == originals
        got = {}
        for i in second.all_ids():
            article = second.get(i)
            got[article.sha256] = (article, second.tags.of(i), second.notes.of(i), len(second.versions(i)))
        for article, tags, note, versions in expected.values():
            other, other_tags, other_note, other_versions = got[article.sha256]
            for field in ("title", "paragraphs", "credits", "date", "category", "language", "source_url", "kind"):
                assert getattr(other, field) == getattr(article, field), field
            assert (other_tags, other_note, other_versions) == (tags, note, versions)
        assert second.collections.counts() == [("รายงานประจำปี", 1)]
        marked = [h for i in second.all_ids() for h in second.highlights.for_article(i)]
        assert [(h.start, h.end, h.quote, h.note) for h in marked] == [(0, 20, body[:20], "ประเด็นสำคัญ")]
        assert sum(second.bookmarks.has(i) for i in second.all_ids()) == 1


def test_export_of_a_collection_and_errors(tmp_path):
    with Archive.open(tmp_path / "a") as archive:
        import_targets(archive, [str(SEED)])
        (article_id,) = archive.all_ids()
        archive.collections.add(article_id, "ส่งต่อ")
        ids, missing = select_ids(archive, ["x", 999], collection="ส่งต่อ")
        assert ids == [999, article_id] and missing == ["'x' is not an article id"]
        with pytest.raises(ExportError, match="no collection named"):
            select_ids(archive, collection="ไม่มี")
        out = tmp_path / "one.warc"
        result = export_warc(archive, out, ids)
        assert result.articles == 1 and result.missing == ["no article 999 in the archive"]
        assert warcio_check(out) == 0
        assert not out.read_bytes().startswith(b"\x1f\x8b")  # .warc: uncompressed
        with pytest.raises(ExportError, match="nothing to export"):
            export_warc(archive, tmp_path / "none.warc.gz", [12345])
        assert not (tmp_path / "none.warc.gz").exists()
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def _write_big_warc(path, pictures: int, picture_bytes: int, pages: int) -> None:
    """A crawl of big pictures (skipped) with small pages between them, written fast."""
    picture = os.urandom(picture_bytes)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for n in range(pictures):
            _response(writer, f"https://example.go.th/img/{n}.jpg", picture, "image/jpeg")
            if n % max(1, pictures // pages) == 0:
                body = (f"<html><head><title>ข่าวหน้าที่ {n} ของการทดสอบไฟล์ใหญ่</title></head><body>"
                        f"<h1>ข่าวหน้าที่ {n} ของการทดสอบไฟล์ใหญ่</h1><p>{'เนื้อข่าว ' * 200}</p></body></html>")
                _response(writer, f"https://example.go.th/news/{n}", body.encode(), "text/html; charset=utf-8")


@pytest.mark.slow
def test_a_big_warc_streams_with_flat_memory(tmp_path):
    psutil = pytest.importorskip("psutil")
    path = tmp_path / "big.warc"
    _write_big_warc(path, pictures=200, picture_bytes=2 * 1024 * 1024, pages=20)
    assert path.stat().st_size > 400 * 1024 * 1024
    gz = tmp_path / "big.warc.gz"  # each record its own gzip member, as warcio writes
    with open(path, "rb") as src, open(gz, "wb") as dst:
        for record_bytes in _split_records(src):
            dst.write(gzip.compress(record_bytes, compresslevel=1))
    process = psutil.Process()
    with Archive.open(tmp_path / "a") as archive:
        for target in (path, gz):
            before = process.memory_info().rss
            peak = [before]

            def watch(_event, peak=peak):
                peak[0] = max(peak[0], process.memory_info().rss)

            summary = import_targets(archive, [target], progress=watch)
            assert not summary.failed
            assert summary.skipped["response image/jpeg"] == 200
            # 400 MB went through; memory grew by a few records' worth at most.
            assert peak[0] - before < 40 * 1024 * 1024, (target.name, (peak[0] - before) >> 20)
        assert archive.count_articles() == 20


def _split_records(fh):
    for record_offset, length in _record_spans(fh):
        fh.seek(record_offset)
        yield fh.read(length)


def _record_spans(fh):
    it = ArchiveIterator(fh)
    spans = []
    for _ in it:
        it.read_to_end()
        spans.append((it.get_record_offset(), it.get_record_length()))
    return spans


def test_a_fetched_page_goes_out_as_a_response_with_the_fetchers_headers(tmp_path):
    """Pages the fetcher downloaded (issue 11) keep their response headers in `fetches`;
    the export gives them back, with the fetch time as WARC-Date."""
    import hashlib

    from reader.core.archive.subscriptions import FetchRecord, Subscriptions
    from reader.core.model import Article

    page = "<html><head><title>ข่าวที่ดึงมาจากเว็บไซต์</title></head><body><p>เนื้อข่าว</p></body></html>".encode()
    url = "https://www.opdc.go.th/content/ODk3"
    with Archive.open(tmp_path / "a") as archive:
        added = archive.add(Article("ข่าวที่ดึงมาจากเว็บไซต์", ["เนื้อข่าวที่ยาวพอ"], source_url=url, kind="html"),
                            page, url)
        Subscriptions(archive).record_fetch(hashlib.sha256(page).hexdigest(), None, FetchRecord(
            url, url, 200, [("Content-Type", "text/html; charset=utf-8"), ("ETag", '"ODk3"'),
                            ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
            "2026-11-30T01:02:03.456789+00:00"))
        export_warc(archive, tmp_path / "out.warc.gz", [added.article_id])
    kind, headers, http, payload = list(_records(tmp_path / "out.warc.gz"))[1]
    assert kind == "response" and payload == page
    assert headers.get_header("WARC-Target-URI") == url
    assert headers.get_header("WARC-Date") == "2026-11-30T01:02:03Z"
    assert http.get_statuscode() == "200" and http.get_header("ETag") == '"ODk3"'
    # the stored bytes are the decoded body: the wire encodings no longer describe them
    assert http.get_header("Content-Encoding") is None and http.get_header("Transfer-Encoding") is None
    assert http.get_header("Content-Length") == str(len(page))
    assert warcio_check(tmp_path / "out.warc.gz") == 0
