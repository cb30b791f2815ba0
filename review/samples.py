"""Synthetic Chinese draft documents with planted problems, for the demo workspace and the tests.

Everything here is generated: the numbers are valid in form (check digits included) but belong to
no one.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from review.compose import compose_pdf


def id_check_digit(first17: str) -> str:
    """GB 11643 MOD 11-2 check character of an 18-digit 居民身份证号."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    return "10X98765432"[total % 11]


def luhn_complete(partial: str) -> str:
    """`partial` with the Luhn check digit appended."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return partial + str((10 - total % 10) % 10)


SAMPLE_ID = "11010519850307" + "123" + id_check_digit("11010519850307123")
SAMPLE_MOBILE = "13912345678"
SAMPLE_BANK_CARD = luhn_complete("621700123456789012")


@dataclass(frozen=True)
class SampleDocument:
    name: str
    title: str
    data: bytes
    planted: tuple[str, ...]  # what a checker should find; empty for a clean document


def clean_notice() -> SampleDocument:
    title = "关于做好2026年冬季供暖保障工作的通知"
    paras = [
        "各区（市）人民政府，市政府各部门：",
        "为切实做好今冬明春供暖保障工作，确保群众温暖过冬，现就有关事项通知如下。",
        "一、提高思想认识。各地各部门要把供暖保障作为重要民生工程，压实工作责任。",
        "二、加强热源保障。供热企业要提前储备燃料，做好设备检修，确保按时供热。",
        "三、强化服务监督。开通供暖服务热线，及时回应群众诉求，接受社会监督。",
        "示例市城市管理局",
        "2026年10月15日",
        "（此件公开发布）",
    ]
    return SampleDocument("供暖保障通知.pdf", title, compose_pdf(paras, title), ())


def marked_notice() -> SampleDocument:
    """A draft with a classification marking and personal data in the body."""
    title = "关于调整城乡居民医疗保险缴费标准的通知"
    paras = [
        "机密★10年",
        "各县（区）医疗保障局：",
        "经研究，拟对城乡居民医疗保险个人缴费标准进行调整，具体方案另行下发。",
        f"联系人：王某某，身份证号 {SAMPLE_ID}，手机 {SAMPLE_MOBILE}。",
        "本通知自印发之日起施行。",
        "示例市医疗保障局",
        "2026年9月20日",
    ]
    return SampleDocument(
        "医保缴费标准通知.pdf", title, compose_pdf(paras, title), ("机密★10年", SAMPLE_ID, SAMPLE_MOBILE)
    )


def hidden_text_report() -> SampleDocument:
    """Looks clean on screen; carries white text and metadata a reader does not see."""
    import pymupdf

    title = "2026年第三季度行政许可办理情况公示"
    paras = [
        "根据《中华人民共和国行政许可法》有关规定，现将本季度行政许可办理情况公示如下。",
        "本季度共受理行政许可申请1,286件，办结1,279件，按期办结率99.5%。",
        "群众对办理情况有异议的，可在公示期内向本局反映。",
    ]
    doc = pymupdf.open("pdf", compose_pdf(paras, title))
    page = doc[0]
    page.insert_text(
        (72, 700), f"内部资料 申请人身份证号{SAMPLE_ID}", fontname="china-s", fontsize=9, color=(1, 1, 1)
    )
    doc.set_metadata({"title": title, "subject": "内部资料，注意保存", "author": "示例市行政审批局"})
    out = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return SampleDocument("行政许可办理情况.pdf", title, out, ("内部资料", SAMPLE_ID))


def minutes_docx() -> SampleDocument:
    """A DOCX whose header, comment and body carry things that must not go out."""
    import docx

    title = "关于老旧小区改造项目的会议纪要"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部文件 不得外传"
    document.add_heading(title, level=1)
    body = document.add_paragraph("会议研究了2026年老旧小区改造项目推进情况，明确了下一步工作安排。")
    document.add_paragraph(f"施工单位结算账户：{SAMPLE_BANK_CARD}。")
    document.add_comment(body.runs, text=f"请联系张某某核实，电话{SAMPLE_MOBILE}", author="审核人")
    buf = io.BytesIO()
    document.save(buf)
    return SampleDocument(
        "老旧小区改造会议纪要.docx",
        title,
        buf.getvalue(),
        ("内部文件", "不得外传", SAMPLE_BANK_CARD, SAMPLE_MOBILE),
    )


def gbk_text_notice() -> SampleDocument:
    """Plain text in GBK, as many offices still produce it."""
    title = "关于开展2026年度安全生产大检查的通告"
    text = "\n".join(
        [
            title,
            "为防范化解重大安全风险，决定在全市范围内开展安全生产大检查。",
            "检查时间：2026年11月1日至12月31日。",
            "（秘密）检查重点企业名单见附件。",
            "示例市应急管理局",
        ]
    )
    return SampleDocument("安全生产大检查通告.txt", title, text.encode("gbk"), ("（秘密）",))


def demo_documents() -> list[SampleDocument]:
    return [clean_notice(), marked_notice(), hidden_text_report(), minutes_docx(), gbk_text_notice()]
