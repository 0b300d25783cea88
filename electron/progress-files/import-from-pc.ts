/**
 * Importing a checked progress file with its PC remembered (known-pcs.ts): a file signed by a
 * blocked PC is refused before anything is written; otherwise the records and the PC's key and name
 * go in one transaction, and the summary says how the PC stands here.
 */
import type { Db } from '../db/open-database.js';
import { importProgress, type ImportSummary } from './import-progress.js';
import { findKnownPc, rememberPc, standingOf, type PcStanding } from './known-pcs.js';
import type { ProgressPayload } from './progress-file-format.js';
import { ProgressFileRefusal } from './read-progress-file.js';

export interface PcImportSummary extends ImportSummary {
  pcStanding: PcStanding;
}

/** `thisPcId`: this installation's own key id (its own file brought back is not "another PC"). */
export function importFromPc(db: Db, payload: ProgressPayload, thisPcId: string, now = new Date()): PcImportSummary {
  const known = findKnownPc(db, payload.pc.id);
  if (known?.blockedAt) {
    throw new ProgressFileRefusal(
      'blocked-pc',
      `This progress file was signed by the PC "${known.lastName}", which a manager blocked here. Nothing was imported.`,
      { pc: known.lastName },
    );
  }
  const pcStanding = standingOf(db, payload.pc, thisPcId);
  const summary = db.transaction(() => {
    const imported = importProgress(db, payload, now);
    if (pcStanding.kind !== 'this-pc') rememberPc(db, payload.pc, now);
    return imported;
  })();
  return { ...summary, pcStanding };
}
