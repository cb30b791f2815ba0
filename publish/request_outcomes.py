"""Applicants and outcomes of requests for information, and where each counts in Table 3 of the
yearly report (国办公开办函〔2021〕30号, 三、收到和处理政府信息公开申请情况).

An outcome is what the answer says (政府信息公开条例 Art. 36, 37, 30, 35 …); its Table 3 row is
fixed here, so the statistics and the answer letters use one list.
"""

from __future__ import annotations

from enum import StrEnum

from review.errors import QT_TRANSLATE_NOOP


class ApplicantKind(StrEnum):
    """Table 3's columns: 自然人, and 法人或其他组织 in five kinds."""

    PERSON = "person"
    BUSINESS = "business"
    RESEARCH = "research"
    NONPROFIT = "nonprofit"
    LEGAL_SERVICE = "legal_service"
    OTHER_ORG = "other_org"

    @property
    def label(self) -> str:
        return _APPLICANT_LABELS[self]


_APPLICANT_LABELS = {
    ApplicantKind.PERSON: QT_TRANSLATE_NOOP("Vocabulary", "自然人"),
    ApplicantKind.BUSINESS: QT_TRANSLATE_NOOP("Vocabulary", "商业企业"),
    ApplicantKind.RESEARCH: QT_TRANSLATE_NOOP("Vocabulary", "科研机构"),
    ApplicantKind.NONPROFIT: QT_TRANSLATE_NOOP("Vocabulary", "社会公益组织"),
    ApplicantKind.LEGAL_SERVICE: QT_TRANSLATE_NOOP("Vocabulary", "法律服务机构"),
    ApplicantKind.OTHER_ORG: QT_TRANSLATE_NOOP("Vocabulary", "其他"),
}


class Channel(StrEnum):
    IN_PERSON = "in_person"
    POST = "post"
    ONLINE = "online"
    FAX = "fax"
    EMAIL = "email"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.IN_PERSON: QT_TRANSLATE_NOOP("Vocabulary", "当面"),
    Channel.POST: QT_TRANSLATE_NOOP("Vocabulary", "邮寄"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("Vocabulary", "网上"),
    Channel.FAX: QT_TRANSLATE_NOOP("Vocabulary", "传真"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Vocabulary", "电子邮件"),
    Channel.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "其他"),
}


class Table3Row(StrEnum):
    """The 办理结果 rows of Table 3 that an answered request counts in (labels as the form prints them)."""

    DISCLOSED = "disclosed"
    PARTLY = "partly"
    WITHHELD_SECRET = "withheld_secret"
    WITHHELD_LAW = "withheld_law"
    WITHHELD_SAFETY = "withheld_safety"
    WITHHELD_THIRD_PARTY = "withheld_third_party"
    WITHHELD_INTERNAL = "withheld_internal"
    WITHHELD_PROCESS = "withheld_process"
    WITHHELD_ENFORCEMENT = "withheld_enforcement"
    WITHHELD_QUERY = "withheld_query"
    UNABLE_NOT_HELD = "unable_not_held"
    UNABLE_NEEDS_CREATION = "unable_needs_creation"
    UNABLE_STILL_UNCLEAR = "unable_still_unclear"
    UNPROCESSED_COMPLAINT = "unprocessed_complaint"
    UNPROCESSED_REPEATED = "unprocessed_repeated"
    UNPROCESSED_PUBLICATION = "unprocessed_publication"
    UNPROCESSED_EXCESSIVE = "unprocessed_excessive"
    UNPROCESSED_CONFIRMATION = "unprocessed_confirmation"
    OTHER_NO_SUPPLEMENT = "other_no_supplement"
    OTHER_NO_FEE = "other_no_fee"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ROW_LABELS[self]

    @property
    def group(self) -> str:
        """The 办理结果 group it sits under: （一）…（六）."""
        return _GROUP_OF[self]


_ROW_LABELS = {
    Table3Row.DISCLOSED: QT_TRANSLATE_NOOP("Report", "（一）予以公开"),
    Table3Row.PARTLY: QT_TRANSLATE_NOOP("Report", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    Table3Row.WITHHELD_SECRET: QT_TRANSLATE_NOOP("Report", "1.属于国家秘密"),
    Table3Row.WITHHELD_LAW: QT_TRANSLATE_NOOP("Report", "2.其他法律行政法规禁止公开"),
    Table3Row.WITHHELD_SAFETY: QT_TRANSLATE_NOOP("Report", "3.危及“三安全一稳定”"),
    Table3Row.WITHHELD_THIRD_PARTY: QT_TRANSLATE_NOOP("Report", "4.保护第三方合法权益"),
    Table3Row.WITHHELD_INTERNAL: QT_TRANSLATE_NOOP("Report", "5.属于三类内部事务信息"),
    Table3Row.WITHHELD_PROCESS: QT_TRANSLATE_NOOP("Report", "6.属于四类过程性信息"),
    Table3Row.WITHHELD_ENFORCEMENT: QT_TRANSLATE_NOOP("Report", "7.属于行政执法案卷"),
    Table3Row.WITHHELD_QUERY: QT_TRANSLATE_NOOP("Report", "8.属于行政查询事项"),
    Table3Row.UNABLE_NOT_HELD: QT_TRANSLATE_NOOP("Report", "1.本机关不掌握相关政府信息"),
    Table3Row.UNABLE_NEEDS_CREATION: QT_TRANSLATE_NOOP("Report", "2.没有现成信息需要另行制作"),
    Table3Row.UNABLE_STILL_UNCLEAR: QT_TRANSLATE_NOOP("Report", "3.补正后申请内容仍不明确"),
    Table3Row.UNPROCESSED_COMPLAINT: QT_TRANSLATE_NOOP("Report", "1.信访举报投诉类申请"),
    Table3Row.UNPROCESSED_REPEATED: QT_TRANSLATE_NOOP("Report", "2.重复申请"),
    Table3Row.UNPROCESSED_PUBLICATION: QT_TRANSLATE_NOOP("Report", "3.要求提供公开出版物"),
    Table3Row.UNPROCESSED_EXCESSIVE: QT_TRANSLATE_NOOP("Report", "4.无正当理由大量反复申请"),
    Table3Row.UNPROCESSED_CONFIRMATION: QT_TRANSLATE_NOOP("Report", "5.要求行政机关确认或重新出具已获取信息"),
    Table3Row.OTHER_NO_SUPPLEMENT: QT_TRANSLATE_NOOP(
        "Report", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    ),
    Table3Row.OTHER_NO_FEE: QT_TRANSLATE_NOOP(
        "Report", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    ),
    Table3Row.OTHER: QT_TRANSLATE_NOOP("Report", "3.其他"),
}

GROUP_WITHHELD = QT_TRANSLATE_NOOP("Report", "（三）不予公开")
GROUP_UNABLE = QT_TRANSLATE_NOOP("Report", "（四）无法提供")
GROUP_UNPROCESSED = QT_TRANSLATE_NOOP("Report", "（五）不予处理")
GROUP_OTHER = QT_TRANSLATE_NOOP("Report", "（六）其他处理")

_GROUP_OF = {
    **{r: "" for r in (Table3Row.DISCLOSED, Table3Row.PARTLY)},
    **{r: GROUP_WITHHELD for r in Table3Row if r.value.startswith("withheld_")},
    **{r: GROUP_UNABLE for r in Table3Row if r.value.startswith("unable_")},
    **{r: GROUP_UNPROCESSED for r in Table3Row if r.value.startswith("unprocessed_")},
    **{r: GROUP_OTHER for r in Table3Row if r.value.startswith("other")},
}


class Outcome(StrEnum):
    """What the answer says (Art. 36 and the Table 3 reasons); `row` is where it counts."""

    ALREADY_PUBLIC = "already_public"  # Art. 36(一): where to find it
    DISCLOSED = "disclosed"  # Art. 36(二)
    PARTLY = "partly"  # Art. 37: a reason for each withheld part
    WITHHELD_SECRET = "withheld_secret"  # Art. 36(三) with Art. 14–16
    WITHHELD_LAW = "withheld_law"
    WITHHELD_SAFETY = "withheld_safety"
    WITHHELD_THIRD_PARTY = "withheld_third_party"
    WITHHELD_INTERNAL = "withheld_internal"
    WITHHELD_PROCESS = "withheld_process"
    WITHHELD_ENFORCEMENT = "withheld_enforcement"
    WITHHELD_QUERY = "withheld_query"
    NOT_EXIST = "not_exist"  # Art. 36(四)
    NOT_OURS = "not_ours"  # Art. 36(五): name the right agency if known
    NEEDS_CREATION = "needs_creation"  # Art. 38
    STILL_UNCLEAR = "still_unclear"
    COMPLAINT = "complaint"  # Art. 39
    REPEATED = "repeated"  # Art. 36(六)
    PUBLICATION = "publication"  # Art. 39
    EXCESSIVE = "excessive"  # Art. 35
    CONFIRMATION = "confirmation"
    SUPPLEMENT_LAPSED = "supplement_lapsed"  # Art. 30
    FEE_LAPSED = "fee_lapsed"  # Art. 42
    OTHER_LAW = "other_law"  # Art. 36(七): 工商、不动产登记资料 and the like
    WITHDRAWN = "withdrawn"  # the applicant withdrew it
    OTHER = "other"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @property
    def row(self) -> Table3Row:
        return _OUTCOME_ROWS.get(self) or Table3Row(self.value)


_OUTCOME_ROWS = {
    Outcome.ALREADY_PUBLIC: Table3Row.DISCLOSED,
    Outcome.NOT_EXIST: Table3Row.UNABLE_NOT_HELD,
    Outcome.NOT_OURS: Table3Row.UNABLE_NOT_HELD,
    Outcome.NEEDS_CREATION: Table3Row.UNABLE_NEEDS_CREATION,
    Outcome.STILL_UNCLEAR: Table3Row.UNABLE_STILL_UNCLEAR,
    Outcome.COMPLAINT: Table3Row.UNPROCESSED_COMPLAINT,
    Outcome.REPEATED: Table3Row.UNPROCESSED_REPEATED,
    Outcome.PUBLICATION: Table3Row.UNPROCESSED_PUBLICATION,
    Outcome.EXCESSIVE: Table3Row.UNPROCESSED_EXCESSIVE,
    Outcome.CONFIRMATION: Table3Row.UNPROCESSED_CONFIRMATION,
    Outcome.SUPPLEMENT_LAPSED: Table3Row.OTHER_NO_SUPPLEMENT,
    Outcome.FEE_LAPSED: Table3Row.OTHER_NO_FEE,
    Outcome.OTHER_LAW: Table3Row.OTHER,
    Outcome.WITHDRAWN: Table3Row.OTHER,
    Outcome.OTHER: Table3Row.OTHER,
}

_OUTCOME_LABELS = {
    Outcome.ALREADY_PUBLIC: QT_TRANSLATE_NOOP("Vocabulary", "已主动公开（告知获取途径）"),
    Outcome.DISCLOSED: QT_TRANSLATE_NOOP("Vocabulary", "予以公开"),
    Outcome.PARTLY: QT_TRANSLATE_NOOP("Vocabulary", "部分公开"),
    Outcome.WITHHELD_SECRET: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：属于国家秘密"),
    Outcome.WITHHELD_LAW: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：其他法律行政法规禁止公开"),
    Outcome.WITHHELD_SAFETY: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：危及“三安全一稳定”"),
    Outcome.WITHHELD_THIRD_PARTY: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：保护第三方合法权益"),
    Outcome.WITHHELD_INTERNAL: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：属于三类内部事务信息"),
    Outcome.WITHHELD_PROCESS: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：属于四类过程性信息"),
    Outcome.WITHHELD_ENFORCEMENT: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：属于行政执法案卷"),
    Outcome.WITHHELD_QUERY: QT_TRANSLATE_NOOP("Vocabulary", "不予公开：属于行政查询事项"),
    Outcome.NOT_EXIST: QT_TRANSLATE_NOOP("Vocabulary", "无法提供：信息不存在"),
    Outcome.NOT_OURS: QT_TRANSLATE_NOOP("Vocabulary", "无法提供：非本机关负责公开"),
    Outcome.NEEDS_CREATION: QT_TRANSLATE_NOOP("Vocabulary", "无法提供：没有现成信息需要另行制作"),
    Outcome.STILL_UNCLEAR: QT_TRANSLATE_NOOP("Vocabulary", "无法提供：补正后申请内容仍不明确"),
    Outcome.COMPLAINT: QT_TRANSLATE_NOOP("Vocabulary", "不予处理：信访举报投诉类申请"),
    Outcome.REPEATED: QT_TRANSLATE_NOOP("Vocabulary", "不予处理：重复申请"),
    Outcome.PUBLICATION: QT_TRANSLATE_NOOP("Vocabulary", "不予处理：要求提供公开出版物"),
    Outcome.EXCESSIVE: QT_TRANSLATE_NOOP("Vocabulary", "不予处理：无正当理由大量反复申请"),
    Outcome.CONFIRMATION: QT_TRANSLATE_NOOP("Vocabulary", "不予处理：要求确认或重新出具已获取信息"),
    Outcome.SUPPLEMENT_LAPSED: QT_TRANSLATE_NOOP("Vocabulary", "逾期不补正，不再处理"),
    Outcome.FEE_LAPSED: QT_TRANSLATE_NOOP("Vocabulary", "逾期未缴纳费用，不再处理"),
    Outcome.OTHER_LAW: QT_TRANSLATE_NOOP("Vocabulary", "其他法律行政法规另有规定（告知依其办理）"),
    Outcome.WITHDRAWN: QT_TRANSLATE_NOOP("Vocabulary", "申请人撤回申请"),
    Outcome.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "其他处理"),
}
