import fs from 'node:fs';
import path from 'node:path';

/** A course's YAML files in one folder (`quizzes`, `exercises`), as course-relative paths, sorted. */
export function courseYamlFiles(courseDir: string, folder: string): string[] {
  const dir = path.join(courseDir, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}
