/**
 * `npm start` prints its ready line once the server listens; whatever the start bundle imports
 * statically is evaluated before that. The channel code (zod and every channel's schema) is
 * loaded after the server listens (loopback-server.ts, browser-mode.ts), and must stay out of
 * the static imports: one stray `import` of the contract put 50 to 250 ms of schema building back
 * in front of the ready line on a 2-core PC.
 */
import { describe, expect, it } from 'vitest';
import { bundleGraph, staticallyImported } from '../../helpers/static-imports.js';

describe('what the start evaluates before its server listens', () => {
  it('leaves the contract and zod to after listening, yet bundles them for the calls', async () => {
    const metafile = await bundleGraph('scripts/start.ts');
    const beforeListening = staticallyImported(metafile, 'scripts/start.ts');
    // The server and the data folder's opening are there; the test would pass on an empty graph otherwise.
    expect(beforeListening).toContain('electron/server/loopback-server.ts');
    expect(beforeListening).toContain('electron/core/data-folder-opening.ts');
    expect(beforeListening.filter((file) => file.includes('node_modules/zod/'))).toEqual([]);
    expect(
      beforeListening.filter((file) => file.startsWith('electron/contract/') && !file.endsWith('lesson-runtime.ts')),
    ).toEqual([]);
    // Still in the bundle, loaded when the server listens.
    expect(Object.keys(metafile.inputs)).toContain('electron/contract/channels.ts');
  });
});
