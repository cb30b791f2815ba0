"""jieba, loaded only when a check needs word boundaries, names or keywords, with its cache file
kept where the caller says (the desk's own data directory).

Loading it is most of what a fresh process pays to check a short file with personal data in it
(the names-near-it rule tags words), so three of jieba's own loading steps are done faster here
(`_imported_jieba` says why it is imported without pkg_resources):
its cache is unmarshalled from bytes (`marshal.load` reads a file object a few bytes at a time:
1.5 s for the 9 MB cache against 0.35 s from bytes), and the part-of-speech table is parsed from
the dictionary in one pass (`posseg_module`) instead of a decode and a try block a line.
"""

from __future__ import annotations

import importlib
import io
import logging
import marshal
import sys
import threading
from pathlib import Path
from typing import IO, Any

_lock = threading.Lock()
_cache_dir: Path | None = None
_loaded = False
_posseg: Any = None


def configure(cache_dir: Path | None) -> None:
    """Where jieba may write its dictionary cache; call before the first check."""
    global _cache_dir
    _cache_dir = cache_dir


class _WholeFileMarshal:
    """The marshal module as jieba's Tokenizer.initialize uses it, reading its cache at once."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file: IO[bytes]) -> Any:
        return marshal.loads(file.read())


def jieba_module() -> Any:
    global _loaded
    with _lock:
        jieba = _imported_jieba()
        if not _loaded:
            jieba.setLogLevel(logging.WARNING)
            if _cache_dir is not None:
                _cache_dir.mkdir(parents=True, exist_ok=True)
                jieba.dt.tmp_dir = str(_cache_dir)
                jieba.dt.cache_file = str(_cache_dir / "jieba.cache")
            jieba.marshal = _WholeFileMarshal  # the name its initialize() looks up
            jieba.initialize()
            _loaded = True
    return jieba


def _imported_jieba() -> Any:
    """jieba, imported without setuptools' pkg_resources, which it only uses to open its own
    dictionary files and which takes a quarter of a second to import; without it jieba opens them
    by path (a None in sys.modules makes the import fail as if it were not installed)."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("jieba")
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        return importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


def posseg_module() -> Any:
    """jieba.posseg, its default tokenizer's part-of-speech table read as jieba would."""
    global _posseg
    jieba = jieba_module()
    with _lock:
        if _posseg is None and "jieba.posseg" in sys.modules:  # imported by someone else
            _posseg = sys.modules["jieba.posseg"]
        elif _posseg is None:
            # Importing jieba.posseg makes its default tokenizer, which parses the whole dictionary
            # line by line: it is given an empty one, and the table is made here.
            dictionary = jieba.dt.get_dict_file
            jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
            try:
                posseg = importlib.import_module("jieba.posseg")
            finally:
                del jieba.dt.get_dict_file
            posseg.dt.word_tag_tab = _word_tags(dictionary())
            _posseg = posseg
    return _posseg


def _word_tags(dictionary: IO[bytes]) -> dict[str, str]:
    """A jieba dictionary's word -> part-of-speech tag (lines "word frequency tag").

    Read a megabyte at a time, each piece split into its fields at once and the tags interned:
    the whole file's lines at once, and a string per tag per word, had added 30 MB to the peak of
    a check that tags names near personal data (the goal for a full check is < 300 MB)."""
    with dictionary:
        data = dictionary.read()
    table: dict[str, str] = {}
    at = 0
    while at < len(data):
        cut = data.find(b"\n", at + _PIECE)
        cut = len(data) if cut < 0 else cut + 1
        piece = data[at:cut].decode("utf-8")
        fields = piece.split()
        # Three fields a line, frequencies in the middle: anything else would shift every tag after it.
        lines = piece.count("\n") + (not piece.endswith("\n"))
        if len(fields) != 3 * lines or not all(map(str.isdigit, fields[1::3])):
            raise ValueError("jieba's dictionary has a line that is not 'word frequency tag'")
        table.update(zip(fields[0::3], map(sys.intern, fields[2::3]), strict=True))
        at = cut
    return table


_PIECE = 1 << 20
