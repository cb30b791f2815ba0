"""DOCX: every part a Word file carries, with paragraph and character offsets.

Body, headers and footers, footnotes and endnotes, comments, text boxes, tracked insertions and
deletions, hidden (vanish) text, field codes, image alt text, core/app/custom properties,
document variables, custom XML parts, embedded objects and thumbnails. Read with the standard
library's XML parser straight from the zip (review.archive: every part inflated under a cap):
python-docx shows only the body.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from review.archive import Archive
from review.errors import QT_TRANSLATE_NOOP
from review.extract.base import Budget, Extraction, StreamBuilder, fixed_stream, hidden_finding
from review.model import Channel, Location, Severity

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

_PART_CHANNELS = (
    (re.compile(r"word/document\.xml$"), Channel.VISIBLE),
    (re.compile(r"word/(header|footer)\d*\.xml$"), Channel.HEADER_FOOTER),
    (re.compile(r"word/(footnotes|endnotes)\.xml$"), Channel.NOTE),
    (re.compile(r"word/comments\.xml$"), Channel.COMMENT),
)


def extract_docx(name: str, data: bytes, depth: int = 0, budget: Budget | None = None) -> Extraction:
    out = Extraction()
    with Archive(name, data) as zf:
        names = zf.namelist()
        for part in sorted(names):
            channel = next((c for pattern, c in _PART_CHANNELS if pattern.match(part)), None)
            if channel is None:
                continue
            try:
                root = ElementTree.fromstring(zf.read(part))
            except ElementTree.ParseError:
                out.unreadable.append(part)
                out.findings.append(
                    hidden_finding(
                        "HID-UNREADABLE",
                        Severity.BLOCKING,
                        QT_TRANSLATE_NOOP("Rules", "部件无法解析，需人工审查"),
                        channel,
                        Location(part=part),
                    )
                )
                continue
            _WordPart(part, channel, out).read(root)
        _properties(zf, names, out)
        _settings(zf, names, out)
        _custom_xml(zf, names, out)
        _embedded(zf, names, out, depth, budget)
        _alt_chunks(zf, names, out, depth, budget)
        if any(n.startswith("docProps/thumbnail") for n in names):
            out.findings.append(
                hidden_finding(
                    "HID-THUMB",
                    Severity.INFO,
                    QT_TRANSLATE_NOOP("Rules", "文档缩略图（可能显示修改前的内容）"),
                    Channel.METADATA,
                    Location(part="docProps/thumbnail"),
                )
            )
    return out


class _WordPart:
    """Walks one XML part paragraph by paragraph, sending each run's text to its channel's stream."""

    def __init__(self, part: str, channel: Channel, out: Extraction) -> None:
        self.part, self.channel, self.out = part, channel, out
        self.builders: dict[Channel, StreamBuilder] = {}
        self.paragraph = -1
        self.counts: dict[str, int] = {}
        self.text_box_paragraphs: set[ElementTree.Element] = set()

    def builder(self, channel: Channel) -> StreamBuilder:
        if channel not in self.builders:
            self.builders[channel] = StreamBuilder(channel, part=self.part)
        return self.builders[channel]

    def read(self, root: ElementTree.Element) -> None:
        self.text_box_paragraphs = {p for box in root.iter(f"{W}txbxContent") for p in box.iter(f"{W}p")}
        if self.text_box_paragraphs:
            self.out.findings.append(
                hidden_finding(
                    "HID-TEXTBOX",
                    Severity.INFO,
                    QT_TRANSLATE_NOOP("Rules", "文本框（部分工具提取正文时会漏掉）"),
                    Channel.TEXT_BOX,
                    Location(part=self.part),
                )
            )
        for p in root.iter(f"{W}p"):
            self.paragraph += 1
            self._paragraph(p)
        for docpr in root.iter(f"{WP}docPr"):
            alt = " ".join(v for v in (docpr.get("title"), docpr.get("descr")) if v)
            stream = fixed_stream(
                Channel.ALT_TEXT, alt, Location(part=self.part, detail=docpr.get("name") or "")
            )
            if stream:
                self.out.streams.append(stream)
        for builder in self.builders.values():
            stream = builder.stream()
            if stream:
                self.out.streams.append(stream)
        self._summarise()

    def _paragraph(self, p: ElementTree.Element) -> None:
        offset = 0
        in_text_box = p in self.text_box_paragraphs
        for run_parent, node in _runs_in_paragraph(p):
            channel = self._run_channel(run_parent, node, in_text_box)
            text = _run_text(node)
            if not text:
                continue
            self.builder(channel).add(text, self.paragraph, offset)
            offset += len(text)
        for builder in self.builders.values():
            builder.end_paragraph()

    def _run_channel(self, parent: str, run: ElementTree.Element, in_text_box: bool) -> Channel:
        if parent == "del":
            self.counts["del"] = self.counts.get("del", 0) + 1
            return Channel.TRACKED_CHANGE
        if run.tag == f"{W}instrText" or run.find(f"{W}instrText") is not None:
            return Channel.FIELD_CODE
        rpr = run.find(f"{W}rPr")
        if (
            rpr is not None
            and (v := rpr.find(f"{W}vanish")) is not None
            and v.get(f"{W}val") not in ("0", "false")
        ):
            self.counts["vanish"] = self.counts.get("vanish", 0) + 1
            return Channel.HIDDEN_TEXT
        if parent == "ins":
            self.counts["ins"] = self.counts.get("ins", 0) + 1
        if in_text_box:
            return Channel.TEXT_BOX
        return self.channel

    def _summarise(self) -> None:
        location = Location(part=self.part)
        if self.counts.get("del") or self.counts.get("ins"):
            self.out.findings.append(
                hidden_finding(
                    "HID-REVISIONS",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "未接受的修订（删除的文字仍在文件中）"),
                    Channel.TRACKED_CHANGE,
                    location,
                )
            )
        if self.counts.get("vanish"):
            self.out.findings.append(
                hidden_finding(
                    "HID-VANISH",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "隐藏文字（设置为不显示的文字）"),
                    Channel.HIDDEN_TEXT,
                    location,
                )
            )
        if self.channel is Channel.COMMENT and self.paragraph >= 0:
            self.out.findings.append(
                hidden_finding(
                    "HID-COMMENTS",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "批注（发布前应删除）"),
                    Channel.COMMENT,
                    location,
                )
            )


def _runs_in_paragraph(p: ElementTree.Element) -> list[tuple[str, ElementTree.Element]]:
    """(wrapper, run) for the paragraph's own runs in order; nested paragraphs (text boxes) excluded."""
    runs: list[tuple[str, ElementTree.Element]] = []

    def walk(node: ElementTree.Element, wrapper: str) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{W}p" or tag == f"{W}txbxContent":
                continue
            if tag == f"{W}r":
                runs.append((wrapper, child))
                walk(child, wrapper)  # text boxes live inside runs' drawings
            elif tag == f"{W}del":
                walk(child, "del")
            elif tag == f"{W}ins":
                walk(child, "ins")
            else:
                walk(child, wrapper)

    walk(p, "")
    return runs


def _run_text(run: ElementTree.Element) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag in (f"{W}t", f"{W}delText", f"{W}instrText"):
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)


_TELLING_PROPERTIES = {
    "creator",
    "lastModifiedBy",
    "subject",
    "keywords",
    "description",
    "category",
    "Company",
    "Manager",
}


def _properties(zf: Archive, names: list[str], out: Extraction) -> None:
    filled: list[str] = []
    for part in ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"):
        if part not in names:
            continue
        try:
            root = ElementTree.fromstring(zf.read(part))
        except ElementTree.ParseError:
            out.unreadable.append(part)
            continue
        if part.endswith("custom.xml"):
            fields = [(prop.get("name") or "", "".join(prop.itertext()).strip()) for prop in root]
            filled.extend(name for name, value in fields if value)
        else:
            fields = [(el.tag.split("}")[-1], (el.text or "").strip()) for el in root if not len(el)]
            filled.extend(name for name, value in fields if value and name in _TELLING_PROPERTIES)
        for field, value in fields:
            stream = fixed_stream(Channel.METADATA, value, Location(part=part, detail=field))
            if stream:
                out.streams.append(stream)
    if filled:
        out.findings.append(
            hidden_finding(
                "HID-META",
                Severity.INFO,
                QT_TRANSLATE_NOOP("Rules", "文档属性含作者、主题等信息（发布前清除）"),
                Channel.METADATA,
                Location(part="docProps", detail="、".join(dict.fromkeys(filled))),
            )
        )


def _settings(zf: Archive, names: list[str], out: Extraction) -> None:
    if "word/settings.xml" not in names:
        return
    try:
        root = ElementTree.fromstring(zf.read("word/settings.xml"))
    except ElementTree.ParseError:
        out.unreadable.append("word/settings.xml")
        return
    variables = [(v.get(f"{W}name") or "", v.get(f"{W}val") or "") for v in root.iter(f"{W}docVar")]
    for var_name, value in variables:
        stream = fixed_stream(
            Channel.METADATA, value, Location(part="word/settings.xml", detail=f"文档变量 {var_name}")
        )
        if stream:
            out.streams.append(stream)
    if variables:
        out.findings.append(
            hidden_finding(
                "HID-DOCVAR",
                Severity.WARNING,
                QT_TRANSLATE_NOOP("Rules", "文档变量（不显示但随文件保存）"),
                Channel.METADATA,
                Location(part="word/settings.xml", detail="、".join(n for n, _ in variables)),
            )
        )


def _custom_xml(zf: Archive, names: list[str], out: Extraction) -> None:
    for part in names:
        if not re.match(r"customXml/item\d+\.xml$", part):
            continue
        try:
            root = ElementTree.fromstring(zf.read(part))
        except ElementTree.ParseError:
            continue
        text = "\n".join(t.strip() for t in root.itertext() if t.strip())
        stream = fixed_stream(Channel.CUSTOM_XML, text, Location(part=part))
        if stream:
            out.streams.append(stream)
            out.findings.append(
                hidden_finding(
                    "HID-CUSTOMXML",
                    Severity.INFO,
                    QT_TRANSLATE_NOOP("Rules", "自定义 XML 数据（不显示但随文件保存）"),
                    Channel.CUSTOM_XML,
                    Location(part=part),
                    text[:200],
                )
            )


def _embedded(zf: Archive, names: list[str], out: Extraction, depth: int, budget: Budget | None) -> None:
    from review.extract.dispatch import add_attachment

    for part in names:
        if not part.startswith("word/embeddings/") or part.endswith("/"):
            continue
        out.findings.append(
            hidden_finding(
                "HID-EMBED",
                Severity.WARNING,
                QT_TRANSLATE_NOOP("Rules", "嵌入对象或文件（随文档一同发布）"),
                Channel.EMBEDDED_FILE,
                Location(part=part),
            )
        )
        add_attachment(out, part, zf.read(part), depth + 1, budget)


_ALT_CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _alt_chunks(zf: Archive, names: list[str], out: Extraction, depth: int, budget: Budget | None) -> None:
    """altChunk parts: HTML, MHT, RTF, text or another DOCX that Word merges into the body when it
    opens the file. Other readers (and this one's body walk) never see them, so each is opened
    by its content like an attachment."""
    from review.extract.dispatch import add_attachment

    for rels in names:
        if not re.match(r"word/_rels/[^/]+\.rels$", rels):
            continue
        try:
            root = ElementTree.fromstring(zf.read(rels))
        except ElementTree.ParseError:
            out.unreadable.append(rels)
            continue
        for rel in root.iter(_RELS):
            if rel.get("Type") != _ALT_CHUNK or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            part = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            out.findings.append(
                hidden_finding(
                    "HID-ALTCHUNK",
                    Severity.WARNING,
                    QT_TRANSLATE_NOOP("Rules", "嵌入的外来内容块（altChunk，部分工具看不到）"),
                    Channel.EMBEDDED_FILE,
                    Location(part=part),
                )
            )
            if part in names:
                add_attachment(out, part, zf.read(part), depth + 1, budget)
            else:
                from review.extract.dispatch import unreadable_attachment

                unreadable_attachment(out, part, "部件不存在")
