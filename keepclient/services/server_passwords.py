"""Team-server passwords in the system keychain (Windows Credential Manager, the macOS Keychain, the Secret Service
on Linux) through the `keyring` package: never in keepclient's settings files, never in the recent list, which
holds server addresses without their passwords. Without a keychain (some Linux desktops), nothing is remembered
and the Connect dialog asks each time."""

from __future__ import annotations

from contextlib import suppress
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from keepclient.db.server import shown_url

SERVICE = "keepclient team server"


def _keyring() -> Any:
    import keyring  # loaded when a server is opened, never at start-up

    return keyring


def keychain_available() -> bool:
    """Whether a system keychain is there to keep passwords in."""
    try:
        from keyring.backends import fail

        return not isinstance(_keyring().get_keyring(), fail.Keyring)
    except Exception:  # a broken keychain configuration is as good as none
        return False


def remember(url: str) -> bool:
    """Keep the password written in `url` for its address; False when there is no keychain (or no password)."""
    password = urlsplit(url).password
    if password is None:
        return False
    try:
        _keyring().set_password(SERVICE, shown_url(url), unquote(password))
    except Exception:  # no keychain, or it refused: the user is asked next time
        return False
    return True


def forget(address: str) -> None:
    """Drop the password kept for `address` (a wrong one, or the user's wish)."""
    with suppress(Exception):  # none was kept
        _keyring().delete_password(SERVICE, shown_url(address))


def with_password(address: str) -> str:
    """`address` with the password the keychain keeps for it, or as it was (none kept, no keychain, or the address
    carries one already)."""
    parts = urlsplit(address)
    if parts.password is not None or not parts.username:
        return address
    try:
        password = _keyring().get_password(SERVICE, shown_url(address))
    except Exception:
        return address
    if password is None:
        return address
    login, place = parts.netloc.rsplit("@", 1)
    return urlunsplit((parts.scheme, f"{login}:{quote(password, safe='')}@{place}", parts.path, parts.query,
                       parts.fragment))
