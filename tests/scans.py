"""Generated scans of typeset government Chinese text, with the text that is on them.

Text is set in the CJK font PyMuPDF carries, rendered to a grey image at scanner resolution (with a
little noise, as a scanner leaves) and, for PDFs, placed as the only content of a page — what a
scanned 公文 looks like to the desk. Shared by tests/test_ocr.py and benchmarks/ocr_engines.py.
"""

from __future__ import annotations

from dataclasses import dataclass

A4 = (595.0, 842.0)
MARGIN = 72.0
# MuPDF's own CJK font by reference (not embedded: embedding it costs 2 s a page here).
FONT = "china-s"

PARAGRAPHS = [
    "各区人民政府，市政府各部门，各有关单位：",
    "为切实做好今冬明春供暖保障工作，确保群众温暖过冬，经市政府同意，现就有关事项通知如下。"
    "各供热单位要在十一月十五日前完成管网检修和设备调试，储备充足燃料，制定应急预案。",
    "一、落实属地责任。各区要建立供暖工作专班，主要负责同志亲自部署，逐户排查老旧小区供热设施，"
    "对发现的问题建立台账，明确整改时限和责任人，做到问题不解决不销号。",
    "二、加强监督检查。市住房城乡建设委会同市场监管局开展联合检查，重点检查供热温度、收费标准、"
    "服务质量等情况。对室温不达标的，责令限期整改；情节严重的，依法依规严肃处理。",
    "三、畅通诉求渠道。12345热线要设立供暖专席，受理群众来电二十四小时内答复，办结率不低于百分之九十八。",
    "联系人：王建国，身份证号110101199003077578，联系电话13812345678。",
]

TABLE = [
    ("序号", "姓名", "单位", "身份证号"),
    ("1", "李明华", "市供热办", "110101199003077578"),
    ("2", "张秀英", "东城区住建委", "44030119851012341X"),
    ("3", "刘志强", "西城区供热站", "320102197706154339"),
]


@dataclass
class Scan:
    png: bytes  # the page as a grey PNG
    dpi: int
    lines: list[str]  # what is printed, line by line in reading order (table rows cell by cell)
    width_pt: float
    height_pt: float


def _wrap(text: str, size: float, width: float) -> list[str]:
    # The referenced (not embedded) CJK font is drawn one em per character, digits included.
    lines, current = [], ""
    for ch in text:
        if current and (len(current) + 1) * size > width:
            lines.append(current)
            current = ""
        current += ch
    if current:
        lines.append(current)
    return lines


def typeset_page(
    paragraphs: list[str] | None = None,
    *,
    title: str | None = "关于做好冬季供暖保障工作的通知",
    table: list[tuple[str, ...]] | None = None,
    size: float = 16.0,
    page_size: tuple[float, float] = A4,
) -> tuple[bytes, list[str]]:
    """A one-page PDF with the text as real text, and the lines printed on it."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=page_size[0], height=page_size[1])
    width = page_size[0] - 2 * MARGIN
    y = MARGIN + 10
    printed: list[str] = []
    if title:
        tsize = size * 1.35
        x = (page_size[0] - len(title) * tsize) / 2
        page.insert_text((x, y + tsize), title, fontname=FONT, fontsize=tsize)
        printed.append(title)
        y += tsize * 2.2
    for para in PARAGRAPHS if paragraphs is None else paragraphs:
        first = True
        for line in _wrap(para, size, width - 2 * size):
            x = MARGIN + (2 * size if first else 0)
            page.insert_text((x, y + size), line, fontname=FONT, fontsize=size)
            printed.append(line)
            y += size * 1.75
            first = False
    if table:
        tsize = size * 0.75
        cols = [MARGIN, MARGIN + 50, MARGIN + 130, MARGIN + 250]
        y += tsize
        for row in table:
            top = y
            for x, cell in zip(cols, row, strict=False):
                page.insert_text((x + 4, y + tsize * 1.2), cell, fontname=FONT, fontsize=tsize)
            printed.append("".join(row))
            y += tsize * 1.9
            page.draw_line((MARGIN, top), (page_size[0] - MARGIN, top), width=0.6)
        page.draw_line((MARGIN, y), (page_size[0] - MARGIN, y), width=0.6)
    pdf = doc.tobytes()
    doc.close()
    return pdf, printed


def scan(pdf: bytes, dpi: int = 300, noise: float = 0.02, seed: int = 7) -> Scan:
    """Page 1 of `pdf` as a scanner would give it: grey, at `dpi`, with specks of noise."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        page = doc[0]
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        rect = page.rect
    if noise:
        import numpy as np

        rng = np.random.default_rng(seed)
        samples = np.frombuffer(pix.samples, dtype=np.uint8).astype(np.int16)
        specks = rng.random(samples.shape) < noise
        samples[specks] += rng.integers(-90, 90, int(specks.sum()), dtype=np.int16)
        grey = np.clip(samples, 0, 255).astype(np.uint8).tobytes()
        pix = pymupdf.Pixmap(pymupdf.csGRAY, pix.width, pix.height, grey, False)
    return Scan(pix.tobytes("png"), dpi, [], rect.width, rect.height)


def scanned_pdf(images: list[Scan]) -> bytes:
    """A PDF whose pages are only the images, as a scanner's PDF export makes them."""
    import pymupdf

    doc = pymupdf.open()
    for image in images:
        page = doc.new_page(width=image.width_pt, height=image.height_pt)
        page.insert_image(page.rect, stream=image.png)
    out = doc.tobytes(deflate=True)
    doc.close()
    return out


def government_scans(count: int = 3, dpi: int = 300) -> list[Scan]:
    """A few pages of a 通知: paragraphs, personal data, and a table of names (on page 2)."""
    pages: list[Scan] = []
    rotated = PARAGRAPHS[1:] + PARAGRAPHS[:1]
    for n in range(count):
        paragraphs = PARAGRAPHS if n % 2 == 0 else rotated[:4]
        pdf, printed = typeset_page(
            paragraphs,
            title="关于做好冬季供暖保障工作的通知" if n == 0 else None,
            table=TABLE if n % 2 == 1 else None,
            size=16.0 if n != 2 else 12.0,
        )
        page = scan(pdf, dpi, seed=n)
        page.lines = printed
        pages.append(page)
    return pages
