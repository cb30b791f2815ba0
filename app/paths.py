"""Where the desk keeps its files: one place decides, with one override for tests and portable installs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DisclosureDesk"
DATA_DIR_ENV = "DESK_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        """`--data-dir` wins, then $DESK_DATA_DIR, then the platform's user data directory."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, False)
        path = Path(chosen).expanduser().resolve()
        return cls(path)

    @property
    def database(self) -> Path:
        return self.data_dir / "desk.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def keys_dir(self) -> Path:
        """Passphrase-encrypted signing keys, where no secure keyring can hold them."""
        return self.data_dir / "keys"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "desk.log"

    def ensure(self) -> None:
        """The data directory and its folders, owner-only: they hold every draft unredacted."""
        for d in (self.data_dir, self.backups_dir, self.cache_dir):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
            d.chmod(0o700)

    def default_db_url(self) -> str:
        return f"sqlite:///{self.database}"
