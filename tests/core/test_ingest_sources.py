"""Files, folders, zips and URLs: what iter_sources yields, and the failures it reports
while the rest of the batch goes on."""

from __future__ import annotations

import http.server
import io
import threading
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from reader.core.ingest import (
    Failure,
    IngestError,
    Limits,
    Source,
    extract,
    is_bundle,
    iter_sources,
)

MB = 1024 * 1024
PAGE = "หัวข้อข่าวทดสอบ\n\nวันพุธที่ 27 กันยายน 2566\nเนื้อหาข่าวทดสอบสำหรับการนำเข้าจากแหล่งต่าง ๆ\n"


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def split(items):
    sources = [i for i in items if isinstance(i, Source)]
    failures = [i for i in items if isinstance(i, Failure)]
    return sources, failures


def test_single_file(seed_path):
    (source,) = list(iter_sources(seed_path))
    assert source.name == str(seed_path) and source.origin == str(seed_path)
    assert source.data == seed_path.read_bytes() and source.url is None


def test_missing_path(tmp_path):
    (failure,) = list(iter_sources(tmp_path / "nope.txt"))
    assert isinstance(failure, Failure) and failure.reason == "no such file or folder"


def test_folder_is_walked_recursively_skipping_page_assets(tmp_path, seed_bytes):
    (tmp_path / "a.txt").write_bytes(seed_bytes)
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>" + "ข่าว " * 40 + "</p></body></html>", "utf-8")
    (tmp_path / "sub" / "deeper" / "c.txt").write_text(PAGE, "utf-8")
    (tmp_path / "sub" / "b_files").mkdir()
    for asset in ("style.css", "logo.png", "app.js", "ads_frame.html"):
        (tmp_path / "sub" / "b_files" / asset).write_bytes(b"\x89PNG asset")
    (tmp_path / ".hidden.txt").write_text(PAGE, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    sources, failures = split(list(iter_sources(tmp_path)))
    names = sorted(Path(s.name).relative_to(tmp_path).as_posix() for s in sources)
    assert names == ["a.txt", "empty.txt", "sub/b.html", "sub/deeper/c.txt"]
    assert not failures
    assert all(s.origin == str(tmp_path) for s in sources)
    results = {}
    for source in sources:
        try:
            results[Path(source.name).name] = extract(source)
        except IngestError as exc:
            results[Path(source.name).name] = str(exc)
    assert results["empty.txt"] == "empty file"
    assert results["c.txt"][0].title == "หัวข้อข่าวทดสอบ"
    assert results["a.txt"][0].category == "ข่าวเด่น"


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(200 * MB)  # sparse: 200 MB long, nothing written
    (tmp_path / "ok.txt").write_text(PAGE, "utf-8")
    tracemalloc.start()
    items = list(iter_sources(tmp_path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sources, failures = split(items)
    assert [f.reason for f in failures] == ["file too large (200 MB > 50 MB limit)"]
    assert [Path(s.name).name for s in sources] == ["ok.txt"]
    assert peak < 5 * MB


def test_extract_refuses_oversized_bytes():
    with pytest.raises(IngestError, match=r"file too large \(2048 bytes > 1000 bytes limit\)"):
        extract(Source("x.txt", b"a" * 2048, "x"), Limits(max_file_bytes=1000))


def test_zip_members_and_nested_zip(tmp_path, seed_bytes):
    inner = zip_bytes({"inner/page.txt": PAGE.encode("utf-8")})
    path = tmp_path / "pages.zip"
    path.write_bytes(zip_bytes({"seed.txt": seed_bytes, "more/inner.zip": inner, "img/x.png": b"\x89PNG"}))
    sources, failures = split(list(iter_sources(path)))
    assert not failures
    assert [s.name for s in sources] == [f"{path}/seed.txt", f"{path}/more/inner.zip/inner/page.txt"]
    assert all(s.origin == str(path) for s in sources)
    assert extract(sources[1])[0].title == "หัวข้อข่าวทดสอบ"


def test_bad_zip_fails_alone(tmp_path):
    (tmp_path / "a_bad.zip").write_bytes(zip_bytes({"../../etc/evil.txt": b"x"}))
    (tmp_path / "b_bomb.zip").write_bytes(zip_bytes({"bomb.txt": b"\0" * (20 * MB)}))
    (tmp_path / "c_broken.zip").write_bytes(b"PK\x03\x04" + b"\0" * 50)
    (tmp_path / "d_ok.txt").write_text(PAGE, "utf-8")
    sources, failures = split(list(iter_sources(tmp_path)))
    reasons = {Path(f.name).name: f.reason for f in failures}
    assert "outside the archive" in reasons["a_bad.zip"]
    assert "zip bomb" in reasons["b_bomb.zip"]
    assert "not a readable zip" in reasons["c_broken.zip"]
    assert [Path(s.name).name for s in sources] == ["d_ok.txt"]


def test_zips_nested_too_deep(tmp_path):
    data = zip_bytes({"page.txt": PAGE.encode("utf-8")})
    for level in range(4):
        data = zip_bytes({f"level{level}.zip": data})
    path = tmp_path / "deep.zip"
    path.write_bytes(data)
    sources, failures = split(list(iter_sources(path, Limits(max_depth=3))))
    assert not sources
    assert len(failures) == 1 and "more than 3 deep" in failures[0].reason


def test_office_file_is_not_opened_as_a_zip(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}))
    (failure,) = list(iter_sources(path))
    assert "Word, Excel or PowerPoint" in failure.reason


def test_bundle_is_passed_whole(tmp_path):
    data = zip_bytes({"opdc-bundle.json": b"{}", "originals/ab/cd": PAGE.encode("utf-8")})
    assert is_bundle(data) and not is_bundle(zip_bytes({"a.txt": b"x"})) and not is_bundle(b"text")
    path = tmp_path / "backup.zip"
    path.write_bytes(data)
    (source,) = list(iter_sources(path))
    assert source.data == data
    outer = tmp_path / "outer.zip"
    outer.write_bytes(zip_bytes({"backup.zip": data}))
    (source,) = list(iter_sources(outer))
    assert source.data == data and source.name == f"{outer}/backup.zip"
    with pytest.raises(IngestError, match="backup bundle"):
        extract(source)


# ---------------------------------------------------------------- URLs (127.0.0.1 only)

FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>ข่าวจากฟีดออนไลน์</title><link>http://127.0.0.1/a/1</link>
<description>เนื้อหาข่าวจากฟีดออนไลน์ทดสอบ</description></item></channel></rss>"""


class Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self):  # noqa: N802 - http.server's name
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(seed_bytes):
    Handler.routes = {
        "/seed.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, seed_bytes),
        "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, FEED.encode("utf-8")),
        "/moved": (301, {"Location": "/page.txt"}, b""),
        "/page.txt": (200, {}, PAGE.encode("utf-8")),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/pages.zip": (200, {}, zip_bytes({"p.txt": PAGE.encode("utf-8")})),
        "/big": (200, {}, b"x" * 5000),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_text_page(server):
    (source,) = list(iter_sources(server + "/seed.txt"))
    assert source.url == server + "/seed.txt"
    article = extract(source)[0]
    assert article.category == "ข่าวเด่น"
    assert article.source_url == server + "/seed.txt"  # the page names none itself


def test_url_feed(server):
    (source,) = list(iter_sources(server + "/feed.xml"))
    (article,) = extract(source)
    assert article.title == "ข่าวจากฟีดออนไลน์" and article.source_url == "http://127.0.0.1/a/1"


def test_url_redirect_gives_the_final_address(server):
    (source,) = list(iter_sources(server + "/moved"))
    assert source.url == server + "/page.txt" and source.name == server + "/moved"


def test_url_failures(server):
    (missing,) = list(iter_sources(server + "/nothing"))
    assert missing.reason == "the server answered 404 Not Found"
    (to_file,) = list(iter_sources(server + "/to-file"))
    assert isinstance(to_file, Failure) and "file:///etc/passwd" in to_file.reason
    (big,) = list(iter_sources(server + "/big", Limits(max_file_bytes=1000)))
    assert big.reason == "file too large (5000 bytes > 1000 bytes limit)"
    (refused,) = list(iter_sources("http://127.0.0.1:9/"))
    assert refused.reason.startswith("cannot fetch")


def test_url_zip(server):
    (source,) = list(iter_sources(server + "/pages.zip"))
    assert source.name == server + "/pages.zip/p.txt"


# ---------------------------------------------------------------- tar archives


def make_tar(path: Path, members: dict[str, bytes], mode: str = "w:gz", link: str | None = None) -> None:
    import tarfile

    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        if link:
            info = tarfile.TarInfo(link)
            info.type = tarfile.SYMTYPE
            info.linkname = "/etc/passwd"
            tf.addfile(info)


@pytest.mark.parametrize("mode, suffix", [("w:gz", ".tar.gz"), ("w:xz", ".tar.xz"), ("w:bz2", ".tar.bz2"), ("w", ".tar")])
def test_tar_archives(tmp_path, mode, suffix):
    path = tmp_path / f"corpus{suffix}"
    make_tar(
        path,
        {
            "thaigov/README.md": b"# about this corpus",
            "thaigov/LICENSE": b"Apache License",
            "thaigov/data/2023/09/28/x_1.txt": PAGE.encode("utf-8"),
            "../evil.txt": b"x",
            "thaigov/data/big.txt": b"b" * 3000,
        },
        mode,
        link="thaigov/link.txt",
    )
    sources, failures = split(list(iter_sources(path, Limits(max_file_bytes=2000))))
    assert [s.name for s in sources] == [f"{path}/thaigov/data/2023/09/28/x_1.txt"]
    reasons = {f.name.rsplit("/", 1)[-1]: f.reason for f in failures}
    assert "outside the archive" in reasons["evil.txt"]
    assert reasons["big.txt"] == "file too large (3000 bytes > 2000 bytes limit)"
    assert "link" in reasons["link.txt"]
    article = extract(sources[0])[0]
    assert article.category == "x" and article.title == "หัวข้อข่าวทดสอบ"


def test_truncated_tar_keeps_what_was_read(tmp_path):
    path = tmp_path / "cut.tar.gz"
    make_tar(path, {f"p{i}.txt": (PAGE + "ข้อมูลสุ่ม " * 200 + str(i)).encode("utf-8") * 3 for i in range(40)})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    sources, failures = split(list(iter_sources(path)))
    assert sources and len(sources) < 40
    assert len(failures) == 1 and "damaged or cut off" in failures[0].reason


def test_real_files_in_a_folder_and_a_zip(tmp_path):
    from tests.conftest import need_corpus

    samples = need_corpus("thaigov-samples")
    html = need_corpus("html")
    feeds = need_corpus("feeds")
    members = {f"thaigov/{p.name}": p.read_bytes() for p in sorted(samples.iterdir())}
    members |= {f"html/{p.name}": p.read_bytes() for p in sorted(html.glob("*.html"))}
    members |= {f"feeds/{p.name}": p.read_bytes() for p in sorted(feeds.glob("*.xml"))}
    path = tmp_path / "librarian.zip"
    path.write_bytes(zip_bytes(members))
    sources, failures = split(list(iter_sources(path)))
    assert not failures and len(sources) == len(members)
    articles, refused = [], {}
    for source in sources:
        try:
            articles.extend(extract(source))
        except IngestError as exc:
            refused[source.name.rsplit("/", 1)[-1]] = str(exc)
    # the list pages and the redirect stub are refused, each with its own reason
    assert sorted(refused) == [
        "opdc.go.th_homepage_2018-03.html",
        "prd.go.th_homepage-redirect_2018.html",
        "smoi.moi.go.th_2019-08_procurement-news-list-v2_cp874.html",
        "smoi.moi.go.th_2019-08_procurement-news-list_cp874.html",
    ]
    assert len(articles) == 7 + 3 + (25 + 9 + 10 + 20 + 10)
    assert all(a.title and a.paragraphs for a in articles)


def test_large_bundle_is_still_a_bundle(tmp_path):
    data = zip_bytes({"opdc-bundle.json": b"{}", "originals/ab/cd": bytes(range(256)) * 40})
    path = tmp_path / "backup.zip"
    path.write_bytes(data)
    (source,) = list(iter_sources(path, Limits(max_file_bytes=1000)))
    assert isinstance(source, Source) and source.data == data


def test_file_name_and_path_inside_are_kept_as_provenance(tmp_path, monkeypatch):
    """The catalog names the file an article came from, with its path inside the
    folder, zip or tar; not only the folder the import was started on (issue 12)."""
    import tarfile

    from reader.core.archive import Archive
    from reader.core.importer import import_targets

    folder = tmp_path / "in"
    (folder / "2566" / "09").mkdir(parents=True)
    (folder / "2566" / "09" / "a.txt").write_text(PAGE, encoding="utf-8")
    other = PAGE.replace("ทดสอบ", "ที่สอง")
    (folder / "b.zip").write_bytes(zip_bytes({"news/b.txt": other.encode()}))
    third = PAGE.replace("ทดสอบ", "ที่สาม").encode()
    with tarfile.open(folder / "c.tar.gz", "w:gz") as tf:
        info = tarfile.TarInfo("pages/c.txt")
        info.size = len(third)
        tf.addfile(info, io.BytesIO(third))
    monkeypatch.chdir(tmp_path)  # a relative target still gives absolute provenance
    with Archive.open(tmp_path / "arc") as archive:
        summary = import_targets(archive, ["in"])
        assert not summary.failed and len(summary.article_ids) == 3
        origins = {s["origin"] for aid in summary.article_ids for s in archive.sources(aid)}
    assert origins == {
        str(folder / "2566" / "09" / "a.txt"),
        str(folder / "b.zip" / "news" / "b.txt"),
        str(folder / "c.tar.gz" / "pages" / "c.txt"),
    }
