"""From decisions to a published PDF: plan the areas, redact, sanitise, verify.

Used by the desk and by `main.py redact` / `main.py verify`. A decision on a finding is one of
remove (删除), mask (遮盖: personal data in the official masked form), keep (保留) or false_alarm (误报).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from app.vocabulary import FALSE_ALARM, KEEP, MASK, REMOVE
from review.as_pdf import as_pdf
from review.clean_docx import clean_docx, lost_text, recheck
from review.convert import (
    TEXT_LAYOUT,
    Converter,
    Layout,
    docx_of,
    is_word_draft,
    shared,
    unavailable_reason,
)
from review.engine import CheckOptions, check_bytes
from review.formats import probe
from review.lexicon import CompiledLexicon
from review.model import CheckResult, Finding, Severity
from review.redact import REMOVED_LABEL, RedactionOptions, areas_for_texts, redact_pdf
from review.rules import mask
from review.verify import Verification, verify_published

MASKABLE = ("PII-ID", "PII-ID-SUSPECT", "PII-ID15", "PII-MOBILE", "PII-BANKCARD")


@dataclass
class RedactionPlan:
    """Texts to take out (text → replacement, None for removal) and texts decided to stay."""

    remove: dict[str, str | None] = field(default_factory=dict)
    keep: set[str] = field(default_factory=set)

    def add(self, finding: Finding, decision: str) -> None:
        if not finding.text:
            return  # findings about the file itself (metadata present, a layer …) are sanitised away
        if decision == REMOVE:
            self.remove[finding.text] = None
        elif decision == MASK and finding.rule_id in MASKABLE:
            self.remove.setdefault(finding.text, mask(finding.text, finding.rule_id))
        elif decision in (KEEP, FALSE_ALARM):
            self.keep.add(finding.text)

    @property
    def removed_texts(self) -> list[str]:
        return list(self.remove)

    @property
    def replacements(self) -> list[str]:
        return [r for r in self.remove.values() if r]


def plan_all_blocking(result: CheckResult) -> RedactionPlan:
    plan = RedactionPlan()
    for finding in result.findings:
        if finding.severity is Severity.BLOCKING:
            plan.add(finding, REMOVE)
    return plan


def plan_from_json(data: dict[str, Any]) -> RedactionPlan:
    """A check result (JSON form) whose findings carry a `decision`; undecided blocking ones are removed."""
    plan = RedactionPlan()
    result = CheckResult.from_json(
        {k: v for k, v in data.items() if k != "decisions"}
        | {"findings": [{k: v for k, v in f.items() if k != "decision"} for f in data.get("findings", [])]}
    )
    for finding, raw in zip(result.findings, data.get("findings", []), strict=True):
        decision = raw.get("decision")
        if decision is None and finding.severity is Severity.BLOCKING:
            decision = REMOVE
        if decision:
            plan.add(finding, decision)
    return plan


@dataclass
class Published:
    pdf: bytes
    verification: Verification
    plan: RedactionPlan
    # How the PDF was laid out: LibreOffice from the redacted source (fonts substituted), or the
    # text layout; `layout.describe()` is the sentence for the publish dialog and the CLI.
    layout: Layout = TEXT_LAYOUT
    cleaned_docx: bytes | None = None  # the redacted source a Word draft's PDF was converted from


def publish_form(
    name: str,
    data: bytes,
    plan: RedactionPlan | None,
    lexicon: CompiledLexicon,
    options: RedactionOptions | None = None,
) -> Published:
    """The redacted, sanitised PDF of a draft, verified. `plan` None: remove every blocking finding.
    A Word, WPS or ODT draft is redacted in its source and converted with its layout where
    LibreOffice is installed (`source_form`); elsewhere it is laid out from its text, and says so."""
    options = options or RedactionOptions()
    layout = TEXT_LAYOUT
    if is_word_draft(name):
        converter = shared()
        if converter is not None:
            return source_form(name, data, plan, lexicon, options, converter)
        if PurePath(name).suffix.lower() != ".docx":
            docx_of(name, data)  # raises: a DOC, WPS or ODT file cannot be read without LibreOffice
        layout = Layout("text", reason=unavailable_reason())
    pdf = as_pdf(name, data, probe(name, data).kind)
    if plan is None:
        plan = plan_all_blocking(
            check_bytes(name, data, lexicon, CheckOptions(names_near_personal_data=False))
        )
        pdf_plan = plan_all_blocking(
            check_bytes("form.pdf", pdf, lexicon, CheckOptions(names_near_personal_data=False))
        )
        for text, replacement in pdf_plan.remove.items():
            plan.remove.setdefault(text, replacement)
    areas = areas_for_texts(pdf, plan.remove)
    outcome = redact_pdf(pdf, areas, options)
    verification = verify_published(
        outcome.pdf,
        plan.removed_texts,
        lexicon,
        kept_text=outcome.kept_text,
        replacements=plan.replacements,
        kept_decisions=plan.keep,
        rasterized=options.rasterize,
    )
    verification.compare_renders(pdf, outcome.pdf, areas)
    return Published(outcome.pdf, verification, plan, layout)


def desk_word_form(
    name: str,
    data: bytes,
    plan: RedactionPlan,
    lexicon: CompiledLexicon,
    options: RedactionOptions,
    *,
    manual_areas: bool,
) -> tuple[Published | None, Layout | None]:
    """For approval in the desk: a Word draft's form redacted in its source, with its layout, where
    LibreOffice is installed and no area was drawn by hand; else (None, how the caller lays it out)
    for a Word draft — with areas, the page view they were drawn on (LibreOffice's layout, or the
    text layout without it) — and (None, None) for any other."""
    if not is_word_draft(name):
        return None, None
    converter = shared()
    if converter is None:
        return None, Layout("text", reason=unavailable_reason())
    if manual_areas:
        return None, Layout(
            "libreoffice", reason="审查员在页面视图上画了删除区域，在 LibreOffice 排出的页面上按区域删减"
        )
    published = source_form(name, data, plan, lexicon, options, converter)
    return published, published.layout


def source_form(
    name: str,
    data: bytes,
    plan: RedactionPlan | None,
    lexicon: CompiledLexicon,
    options: RedactionOptions,
    converter: Converter,
) -> Published:
    """A Word, WPS or ODT draft redacted in its source, then converted by LibreOffice: the removed
    and masked texts are cut out of the DOCX (a DOC, WPS or ODT file is first converted to DOCX)
    wherever they stand, marks set in the run's own font and size, hidden content stripped
    (review/clean_docx.py). The PDF is sanitised like any published PDF and verified by the same
    engine; the cleaned DOCX is re-read part by part for any removed text or hidden place left."""
    docx = data if PurePath(name).suffix.lower() == ".docx" else converter.to_docx(name, data)
    docx_name = str(PurePath(name).with_suffix(".docx"))
    probe(docx_name, docx)  # the format's limits (a zip bomb is refused before any part is inflated)
    if plan is None:
        plan = plan_all_blocking(
            check_bytes(docx_name, docx, lexicon, CheckOptions(names_near_personal_data=False))
        )
    cleaned = clean_docx(docx, plan.remove, title=options.metadata.get("title", ""), mark=options.mark)
    converted = converter.to_pdf(docx_name, cleaned)
    layout = converter.layout(cleaned, converted)
    # No areas: what was removed is not in the source any more. Sanitising still takes annotations,
    # links, bookmarks, metadata and any hidden span LibreOffice wrote, and rasterises if asked.
    outcome = redact_pdf(converted, [], options)
    kept = outcome.kept_text
    for mark in [REMOVED_LABEL, *plan.replacements]:
        kept = kept.replace(mark, "")  # the marks are in the source now: kept text as verify counts it
    verification = verify_published(
        outcome.pdf,
        plan.removed_texts,
        lexicon,
        kept_text=kept,
        replacements=plan.replacements,
        kept_decisions=plan.keep,
        rasterized=options.rasterize,
    )
    verification.compare_renders(converted, outcome.pdf, [])
    leaks, survivors = recheck(cleaned, plan.removed_texts)
    verification.leaks.extend(leaks)
    verification.survivors.extend(survivors)
    # Nothing but the removed texts went: the cleaned source against the same source cleaned alone.
    unredacted = clean_docx(docx, {}, title=options.metadata.get("title", ""), mark=options.mark)
    verification.missing = verification.missing or lost_text(cleaned, unredacted, plan.remove, options.mark)
    return Published(outcome.pdf, verification, plan, layout, cleaned)
