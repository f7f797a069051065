"""Subscription lists in and out as OPML 2.0 (http://opml.org/spec2.opml), the format
every feed reader imports and exports.

A feed is an `<outline type="rss" xmlUrl=...>`, as the spec says. Listing and single
pages, which other readers do not know, are `<outline type="link" url=...>`; the kind
and refresh interval travel in attributes of our own namespace, which other readers
ignore. Import reads every outline at any depth (readers group feeds in folders), takes
what it understands and says what it skipped.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reader import __version__
from reader.core.archive import Archive, ArchiveError
from reader.core.archive.subscriptions import DEFAULT_EVERY, Subscriptions, every_text, parse_every

NS = "urn:opdc-reader:opml"
MAX_BYTES = 10 * 1024 * 1024


def export_opml(archive: Archive, out: str | Path) -> int:
    """Write every source to `out`; returns how many."""
    root = etree.Element("opml", version="2.0", nsmap={"opdc": NS})
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = "OPDC Reader sources"
    etree.SubElement(head, "dateCreated").text = email.utils.formatdate(usegmt=True)
    etree.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    etree.SubElement(head, "generator").text = f"OPDC Reader {__version__}"
    body = etree.SubElement(root, "body")
    sources = Subscriptions(archive).all()
    for s in sources:
        node = etree.SubElement(body, "outline", text=s.name or s.url)
        if s.name:
            node.set("title", s.name)
        if s.kind == "feed":
            node.set("type", "rss")
            node.set("xmlUrl", s.url)
        else:
            node.set("type", "link")
            node.set("url", s.url)
        node.set(f"{{{NS}}}kind", s.kind)
        node.set(f"{{{NS}}}every", every_text(s.every_seconds))
        if not s.enabled:
            node.set(f"{{{NS}}}enabled", "false")
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    path = Path(out)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
    return len(sources)


@dataclass
class OpmlImport:
    added: list[int] = field(default_factory=list)  # source ids
    already: int = 0
    skipped: list[str] = field(default_factory=list)  # why, one line each


def import_opml(archive: Archive, path: str | Path) -> OpmlImport:
    """Follow every feed and page an OPML file lists. ValueError when it is not OPML."""
    data = Path(path).read_bytes()
    if len(data) > MAX_BYTES:
        raise ValueError(f"{path} is too large for a list of subscriptions")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"{path} is not readable OPML: {exc}") from None
    if etree.QName(root).localname != "opml":
        raise ValueError(f"{path} is not an OPML file (its root is <{etree.QName(root).localname}>)")
    result = OpmlImport()
    subs = Subscriptions(archive)
    have = {s.url for s in subs.all()}
    for node in root.iter("outline"):
        url, kind = _address(node)
        if url is None:
            continue  # a folder, or a plain note
        if url in have:
            result.already += 1
            continue
        try:
            every = parse_every(node.get(f"{{{NS}}}every") or "") if node.get(f"{{{NS}}}every") else DEFAULT_EVERY
            name = node.get("title") or node.get("text") or ""
            added = subs.add(url, kind, "" if name == url else name, every)
        except (ValueError, ArchiveError) as exc:
            result.skipped.append(f"{url}: {exc}")
            continue
        if node.get(f"{{{NS}}}enabled") == "false":
            subs.edit(added.id, enabled=False)
        have.add(url)
        result.added.append(added.id)
    return result


def _address(node: etree._Element) -> tuple[str | None, str]:
    kind = node.get(f"{{{NS}}}kind")
    feed = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
    if feed:
        return feed, kind if kind in ("feed", "listing", "page") else "feed"
    link = (node.get("url") or node.get("htmlUrl") or "").strip() if node.get("type") == "link" else ""
    if link:
        return link, kind if kind in ("listing", "page") else "page"
    return None, ""
