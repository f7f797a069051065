"""`export --warc`, `--cite` and `--dc` as a user runs them, and a WARC import from the CLI."""

from __future__ import annotations

import json

import bibtexparser
import rispy
from lxml import etree

from tests.cli.test_cli import SEED_TITLE, cli
from tests.conftest import SEED
from tests.core.test_warc import PRACHATAI, corpus_warc, warcio_check


def test_warc_import_and_export_from_the_command_line(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    corpus_warc(crawl)
    arch = tmp_path / "arch"
    out = json.loads(cli("import", str(crawl), str(SEED), "--json", archive=arch).stdout)
    assert out["new"] == 4 and out["unchanged"] == 1
    assert out["skipped"] == {"request record": 2, "response 404": 1, "response image/png": 1,
                              "warcinfo record": 1}
    shown = json.loads(cli("show", "1", "--json", archive=arch).stdout)
    assert shown["captures"][0]["target_uri"] == PRACHATAI
    cli("tag", "4", "อาเซียน", "ส่งต่อ", archive=arch)

    warc = tmp_path / "all.warc.gz"
    text = cli("export", "--warc", str(warc), "--all", archive=arch).stdout
    assert text.startswith(f"written: {warc} (4 articles, 4 originals, 9 records)")
    assert warcio_check(warc) == 0
    tagged = tmp_path / "tagged.warc.gz"
    assert "(1 articles, 1 originals, 3 records)" in cli(
        "export", "--warc", str(tagged), "--query", "tag:ส่งต่อ", archive=arch).stdout

    again = tmp_path / "again"
    back = json.loads(cli("import", str(warc), "--json", archive=again).stdout)
    assert back["new"] == 4 and back["failed"] == []
    assert json.loads(cli("show", "4", "--json", archive=again).stdout)["tags"] == ["ส่งต่อ", "อาเซียน"]


def test_citations_and_dublin_core_from_the_command_line(tmp_path):
    arch = tmp_path / "arch"
    cli("import", str(SEED), archive=arch)
    apa = cli("export", "--cite", "apa", "1", archive=arch).stdout
    assert apa.startswith(SEED_TITLE + ". (2556, 26 สิงหาคม). สืบค้นเมื่อ ")  # a text copy: no URL, no agency
    bib = tmp_path / "refs.bib"
    proc = cli("export", "--cite", "bibtex", "1", "--out", str(bib), archive=arch)
    assert proc.stdout == "" and "written" in proc.stderr
    library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    assert library.entries[0]["title"] == SEED_TITLE
    ris = rispy.loads(cli("export", "--cite", "ris", "1", archive=arch).stdout)
    assert ris[0]["title"] == SEED_TITLE
    csl = json.loads(cli("export", "--cite", "csl-json", "1", archive=arch).stdout)
    assert csl[0]["issued"] == {"date-parts": [[2013, 8, 26]]}
    root = etree.fromstring(cli("export", "--dc", "1", archive=arch).stdout.encode("utf-8"))
    assert root.findtext("{http://purl.org/dc/elements/1.1/}title") == SEED_TITLE

    missing = cli("export", "--cite", "apa", "1", "99", archive=arch, check=False)
    assert missing.returncode == 1 and "no article 99" in missing.stderr and SEED_TITLE in missing.stdout
    none = cli("export", "--warc", str(tmp_path / "x.warc.gz"), "--collection", "ไม่มี", archive=arch, check=False)
    assert none.returncode == 2 and "no collection named" in none.stderr
    bad = cli("export", "--cite", "mla", "1", archive=arch, check=False)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
