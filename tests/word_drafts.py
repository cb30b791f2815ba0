"""A generated 公文 in Word form (issue 18): 红头 with its red line, 发文字号, title, body in the
公文 fonts, a table, a text box, a header and a footer with a live page number — and, in each of
those places, something the reviewer removes or masks. Used by tests/test_convert.py and
benchmarks/convert_speed.py."""

from __future__ import annotations

import io
import itertools

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

ID_1 = "110101199003071234"
ID_2 = "110101198512120023"
MOBILE = "13812345678"
SECRETS = {
    "header": "页眉秘密甲",
    "footer": "页脚秘密乙",
    "textbox": "文本框秘密丙",
    "body": "内部事项丁",
    "name": "张三",
}
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run(paragraph, text: str, font: str, size: float, *, bold: bool = False, color: str | None = None):
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    return run


def _page_field(paragraph) -> None:
    for xml in (
        f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r xmlns:w="{_W}"><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r xmlns:w="{_W}"><w:t>1</w:t></w:r>',
        f'<w:r xmlns:w="{_W}"><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def _text_box(paragraph, text: str) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{_W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            '<v:shape id="box1" type="#_x0000_t202" style="width:300pt;height:36pt" stroked="t">'
            '<v:textbox><w:txbxContent><w:p><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/>'
            f'<w:sz w:val="28"/></w:rPr><w:t>{text}，联系人王五</w:t></w:r></w:p></w:txbxContent>'
            "</v:textbox></v:shape></w:pict></w:r>"
        )
    )


def official_document(extra_pages: int = 0) -> bytes:
    """Two pages (table on the second), plus `extra_pages` pages of body text."""
    document = docx.Document()
    section = document.sections[0]
    header = section.header.paragraphs[0]
    _run(header, f"某某县人民政府办公室　{SECRETS['header']}", "仿宋_GB2312", 10.5)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, f"县政府办公室印发　{SECRETS['footer']}　第", "宋体", 10.5)
    _page_field(footer)
    _run(footer, "页", "宋体", 10.5)

    red = document.add_paragraph()
    red.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(red, "某某县人民政府文件", "方正小标宋简体", 30, color="FF0000")
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(number, "某政办〔2024〕12号", "仿宋_GB2312", 16)
    # The red line under the 发文字号: the paragraph's bottom border.
    number._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr xmlns:w="{_W}"><w:bottom w:val="single" w:sz="18" w:space="4" w:color="FF0000"/></w:pBdr>'
        )
    )
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, "关于公布2024年第一季度低保对象名单的通知", "方正小标宋简体", 22)
    body = document.add_paragraph()
    _run(
        body,
        f"各乡镇人民政府：现将名单公布如下，{SECRETS['body']}不在公示之列。监督电话{MOBILE}，欢迎监督。",
        "仿宋_GB2312",
        16,
    )
    heading = document.add_paragraph()
    _run(heading, "一、公示名单", "黑体", 16)
    sub = document.add_paragraph()
    _run(sub, "（一）城区", "楷体_GB2312", 16)
    _text_box(document.add_paragraph(), SECRETS["textbox"])
    for page in range(extra_pages):
        document.add_page_break()
        for line in range(8):
            paragraph = document.add_paragraph()
            _run(
                paragraph,
                f"第{page + 3}页第{line + 1}段：各地要按照政府信息公开的要求，做好低保对象的公示、"
                "动态管理和监督检查工作，确保公平公正。",
                "仿宋_GB2312",
                16,
            )
    document.add_page_break()
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for row, cells in enumerate(
        [("姓名", "身份证号", "保障金额"), (SECRETS["name"], ID_1, "300"), ("李四", ID_2, "260")]
    ):
        for column, value in enumerate(cells):
            paragraph = table.cell(row, column).paragraphs[0]
            _run(paragraph, value, "仿宋_GB2312", 14)
    closing = document.add_paragraph()
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(closing, "某某县人民政府办公室", "仿宋_GB2312", 16)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ID_VALID = "110101199003071233"  # its check digit is right: a blocking PII-ID
COMMENT = "批注秘密戊"
HIDDEN = "隐藏文字秘密己"


def intake_draft() -> bytes:
    """A short draft for the DOC/WPS/ODT intake: a 身份证号 in a table, a comment and hidden text."""
    document = docx.Document()
    body = document.add_paragraph()
    commented = _run(body, "关于低保对象公示的通知。", "仿宋_GB2312", 16)
    document.add_comment(commented, text=COMMENT, author="审核人")
    hidden = _run(body, HIDDEN, "仿宋_GB2312", 16)
    hidden.font.hidden = True
    table = document.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    # Text on both sides of the number: the engine reads digits in a neighbouring cell as going on
    # across the line break (a 21-digit run is no 身份证号).
    for row, cells in enumerate([("姓名", "身份证号", "所在村"), (SECRETS["name"], ID_VALID, "城关村")]):
        for column, value in enumerate(cells):
            _run(table.cell(row, column).paragraphs[0], value, "仿宋_GB2312", 14)
    _run(document.add_paragraph(), "某某县民政局", "仿宋_GB2312", 16)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- OLE2 compound files (MS-CFB, version 3), for the DOC and WPS layouts LibreOffice cannot write --

_SECTOR, _MINI, _CUTOFF = 512, 64, 4096
_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF

Tree = dict[str, "bytes | Tree"]  # a stream's bytes, or a storage's own tree


def compound_file(tree: Tree) -> bytes:
    """A compound file holding `tree`: small streams in the mini stream, the rest in sectors."""
    import struct

    entries: list[list] = [["Root Entry", 5, b"", []]]  # name, type, data, children

    def add(node: Tree) -> list[int]:
        ids = []
        for name, value in node.items():
            entries.append(
                [name, 1 if isinstance(value, dict) else 2, b"" if isinstance(value, dict) else value, []]
            )
            ids.append(len(entries) - 1)
            if isinstance(value, dict):
                entries[ids[-1]][3] = add(value)
        return ids

    entries[0][3] = add(tree)
    mini = bytearray()
    minifat: list[int] = []
    starts = [_END] * len(entries)
    big: list[int] = []
    for index, (_, kind, data, _children) in enumerate(entries):
        if kind != 2 or not data:
            continue
        if len(data) >= _CUTOFF:
            big.append(index)
            continue
        starts[index] = len(minifat)
        count = -(-len(data) // _MINI)
        minifat.extend(range(len(minifat) + 1, len(minifat) + count))
        minifat.append(_END)
        mini += data.ljust(count * _MINI, b"\0")
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        if not data:
            return _END
        start, count = len(sectors), -(-len(data) // _SECTOR)
        for i in range(count):
            sectors.append(data[i * _SECTOR : (i + 1) * _SECTOR].ljust(_SECTOR, b"\0"))
            fat.append(start + i + 1 if i < count - 1 else _END)
        return start

    for index in big:
        starts[index] = place(entries[index][2])
    starts[0] = place(bytes(mini))
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat) if minifat else b""
    first_minifat = place(minifat_bytes.ljust(-(-len(minifat_bytes) // _SECTOR) * _SECTOR, b"\xff"))
    # Each storage's children in a chain of right siblings, in the order the format sorts names.
    right = [_NOSTREAM] * len(entries)
    first_child = [_NOSTREAM] * len(entries)
    for index, entry in enumerate(entries):
        order = sorted(entry[3], key=lambda i: (len(entries[i][0]), entries[i][0].upper()))
        for a, b in itertools.pairwise(order):
            right[a] = b
        if order:
            first_child[index] = order[0]
    directory = bytearray()
    for index, (name, kind, data, _children) in enumerate(entries):
        raw = name.encode("utf-16-le") + b"\0\0"
        size = len(mini) if index == 0 else len(data)
        directory += raw.ljust(64, b"\0") + struct.pack(
            "<HBBIII16sI8s8sIQ",
            len(raw),
            kind,
            1,
            _NOSTREAM,
            right[index],
            first_child[index],
            b"",
            0,
            b"",
            b"",
            starts[index],
            size,
        )
    first_dir = place(bytes(directory).ljust(-(-len(directory) // _SECTOR) * _SECTOR, b"\0"))
    n_fat = 1
    while len(sectors) + n_fat > n_fat * (_SECTOR // 4):
        n_fat += 1
    fat_start = len(sectors)
    fat += [_FATSECT] * n_fat
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(n_fat * _SECTOR, b"\xff")
    sectors += [fat_bytes[i * _SECTOR : (i + 1) * _SECTOR] for i in range(n_fat)]
    difat = [fat_start + i for i in range(n_fat)] + [_FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"",
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"",
        0,
        n_fat,
        first_dir,
        0,
        _CUTOFF,
        first_minifat if minifat else _END,
        len(minifat_bytes) // _SECTOR + bool(len(minifat_bytes) % _SECTOR),
        _END,
        0,
        *difat,
    )
    return header + b"".join(sectors)
