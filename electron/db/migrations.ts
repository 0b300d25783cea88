/**
 * Numbered, append-only schema MIGRATIONS. `PRAGMA user_version` records how many have run.
 * Never edit a migration that has shipped: add a new one.
 */
import type Database from 'better-sqlite3';
import { migration0001Initial } from './migrations/0001-initial.js';
import { migration0002LearnersAndAttempts } from './migrations/0002-learners-and-attempts.js';
import { migration0003ExercisesAndCanvas } from './migrations/0003-exercises-and-canvas.js';
import { migration0004Certificates } from './migrations/0004-certificates.js';
import { migration0005FirstPassesIndex } from './migrations/0005-first-passes-index.js';
import { migration0006ManagerRole } from './migrations/0006-manager-role.js';
import { migration0007GroupsAndReports } from './migrations/0007-groups-and-reports.js';
import { migration0008ProgressFileOrigins } from './migrations/0008-progress-file-origins.js';
import { migration0009XapiOutbox } from './migrations/0009-xapi-outbox.js';
import { migration0010LessonReachedEnd } from './migrations/0010-lesson-reached-end.js';
import { migration0011KnownPcs } from './migrations/0011-known-pcs.js';
import { migration0012QuizFinalAnswers } from './migrations/0012-quiz-final-answers.js';
import { migration0013QuizTallies } from './migrations/0013-quiz-tallies.js';
import { migration0014QuizItemTallies } from './migrations/0014-quiz-item-tallies.js';

export type Migration = (db: Database.Database) => void;

/** In order; the position in this list (from 1) is the schema version a migration brings. */
/** Every migration in order: migration N (1-based) takes a database from version N-1 to N. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001Initial,
  migration0002LearnersAndAttempts,
  migration0003ExercisesAndCanvas,
  migration0004Certificates,
  migration0005FirstPassesIndex,
  migration0006ManagerRole,
  migration0007GroupsAndReports,
  migration0008ProgressFileOrigins,
  migration0009XapiOutbox,
  migration0010LessonReachedEnd,
  migration0011KnownPcs,
  migration0012QuizFinalAnswers,
  migration0013QuizTallies,
  migration0014QuizItemTallies,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) break;
    // Each step and its version bump commit together, so a crash never leaves a half-migrated file.
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
