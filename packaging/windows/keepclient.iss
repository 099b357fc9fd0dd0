; Inno Setup script of keepclient's Windows installer (Inno Setup 6.3 or newer).
;
; Packs the PyInstaller one-folder bundle that `python packaging\build.py` leaves in dist\keepclient into
; dist\keepclient-VERSION-windows-x64-setup.exe. From the repository root:
;
;   iscc /DAppVersion=1.2.3 packaging\windows\keepclient.iss
;
; or `pwsh packaging\windows\build_installer.ps1 -Version 1.2.3`, which finds iscc and passes absolute paths.
; Defines (paths absolute, or relative to this file's folder): AppVersion (required), IconFile (the .ico build.py
; renders, default ..\..\build\icons\keepclient.ico), BundleDir (the bundle, default ..\..\dist\keepclient),
; OutputDir (default ..\..\dist), SignTool (optional: the name of a sign tool given to iscc with /S, see
; packaging\README.md).
;
; What the installer does:
; - installs for the current user only, without administrator rights, into %LOCALAPPDATA%\Programs\keepclient
;   (the per-user Programs folder, like Windows' own per-user installs);
; - a Start menu shortcut, and a desktop shortcut only when the user ticks it (unticked by default);
; - upgrades in place: the same AppId and folder every version, keepclient closed first (Restart Manager), the
;   previous version's bundle internals replaced as a whole so no stale Qt or Python file survives;
; - never touches the user's data: databases, backups and settings live in %LOCALAPPDATA%\keepclient
;   (platformdirs, keepclient\paths.py), a different folder that neither setup nor uninstall deletes. Uninstall
;   removes exactly the files setup installed.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=1.2.3 packaging\windows\keepclient.iss
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\keepclient.ico"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\keepclient"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "keepclient"
#define AppExe "keepclient.exe"

[Setup]
; The AppId ties every version together (upgrade in place, one entry in Installed apps). Never change it.
AppId={{9146B344-09C5-47C9-A992-0E5809D21546}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Customer care CRM for small sales teams
; Per user, no UAC prompt; no override dialog, so every install and upgrade lands in the same per-user folder.
PrivilegesRequired=lowest
; %LOCALAPPDATA%\Programs is where {autopf} and {userpf} point for a per-user install on Windows 10/11;
; named directly so it does not depend on the known-folder lookup (which Wine, for one, lacks).
DefaultDirName={localappdata}\Programs\{#AppName}
; An upgrade reuses the folder of the installed version and asks nothing about it.
UsePreviousAppDir=yes
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Close a running keepclient before replacing its files (and its database connection with it); do not restart it
; behind the user's back: the last page offers to launch the new version.
CloseApplications=yes
RestartApplications=no
SetupMutex=keepclient-setup-9146B344
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese ships with newer Inno Setup releases; older ones keep it among the unofficial translations.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous bundle's internals whole (files a new PyInstaller build no longer has would
; otherwise linger next to the new ones). Only inside {app}: the user's data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section: uninstall removes what [Files] installed and nothing else, so the databases,
; backups and settings in %LOCALAPPDATA%\keepclient stay for a later reinstall.
