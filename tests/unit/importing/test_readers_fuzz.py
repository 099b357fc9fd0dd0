"""Damaged and hostile files: every one ends in an ImportFileError (or reads), quickly and within 400 MB, through
the readers and through the import preview. A seeded fuzz of a few hundred mutated .xlsx, .xls, .ods and .csv
files, and one test per kind of crash seen before: damaged members, deflate errors, huge fields, undecodable
bytes, a million rows, and counts that made calamine reserve or expand without bound.

Files that could take the process down run in a child process (python -c), which reports each case as one JSON
line: a Rust abort or a memory blow-up then fails the test with the case's name instead of ending the run."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import random
import re
import resource
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from keepclient.domain.errors import BrokenSpreadsheetError, ImportFileError, OversizedSpreadsheetError
from keepclient.importing import readers
from keepclient.services.workspace import Workspace
from tests.unit.importing.test_readers_merged import (
    ods_empty,
    ods_file,
    ods_ledger,
    ods_row,
    ods_text,
    xls_ledger,
    xlsx_ledger,
)

ROOT = Path(__file__).resolve().parents[3]
SEED = 20261206
MAX_PEAK_MB = 400
RUNAWAY_SECONDS = 30


# -- the child process ----------------------------------------------------------------------------------------
def _outcome(action: Callable[[], object]) -> str:
    """"ok", the ImportFileError's class name, or FAIL with the exception and where it was raised."""
    try:
        action()
    except ImportFileError as exc:
        return type(exc).__name__
    except BaseException as exc:  # PanicException and MemoryError included: all are failures
        frames = traceback.extract_tb(exc.__traceback__)
        where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames) if "keepclient" in f.filename),
                     f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?")
        return f"FAIL {type(exc).__name__}: {str(exc)[:200]} at {where}"
    return "ok"


def _read_all(path: Path) -> None:
    book = readers.open_spreadsheet(path)
    try:
        for name in book.sheet_names[:3]:
            book.read(name)
    finally:
        book.close()


def run_cases(directory: str, preview: str = "1") -> None:
    """Child process: each file of `directory` through the readers and, when `preview` is "1", the preview."""
    paths = sorted(p for p in Path(directory).iterdir() if p.is_file())
    with tempfile.TemporaryDirectory() as home:
        workspace = Workspace.open(Path(home) / "fuzz.db", user="t") if preview == "1" else None
        try:
            for path in paths:
                print(json.dumps({"case": path.name, "started": True}), flush=True)
                print(json.dumps(_run_case(path, workspace), ensure_ascii=False), flush=True)
        finally:
            if workspace is not None:
                workspace.close()
    print(json.dumps({"peak_mb": round(peak_mb())}), flush=True)


def peak_mb() -> float:
    """This process's own peak memory. Linux's ru_maxrss carries over from the parent through fork and exec (a child
    of a 400 MB test process starts "at" 400 MB), so read the high-water mark of this program's memory map."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1024**2)


def _run_case(path: Path, workspace: Workspace | None) -> dict[str, object]:
    started = time.monotonic()
    result: dict[str, object] = {"case": path.name, "read": _outcome(lambda: _read_all(path))}
    if workspace is not None:
        result["preview"] = _outcome(lambda: workspace.imports.preview(path))
    result["seconds"] = round(time.monotonic() - started, 3)
    return result


def _run_child(directory: Path, *, preview: bool = True, timeout: float = 180) -> tuple[list[dict], float]:
    """(one result per file, the child's peak memory in MB); a child that dies fails with its last case."""
    code = "import sys; from tests.unit.importing.test_readers_fuzz import run_cases; run_cases(*sys.argv[1:])"
    try:
        done = subprocess.run([sys.executable, "-c", code, str(directory), "1" if preview else "0"], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        output = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        pytest.fail(f"the child took over {timeout} s; last lines: {output.splitlines()[-2:]}")
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines or "peak_mb" not in lines[-1]:
        last = next((line["case"] for line in reversed(lines) if "case" in line), "?")
        pytest.fail(f"the child died (exit {done.returncode}) on {last}: {done.stderr[-2000:]}")
    return [line for line in lines if "read" in line], lines[-1]["peak_mb"]


# -- seeds ----------------------------------------------------------------------------------------------------
def xlsx_shared_strings(path: Path) -> Path:
    """A workbook written by hand the way Excel writes it: shared strings, numbers, a date serial, a merge."""
    rows = [["客户名称", "联系人", "手机", "生日"], ["杭州远航贸易有限公司", "周敏", 13587654321, 29347],
            [None, "吴刚", "025-3474155", None], ["南京长江机电", "陈立", 13900001111, 30000]]
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, start=1):
        out = []
        for c, value in enumerate(row):
            ref = f"{'ABCD'[c]}{r}"
            if isinstance(value, str):
                strings.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            elif value is not None:
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    members = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        f'<sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><dimension ref="A1:D4"/><sheetData>'
        f'{"".join(cells)}</sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def _csv_bytes(rows: list[list[str]], encoding: str, delimiter: str = ",") -> bytes:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return text.getvalue().encode(encoding)


CSV_ROWS = [["客户名称", "联系人", "手机", "备注"],
            ["上海华信（集团）有限公司", "张伟", "138 1234 5678", '说"一定"要送货'],
            ["Müller GmbH", "Jürgen", "+49 171 1234567", "line one\nline two"],
            ["", "王芳", "186-1111-2222", ""]]


def seeds(directory: Path) -> list[Path]:
    """A few valid files of every format the readers take."""
    directory.mkdir(parents=True, exist_ok=True)
    made = [xlsx_ledger(directory / "ledger.xlsx"), xlsx_shared_strings(directory / "shared.xlsx"),
            xls_ledger(directory / "ledger.xls"), ods_ledger(directory / "ledger.ods")]
    for name, data in (("utf8.csv", _csv_bytes(CSV_ROWS, "utf-8")),
                       ("gbk.csv", _csv_bytes(CSV_ROWS[:2] + CSV_ROWS[3:], "gb18030", ";")),
                       ("utf16.txt", b"\xff\xfe" + _csv_bytes(CSV_ROWS, "utf-16-le", "\t"))):
        (directory / name).write_bytes(data)
        made.append(directory / name)
    return made


# -- mutations ------------------------------------------------------------------------------------------------
Mutation = Callable[[bytes, random.Random], bytes]


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def set_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.choice((0, 0xFF, 0x7F, 0x80, rng.randrange(256)))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, len(data))]


def insert_junk(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


def zero_range(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    size = rng.randint(1, 512)
    return data[:at] + b"\0" * min(size, len(data) - at) + data[at + size:]


def delete_range(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 256):]


def duplicate_range(data: bytes, rng: random.Random) -> bytes:
    at, size = rng.randrange(len(data)), rng.randint(4, 256)
    to = rng.randrange(len(data))
    return data[:to] + data[at:at + size] + data[to:]


GENERIC: list[Mutation] = [flip, set_bytes, truncate, insert_junk, zero_range, delete_range, duplicate_range]


def _member_data_span(data: bytes, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Where a member's compressed bytes sit in the archive (after its local header)."""
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    return start, start + info.compress_size


def _pick_member(data: bytes, rng: random.Random) -> zipfile.ZipInfo:
    infos = [i for i in zipfile.ZipFile(io.BytesIO(data)).infolist() if i.compress_size]
    preferred = [i for i in infos if re.search(r"sheet\d*\.xml$|content\.xml$|sharedStrings", i.filename)]
    return rng.choice(preferred if preferred and rng.random() < 0.8 else infos)


def damage_member(data: bytes, rng: random.Random) -> bytes:
    """Flip bytes inside one member's compressed data: inflate errors or a bad CRC while reading."""
    start, end = _member_data_span(data, _pick_member(data, rng))
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        out[rng.randrange(start, max(end, start + 1))] ^= rng.randrange(1, 256)
    return bytes(out)


def garbage_deflate(data: bytes, rng: random.Random) -> bytes:
    """A member whose deflate stream is no deflate stream at all (zlib.error: invalid block type)."""
    start, end = _member_data_span(data, _pick_member(data, rng))
    return data[:start] + b"\xff" * (end - start) + data[end:]


def bad_crc(data: bytes, rng: random.Random) -> bytes:
    """A member whose CRC in the central directory no longer matches its bytes (zipfile.BadZipFile on reading)."""
    name = _pick_member(data, rng).filename.encode()
    out = bytearray(data)
    for found in re.finditer(rb"PK\x01\x02", data):
        name_length = struct.unpack_from("<H", data, found.start() + 28)[0]
        if data[found.start() + 46:found.start() + 46 + name_length] == name:
            crc = struct.unpack_from("<I", data, found.start() + 16)[0]
            struct.pack_into("<I", out, found.start() + 16, crc ^ rng.randrange(1, 1 << 32))
    return bytes(out)


XML_NOISE = [b'<c r="XFD1048576"><v>1</v></c>', b'<row r="99999999">', b"</sheetData>", b"<![CDATA[", b"&lol;",
             b'<table:table-row table:number-rows-repeated="1048576">', b'table:number-columns-repeated="16384" ',
             b'<text:s text:c="99999"/>', b'<c r="A1" t="s"><v>999999</v></c>', b"<mergeCell ref=\"A1:A1048576\"/>",
             b'table:number-rows-spanned="1000000" ', b"\xff\xfe", b"<", b">", b'"', b"\x00"]


def rewrite_member(data: bytes, rng: random.Random) -> bytes:
    """Change the XML of one member and store it again with a correct CRC: damage calamine must parse."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target = _pick_member(data, rng).filename
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == target:
                at = rng.randrange(len(member) + 1)
                change = rng.choice(("insert", "cut", "flip"))
                if change == "insert":
                    member = member[:at] + rng.choice(XML_NOISE) + member[at:]
                elif change == "cut":
                    member = member[:at] + member[at + rng.randint(1, 200):]
                else:
                    member = flip(member, rng) if member else member
            archive.writestr(info, member)
    return out.getvalue()


def central_sizes(data: bytes, rng: random.Random) -> bytes:
    """A central directory entry whose sizes or offset lie."""
    entries = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
    out = bytearray(data)
    at = rng.choice(entries)
    field_offset = rng.choice((20, 24, 42))  # compressed size, uncompressed size, local header offset
    struct.pack_into("<I", out, at + field_offset, rng.choice((0, 1, 0x7FFFFFFF, 0xFFFFFFFF, rng.randrange(1 << 32))))
    return bytes(out)


ZIP: list[Mutation] = [damage_member, garbage_deflate, bad_crc, rewrite_member, rewrite_member, central_sizes]

BIFF_CELLS = {0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E, 0x00BD, 0x0200, 0x00E5, 0x0085, 0x00FC}


def _biff_records(data: bytes, start: int = 512) -> list[tuple[int, int, int]]:
    """(type, offset of the body, length) of the records of xlwt's workbook stream, which follows the header."""
    records, at = [], start
    while at + 4 <= len(data):
        kind, length = struct.unpack_from("<HH", data, at)
        if at + 4 + length > len(data):
            break
        records.append((kind, at + 4, length))
        at += 4 + length
        if kind == 0x000A and len(records) > 1 and records[-2][0] == 0x000A:
            break
    return records


def biff_field(data: bytes, rng: random.Random) -> bytes:
    """Change a row, column, count, offset or length field of a cell, DIMENSIONS, MERGEDCELLS, BOUNDSHEET or SST
    record: the numbers calamine sizes its memory by."""
    records = [r for r in _biff_records(data) if r[0] in BIFF_CELLS and r[2] >= 4]
    _kind, body, length = rng.choice(records)
    out = bytearray(data)
    if rng.random() < 0.2:
        struct.pack_into("<H", out, body - 2, rng.choice((0, length + 1, 0xFFFF)))  # the record's own length
    else:
        at = body + 2 * rng.randrange(min(length, 16) // 2)
        struct.pack_into("<H", out, at, rng.choice((0, 1, 0xFF, 0x100, 0x7FFF, 0xFFFF, rng.randrange(1 << 16))))
    return bytes(out)


def cfb_header(data: bytes, rng: random.Random) -> bytes:
    """A lying container header: sector shift, sector counts, first sectors."""
    out = bytearray(data)
    offset = rng.choice((30, 44, 48, 60, 64, 68, 72, 76))
    struct.pack_into("<I", out, offset, rng.choice((0, 1, 0xFFFF, 0xFFFFFFFE, 0xFFFFFFFF, rng.randrange(1 << 32))))
    return bytes(out)


XLS: list[Mutation] = [biff_field, biff_field, biff_field, cfb_header]


def text_noise(data: bytes, rng: random.Random) -> bytes:
    """Bytes that text files really get: NULs, broken UTF-8, stray BOMs and quotes, a long line."""
    noise = rng.choice((b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xed\xa0\x80", b'"', b'"""',
                        b"\r", b"\x1a", "，".encode(), b";" * 5000, b"x" * 140_000, b'"' + b"y" * 140_000))
    at = rng.randrange(len(data) + 1)
    return data[:at] + noise + data[at:]


TEXT: list[Mutation] = [text_noise, text_noise, text_noise]

CASES_PER_SEED = {".xlsx": 80, ".xls": 120, ".ods": 100, ".csv": 40, ".txt": 40}


def mutants(directory: Path, rng: random.Random) -> list[Path]:
    """Mutated copies of every seed, the kinds of damage fitting each format taken in turn."""
    made = []
    for seed in seeds(directory / "seeds"):
        data = seed.read_bytes()
        kinds = GENERIC + {".xlsx": ZIP, ".ods": ZIP, ".xls": XLS}.get(seed.suffix, TEXT)
        for number in range(CASES_PER_SEED[seed.suffix]):
            mutation = kinds[number % len(kinds)]
            mutated = mutation(data, rng)
            path = directory / "cases" / f"{seed.stem}-{number:03d}-{mutation.__name__}{seed.suffix}"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(mutated)
            made.append(path)
    return made


@pytest.mark.slow
def test_fuzzed_files_read_or_are_refused(tmp_path: Path):
    made = mutants(tmp_path, random.Random(SEED))
    assert len(made) >= 300 and {p.suffix for p in made} == {".xlsx", ".xls", ".ods", ".csv", ".txt"}
    results, peak = _run_child(tmp_path / "cases")
    assert len(results) == len(made)
    failures = [f"{r['case']}: read {r['read']}, preview {r['preview']}" for r in results
                if r["read"].startswith("FAIL") or r["preview"].startswith("FAIL")]
    assert not failures, "\n".join(failures)
    # A runaway guard, not a speed check (they take well under a second each; CI machines are noisy).
    slow = [f"{r['case']}: {r['seconds']} s" for r in results if r["seconds"] > RUNAWAY_SECONDS]
    assert not slow, slow
    assert peak < MAX_PEAK_MB
    refused = sum(r["read"] != "ok" for r in results)
    assert 0 < refused < len(results)  # the fuzz both damages files and leaves some readable


def test_the_seeds_read(tmp_path: Path):
    for seed in seeds(tmp_path):
        _read_all(seed)


# -- one test per crash seen before (the `ws` workspace comes from conftest.py) -------------------------------

def refused(path: Path, error: type[ImportFileError], ws: Workspace) -> str:
    """Both ways in refuse the file with `error`, and nothing is written."""
    with pytest.raises(error):
        _read_all(path)
    with pytest.raises(error) as caught:
        ws.imports.preview(path)
    assert ws.customers.count() == 0 and ws.imports.history() == []
    return caught.value.message()


def _with_member(path: Path, target: Path, member: str, change: Callable[[bytes], bytes],
                 compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of the archive at `path` whose `member` is stored with `compression` and its stored bytes changed."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", compression) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info), compress_type=compression)
    data = target.read_bytes()
    info = zipfile.ZipFile(target).getinfo(member)
    start, end = _member_data_span(data, info)
    target.write_bytes(data[:start] + change(data[start:end]) + data[end:])
    return target


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_damaged_member_is_a_damaged_file(tmp_path: Path, ws: Workspace, kind: str):
    """A member whose bytes no longer match its CRC (zipfile.BadZipFile while reading it)."""
    seed = xlsx_ledger(tmp_path / "seed.xlsx") if kind == "xlsx" else ods_ledger(tmp_path / "seed.ods")
    member = "xl/worksheets/sheet1.xml" if kind == "xlsx" else "content.xml"
    path = _with_member(seed, tmp_path / f"damaged.{kind}", member,
                        lambda stored: stored[:40] + bytes([stored[40] ^ 0x20]) + stored[41:], zipfile.ZIP_STORED)
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(path).read(member)
    assert "damaged" in refused(path, BrokenSpreadsheetError, ws)


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_deflate_error_is_a_damaged_file(tmp_path: Path, ws: Workspace, kind: str):
    """A member whose deflate stream is broken (zlib.error while inflating, in our own checks or in calamine)."""
    seed = xlsx_ledger(tmp_path / "seed.xlsx") if kind == "xlsx" else ods_ledger(tmp_path / "seed.ods")
    member = "xl/worksheets/sheet1.xml" if kind == "xlsx" else "content.xml"
    path = _with_member(seed, tmp_path / f"deflate.{kind}", member, lambda stored: b"\xff" * len(stored))
    with pytest.raises(zlib.error):
        zipfile.ZipFile(path).read(member)
    refused(path, BrokenSpreadsheetError, ws)


def _huge_field_csv(path: Path, megabytes: int = 100) -> Path:
    """A quote opened in the second row and never closed: the rest of the file, 100 MB of lines, is one field."""
    with path.open("wb") as out:
        out.write('客户名称,备注\r\n上海华信,"从这里开始的引号没有结束'.encode())
        block = ("很长的备注" * 20 + "\r\n").encode() * 1000
        for _ in range(megabytes * (1 << 20) // len(block)):
            out.write(block)
    return path


def test_a_huge_field_is_refused_quickly(tmp_path: Path, ws: Workspace):
    """A 100 MB field (a quote never closed) is refused at the field limit, not read into memory."""
    started = time.monotonic()
    message = refused(_huge_field_csv(tmp_path / "open-quote.csv"), OversizedSpreadsheetError, ws)
    assert "quotation mark" in message and time.monotonic() - started < 20
    line = tmp_path / "delimiters.csv"
    line.write_bytes(b"a,b\r\n" + b"," * (3 << 20) + b"\r\n")  # three million empty fields on one line
    assert "line longer than" in refused(line, OversizedSpreadsheetError, ws)


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf\xe5\xae\xa2\xe6\x88\xb7,\xff\xfe\xc3(\r\n\xe5\xbc\xa0\xe4\xbc\x9f,1\r\n",  # UTF-8 BOM, then not
    b"\xff\xfe" + "客户,电话\r\n张伟,1".encode("utf-16-le") + b"\x00\xd8A",  # lone surrogate, odd length
    b"\xfe\xff" + "客户\t电话\r\n".encode("utf-16-be") + b"\xdc\x00\x00",
    "客户名称,联系人\r\n华信,张伟\r\n".encode("gb18030") + b"\x81\x30\xff\xff,\x80\r\n",  # not even GB18030
    b"Name,City\r\n" + bytes(range(0x80, 0x100)) + b",x\r\n",
], ids=["utf8-bom", "utf16-le", "utf16-be", "gb18030", "high-bytes"])
def test_undecodable_bytes_read_with_replacement_characters(tmp_path: Path, ws: Workspace, data: bytes):
    path = tmp_path / "broken.csv"
    path.write_bytes(data)
    text, _encoding = readers.decode_text(data)
    assert text
    sheet = readers.open_spreadsheet(path).read()
    assert sheet.rows and all(isinstance(v, str) for row in sheet.rows for v in row)
    with contextlib.suppress(ImportFileError):
        ws.imports.preview(path)


# -- memory and time, measured in a child -----------------------------------------------------------------
MILLION_ROWS = 1_000_000


@pytest.mark.slow
def test_a_million_rows_of_one_column_in_bounded_memory(tmp_path: Path):
    path = tmp_path / "million.csv"
    rng = random.Random(SEED)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("手机\r\n")
        out.writelines(f"138{rng.randrange(10**8):08d}\r\n" for _ in range(MILLION_ROWS))
    code = ("import sys, time; from keepclient.importing import readers; "
            "from tests.unit.importing.test_readers_fuzz import peak_mb; started = time.monotonic(); "
            "sheet = readers.open_spreadsheet(sys.argv[1]).read(); "
            "print(len(sheet.rows), len(sheet.numbers), round(time.monotonic() - started, 2), round(peak_mb()))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows, numbers, seconds, peak = done.stdout.split()
    assert int(rows) == int(numbers) == MILLION_ROWS + 1
    assert int(peak) < MAX_PEAK_MB, f"peak {peak} MB"
    assert float(seconds) < 60  # a few seconds on the 2-core machine; only a runaway fails here


def _xlsx_sst_claim(path: Path) -> Path:
    """One shared string declared as 99,999,999,999,999 unique ones (calamine reserved them and aborted)."""
    seed = xlsx_shared_strings(path.with_name("sst-seed.xlsx"))
    with zipfile.ZipFile(seed) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/sharedStrings.xml":
                data = re.sub(rb'uniqueCount="\d+"', b'uniqueCount="99999999999999"', data)
            archive.writestr(info, data)
    seed.unlink()
    return path


def _xlsx_far_cell(path: Path) -> Path:
    """Two real rows and a number at Z1048576: 27 million grid cells, 860 MB in calamine."""
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "联系人"])
    book.active.append(["甲公司", "乙"])
    book.active["Z1048576"] = 1
    book.save(path)
    return path


def _xls_dimensions_claim(path: Path) -> Path:
    """A DIMENSIONS record claiming 4 billion rows × 65,535 columns (calamine reserved them and aborted)."""
    data = bytearray(xls_ledger(path).read_bytes())
    for kind, body, length in _biff_records(bytes(data)):
        if kind == 0x0200 and length == 14:
            struct.pack_into("<IIHH", data, body, 0, 0xFFFFFFFF, 0, 0xFFFF)
    path.write_bytes(data)
    return path


def _xls_far_cell(path: Path) -> Path:
    """A cell at IV65536: the whole 16.7-million-cell grid an .xls can hold, 1 GB in calamine."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("客户")
    sheet.write(0, 0, "客户名称")
    sheet.write(65535, 255, 1)
    book.save(str(path))
    return path


def _ods_repeats(path: Path) -> Path:
    """800 bytes asking for a million rows of twenty repeated numbers (1.3 GB in calamine)."""
    cell = '<table:table-cell table:number-columns-repeated="20" office:value-type="float" office:value="1"/>'
    return ods_file(path, {"S": [ods_row(ods_text("客户名称")), ods_row(cell, repeat=1_000_000)]})


def _ods_spaces(path: Path) -> Path:
    """A cell of 4 billion spaces (<text:s text:c=.../>), which calamine writes out one by one."""
    cell = ('<table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"/>b</text:p>'
            "</table:table-cell>")
    return ods_file(path, {"S": [ods_row(ods_text("客户名称")), ods_row(cell)]})


def _ods_far_column(path: Path) -> Path:
    """Rows that each skip 16,000 blank columns to one number: calamine keeps every skipped cell of each row."""
    rows = [ods_row(ods_empty(16_000), f'<table:table-cell office:value-type="float" office:value="{n}"/>')
            for n in range(2_000)]
    return ods_file(path, {"S": [ods_row(ods_text("客户名称")), *rows]})


def cfb_file(path: Path, workbook: bytes, *, directory_loop: bool = False) -> Path:
    """A compound file as small generators write it: 512-byte sectors, the workbook stream (under 4,096 bytes) in
    the mini stream. Sector 0 holds the FAT, 1 the directory, 2 the mini FAT, 3 on the mini stream; with
    `directory_loop` the directory's chain leads back to itself."""
    free, end, fat_sector, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    mini = workbook + b"\0" * (-len(workbook) % 64)
    mini_count, stream_sectors = len(mini) // 64, -(-len(mini) // 512)
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, 2, 1, end, 0)
    struct.pack_into("<109I", header, 76, 0, *([free] * 108))
    chain = [*range(4, 3 + stream_sectors), end]
    fat = [fat_sector, 1 if directory_loop else end, end, *chain] + [free] * (128 - 3 - stream_sectors)

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = bytearray(128)
        encoded = name.encode("utf-16-le")
        raw[:len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded) + 2 if name else 0, kind, 1)
        struct.pack_into("<III", raw, 68, none, none, child)
        struct.pack_into("<II", raw, 116, start, size)
        return bytes(raw)

    directory = (entry("Root Entry", 5, 1, 3, len(mini)) + entry("Workbook", 2, none, 0, len(workbook))
                 + entry("", 0, none, 0, 0) * 2)
    mini_fat = [*range(1, mini_count), end] + [free] * (128 - mini_count)
    body = struct.pack("<128I", *fat) + directory + struct.pack("<128I", *mini_fat)
    path.write_bytes(bytes(header) + body + mini + b"\0" * (-len(mini) % 512))
    return path


def xls_in_mini_stream(path: Path, *, directory_loop: bool = False) -> Path:
    """The ledger's records (xlwt pads its stream to 4,096 bytes; without the padding it moves to the mini
    stream)."""
    import olefile

    padded = xls_ledger(path.with_name(f"{path.stem}-padded.xls"))
    with olefile.OleFileIO(str(padded)) as ole:
        records = ole.openstream("Workbook").read()
    padded.unlink()
    end = max(body for kind, body, _length in _biff_records(records, 0) if kind == 0x000A)  # the last EOF record
    return cfb_file(path, records[:end], directory_loop=directory_loop)


def test_a_workbook_in_the_mini_stream_reads_as_calamine_reads_it(tmp_path: Path, ws: Workspace):
    import python_calamine

    path = xls_in_mini_stream(tmp_path / "small.xls")
    direct = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("台账").to_python()
    assert direct[3][0] == "上海华信（集团）有限公司" and direct[4][0] == ""
    sheet = readers.open_spreadsheet(path).read()
    assert [row[0] for row in sheet.rows[3:6]] == ["上海华信（集团）有限公司"] * 3  # merges carried down
    assert ws.imports.preview(path).rows


BOMBS = {"sst-claim.xlsx": _xlsx_sst_claim, "far-cell.xlsx": _xlsx_far_cell,
         "dimensions.xls": _xls_dimensions_claim, "far-cell.xls": _xls_far_cell, "repeats.ods": _ods_repeats,
         "spaces.ods": _ods_spaces, "far-column.ods": _ods_far_column, "open-quote.csv": _huge_field_csv,
         "loop.xls": lambda path: xls_in_mini_stream(path, directory_loop=True)}


@pytest.mark.slow
def test_declared_counts_and_repeats_are_refused_before_calamine_allocates(tmp_path: Path):
    """Files a few kilobytes long that made calamine abort the process or take gigabytes: each is refused, in a
    child that stays within MAX_PEAK_MB."""
    cases = tmp_path / "bombs"
    cases.mkdir()
    for name, build in BOMBS.items():
        build(cases / name)
    results, peak = _run_child(cases)
    outcomes = {r["case"]: (r["read"], r["preview"]) for r in results}
    assert outcomes == {name: (expected, expected) for name, expected in (
        ("sst-claim.xlsx", "BrokenSpreadsheetError"), ("far-cell.xlsx", "OversizedSpreadsheetError"),
        ("dimensions.xls", "BrokenSpreadsheetError"), ("far-cell.xls", "OversizedSpreadsheetError"),
        ("repeats.ods", "OversizedSpreadsheetError"), ("spaces.ods", "OversizedSpreadsheetError"),
        ("far-column.ods", "OversizedSpreadsheetError"), ("open-quote.csv", "OversizedSpreadsheetError"),
        ("loop.xls", "BrokenSpreadsheetError"))}
    assert peak < MAX_PEAK_MB
    assert max(r["seconds"] for r in results) < RUNAWAY_SECONDS
