; Inno Setup script: dist\TrustDesk-<version>-setup.exe from the bundle in dist\trustdesk\
; (packaging\build_bundle.py). The version is TrustDesk's own, passed in by the build:
;
;     iscc /DAppVersion=<version> packaging\windows\trustdesk.iss
;
; Installed for every user of the computer, in Program Files (an admin installs it), with a
; Start-menu entry and an uninstaller. A newer setup installs over the older one in place:
; the AppId below never changes, so Windows sees one program, and the folder chosen the
; first time is used again.
;
; Coordinators' workspaces are not in the program's folder: they live in each user's
; %LOCALAPPDATA%\TrustDesk (platformdirs; the log is in %LOCALAPPDATA%\TrustDesk\Logs) and the
; window's settings in the registry under HKEY_CURRENT_USER\Software\TrustDesk. Installing,
; upgrading and uninstalling never touch them; a newer TrustDesk upgrades a workspace, after
; backing it up, when it first opens it.
;
; The admin hands out the trust's configuration with the installer:
;
;     TrustDesk-<version>-setup.exe /CONFIG=\\server\share\trust.toml   (add /SILENT for no questions)
;
; copies that file as trust.toml beside trustdesk.exe, where TrustDesk looks for the
; configuration installed for every user (trustdesk.config.machine). Without /CONFIG an upgrade
; leaves the trust.toml already there alone; uninstalling removes it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<trustdesk.__version__> trustdesk.iss
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the TrustDesk already installed.
AppId={{473622C5-4335-490C-92BC-51C094712AAB}
AppName=TrustDesk
AppVersion={#AppVersion}
AppVerName=TrustDesk {#AppVersion}
AppPublisher=TrustDesk
VersionInfoVersion={#AppVersion}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
DefaultDirName={autopf}\TrustDesk
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\trustdesk.exe
UninstallDisplayName=TrustDesk
OutputDir=..\..\dist
OutputBaseFilename=TrustDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[InstallDelete]
; An upgrade replaces the bundle whole, so no library of the older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\trustdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\TrustDesk"; Filename: "{app}\trustdesk.exe"; Comment: "Records and quarterly returns"

[UninstallDelete]
; The configuration /CONFIG copied in was not installed from [Files]: remove it too.
Type: files; Name: "{app}\trust.toml"

[Run]
; As the user who started the setup, not as the administrator it ran as.
Filename: "{app}\trustdesk.exe"; Description: "Open TrustDesk"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
// /CONFIG=path: the trust configuration to install beside trustdesk.exe as trust.toml.
function ConfigParam(): String;
begin
  Result := ExpandConstant('{param:CONFIG|}');
end;

function InitializeSetup(): Boolean;
begin
  Result := True;
  if (ConfigParam() <> '') and not FileExists(ConfigParam()) then
  begin
    SuppressibleMsgBox('The trust configuration given with /CONFIG was not found:' + #13#10 +
      ConfigParam(), mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Target: String;
begin
  if (CurStep = ssPostInstall) and (ConfigParam() <> '') then
  begin
    Target := ExpandConstant('{app}\trust.toml');
    if not FileCopy(ConfigParam(), Target, False) then
      SuppressibleMsgBox('The trust configuration could not be copied from' + #13#10 +
        ConfigParam() + #13#10 + 'to ' + Target + '. Copy it there by hand.',
        mbError, MB_OK, IDOK);
  end;
end;
