/**
 * Browser mode answers the first screen's two calls (`app.info`, `learners.list`) before it loads
 * the channel code (zod and every channel's schema: 50 to 100 ms of the server's one thread on a
 * 2-core PC), so the profile picker never waits for it. That holds only while the first screen's
 * handlers import neither zod nor a channel's schemas.
 */
import { describe, expect, it } from 'vitest';
import { bundleGraph, staticallyImported } from '../../helpers/static-imports.js';

describe("the first screen's handlers", () => {
  it('load without zod or any channel schema', async () => {
    const entry = 'electron/server/first-screen-handlers.ts';
    const metafile = await bundleGraph(entry);
    const loaded = staticallyImported(metafile, entry);
    // What answers the calls is there; the test would pass on an empty graph otherwise.
    expect(loaded).toContain('electron/db/learners.ts');
    expect(loaded).toContain('electron/core/handlers/app-handlers.ts');
    expect(loaded.filter((file) => file.includes('node_modules/zod/'))).toEqual([]);
    expect(loaded.filter((file) => file.startsWith('electron/contract/') && file.endsWith('-channels.ts'))).toEqual([]);
  });
});
