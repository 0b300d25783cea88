/** `npm run build` (second half): bundles the desktop shell's main process and preload into dist/electron. */
import { buildElectronShell } from './lib/electron-build.js';

const main = await buildElectronShell();
console.log(`Desktop shell built: ${main}`);
