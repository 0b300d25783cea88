/**
 * PCs remembered by their key (trust on first import): new or known, renamed, a new key under a
 * known name, this PC's own file, and a manager blocking, accepting again and forgetting a PC.
 * Real data folders on disk, each with its own installation key.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportedProgressFile } from '../../../electron/contract/channels.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { failure, failureWithFile, ok, okWithFile } from '../../helpers/typed-core.js';
import { dumpDatabase } from '../../helpers/database-dump.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const bytesOf = (file: ExportedProgressFile) => Uint8Array.from(Buffer.from(file.base64, 'base64'));

interface Aula {
  core: RunningCore;
  /** The session of the first profile, who manages this Aula. */
  manager: string;
}

describe('PCs remembered by their key', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let courses: string;
  const running: RunningCore[] = [];

  /** An Aula with its own data folder (so its own key), named `pcName`, with one manager. */
  async function startAula(folder: string, pcName: string, managerName: string): Promise<Aula> {
    const core = await startCore({
      dataDir: path.join(temp.dir, folder),
      courseRoots: [courses],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    running.push(core);
    const first = await ok(core, 'learners.create', { displayName: managerName, language: 'en' });
    const { session } = await ok(core, 'learners.open', { learnerId: first.id });
    await ok(core, 'progressFiles.setPcName', { session, name: pcName });
    return { core, manager: session };
  }

  const exportAll = async (from: Aula) => bytesOf(await ok(from.core, 'progressFiles.exportAll', { session: from.manager }));
  const importInto = (into: Aula, bytes: Uint8Array<ArrayBuffer>) =>
    okWithFile(into.core, 'progressFiles.import', { session: into.manager }, bytes);
  const knownPcs = (at: Aula) => ok(at.core, 'progressFiles.knownPcs', { session: at.manager });

  beforeEach(() => {
    temp = makeTempDir();
    courses = path.join(temp.dir, 'courses');
    writeFixtureCourse(courses, { id: 'fixture', lessons: ['one'], quizzes: [] });
  });
  afterEach(() => {
    for (const core of running.splice(0)) core.close();
    temp.remove();
  });

  it('says whether a file is the first from its PC, shows both names of a renamed PC, and points out a new key under a known name', async () => {
    const library = await startAula('library', 'Library PC', 'Montse');
    const trainer = await startAula('trainer', 'Trainer laptop', 'Trainer');
    const libraryId = (await ok(library.core, 'progressFiles.identity', { session: library.manager })).pcId;

    const first = await importInto(trainer, await exportAll(library));
    expect(first.pcStanding).toEqual({ kind: 'new', previousName: null, otherPcsWithName: 0 });
    const [remembered, ...none] = await knownPcs(trainer);
    expect(none).toEqual([]);
    expect(remembered).toMatchObject({
      pcId: libraryId,
      firstName: 'Library PC',
      lastName: 'Library PC',
      blockedAt: null,
      learners: 1,
    });

    expect((await importInto(trainer, await exportAll(library))).pcStanding).toEqual({
      kind: 'known',
      previousName: null,
      otherPcsWithName: 0,
    });

    // The same key under a new name: the same PC, and both names are shown.
    await ok(library.core, 'progressFiles.setPcName', { session: library.manager, name: 'Reading room' });
    const renamed = await importInto(trainer, await exportAll(library));
    expect([renamed.pcName, renamed.pcStanding]).toEqual([
      'Reading room',
      { kind: 'known', previousName: 'Library PC', otherPcsWithName: 0 },
    ]);
    expect(await knownPcs(trainer)).toMatchObject([{ pcId: libraryId, firstName: 'Library PC', lastName: 'Reading room' }]);

    // Another installation calling itself by the known PC's name (any letter case) is a new PC, and said to share the name.
    const impostor = await startAula('impostor', 'reading ROOM', 'Someone');
    const claimed = await importInto(trainer, await exportAll(impostor));
    expect(claimed.pcStanding).toEqual({ kind: 'new', previousName: null, otherPcsWithName: 1 });
    expect((await knownPcs(trainer)).map((pc) => pc.lastName).sort()).toEqual(['Reading room', 'reading ROOM']);

    // This PC's own file brought back is not another PC.
    const own = await importInto(trainer, await exportAll(trainer));
    expect(own.pcStanding).toEqual({ kind: 'this-pc', previousName: null, otherPcsWithName: 0 });
    expect(await knownPcs(trainer)).toHaveLength(2);
  });

  it("refuses a blocked PC's files with its name and changes nothing; accepted again they import; forgotten, its next file is a first one", async () => {
    const library = await startAula('library', 'Library PC', 'Montse');
    const trainer = await startAula('trainer', 'Trainer laptop', 'Trainer');
    const pcId = (await ok(library.core, 'progressFiles.identity', { session: library.manager })).pcId;
    await importInto(trainer, await exportAll(library));

    const blocked = await ok(trainer.core, 'progressFiles.blockPc', { session: trainer.manager, pcId, blocked: true });
    expect(blocked[0]?.blockedAt).toEqual(expect.any(String));
    await ok(library.core, 'learners.create', { displayName: 'Jonas', language: 'lt' });
    const later = await exportAll(library);
    const before = dumpDatabase(trainer.core.db);
    const refusal = await failureWithFile(trainer.core, 'progressFiles.import', { session: trainer.manager }, later);
    expect([refusal.code, refusal.reason, refusal.params]).toEqual([
      'forbidden',
      'progress-file.blocked-pc',
      { pc: 'Library PC' },
    ]);
    expect(dumpDatabase(trainer.core.db)).toEqual(before);

    await ok(trainer.core, 'progressFiles.blockPc', { session: trainer.manager, pcId, blocked: false });
    const accepted = await importInto(trainer, later);
    expect([accepted.learners, accepted.pcStanding.kind]).toEqual([{ new: 1, known: 1 }, 'known']);

    // Forgetting a PC keeps its learners and their work; its next file is a first one again.
    expect(await ok(trainer.core, 'progressFiles.forgetPc', { session: trainer.manager, pcId })).toEqual([]);
    const fromLibrary = trainer.core.db.prepare('SELECT count(*) FROM learners WHERE origin_pc_id = ?').pluck();
    expect(fromLibrary.get(pcId)).toBe(2);
    expect((await importInto(trainer, later)).pcStanding.kind).toBe('new');
    expect(await knownPcs(trainer)).toMatchObject([{ pcId, firstName: 'Library PC', learners: 2 }]);

    // A PC never imported from cannot be blocked or forgotten.
    for (const error of [
      await failure(trainer.core, 'progressFiles.blockPc', { session: trainer.manager, pcId: '0123456789abcdef', blocked: true }),
      await failure(trainer.core, 'progressFiles.forgetPc', { session: trainer.manager, pcId: '0123456789abcdef' }),
    ]) {
      expect([error.code, error.reason]).toEqual(['not-found', 'progress-file.unknown-pc']);
    }
  });

  it('shows, blocks and forgets PCs for a manager only', async () => {
    const library = await startAula('library', 'Library PC', 'Montse');
    const trainer = await startAula('trainer', 'Trainer laptop', 'Trainer');
    const pcId = (await ok(library.core, 'progressFiles.identity', { session: library.manager })).pcId;
    await importInto(trainer, await exportAll(library));
    const learner = await ok(trainer.core, 'learners.create', { displayName: 'Aina', language: 'ca' });
    const { session } = await ok(trainer.core, 'learners.open', { learnerId: learner.id });

    const before = dumpDatabase(trainer.core.db);
    for (const error of [
      await failure(trainer.core, 'progressFiles.knownPcs', { session }),
      await failure(trainer.core, 'progressFiles.blockPc', { session, pcId, blocked: true }),
      await failure(trainer.core, 'progressFiles.forgetPc', { session, pcId }),
    ]) {
      expect([error.code, error.reason]).toEqual(['forbidden', 'profile.manager-required']);
    }
    expect(dumpDatabase(trainer.core.db)).toEqual(before);
  });
});
