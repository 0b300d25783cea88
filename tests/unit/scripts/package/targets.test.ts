import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cachedRuntime } from '../../../../scripts/package/runtime-cache.js';
import { PINNED_NODE_VERSION, TARGET_NAMES, target } from '../../../../scripts/package/targets.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

describe('the Node runtime each package target ships', () => {
  it("is the checkout's own pinned Node (the one in Electron 45) where the registry has it", () => {
    const devDependencies = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> })
      .devDependencies;
    expect(devDependencies.node).toBe(PINNED_NODE_VERSION);
    expect(target('linux-x64').runtimeVersion).toBe(PINNED_NODE_VERSION);
  });

  it('is always an exact Node 24 release, never a range and never another major version', () => {
    for (const name of TARGET_NAMES) {
      const version = target(name).runtimeVersion;
      if (version !== null) expect(version, name).toMatch(/^24\.\d+\.\d+$/);
    }
  });

  it('is missing for Apple-silicon Macs, and the build says which target to use instead', () => {
    const { dir, remove } = makeTempDir('aula-runtime-');
    try {
      expect(() => cachedRuntime(target('darwin-arm64'), dir, () => {})).toThrow(/--target darwin-x64.*Rosetta 2/);
    } finally {
      remove();
    }
  });
});
