import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface WindowsBranding {
  /** The name shown in the installer, the Start menu and Windows' list of programs. */
  productName: string;
  publisher: string;
}

/** NSIS wants a four-part numeric version for the version resource: 1.2.3-beta.1 becomes 1.2.3.0. */
export function windowsVersion(version: string): string {
  const parts = (version.split(/[-+]/)[0] ?? '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  while (parts.length < 4) parts.push(0);
  return parts.slice(0, 4).join('.');
}

/** A string for an NSIS script between double quotes: its escapes are `$$` and `$\"`. */
function nsisString(value: string): string {
  return value.replace(/\$/g, '$$$$').replace(/"/g, '$\\"');
}

function versionInfo(version: string, branding: WindowsBranding, description: string): string[] {
  return [
    `VIProductVersion "${windowsVersion(version)}"`,
    `VIFileVersion "${windowsVersion(version)}"`,
    `VIAddVersionKey "ProductName" "${nsisString(branding.productName)}"`,
    `VIAddVersionKey "CompanyName" "${nsisString(branding.publisher)}"`,
    `VIAddVersionKey "FileDescription" "${nsisString(description)}"`,
    `VIAddVersionKey "FileVersion" "${version}"`,
    `VIAddVersionKey "ProductVersion" "${version}"`,
    `VIAddVersionKey "LegalCopyright" "${nsisString(branding.publisher)}"`,
  ];
}

function makensis(script: string, file: string): void {
  fs.writeFileSync(file, script);
  try {
    execFileSync('makensis', ['-V2', '-INPUTCHARSET', 'UTF8', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
      throw new Error('makensis is not installed: on Debian or Ubuntu, run `apt-get install nsis`.', { cause: error });
    const output = error instanceof Error && 'stdout' in error ? String(error.stdout) : '';
    throw new Error(`makensis failed on ${file}:\n${output}`, { cause: error });
  }
}

/**
 * Aula.exe: a tiny GUI-subsystem program (an NSIS silent "installer" that installs nothing) that
 * starts `runtime\node.exe app\main.mjs` with the options it was given and a hidden console, so
 * a learner never sees a black window. `aula.cmd` beside it runs the same with the console, for
 * IT staff who want to read `Aula ready: <url>` or pass `--no-open`.
 */
export function buildWindowsLauncher(
  folder: string,
  icon: string,
  version: string,
  branding: WindowsBranding,
  workDir: string,
): void {
  makensis(
    [
      '; Aula launcher',
      'Unicode true',
      'SilentInstall silent',
      'RequestExecutionLevel user',
      'SetCompressor /SOLID lzma',
      `Name "${nsisString(branding.productName)}"`,
      `OutFile "${path.join(folder, 'Aula.exe')}"`,
      `Icon "${icon}"`,
      '!include "FileFunc.nsh"',
      ...versionInfo(version, branding, `${branding.productName} launcher`),
      'Section',
      '  ${GetParameters} $0',
      '  SetOutPath "$EXEDIR"',
      '  ExecShell "" \'"$EXEDIR\\runtime\\node.exe"\' \'"$EXEDIR\\app\\main.mjs" $0\' SW_HIDE',
      'SectionEnd',
      '',
    ].join('\n'),
    path.join(workDir, 'launcher.nsi'),
  );
  fs.writeFileSync(path.join(folder, 'aula.cmd'), '@echo off\r\n"%~dp0runtime\\node.exe" "%~dp0app\\main.mjs" %*\r\n');
}

/**
 * The Windows installer. Per user, without administrator rights, into %LOCALAPPDATA%\Programs\Aula
 * by default; `/ALLUSERS` (as an administrator) installs for every user into Program Files; `/S`
 * is silent; `/D=DIR` picks the folder. An install over an older one replaces the program files
 * only: learners' data lives in %APPDATA%\Aula and is never part of the install folder. The
 * uninstaller keeps that data unless the person ticks the box (or passes `/DELETEDATA` with `/S`).
 */
export function buildWindowsInstaller(options: {
  folder: string;
  icon: string;
  version: string;
  branding: WindowsBranding;
  setupFile: string;
  workDir: string;
}): void {
  const { folder, icon, version, branding } = options;
  const name = nsisString(branding.productName);
  const key = 'Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Aula';
  makensis(
    [
      '; Aula setup',
      'Unicode true',
      'RequestExecutionLevel user',
      'SetCompressor /SOLID lzma',
      'ManifestDPIAware true',
      `Name "${name}"`,
      `OutFile "${options.setupFile}"`,
      'InstallDir "$LOCALAPPDATA\\Programs\\Aula"',
      '!include "MUI2.nsh"',
      '!include "FileFunc.nsh"',
      '!include "LogicLib.nsh"',
      '!include "nsDialogs.nsh"',
      `!define MUI_ICON "${icon}"`,
      `!define MUI_UNICON "${icon}"`,
      '!define MUI_FINISHPAGE_RUN "$INSTDIR\\Aula.exe"',
      ...versionInfo(version, branding, `${branding.productName} setup`),
      'Var AllUsers',
      'Var UserData',
      'Var DeleteData',
      'Var DeleteDataBox',
      '!insertmacro MUI_PAGE_DIRECTORY',
      '!insertmacro MUI_PAGE_INSTFILES',
      '!insertmacro MUI_PAGE_FINISH',
      '!insertmacro MUI_UNPAGE_CONFIRM',
      'UninstPage custom un.DataPage un.DataPageLeave',
      '!insertmacro MUI_UNPAGE_INSTFILES',
      '!insertmacro MUI_LANGUAGE "English"',
      '',
      'Function .onInit',
      '  ${GetParameters} $R0',
      '  ClearErrors',
      '  ${GetOptions} $R0 "/ALLUSERS" $R1',
      '  ${IfNot} ${Errors}',
      '    UserInfo::GetAccountType',
      '    Pop $R2',
      '    ${If} $R2 != "admin"',
      `      MessageBox MB_ICONSTOP "Installing ${name} for all users needs an administrator. Run the installer without /ALLUSERS to install it for yourself." /SD IDOK`,
      '      SetErrorLevel 740',
      '      Quit',
      '    ${EndIf}',
      '    StrCpy $AllUsers 1',
      '    SetShellVarContext all',
      '    ${If} $INSTDIR == "$LOCALAPPDATA\\Programs\\Aula"',
      '      StrCpy $INSTDIR "$PROGRAMFILES64\\Aula"',
      '    ${EndIf}',
      '  ${EndIf}',
      'FunctionEnd',
      '',
      'Section "Aula"',
      '  SetOutPath "$INSTDIR"',
      '  ; An update replaces the program files; the data folder is elsewhere and stays as it is.',
      '  RMDir /r "$INSTDIR\\app"',
      '  RMDir /r "$INSTDIR\\runtime"',
      `  File /r "${folder}/*"`,
      '  ${If} $AllUsers == 1',
      '    FileOpen $0 "$INSTDIR\\all-users.txt" w',
      '    FileWrite $0 "Installed for all users of this PC."',
      '    FileClose $0',
      '  ${EndIf}',
      '  WriteUninstaller "$INSTDIR\\Uninstall.exe"',
      `  CreateShortCut "$SMPROGRAMS\\${name}.lnk" "$INSTDIR\\Aula.exe" "" "$INSTDIR\\app\\aula.ico" 0`,
      `  CreateShortCut "$DESKTOP\\${name}.lnk" "$INSTDIR\\Aula.exe" "" "$INSTDIR\\app\\aula.ico" 0`,
      `  WriteRegStr SHCTX "${key}" "DisplayName" "${name}"`,
      `  WriteRegStr SHCTX "${key}" "DisplayVersion" "${version}"`,
      `  WriteRegStr SHCTX "${key}" "Publisher" "${nsisString(branding.publisher)}"`,
      `  WriteRegStr SHCTX "${key}" "DisplayIcon" "$INSTDIR\\app\\aula.ico"`,
      `  WriteRegStr SHCTX "${key}" "InstallLocation" "$INSTDIR"`,
      `  WriteRegStr SHCTX "${key}" "UninstallString" '"$INSTDIR\\Uninstall.exe"'`,
      `  WriteRegStr SHCTX "${key}" "QuietUninstallString" '"$INSTDIR\\Uninstall.exe" /S'`,
      `  WriteRegDWORD SHCTX "${key}" "NoModify" 1`,
      `  WriteRegDWORD SHCTX "${key}" "NoRepair" 1`,
      'SectionEnd',
      '',
      'Function un.onInit',
      "  ; Learners' data is in the per-user folder of whoever uninstalls, as Aula chose it (electron/core/data-folder.ts).",
      '  StrCpy $UserData "$APPDATA\\Aula"',
      '  ${GetParameters} $R0',
      '  ClearErrors',
      '  ${GetOptions} $R0 "/DELETEDATA" $R1',
      '  ${IfNot} ${Errors}',
      `    StrCpy $DeleteData ${'${BST_CHECKED}'}`,
      '  ${EndIf}',
      '  ${If} ${FileExists} "$INSTDIR\\all-users.txt"',
      '    SetShellVarContext all',
      '  ${EndIf}',
      'FunctionEnd',
      '',
      'Function un.DataPage',
      '  nsDialogs::Create 1018',
      '  Pop $0',
      `  \${NSD_CreateLabel} 0 0 100% 40u "Learners' progress, profiles and certificates are kept in $UserData. They stay there, so installing ${name} again finds them."`,
      '  Pop $0',
      '  ${NSD_CreateCheckbox} 0 48u 100% 14u "Also delete all learners\' progress, profiles and certificates on this PC"',
      '  Pop $DeleteDataBox',
      '  nsDialogs::Show',
      'FunctionEnd',
      '',
      'Function un.DataPageLeave',
      '  ${NSD_GetState} $DeleteDataBox $DeleteData',
      'FunctionEnd',
      '',
      'Section "Uninstall"',
      `  Delete "$SMPROGRAMS\\${name}.lnk"`,
      `  Delete "$DESKTOP\\${name}.lnk"`,
      '  RMDir /r "$INSTDIR"',
      `  DeleteRegKey SHCTX "${key}"`,
      `  \${If} $DeleteData == \${BST_CHECKED}`,
      '    RMDir /r "$UserData"',
      '  ${EndIf}',
      'SectionEnd',
      '',
    ].join('\n'),
    path.join(options.workDir, 'setup.nsi'),
  );
}
