"""From decisions to a published PDF: plan the areas, redact, sanitise, verify.

Used by the desk and by `main.py redact` / `main.py verify`. A decision on a finding is one of
remove (删除), mask (遮盖: personal data in the official masked form), keep (保留) or false_alarm (误报).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.vocabulary import FALSE_ALARM, KEEP, MASK, REMOVE
from review.as_pdf import as_pdf
from review.engine import CheckOptions, check_bytes
from review.formats import probe
from review.lexicon import CompiledLexicon
from review.model import CheckResult, Finding, Severity
from review.redact import RedactionOptions, areas_for_texts, redact_pdf
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


def publish_form(
    name: str,
    data: bytes,
    plan: RedactionPlan | None,
    lexicon: CompiledLexicon,
    options: RedactionOptions | None = None,
) -> Published:
    """The redacted, sanitised PDF of a draft, verified. `plan` None: remove every blocking finding."""
    options = options or RedactionOptions()
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
    return Published(outcome.pdf, verification, plan)
