"""A count of saves, raised by every write transaction (Database.write) and by nothing else.

PRAGMA data_version tells a window that another connection committed, but colleagues' presence heartbeats commit
too; when data_version moves, this count tells a save (refresh what is shown) from a heartbeat (nothing to do).
"""

from __future__ import annotations

CREATE_SQL = ('CREATE TABLE "write_count" ("id" INTEGER NOT NULL PRIMARY KEY, "writes" INTEGER NOT NULL)',)
COUNT_WRITE = "UPDATE write_count SET writes = writes + 1 WHERE id = 1"
READ = "SELECT writes FROM write_count WHERE id = 1"
