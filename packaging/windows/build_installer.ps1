<#
.SYNOPSIS
    Build keepclient's Windows installer from the bundle `python packaging\build.py` made.

.DESCRIPTION
    Runs Inno Setup's compiler (iscc, Inno Setup 6.3+: `choco install innosetup` or the installer from
    jrsoftware.org) on packaging\windows\keepclient.iss with absolute paths, and prints the setup file it wrote:
    dist\keepclient-VERSION-windows-x64-setup.exe.

.EXAMPLE
    pwsh packaging\windows\build_installer.ps1                  # version from keepclient\__init__.py
    pwsh packaging\windows\build_installer.ps1 -Version 1.2.3
    pwsh packaging\windows\build_installer.ps1 -SignTool kc `
        -SignCommand 'signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a $f'
#>
param(
    [string]$Version = "",
    [string]$Bundle = "",   # default dist\keepclient
    [string]$Icon = "",     # default build\icons\keepclient.ico (build.py renders it there)
    [string]$OutputDir = "", # default dist
    [string]$SignTool = "",  # optional: a sign tool name for the script's SignTool directive...
    [string]$SignCommand = "" # ...and its command line ($f is the file Inno Setup signs)
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path

if (-not $Version) {
    $init = Get-Content -Raw -Encoding UTF8 (Join-Path $Root "keepclient\__init__.py")
    if ($init -match '(?m)^__version__ = "([^"]+)"') { $Version = $Matches[1] }
    else { throw "no __version__ in keepclient\__init__.py" }
}
if (-not $Bundle) { $Bundle = Join-Path $Root "dist\keepclient" }
if (-not $Icon) { $Icon = Join-Path $Root "build\icons\keepclient.ico" }
if (-not $OutputDir) { $OutputDir = Join-Path $Root "dist" }
if (-not (Test-Path (Join-Path $Bundle "keepclient.exe"))) {
    throw "no keepclient.exe in ${Bundle}: run python packaging\build.py first"
}
if (-not (Test-Path $Icon)) { throw "no icon at ${Icon}: python packaging\build.py renders it" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    # Where Inno Setup's installer (and choco's package of it) puts it: "Inno Setup 6" and later versions alike.
    $places = @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA "Programs")) |
        Where-Object { $_ -and (Test-Path $_) }
    $iscc = $places | ForEach-Object { Get-ChildItem -Path $_ -Filter "Inno Setup *" -Directory } |
        Sort-Object Name -Descending | ForEach-Object { Join-Path $_.FullName "ISCC.exe" } |
        Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $iscc) { throw "Inno Setup's iscc.exe not found: choco install innosetup" }

$arguments = @(
    "/DAppVersion=$Version",
    "/DBundleDir=$((Resolve-Path $Bundle).Path)",
    "/DIconFile=$((Resolve-Path $Icon).Path)",
    "/DOutputDir=$([System.IO.Path]::GetFullPath($OutputDir))"
)
if ($SignTool) {
    if (-not $SignCommand) { throw "-SignTool needs -SignCommand" }
    $arguments += "/S$SignTool=$SignCommand", "/DSignTool=$SignTool"
}
$arguments += (Join-Path $PSScriptRoot "keepclient.iss")

Write-Host "$iscc $($arguments -join ' ')"
& $iscc @arguments
if ($LASTEXITCODE -ne 0) { throw "iscc failed with exit code $LASTEXITCODE" }

$setup = Join-Path $OutputDir "keepclient-$Version-windows-x64-setup.exe"
if (-not (Test-Path $setup)) { throw "iscc finished but $setup is missing" }
Write-Output (Resolve-Path $setup).Path
