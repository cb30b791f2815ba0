"""The optional online check of the links a draft's text gives (WORD-LINK findings): dead and
redirected addresses, probed from a machine with a network on request — never on the review path,
so an air-gapped desk never touches the network."""

from __future__ import annotations

from dataclasses import dataclass

from app.checking import latest_run, stored_finding
from app.db.database import Database
from app.errors import QT_TRANSLATE_NOOP
from app.finding_labels import place
from app.sentinel import Options, check_links
from review.wording.base import LINK

ALIVE, MOVED, DEAD, UNCHECKED = "alive", "moved", "dead", "unchecked"
_STATES = {
    ALIVE: QT_TRANSLATE_NOOP("Vocabulary", "可访问"),
    MOVED: QT_TRANSLATE_NOOP("Vocabulary", "已跳转"),
    DEAD: QT_TRANSLATE_NOOP("Vocabulary", "死链"),
    UNCHECKED: QT_TRANSLATE_NOOP("Vocabulary", "未检查（内网地址）"),
}


@dataclass(frozen=True)
class LinkState:
    url: str
    places: tuple[str, ...]  # where the text gives it, as the findings panel names them
    state: str  # ALIVE, MOVED, DEAD or UNCHECKED
    status: str  # the HTTP status, or timeout / dns / refused / error / private
    final_url: str = ""  # where a moved one ends

    @property
    def label(self) -> str:
        return _STATES[self.state]


def _address(text: str) -> str:
    return text if "://" in text else f"http://{text}"


def check_document_links(db: Database, document_id: int, options: Options | None = None) -> list[LinkState]:
    """Every address of the latest check's WORD-LINK findings, requested once each."""
    with db.read() as session:
        run = latest_run(session, document_id)
        findings = [stored_finding(row) for row in run.findings] if run is not None else []
    places: dict[str, list[str]] = {}
    for finding in findings:
        if finding.rule_id == LINK:
            places.setdefault(_address(finding.text), []).append(place(finding))
    out = []
    for checked in check_links(list(places), options or Options()):
        moved = bool(checked.final_url) and checked.final_url.rstrip("/") != checked.url.rstrip("/")
        if checked.status == "private":
            state = UNCHECKED
        elif checked.dead:
            state = DEAD
        else:
            state = MOVED if moved else ALIVE
        out.append(
            LinkState(
                checked.url,
                tuple(places[checked.url]),
                state,
                checked.status,
                checked.final_url if moved else "",
            )
        )
    return out
