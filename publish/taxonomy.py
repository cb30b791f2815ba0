"""Fixed vocabularies of government information disclosure (see shared/domain/REFERENCE.md).

Stored values are short English codes; what users see is the Chinese label. Region-specific lists
(主题分类) are seeds for editable data, not the final word.
"""

from __future__ import annotations

from enum import StrEnum

from review.errors import QT_TRANSLATE_NOOP

# 党政机关公文处理工作条例, art. 8: the 15 kinds of official document.
DOCUMENT_TYPES: tuple[str, ...] = (
    "决议",
    "决定",
    "命令（令）",
    "公报",
    "公告",
    "通告",
    "意见",
    "通知",
    "通报",
    "报告",
    "请示",
    "批复",
    "议案",
    "函",
    "纪要",
)

# The national policy library's 主题分类 (国务院政策文件库), shown 大类\\子类: the seed of the editable tree
# (app/categories.py). 民政、乡村振兴、救灾 was 民政、扶贫、救灾 until 2021 (migration 0020 renames it).
NATIONAL_TREE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "国务院组织机构",
        (
            "国务院组成部门",
            "国务院直属机构",
            "国务院办事机构",
            "国务院直属事业单位",
            "国务院部委管理的国家局",
            "其他",
        ),
    ),
    ("综合政务", ("政务公开", "政务督查", "电子政务", "应急管理", "信访", "其他")),
    ("国民经济管理、国有资产监管", ("宏观经济", "经济体制改革", "国有资产监管", "统计", "物价", "其他")),
    ("财政、金融、审计", ("财政", "税务", "审计", "银行", "保险", "证券", "外汇", "其他")),
    ("国土资源、能源", ("土地", "矿产", "海洋", "测绘", "电力", "煤炭", "石油与天然气", "其他")),
    ("农业、林业、水利", ("农业、畜牧业、渔业", "林业", "水利", "其他")),
    ("工业、交通", ("信息产业（含电信）", "邮政", "公路", "铁路", "水运", "民航", "其他")),
    ("商贸、海关、旅游", ("国内贸易（含供销）", "对外经贸合作", "海关", "旅游", "其他")),
    ("市场监管、安全生产监管", ("市场监管", "食品药品监管", "安全生产监管", "其他")),
    (
        "城乡建设、环境保护",
        ("城市规划", "城乡建设（含住房）", "环境监测、保护与治理", "气象、水文、地震", "其他"),
    ),
    ("科技、教育", ("科技", "教育", "知识产权", "其他")),
    ("文化、广电、新闻出版", ("文化", "广播影视", "新闻出版", "文物", "其他")),
    ("卫生、体育", ("卫生", "体育", "其他")),
    ("人口与计划生育、妇女儿童工作", ("人口与计划生育", "妇女儿童", "其他")),
    ("劳动、人事、监察", ("就业", "社会保障", "人事工作", "监察", "其他")),
    ("公安、安全、司法", ("公安", "安全", "司法", "其他")),
    ("民政、乡村振兴、救灾", ("减灾救灾", "社会福利", "社区建设", "优抚安置", "乡村振兴", "其他")),
    ("民族、宗教", ("民族事务", "宗教事务", "其他")),
    ("对外事务", ("外交", "其他")),
    ("港澳台侨工作", ("港澳工作", "台湾工作", "侨务工作", "其他")),
    ("国防", ("国防动员", "其他")),
    ("其他", ()),
)
NATIONAL_CATEGORIES: tuple[str, ...] = tuple(top for top, _ in NATIONAL_TREE)
RENAMED_CATEGORIES = {"民政、扶贫、救灾": "民政、乡村振兴、救灾"}  # old label → current


class DisclosureMode(StrEnum):
    """公开方式."""

    PROACTIVE = "proactive"
    ON_REQUEST = "on_request"
    NOT_DISCLOSED = "not_disclosed"

    @property
    def label(self) -> str:
        return _DISCLOSURE_LABELS[self]


_DISCLOSURE_LABELS = {
    DisclosureMode.PROACTIVE: QT_TRANSLATE_NOOP("Vocabulary", "主动公开"),
    DisclosureMode.ON_REQUEST: QT_TRANSLATE_NOOP("Vocabulary", "依申请公开"),
    DisclosureMode.NOT_DISCLOSED: QT_TRANSLATE_NOOP("Vocabulary", "不予公开"),
}


class LegalBasis(StrEnum):
    """Why information is withheld: the categories of 条例 Art. 14–16 (and Table 3 of the yearly report).

    TECHNICAL_CLEANUP is the one basis that withholds nothing: hidden content and metadata a reader
    never sees are taken out so the file says only what it shows. It is recorded as such and is
    not counted as withholding (conclusion, Art. 37, the yearly report).
    """

    STATE_SECRET = "art14_state_secret"
    FORBIDDEN_BY_LAW = "art14_forbidden_by_law"
    SECURITY_STABILITY = "art14_security_stability"
    THIRD_PARTY_RIGHTS = "art15_third_party"
    INTERNAL_AFFAIRS = "art16_internal_affairs"
    PROCESS_INFORMATION = "art16_process"
    ENFORCEMENT_FILES = "art16_enforcement_files"
    TECHNICAL_CLEANUP = "technical_cleanup"

    @property
    def label(self) -> str:
        return _BASIS_LABELS[self]

    @property
    def withholds(self) -> bool:
        return self is not LegalBasis.TECHNICAL_CLEANUP


_BASIS_LABELS = {
    LegalBasis.STATE_SECRET: QT_TRANSLATE_NOOP("Vocabulary", "国家秘密（条例第十四条）"),
    LegalBasis.FORBIDDEN_BY_LAW: QT_TRANSLATE_NOOP("Vocabulary", "法律、行政法规禁止公开（条例第十四条）"),
    LegalBasis.SECURITY_STABILITY: QT_TRANSLATE_NOOP(
        "Vocabulary", "危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）"
    ),
    LegalBasis.THIRD_PARTY_RIGHTS: QT_TRANSLATE_NOOP(
        "Vocabulary", "商业秘密、个人隐私等第三方合法权益（条例第十五条）"
    ),
    LegalBasis.INTERNAL_AFFAIRS: QT_TRANSLATE_NOOP("Vocabulary", "内部事务信息（条例第十六条）"),
    LegalBasis.PROCESS_INFORMATION: QT_TRANSLATE_NOOP("Vocabulary", "过程性信息（条例第十六条）"),
    LegalBasis.ENFORCEMENT_FILES: QT_TRANSLATE_NOOP("Vocabulary", "行政执法案卷信息（条例第十六条）"),
    LegalBasis.TECHNICAL_CLEANUP: QT_TRANSLATE_NOOP("Vocabulary", "技术性清理（非不予公开）"),
}

# The bases a document can be refused (不予公开) on: every one that withholds information.
WITHHOLDING_BASES: tuple[LegalBasis, ...] = tuple(b for b in LegalBasis if b.withholds)

# Channels a reader of the published file never sees (values of review.model.Channel): removing
# what is there is technical cleanup, whatever the text says.
HIDDEN_CHANNELS = frozenset(
    {
        "metadata",
        "annotation",
        "form_field",
        "embedded_file",
        "javascript",
        "bookmark",
        "link",
        "hidden_text",
        "earlier_revision",
        "comment",
        "tracked_change",
        "field_code",
        "alt_text",
        "custom_xml",
    }
)
_HIDDEN_CATEGORIES = frozenset({"隐藏内容"})
_BASIS_BY_CATEGORY = {
    "密级标志": LegalBasis.STATE_SECRET,
    "保密": LegalBasis.STATE_SECRET,
    "个人信息": LegalBasis.THIRD_PARTY_RIGHTS,
    "个人敏感信息": LegalBasis.THIRD_PARTY_RIGHTS,
    "第三方权益": LegalBasis.THIRD_PARTY_RIGHTS,
    "内部标识": LegalBasis.INTERNAL_AFFAIRS,
    "过程性信息": LegalBasis.PROCESS_INFORMATION,
}


def is_hidden(category: str, channel: str) -> bool:
    """A finding about content no reader sees (a hidden channel, or the hidden-content rules)."""
    return channel in HIDDEN_CHANNELS or category in _HIDDEN_CATEGORIES


def suggest_basis(rule_id: str, category: str, channel: str) -> LegalBasis | None:
    """The basis a finding most likely calls for: a suggestion shown to the reviewer, never a default.

    A 密级 marking is a state secret wherever it is; anything else in a hidden channel goes with
    the cleanup of that channel.
    """
    if rule_id.startswith("MARK-"):
        return LegalBasis.STATE_SECRET
    if is_hidden(category, channel):
        return LegalBasis.TECHNICAL_CLEANUP
    if rule_id.startswith("PII-"):
        return LegalBasis.THIRD_PARTY_RIGHTS
    return _BASIS_BY_CATEGORY.get(category)


class InterpretationForm(StrEnum):
    """解读形式 of a 政策解读."""

    TEXT = "text"
    GRAPHIC = "graphic"
    AUDIO_VIDEO = "audio_video"
    EXPERT = "expert"
    OFFICIAL = "official"
    QA = "qa"

    @property
    def label(self) -> str:
        return _FORM_LABELS[self]


_FORM_LABELS = {
    InterpretationForm.TEXT: QT_TRANSLATE_NOOP("Vocabulary", "文字解读"),
    InterpretationForm.GRAPHIC: QT_TRANSLATE_NOOP("Vocabulary", "图解"),
    InterpretationForm.AUDIO_VIDEO: QT_TRANSLATE_NOOP("Vocabulary", "音视频"),
    InterpretationForm.EXPERT: QT_TRANSLATE_NOOP("Vocabulary", "专家解读"),
    InterpretationForm.OFFICIAL: QT_TRANSLATE_NOOP("Vocabulary", "负责人解读"),
    InterpretationForm.QA: QT_TRANSLATE_NOOP("Vocabulary", "政策问答"),
}

# 三同步: an interpretation published after its document is due within this many working days.
INTERPRETATION_DEADLINE_WORKING_DAYS = 3
