"""Where keepclient keeps things: the user's data and config folders, bundled resources, the last database.

Folders come from platformdirs, so they follow each platform's rules (and XDG variables on Linux, which the tests
point at temporary folders).
"""

from __future__ import annotations

import json
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP = "keepclient"
PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    return user_config_path(APP, appauthor=False)


def default_database() -> Path:
    return data_dir() / "keepclient.db"


def settings_file() -> Path:
    """The per-user preferences file (QSettings, INI format)."""
    return config_dir() / "keepclient.ini"


def _state_file() -> Path:
    return config_dir() / "state.json"


def last_database() -> Path | str | None:
    """The database the window opened last, if it is still there: a file's path, or a team server's address
    (kept without its password)."""
    try:
        state = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    path = state.get("last_database") if isinstance(state, dict) else None
    if isinstance(path, str) and "://" in path:
        return path
    return Path(path) if path and Path(path).exists() else None


def remember_database(path: Path | str) -> None:
    """Remember what the window opened (a server's address must come without its password)."""
    try:
        _state_file().parent.mkdir(parents=True, exist_ok=True)
        _state_file().write_text(json.dumps({"last_database": str(path)}), encoding="utf-8")
    except OSError:
        pass  # remembering is a convenience; failing to must never block opening


def startup_database() -> Path | str:
    """Last used, else keepclient.db in the user's data folder."""
    return last_database() or default_database()


def is_default_database(path: Path | str) -> bool:
    """keepclient's own first-run file: opening may create it when missing or empty (create=True), unlike a file
    the user chose, where an empty file must be reported rather than silently become an empty database."""
    if isinstance(path, str):  # a team server's address
        return False
    return Path(path).expanduser().absolute() == default_database().expanduser().absolute()


def resource_dir() -> Path:
    """resources/ from a source checkout, or its copy inside an installed wheel or a frozen app."""
    for candidate in (PACKAGE_DIR / "_resources", PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR.parent / "resources"


def translations_dir() -> Path:
    return resource_dir() / "translations"
