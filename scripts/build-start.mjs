// @ts-check
/** `npm run build` (last step): bundles scripts/start.ts for `npm start` (see lib/start-bundle.mjs). */
import { buildBundle } from './lib/start-bundle.mjs';

const entry = await buildBundle('start', 'scripts/start.ts');
console.log(`Browser-mode start bundle built: ${entry}`);
