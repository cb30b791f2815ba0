"""jieba, loaded only when a check needs word boundaries, names or keywords (it costs ~0.6 s and
60 MB), with its cache file kept where the caller says (the desk's own data directory)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_cache_dir: Path | None = None
_loaded = False


def configure(cache_dir: Path | None) -> None:
    """Where jieba may write its dictionary cache; call before the first check."""
    global _cache_dir
    _cache_dir = cache_dir


def jieba_module() -> Any:
    global _loaded
    import jieba

    with _lock:
        if not _loaded:
            jieba.setLogLevel(logging.WARNING)
            if _cache_dir is not None:
                _cache_dir.mkdir(parents=True, exist_ok=True)
                jieba.dt.tmp_dir = str(_cache_dir)
                jieba.dt.cache_file = str(_cache_dir / "jieba.cache")
            jieba.initialize()
            _loaded = True
    return jieba
