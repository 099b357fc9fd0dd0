"""Import and export benchmarks on a generated N-row x 15-column contact sheet (issue 4's targets).

The sheet is a legacy list: a title row, a blank row, the header on row 3, companies on several rows, and phones as
people write them (floats, +86, full-width digits, old 7-digit landlines, unknown area codes, extensions, two
numbers in a cell, a few American customers with a country column). Seeded: the same rows on every machine.

- import: `keepclient import` end to end (read, detect, map, normalize, dedupe, write in one transaction) in a
  process of its own (peak RSS), against pandas.read_excel (openpyxl engine) + DataFrame.to_sql of the same file
  into SQLite — what a spreadsheet-savvy user would script — three times each, in turn; the median ratio counts.
  Needs pandas (`pip install -e ".[bench]"`). Then checks that every data row is in the database (its person a
  contact of its company) and fails if any is not.
- export: keepclient's .xlsx export of the imported customers against a bare openpyxl write-only dump of the same
  rows read from the same database.
- reimport: `keepclient import` of that export, unmodified (both sheets), against pandas on the same file; it
  must change nothing (the CLI's summary is parsed: new + updated = 0).
- window: the first sheet imported through the wizard in a window (import_window.py).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HEADERS = ["客户名称", "联系人", "职务", "手机", "电话", "邮箱", "地址", "城市", "省份", "国家", "生日", "客户等级",
           "备注", "行业", "来源"]
SHEET_VERSION = 3  # part of the cached file's name: change it whenever make_sheet writes other rows
IMPORT_PAIRS = 3  # the import and pandas, taken in turn: one pair alone ranged 0.49-0.71x on the same code

# The demo cities' area codes; all have 8-digit local numbers today.
AREA_CODES = {"上海": "021", "北京": "010", "深圳": "0755", "广州": "020", "杭州": "0571", "苏州": "0512",
              "成都": "028", "武汉": "027", "南京": "025", "天津": "022", "重庆": "023", "西安": "029", "宁波": "0574",
              "青岛": "0532", "厦门": "0592", "长沙": "0731", "郑州": "0371", "东莞": "0769"}
SMALL_CITY_CODES = ("0999", "0997", "0939")  # areas whose local numbers still have 7 digits (valid)
UNKNOWN_AREA_CODES = ("0609", "0699", "0489", "0889")  # no such area code: a typo or a made-up number
US_PLACES = (("San Francisco", "CA", "415"), ("New York", "NY", "212"), ("Chicago", "IL", "312"),
             ("Seattle", "WA", "206"), ("Boston", "MA", "617"))
US_SHARE = 0.005  # rows of American customers, with a country column saying so
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# Mobile prefixes in use (13x, 15x, 18x, 19x; 154 and 194 are not allocated).
MOBILE_PREFIXES = tuple(f"1{a}{b}" for a in "3589" for b in "0123456789" if f"1{a}{b}" not in ("154", "194"))


def _mobile(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"


def _mobile_cell(rng: random.Random, city: str) -> Any:
    """The 手机 column as legacy sheets hold it: mostly a number Excel stored as a float, then every way of
    writing one, two numbers in a cell, a landline in the wrong column, a note, a digit missing, or nothing."""
    m = _mobile(rng)
    kind = rng.choices(("float", "dashes", "spaces", "+86", "full", "two", "landline", "note", "short", "blank"),
                       (62, 10, 5, 6, 2, 3, 2, 1, 1, 8))[0]
    if kind == "float":
        return float(m)
    if kind == "dashes":
        return f"{m[:3]}-{m[3:7]}-{m[7:]}"
    if kind == "spaces":
        return f"{m[:3]} {m[3:7]} {m[7:]}"
    if kind == "+86":
        return rng.choice((f"+86 {m}", f"+86-{m[:3]}-{m[3:7]}-{m[7:]}", f"(+86){m}", f"0086{m}"))
    if kind == "full":
        return m.translate(FULL_WIDTH)
    if kind == "two":
        return f"{m}{rng.choice((' / ', '，', '、', '; '))}{_mobile(rng)}"
    if kind == "landline":
        return f"{AREA_CODES[city]}-{rng.randint(2 * 10**7, 10**8 - 1)}"
    if kind == "note":
        return f"{m}{rng.choice(('(微信同号)', ' 微信同号', '（私人）'))}"
    if kind == "short":  # a digit lost when it was typed
        return float(m[:-1])
    return ""


def _phone_cell(rng: random.Random, city: str) -> Any:
    """The 电话 column (about 40% of rows): landlines of today and of before the 8-digit changes (025-3474155),
    area codes that do not exist (0609-1234567), extensions (转 801, ext. 12, -801, 分机 23), two numbers in a
    cell, a local number stored as a float without its area code, and 400 service numbers."""
    if rng.random() >= 0.4:
        return ""
    area = AREA_CODES[city]
    local = rng.randint(2 * 10**7, 10**8 - 1)
    kind = rng.choices(("plain", "parens", "old7", "small7", "unknown", "extension", "two", "float", "400", "+86"),
                       (40, 8, 10, 6, 5, 10, 8, 5, 4, 4))[0]
    if kind == "plain":
        return f"{area}-{local}"
    if kind == "parens":
        return rng.choice((f"({area}){local}", f"{area} {str(local)[:4]} {str(local)[4:]}", f"{area}{local}"))
    if kind == "old7":
        return f"{area}-{rng.randint(2 * 10**6, 10**7 - 1)}"
    if kind == "small7":
        return f"{rng.choice(SMALL_CITY_CODES)}-{rng.randint(2 * 10**6, 10**7 - 1)}"
    if kind == "unknown":
        return f"{rng.choice(UNKNOWN_AREA_CODES)}-{rng.randint(2 * 10**6, 10**7 - 1)}"
    if kind == "extension":
        ext = rng.randint(1, 999)
        return rng.choice((f"{area}-{str(local)[:4]} {str(local)[4:]} 转 {ext}", f"{area}-{local} ext. {ext}",
                           f"{area}-{local}-{ext}", f"{area}-{local}分机{ext}", f"{area}-{local} x{ext}"))
    if kind == "two":
        return rng.choice((f"{area}-{local} / {_mobile(rng)}", f"{area}-{local}、{area}-{local + 1}",
                           f"{area}-{local}，{area}-{rng.randint(2 * 10**7, 10**8 - 1)}"))
    if kind == "float":
        return float(local)
    if kind == "400":
        return f"400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
    return f"+86 {area[1:]} {local}"


def _us_phone(rng: random.Random, area: str, extension: bool = False) -> Any:
    number = f"{area}{rng.randint(2, 9)}{rng.randrange(10**6):06d}"
    text = rng.choice((f"({number[:3]}) {number[3:6]}-{number[6:]}", f"{number[:3]}-{number[3:6]}-{number[6:]}",
                       f"+1 {number[:3]} {number[3:6]} {number[6:]}", float(number)))
    return f"{text} ext. {rng.randint(10, 99)}" if extension and isinstance(text, str) else text


def sheet_rows(rows: int, seed: int = 11) -> Iterator[list[Any]]:
    """The data rows of the generated sheet, in order (deterministic: the benchmark regenerates them to check
    that every one was imported)."""
    import datetime as dt

    from keepclient.services import demo_vocab as vocab

    rng = random.Random(seed)
    companies = max(rows // 2, 1)
    for n in range(rows):
        if rng.random() < US_SHARE:
            city, state, area = rng.choice(US_PLACES)
            company = f"{rng.choice(vocab.EN_LAST)} {rng.choice(vocab.INDUSTRIES)[1]} {n % companies} " \
                      f"{rng.choice(vocab.EN_SUFFIXES)}"
            person = f"{rng.choice(vocab.EN_FIRST)} {rng.choice(vocab.EN_LAST)}"
            yield [company, person, rng.choice(vocab.TITLES_EN), _us_phone(rng, area),
                   _us_phone(rng, area, extension=True) if rng.random() < 0.5 else "",
                   f"u{n}@example.com" if rng.random() < 0.5 else "", f"{rng.randint(1, 999)} Market Street", city,
                   state, rng.choice(("美国", "USA", "United States", "US")), "", rng.choice(("A类", "B级", "c", "B")),
                   "", rng.choice(vocab.INDUSTRIES)[0], rng.choice(("展会", "网络"))]
            continue
        city, region, district, street = rng.choice(vocab.CITIES)
        company = f"{city}{rng.choice(vocab.BRANDS)}{rng.choice(vocab.INDUSTRIES)[0]}{n % companies}号有限公司"
        person = rng.choice(vocab.SURNAMES) + rng.choice(vocab.GIVEN_CHARS) + rng.choice(vocab.GIVEN_CHARS)
        birthday = dt.date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
        yield [company, person, rng.choice(vocab.TITLES_ZH), _mobile_cell(rng, city), _phone_cell(rng, city),
               f"u{n}@example.com" if rng.random() < 0.5 else "", f"{district}{street}{n % 999 + 1}号", city, region,
               "中国" if rng.random() < 0.2 else "", birthday if rng.random() < 0.7 else "",
               rng.choice(("A类", "B级", "c", "B")), rng.choice(("", "老客户", "需要发票")),
               rng.choice(vocab.INDUSTRIES)[0], rng.choice(("展会", "网络"))]


def make_sheet(path: Path, rows: int, seed: int = 11) -> None:
    """A legacy-looking list: title row, blank row, header, companies appearing on several rows, phones written
    every way people write them."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(["客户名单（导出自旧系统）"])
    sheet.append([])
    sheet.append(HEADERS)
    for row in sheet_rows(rows, seed):
        sheet.append(row)
    book.save(path)


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{args} failed (exit {os.waitstatus_to_exitcode(status)}): {out[-2000:]}{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, out


_COUNT = r"(\d{1,3}(?:,\d{3})+|\d+)"


def import_summary(out: str) -> tuple[str, dict[str, int]]:
    """The CLI's summary line ("New: N, updated: N, unchanged: N, ... (of N rows).") as written, and its counts by
    lower-case label ("new", "updated", "unchanged", "rows", ...). Defensive: the importer's wording is changing,
    so any "label: number" pair of the line is taken, and a line is found by its "new:" or "unchanged"."""
    lines = [line.strip() for line in out.splitlines()]
    line = next((x for x in lines if re.match(r"new\s*:", x, re.IGNORECASE)), "") or next(
        (x for x in lines if "unchanged" in x.lower()), "")
    counts = {label.strip().lower(): int(number.replace(",", ""))
              for label, number in re.findall(rf"([A-Za-z][A-Za-z ]*?)\s*:\s*{_COUNT}", line)}
    total = re.search(rf"\bof\s+{_COUNT}\s+rows", line, re.IGNORECASE)
    if total:
        counts["rows"] = int(total.group(1).replace(",", ""))
    return line, counts


def refused_rows(counts: dict[str, int]) -> int:
    return sum(n for label, n in counts.items() if "refused" in label or "not imported" in label)


def rows_imported(db: Path, rows: int) -> tuple[int, list[str]]:
    """How many of the sheet's data rows are in the database: the row's person as a contact of the row's company
    (names compared as keepclient compares them). Rows of one company merge into one customer and a person named
    twice in one company into one contact; both still count. Returns the count and the first rows missing."""
    from keepclient.domain.normalize import normalize_name

    conn = sqlite3.connect(db)
    pairs = {(normalize_name(company), normalize_name(person)) for company, person in conn.execute(
        "SELECT cu.name, co.name FROM contact co JOIN customer cu ON cu.id = co.customer_id "
        "WHERE co.deleted_at IS NULL AND cu.deleted_at IS NULL")}
    conn.close()
    found, missing = 0, []
    for number, row in enumerate(sheet_rows(rows), start=4):  # title, blank row and header come first
        if (normalize_name(row[0]), normalize_name(row[1])) in pairs:
            found += 1
        elif len(missing) < 10:
            missing.append(f"row {number}: {row[0]} / {row[1]} / {row[3]!r} / {row[4]!r}")
    return found, missing


PANDAS_SCRIPT = """
import sys, sqlite3, pandas
frames = pandas.read_excel(sys.argv[1], engine="openpyxl", header=int(sys.argv[3]), sheet_name=None)
with sqlite3.connect(sys.argv[2]) as conn:
    for number, frame in enumerate(frames.values()):
        frame.to_sql(f"sheet{number}", conn, index=False)
"""  # argv: file, database, header row (0-based: 2 for the legacy sheet's row 3, 0 for an export); every sheet

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
sheet3 = book.create_sheet("Orders")
for row in conn.execute("SELECT c.uuid, c.name, p.date, p.order_no, p.product, p.quantity, p.unit_price_cents / "
                        "100.0, p.amount_cents / 100.0, p.salesperson_id, p.notes FROM purchase p JOIN customer c ON "
                        "c.id = p.customer_id"):
    sheet3.append(list(row))
book.save(sys.argv[2])
"""


def _pandas(sheet: Path, header: int, data: Path, name: str, env: dict[str, str]) -> tuple[float, float]:
    pandas_db = data / name
    pandas_db.unlink(missing_ok=True)
    seconds, rss, _ = _timed([sys.executable, "-c", PANDAS_SCRIPT, str(sheet), str(pandas_db), str(header)], env)
    return seconds, rss


def bench_spreadsheets(data: Path, rows: int, env: dict[str, str]) -> None:
    sheet = data / f"contacts-v{SHEET_VERSION}-{rows}.xlsx"
    if not sheet.exists():
        print(f"(making a {rows:,}-row sheet once: {sheet.name})", flush=True)
        make_sheet(sheet, rows)
    keepclient = [sys.executable, "-m", "keepclient", "--lang", "en"]  # English messages: the summary is parsed
    db = data / f"import-{rows}.db"
    for leftover in data.glob(f"{db.name}*"):
        leftover.unlink()
    subprocess.run([*keepclient, "--db", str(db), "check"], env=env, capture_output=True)
    subprocess.run([*keepclient, "--db", str(db), "demo", "--customers", "1"], env=env,
                   check=True, capture_output=True)  # an existing team, like a real database
    subprocess.run([*keepclient, "--db", str(db), "at-risk"], env=env, check=True,
                   capture_output=True)  # its value and risk counted today, as the window counts them when it opens
    empty = data / f"team-{rows}.db"
    shutil.copyfile(db, empty)
    failures: list[str] = []
    pairs: list[tuple[float, float, float, float]] = []
    for pair in range(IMPORT_PAIRS):  # interleaved: the machine's noise (±30 % here) weighs on both sides alike
        if pair:
            for leftover in data.glob(f"{db.name}*"):
                leftover.unlink()
            shutil.copyfile(empty, db)  # the same team, as the first run found it
        ours, our_rss, out = _timed([*keepclient, "--db", str(db), "import", str(sheet), "--yes"], env)
        theirs, their_rss = _pandas(sheet, 2, data, "pandas.db", env)
        pairs.append((ours, our_rss, theirs, their_rss))
    summary, counts = import_summary(out)
    ours, theirs = statistics.median(p[0] for p in pairs), statistics.median(p[2] for p in pairs)
    our_rss, their_rss = max(p[1] for p in pairs), max(p[3] for p in pairs)
    ratio = statistics.median(p[0] / p[2] for p in pairs)
    print(f"import   {rows:,} rows x {len(HEADERS)} columns, {IMPORT_PAIRS} interleaved runs each: keepclient median "
          f"{ours:.1f} s, peak {our_rss:.0f} MB ({summary}) | pandas read_excel + to_sql median {theirs:.1f} s, peak "
          f"{their_rss:.0f} MB | ratios {', '.join(f'{p[0] / p[2]:.2f}' for p in pairs)}, median {ratio:.2f}x | "
          f"targets <= 0.5x (median): {'PASS' if ratio <= 0.5 else 'FAIL'}, <= 400 MB: "
          f"{'PASS' if our_rss <= 400 else 'FAIL'}")
    imported, missing = rows_imported(db, rows)
    refused = refused_rows(counts)
    said = str(refused) if any("refused" in label or "not imported" in label for label in counts) else "not reported"
    every_row = imported == rows and not refused
    print(f"import   rows imported: {imported:,} of {rows:,} (each row's person a contact of its company; rows the "
          f"CLI refused: {said}, CLI's data rows: {counts.get('rows', '?')}) | every row: "
          f"{'PASS' if every_row else 'FAIL'}")
    if not every_row:
        problems = [line.strip() for line in out.splitlines() if line.strip().startswith("row ")]
        lines = [*missing, "CLI's problem rows:", *problems[:10]]
        print("  !! rows were not imported:\n    " + "\n    ".join(lines), flush=True)
        failures.append(f"{rows - imported:,} of {rows:,} rows not imported (refused by the CLI: {said})")
    out_ours, out_bare = data / "export-ours.xlsx", data / "export-bare.xlsx"
    customers = sqlite3.connect(db).execute("SELECT count(*) FROM customer").fetchone()[0]
    ours, our_rss, _ = _timed([*keepclient, "--db", str(db), "export", str(out_ours)], env)
    bare, bare_rss, _ = _timed([sys.executable, "-c", BARE_EXPORT_SCRIPT, str(db), str(out_bare)], env)
    ratio = ours / bare
    print(f"export   {customers:,} customers to .xlsx: keepclient {ours:.1f} s, peak {our_rss:.0f} MB | bare "
          f"openpyxl write-only dump {bare:.1f} s, peak {bare_rss:.0f} MB | ratio {ratio:.2f}x | target <= 1.3x: "
          f"{'PASS' if ratio <= 1.3 else 'FAIL'}")
    ours, our_rss, out = _timed([*keepclient, "--db", str(db), "import", str(out_ours), "--yes"], env)
    summary, counts = import_summary(out)
    theirs, their_rss = _pandas(out_ours, 0, data, "pandas-export.db", env)  # an export's header is its row 1
    ratio = ours / theirs
    changes = counts["new"] + counts["updated"] if "new" in counts and "updated" in counts else None
    unchanged = changes == 0 and not refused_rows(counts)
    print(f"reimport {customers:,} customers from that export, unmodified (Customers and Contacts sheets): keepclient "
          f"{ours:.1f} s, peak {our_rss:.0f} MB | pandas read_excel + to_sql {theirs:.1f} s, peak {their_rss:.0f} MB "
          f"| ratio {ratio:.2f}x | changes: {'?' if changes is None else changes} (new {counts.get('new', '?')}, "
          f"updated {counts.get('updated', '?')}, unchanged {counts.get('unchanged', '?')}), expected 0: "
          f"{'PASS' if unchanged else 'FAIL'}")
    print(f"reimport CLI summary: {summary or '(no summary line found)'}")
    if not unchanged:
        failures.append(f"re-importing the unmodified export was not a no-op: {summary or out[-500:]!r}")
    subprocess.run([sys.executable, str(Path(__file__).resolve().parent / "run.py"), "_window", str(sheet),
                    str(empty)], env=env, check=True)
    if failures:
        raise SystemExit("spreadsheets FAILED: " + "; ".join(failures))
