import fs from 'node:fs';
import { parseDocument } from 'yaml';

/**
 * Quiz or exercise files that failed to parse or validate. Their errors are reported already;
 * what they define is kept here so a lesson showing them is not also told that "no file defines"
 * them: a file that failed to parse is broken, not missing.
 */
export class BrokenDefinitions {
  private readonly ids = new Set<string>();
  /** A broken file whose id could not be read: it might define any id. */
  private unknownId = false;

  add(absoluteFile: string): void {
    const id = readId(absoluteFile);
    if (id) this.ids.add(id);
    else this.unknownId = true;
  }

  isEmpty(): boolean {
    return this.ids.size === 0 && !this.unknownId;
  }

  /** True when a lesson's reference to `id` may be to one of the broken files. */
  mayDefine(id: string): boolean {
    return this.unknownId || this.ids.has(id);
  }
}

/** The top-level `id:` of a YAML file, read as leniently as possible. */
function readId(absoluteFile: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(absoluteFile, 'utf8');
  } catch {
    return undefined;
  }
  const fromDocument: unknown = parseDocument(text).get('id');
  if (typeof fromDocument === 'string' && fromDocument) return fromDocument;
  // A syntax error later in the file may leave no usable document; the line itself is enough.
  return /^id:[ \t]*["']?([A-Za-z0-9_-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
}
