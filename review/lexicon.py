"""The department lexicon of sensitive terms, its allow-list, and the compiled matcher.

Files: UTF-8 CSV with the header `词条,类别,级别,说明,整词` (级别 阻断/警告/提示, or 允许 for an
allow-list entry — a known false alarm such as 秘密花园; 整词 是/否), or plain text with one term
a line (`#` starts a comment). Problems in a file are reported with their line numbers and the
rest is loaded.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import logging
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from review.errors import QT_TRANSLATE_NOOP, TranslatableError
from review.model import Severity
from review.normalize import normalize, normalize_term

log = logging.getLogger(__name__)

DEFAULT_LEXICON = Path(__file__).resolve().parents[1] / "resources" / "lexicon" / "default.csv"
CSV_HEADER = ("词条", "类别", "级别", "说明", "整词")
ALLOW = "允许"
_SEVERITY_WORDS = {
    "阻断": Severity.BLOCKING,
    "blocking": Severity.BLOCKING,
    "警告": Severity.WARNING,
    "warning": Severity.WARNING,
    "提示": Severity.INFO,
    "info": Severity.INFO,
}
_YES = {"是", "1", "true", "yes", "y", "整词"}
_NO = {"", "否", "0", "false", "no", "n"}
# 3: allow-list entries that are (part of) a term are no longer compiled.
_CACHE_FORMAT = 3


class LexiconError(TranslatableError):
    """A lexicon file that cannot be read at all."""


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    severity: Severity
    note: str = ""
    whole_word: bool = False


@dataclass(frozen=True)
class LexiconIssue:
    """A problem in one line of a lexicon file: a translatable template and its parameters."""

    line: int
    template: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.params))


@dataclass
class Lexicon:
    terms: list[Term] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)
    issues: list[LexiconIssue] = field(default_factory=list)

    @property
    def version(self) -> str:
        """A hash of what the lexicon matches; stored with every result so a check can be reproduced."""
        rows = sorted(f"T\t{t.term}\t{t.category}\t{t.severity}\t{int(t.whole_word)}" for t in self.terms)
        rows += sorted(f"A\t{a}" for a in self.allowed)
        return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16]

    def extend(self, other: Lexicon) -> Lexicon:
        return merge([self, other])

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for t in self.terms:
            writer.writerow([t.term, t.category, t.severity.label, t.note, "是" if t.whole_word else "否"])
        for a in self.allowed:
            writer.writerow([a, "", ALLOW, "", "否"])
        return out.getvalue()

    def to_text(self) -> str:
        return "".join(f"{t.term}\n" for t in self.terms)


def merge(lexicons: Iterable[Lexicon]) -> Lexicon:
    """One lexicon from several; a term listed twice keeps its most severe entry."""
    by_term: dict[str, Term] = {}
    allowed: dict[str, str] = {}
    issues: list[LexiconIssue] = []
    for lexicon in lexicons:
        issues.extend(lexicon.issues)
        for t in lexicon.terms:
            key = normalize_term(t.term)
            if key not in by_term or t.severity.rank > by_term[key].severity.rank:
                by_term[key] = t
        for a in lexicon.allowed:
            allowed.setdefault(normalize_term(a), a)
    return Lexicon(list(by_term.values()), list(allowed.values()), issues)


# Characters of context a false alarm's allow-list phrase takes on each side of the term.
ALLOW_CONTEXT = 2


def bare_allow_entries(entries: Iterable[str], terms: Iterable[Term]) -> list[str]:
    """Allow-list entries that, normalised, equal or lie inside a term: they would silence the term
    everywhere, so they are refused on import and ignored by the matcher."""
    joined = "\n".join(normalize_term(t.term) for t in terms)
    return [e for e in entries if (key := normalize_term(e)) and key in joined]


def phrase_in_context(text: str, context: str, each_side: int = ALLOW_CONTEXT) -> str:
    """The normalised phrase around `text` in `context`: up to `each_side` non-space characters on
    each side (fewer only at the edge of the text)."""
    norm_text, norm_context = normalize_term(text), normalize(context).text
    at = norm_context.find(norm_text)
    if not norm_text or at < 0:
        return norm_text
    start, end, taken = at, at + len(norm_text), 0
    while start > 0 and taken < each_side:
        start -= 1
        taken += not norm_context[start].isspace()
    taken = 0
    while end < len(norm_context) and taken < each_side:
        end += 1
        taken += not norm_context[end - 1].isspace()
    return norm_context[start:end].strip()


def load(path: Path) -> Lexicon:
    return parse_bytes(path.name, _read(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LexiconError(
            QT_TRANSLATE_NOOP("DeskError", "无法读取词库“{name}”：{reason}"),
            name=path.name,
            reason=exc.strerror,
        ) from exc


def parse_bytes(name: str, raw: bytes) -> Lexicon:
    """A lexicon file's content: CSV if named .csv or starting with the CSV header, else one term a line."""
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(
            QT_TRANSLATE_NOOP("DeskError", "词库“{name}”不是 UTF-8 编码，请另存为 UTF-8 后再导入。"),
            name=name,
        ) from exc
    first = content.lstrip().split("\n", 1)[0].replace(" ", "")
    if (
        name.lower().endswith(".csv")
        or first.startswith(f"{CSV_HEADER[0]},")
        or first.lower().startswith("term,")
    ):
        return parse_csv(content)
    return parse_text(content)


def load_default() -> Lexicon:
    return load(DEFAULT_LEXICON)


def parse_text(content: str, category: str = "自定义", severity: Severity = Severity.WARNING) -> Lexicon:
    terms: list[Term] = []
    issues: list[LexiconIssue] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(content.splitlines(), start=1):
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        _add(terms, seen, issues, number, Term(term, category, severity))
    return Lexicon(terms, [], issues)


def parse_csv(content: str) -> Lexicon:
    terms: list[Term] = []
    allowed: list[str] = []
    issues: list[LexiconIssue] = []
    seen: dict[str, int] = {}
    rows = csv.reader(io.StringIO(content))
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and cells[0] in (CSV_HEADER[0], "term"):
            continue
        if len(cells) < 3:
            issues.append(
                LexiconIssue(number, QT_TRANSLATE_NOOP("DeskError", "至少需要“词条,类别,级别”三列"))
            )
            continue
        term, category, level = cells[0], cells[1], cells[2]
        note = cells[3] if len(cells) > 3 else ""
        whole = cells[4].lower() if len(cells) > 4 else ""
        if level == ALLOW:
            if normalize_term(term):
                allowed.append(term)
            else:
                issues.append(LexiconIssue(number, QT_TRANSLATE_NOOP("DeskError", "允许词为空")))
            continue
        severity = _SEVERITY_WORDS.get(level.lower())
        if severity is None:
            issues.append(
                LexiconIssue(
                    number,
                    QT_TRANSLATE_NOOP("DeskError", "未知级别“{level}”（可用：阻断、警告、提示、允许）"),
                    (("level", level),),
                )
            )
            continue
        if whole not in _YES | _NO:
            issues.append(
                LexiconIssue(
                    number,
                    QT_TRANSLATE_NOOP("DeskError", "“整词”列应为“是”或“否”，而不是“{value}”"),
                    (("value", cells[4]),),
                )
            )
            continue
        _add(terms, seen, issues, number, Term(term, category or "自定义", severity, note, whole in _YES))
    return Lexicon(terms, allowed, issues)


def _add(terms: list[Term], seen: dict[str, int], issues: list[LexiconIssue], line: int, term: Term) -> None:
    key = normalize_term(term.term)
    if not key:
        issues.append(LexiconIssue(line, QT_TRANSLATE_NOOP("DeskError", "词条为空或只有空白")))
        return
    if key in seen:
        issues.append(
            LexiconIssue(
                line,
                QT_TRANSLATE_NOOP("DeskError", "与第 {first} 行重复，已忽略"),
                (("first", str(seen[key])),),
            )
        )
        return
    seen[key] = line
    terms.append(term)


class Hit(NamedTuple):
    """A named tuple: a dense lexicon makes a hundred a page, and a frozen dataclass cost 1.5 µs each."""

    start: int
    end: int
    term: Term


# Hit((start, end, term)) without the named tuple's own __new__ (a Python function, three times
# the cost), as model.make_rect.
_make_hit = functools.partial(tuple.__new__, Hit)


@dataclass(frozen=True)
class _Columns:
    """The compiled form: plain lists, because unpickling 100,000 objects costs more than building
    the automaton. Term objects are made only for the terms that hit."""

    keys: list[str]
    terms: list[str]
    categories: list[str]
    severities: list[str]
    notes: list[str]
    whole_words: list[bool]
    allowed: list[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> _Columns:
        t = lexicon.terms
        return cls(
            [normalize_term(x.term) for x in t],
            [x.term for x in t],
            [x.category for x in t],
            [x.severity.value for x in t],
            [x.note for x in t],
            [x.whole_word for x in t],
            # A bare term on the allow-list would hide the term in every file: only phrases count.
            sorted(
                {normalize_term(a) for a in lexicon.allowed}
                - {""}
                - {normalize_term(a) for a in bare_allow_entries(lexicon.allowed, t)}
            ),
        )


class CompiledLexicon:
    """The lexicon as Aho-Corasick automata over normalised terms (ahocorasick_rs; see MEASURED.md)."""

    def __init__(self, version: str, columns: _Columns) -> None:
        self.version = version
        self.size = len(columns.terms)
        self._columns = columns
        self._terms: dict[int, Term] = {}
        self._automaton = _automaton(columns.keys)
        self._allow = _automaton(columns.allowed)

    @classmethod
    def build(cls, lexicon: Lexicon) -> CompiledLexicon:
        return cls(lexicon.version, _Columns.of(lexicon))

    def term(self, index: int) -> Term:
        if index not in self._terms:
            c = self._columns
            self._terms[index] = Term(
                c.terms[index],
                c.categories[index],
                Severity(c.severities[index]),
                c.notes[index],
                c.whole_words[index],
            )
        return self._terms[index]

    def find(self, text: str) -> tuple[list[Hit], int]:
        """Every term occurrence in normalised `text` (overlapping), minus allow-listed ones, and how many were dropped."""
        matches, dropped = self.matches(text)
        terms, term = self._terms, self.term
        return [
            _make_hit((start, end, terms.get(index) or term(index))) for index, start, end in matches
        ], dropped

    def matches(self, text: str) -> tuple[list[tuple[int, int, int]], int]:
        """find() as the automaton's own (term index, start, end) tuples: the check makes no Hit
        for the tens of thousands of hits of a dense lexicon (term(index) gives the term)."""
        if self._automaton is None:
            return [], 0
        raw: list[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(text, overlapping=True)
        if not raw:
            return [], 0
        allowed_spans = self._allow.find_matches_as_indexes(text, overlapping=True) if self._allow else []
        if not allowed_spans:
            return raw, 0
        kept = [
            match
            for match in raw
            if not any(a_start <= match[1] and match[2] <= a_end for _, a_start, a_end in allowed_spans)
        ]
        return kept, len(raw) - len(kept)


def load_compiled(paths: list[Path], cache_dir: Path | None) -> tuple[CompiledLexicon, list[LexiconIssue]]:
    """Loads, merges and compiles lexicon files (see compile_sources)."""
    return compile_sources([(p.name, _read(p)) for p in paths], cache_dir)


def compile_sources(
    sources: list[tuple[str, bytes]], cache_dir: Path | None
) -> tuple[CompiledLexicon, list[LexiconIssue]]:
    """Merges and compiles lexicons given as (name, content) pairs.

    The parsed, normalised form is cached under the hash of the contents, so an unchanged
    lexicon skips parsing and normalising and only builds the automaton.
    """
    key = hashlib.sha256(
        b"\0".join([str(_CACHE_FORMAT).encode(), *(n.encode() + b"\0" + c for n, c in sources)])
    ).hexdigest()[:24]
    cache = cache_dir / f"lexicon-{key}.pickle" if cache_dir is not None else None
    if cache is not None:
        try:
            with cache.open("rb") as f:
                version, columns, issues = pickle.load(f)
            return CompiledLexicon(version, columns), issues
        except (OSError, pickle.UnpicklingError, ValueError, EOFError, TypeError, AttributeError):
            pass
    lexicon = merge(parse_bytes(name, content) for name, content in sources)
    columns = _Columns.of(lexicon)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump((lexicon.version, columns, lexicon.issues), f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache)
    return CompiledLexicon(lexicon.version, columns), lexicon.issues


def _automaton(patterns: list[str]) -> Any:
    if not patterns:
        return None
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(
        patterns,
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.ContiguousNFA,
    )
