/**
 * Parsed YAML of course files, remembered by the SHA-256 of their text. Parsing the bundled
 * courses' quizzes and exercises is most of what loading the catalog costs at start (a good
 * tenth of a second on a 2-core PC), and they rarely change between starts. Only the parse is
 * cached: every value is still validated against the app's schemas on every load, so an app
 * upgrade with stricter schemas still reports problems. A file that changes has another hash and
 * is parsed again; a file with YAML errors is never cached.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Bump when the way values are produced changes (parser options, library versions).
const CACHE_FORMAT = 'aula-yaml-values/2 yaml@2 csv:papaparse@5 bpmn:bpmn-moddle@10';

export const YAML_VALUE_CACHE_FILE = 'yaml-values.json';

interface StoredCache {
  format: string;
  values: Record<string, unknown>;
}

export class YamlValueCache {
  private readonly known = new Map<string, unknown>();
  private readonly used = new Map<string, unknown>();
  /** Hashes whose values came from the read-only prebuilt file: never written to `file`. */
  private readonly prebuilt = new Set<string>();
  /** How many values `file` held when read. */
  private readonly storedCount: number;
  private changed = false;

  /**
   * @param file the cache this load reads and rewrites (in the data folder)
   * @param prebuiltFile a read-only cache, read first: the bundled courses' values, made by `npm run build`
   */
  constructor(
    private readonly file?: string,
    prebuiltFile?: string,
  ) {
    if (prebuiltFile) for (const hash of this.readStored(prebuiltFile)) this.prebuilt.add(hash);
    this.storedCount = file ? this.readStored(file).length : 0;
  }

  /** Adds a stored cache's values to the known ones; returns their hashes. */
  private readStored(source: string): string[] {
    try {
      const stored = JSON.parse(fs.readFileSync(source, 'utf8')) as StoredCache;
      if (stored.format !== CACHE_FORMAT || !stored.values || typeof stored.values !== 'object') return [];
      for (const [hash, value] of Object.entries(stored.values)) this.known.set(hash, value);
      return Object.keys(stored.values);
    } catch {
      // No cache yet, or an unreadable one: everything is parsed afresh and the file rewritten.
      return [];
    }
  }

  /**
   * What `compute` makes of a course file's text (a CSV file's table, say), remembered like parsed
   * YAML under `kind` and the text's hash. Only for results that depend on the text alone and are
   * plain data; a `compute` that throws is not remembered, so the problem is reported every time.
   */
  remember<T>(kind: string, text: string, compute: () => T): T {
    const key = `${kind}:${YamlValueCache.hashOf(text)}`;
    const known = this.get(key);
    if (known !== undefined) return known as T;
    const value = compute();
    this.set(key, value);
    return value;
  }

  /** `remember` for a check that is asynchronous (parsing a BPMN diagram); remembers that it passed. */
  async rememberPassed(kind: string, text: string, check: () => Promise<unknown>): Promise<void> {
    const key = `${kind}:${YamlValueCache.hashOf(text)}`;
    if (this.get(key) === true) return;
    await check();
    this.set(key, true);
  }

  static hashOf(text: string): string {
    return createHash('sha256').update(text).digest('hex');
  }

  /** A fresh copy of the value parsed from text with this hash, if known. */
  get(hash: string): unknown {
    if (!this.known.has(hash)) return undefined;
    const value = this.known.get(hash);
    this.used.set(hash, value);
    return structuredClone(value);
  }

  set(hash: string, value: unknown): void {
    const copy = structuredClone(value);
    this.known.set(hash, copy);
    this.used.set(hash, copy);
    this.changed = true;
  }

  /**
   * Writes the values used by this load that the prebuilt file does not hold (so the file never
   * grows with old versions of files),
   * through a temporary file and a rename, so a crash never leaves half a cache. Failing to write
   * a cache is never an error: the next start parses again.
   */
  save(): void {
    if (!this.file) return;
    const own = [...this.used].filter(([hash]) => !this.prebuilt.has(hash));
    if (!this.changed && own.length === this.storedCount) return;
    const stored: StoredCache = { format: CACHE_FORMAT, values: Object.fromEntries(own) };
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temp, JSON.stringify(stored));
      fs.renameSync(temp, this.file);
    } catch {
      fs.rmSync(temp, { force: true });
    }
  }
}
