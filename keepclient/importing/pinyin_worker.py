"""The pinyin keys of a large import's names, worked out in a second process while this one matches the rows.

Pinyin is the largest single cost of writing 100,000 new customers (about 4 s of the import on the 2-core test
machine), and the names are known as soon as the sheet is read: a helper process reads them while the planning
runs, so on two cores that time mostly disappears. The helper is started with "spawn" (no fork of a process that
runs Qt threads); if it cannot start or fails, the keys are simply computed here as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from typing import Any

from keepclient.domain.normalize import pinyin_keys

MIN_NAMES = 20_000  # below this, starting a process costs more than it saves
Keys = tuple[str, str]


def _keys(companies: list[str], people: list[str]) -> tuple[list[Keys], list[Keys]]:
    return [pinyin_keys(name) for name in companies], [pinyin_keys(name, person=True) for name in people]


class PinyinTable:
    """(full pinyin, initials) by name, for company names and people's names (which read some surnames apart)."""

    def __init__(self, future: Future | None, companies: list[str], people: list[str]) -> None:
        self._future, self._companies, self._people = future, companies, people
        self._table: dict[tuple[str, bool], Keys] | None = None

    def get(self, name: str, person: bool) -> Keys | None:
        """The keys if the helper worked them out (None: compute them here)."""
        if self._table is None:
            self._table = self._collect()
        return self._table.get((name, person))

    def _collect(self) -> dict[tuple[str, bool], Keys]:
        if self._future is None:
            return {}
        try:
            companies, people = self._future.result()
        except Exception:  # a helper that could not run: the keys are computed in this process instead
            return {}
        table = {(name, False): keys for name, keys in zip(self._companies, companies, strict=True)}
        table.update(((name, True), keys) for name, keys in zip(self._people, people, strict=True))
        self._companies = self._people = []
        return table


def start(companies: Iterable[Any], people: Iterable[Any]) -> PinyinTable:
    """Begin working out the keys of these names (the distinct texts of the company and person columns)."""
    company_names = sorted({str(n).strip() for n in companies if isinstance(n, str) and n.strip()})
    person_names = sorted({str(n).strip() for n in people if isinstance(n, str) and n.strip()})
    if len(company_names) + len(person_names) < MIN_NAMES:
        return PinyinTable(None, [], [])
    try:
        future = _submit(company_names, person_names)
    except (OSError, RuntimeError):
        return PinyinTable(None, [], [])
    return PinyinTable(future, company_names, person_names)


def _submit(companies: list[str], people: list[str]) -> Future:
    """Start the helper. A "spawn" child first re-runs the program's main module; the helper needs nothing of it
    (a script that starts an import, or the app itself, must not run twice), so it is shown an empty one."""
    import multiprocessing
    import sys
    import types
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        future = pool.submit(_keys, companies, people)  # the process starts here, reading __main__
    finally:
        sys.modules["__main__"] = main
    pool.shutdown(wait=False)  # the helper exits once this one job is done
    return future


NO_PINYIN = PinyinTable(None, [], [])  # every key computed where it is needed
