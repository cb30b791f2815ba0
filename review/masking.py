"""Masked forms for the review record (保密审查单), which travels where the removed text must not.

The record keeps what a later reader needs to see that the review happened — which kind of text,
how long, where, what was decided — without the text itself. Personal data gets the official
masks (居民身份证号 110***********1230, 手机号 138****1234, 银行卡号 6217***********0123); any other
text its category and length. The full text stays in the reviewing machine's database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from review import rules

_ID_RULES = frozenset({rules.ID_NUMBER.id, rules.ID_NUMBER_BAD_CHECK.id, rules.ID_NUMBER_OLD.id})
_PERSONAL_CATEGORIES = frozenset({rules.ID_NUMBER.category, "个人敏感信息"})
# Number-like personal data found in free text (a reason or an opinion quoting a number).
_MASKED_RULES = frozenset({*_ID_RULES, rules.MOBILE.id, rules.BANK_CARD.id})


def is_personal(rule_id: str, category: str) -> bool:
    return rule_id.startswith("PII-") or category in _PERSONAL_CATEGORIES


def official_mask(text: str, rule_id: str) -> str | None:
    """The official masked form of an ID, mobile or bank card number; None for anything else."""
    digits = re.sub(r"[\s-]", "", text)
    if rule_id in _ID_RULES:
        return digits[:3] + "*" * max(0, len(digits) - 7) + digits[-4:]
    if rule_id in (rules.MOBILE.id, rules.BANK_CARD.id):
        # The redaction's own masks (the published form) already keep first/last digits as required.
        return rules.mask(text, rule_id)
    return None


def mask_for_record(text: str, rule_id: str, category: str) -> str:
    """A finding's text as the record may show it: an official mask, else 〔category，n字〕."""
    if not text:
        return ""
    masked = official_mask(text, rule_id)
    if masked is not None:
        return masked
    return f"〔{category or '内容'}，{len(text)}字〕"


def mask_personal_data(text: str) -> str:
    """Free text with every ID, mobile and bank card number in it masked (rules' own validation)."""
    # The rules expect normalised text (lower-case x in IDs); the offsets are the same.
    hits = [h for h in rules.personal_data_hits(text.lower()) if h.rule.id in _MASKED_RULES]
    out, last = [], 0
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if hit.start < last:
            continue
        out += [text[last : hit.start], official_mask(text[hit.start : hit.end], hit.rule.id) or ""]
        last = hit.end
    out.append(text[last:])
    return "".join(out)


def mask_texts(value: str, replacements: Iterable[tuple[str, str]]) -> str:
    """`value` with each (text, masked) replaced, longest text first, then any personal number masked."""
    table = {text: masked for text, masked in replacements if text}
    if table:
        # One pass, so a mask that happens to contain a shorter text is not masked again.
        pattern = re.compile("|".join(re.escape(t) for t in sorted(table, key=len, reverse=True)))
        value = pattern.sub(lambda m: table[m.group()], value)
    return mask_personal_data(value)
