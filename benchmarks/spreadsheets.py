"""Import and export benchmarks on a generated N-row x 14-column contact sheet (issue 4's targets).

- import: `keepclient import` end to end (read, detect, map, normalize, dedupe, write in one transaction) in a
  process of its own (peak RSS), against pandas.read_excel (openpyxl engine) + DataFrame.to_sql of the same file
  into SQLite — what a spreadsheet-savvy user would script. Needs pandas (`pip install -e ".[bench]"`).
- export: keepclient's .xlsx export of the imported customers against a bare openpyxl write-only dump of the same
  rows read from the same database.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HEADERS = ["客户名称", "联系人", "职务", "手机", "电话", "邮箱", "地址", "城市", "省份", "生日", "客户等级", "备注",
           "行业", "来源"]


def make_sheet(path: Path, rows: int, seed: int = 11) -> None:
    """A legacy-looking list: title row, blank row, header, companies appearing on several rows."""
    import datetime as dt

    from openpyxl import Workbook

    from keepclient.services import demo_vocab as vocab

    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(["客户名单（导出自旧系统）"])
    sheet.append([])
    sheet.append(HEADERS)
    companies = rows // 2
    for n in range(rows):
        city, region, district, street = rng.choice(vocab.CITIES)
        company = f"{city}{rng.choice(vocab.BRANDS)}{rng.choice(vocab.INDUSTRIES)[0]}{n % companies}号有限公司"
        person = rng.choice(vocab.SURNAMES) + rng.choice(vocab.GIVEN_CHARS) + rng.choice(vocab.GIVEN_CHARS)
        mobile = float(f"1{rng.choice('3589')}{rng.randrange(10**9):09d}")
        area = rng.choice(("010", "021", "020", "022", "023", "0755", "0571", "0512", "028", "027"))
        landline = f"{area}-{rng.randint(2 * 10**7, 10**8 - 1)}" if rng.random() < 0.3 else ""
        birthday = dt.date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
        sheet.append([company, person, rng.choice(vocab.TITLES_ZH), mobile, landline,
                      f"u{n}@example.com" if rng.random() < 0.5 else "", f"{district}{street}{n % 999 + 1}号", city,
                      region, birthday if rng.random() < 0.7 else "", rng.choice(("A类", "B级", "c", "B")),
                      rng.choice(("", "老客户", "需要发票")), rng.choice(vocab.INDUSTRIES)[0],
                      rng.choice(("展会", "网络"))])
    book.save(path)


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args} failed: {err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, out


PANDAS_SCRIPT = """
import sys, sqlite3, pandas
frame = pandas.read_excel(sys.argv[1], engine="openpyxl", header=2)
with sqlite3.connect(sys.argv[2]) as conn:
    frame.to_sql("customers", conn, index=False)
"""

BARE_EXPORT_SCRIPT = """
import sys, sqlite3
from openpyxl import Workbook
conn = sqlite3.connect(sys.argv[1])
book = Workbook(write_only=True)
sheet = book.create_sheet("Customers")
cursor = conn.execute("SELECT uuid, name, kind, tier, stage, '', city, region, address, phone, email, industry, "
                      "source, website, '', last_contact, next_follow_up, notes FROM customer ORDER BY sort_key")
for row in cursor:
    sheet.append(list(row))
sheet2 = book.create_sheet("Contacts")
for row in conn.execute("SELECT c.uuid, c.name, k.name, k.title, k.mobile, k.phone, k.email, k.birthday_month, "
                        "k.notes FROM contact k JOIN customer c ON c.id = k.customer_id"):
    sheet2.append(list(row))
book.save(sys.argv[2])
"""


def bench_spreadsheets(data: Path, rows: int, env: dict[str, str]) -> None:
    sheet = data / f"contacts-{rows}.xlsx"
    if not sheet.exists():
        print(f"(making a {rows:,}-row sheet once: {sheet.name})", flush=True)
        make_sheet(sheet, rows)
    db = data / f"import-{rows}.db"
    for leftover in data.glob(f"{db.name}*"):
        leftover.unlink()
    subprocess.run([sys.executable, "-m", "keepclient", "--db", str(db), "check"], env=env, capture_output=True)
    subprocess.run([sys.executable, "-m", "keepclient", "--db", str(db), "demo", "--customers", "1"], env=env,
                   check=True, capture_output=True)  # an existing team, like a real database
    empty = data / f"team-{rows}.db"
    shutil.copyfile(db, empty)
    ours, our_rss, out = _timed([sys.executable, "-m", "keepclient", "--db", str(db), "import", str(sheet),
                                 "--yes"], env)
    summary = next((line for line in out.splitlines() if line.startswith("New:")), "")
    pandas_db = data / "pandas.db"
    pandas_db.unlink(missing_ok=True)
    theirs, their_rss, _ = _timed([sys.executable, "-c", PANDAS_SCRIPT, str(sheet), str(pandas_db)], env)
    ratio = ours / theirs
    print(f"import   {rows:,} rows x {len(HEADERS)} columns: keepclient {ours:.1f} s, peak {our_rss:.0f} MB "
          f"({summary}) | pandas read_excel + to_sql {theirs:.1f} s, peak {their_rss:.0f} MB | ratio {ratio:.2f}x "
          f"| targets <= 0.35x: {'PASS' if ratio <= 0.35 else 'FAIL'}, <= 400 MB: "
          f"{'PASS' if our_rss <= 400 else 'FAIL'}")
    out_ours, out_bare = data / "export-ours.xlsx", data / "export-bare.xlsx"
    customers = sqlite3.connect(db).execute("SELECT count(*) FROM customer").fetchone()[0]
    ours, our_rss, _ = _timed([sys.executable, "-m", "keepclient", "--db", str(db), "export", str(out_ours)], env)
    bare, bare_rss, _ = _timed([sys.executable, "-c", BARE_EXPORT_SCRIPT, str(db), str(out_bare)], env)
    ratio = ours / bare
    print(f"export   {customers:,} customers to .xlsx: keepclient {ours:.1f} s, peak {our_rss:.0f} MB | bare "
          f"openpyxl write-only dump {bare:.1f} s, peak {bare_rss:.0f} MB | ratio {ratio:.2f}x | target <= 1.3x: "
          f"{'PASS' if ratio <= 1.3 else 'FAIL'}")
    subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "run.py"), "_window", str(sheet),
                    str(empty)], env=env, check=True)
