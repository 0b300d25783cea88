import fs from 'node:fs';
import path from 'node:path';

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

function licenceText(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((name) => LICENCE_FILE.test(name))
    .sort();
  if (files.length === 0) return null;
  return files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8').trim()).join('\n\n');
}

export interface NoticeSource {
  name: string;
  version: string;
  licence: string;
  text: string | null;
}

/**
 * Every package that ships in some form (bundled into the app's code or the interface, or copied
 * as it is): the production packages of package-lock.json that are installed here. Build tools
 * (devDependencies) are left out; a package listed for another system only is too.
 */
export function productionPackages(projectRoot: string): NoticeSource[] {
  const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const sources: NoticeSource[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev) continue;
    const dir = path.join(projectRoot, key);
    if (!fs.existsSync(path.join(dir, 'package.json'))) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    sources.push({ name, version: entry.version ?? '', licence: entry.license ?? 'see the package', text: licenceText(dir) });
  }
  const seen = new Set<string>();
  return sources
    .filter((source) => {
      const id = `${source.name}@${source.version}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** THIRD-PARTY-NOTICES.txt: the licence of every package that ships in Aula, and of its Node runtime. */
export function thirdPartyNotices(packages: NoticeSource[], runtime: NoticeSource): string {
  const rule = '-'.repeat(72);
  const parts = [
    'Aula includes the following third-party software. Each is listed with its version, its',
    'licence, and the licence text it ships with.',
    '',
  ];
  for (const source of [runtime, ...packages]) {
    parts.push(rule, `${source.name} ${source.version}`.trim(), `Licence: ${source.licence}`, '');
    parts.push(source.text ?? `(The package carries no licence file; its package.json states: ${source.licence}.)`, '');
  }
  return `${parts.join('\n')}\n`;
}
