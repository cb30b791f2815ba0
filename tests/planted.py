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


# -- issue 14: every place a file hides text ------------------------------------------------------


def _zip(files: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return out.getvalue()


def xlsx_bytes(cells: list[list[str]], hidden_sheet: str | None = None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in cells:
        sheet.append(row)
    if hidden_sheet:
        other = book.create_sheet("隐藏表")
        other.append([hidden_sheet])
        other.sheet_state = "hidden"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def pdf_with_attachments() -> tuple[bytes, dict[str, str]]:
    """Attachments of types the engine used to pass over, none recognisable by its name: a GBK
    CSV, a ZIP holding a spreadsheet (a secret on a hidden sheet), an HTML file attached to an
    annotation under a name without an extension, and one that nobody can read."""
    planted = {
        "csv": SAMPLE_ID,
        "xlsx": "表格秘藏甲",
        "xlsx_hidden": "隐藏表秘藏乙",
        "annotation_html": "网页秘藏丙",
        "html_comment": "注释秘藏丁",
    }
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((72, 100), "正文没有任何敏感内容。", fontname=FONT, fontsize=12)
    csv = f"姓名,身份证号\n张三,{planted['csv']}\n".encode("gb18030")
    doc.embfile_add("名单.csv", csv, filename="名单.csv", ufilename="名单.csv")
    inner = xlsx_bytes([["项目", planted["xlsx"]]], hidden_sheet=planted["xlsx_hidden"])
    doc.embfile_add("资料", _zip({"表/内.xlsx": inner}), filename="资料", ufilename="资料")
    doc.embfile_add("数据.txt", bytes(range(256)) * 8, filename="数据.txt", ufilename="数据.txt")
    html = (
        f"<html><body><p>{planted['annotation_html']}</p><!-- {planted['html_comment']} --></body></html>"
    ).encode()
    page.add_file_annot((400, 100), html, "说明")
    return pdf_bytes(doc), planted


def _actual_text_content(glyphs_pdf_hex: str, actual: str) -> bytes:
    hex_actual = "FEFF" + actual.encode("utf-16-be").hex().upper()
    return (
        f"/Span <</ActualText <{hex_actual}>>> BDC\nBT\n/helv 12 Tf 1 0 0 1 72 600 Tm <{glyphs_pdf_hex}> Tj\nET\nEMC\n"
    ).encode()


def _jpeg_with_segments(comment: str, exif_text: str) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 64), (200, 200, 200))
    exif = Image.Exif()
    exif[0x010E] = exif_text  # ImageDescription
    buf = io.BytesIO()
    image.save(buf, "JPEG", comment=comment.encode("utf-8"), exif=exif.tobytes())
    return buf.getvalue()


def pdf_with_hidden_text() -> tuple[bytes, dict[str, str]]:
    """One hiding place each: ActualText that says something else than the glyphs, a form
    field's tooltip, a page thumbnail, a JPEG comment and EXIF text, a cropped image whose hidden
    part has content, an orphan object and an orphan stream, and /AdditionalStreams in the
    trailer (an ODF source, as LibreOffice's hybrid PDF keeps it)."""
    planted = {
        "actualtext": "替换秘藏甲",
        "tooltip": "提示秘藏乙",
        "jpeg_comment": "jpegcommentsecret",
        "exif": "exifsecretdescription",
        "orphan_string": "孤立秘藏丙",
        "orphan_stream": "孤立流秘藏丁",
        "trailer_odf": "混合秘藏戊",
        "visible": "这是正文。",
    }
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((72, 100), planted["visible"], fontname=FONT, fontsize=12)
    page.insert_text((72, 700), "x", fontname="helv", fontsize=1, color=(1, 1, 1))  # declares /helv
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "说明"
    widget.field_value = "普通"
    widget.field_label = planted["tooltip"]
    widget.rect = pymupdf.Rect(72, 400, 300, 420)
    page.add_widget(widget)
    page.insert_image(
        pymupdf.Rect(72, 450, 136, 514), stream=_jpeg_with_segments(planted["jpeg_comment"], planted["exif"])
    )
    # A picture half of which lies outside the CropBox: the cut half carries a dark block.
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 100, 40), False)
    pix.clear_with(255)
    pix.set_rect(pymupdf.IRect(60, 0, 100, 40), (0, 0, 0))
    page.insert_image(pymupdf.Rect(450, 200, 650, 280), pixmap=pix)
    page.set_cropbox(pymupdf.Rect(0, 0, 560, 842))
    thumb = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 28), False)
    thumb.clear_with(180)
    thumb_xref = doc.get_new_xref()
    doc.update_object(thumb_xref, "<</Width 20 /Height 28 /ColorSpace /DeviceRGB /BitsPerComponent 8>>")
    doc.update_stream(thumb_xref, thumb.samples)
    doc.xref_set_key(page.xref, "Thumb", f"{thumb_xref} 0 R")
    contents = page.get_contents()[0]
    glyphs = "ABCDEF".encode("latin-1").hex().upper()
    doc.update_stream(
        contents, doc.xref_stream(contents) + b"\n" + _actual_text_content(glyphs, planted["actualtext"])
    )
    orphan = doc.get_new_xref()
    hex_secret = "FEFF" + planted["orphan_string"].encode("utf-16-be").hex()
    doc.update_object(orphan, f"<</Note <{hex_secret}>>>")
    orphan_stream = doc.get_new_xref()
    doc.update_object(orphan_stream, "<<>>")
    doc.update_stream(orphan_stream, f"草稿：{planted['orphan_stream']}".encode())
    odf = _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": (
                '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                f"<text:p>{planted['trailer_odf']}</text:p></office:document-content>"
            ),
        }
    )
    odf_xref = doc.get_new_xref()
    doc.update_object(odf_xref, "<</Type /EmbeddedFile>>")
    doc.update_stream(odf_xref, odf)
    # garbage=0: the orphans must stay; the trailer is written by PyMuPDF without private keys,
    # so /AdditionalStreams is added to the written trailer (after the xref table: no offset moves).
    data = doc.tobytes(garbage=0, deflate=True)
    marker = data.rindex(b"trailer")
    end = data.index(b"<<", marker) + 2
    extra = f"/AdditionalStreams [(application/vnd.oasis.opendocument.text) {odf_xref} 0 R]".encode()
    return data[:end] + extra + data[end:], planted


def pdf_with_glyphs_drawn_backwards() -> bytes:
    """An ID number whose digits are drawn one by one from right to left: the stream reads it
    backwards, a person reads it left to right."""
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((72, 100), "身份证号：", fontname=FONT, fontsize=12)
    x0, step = 132.0, 7.0
    for i in reversed(range(len(SAMPLE_ID))):
        page.insert_text((x0 + i * step, 100), SAMPLE_ID[i], fontname="helv", fontsize=12)
    return pdf_bytes(doc)


def docx_with_alt_chunk_and_embedding() -> tuple[bytes, dict[str, str]]:
    """An altChunk part (MHT-free HTML, merged into the body only when Word opens the file) and an
    embedded spreadsheet stored under a name that says nothing (.bin)."""
    planted = {"altchunk": "外来块秘藏甲", "embedded_xlsx": "嵌入表格秘藏乙"}
    document = docx.Document()
    document.add_paragraph("第一段正文。")
    buf = io.BytesIO()
    document.save(buf)
    out = io.BytesIO()
    rel = (
        '<Relationship Id="rIdAlt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/aFChunk" Target="afchunk.htm"/>'
    )
    with (
        zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif item.filename == "word/document.xml":
                content = content.replace(
                    b"<w:sectPr",
                    b'<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdAlt1"/><w:sectPr',
                    1,
                )
            dst.writestr(item, content)
        dst.writestr("word/afchunk.htm", f"<html><body><p>{planted['altchunk']}</p></body></html>")
        dst.writestr("word/embeddings/oleObject1.bin", xlsx_bytes([[planted["embedded_xlsx"]]]))
    return out.getvalue(), planted


def ofd_with_attachment_without_extension() -> tuple[bytes, dict[str, str]]:
    data, planted = ofd_with_hidden_places()
    secret = SAMPLE_ID
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "Doc_0/Attachs/Attachments.xml":
                content = content.replace(
                    b"</ofd:Attachments>",
                    '<ofd:Attachment ID="10" Name="名单"><ofd:FileLoc>名单</ofd:FileLoc></ofd:Attachment>'
                    "</ofd:Attachments>".encode(),
                )
            dst.writestr(item, content)
        dst.writestr("Doc_0/Attachs/名单", f"张三,{secret}\n".encode("gb18030"))
    return out.getvalue(), {**planted, "extensionless": secret}
