import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Aula';

/**
 * The OS's per-user application-data folder for Aula: the one default for both shells and the
 * command-line tools (the desktop shell uses it too, not Electron's userData: desktop-data-folder.ts).
 */
export function defaultDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}
