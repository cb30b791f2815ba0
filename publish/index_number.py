"""索引号: the catalog's identifier, in a scheme each region configures (REFERENCE.md).

Examples it can express: `000014349/2018-00222` (agency code / year - 5-digit serial),
`11341702486344515H/202110-00013` (credit code / yyyymm - serial), `01527918X-2020-153077`.
Allocation (unique, never reused, safe under concurrency) is the state layer's job; this module
says what a number looks like, which counter it draws from, and which part of the serial range
(号段) this machine may hand out: an air-gapped review machine and the online machine of one
department each number from their own 号段, so the same public scheme never yields the same
number twice (`parse` reads a number back, to step past numbers that came in a transfer package).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field

from review.errors import QT_TRANSLATE_NOOP, TranslatableError


class IndexSchemeError(TranslatableError):
    pass


@dataclass(frozen=True)
class IndexScheme:
    prefix: str  # 机构代码 or 统一社会信用代码
    date_format: str = "YYYY"  # or "YYYYMM"
    serial_digits: int = 5
    # "department": one sequence for the department; "category": one per 主题分类 code.
    serial_scope: str = "department"
    reset: str = "yearly"  # or "monthly"
    prefix_separator: str = "/"
    serial_separator: str = "-"
    # Optional category code between prefix and date, from 主题分类 to a code.
    category_codes: dict[str, str] = field(default_factory=dict)
    category_separator: str = "-"
    # This machine's 号段: the serials it hands out (last None: up to the largest the digits allow).
    # Two machines that publish for one department are given ranges that do not overlap.
    serial_first: int = 1
    serial_last: int | None = None

    def __post_init__(self) -> None:
        problems = []
        if not self.prefix.strip():
            problems.append("前缀（机构代码）不能为空")
        if self.date_format not in ("YYYY", "YYYYMM"):
            problems.append("日期格式只能是 YYYY 或 YYYYMM")
        if not 3 <= self.serial_digits <= 8:
            problems.append("流水号位数应为 3 到 8")
        if self.serial_scope not in ("department", "category"):
            problems.append("流水号范围只能是部门或类别")
        if self.reset not in ("yearly", "monthly"):
            problems.append("流水号只能按年或按月重置")
        if self.reset == "monthly" and self.date_format != "YYYYMM":
            problems.append("按月重置须使用 YYYYMM 日期格式，否则号码会重复")
        if self.serial_scope == "category" and not self.category_codes:
            problems.append("按类别编号须为主题分类设定代码")
        top = 10 ** min(max(self.serial_digits, 1), 8) - 1
        if not 1 <= self.serial_first <= top or not (
            self.serial_last is None or self.serial_first <= self.serial_last <= top
        ):
            problems.append(f"号段应在 1 到 {top} 之间，且起号不大于止号")
        if problems:
            raise IndexSchemeError(
                QT_TRANSLATE_NOOP("DeskError", "索引号方案有误：{problems}"), problems="；".join(problems)
            )

    def period(self, day: dt.date) -> str:
        """The counter period a publication date falls in."""
        return f"{day.year:04d}" if self.reset == "yearly" else f"{day.year:04d}{day.month:02d}"

    def scope(self, category: str) -> str:
        """The counter a document of `category` draws from ('' when the department has one)."""
        if self.serial_scope == "category" or self.category_codes:
            code = self.category_codes.get(category)
            if code is None:
                raise IndexSchemeError(
                    QT_TRANSLATE_NOOP("DeskError", "主题分类“{category}”没有设定索引号代码。"),
                    category=category or "（空）",
                )
            return code if self.serial_scope == "category" else ""
        return ""

    @property
    def segmented(self) -> bool:
        """Whether this machine hands out only part of the serial range (a 号段)."""
        return self.serial_first != 1 or self.segment_last != 10**self.serial_digits - 1

    @property
    def segment_last(self) -> int:
        return self.serial_last if self.serial_last is not None else 10**self.serial_digits - 1

    def in_segment(self, serial: int) -> bool:
        return self.serial_first <= serial <= self.segment_last

    def next_serial(self, last_serial: int) -> int:
        """The serial after `last_serial` (a counter's value) in this machine's 号段."""
        serial = max(last_serial, self.serial_first - 1) + 1
        if serial > self.segment_last and not self.segmented:
            raise IndexSchemeError(
                QT_TRANSLATE_NOOP("DeskError", "本期流水号已用尽（{digits} 位），请调整索引号方案。"),
                digits=self.serial_digits,
            )
        if serial > self.segment_last:
            raise IndexSchemeError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "本机号段 {first}–{last} 的流水号已用尽，请系统管理员在目录设置中调整号段。"
                ),
                first=self.serial_first,
                last=self.segment_last,
            )
        return serial

    def format(self, serial: int, day: dt.date, category: str = "") -> str:
        if serial >= 10**self.serial_digits:
            raise IndexSchemeError(
                QT_TRANSLATE_NOOP("DeskError", "本期流水号已用尽（{digits} 位），请调整索引号方案。"),
                digits=self.serial_digits,
            )
        date = f"{day.year:04d}" if self.date_format == "YYYY" else f"{day.year:04d}{day.month:02d}"
        middle = ""
        if self.category_codes:
            self.scope(category)  # raises for a category without a code
            middle = self.category_codes[category] + self.category_separator
        return f"{self.prefix}{self.prefix_separator}{middle}{date}{self.serial_separator}{serial:0{self.serial_digits}d}"

    def pattern(self) -> re.Pattern[str]:
        """What this scheme's numbers look like, for checking numbers coming from elsewhere (groups:
        `code`, the category code if the scheme has them; `date`; `serial`)."""
        date = r"(?P<date>\d{4})" if self.date_format == "YYYY" else r"(?P<date>\d{6})"
        middle = ""
        if self.category_codes:
            codes = "|".join(
                re.escape(c) for c in sorted(set(self.category_codes.values()), key=len, reverse=True)
            )
            middle = f"(?P<code>{codes}){re.escape(self.category_separator)}"
        return re.compile(
            f"{re.escape(self.prefix)}{re.escape(self.prefix_separator)}{middle}{date}"
            f"{re.escape(self.serial_separator)}(?P<serial>\\d{{{self.serial_digits}}})"
        )

    def parse(self, index_no: str) -> tuple[str, str, int] | None:
        """(scope, period, serial) of a number written in this scheme, or None if it is not one."""
        found = self.pattern().fullmatch(index_no)
        if found is None:
            return None
        period = found["date"][:4] if self.reset == "yearly" else found["date"]
        scope = found["code"] if self.serial_scope == "category" else ""
        return scope, period, int(found["serial"])

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> IndexScheme:
        try:
            data = json.loads(text)
            return cls(**data)
        except (ValueError, TypeError) as exc:
            raise IndexSchemeError(
                QT_TRANSLATE_NOOP("DeskError", "索引号方案无法读取：{reason}"), reason=str(exc)
            ) from exc
