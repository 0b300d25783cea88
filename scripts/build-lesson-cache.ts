/** `npm run build` (a step of it): compiles the bundled lessons into dist/lesson-cache (see lib/lesson-cache-build.ts). */
import { buildBundledLessonCache } from './lib/lesson-cache-build.js';

const result = await buildBundledLessonCache();
for (const problem of result.problems) console.error(`Bundled course not loaded: ${problem}`);
console.log(`Bundled lessons compiled into ${result.dir}: ${result.compiled} compiled, ${result.reused} unchanged.`);
