import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from '../../../scripts/generate-schemas.js';
import { REPO_ROOT } from '../../helpers/temp-dir.js';

describe('published JSON Schemas of the course format', () => {
  it('match the schemas the app validates with (run `npm run schemas` after changing one)', () => {
    for (const [file, text] of renderSchemas()) {
      const published = path.join(REPO_ROOT, 'docs', 'schemas', file);
      expect(fs.existsSync(published), file).toBe(true);
      expect(fs.readFileSync(published, 'utf8'), file).toBe(text);
    }
  });
});
