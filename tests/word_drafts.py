"""A generated 公文 in Word form (issue 18): 红头 with its red line, 发文字号, title, body in the
公文 fonts, a table, a text box, a header and a footer with a live page number — and, in each of
those places, something the reviewer removes or masks. Used by tests/test_convert.py and
benchmarks/convert_speed.py."""

from __future__ import annotations

import io

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
