import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCourse } from '../../electron/courses/check/check-course.js';
import { buildPack } from '../../electron/courses/pack/build-pack.js';
import { PACK_FILE_EXTENSION } from '../../electron/courses/pack/pack-format.js';
import { readSigningKey } from '../../electron/crypto/signing-keys.js';
import { parseCommandArgs, progressPrinter, shownPath, UsageError, userPath, type Command } from './cli-helpers.js';

/** Compiled lessons are cached between packs, so packing an unchanged course again is quick. */
export const PACK_CACHE_DIR = path.join(os.tmpdir(), 'aula-pack-cache');

export const packCommand: Command = {
  name: 'pack',
  summary: 'compile a course folder into one signed pack file',
  help: `Usage: npm run course -- pack <course folder> [-o <file>] [--key <key file>]

Checks the course, compiles its lessons and writes one pack file (default:
<course id>-<version>${PACK_FILE_EXTENSION} in the current folder). With --key (made by
"course keygen"), the pack is signed; without it, it is unsigned and Aula installs it only with
the developer option "Allow unsigned packs". The same course and key always give the same bytes.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, { output: { type: 'string', short: 'o' }, key: { type: 'string' } });
    const [folder] = positionals;
    if (!folder || positionals.length > 1) throw new UsageError('give exactly one course folder');
    const key = typeof values.key === 'string' ? readSigningKey(userPath(values.key)) : undefined;
    const courseDir = userPath(folder);

    const report = await checkCourse(courseDir);
    if (report.errorCount > 0) {
      const prefix = `${shownPath(courseDir)}${path.sep}`;
      for (const line of report.format(prefix)) console.error(line);
      console.error(`Not packed: the course has ${report.errorCount} error(s). Fix them and pack again.`);
      return 1;
    }
    const progress = progressPrinter('Packing');
    let result;
    try {
      result = await buildPack(courseDir, {
        key,
        cacheDir: PACK_CACHE_DIR,
        onProgress: (p) => progress.update(p.done, p.total, p.step),
      });
    } finally {
      progress.stop();
    }
    const { id, version } = result.manifest.course;
    const output = userPath(typeof values.output === 'string' ? values.output : `${id}-${version}${PACK_FILE_EXTENSION}`);
    fs.mkdirSync(path.dirname(output), { recursive: true });
    const temp = `${output}.${process.pid}.tmp`;
    fs.writeFileSync(temp, result.bytes);
    fs.renameSync(temp, output);
    const size = `${(result.bytes.length / 1024).toFixed(0)} KB`;
    console.log(`Packed ${id} ${version}: ${output} (${size}, ${result.manifest.files.length} files).`);
    if (key) console.log(`Signed by "${key.signer.name}" (key id ${key.signer.keyId}).`);
    else console.log('Not signed: Aula installs it only with the developer option "Allow unsigned packs". Sign with --key.');
    return 0;
  },
};
