"""File › Connect to team server…: where the team's PostgreSQL server is and who signs in (issue 19).

The password travels only in memory, inside the address the window opens; ticked "Remember", it is kept in the
system keychain once the server has accepted it (services/server_passwords.py), never in keepclient's settings.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keepclient.services.team_server import SSL_MODES, server_address
from keepclient.ui.widgets.form_dialog import dialog_buttons

DEFAULT_PORT = 5432


class ConnectDialog(QDialog):
    """Server, port, database, login, password, encryption; `address()` after accept()."""

    def __init__(self, parent: QWidget | None = None, *, known: str | None = None, keychain: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to team server"))
        self.setMinimumWidth(440)  # a server's name and a database's fit without scrolling
        intro = QLabel(self.tr("The team's PostgreSQL server, as your IT department or hosting provider gave it. "
                               "The server decides which customers your login sees."))
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("server.example.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit("keepclient")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.encryption = QComboBox()
        labels = {"disable": self.tr("Off"), "prefer": self.tr("When the server offers it"),
                  "require": self.tr("Always"), "verify-full": self.tr("Always, with a checked certificate")}
        for mode in SSL_MODES:
            self.encryption.addItem(labels[mode], mode)
        self.encryption.setCurrentIndex(SSL_MODES.index("prefer"))
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keychain"))
        self.remember.setChecked(keychain)
        if not keychain:
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("This computer has no keychain keepclient can use: the password is "
                                             "asked for each time."))
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&Login:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow(self.tr("&Encryption:"), self.encryption)
        self.problem = QLabel()
        self.problem.setObjectName("connectProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.problem)
        self.buttons = dialog_buttons(self, self._check, ok_text=self.tr("Connect"))
        layout.addWidget(self.buttons)
        if known:
            self._fill(known)
        (self.password if self.host.text() and self.user.text() else self.host).setFocus()

    def _fill(self, address: str) -> None:
        """The fields of a known server (a recent connection): the password is asked for again."""
        parts = urlsplit(address)
        options = dict(parse_qsl(parts.query))
        self.host.setText(unquote(parts.hostname or options.get("host", "")))
        if parts.port:
            self.port.setValue(parts.port)
        self.database.setText(unquote(parts.path.lstrip("/")))
        self.user.setText(unquote(parts.username or ""))
        mode = options.get("sslmode", "prefer")
        if mode in SSL_MODES:
            self.encryption.setCurrentIndex(SSL_MODES.index(mode))

    def _check(self) -> None:
        missing = [label for label, field in ((self.tr("the server"), self.host), (self.tr("the database"),
                                              self.database), (self.tr("the login"), self.user))
                   if not field.text().strip()]
        if missing:
            self.problem.setText(self.tr("Please fill in %1.").replace("%1", self.tr(", ").join(missing)))
            self.problem.show()
            return
        self.accept()

    def address(self) -> str:
        """The server's address with the password in it (for opening; never stored as it is)."""
        return server_address(self.host.text(), self.port.value(), self.database.text(), self.user.text(),
                              self.password.text(), str(self.encryption.currentData()))
