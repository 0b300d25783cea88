/**
 * An LRS backlog: 10,000 statements waiting in the outbox (a PC that was offline for a long
 * workshop) delivered by Aula's sender in batches of 100 to a real LRS on 127.0.0.1 (Learning
 * Locker's statement service, the tests' LRS), against the same statements POSTed to the same
 * LRS in the same batches by a bare loop: what Aula's own work (reading the outbox, marking what
 * was sent) adds. No budget in the issue; the figure is reported.
 */
import { randomUUID } from 'node:crypto';
import { startCore } from '../../../electron/core/start-core.js';
import { countWaitingStatements, exportOutboxJson, recordLearningEvent } from '../../../electron/db/xapi-outbox.js';
import { writeLrsConnection } from '../../../electron/lrs/lrs-settings.js';
import { DEFAULT_BATCH_SIZE } from '../../../electron/lrs/lrs-sender.js';
import { startTestLrs } from '../../../tests/helpers/test-lrs.js';
import { SECTIONS, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';

export const BACKLOG_STATEMENTS = 10_000;

async function measureBacklog(context: BenchContext): Promise<BenchRow[]> {
  const count = context.sizes.attempts >= 1_000_000 ? BACKLOG_STATEMENTS : BACKLOG_STATEMENTS / 10;
  // Two LRSs alike: one for Aula, one for the baseline, so neither meets statements it has.
  const lrs = await startTestLrs();
  const bareLrs = await startTestLrs();
  const core = await startCore({
    dataDir: context.resources.folder('lrs-backlog'),
    courseRoots: [],
    appVersion: 'bench',
    firstBackupDelayMs: false,
  });
  try {
    // The backlog, as the core records it: answers to questions, one statement each.
    const learnerId = randomUUID();
    core.db.transaction(() => {
      for (let index = 0; index < count; index += 1) {
        recordLearningEvent(core.db, learnerId, {
          kind: 'question-answered',
          courseId: 'bench',
          quizId: `quiz-${index % 50}`,
          attemptId: randomUUID(),
          questionId: `q-${index % 7}`,
          response: '{"type":"true-false","value":true}',
          success: index % 3 !== 0,
          score: index % 3 === 0 ? 0 : 1,
          maxScore: 1,
        });
      }
    })();

    // Baseline: the same statements, the same batches, to the same LRS, from a bare loop.
    const statements = JSON.parse(exportOutboxJson(core.db).json) as { id: string }[];
    const auth = `Basic ${Buffer.from(`${bareLrs.key}:${bareLrs.secret}`).toString('base64')}`;
    const bareStarted = performance.now();
    for (let start = 0; start < statements.length; start += DEFAULT_BATCH_SIZE) {
      const response = await fetch(`${bareLrs.endpoint}statements`, {
        method: 'POST',
        headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
        body: JSON.stringify(statements.slice(start, start + DEFAULT_BATCH_SIZE)),
      });
      if (!response.ok) throw new Error(`The LRS refused the baseline batch: ${response.status} ${await response.text()}`);
    }
    const bareMs = performance.now() - bareStarted;

    // Aula: the sender delivers the whole outbox.
    context.log(`lrs-backlog: sending ${count} statements`);
    writeLrsConnection(core.db, { endpoint: lrs.endpoint, key: lrs.key, secret: lrs.secret });
    const started = performance.now();
    await core.deps.lrsSender.sendNow();
    const aulaMs = performance.now() - started;
    const waiting = countWaitingStatements(core.db);
    const held = (await lrs.statements()).length;
    if (waiting !== 0 || held !== count) {
      throw new Error(`After sending, ${waiting} statements wait and the LRS holds ${held} of ${count}.`);
    }
    return [
      {
        kind: 'measured',
        section: SECTIONS.database,
        name: `LRS backlog: ${count.toLocaleString('en-US')} statements delivered in batches of ${DEFAULT_BATCH_SIZE} to a loopback LRS`,
        value: aulaMs,
        unit: 'ms',
        baseline: { label: 'the same batches POSTed by a bare loop to a second LRS', value: bareMs },
      },
    ];
  } finally {
    core.close();
    await lrs.stop();
    await bareLrs.stop();
  }
}

export const lrsBacklogMeasurement: Measurement = { id: 'lrs-backlog', section: SECTIONS.database, run: measureBacklog };
