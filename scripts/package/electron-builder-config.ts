import path from 'node:path';
import type { Target } from './targets.js';

/** The electron-builder version the desktop path is written for (pin it when you install it). */
export const ELECTRON_BUILDER_VERSION = '26.x';

export interface DesktopConfigOptions {
  target: Target;
  version: string;
  electronVersion: string;
  productName: string;
  publisher: string;
  /** The checkout's root; paths in the config are relative to it, as electron-builder expects. */
  projectRoot: string;
  outDir: string;
  /** The icon files written for this build (aula.ico / aula.png) and the branded partner folder, if any. */
  iconDir: string;
  partnerDir: string | null;
}

/**
 * The electron-builder configuration for the desktop app: the second way to package Aula, for
 * builders who have the Electron runtime. The same rules as the Node package: only the target's
 * better-sqlite3 binary, unpacked from the asar (a native module cannot load from inside it); the
 * bundled courses and partner files as resources beside the asar; per-user NSIS and a portable exe.
 * Electron's fuses close what Aula never uses: running as plain Node, NODE_OPTIONS, the inspector,
 * and loading app code from outside the integrity-checked asar.
 */
export function electronBuilderConfig(options: DesktopConfigOptions): Record<string, unknown> {
  const { target } = options;
  const relative = (file: string) => path.relative(options.projectRoot, file).split(path.sep).join('/');
  const artifact = (kind: string) => `Aula-\${version}-${target.name}-desktop${kind}.\${ext}`;
  return {
    appId: 'org.aula.desktop',
    productName: options.productName,
    copyright: `© ${options.publisher}`,
    directories: { output: relative(path.join(options.outDir, 'desktop')), buildResources: relative(options.iconDir) },
    // The runtime already on disk: electron-builder downloads nothing.
    electronDist: 'node_modules/electron/dist',
    electronVersion: options.electronVersion,
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    extraMetadata: { main: 'dist/electron/main.cjs', version: options.version },
    asar: true,
    files: [
      'package.json',
      'dist/electron/**',
      'dist/renderer/**',
      '!**/*.map',
      'node_modules/better-sqlite3/package.json',
      'node_modules/better-sqlite3/lib/**',
      `node_modules/better-sqlite3/prebuilds/${target.sqlitePrebuild}.node`,
    ],
    asarUnpack: [`node_modules/better-sqlite3/prebuilds/${target.sqlitePrebuild}.node`],
    extraResources: [
      { from: 'courses', to: 'courses' },
      ...(options.partnerDir ? [{ from: relative(options.partnerDir), to: 'partner' }] : []),
    ],
    electronFuses: {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    },
    win: {
      target: [
        { target: 'nsis', arch: [target.arch] },
        { target: 'portable', arch: [target.arch] },
      ],
      icon: 'aula.ico',
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: options.productName,
      deleteAppDataOnUninstall: false,
      artifactName: artifact('-setup'),
    },
    portable: { artifactName: artifact('-portable') },
    linux: {
      target: [{ target: 'deb', arch: [target.arch] }],
      category: 'Education',
      icon: 'aula.png',
      artifactName: artifact(''),
    },
    mac: {
      target: [{ target: 'zip', arch: [target.arch] }],
      category: 'public.app-category.education',
      identity: null,
      icon: 'aula.png',
    },
  };
}

/** The command-line flag that makes electron-builder build for the target's system. */
export function electronBuilderPlatformFlag(target: Target): string {
  return target.os === 'win32' ? '--win' : target.os === 'darwin' ? '--mac' : '--linux';
}
