import fs from 'node:fs';
import path from 'node:path';
import { parseCommandArgs, UsageError, userPath, type Command } from './cli-helpers.js';
import { translatedDataFiles } from './translate-data.js';

export const translateDataCommand: Command = {
  name: 'translate-data',
  summary: "write translations' CSV files from their values maps",
  help: `Usage: npm run course -- translate-data <course folder> [language ...]

For each translation with a translations/<lang>/data/values.yaml (all of them, or the languages
named), writes translations/<lang>/data/<file>.csv for each file it lists, with the values of the
columns it maps translated, and the same for a download copy in assets/. Run course check after.`,
  async run(args) {
    const { positionals } = parseCommandArgs(args, {});
    const [folder, ...languages] = positionals;
    if (!folder) throw new UsageError('give the course folder');
    const courseDir = userPath(folder);
    const root = path.join(courseDir, 'translations');
    const all = fs.existsSync(root) ? fs.readdirSync(root).sort() : [];
    let written = 0;
    for (const language of languages.length > 0 ? languages : all) {
      for (const { file, text } of translatedDataFiles(courseDir, language)) {
        fs.mkdirSync(path.dirname(path.join(courseDir, file)), { recursive: true });
        fs.writeFileSync(path.join(courseDir, file), text);
        console.log(`wrote ${file}`);
        written += 1;
      }
    }
    console.log(written === 0 ? 'No translation has a data/values.yaml.' : `${written} files written.`);
    return 0;
  },
};
