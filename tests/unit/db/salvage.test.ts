import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, makeBackup } from '../../../electron/db/backups.js';
import { openDataFolderDatabase } from '../../../electron/db/database-recovery.js';
import { createLearner } from '../../../electron/db/learners.js';
import { closeDatabase, DATABASE_FILE_NAME, openDatabase, type Db } from '../../../electron/db/open-database.js';
import { markStatementsSent, recordLearningEvent } from '../../../electron/db/xapi-outbox.js';
import { StartupNotices, noticeText } from '../../../electron/core/startup-notices.js';
import { listKnownPcs, rememberPc, setPcBlocked } from '../../../electron/progress-files/known-pcs.js';
import { finalAnswersFromScratch, storedFinalAnswers } from '../../helpers/final-answers.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const ANSWERS_PER_ATTEMPT = 10;
const LIBRARY_PC = { id: '00000000000000aa', name: 'Library PC', publicKey: 'a2V5LWE=' };
const OFFICE_PC = { id: '00000000000000bb', name: 'Office PC', publicKey: 'a2V5LWI=' };

/** Finished quiz attempts with their answers, lesson progress and a certificate, all at time `at`. */
function addWork(db: Db, learnerId: string, attempts: number, at: string, label: string): void {
  db.transaction(() => {
    for (let a = 0; a < attempts; a += 1) {
      const attemptId = randomUUID();
      db.prepare(
        `INSERT INTO quiz_attempts (id, learner_id, course_id, course_version, quiz_id, started_at, finished_at)
         VALUES (?, ?, 'c', '1.0.0', ?, ?, ?)`,
      ).run(attemptId, learnerId, `${label}-${a}`, at, at);
      for (let q = 0; q < ANSWERS_PER_ATTEMPT; q += 1) {
        db.prepare(
          `INSERT INTO quiz_answers (id, attempt_id, question_id, answer_json, correct, score, max_score, answered_at)
           VALUES (?, ?, ?, ?, 1, 1, 1, ?)`,
        ).run(randomUUID(), attemptId, `q${q}`, JSON.stringify({ text: `${label} answer ${a}.${q} ${'x'.repeat(60)}` }), at);
      }
    }
    db.prepare(
      `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, status, first_opened_at, updated_at) VALUES (?, 'c', ?, 'completed', ?, ?)`,
    ).run(learnerId, `${label}-lesson`, at, at);
    const id = randomUUID();
    db.prepare(
      `INSERT INTO certificates (id, learner_id, course_id, course_version, course_title, learner_name, issuer_id, issuer_name,
         completed_at, issued_at, verification_code, credential_json, qr_payload)
       VALUES (?, ?, ?, '1.0.0', 'Course', 'Ieva', 'did:key:z', 'Issuer', ?, ?, ?, '{}', 'AULA1.x.y')`,
    ).run(id, learnerId, `${label}-course`, at, at, id.slice(0, 11));
  })();
}

/** The rowids of `table` on one leaf page in the middle of the rows added after `afterRowid`. */
function leafInTheMiddle(db: Db, afterRowid: number, table = 'quiz_answers'): { page: number; rowids: number[] } {
  const leaves = db.prepare(`SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path`).all(table) as {
    pageno: number;
    ncell: number;
  }[];
  const rowids = db.prepare(`SELECT rowid FROM "${table}" ORDER BY rowid`).pluck().all() as number[];
  let first = 0;
  const later = leaves.map((leaf) => {
    const onLeaf = rowids.slice(first, first + leaf.ncell);
    first += leaf.ncell;
    return { page: leaf.pageno, rowids: onLeaf };
  });
  const candidates = later.filter((leaf) => (leaf.rowids[0] ?? 0) > afterRowid);
  const chosen = candidates[Math.floor(candidates.length / 2)];
  if (!chosen) throw new Error('no leaf page after the backup');
  return chosen;
}

function overwritePage(file: string, page: number, pageSize: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(pageSize);
    for (let i = 0; i < pageSize; i += 1) junk[i] = (i * 7919 + 13) % 251;
    fs.writeSync(fd, junk, 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Overwrites one leaf page of `table` among the rows added after `afterRowid` (`rowidColumn` names
 * the table's rowid), closes the database and opens the data folder again, as a start after the damage
 * does. Returns the ids of the rows that were on that page and what the opening found.
 */
async function damageAfterBackupAndReopen(db: Db, dataDir: string, table: string, rowidColumn: string, afterRowid: number) {
  const damaged = leafInTheMiddle(db, afterRowid, table);
  const lostIds = new Set(
    damaged.rowids.map((rowid) => db.prepare(`SELECT id FROM "${table}" WHERE ${rowidColumn} = ?`).pluck().get(rowid) as string),
  );
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  closeDatabase(db);
  overwritePage(path.join(dataDir, DATABASE_FILE_NAME), damaged.page, pageSize);
  const { db: reopened, events } = await openDataFolderDatabase(dataDir);
  const restored = events.find((event) => event.kind === 'restored-from-backup');
  if (restored?.kind !== 'restored-from-backup') {
    closeDatabase(reopened);
    throw new Error(`not restored: ${JSON.stringify(events)}`);
  }
  return { lostIds, reopened, restored, events };
}

describe('salvage from a damaged database', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('restores the backup and adds every row that reads back from the damaged file: only the damaged page is lost', async () => {
    const db = openDatabase(temp.dir);
    const learner = createLearner(db, 'Ieva Ozola', 'en');
    addWork(db, learner.id, 60, '2026-12-07T09:00:00.000Z', 'before');
    rememberPc(db, LIBRARY_PC, new Date('2026-12-07T08:00:00Z'));
    await makeBackup(db, temp.dir, { kind: 'recent' }, {}, new Date('2026-12-07T09:00:30Z'));
    const lastBackedUp = db.prepare('SELECT MAX(rowid) FROM quiz_answers').pluck().get() as number;
    addWork(db, learner.id, 60, '2026-12-07T09:08:00.000Z', 'after');
    // After the backup a manager blocked one PC, and a file from another came in.
    setPcBlocked(db, LIBRARY_PC.id, true, new Date('2026-12-07T09:09:00Z'));
    rememberPc(db, OFFICE_PC, new Date('2026-12-07T09:10:00Z'));
    const knownPcs = listKnownPcs(db);
    const allAnswers = new Set(db.prepare('SELECT id FROM quiz_answers').pluck().all() as string[]);

    const { lostIds, reopened, restored, events } = await damageAfterBackupAndReopen(
      db,
      temp.dir,
      'quiz_answers',
      'rowid',
      lastBackedUp,
    );
    try {
      expect(restored.backup.reason).toEqual({ kind: 'recent' });

      const answers = new Set(reopened.prepare('SELECT id FROM quiz_answers').pluck().all() as string[]);
      // Everything but the rows on the damaged page: older than the backup, and the later rows on sound pages.
      expect([...allAnswers].filter((id) => !answers.has(id)).sort()).toEqual([...lostIds].sort());
      expect(lostIds.size).toBeGreaterThan(0);
      expect(lostIds.size).toBeLessThan(allAnswers.size / 10);
      expect(restored.salvage?.recovered.quiz_answers).toBe(60 * ANSWERS_PER_ATTEMPT - lostIds.size);
      expect(restored.salvage?.recovered.quiz_attempts).toBe(60);
      expect(restored.salvage?.recovered.lesson_progress).toBe(1);
      expect(restored.salvage?.recovered.certificates).toBe(1);
      expect(restored.salvage?.newestRecoveredAt).toBe('2026-12-07T09:08:00.000Z');
      expect(reopened.prepare('SELECT course_id FROM certificates ORDER BY course_id').pluck().all()).toEqual([
        'after-course',
        'before-course',
      ]);
      // The final answers are those of the answers that are there, none of the lost ones.
      const finals = storedFinalAnswers(reopened);
      expect(finals).toEqual(finalAnswersFromScratch(reopened));
      expect(finals).toHaveLength(120 * ANSWERS_PER_ATTEMPT - lostIds.size);
      // The block and the PC known since the backup stay.
      expect(listKnownPcs(reopened)).toEqual(knownPcs);
      expect(knownPcs.map((pc) => [pc.pcId, pc.blockedAt])).toEqual([
        [LIBRARY_PC.id, '2026-12-07T09:09:00.000Z'],
        [OFFICE_PC.id, null],
      ]);
      expect(reopened.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
      expect(reopened.prepare('PRAGMA foreign_key_check').all()).toEqual([]);

      // The notice says what was recovered and from when.
      const notices = new StartupNotices();
      notices.recordOpening(events);
      const text = notices.list().map(noticeText).join('\n');
      expect(text).toContain(
        `recovered ${60 * ANSWERS_PER_ATTEMPT - lostIds.size} answers, 60 quiz attempts, 1 lesson's progress and 1 certificate`,
      );
      expect(text).toContain('(the newest from 7 Dec 2026');
      // The damaged file is kept as it was, beside no leftovers of the salvage.
      expect(fs.readdirSync(restored.damagedFolder)).toEqual([DATABASE_FILE_NAME]);
      expect(listBackups(temp.dir)).toHaveLength(1);
    } finally {
      closeDatabase(reopened);
    }
  });

  it("carries the damaged file's readable xAPI statements over into the restored outbox, none twice", async () => {
    const db = openDatabase(temp.dir);
    const learner = createLearner(db, 'Ieva Ozola', 'en');
    const record = (label: string, count: number, at: string) =>
      db.transaction(() => {
        for (let i = 0; i < count; i += 1) {
          const attemptId = `${label}-${i}`;
          recordLearningEvent(db, learner.id, { kind: 'quiz-started', courseId: 'c', quizId: 'q', attemptId }, new Date(at));
        }
      })();
    const waitingIds = () =>
      db.prepare('SELECT id FROM xapi_outbox WHERE sent_at IS NULL ORDER BY seq').pluck().all() as string[];
    record('before', 40, '2026-12-07T09:00:00.000Z');
    // The LRS took the first 10 before the backup.
    markStatementsSent(db, db.prepare('SELECT seq FROM xapi_outbox ORDER BY seq LIMIT 10').pluck().all() as number[]);
    await makeBackup(db, temp.dir, { kind: 'recent' }, {}, new Date('2026-12-07T09:00:30Z'));
    const lastBackedUp = db.prepare('SELECT MAX(seq) FROM xapi_outbox').pluck().get() as number;
    const waitingAtBackup = waitingIds();
    record('after', 120, '2026-12-07T09:08:00.000Z');
    // After the backup the LRS took ten more, which the backup still has as waiting.
    const deliveredSinceBackup = waitingAtBackup.slice(0, 10);
    markStatementsSent(db, db.prepare('SELECT seq FROM xapi_outbox WHERE seq BETWEEN 11 AND 20').pluck().all() as number[]);
    const waitingBefore = waitingIds();
    const { lostIds, reopened, restored } = await damageAfterBackupAndReopen(db, temp.dir, 'xapi_outbox', 'seq', lastBackedUp);
    try {
      expect(lostIds.size).toBeGreaterThan(0);
      expect(restored.salvage?.statements).toEqual({
        recovered: 120 - lostIds.size + deliveredSinceBackup.length,
        readBack: 160 - lostIds.size,
        damaged: true,
      });
      // Waiting: what waited in the damaged file, in the same order, less the damaged page.
      const waiting = reopened.prepare('SELECT id FROM xapi_outbox WHERE sent_at IS NULL ORDER BY seq').pluck().all();
      expect(waiting).toEqual(waitingBefore.filter((id) => !lostIds.has(id)));
      const ids = reopened.prepare('SELECT id FROM xapi_outbox').pluck().all() as string[];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(160 - lostIds.size);
    } finally {
      closeDatabase(reopened);
    }
  });

  it('with no backup at all, starts from what reads back rather than from nothing', async () => {
    const db = openDatabase(temp.dir);
    const learner = createLearner(db, 'Ieva Ozola', 'en');
    addWork(db, learner.id, 80, '2026-12-07T09:00:00.000Z', 'only');
    const damaged = leafInTheMiddle(db, 0);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    closeDatabase(db);
    overwritePage(path.join(temp.dir, DATABASE_FILE_NAME), damaged.page, pageSize);

    const { db: reopened, events } = await openDataFolderDatabase(temp.dir);
    try {
      const fresh = events.find((event) => event.kind === 'started-fresh');
      if (fresh?.kind !== 'started-fresh') throw new Error(`not started fresh: ${JSON.stringify(events)}`);
      expect(reopened.prepare('SELECT COUNT(*) FROM quiz_answers').pluck().get()).toBe(
        80 * ANSWERS_PER_ATTEMPT - damaged.rowids.length,
      );
      expect(reopened.prepare('SELECT display_name FROM learners').pluck().all()).toEqual(['Ieva Ozola']);
      expect(fresh.salvage?.recovered.learners).toBe(1);
    } finally {
      closeDatabase(reopened);
    }
  });
});
