"""File › Connect to team server… and File › Recent databases (issue 19): the dialog builds the server's address,
the window opens it, the recent list keeps it without the password, and a password the user asked to remember
is in the keychain (here an in-memory one, installed through keyring's own API) and is used from the recent list;
a keychain that is missing or holds a refused password leaves the user with the dialog, never with a dead end."""

from __future__ import annotations

from urllib.parse import urlsplit

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from keepclient import __version__
from keepclient.db.server import prepare, server_address, shown_url
from keepclient.services import server_passwords
from keepclient.ui.connect_dialog import ConnectDialog


class MemoryKeychain(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def keychain():
    before = keyring.get_keyring()
    chain = MemoryKeychain()
    keyring.set_keyring(chain)
    yield chain
    keyring.set_keyring(before)


@pytest.fixture
def no_keychain():
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def parts_of(url: str) -> tuple[str, str, str]:
    """(socket folder, database, login) of the suite's server address."""
    split = urlsplit(url)
    return split.query.split("host=", 1)[1], split.path.lstrip("/"), split.username or ""


def test_the_dialog_builds_the_address_from_its_fields_and_reads_one_back(qtbot, no_keychain):
    dialog = ConnectDialog(keychain=server_passwords.keychain_available())
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()  # no keychain: never a promise
    dialog.host.setText("crm.example.com")
    dialog.port.setValue(5433)
    dialog.database.setText("销售部")
    dialog.user.setText("lina")
    dialog.password.setText("p@ss word")
    dialog.encryption.setCurrentIndex(dialog.encryption.findData("require"))
    address = dialog.address()
    assert address == "postgresql://lina:p%40ss%20word@crm.example.com:5433/%E9%94%80%E5%94%AE%E9%83%A8?sslmode=require"
    again = ConnectDialog(known=shown_url(address))
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.database.text(), again.user.text(),
            again.password.text(), again.encryption.currentData()) == (
        "crm.example.com", 5433, "销售部", "lina", "", "require")
    assert server_address("/tmp/sock", 5432, "crm", "lina") == "postgresql://lina@:5432/crm?host=/tmp/sock"
    empty = ConnectDialog()
    qtbot.addWidget(empty)
    empty.host.setText("")
    empty.show()
    empty._check()
    assert empty.isVisible() and "the server" in empty.problem.text()


def test_connecting_opens_the_server_remembers_it_without_the_password_and_keeps_the_password(
        make_window, server_url, keychain, qtbot, prefs):
    prepare(server_url, __version__)
    window, _prompter = make_window()
    window.connect_to_server()
    dialog = window.connect_box
    socket, database, login = parts_of(server_url)
    dialog.host.setText(socket)
    dialog.database.setText(database)
    dialog.user.setText(login)
    dialog.password.setText("s3cret")  # the suite's server trusts its socket: any password signs in
    assert dialog.remember.isChecked()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.mode_label.text() == "Team server"
    remembered = prefs.recent_databases[0]
    assert "s3cret" not in remembered and remembered == shown_url(dialog.address())
    assert keychain.kept == {(server_passwords.SERVICE, remembered): "s3cret"}
    window.close_database()
    window._fill_recent()
    entry = next(a for a in window.recent_menu.actions() if a.toolTip() == remembered)
    entry.trigger()  # the kept password: no dialog this time
    qtbot.waitUntil(lambda: window.workspace is not None)
    assert window.workspace.db.url.startswith(remembered.replace(f"{login}@", f"{login}:s3cret@", 1))


def test_a_refused_kept_password_is_forgotten_and_the_dialog_asks(make_window, server_url, keychain, qtbot):
    prepare(server_url, __version__)
    window, prompter = make_window()
    socket, _database, login = parts_of(server_url)
    gone = server_address(socket, 5432, "no_such_database", login)
    keychain.set_password(server_passwords.SERVICE, gone, "old")
    window.connect_to_server(gone)
    assert window.workspace is None and [kind for kind, *_ in prompter.asked] == ["error"]  # said why, once
    assert keychain.kept == {}
    assert window.connect_box.isVisible() and window.connect_box.database.text() == "no_such_database"
    assert window.connect_box.password.text() == ""
