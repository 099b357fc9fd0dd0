"""What the import wizard's pages ask of the wizard: the plan in hand, the work under way, and its steps.

The pages take this small interface instead of the wizard itself, so pages and wizard do not import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from keepclient.services.imports import ImportPreview, LoadedSheet
    from keepclient.services.workspace import Workspace
    from keepclient.ui.prompts import Prompter
    from keepclient.ui.tasks import Task


class WizardHost(Protocol):
    workspace: Workspace
    prompter: Prompter
    loaded: LoadedSheet | None
    preview: ImportPreview | None
    task: Task | None

    @property
    def kind(self) -> str:
        """"contacts" or "orders": what the file is imported as."""
        ...

    def load(self) -> None: ...

    def replan(self, header_row: int | None, mapping: dict[int, str] | None) -> None: ...

    def run(self) -> None: ...

    def undo(self) -> None: ...
