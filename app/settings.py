"""User settings kept as JSON in the data directory (so a portable data dir carries them)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.atomic import write_bytes_atomic

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


@dataclass
class Settings:
    language: str = "zh_CN"
    # Any SQLAlchemy URL; empty means the SQLite file in the data directory.
    db_url: str = ""
    last_login: str = ""
    # The department portal's API base URL (its token lives in the keyring, never here).
    portal_url: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            # A damaged settings file must not keep the desk from starting; the defaults are safe.
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in raw.items() if k in known and isinstance(v, str)})
        if settings.language not in LANGUAGES:
            settings.language = "zh_CN"
        return settings

    def save(self, path: Path) -> None:
        data = json.dumps(asdict(self), ensure_ascii=False, indent=2).encode("utf-8")
        write_bytes_atomic(path, data)
