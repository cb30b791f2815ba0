"""A cleaned DOCX: what a reader sees of the body and nothing else the file used to carry.

Tracked insertions accepted and deletions dropped, comments and their anchors removed, hidden
(vanish) runs removed, field codes reduced to their results, document properties, custom XML,
document variables, embedded objects, image alt text and the thumbnail dropped, and every text the reviewer
decided to remove cut out of the runs that carry it.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from review.extract.docx import W

_DROP_PARTS = re.compile(
    r"^(word/comments\w*\.xml|word/people\.xml|docProps/custom\.xml|docProps/thumbnail\.\w+|customXml/.*"
    r"|word/embeddings/.*)$"
)
_NAMESPACES = {
    "w": W.strip("{}"),
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_MINIMAL_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>'
)


def clean_docx(data: bytes, remove_texts: list[str] | None = None, title: str = "") -> bytes:
    for prefix, uri in _NAMESPACES.items():
        ElementTree.register_namespace(prefix, uri)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            name = item.filename
            if _DROP_PARTS.match(name):
                continue
            content = src.read(name)
            if re.match(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", name):
                content = _clean_part(content, remove_texts or [])
            elif name == "word/settings.xml":
                content = re.sub(rb"<w:docVars>.*?</w:docVars>", b"", content, flags=re.S)
            elif name == "docProps/core.xml":
                content = _MINIMAL_CORE.format(title=_xml_escape(title)).encode("utf-8")
            elif name == "docProps/app.xml":
                content = re.sub(rb"<(Company|Manager)>.*?</\1>", b"", content, flags=re.S)
            elif name.endswith(".rels") or name == "[Content_Types].xml":
                content = re.sub(
                    rb"<(Relationship|Override)\b[^>]*(comments|people|custom\.xml|thumbnail|customXml"
                    rb"|embeddings)[^>]*/>",
                    b"",
                    content,
                )
            dst.writestr(item, content)
    return out.getvalue()


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clean_part(content: bytes, remove_texts: list[str]) -> bytes:
    root = ElementTree.fromstring(content)
    parents = {child: parent for parent in root.iter() for child in parent}
    for el in list(root.iter()):
        tag = el.tag
        parent = parents.get(el)
        if parent is None:
            continue
        if tag in (f"{W}del", f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}instrText") or (
            tag == f"{W}r" and (el.find(f"{W}commentReference") is not None or _vanished(el))
        ):
            parent.remove(el)
        elif tag == f"{W}ins":
            index = list(parent).index(el)
            parent.remove(el)
            for offset, child in enumerate(list(el)):
                parent.insert(index + offset, child)
    for docpr in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        for attribute in ("descr", "title"):
            docpr.attrib.pop(attribute, None)
    if remove_texts:
        for paragraph in root.iter(f"{W}p"):
            _cut(paragraph, remove_texts)
    return ElementTree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _vanished(run: ElementTree.Element) -> bool:
    rpr = run.find(f"{W}rPr")
    vanish = rpr.find(f"{W}vanish") if rpr is not None else None
    return vanish is not None and vanish.get(f"{W}val") not in ("0", "false")


def _cut(paragraph: ElementTree.Element, remove_texts: list[str]) -> None:
    """Removes each text from the paragraph even where it runs over several runs."""
    nodes = [t for t in paragraph.iter(f"{W}t")]
    text = "".join(t.text or "" for t in nodes)
    spans = []
    for target in remove_texts:
        start = text.find(target) if target else -1
        while start != -1:
            spans.append((start, start + len(target)))
            start = text.find(target, start + 1)
    if not spans:
        return
    position = 0
    for node in nodes:
        value = node.text or ""
        kept = "".join(
            ch for i, ch in enumerate(value, start=position) if not any(s <= i < e for s, e in spans)
        )
        position += len(value)
        node.text = kept
