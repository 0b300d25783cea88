/**
 * Writes the JSON Schemas of the course format into docs/schemas/, from the same zod schemas the
 * app validates with, so editors (VS Code's YAML extension, for one) can check files as trainers
 * type. `npm run schemas` after a schema change; a test fails while the files are out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { courseFormatSchemas } from '../electron/courses/course-format-schemas.js';

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schemas');

export function renderSchemas(): Map<string, string> {
  return new Map(
    Object.entries(courseFormatSchemas()).map(([name, schema]) => [
      `${name}.schema.json`,
      `${JSON.stringify(schema, null, 2)}\n`,
    ]),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, text] of renderSchemas()) {
    fs.writeFileSync(path.join(outDir, file), text);
    console.log(`wrote docs/schemas/${file}`);
  }
}
