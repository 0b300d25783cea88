/**
 * The size limit of progress files: an export refuses a file larger than an import accepts
 * (a small limit injected here, not a huge file), the streamed export makes exactly the file a
 * whole-payload JSON.stringify made, and the import's per-record check refuses what the whole
 * payload's check refused and keeps records exactly as the file has them.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { signBytes } from '../../../electron/crypto/signing-keys.js';
import { DomainRefusal } from '../../../electron/domain/domain-refusal.js';
import { exportProgress, ProgressExportTooLarge, type ExportChoice } from '../../../electron/progress-files/export-progress.js';
import { loadInstallationIdentity, type InstallationIdentity } from '../../../electron/progress-files/installation-identity.js';
import {
  PROGRESS_FILE_FORMAT,
  PROGRESS_FILE_VERSION,
  RECORD_TABLES,
  RecordSchemas,
  type Envelope,
} from '../../../electron/progress-files/progress-file-format.js';
import { ProgressFileRefusal, readProgressFile } from '../../../electron/progress-files/read-progress-file.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { COURSE, QUIZ, writeReportsFixture, type FixtureLearners } from '../reports/reports-fixture.js';

const NOW = new Date('2026-03-12T10:41:07.215Z');

describe('progress file size', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let who: FixtureLearners;
  let identity: InstallationIdentity;
  let everyone: ExportChoice;

  beforeEach(async () => {
    temp = makeTempDir();
    const courses = path.join(temp.dir, 'courses');
    writeFixtureCourse(courses, { id: COURSE.id, lessons: ['first', 'second'], quizzes: [{ ...QUIZ }] });
    core = await startCore({
      dataDir: path.join(temp.dir, 'pc'),
      courseRoots: [courses],
      appVersion: '0.0.0-test',
      firstBackupDelayMs: false,
    });
    who = writeReportsFixture(core.db);
    // Letters outside ASCII (two, three and four UTF-8 bytes) and quotes, escaped once more in the file.
    core.db.prepare("UPDATE learners SET display_name = 'Bernat Güell “Berni” 🌱' WHERE id = ?").run(who.bernat);
    identity = loadInstallationIdentity(core.deps.dataDir, core.db);
    everyone = { learnerIds: Object.values(who), scope: { kind: 'all' }, label: 'all' };
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const exportWithLimit = (choice: ExportChoice, maxFileBytes?: number) =>
    exportProgress(core.db, identity, choice, '0.0.0-test', NOW, maxFileBytes === undefined ? undefined : { maxFileBytes });

  it('makes the file a whole-payload JSON.stringify made, byte for byte, and one that reads back', () => {
    const file = exportWithLimit(everyone);
    const envelope = JSON.parse(file.bytes.toString('utf8')) as Envelope;
    const payload = JSON.parse(envelope.payload) as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual([
      'kind',
      'formatVersion',
      'createdAt',
      'appVersion',
      'pc',
      'scope',
      'origins',
      'learners',
      'records',
    ]);
    expect(Object.keys(payload.records as object)).toEqual(RECORD_TABLES);
    // The text written piece by piece is the one JSON.stringify gives of what it holds.
    expect(envelope.payload).toBe(JSON.stringify(payload));
    expect(file.bytes.toString('utf8')).toBe(`${JSON.stringify(envelope)}\n`);
    const read = readProgressFile(file.bytes);
    expect(read.learners.map((learner) => learner.displayName)).toContain('Bernat Güell “Berni” 🌱');
    expect(read.records.quiz_answers.length).toBeGreaterThan(0);
  });

  it('refuses an export one byte larger than the limit, and makes the same file at exactly the limit', () => {
    const file = exportWithLimit(everyone);
    expect(exportWithLimit(everyone, file.bytes.byteLength).bytes.equals(file.bytes)).toBe(true);
    const refusal = (() => {
      try {
        exportWithLimit(everyone, file.bytes.byteLength - 1);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(ProgressExportTooLarge);
    expect(refusal).toMatchObject({
      kind: 'conflict',
      facts: { reason: 'progress-file.export-too-large-all', params: { limitMb: 0 } },
    });
  });

  it('counts the file exactly while writing: one byte over is refused before the file is signed', () => {
    const size = exportWithLimit(everyone).bytes.byteLength;
    // The key is read once for the payload's head and once more to sign the finished payload.
    let keyReads = 0;
    const watched = Object.defineProperty({ ...identity }, 'key', {
      get: () => {
        keyReads += 1;
        return identity.key;
      },
    });
    expect(() => exportProgress(core.db, watched, everyone, '0.0.0-test', NOW, { maxFileBytes: size - 1 })).toThrow(
      ProgressExportTooLarge,
    );
    expect(keyReads).toBe(1);
    exportProgress(core.db, watched, everyone, '0.0.0-test', NOW, { maxFileBytes: size });
    expect(keyReads).toBe(3);
  });

  it("stops reading as soon as the rows pass the limit, and names what to do for each scope's export", () => {
    const prepared: string[] = [];
    const watchedDb = new Proxy(core.db, {
      get(target, property) {
        if (property === 'prepare') {
          return (sql: string) => {
            prepared.push(sql);
            return target.prepare(sql);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const refusedWith = (choice: ExportChoice, maxFileBytes: number, db = core.db) => {
      try {
        exportProgress(db, identity, choice, '0.0.0-test', NOW, { maxFileBytes });
      } catch (error) {
        return error instanceof DomainRefusal ? error.facts : error;
      }
      return null;
    };
    // Less than the payload's head: refused before any record is read.
    expect(refusedWith(everyone, 200, watchedDb)).toEqual({
      reason: 'progress-file.export-too-large-all',
      params: { limitMb: 0 },
    });
    expect(prepared.some((sql) => sql.includes('FROM "lesson_progress"'))).toBe(false);
    expect(prepared.some((sql) => sql.includes('FROM learners'))).toBe(true);

    const file = exportWithLimit(everyone);
    expect(refusedWith({ ...everyone, scope: { kind: 'group', groupName: 'March' } }, file.bytes.byteLength - 100)).toEqual({
      reason: 'progress-file.export-too-large-group',
      params: { limitMb: 0 },
    });
    const anna = { learnerIds: [who.anna], scope: { kind: 'learner' }, label: 'Anna' } as const;
    const annasFile = exportWithLimit(anna);
    expect(refusedWith(anna, annasFile.bytes.byteLength - 1)).toEqual({
      reason: 'progress-file.export-too-large-learner',
      params: { limitMb: 0 },
    });
    // The limit in whole megabytes, as the person reads it.
    expect(new ProgressExportTooLarge({ kind: 'all' }, 3 * 1048576 - 1).facts.params).toEqual({ limitMb: 2 });
  });

  /** A file with the same envelope and signing key as `exportProgress` makes, around any payload. */
  function signedFile(payload: unknown): Buffer {
    const payloadText = JSON.stringify(payload);
    const envelope: Envelope = {
      format: PROGRESS_FILE_FORMAT,
      formatVersion: PROGRESS_FILE_VERSION,
      signature: signBytes(identity.key, Buffer.from(payloadText, 'utf8')),
      payload: payloadText,
    };
    return Buffer.from(JSON.stringify(envelope));
  }

  it('checks every record on its own: a bad value is refused by its place, a good record is kept as the file has it', () => {
    const payload = JSON.parse((JSON.parse(exportWithLimit(everyone).bytes.toString('utf8')) as Envelope).payload) as {
      records: Record<string, Record<string, unknown>[]>;
    };
    for (const table of RECORD_TABLES) {
      // The schemas transform nothing: what passes is what the file holds.
      for (const record of payload.records[table] ?? []) expect(RecordSchemas[table].parse(record)).toEqual(record);
    }
    const read = readProgressFile(() => signedFile(payload));
    expect(read.records).toEqual(payload.records);

    const answers = payload.records.quiz_answers ?? [];
    answers[1] = { ...answers[1], correct: 2 };
    const refusal = (() => {
      try {
        readProgressFile(() => signedFile(payload));
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(ProgressFileRefusal);
    expect(refusal).toMatchObject({
      problem: 'invalid',
      params: { detail: expect.stringMatching(/^records\.quiz_answers\.1\.correct: /) },
    });

    answers[1] = { ...answers[1], correct: 1, extra: 'column' };
    expect(() => readProgressFile(() => signedFile(payload))).toThrow(/records\.quiz_answers\.1: /);
  });
});
