"""Concurrent writers (issue 12, "one write path"): processes making mixed writes to one shared database file.

Each writer process opens the file in shared mode through the app's own services and makes a random mix of the
writes users make: customer edits, logged calls (which move the customer's dates as a side effect), visit moves
and undos of its own logged calls. A refused write (ConflictError) is counted as a conflict reported to its
writer and not retried; anything else that escapes (a raw SQLite error) is a raw error.

Every acknowledged write is recorded with the value it wrote and the version it produced, every refused one with
its token, and `verify` checks the final file against them. A write is lost when:
- two acknowledged writes of one record produced the same version (one overwrote the other), or the record's
  final version is not the newest acknowledged one (something wrote it without being acknowledged);
- the final value is not the one of the newest acknowledged write (next follow-up, a visit's start);
- a customer's notes miss the token an acknowledged edit appended (each edit appends to what it read, so an edit
  based on a stale read drops the tokens written since), or the change log holds another number of notes or
  start changes than were acknowledged, or a logged call is missing, or is deleted without an acknowledged undo.
A refused write that left any trace (its token in notes, its logged call) counts as an unreported conflict.

    python benchmarks/run.py writers                 # 8 processes x 300 writes, baseline: 1 process
    python benchmarks/writers.py 4 40                # any size, without the baseline
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keepclient.domain.errors import ConflictError, DatabaseBusyError
from keepclient.services.workspace import Workspace

PROCESSES = 8  # the target's size (issue 12): 8 processes x 300 writes
WRITES = 300
CUSTOMERS = 6  # few records, so that writers meet on them all the time
BASE = dt.datetime(2030, 1, 7, 9, 0)  # a fixed moment: nothing depends on today's date
MIX = {"edit": 40, "log": 20, "move": 25, "undo": 15}


def setup(path: Path | str) -> dict[str, list[int]]:
    """A fresh shared database (or a prepared team server): a few customers, each with one planned visit."""
    ws = Workspace.open(path, shared=True, user="setup")
    try:
        customers = [ws.editor.create(f"并发客户{n}", tier="B") for n in range(CUSTOMERS)]
        visits = [ws.visits.plan(c, start=BASE + dt.timedelta(days=n))[0] for n, c in enumerate(customers)]
    finally:
        ws.close()
    return {"customers": customers, "visits": visits}


def _due(rng: random.Random) -> dt.date:
    return BASE.date() + dt.timedelta(days=rng.randrange(1, 2000))


def write_mix(ws: Workspace, who: str, writes: int, records: dict[str, list[int]], seed: int) -> dict[str, Any]:
    """`writes` mixed writes; returns what was acknowledged and refused, and the errors met."""
    rng = random.Random(seed)
    acks: list[dict[str, Any]] = []
    refused: list[dict[str, Any]] = []
    logged: list[tuple[int, Any, str]] = []  # own logged calls, newest last: what "undo" takes back
    counts = Counter()
    started = time.perf_counter()
    for n in range(writes):
        token = f"{who}n{n}"
        op = rng.choices(list(MIX), weights=list(MIX.values()))[0]
        if op == "undo" and not logged:
            op = "edit"
        try:
            if op == "edit":
                customer = rng.choice(records["customers"])
                detail = ws.customers.detail(customer)
                due = _due(rng)
                version = ws.editor.update(customer, detail.version,
                                           {"notes": f"{detail.notes} {token}".strip(), "next_follow_up": due})
                acks.append({"op": op, "table": "customer", "id": customer, "version": version, "token": token,
                             "due": due.isoformat()})
            elif op == "log":
                customer = rng.choice(records["customers"])
                due = _due(rng)
                entry, dates = ws.activity.log_contact(customer, kind="call", when=BASE + dt.timedelta(minutes=n),
                                                       outcome=token, next_follow_up=due)
                acks.append({"op": op, "table": "customer", "id": customer, "token": token, "visit": entry,
                             "version": dates.version if dates.before != dates.after else None,
                             "due": due.isoformat()})
                logged.append((entry, dates, token))
            elif op == "move":
                visit_id = rng.choice(records["visits"])
                item = ws.visits.get(visit_id)
                start = BASE + dt.timedelta(minutes=15 * rng.randrange(0, 20_000))
                if start == item.start:
                    start += dt.timedelta(minutes=15)
                after = ws.visits.reschedule(visit_id, start, version=item.version)
                acks.append({"op": op, "table": "visit", "id": visit_id, "version": after[visit_id], "token": token,
                             "start": start.isoformat(sep=" ")})
            else:
                entry, dates, of = logged.pop()
                op = "undo"
                _versions, back = ws.activity.set_entries_deleted("visit", {entry: 1}, True, dates)
                acks.append({"op": op, "table": "customer", "id": dates.customer_id, "token": token, "visit": entry,
                             "undid": of, "version": back.version if back.version != dates.version else None,
                             "due": (dates.before["next_follow_up"] or dt.date.min).isoformat()})
        except ConflictError:
            counts["conflicts"] += 1
            refused.append({"op": op, "token": token})
        except DatabaseBusyError:
            counts["busy"] += 1
            refused.append({"op": op, "token": token})
        except sqlite3.Error as exc:
            counts["raw"] += 1
            counts[f"raw: {exc}"] += 1
        except Exception as exc:  # anything else that reaches a writer is a raw error too
            counts["raw"] += 1
            counts[f"raw: {type(exc).__name__}: {exc}"] += 1
    return {"who": who, "acks": acks, "refused": refused, "counts": dict(counts), "attempts": writes,
            "seconds": time.perf_counter() - started}


def writer(path: str, who: str, writes: int, records: dict[str, list[int]], seed: int, ready, go, queue) -> None:
    """One writer process: open, wait for the start, write, report."""
    ws = Workspace.open(path, shared=True, user=who)
    try:
        ready.put(who)
        go.wait()
        queue.put(write_mix(ws, who, writes, records, seed))
    finally:
        ws.close()


def run_writers(path: Path | str, processes: int, writes: int,
                records: dict[str, list[int]]) -> tuple[list[dict], float]:
    """`processes` writer processes at once; returns their reports and the wall time from the common start."""
    ctx = multiprocessing.get_context("spawn")
    ready, queue, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    workers = [ctx.Process(target=writer, args=(str(path), f"w{n}", writes, records, 1000 + n, ready, go, queue))
               for n in range(processes)]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get(timeout=300)
    began = time.perf_counter()
    go.set()
    results = [queue.get(timeout=1800) for _ in workers]
    seconds = time.perf_counter() - began
    for worker in workers:
        worker.join(timeout=60)
    return results, seconds


def verify(path: Path | str, results: list[dict], records: dict[str, list[int]]) -> dict[str, Any]:
    """Check the final database (a file, or a team server's address) against every acknowledged and refused write
    (see the module's docstring)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests import plain_sql  # a file through sqlite3, a server read the same way

    conn = plain_sql.connect(path)
    problems: list[str] = []
    acks = [a for r in results for a in r["acks"]]
    refused = {x["token"] for r in results for x in r["refused"]}
    by_record: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for ack in acks:
        if ack.get("version") is not None:
            by_record[(ack["table"], ack["id"])].append(ack)

    def changes(table: str, record_id: int, field: str) -> list[str | None]:
        return [v for (v,) in conn.execute(
            "SELECT new_value FROM change_log WHERE table_name = ? AND record_id = ? AND field = ? ORDER BY id",
            (table, record_id, field))]

    for customer in records["customers"]:
        version, notes, due = conn.execute("SELECT version, notes, next_follow_up FROM customer WHERE id = ?",
                                           (customer,)).fetchone()
        written = by_record[("customer", customer)]
        versions = Counter(a["version"] for a in written)
        problems += [f"customer {customer}: {n} acknowledged writes produced version {v}"
                     for v, n in versions.items() if n > 1]
        if written:
            newest = max(written, key=lambda a: a["version"])
            if version != newest["version"]:
                problems.append(f"customer {customer}: at version {version}, newest acknowledged {newest['version']}")
            wanted = None if newest["due"] == dt.date.min.isoformat() else newest["due"]
            if (due or None) != wanted:
                problems.append(f"customer {customer}: next follow-up {due}, newest acknowledged {wanted}")
        tokens = set((notes or "").split())
        edits = [a for a in acks if a["op"] == "edit" and a["id"] == customer]
        problems += [f"customer {customer}: edit {a['token']} lost from the notes" for a in edits
                     if a["token"] not in tokens]
        problems += [f"customer {customer}: refused edit {t} was saved" for t in tokens & refused]
        if len(changes("customer", customer, "notes")) != len(edits):
            problems.append(f"customer {customer}: {len(changes('customer', customer, 'notes'))} notes changes "
                            f"logged, {len(edits)} acknowledged")
    for visit_id in records["visits"]:
        version, start = conn.execute("SELECT version, planned_start FROM visit WHERE id = ?", (visit_id,)).fetchone()
        moves = by_record[("visit", visit_id)]
        versions = Counter(a["version"] for a in moves)
        problems += [f"visit {visit_id}: {n} acknowledged moves produced version {v}"
                     for v, n in versions.items() if n > 1]
        logged_starts = changes("visit", visit_id, "planned_start")
        if moves:
            newest = max(moves, key=lambda a: a["version"])
            if version != newest["version"] or not str(start).startswith(newest["start"]):
                problems.append(f"visit {visit_id}: at version {version} starting {start}, newest acknowledged "
                                f"move {newest['version']} to {newest['start']}")
        if len(logged_starts) != len(moves) or any(
                not any(str(s).startswith(a["start"]) for s in logged_starts) for a in moves):
            problems.append(f"visit {visit_id}: {len(logged_starts)} moves logged, {len(moves)} acknowledged")
    undone = {a["visit"] for a in acks if a["op"] == "undo"}
    for ack in (a for a in acks if a["op"] == "log"):
        row = conn.execute("SELECT outcome, deleted_at FROM visit WHERE id = ?", (ack["visit"],)).fetchone()
        if row is None or row[0] != ack["token"]:
            problems.append(f"logged call {ack['token']} is missing")
        elif (row[1] is not None) != (ack["visit"] in undone):
            problems.append(f"logged call {ack['token']}: deleted {row[1] is not None}, "
                            f"undone {ack['visit'] in undone}")
    ghosts = [t for (t,) in conn.execute("SELECT outcome FROM visit WHERE outcome != ''") if t in refused]
    problems += [f"refused log {t} was saved" for t in ghosts]
    conn.close()
    counts = Counter()
    for r in results:
        counts.update(r["counts"])
    unreported = sum(1 for p in problems if "refused" in p)
    return {"acknowledged": len(acks), "attempts": sum(r["attempts"] for r in results),
            "lost": len(problems) - unreported, "unreported": unreported, "raw": counts["raw"],
            "conflicts": counts["conflicts"], "busy": counts["busy"], "problems": problems,
            "raw_errors": sorted(k for k in counts if k.startswith("raw: "))}


def run_on(target: Path | str, processes: int, writes: int) -> dict[str, Any]:
    """The whole run on a new database (a file, or a prepared team server): set up, write from `processes`
    processes, verify."""
    records = setup(target)
    results, seconds = run_writers(target, processes, writes, records)
    return {**verify(target, results, records), "seconds": seconds}


def single_on(target: Path | str, processes: int, writes: int) -> dict[str, Any]:
    """Baseline: the same mixed writes (same writers' seeds) one after another from this one process."""
    records = setup(target)
    ws = Workspace.open(target, shared=True, user="single")
    try:
        began = time.perf_counter()
        results = [write_mix(ws, f"w{n}", writes, records, 1000 + n) for n in range(processes)]
        seconds = time.perf_counter() - began
    finally:
        ws.close()
    return {**verify(target, results, records), "seconds": seconds}


def fresh_file(folder: Path, name: str) -> Path:
    """`name` in `folder`, with any leftover of an earlier run (and its side files) removed."""
    path = folder / name
    for leftover in folder.glob(f"{path.name}*"):
        leftover.unlink()
    return path


def concurrent(processes: int, writes: int, folder: Path) -> dict[str, Any]:
    """`run_on` a fresh file in `folder`."""
    return run_on(fresh_file(folder, f"writers-{processes}x{writes}.db"), processes, writes)


def report(processes: int, writes: int, new_database: Callable[[str], Path | str], baseline: bool = True, *,
           place: str = "one shared file", tag: str = "writers") -> dict[str, Any]:
    """Print the figures (and the one-process baseline); returns the concurrent run's figures. `new_database(name)`
    gives where each run writes: a fresh file, or a prepared team server."""
    figures = run_on(new_database(f"writers-{processes}x{writes}"), processes, writes)
    rate = figures["acknowledged"] / figures["seconds"]
    line = (f"{tag}  {processes} processes x {writes} mixed writes on {place}: "
            f"{rate:.0f} acknowledged writes/s ({figures['attempts'] / figures['seconds']:.0f} attempts/s, "
            f"{figures['seconds']:.1f} s) | lost updates {figures['lost']} | raw errors {figures['raw']} | "
            f"conflicts reported {figures['conflicts']} (busy {figures['busy']}, unreported {figures['unreported']})")
    if baseline:
        base = single_on(new_database(f"writers-1x{processes * writes}"), processes, writes)
        base_rate = base["acknowledged"] / base["seconds"]
        line += (f" | baseline 1 process x {processes * writes}: {base_rate:.0f} writes/s "
                 f"(lost {base['lost']}, raw {base['raw']}) | ratio {rate / base_rate:.2f}x")
    ok = figures["lost"] == 0 and figures["raw"] == 0 and figures["unreported"] == 0
    print(f"{line} | targets 0 lost, 0 raw, every conflict reported: {'PASS' if ok else 'FAIL'}")
    for problem in figures["problems"][:20] + figures["raw_errors"][:20]:
        print(f"{tag}  {problem}")
    return figures


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        report(int(sys.argv[1]), int(sys.argv[2]), lambda name: fresh_file(Path(tmp), f"{name}.db"),
               baseline=False)
