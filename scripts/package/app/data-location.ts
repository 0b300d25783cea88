import path from 'node:path';
import { defaultDataFolder } from '../../../electron/core/data-folder.js';

/** A file of this name beside the launcher marks a portable copy (the Windows zip, a USB stick). */
export const PORTABLE_MARKER = 'portable.txt';
/** A portable copy keeps its data here, beside the launcher, so it travels with the stick. */
export const PORTABLE_DATA_FOLDER = 'data';

export interface DataLocationInput {
  /** `--data-dir` as given, or undefined. */
  dataDirOption: string | undefined;
  /** The folder the launcher is in. */
  installRoot: string;
  /** The folder relative paths in `--data-dir` are taken from. */
  cwd: string;
  isPortable: boolean;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/**
 * Where an installed package keeps its data: `--data-dir` always wins; a portable copy keeps it
 * beside the launcher; an installed copy in the OS per-user folder, the same one `npm start` and
 * the desktop shell use, so an update (a new install folder) or uninstall never touches it.
 */
export function chooseDataFolder(input: DataLocationInput): string {
  if (input.dataDirOption) return path.resolve(input.cwd, input.dataDirOption);
  if (input.isPortable) return path.join(input.installRoot, PORTABLE_DATA_FOLDER);
  return defaultDataFolder(input.platform, input.env, input.home);
}
