"""Findings in words a reviewer reads without guessing: rule names, places, the hit in its context.

The engine names places the way the file stores them ("word/header1.xml", "docProps",
"author、subject", "PDF 元数据 subject") and rules by code ("PII-ID"). Every screen and report that
shows a finding to a person takes its words from here: one table of rule names, one of parts of a
file, one of document-property fields. No Qt: the templates are marked with QT_TRANSLATE_NOOP and
turned into the UI's language by the `translate(context, text)` the caller passes (the CLI passes
none and prints the Chinese).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from review.errors import QT_TRANSLATE_NOOP
from review.model import LINE, PAGE, PAGES, PARAGRAPH, Channel, Finding, Location

Translate = Callable[[str, str], str]


def _as_is(_context: str, text: str) -> str:
    return text


RULE_NAMES = {
    "MARK-LEVEL": QT_TRANSLATE_NOOP("Rules", "密级标志"),
    "MARK-PARAGRAPH": QT_TRANSLATE_NOOP("Rules", "段落密级标志"),
    "MARK-LIMIT": QT_TRANSLATE_NOOP("Rules", "知悉范围标志"),
    "MARK-MENTION": QT_TRANSLATE_NOOP("Rules", "行文中的密级字样"),
    "NOTE-CONFLICT": QT_TRANSLATE_NOOP("Rules", "附注与公开方式矛盾"),
    "NOTE-PRESENT": QT_TRANSLATE_NOOP("Rules", "文件附注"),
    "PII-ID": QT_TRANSLATE_NOOP("Rules", "居民身份证号"),
    "PII-ID15": QT_TRANSLATE_NOOP("Rules", "15位身份证号"),
    "PII-ID-SUSPECT": QT_TRANSLATE_NOOP("Rules", "疑似身份证号"),
    "PII-MOBILE": QT_TRANSLATE_NOOP("Rules", "手机号码"),
    "PII-PHONE": QT_TRANSLATE_NOOP("Rules", "固定电话"),
    "PII-BANKCARD": QT_TRANSLATE_NOOP("Rules", "银行卡号"),
    "PII-EMAIL": QT_TRANSLATE_NOOP("Rules", "电子邮箱"),
    "PII-NAME": QT_TRANSLATE_NOOP("Rules", "个人信息旁的人名"),
    "ORG-USCC": QT_TRANSLATE_NOOP("Rules", "统一社会信用代码"),
    "SCAN-PAGE": QT_TRANSLATE_NOOP("Rules", "无文字层的页面"),
    "OCR-PAGE": QT_TRANSLATE_NOOP("Rules", "扫描页（已识别文字）"),
    "OCR-IMAGE": QT_TRANSLATE_NOOP("Rules", "图片中的文字"),
    "OCR-DIFF": QT_TRANSLATE_NOOP("Rules", "看得见但文字层没有的内容"),
    "HID-TEXT": QT_TRANSLATE_NOOP("Rules", "读者看不到的文字"),
    "HID-VANISH": QT_TRANSLATE_NOOP("Rules", "设为隐藏的文字"),
    "HID-LAYER": QT_TRANSLATE_NOOP("Rules", "关闭的图层"),
    "HID-META": QT_TRANSLATE_NOOP("Rules", "文档属性"),
    "HID-IMAGE-META": QT_TRANSLATE_NOOP("Rules", "图片元数据"),
    "HID-ANNOT": QT_TRANSLATE_NOOP("Rules", "注释或批注"),
    "HID-COMMENTS": QT_TRANSLATE_NOOP("Rules", "批注"),
    "HID-REVISIONS": QT_TRANSLATE_NOOP("Rules", "未接受的修订"),
    "HID-REVISION": QT_TRANSLATE_NOOP("Rules", "早期修订版本"),
    "HID-FORM": QT_TRANSLATE_NOOP("Rules", "表单域"),
    "HID-EMBED": QT_TRANSLATE_NOOP("Rules", "嵌入文件"),
    "HID-EMBED-UNREADABLE": QT_TRANSLATE_NOOP("Rules", "无法检查的附件"),
    "HID-ATTACH": QT_TRANSLATE_NOOP("Rules", "注释附件"),
    "HID-ALTCHUNK": QT_TRANSLATE_NOOP("Rules", "嵌入的文档片段"),
    "HID-JS": QT_TRANSLATE_NOOP("Rules", "脚本"),
    "HID-THUMB": QT_TRANSLATE_NOOP("Rules", "缩略图"),
    "HID-TEXTBOX": QT_TRANSLATE_NOOP("Rules", "文本框"),
    "HID-FIELD": QT_TRANSLATE_NOOP("Rules", "域代码"),
    "HID-DOCVAR": QT_TRANSLATE_NOOP("Rules", "文档变量"),
    "HID-CUSTOMXML": QT_TRANSLATE_NOOP("Rules", "自定义XML数据"),
    "HID-ACTUALTEXT": QT_TRANSLATE_NOOP("Rules", "字形的替代文字"),
    "HID-CROPPED-IMAGE": QT_TRANSLATE_NOOP("Rules", "图片被裁去的部分"),
    "HID-TRAILER": QT_TRANSLATE_NOOP("Rules", "文件尾部的私有数据"),
    "HID-ORPHAN": QT_TRANSLATE_NOOP("Rules", "未被页面使用的对象"),
    "HID-REPAIRED": QT_TRANSLATE_NOOP("Rules", "文件结构已损坏"),
    "HID-UNREADABLE": QT_TRANSLATE_NOOP("Rules", "无法读取的部分"),
    "MEDIA-MISMATCH": QT_TRANSLATE_NOOP("Rules", "音视频格式不符"),
    "MEDIA-UNREAD": QT_TRANSLATE_NOOP("Rules", "音视频无法读取"),
    "MEDIA-BROKEN": QT_TRANSLATE_NOOP("Rules", "音视频文件损坏"),
    "WORD-LEADER-POST": QT_TRANSLATE_NOOP("Rules", "领导人职务"),
    "WORD-LEADER-NAME": QT_TRANSLATE_NOOP("Rules", "领导人姓名"),
    "WORD-LEADER-ORDER": QT_TRANSLATE_NOOP("Rules", "领导人排序"),
    "WORD-FIXED": QT_TRANSLATE_NOOP("Rules", "规范名称的写法"),
    "WORD-WRONG": QT_TRANSLATE_NOOP("Rules", "错误表述"),
    "WORD-OUTDATED": QT_TRANSLATE_NOOP("Rules", "过时表述"),
    "WORD-DOCNO": QT_TRANSLATE_NOOP("Rules", "发文字号格式"),
    "WORD-PUNCT-HALF": QT_TRANSLATE_NOOP("Rules", "半角标点"),
    "WORD-PUNCT-DOUBLE": QT_TRANSLATE_NOOP("Rules", "重复标点"),
    "WORD-PUNCT-PAIR": QT_TRANSLATE_NOOP("Rules", "标点不成对"),
    "WORD-LINK": QT_TRANSLATE_NOOP("Rules", "文中链接"),
}
LEXICON_RULE = QT_TRANSLATE_NOOP("Rules", "词库：{category}")
UNKNOWN_RULE = QT_TRANSLATE_NOOP("Rules", "其他发现")


def rule_name(finding: Finding, translate: Translate = _as_is) -> str:
    """The rule in words: "居民身份证号", "词库：内部标识". Never the code."""
    if finding.rule_id == "LEX":
        return translate("Rules", LEXICON_RULE).format(category=translate("Rules", finding.category))
    name = RULE_NAMES.get(finding.rule_id)
    return translate("Rules", name) if name else translate("Rules", finding.category or UNKNOWN_RULE)


# -- places ------------------------------------------------------------------------------------------

_BODY = QT_TRANSLATE_NOOP("Vocabulary", "正文")
_PROPERTIES = QT_TRANSLATE_NOOP("Vocabulary", "文档属性")
_DOC_INFO = QT_TRANSLATE_NOOP("Vocabulary", "文档信息")
_COMMENT = QT_TRANSLATE_NOOP("Vocabulary", "批注")

# Parts of a DOCX or OFD package, by pattern, as a reader would name them. None: the part is the
# page's own content (OFD), which the page number already says.
_PARTS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(p), label)
    for p, label in (
        (r"^word/document\d*\.xml$", _BODY),
        (r"^word/header\d*\.xml$", QT_TRANSLATE_NOOP("Vocabulary", "页眉")),
        (r"^word/footer\d*\.xml$", QT_TRANSLATE_NOOP("Vocabulary", "页脚")),
        (r"^word/footnotes\.xml$", QT_TRANSLATE_NOOP("Vocabulary", "脚注")),
        (r"^word/endnotes\.xml$", QT_TRANSLATE_NOOP("Vocabulary", "尾注")),
        (r"^word/comments\w*\.xml$", _COMMENT),
        (r"^word/settings\.xml$", QT_TRANSLATE_NOOP("Vocabulary", "文档变量")),
        (r"^word/embeddings/", QT_TRANSLATE_NOOP("Vocabulary", "嵌入对象")),
        (
            r"^word/.*(?:afchunk|altchunk|\.mht|\.html?$|\.rtf$)",
            QT_TRANSLATE_NOOP("Vocabulary", "嵌入的文档片段"),
        ),
        (r"^docProps/thumbnail", QT_TRANSLATE_NOOP("Vocabulary", "文档缩略图")),
        (r"^docProps/custom\.xml$", QT_TRANSLATE_NOOP("Vocabulary", "自定义属性")),
        (r"^docProps(?:/|$)", _PROPERTIES),
        (r"^customXml/", QT_TRANSLATE_NOOP("Vocabulary", "自定义XML数据")),
        (r"^OFD\.xml$", _DOC_INFO),
        (r"^Doc_\d+/Pages/Page_\d+/", None),
        (r"^Doc_\d+/Annots/", QT_TRANSLATE_NOOP("Vocabulary", "注释")),
        (r"^Doc_\d+/Attachs/", QT_TRANSLATE_NOOP("Vocabulary", "附件")),
        (r"^Doc_\d+/Signs/", QT_TRANSLATE_NOOP("Vocabulary", "签章")),
    )
]
_EMBEDDED_NAME = re.compile(r"^word/embeddings/(.+)$")

# Document-property fields. PDF's "creator" is the program that made the file, DOCX's dc:creator is
# the author: the tables are per kind of file.
_PDF_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Vocabulary", "标题"),
    "author": QT_TRANSLATE_NOOP("Vocabulary", "作者"),
    "subject": QT_TRANSLATE_NOOP("Vocabulary", "主题"),
    "keywords": QT_TRANSLATE_NOOP("Vocabulary", "关键词"),
    "creator": QT_TRANSLATE_NOOP("Vocabulary", "创建程序"),
    "producer": QT_TRANSLATE_NOOP("Vocabulary", "生成程序"),
}
_DOCX_FIELDS = {
    "title": QT_TRANSLATE_NOOP("Vocabulary", "标题"),
    "subject": QT_TRANSLATE_NOOP("Vocabulary", "主题"),
    "creator": QT_TRANSLATE_NOOP("Vocabulary", "作者"),
    "keywords": QT_TRANSLATE_NOOP("Vocabulary", "关键词"),
    "description": QT_TRANSLATE_NOOP("Vocabulary", "备注"),
    "lastModifiedBy": QT_TRANSLATE_NOOP("Vocabulary", "最后修改者"),
    "category": QT_TRANSLATE_NOOP("Vocabulary", "类别"),
    "contentStatus": QT_TRANSLATE_NOOP("Vocabulary", "状态"),
    "identifier": QT_TRANSLATE_NOOP("Vocabulary", "标识符"),
    "language": QT_TRANSLATE_NOOP("Vocabulary", "语言"),
    "version": QT_TRANSLATE_NOOP("Vocabulary", "版本"),
    "revision": QT_TRANSLATE_NOOP("Vocabulary", "修订号"),
    "created": QT_TRANSLATE_NOOP("Vocabulary", "创建时间"),
    "modified": QT_TRANSLATE_NOOP("Vocabulary", "修改时间"),
    "lastPrinted": QT_TRANSLATE_NOOP("Vocabulary", "打印时间"),
    "Company": QT_TRANSLATE_NOOP("Vocabulary", "单位"),
    "Manager": QT_TRANSLATE_NOOP("Vocabulary", "经理"),
    "Template": QT_TRANSLATE_NOOP("Vocabulary", "模板"),
    "Application": QT_TRANSLATE_NOOP("Vocabulary", "创建程序"),
    "HyperlinkBase": QT_TRANSLATE_NOOP("Vocabulary", "超链接基础"),
}
_OFD_FIELDS = {
    "Title": QT_TRANSLATE_NOOP("Vocabulary", "标题"),
    "Author": QT_TRANSLATE_NOOP("Vocabulary", "作者"),
    "Subject": QT_TRANSLATE_NOOP("Vocabulary", "主题"),
    "Abstract": QT_TRANSLATE_NOOP("Vocabulary", "摘要"),
    "Keyword": QT_TRANSLATE_NOOP("Vocabulary", "关键词"),
    "Keywords": QT_TRANSLATE_NOOP("Vocabulary", "关键词"),
    "Creator": QT_TRANSLATE_NOOP("Vocabulary", "创建程序"),
    "CreatorVersion": QT_TRANSLATE_NOOP("Vocabulary", "创建程序版本"),
    "CustomData": QT_TRANSLATE_NOOP("Vocabulary", "自定义数据"),
    "DocUsage": QT_TRANSLATE_NOOP("Vocabulary", "文档用途"),
    "CreationDate": QT_TRANSLATE_NOOP("Vocabulary", "创建日期"),
    "ModDate": QT_TRANSLATE_NOOP("Vocabulary", "修改日期"),
}
# PDF annotation subtypes (the detail of an annotation finding).
_ANNOTATIONS = {
    "Text": QT_TRANSLATE_NOOP("Vocabulary", "文字批注"),
    "FreeText": QT_TRANSLATE_NOOP("Vocabulary", "文本框批注"),
    "Highlight": QT_TRANSLATE_NOOP("Vocabulary", "高亮"),
    "Underline": QT_TRANSLATE_NOOP("Vocabulary", "下划线"),
    "Squiggly": QT_TRANSLATE_NOOP("Vocabulary", "波浪线"),
    "StrikeOut": QT_TRANSLATE_NOOP("Vocabulary", "删除线"),
    "Square": QT_TRANSLATE_NOOP("Vocabulary", "方框"),
    "Circle": QT_TRANSLATE_NOOP("Vocabulary", "圆圈"),
    "Line": QT_TRANSLATE_NOOP("Vocabulary", "直线"),
    "Polygon": QT_TRANSLATE_NOOP("Vocabulary", "多边形"),
    "PolyLine": QT_TRANSLATE_NOOP("Vocabulary", "折线"),
    "Ink": QT_TRANSLATE_NOOP("Vocabulary", "手写"),
    "Stamp": QT_TRANSLATE_NOOP("Vocabulary", "图章"),
    "Caret": QT_TRANSLATE_NOOP("Vocabulary", "插入标记"),
    "FileAttachment": QT_TRANSLATE_NOOP("Vocabulary", "附件"),
    "Sound": QT_TRANSLATE_NOOP("Vocabulary", "声音"),
    "Popup": QT_TRANSLATE_NOOP("Vocabulary", "弹出注释"),
    "Redact": QT_TRANSLATE_NOOP("Vocabulary", "待删除标记"),
    "Annot": QT_TRANSLATE_NOOP("Vocabulary", "注释"),
}
_DETAILS = {
    "ActualText": QT_TRANSLATE_NOOP("Vocabulary", "字形的替代文字"),
    "JavaScript": "",  # the channel already says 脚本
    "XMP 元数据": QT_TRANSLATE_NOOP("Vocabulary", "XMP 元数据"),
}
_OBJECT = re.compile(r"对象 (\d+) 0 R")
OBJECT = QT_TRANSLATE_NOOP("Vocabulary", "对象 {number}")
FIELD_SEPARATOR = QT_TRANSLATE_NOOP("Vocabulary", "·")
PLACE_SEPARATOR = " "


def _fields(part: str | None) -> dict[str, str]:
    if part is None:
        return _PDF_FIELDS
    return _OFD_FIELDS if part == "OFD.xml" else _DOCX_FIELDS


def _field_list(text: str, table: dict[str, str], translate: Translate) -> str:
    """ "author、subject、密级说明" → "作者、主题、密级说明": known field names in words, others as named."""
    names = (translate("Vocabulary", table[n]) if n in table else n for n in text.split("、"))
    return translate("Vocabulary", "、").join(dict.fromkeys(names))


def _part_label(part: str, translate: Translate) -> str | None:
    """The part in words, "" for the page's own content, or None for a part nobody mapped."""
    for pattern, label in _PARTS:
        if pattern.search(part):
            if label is None:
                return ""
            if label == QT_TRANSLATE_NOOP("Vocabulary", "嵌入对象") and (m := _EMBEDDED_NAME.match(part)):
                return translate("Vocabulary", label) + translate("Vocabulary", FIELD_SEPARATOR) + m.group(1)
            return translate("Vocabulary", label)
    return None


def _detail_label(location: Location, channel: Channel, translate: Translate) -> str:
    detail = location.detail or ""
    if not detail:
        return ""
    for prefix, table in (("PDF 元数据 ", _PDF_FIELDS), ("DocInfo ", _OFD_FIELDS)):
        if detail.startswith(prefix):
            name = detail[len(prefix) :]
            return translate("Vocabulary", table[name]) if name in table else name
    for prefix in ("文档变量 ", "嵌入文件 "):  # the region says it already
        if detail.startswith(prefix):
            return detail[len(prefix) :]
    if channel is Channel.METADATA:
        return _field_list(detail, _fields(location.part), translate)
    if channel is Channel.ANNOTATION and detail in _ANNOTATIONS:
        return translate("Vocabulary", _ANNOTATIONS[detail])
    if detail in _DETAILS:
        return translate("Vocabulary", _DETAILS[detail]) if _DETAILS[detail] else ""
    named = translate("Vocabulary", OBJECT)
    return _OBJECT.sub(lambda m: named.format(number=m.group(1)), translate("Rules", detail))


def _region(location: Location, channel: Channel, translate: Translate) -> str:
    """Which part of the file: 正文, 页眉, 批注, 文档属性 … ("" when the page says it all)."""
    part = location.part
    if not part:
        if channel is Channel.VISIBLE:
            return ""
        if channel is Channel.METADATA:
            return translate("Vocabulary", _PROPERTIES)
        if channel is Channel.ANNOTATION:
            return translate("Vocabulary", _COMMENT)
        return vocabulary_of(channel, translate)
    label = _part_label(part, translate)
    if label is None:
        # A place inside an attachment ("附件 访谈录音.mp4 第2页 word/document.xml"): words stay,
        # package paths are named.
        words = [_part_label(word, translate) if "/" in word else word for word in part.split(" ")]
        return " ".join(w for w in words if w) if len(words) > 1 else vocabulary_of(channel, translate)
    if channel is not Channel.VISIBLE and label in ("", translate("Vocabulary", _BODY)):
        return vocabulary_of(channel, translate)  # 修订记录, 隐藏文字 … inside the body or on a page
    return label


def vocabulary_of(channel: Channel, translate: Translate = _as_is) -> str:
    return translate("Vocabulary", channel.label)


def place(finding: Finding, translate: Translate = _as_is) -> str:
    """Where the finding is, as a reader names it: "第2页 批注·文字批注", "文档属性·作者", "页眉 第1段",
    "第4行". Never a path inside the file's package."""
    channel = finding.channel if isinstance(finding.channel, Channel) else Channel(finding.channel)
    return place_of(finding.location, channel, translate)


def place_of(
    location: Location, channel: Channel, translate: Translate = _as_is, *, fine: bool = True
) -> str:
    """`place` of a location in a channel; without `fine`, the part only (no paragraph or line):
    the heading of a stretch of text ("页眉", "第2页", "文档属性·作者")."""
    loc = location
    bits: list[str] = []
    if loc.page is not None:
        if loc.end_page is not None and loc.end_page != loc.page:
            bits.append(translate("Vocabulary", PAGES).format(first=loc.page + 1, last=loc.end_page + 1))
        else:
            bits.append(translate("Vocabulary", PAGE).format(page=loc.page + 1))
    region = _region(loc, channel, translate)
    detail = _detail_label(loc, channel, translate)
    if region and detail and detail != region:
        bits.append(region + translate("Vocabulary", FIELD_SEPARATOR) + detail)
    elif region or detail:
        bits.append(region or detail)
    if fine and loc.paragraph is not None and loc.part and (loc.page is None or channel is Channel.VISIBLE):
        bits.append(translate("Vocabulary", PARAGRAPH).format(paragraph=loc.paragraph + 1))
    if fine and loc.line is not None:
        bits.append(translate("Vocabulary", LINE).format(line=loc.line))
    return PLACE_SEPARATOR.join(bits) or vocabulary_of(channel, translate)


# -- order ------------------------------------------------------------------------------------------

_PART_ORDER = (r"^word/document", r"^word/header", r"^word/footer", r"^word/footnotes", r"^word/endnotes")


def place_key(location: Location) -> tuple[int, int, int, int, int, float, float]:
    """Reading order: pages first, page by page; then the body before headers, notes, comments and
    the file's properties; within a part by paragraph, offset, line, and on the page top to bottom."""
    part_rank = len(_PART_ORDER) + 1
    if location.part:
        part_rank = next((i for i, p in enumerate(_PART_ORDER) if re.match(p, location.part)), part_rank)
    elif location.page is not None or location.line is not None:
        part_rank = 0
    top = location.rects[0].y0 if location.rects else 0.0
    left = location.rects[0].x0 if location.rects else 0.0
    return (
        location.page if location.page is not None else 1 << 30,
        part_rank,
        location.paragraph or 0,
        location.line or 0,
        location.offset if location.offset is not None else (location.column or 0),
        top,
        left,
    )


def review_order(findings: list[Finding]) -> list[int]:
    """Indexes of `findings` by severity (blocking first), then by place."""
    return sorted(
        range(len(findings)), key=lambda i: (-findings[i].severity.rank, place_key(findings[i].location))
    )


# -- the hit in its context -----------------------------------------------------------------------


@dataclass(frozen=True)
class InContext:
    before: str
    hit: str
    after: str


def in_context(finding: Finding, words: int = 12, longest_hit: int = 40) -> InContext:
    """The hit with a few characters either side, from the finding's context, for a list row.
    A hit longer than `longest_hit` is shortened in the middle (the detail pane has it whole)."""
    text, context = finding.text, finding.context or ""
    hit = text if len(text) <= longest_hit else text[: longest_hit // 2] + "…" + text[-longest_hit // 2 :]
    at = context.find(text) if text else -1
    if at < 0:
        return InContext("", hit, "")
    before = " ".join(context[:at].split())
    after = " ".join(context[at + len(text) :].split())
    if len(before) > words:
        before = "…" + before[-words:]
    if len(after) > words:
        after = after[:words] + "…"
    return InContext(before, hit, after)
