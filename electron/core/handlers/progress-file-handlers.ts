import fs from 'node:fs';
import type { progressFileChannels } from '../../contract/channels.js';
import { exportProgress, type ProgressFile } from '../../progress-files/export-progress.js';
import { importFromPc } from '../../progress-files/import-from-pc.js';
import { loadInstallationIdentity, readPcName, writePcName } from '../../progress-files/installation-identity.js';
import { forgetPc, listKnownPcs, setPcBlocked } from '../../progress-files/known-pcs.js';
import { readProgressFile } from '../../progress-files/read-progress-file.js';
import { requireGroup } from '../../reports/learner-groups.js';
import { requireLearner, requireManager, type CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

/**
 * Reads a progress file and imports it; any refusal (a blocked PC's included) comes before the
 * database is touched. The file is read whole: the upload's limit keeps it within
 * MAX_PROGRESS_UPLOAD_BYTES, and the signature covers all of it. It is read inside
 * `readProgressFile`, so that its bytes are let go before the import.
 */
function importProgressFile(deps: CoreDependencies, file: string) {
  const payload = readProgressFile(() => fs.readFileSync(file));
  return importFromPc(deps.db, payload, loadInstallationIdentity(deps.dataDir, deps.db).pcId);
}

const asExported = (file: ProgressFile) => ({
  fileName: file.fileName,
  base64: file.bytes.toString('base64'),
  learners: file.learners,
});

/**
 * A learner exports only their own work; everything else here (everyone's or a group's export,
 * import, the PC's name) needs a manager's session, checked in the core on every call.
 */
export function createProgressFileHandlers(deps: CoreDependencies): HandlerGroup<typeof progressFileChannels> {
  const { db, dataDir, appVersion } = deps;
  const identity = () => loadInstallationIdentity(dataDir, db);
  const describeIdentity = () => {
    const { pcId, pcName } = identity();
    return { pcId, pcName };
  };

  return {
    'progressFiles.exportOwn': ({ session }) => {
      const learner = requireLearner(deps, session);
      return asExported(
        exportProgress(
          db,
          identity(),
          { learnerIds: [learner.id], scope: { kind: 'learner' }, label: learner.displayName },
          appVersion,
        ),
      );
    },

    'progressFiles.exportAll': ({ session, groupId }) => {
      requireManager(deps, session);
      if (groupId === undefined) {
        const everyone = db.prepare('SELECT id FROM learners').pluck().all() as string[];
        return asExported(
          exportProgress(db, identity(), { learnerIds: everyone, scope: { kind: 'all' }, label: 'all' }, appVersion),
        );
      }
      const group = requireGroup(db, groupId);
      return asExported(
        exportProgress(
          db,
          identity(),
          { learnerIds: group.memberIds, scope: { kind: 'group', groupName: group.name }, label: group.name },
          appVersion,
        ),
      );
    },

    'progressFiles.import': {
      admit: ({ session }) => {
        requireManager(deps, session);
      },
      handle: ({ session, file }) => {
        requireManager(deps, session);
        return importProgressFile(deps, file.path);
      },
    },

    'progressFiles.identity': ({ session }) => {
      requireManager(deps, session);
      return describeIdentity();
    },

    'progressFiles.setPcName': ({ session, name }) => {
      requireManager(deps, session);
      writePcName(db, name);
      return { ...describeIdentity(), pcName: readPcName(db) };
    },

    'progressFiles.knownPcs': ({ session }) => {
      requireManager(deps, session);
      return listKnownPcs(db);
    },

    'progressFiles.blockPc': ({ session, pcId, blocked }) => {
      requireManager(deps, session);
      setPcBlocked(db, pcId, blocked);
      return listKnownPcs(db);
    },

    'progressFiles.forgetPc': ({ session, pcId }) => {
      requireManager(deps, session);
      forgetPc(db, pcId);
      return listKnownPcs(db);
    },
  };
}
