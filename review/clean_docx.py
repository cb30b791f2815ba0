"""A cleaned DOCX: what a reader sees of the document, redacted in place, and nothing else the file
used to carry. It is both the desk's 清理版 and, where LibreOffice is installed, the source the
published PDF is converted from (review/convert.py), so it keeps the layout: tables, text boxes,
headers, footers, page-number fields and the 红头 stay as they were.

Removed:
- tracked changes (insertions and moves accepted, deletions dropped, formatting changes dropped),
  comments with their anchors and parts, hidden text (vanish, set on the run or by its paragraph or
  character style), field codes (reduced to their results; page numbers, references and tables of
  contents stay live), document properties (the title the catalog publishes is the only one left),
  custom XML (parts, inline markup, data bindings), document variables, the attached template,
  mail-merge sources, glossary (building blocks), macros, ActiveX controls, printer settings,
  embedded objects, altChunk parts, external links and hyperlink targets, image alt text and names,
  and the thumbnail.
Redacted: every text the reviewer decided to remove or mask, wherever it stands (body, table
cells, headers, footers, footnotes, endnotes, text boxes, charts and SmartArt), also where it runs
over several runs or is written in traditional characters or full-width digits (the engine's
normalisation). Its place takes a mark run that copies the run's properties, so a mask is set in
the same font and size as the text around it: the masked number, `[已删除]`, or a black box as long
as the text (mark="box"); mark="cut" leaves nothing.

`recheck` re-reads the cleaned file with the DOCX extractor: any removed text in any part, and any
hidden place that should have gone, is reported.
"""

from __future__ import annotations

import copy
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree

from review.extract.docx import W

Element = ElementTree.Element

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_V = "{urn:schemas-microsoft-com:vml}"
_O = "{urn:schemas-microsoft-com:office:office}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_DROP_PARTS = re.compile(
    r"^(word/comments\w*\.xml|word/people\.xml|docProps/custom\.xml|docProps/thumbnail\.\w+|customXml/.*"
    r"|word/embeddings/.*|word/glossary/.*|word/vbaProject\.bin|word/vbaData\.xml|word/activeX/.*"
    r"|word/printerSettings/.*|word/_rels/vbaProject\.bin\.rels)$",
    re.I,
)
# Relationships to what is dropped or lies outside the package.
_DROP_RELATIONSHIPS = re.compile(
    r"/(comments\w*|people|customXml|customXmlProps|custom-properties|thumbnail|glossaryDocument"
    r"|vbaProject|wordVbaData|aFChunk|attachedTemplate|oleObject|package|control|activeXControlBinary"
    r"|printerSettings|mailMergeSource|mailMergeHeaderSource|recipientData|subDocument|frame"
    r"|hyperlink|externalLinkPath)$"
)
_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_DRAWING_TEXT_PARTS = re.compile(r"word/(charts/chart\d*|diagrams/\w+)\.xml$")
_NAMESPACES = {
    "w": W.strip("{}"),
    "r": _R_NS,
    "wp": _WP.strip("{}"),
    "a": _A.strip("{}"),
    "c": _C.strip("{}"),
    "pic": _PIC.strip("{}"),
    "v": _V.strip("{}"),
    "o": _O.strip("{}"),
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "w10": "urn:schemas-microsoft-com:office:word",
}
_MINIMAL_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>'
)
_MINIMAL_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
)

# Elements dropped with everything in them: tracked deletions and moves away, formatting changes
# (they keep the old formatting and its author), comment anchors, altChunks, edit permissions.
_DROP = {
    f"{W}{tag}"
    for tag in (
        "del",
        "moveFrom",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "tblGridChange",
        "trPrChange",
        "tcPrChange",
        "numberingChange",
        "cellDel",
        "cellIns",
        "cellMerge",
        "commentRangeStart",
        "commentRangeEnd",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
        "altChunk",
        "permStart",
        "permEnd",
        "dataBinding",
    )
}
# Elements replaced by their content: accepted insertions and moves, custom XML and smart tags
# around runs (their attributes carry data), hyperlinks (the target is dropped).
_UNWRAP = {f"{W}{tag}" for tag in ("ins", "moveTo", "customXml", "smartTag", "hyperlink")}
# Fields whose code stays: they compute what the page shows (page numbers, references, contents).
_LIVE_FIELDS = {
    "PAGE",
    "NUMPAGES",
    "SECTIONPAGES",
    "SECTION",
    "PAGEREF",
    "REF",
    "NOTEREF",
    "TOC",
    "SEQ",
    "STYLEREF",
}
# Text-bearing elements of a run, in the extractor's reading (review/extract/docx.py _run_text).
_TEXT = f"{W}t"
_BREAKS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
# The order of a run's properties (ECMA-376 CT_RPr), to put a black box's shading in its place.
_RPR_ORDER_NAMES = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_RPR_ORDER = [f"{W}{t}" for t in _RPR_ORDER_NAMES.split(" ")]


def clean_docx(
    data: bytes,
    remove_texts: Iterable[str] | dict[str, str | None] | None = None,
    title: str = "",
    mark: str = "cut",
) -> bytes:
    """`remove_texts`: texts to take out, or text → its replacement (None: removed, marked as `mark`
    says: "cut" nothing, "label" [已删除], "box" a black box)."""
    for prefix, uri in _NAMESPACES.items():
        ElementTree.register_namespace(prefix, uri)
    targets: dict[str, str | None] = (
        dict(remove_texts) if isinstance(remove_texts, dict) else dict.fromkeys(remove_texts or [])
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        dropped = {n for n in names if _DROP_PARTS.match(n)}
        dropped |= _alt_chunk_parts(src, names)
        hidden_styles = (
            _hidden_styles(src.read("word/styles.xml")) if "word/styles.xml" in names else (set(), set())
        )
        for item in src.infolist():
            name = item.filename
            if name in dropped:
                continue
            content = src.read(name)
            if _TEXT_PARTS.match(name):
                content = _clean_part(content, targets, mark, hidden_styles)
            elif _DRAWING_TEXT_PARTS.match(name):
                content = _clean_drawing_text(content, targets, mark)
            elif name == "word/settings.xml":
                content = _clean_settings(content)
            elif name == "docProps/core.xml":
                content = _MINIMAL_CORE.format(title=_xml_escape(title)).encode("utf-8")
            elif name == "docProps/app.xml":
                content = _MINIMAL_APP.encode("utf-8")
            elif name.endswith(".rels"):
                content = _clean_relationships(content, name, dropped)
            elif name == "[Content_Types].xml":
                content = _clean_content_types(content, dropped)
            dst.writestr(item, content)
    return out.getvalue()


def recheck(cleaned: bytes, removed: Iterable[str]) -> tuple[list[tuple[str, str]], list[Any]]:
    """(leaks, survivors) of a cleaned DOCX: each removed text still found, with the channel it is
    in (every part the extractor reads, compared as the engine normalises), and each hidden place
    (a finding of the extractor) that cleaning should have taken out."""
    from review.extract.docx import extract_docx
    from review.model import Channel
    from review.normalize import normalize

    def squash(text: str) -> str:
        return re.sub(r"\s+", "", normalize(text).text)

    extraction = extract_docx("cleaned.docx", cleaned)
    leaks: list[tuple[str, str]] = []
    squashed = [(s.channel, squash(s.text)) for s in extraction.streams]
    for text in removed:
        target = squash(text)
        if not target:
            continue
        for channel, content in squashed:
            if target in content:
                leaks.append((text, f"清理版 DOCX {channel.label}"))
    survivors = [f for f in extraction.findings if f.rule_id in _MUST_GO]
    for stream in extraction.streams:
        if stream.channel is Channel.FIELD_CODE and not _live_instruction(stream.text):
            survivors.extend(f for f in extraction.findings if f.rule_id == "HID-FIELD")
            leaks.append((stream.text[:30], "清理版 DOCX 域代码"))
    return leaks, survivors


def lost_text(cleaned: bytes, unredacted: bytes, targets: dict[str, str | None], mark: str = "cut") -> str:
    """Whether redacting took only what it should: the text of every part of `cleaned` must be that
    of `unredacted` (the same draft cleaned with nothing to remove) with each target replaced by its
    mark. Returns the start of the first text that went missing (or came in), else ""."""
    from review.extract.docx import extract_docx
    from review.model import Channel
    from review.normalize import normalize

    shown = (Channel.VISIBLE, Channel.HEADER_FOOTER, Channel.NOTE, Channel.TEXT_BOX)

    def texts(data: bytes) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for stream in extract_docx("cleaned.docx", data).streams:
            if stream.channel in shown:
                key = (stream.channel.value, stream.locator.locate(0, 0).part or "")
                out[key] = out.get(key, "") + "\n" + stream.text
        return out

    def squash(text: str) -> str:
        return re.sub(r"\s+", "", normalize(text).text)

    before, after = texts(unredacted), texts(cleaned)
    for key in sorted(before.keys() | after.keys()):
        text = before.get(key, "")
        pieces, position = [], 0
        for paragraph in text.split("\n"):
            for start, end, replacement in find_spans(paragraph, targets):
                pieces.append(
                    paragraph[position:start] + (_mark_text(paragraph[start:end], replacement, mark) or "")
                )
                position = end
            pieces.append(paragraph[position:] + "\n")
            position = 0
        expected, actual = squash("".join(pieces)), squash(after.get(key, ""))
        if expected != actual:
            common = next(
                (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
                min(len(expected), len(actual)),
            )
            return expected[common:][:30] or "（多出文字）" + actual[common:][:30]
    return ""


# Hidden places of review/extract/docx.py that a cleaned file must not have.
_MUST_GO = {
    "HID-REVISIONS",
    "HID-VANISH",
    "HID-COMMENTS",
    "HID-DOCVAR",
    "HID-CUSTOMXML",
    "HID-EMBED",
    "HID-ALTCHUNK",
    "HID-META",
    "HID-THUMB",
}


def _live_instruction(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return all(line.split()[0].upper() in _LIVE_FIELDS for line in lines)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- package ------------------------------------------------------------------------------------


def _alt_chunk_parts(src: zipfile.ZipFile, names: list[str]) -> set[str]:
    parts = set()
    for rels in names:
        if not re.match(r"word/_rels/[^/]+\.rels$", rels):
            continue
        try:
            root = ElementTree.fromstring(src.read(rels))
        except ElementTree.ParseError:
            continue
        for rel in root.iter(_PKG_RELS):
            if (rel.get("Type") or "").endswith("/aFChunk") and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                parts.add(target.lstrip("/") if target.startswith("/") else f"word/{target}")
    return parts


_ELEMENT = re.compile(
    rb"<(Relationship|Override)\b([^>]*?)/>|<(Relationship|Override)\b([^>]*?)>.*?</\3>", re.S
)
_ATTRIBUTE = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')


def _attributes(raw: bytes) -> dict[str, str]:
    return {k.decode(): _unescape(v.decode("utf-8", "replace")) for k, v in _ATTRIBUTE.findall(raw)}


def _unescape(text: str) -> str:
    return text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _clean_relationships(content: bytes, name: str, dropped: set[str]) -> bytes:
    """Relationships to dropped parts, of dropped kinds, or to anything outside the package go
    (edited as text: ElementTree cannot write a default namespace with plain attribute names)."""
    base = name.replace("_rels/", "").removesuffix(".rels")
    folder = base.rsplit("/", 1)[0] + "/" if "/" in base else ""

    def keep(match: re.Match[bytes]) -> bytes:
        attributes = _attributes(match.group(2) or match.group(4) or b"")
        target = attributes.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else _resolve(folder + target)
        if (
            _DROP_RELATIONSHIPS.search(attributes.get("Type", ""))
            or attributes.get("TargetMode") == "External"
            or part in dropped
        ):
            return b""
        return match.group(0)

    return _ELEMENT.sub(keep, content)


def _resolve(path: str) -> str:
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _clean_content_types(content: bytes, dropped: set[str]) -> bytes:
    def keep(match: re.Match[bytes]) -> bytes:
        attributes = _attributes(match.group(2) or match.group(4) or b"")
        return b"" if attributes.get("PartName", "").lstrip("/") in dropped else match.group(0)

    return _ELEMENT.sub(keep, content)


def _clean_settings(content: bytes) -> bytes:
    _register_prefixes(content)
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return re.sub(rb"<w:docVars>.*?</w:docVars>", b"", content, flags=re.S)
    for tag in ("docVars", "attachedTemplate", "mailMerge", "rsids", "trackRevisions"):
        for el in root.findall(f"{W}{tag}"):
            root.remove(el)
    return ElementTree.tostring(root, xml_declaration=True, encoding="UTF-8")


# -- styles -------------------------------------------------------------------------------------


def _hidden_styles(content: bytes) -> tuple[set[str], set[str]]:
    """(paragraph styles, character styles) whose text is hidden (vanish), through basedOn."""
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return set(), set()
    styles = {s.get(f"{W}styleId") or "": s for s in root.iter(f"{W}style")}

    def hidden(style_id: str, seen: frozenset[str] = frozenset()) -> bool:
        style = styles.get(style_id)
        if style is None or style_id in seen:
            return False
        rpr = style.find(f"{W}rPr")
        vanish = rpr.find(f"{W}vanish") if rpr is not None else None
        if vanish is not None:
            return vanish.get(f"{W}val") not in ("0", "false", "off")
        based = style.find(f"{W}basedOn")
        return based is not None and hidden(based.get(f"{W}val") or "", seen | {style_id})

    paragraph = {i for i, s in styles.items() if s.get(f"{W}type") == "paragraph" and hidden(i)}
    character = {i for i, s in styles.items() if s.get(f"{W}type") == "character" and hidden(i)}
    return paragraph, character


# -- a text part --------------------------------------------------------------------------------


def _clean_part(
    content: bytes, targets: dict[str, str | None], mark: str, hidden_styles: tuple[set[str], set[str]]
) -> bytes:
    _register_prefixes(content)
    root = ElementTree.fromstring(content)
    parents = {child: parent for parent in root.iter() for child in parent}
    _reduce_fields(root, parents)
    for el in list(root.iter()):
        parent = parents.get(el)
        if parent is None:
            continue
        tag = el.tag
        if tag in _DROP or (
            tag == f"{W}r"
            and (el.find(f"{W}commentReference") is not None or _run_hidden(el, parents, hidden_styles))
        ):
            if el in list(parent):
                parent.remove(el)
        elif tag in _UNWRAP or (tag == f"{W}fldSimple" and not _live(el.get(f"{W}instr") or "")):
            _unwrap(el, parent, parents)
        elif tag == f"{W}sdtPr":
            for name in ("alias", "tag", "placeholder"):
                for child in el.findall(f"{W}{name}"):
                    el.remove(child)
    _strip_names(root)
    if targets:
        for paragraph in root.iter(f"{W}p"):
            _redact_paragraph(paragraph, targets, mark)
    return _serialise(root, content)


_MC_IGNORABLE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable"


def _register_prefixes(content: bytes) -> None:
    """Keeps the part's own namespace prefixes (w14, w15, wps …): mc:Ignorable names them."""
    head = content[:4096].decode("utf-8", "replace")
    for prefix, uri in re.findall(r'xmlns:(\w+)="([^"]+)"', head):
        if not re.match(r"ns\d+$", prefix) and prefix != "xml":
            ElementTree.register_namespace(prefix, uri)


def _serialise(root: Element, content: bytes) -> bytes:
    """The part as XML. ElementTree declares only the namespaces still used, so mc:Ignorable keeps
    only the prefixes that are declared (Word refuses an Ignorable prefix it cannot resolve)."""
    ignorable = root.get(_MC_IGNORABLE)
    if ignorable:
        used = {el.tag[1:].split("}")[0] for el in root.iter() if el.tag.startswith("{")}
        used |= {a[1:].split("}")[0] for el in root.iter() for a in el.attrib if a.startswith("{")}
        declared = dict(re.findall(r'xmlns:(\w+)="([^"]+)"', content[:4096].decode("utf-8", "replace")))
        kept = [p for p in ignorable.split() if declared.get(p) in used]
        if kept:
            root.set(_MC_IGNORABLE, " ".join(kept))
        else:
            del root.attrib[_MC_IGNORABLE]
    return ElementTree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _unwrap(el: Element, parent: Element, parents: dict[Element, Element]) -> None:
    if el not in list(parent):
        return
    index = list(parent).index(el)
    parent.remove(el)
    for offset, child in enumerate(
        c for c in list(el) if c.tag != f"{W}customXmlPr" and c.tag != f"{W}smartTagPr"
    ):
        parent.insert(index + offset, child)
        parents[child] = parent


def _run_hidden(
    run: Element, parents: dict[Element, Element], hidden_styles: tuple[set[str], set[str]]
) -> bool:
    rpr = run.find(f"{W}rPr")
    if rpr is not None:
        vanish = rpr.find(f"{W}vanish")
        if vanish is not None:
            return vanish.get(f"{W}val") not in ("0", "false", "off")
        style = rpr.find(f"{W}rStyle")
        if style is not None and (style.get(f"{W}val") or "") in hidden_styles[1]:
            return True
    paragraph = parents.get(run)
    while paragraph is not None and paragraph.tag != f"{W}p":
        paragraph = parents.get(paragraph)
    if paragraph is None:
        return False
    ppr = paragraph.find(f"{W}pPr")
    pstyle = ppr.find(f"{W}pStyle") if ppr is not None else None
    return pstyle is not None and (pstyle.get(f"{W}val") or "") in hidden_styles[0]


def _live(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() in _LIVE_FIELDS


def _reduce_fields(root: Element, parents: dict[Element, Element]) -> None:
    """Complex fields (fldChar begin … separate … end) whose code is not a live one lose their code
    and field characters: the result stays as plain text. Fields nest (an IF around a MERGEFIELD)
    and may span paragraphs; whatever stands in a removed field's code goes with it, nested fields
    and their results included."""
    stack: list[dict[str, Any]] = []
    doomed: list[Element] = []

    def into_open_codes(el: Element, fields: list[dict[str, Any]]) -> None:
        for field in fields:
            if field["in_code"]:
                field["code"].append(el)

    for el in root.iter():
        tag = el.tag
        if tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                into_open_codes(el, stack)
                stack.append({"chars": [el], "code": [], "instr": "", "in_code": True})
            elif kind == "separate" and stack:
                stack[-1]["chars"].append(el)
                stack[-1]["in_code"] = False
                into_open_codes(el, stack[:-1])
            elif kind == "end" and stack:
                field = stack.pop()
                field["chars"].append(el)
                into_open_codes(el, stack)
                if not _live(field["instr"]):
                    doomed += field["chars"] + field["code"]
        elif tag in (f"{W}instrText", _TEXT, f"{W}delText", *_BREAKS) and stack:
            into_open_codes(el, stack)
            if tag == f"{W}instrText" and stack[-1]["in_code"]:
                stack[-1]["instr"] += el.text or ""
    for field in stack:  # never ended: its code goes all the same
        doomed += field["code"] + [c for c in field["chars"] if c.get(f"{W}fldCharType") == "begin"]
    for el in doomed:
        parent = parents.get(el)
        if parent is not None and el in list(parent):
            parent.remove(el)


def _strip_names(root: Element) -> None:
    """Alt text, titles and names of pictures and shapes (a picture's name is often its file name)."""
    for docpr in root.iter(f"{_WP}docPr"):
        for attribute in ("descr", "title"):
            docpr.attrib.pop(attribute, None)
        docpr.set("name", f"图片 {docpr.get('id') or ''}".strip())
        for link in list(docpr):
            docpr.remove(link)  # a:hlinkClick / a:hlinkHover
    for cnvpr in root.iter(f"{_PIC}cNvPr"):
        for attribute in ("descr", "title"):
            cnvpr.attrib.pop(attribute, None)
        cnvpr.set("name", f"图片 {cnvpr.get('id') or ''}".strip())
    for el in root.iter():
        if el.tag.startswith(_V):
            for attribute in ("alt", "title", "href"):
                el.attrib.pop(attribute, None)
            el.attrib.pop(f"{_O}title", None)
            el.attrib.pop(f"{_O}href", None)


# -- redaction inside paragraphs ----------------------------------------------------------------


def _own_atoms(paragraph: Element) -> list[tuple[Element, Element, str]]:
    """(run, child, text) for the paragraph's own text pieces in reading order; paragraphs nested in
    text boxes are left to their own turn."""
    atoms: list[tuple[Element, Element, str]] = []

    def walk(node: Element) -> None:
        for child in node:
            tag = child.tag
            if tag == f"{W}p" or tag == f"{W}txbxContent":
                continue
            if tag == f"{W}r":
                for piece in child:
                    if piece.tag == _TEXT:
                        atoms.append((child, piece, piece.text or ""))
                    elif piece.tag in _BREAKS:
                        atoms.append((child, piece, _BREAKS[piece.tag]))
                walk(child)
            else:
                walk(child)

    walk(paragraph)
    return atoms


def find_spans(text: str, targets: dict[str, str | None]) -> list[tuple[int, int, str | None]]:
    """Where each target stands in `text`, found as the engine finds it (normalised: traditional
    characters, full-width digits, spaces between hanzi), merged where they overlap."""
    from review.normalize import normalize, normalize_term

    norm = normalize(text)
    found: list[tuple[int, int, str | None]] = []
    for target, replacement in targets.items():
        for haystack, needle, mapped in ((text, target, False), (norm.text, normalize_term(target), True)):
            if not needle:
                continue
            start = haystack.find(needle)
            while start != -1:
                span = (
                    norm.original_span(start, start + len(needle)) if mapped else (start, start + len(needle))
                )
                found.append((span[0], span[1], replacement))
                start = haystack.find(needle, start + 1)
    found.sort(key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int, str | None]] = []
    for start, end, replacement in found:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] if last[2] is not None else replacement)
        else:
            merged.append((start, end, replacement))
    return merged


def _redact_paragraph(paragraph: Element, targets: dict[str, str | None], mark: str) -> None:
    atoms = _own_atoms(paragraph)
    text = "".join(a[2] for a in atoms)
    spans = find_spans(text, targets)
    if not spans:
        return
    parents = {c: p for p in paragraph.iter() for c in p}
    starts = []
    position = 0
    for atom in atoms:
        starts.append(position)
        position += len(atom[2])
    # Last span first: splitting a run at a later place leaves every earlier offset where it was.
    for start, end, replacement in reversed(spans):
        first = next(i for i, s in enumerate(starts) if s <= start < s + len(atoms[i][2]))
        run, child, _ = atoms[first]
        child_index = list(run).index(child)
        for i, (a_run, a_child, a_text) in enumerate(atoms):
            a_start = starts[i]
            lo, hi = max(start, a_start) - a_start, min(end, a_start + len(a_text)) - a_start
            if hi <= lo:
                continue
            if a_child.tag == _TEXT:
                a_child.text = (a_child.text or "")[:lo] + (a_child.text or "")[hi:]
                a_child.set(_XML_SPACE, "preserve")
            elif a_child in list(a_run):
                a_run.remove(a_child)
        shown = _mark_text(text[start:end], replacement, mark)
        if shown is None:
            continue
        offset = start - starts[first] if child.tag == _TEXT else 0
        tail_index = child_index if child.tag != _TEXT else None
        _insert_mark(
            parents, run, child, offset, tail_index, shown, boxed=replacement is None and mark == "box"
        )


def _mark_text(removed: str, replacement: str | None, mark: str) -> str | None:
    if replacement is not None:
        return replacement
    if mark == "label":
        from review.redact import REMOVED_LABEL

        return REMOVED_LABEL
    if mark == "box":
        # As wide as the text: an ideographic space for a wide character, a no-break space else.
        return "".join("\u3000" if unicodedata.east_asian_width(c) in "WF" else "\u00a0" for c in removed)
    return None


def _insert_mark(
    parents: dict[Element, Element],
    run: Element,
    child: Element,
    offset: int,
    tail_index: int | None,
    shown: str,
    boxed: bool,
) -> None:
    """Splits `run` where the removed text stood and puts a run between the halves that has the
    run's properties (font, size, style) and the mark's text."""
    parent = parents.get(run)
    if parent is None:
        return
    rpr = run.find(f"{W}rPr")
    children = list(run)
    if tail_index is None:
        split_at = children.index(child) + 1
        head_text = (child.text or "")[:offset]
        tail_text = (child.text or "")[offset:]
        child.text = head_text
    else:
        split_at, tail_text = tail_index, ""
    tail = ElementTree.Element(run.tag, run.attrib)
    if rpr is not None:
        tail.append(copy.deepcopy(rpr))
    if tail_text:
        t = ElementTree.SubElement(tail, _TEXT)
        t.text = tail_text
        t.set(_XML_SPACE, "preserve")
    for moved in children[split_at:]:
        run.remove(moved)
        tail.append(moved)
    mark_run = ElementTree.Element(run.tag)
    mark_rpr = copy.deepcopy(rpr) if rpr is not None else ElementTree.Element(f"{W}rPr")
    if boxed:
        for old in mark_rpr.findall(f"{W}highlight") + mark_rpr.findall(f"{W}shd"):
            mark_rpr.remove(old)
        shd = ElementTree.Element(f"{W}shd", {f"{W}val": "clear", f"{W}color": "auto", f"{W}fill": "000000"})
        _insert_in_order(mark_rpr, shd)
    if len(mark_rpr) or mark_rpr.attrib:
        mark_run.append(mark_rpr)
    t = ElementTree.SubElement(mark_run, _TEXT)
    t.text = shown
    t.set(_XML_SPACE, "preserve")
    index = list(parent).index(run)
    parent.insert(index + 1, mark_run)
    parents[mark_run] = parent
    if len(tail) > (1 if rpr is not None else 0):
        parent.insert(index + 2, tail)
        parents[tail] = parent


def _insert_in_order(rpr: Element, el: Element) -> None:
    rank = _RPR_ORDER.index(el.tag)
    for index, child in enumerate(list(rpr)):
        if child.tag in _RPR_ORDER and _RPR_ORDER.index(child.tag) > rank:
            rpr.insert(index, el)
            return
    rpr.append(el)


# -- charts and SmartArt ------------------------------------------------------------------------


def _clean_drawing_text(content: bytes, targets: dict[str, str | None], mark: str) -> bytes:
    """Charts and SmartArt keep their text in DrawingML paragraphs (a:p/a:r/a:t) and cached values
    (c:v): the removed text is cut there, the mark put in the first piece it touched."""
    if not targets:
        return content
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return content
    _register_prefixes(content)
    groups = [list(p.iter(f"{_A}t")) for p in root.iter(f"{_A}p")]
    groups += [[v] for v in root.iter(f"{_C}v")]
    for nodes in groups:
        text = "".join(n.text or "" for n in nodes)
        spans = find_spans(text, targets)
        for start, end, replacement in reversed(spans):
            shown = _mark_text(text[start:end], replacement, "label" if mark == "box" else mark) or ""
            position = 0
            placed = False
            for node in nodes:
                value = node.text or ""
                lo, hi = max(start, position) - position, min(end, position + len(value)) - position
                if hi > lo:
                    node.text = value[:lo] + ("" if placed else shown) + value[hi:]
                    placed = True
                position += len(value)
            text = "".join(n.text or "" for n in nodes)
    return _serialise(root, content)
