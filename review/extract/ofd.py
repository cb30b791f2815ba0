"""OFD (GB/T 33190): a zip of XML. Page text from TextCode elements, DocInfo metadata and custom
data, annotations, attachments, and text objects that are invisible or white."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from xml.etree import ElementTree

from review.archive import Archive
from review.errors import QT_TRANSLATE_NOOP
from review.extract.base import Budget, Extraction, StreamBuilder, fixed_stream, hidden_finding
from review.model import Channel, Location, Severity


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [c for c in el.iter() if _local(c.tag) == name]


def _resolve(base_file: str, ref: str) -> str:
    ref = ref.strip()
    if ref.startswith("/"):
        return ref.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_file), ref))


def extract_ofd(name: str, data: bytes, depth: int = 0, budget: Budget | None = None) -> Extraction:
    out = Extraction(page_count=0)
    with Archive(name, data) as zf:  # every part inflated under a cap (review.archive)
        names = set(zf.namelist())

        def xml(part: str) -> ElementTree.Element | None:
            if part not in names:
                out.unreadable.append(part)
                return None
            try:
                return ElementTree.fromstring(zf.read(part))
            except ElementTree.ParseError:
                out.unreadable.append(part)
                return None

        root = xml("OFD.xml")
        if root is None:
            return out
        for doc_info in _children(root, "DocInfo"):
            _doc_info(doc_info, out)
        for doc_root in _children(root, "DocRoot"):
            doc_path = _resolve("OFD.xml", doc_root.text or "")
            document = xml(doc_path)
            if document is None:
                continue
            pages = _children(document, "Page")
            page_ids: dict[str, int] = {}
            for index, page in enumerate(pages):
                page_ids[page.get("ID", str(index))] = index
                content_path = _resolve(doc_path, page.get("BaseLoc", ""))
                content = xml(content_path)
                if content is not None:
                    _page(content, content_path, index, out)
            out.page_count = (out.page_count or 0) + len(pages)
            for annotations in _children(document, "Annotations"):
                _annotations(xml, _resolve(doc_path, annotations.text or ""), page_ids, out)
            for attachments in _children(document, "Attachments"):
                _attachments(zf, xml, _resolve(doc_path, attachments.text or ""), out, depth, budget)
    for part in out.unreadable:
        out.findings.append(
            hidden_finding(
                "HID-UNREADABLE",
                Severity.BLOCKING,
                QT_TRANSLATE_NOOP("Rules", "部件无法读取，需人工审查"),
                Channel.VISIBLE,
                Location(part=part),
            )
        )
    return out


def _doc_info(doc_info: ElementTree.Element, out: Extraction) -> None:
    filled = []
    for el in doc_info.iter():
        value = (el.text or "").strip()
        if not value or len(el):
            continue
        field = el.get("Name") or _local(el.tag)
        if _local(el.tag) in ("Author", "Subject", "Abstract", "Keyword", "CustomData"):
            filled.append(field)
        stream = fixed_stream(Channel.METADATA, value, Location(part="OFD.xml", detail=f"DocInfo {field}"))
        if stream:
            out.streams.append(stream)
    if filled:
        out.findings.append(
            hidden_finding(
                "HID-META",
                Severity.INFO,
                QT_TRANSLATE_NOOP("Rules", "文档信息含作者、摘要或自定义数据（发布前清除）"),
                Channel.METADATA,
                Location(part="OFD.xml", detail="、".join(dict.fromkeys(filled))),
            )
        )


def _page(content: ElementTree.Element, part: str, index: int, out: Extraction) -> None:
    visible = StreamBuilder(Channel.VISIBLE, part=part, page=index)
    objects = _children(content, "TextObject")
    for number, obj in enumerate(objects):
        text = "".join(code.text or "" for code in _children(obj, "TextCode"))
        if not text.strip():
            continue
        fill = next((c.get("Value", "") for c in obj if _local(c.tag) == "FillColor"), "")
        hidden = obj.get("Visible", "true").lower() == "false" or fill.split() == ["255", "255", "255"]
        if hidden:
            location = Location(page=index, part=part, paragraph=number, detail="不可见或白色文字")
            out.findings.append(
                hidden_finding(
                    "HID-TEXT",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "读者看不到的文字"),
                    Channel.HIDDEN_TEXT,
                    location,
                    text[:200],
                )
            )
            stream = fixed_stream(Channel.HIDDEN_TEXT, text, location)
            if stream:
                out.streams.append(stream)
            continue
        visible.add(text, number, 0)
        visible.end_paragraph()
    stream = visible.stream()
    if stream:
        out.streams.append(stream)


def _annotations(xml, path: str, page_ids: dict[str, int], out: Extraction) -> None:  # type: ignore[no-untyped-def]
    index = xml(path)
    if index is None:
        return
    for page in _children(index, "Page"):
        page_no = page_ids.get(page.get("PageID", ""))
        for loc in _children(page, "FileLoc"):
            annot_path = _resolve(path, loc.text or "")
            annots = xml(annot_path)
            if annots is None:
                continue
            for annot in _children(annots, "Annot"):
                text = "\n".join(t.strip() for t in annot.itertext() if t.strip())
                location = Location(page=page_no, part=annot_path, detail=annot.get("Type", "Annot"))
                out.findings.append(
                    hidden_finding(
                        "HID-ANNOT",
                        Severity.WARNING,
                        QT_TRANSLATE_NOOP("Rules", "注释或批注（发布前应删除）"),
                        Channel.ANNOTATION,
                        location,
                        text[:200],
                    )
                )
                stream = fixed_stream(Channel.ANNOTATION, text, location)
                if stream:
                    out.streams.append(stream)


def _attachments(
    zf: Archive,
    xml: Callable[[str], ElementTree.Element | None],
    path: str,
    out: Extraction,
    depth: int,
    budget: Budget | None,
) -> None:
    from review.extract.dispatch import add_attachment, unreadable_attachment

    index = xml(path)
    if index is None:
        return
    for attachment in _children(index, "Attachment"):
        name = attachment.get("Name") or attachment.get("ID") or "附件"
        out.findings.append(
            hidden_finding(
                "HID-EMBED",
                Severity.WARNING,
                QT_TRANSLATE_NOOP("Rules", "附件（随文档一同发布）"),
                Channel.EMBEDDED_FILE,
                Location(part=path, detail=name),
            )
        )
        # Opened by content: an OFD attachment's name often has no extension at all.
        for loc in _children(attachment, "FileLoc"):
            file_path = _resolve(path, loc.text or "")
            if file_path in zf:
                add_attachment(out, name, zf.read(file_path), depth + 1, budget)
            else:
                unreadable_attachment(out, name, "附件文件不存在")
