import readline from 'node:readline/promises';
import { defaultDataFolder } from '../../electron/core/data-folder.js';
import { installCourseFromPack } from '../../electron/core/course-installation.js';
import { acquireDataFolderLock, DataFolderInUseError } from '../../electron/core/data-folder-lock.js';
import { PackRefusal } from '../../electron/courses/pack/pack-refusal.js';
import { StartupNotices } from '../../electron/core/startup-notices.js';
import { openDataFolderDatabase } from '../../electron/db/database-recovery.js';
import { closeDatabase } from '../../electron/db/open-database.js';
import { parseCommandArgs, progressPrinter, UsageError, userPath, type Command } from './cli-helpers.js';

async function askToTrust(question: string): Promise<boolean> {
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes)$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

export const installCommand: Command = {
  name: 'install',
  summary: 'install a pack file into a data folder, as the app does',
  help: `Usage: npm run course -- install <pack file> [--data-dir <folder>] [--trust]

Verifies and installs a course pack into a data folder (default: ${defaultDataFolder()}), exactly
as the app's "Install a course from a file" does. A pack signed by a key this installation does
not trust yet is installed only after you confirm (or with --trust). Unsigned packs need the
developer option "Allow unsigned packs" in the app. Learners' progress is kept when a newer version
replaces an installed course.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, trust: { type: 'boolean' } });
    const [packFile] = positionals;
    if (!packFile || positionals.length > 1) throw new UsageError('give exactly one pack file');
    const dataDir = typeof values['data-dir'] === 'string' ? userPath(values['data-dir']) : defaultDataFolder();
    // Never beside a running Aula: it would not see the course, and both would write the database.
    let lock;
    try {
      lock = acquireDataFolderLock(dataDir, 'course-install');
    } catch (error) {
      if (!(error instanceof DataFolderInUseError)) throw error;
      console.error(
        error.holder.kind === 'app'
          ? `Not installed: Aula is open with the data folder ${dataDir}; close it first, or install the pack in the app ("Install a course from a file").`
          : `Not installed: ${error.message}`,
      );
      return 1;
    }
    const progress = progressPrinter('Installing');
    let db;
    try {
      // As the app opens it: backed up before a migration, restored from a backup if damaged.
      const opened = await openDataFolderDatabase(dataDir);
      db = opened.db;
      new StartupNotices((message) => console.error(message)).recordOpening(opened.events);
      let trustSigner = values.trust === true;
      for (;;) {
        try {
          const installed = await installCourseFromPack(dataDir, db, userPath(packFile), {
            trustSigner,
            onProgress: progress.update,
          });
          progress.stop();
          const replaced = installed.replacedVersion ? ` (replaced version ${installed.replacedVersion})` : '';
          console.log(`Installed "${installed.title}" ${installed.version}${replaced} into ${dataDir}.`);
          console.log(
            installed.signer
              ? `Signed by "${installed.signer.name}" (key id ${installed.signer.keyId}).`
              : 'The pack is not signed.',
          );
          return 0;
        } catch (error) {
          progress.stop();
          if (error instanceof PackRefusal && error.reason === 'untrusted-signer' && !trustSigner && process.stdin.isTTY) {
            if (await askToTrust(`${error.message}\nTrust this signer and install?`)) {
              trustSigner = true;
              continue;
            }
            console.error('Not installed.');
            return 1;
          }
          if (error instanceof PackRefusal) {
            console.error(`Not installed: ${error.message}`);
            if (error.reason === 'untrusted-signer') console.error('Run again with --trust if you trust this signer.');
            return 1;
          }
          throw error;
        }
      }
    } finally {
      try {
        if (db) closeDatabase(db);
      } finally {
        lock.release();
      }
    }
  },
};
