"""Documents with secrets planted in each hiding place, generated here for the check-engine tests."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pymupdf

from review.samples import SAMPLE_BANK_CARD, SAMPLE_ID, SAMPLE_MOBILE

FONT = "china-s"


def _page(doc: pymupdf.Document) -> pymupdf.Page:
    return doc.new_page(width=595, height=842)


def pdf_bytes(doc: pymupdf.Document) -> bytes:
    return doc.tobytes(garbage=1)


def pdf_with_every_hiding_place() -> tuple[bytes, dict[str, str]]:
    """One PDF, one planted term per hiding place; returns it and {place: term}."""
    planted = {
        "visible": "内部资料",
        "white": "白色秘藏甲",
        "tiny": "微小秘藏乙",
        "invisible": "隐形秘藏丙",
        "covered": "遮盖秘藏丁",
        "offpage": "页外秘藏戊",
        "layer": "图层秘藏己",
        "annotation": "注释秘藏庚",
        "form": "表单秘藏辛",
        "metadata": "元数据秘藏壬",
        "xmp": "元数据秘藏癸",
        "bookmark": "书签秘藏子",
        "embedded": "附件秘藏丑",
        "javascript": "topsecretjs",
        "link": "linksecret",
    }
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((72, 100), f"这是正文，标有{planted['visible']}字样。", fontname=FONT, fontsize=12)
    page.insert_text((72, 140), planted["white"], fontname=FONT, fontsize=12, color=(1, 1, 1))
    page.insert_text((72, 180), planted["tiny"], fontname=FONT, fontsize=0.8)
    page.insert_text((72, 220), planted["invisible"], fontname=FONT, fontsize=12, render_mode=3)
    page.insert_text((72, 260), planted["covered"], fontname=FONT, fontsize=12)
    page.draw_rect(pymupdf.Rect(70, 245, 200, 265), color=(0, 0, 0), fill=(0, 0, 0))
    page.insert_text((72, 830), planted["offpage"], fontname=FONT, fontsize=12)
    layer = doc.add_ocg("隐藏图层", on=False)
    page.insert_text((72, 300), planted["layer"], fontname=FONT, fontsize=12, oc=layer)
    page.add_text_annot((400, 100), planted["annotation"])
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "备注"
    widget.field_value = planted["form"]
    widget.rect = pymupdf.Rect(72, 400, 300, 420)
    page.add_widget(widget)
    page.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(72, 450, 200, 470),
            "uri": f"https://example.invalid/{planted['link']}",
        }
    )
    page.set_cropbox(pymupdf.Rect(0, 0, 595, 800))  # the off-page text sits below this
    doc.set_metadata({"subject": planted["metadata"], "title": "测试"})
    doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><note>{planted['xmp']}</note></x:xmpmeta>")
    doc.set_toc([[1, planted["bookmark"], 1]])
    doc.embfile_add("附件.txt", f"附件正文：{planted['embedded']}".encode())
    js = doc.get_new_xref()
    doc.update_object(js, f"<</S/JavaScript/JS({planted['javascript']})>>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    return pdf_bytes(doc), planted


def pdf_with_term_across_line_and_page() -> bytes:
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((72, 100), "本段末尾出现内部", fontname=FONT, fontsize=12)
    page.insert_text((72, 118), "资料字样，跨行。", fontname=FONT, fontsize=12)
    page.insert_text((72, 800), "页末写着不得", fontname=FONT, fontsize=12)
    page2 = _page(doc)
    page2.insert_text((72, 72), "外传的字样。", fontname=FONT, fontsize=12)
    return pdf_bytes(doc)


def pdf_with_earlier_revision() -> bytes:
    """A secret written, then removed in an incremental save: the earlier revision still has it."""
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((72, 100), "公开内容第一句。", fontname=FONT, fontsize=12)
    page.insert_text((72, 140), f"联系人身份证号{SAMPLE_ID}", fontname=FONT, fontsize=12)
    return _incremental(doc.tobytes())


def _incremental(original: bytes) -> bytes:
    import os
    import tempfile

    fd, path = tempfile.mkstemp(suffix=".pdf")
    os.close(fd)
    try:
        with open(path, "wb") as f:
            f.write(original)
        doc = pymupdf.open(path)
        page = doc[0]
        page.add_redact_annot(pymupdf.Rect(60, 125, 500, 145))
        page.apply_redactions()
        doc.saveIncr()
        doc.close()
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


def scanned_pdf() -> bytes:
    doc = pymupdf.open()
    page = _page(doc)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 280), False)
    pix.clear_with(230)
    page.insert_image(page.rect, pixmap=pix)
    return pdf_bytes(doc)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_every_hiding_place() -> tuple[bytes, dict[str, str]]:
    planted = {
        "body": "内部资料",
        "header": "页眉秘藏甲",
        "footer": "页脚秘藏乙",
        "comment": "批注秘藏丙",
        "inserted": "插入秘藏丁",
        "deleted": "删除秘藏戊",
        "vanish": "隐藏秘藏己",
        "textbox": "文本框秘藏庚",
        "field": "域代码秘藏辛",
        "alt": "替代文字秘藏壬",
        "core": "属性秘藏癸",
        "custom": "自定义属性秘藏子",
        "customxml": "自定义XML秘藏丑",
        "docvar": "文档变量秘藏寅",
        "footnote": "脚注秘藏卯",
        "embedded": "嵌入秘藏辰",
    }
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = planted["header"]
    section.footer.paragraphs[0].text = planted["footer"]
    document.add_paragraph("第一段正文。")
    body = document.add_paragraph(f"第二段标有{planted['body']}。")
    document.add_comment(body.runs, text=planted["comment"], author="审核人")
    document.add_paragraph("MARKER_REVISIONS")
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 20), False)
    pix.clear_with(128)
    document.add_picture(io.BytesIO(pix.tobytes("png")))
    document.core_properties.subject = planted["core"]
    document.core_properties.author = "张某"
    buf = io.BytesIO()
    document.save(buf)
    return _patch_docx(buf.getvalue(), planted), planted


def _patch_docx(data: bytes, planted: dict[str, str]) -> bytes:
    """Adds by hand what python-docx cannot write: revisions, hidden runs, text boxes, parts."""
    w = f'xmlns:w="{W_NS}"'
    revisions = (
        f'<w:ins w:id="91" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:t>{planted["inserted"]}</w:t></w:r></w:ins>'
        f'<w:del w:id="92" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>{planted["deleted"]}</w:delText></w:r></w:del>'
        f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{planted['vanish']}</w:t></w:r>"
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>{planted["field"]}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>{planted['textbox']}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = content.decode("utf-8")
                text = re.sub(
                    r"<w:r>(?:(?!<w:r>).)*?MARKER_REVISIONS</w:t></w:r>", revisions, text, count=1, flags=re.S
                )
                text = re.sub(r"(<wp:docPr [^>]*?)(/?>)", rf'\1 descr="{planted["alt"]}"\2', text, count=1)
                content = text.encode("utf-8")
            elif item.filename == "word/settings.xml":
                text = content.decode("utf-8")
                text = text.replace(
                    "</w:settings>",
                    f'<w:docVars><w:docVar w:name="机关变量" w:val="{planted["docvar"]}"/></w:docVars></w:settings>',
                )
                content = text.encode("utf-8")
            dst.writestr(item, content)
        dst.writestr(
            "docProps/custom.xml",
            (
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="密级说明"><vt:lpwstr>{planted["custom"]}</vt:lpwstr></property>'
                "</Properties>"
            ),
        )
        dst.writestr("customXml/item9.xml", f"<data><note>{planted['customxml']}</note></data>")
        dst.writestr(
            "word/footnotes.xml",
            f'<w:footnotes {w}><w:footnote w:id="1"><w:p><w:r><w:t>{planted["footnote"]}</w:t></w:r></w:p></w:footnote></w:footnotes>',
        )
        dst.writestr("word/embeddings/附件.txt", f"嵌入的文本：{planted['embedded']}".encode())
    return out.getvalue()


def ofd_with_hidden_places() -> tuple[bytes, dict[str, str]]:
    planted = {
        "body": "内部资料",
        "invisible": "不可见秘藏甲",
        "docinfo": "文档信息秘藏乙",
        "annotation": "注释秘藏丙",
        "attachment": "附件秘藏丁",
    }
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    files = {
        "OFD.xml": f'<ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:Title>测试</ofd:Title>'
        f"<ofd:Abstract>{planted['docinfo']}</ofd:Abstract></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
        '<ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages>'
        "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>"
        "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments></ofd:Document>",
        "Doc_0/Pages/Page_0/Content.xml": f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="1">'
        '<ofd:TextObject ID="2" Boundary="10 10 100 10"><ofd:TextCode X="0" Y="5">第一页正文。</ofd:TextCode></ofd:TextObject>'
        "</ofd:Layer></ofd:Content></ofd:Page>",
        "Doc_0/Pages/Page_1/Content.xml": f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="1">'
        f'<ofd:TextObject ID="3" Boundary="10 10 100 10"><ofd:TextCode X="0" Y="5">第二页标有{planted["body"]}。</ofd:TextCode></ofd:TextObject>'
        f'<ofd:TextObject ID="4" Boundary="10 30 100 10" Visible="false"><ofd:TextCode X="0" Y="5">{planted["invisible"]}</ofd:TextCode></ofd:TextObject>'
        "</ofd:Layer></ofd:Content></ofd:Page>",
        "Doc_0/Annots/Annotations.xml": f'<ofd:Annotations {ns}><ofd:Page PageID="2"><ofd:FileLoc>Page_1/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>',
        "Doc_0/Annots/Page_1/Annotation.xml": f'<ofd:PageAnnot {ns}><ofd:Annot Type="Highlight"><ofd:Remark>{planted["annotation"]}</ofd:Remark></ofd:Annot></ofd:PageAnnot>',
        "Doc_0/Attachs/Attachments.xml": f'<ofd:Attachments {ns}><ofd:Attachment ID="9" Name="说明.txt"><ofd:FileLoc>说明.txt</ofd:FileLoc></ofd:Attachment></ofd:Attachments>',
        "Doc_0/Attachs/说明.txt": f"附件内容：{planted['attachment']}",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return out.getvalue(), planted


PERSONAL = {"id": SAMPLE_ID, "mobile": SAMPLE_MOBILE, "card": SAMPLE_BANK_CARD}
