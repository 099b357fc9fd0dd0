"""Orders import benchmark (issue 13): a 300,000-line order sheet onto the 100,000-customer demo database.

The sheet (generated once, seeded, cached in benchmarks/.data/ beside the demo database it was made for) names the
demo's customers the ways order lists do: by name (some with other brackets or widths), by phone, by keepclient ID,
plus 3 % customers the database does not have. Orders have 1-5 lines sharing an order number; a fifth of the lines
have none. Amounts come as numbers, "¥1,234.50", "1.234,50 €", "RMB 1,234", empty (quantity × unit price) and a few
unreadable. Dates as date cells and as text.

- import: `keepclient import-orders FILE --yes` as a whole process on a copy of the (upgraded) demo database,
  without --create-customers (the unmatched rows must be reported, not imported), against pandas.read_excel +
  DataFrame.to_sql of the same file, the same run. Target: <= 0.5x.
- reimport: the same command again must add 0 order lines.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spreadsheets import _pandas, _timed

HEADERS = ["订单号", "下单日期", "客户名称", "客户编号", "电话", "产品", "数量", "单价", "金额", "业务员", "备注"]
SHEET_VERSION = 1  # part of the cached file's name: change it whenever make_sheet writes other rows
UNMATCHED_SHARE = 0.03
PRODUCTS = ("办公椅", "打印纸A4", "硒鼓", "服务器机柜", "网线", "交换机", "笔记本电脑", "显示器", "键盘", "鼠标",
            "投影仪", "空气净化器", "保险柜", "文件柜", "会议桌", "咖啡机", "路由器", "UPS电源", "扫描仪", "碎纸机")


def upgraded_demo(data: Path, customers: int, env: dict[str, str]) -> Path:
    """A copy of the demo database brought to the current schema (the cached original is never changed)."""
    source = data / f"demo-{customers}.db"
    if not source.exists():
        raise SystemExit(f"{source} is missing: run `benchmarks/run.py demo --customers {customers}` first")
    base = data / f"orders-base-{customers}.db"
    if not base.exists() or base.stat().st_mtime < source.stat().st_mtime:
        for leftover in data.glob(f"{base.name}*"):
            leftover.unlink()
        shutil.copyfile(source, base)
        subprocess.run([sys.executable, "-m", "keepclient", "--db", str(base), "check"], env=env, check=True,
                       capture_output=True)
        for old_copy in data.glob(f"{base.stem}.before-upgrade-*"):
            old_copy.unlink()
    return base


def _customers(db: Path) -> list[tuple[int, str, str, str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT c.id, c.uuid, c.name, coalesce(nullif(c.phone, ''), (SELECT k.mobile FROM contact k WHERE "
        "k.customer_id = c.id AND k.mobile != '' LIMIT 1), '') FROM customer c WHERE c.deleted_at IS NULL "
        "ORDER BY c.id").fetchall()
    names = {}
    for _cid, _uid, name, _phone in rows:
        names[name] = names.get(name, 0) + 1
    conn.close()
    return [row for row in rows if names[row[2]] == 1]  # names the demo uses twice cannot identify a customer


def _amount(rng: random.Random, cents: int) -> Any:
    value = cents / 100
    kind = rng.random()
    if kind < 0.45:
        return value
    if kind < 0.6:
        return f"¥{value:,.2f}"
    if kind < 0.7:
        return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " €"
    if kind < 0.78:
        return f"RMB {value:,.2f}"
    if kind < 0.95:
        return None  # quantity × unit price
    if kind < 0.998:
        return f"{value:.2f}元"
    return "待定"  # unreadable: a problem, kept in the notes


def sheet_rows(customers: list[tuple[int, str, str, str]], rows: int, seed: int = 13) -> Iterator[list[Any]]:
    rng = random.Random(seed)
    salespeople = ("王芳", "李强", "张敏", "刘洋", "陈静", "杨帆")
    made = 0
    order = 0
    while made < rows:
        order += 1
        cid, uid, name, phone = rng.choice(customers)
        how = rng.random()
        if how < UNMATCHED_SHARE:
            shown, ref, tel = f"未登记客户{order}号商行", "", ""
        elif how < 0.6:
            shown, ref, tel = name, "", ""
        elif how < 0.7:
            shown, ref, tel = name.replace("(", "（").replace(")", "）") + " ", "", ""
        elif how < 0.85 and phone:
            shown, ref, tel = "", "", phone
        else:
            shown, ref, tel = name, uid if rng.random() < 0.7 else str(cid), ""
        numbered = rng.random() < 0.8
        number = f"SO-{2024 + order % 2}-{order:07d}" if numbered else ""
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        lines = rng.choice((1, 1, 2, 3, 5)) if numbered else 1
        for line in range(min(lines, rows - made)):
            quantity = rng.choice((1, 2, 3, 5, 10, 20, 0.5))
            price = rng.randrange(500, 500_000)
            amount = round(quantity * price)
            when: Any = day if rng.random() < 0.8 else day.strftime("%Y/%-m/%-d")
            yield [number, when, shown, ref, tel,
                   PRODUCTS[(order + line) % len(PRODUCTS)], quantity, price / 100, _amount(rng, amount),
                   salespeople[order % len(salespeople)], "加急" if rng.random() < 0.02 else None]
            made += 1


def make_sheet(path: Path, db: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("订单")
    sheet.append(["销售订单明细（导出自旧系统）"])
    sheet.append([])
    sheet.append(HEADERS)
    for row in sheet_rows(_customers(db), rows):
        sheet.append(row)
    book.save(path)


_LINE = re.compile(r"new:\s*([\d,]+), already there:\s*([\d,]+), without a matching customer:\s*([\d,]+)")


def _counts(out: str) -> tuple[str, tuple[int, int, int] | None]:
    for line in out.splitlines():
        match = _LINE.search(line)
        if match:
            return line.strip(), tuple(int(g.replace(",", "")) for g in match.groups())  # type: ignore[return-value]
    return "", None


def bench_orders_import(data: Path, customers: int, env: dict[str, str], rows: int = 300_000) -> None:
    base = upgraded_demo(data, customers, env)
    sheet = data / f"orders-v{SHEET_VERSION}-{rows}-for-{customers}.xlsx"
    if not sheet.exists() or sheet.stat().st_mtime < base.stat().st_mtime:  # it names the demo's customers
        print(f"(making a {rows:,}-line order sheet for this demo database: {sheet.name})", flush=True)
        make_sheet(sheet, base, rows)
    work = data / f"orders-work-{customers}.db"
    for leftover in data.glob(f"{work.name}*"):
        leftover.unlink()
    shutil.copyfile(base, work)
    keepclient = [sys.executable, "-m", "keepclient", "--lang", "en", "--db", str(work)]
    before = sqlite3.connect(work).execute("SELECT count(*) FROM purchase").fetchone()[0]
    ours, our_rss, out = _timed([*keepclient, "import-orders", str(sheet), "--yes"], env)
    summary, counts = _counts(out)
    theirs, their_rss = _pandas(sheet, 2, data, "pandas-orders.db", env)
    ratio = ours / theirs
    after = sqlite3.connect(work).execute("SELECT count(*) FROM purchase").fetchone()[0]
    print(f"orders   {rows:,} lines x {len(HEADERS)} columns onto {customers:,} customers: keepclient {ours:.1f} s, "
          f"peak {our_rss:.0f} MB ({summary}) | pandas read_excel + to_sql {theirs:.1f} s, peak {their_rss:.0f} MB "
          f"| ratio {ratio:.2f}x | target <= 0.5x: {'PASS' if ratio <= 0.5 else 'FAIL'}")
    added = after - before
    right = counts is not None and added == counts[0] and counts[2] > 0
    print(f"orders   purchases added: {added:,} (CLI: new {counts[0] if counts else '?'}, without a customer "
          f"{counts[2] if counts else '?'}, reported not imported) | {'PASS' if right else 'FAIL'}")
    again, again_rss, out = _timed([*keepclient, "import-orders", str(sheet), "--yes"], env)
    summary, counts = _counts(out)
    added = sqlite3.connect(work).execute("SELECT count(*) FROM purchase").fetchone()[0] - after
    print(f"orders   re-import of the same file: {again:.1f} s, peak {again_rss:.0f} MB, purchases added {added} "
          f"({summary}) | expected 0: {'PASS' if added == 0 and counts and counts[0] == 0 else 'FAIL'}")
    for backup in (data / "backups").glob(f"{work.stem}-*"):  # the imports' own backups: 500 MB each
        backup.unlink()
