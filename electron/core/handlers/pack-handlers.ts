import fs from 'node:fs';
import type { packChannels } from '../../contract/channels.js';
import { uninstallPackCourse } from '../../courses/pack/install-pack.js';
import { writeSetting } from '../../db/settings.js';
import { requireManager, type CoreDependencies } from '../core-context.js';
import {
  ALLOW_UNSIGNED_PACKS_SETTING,
  installCourseFromPack,
  installedCoursesDir,
  unsignedPacksAllowed,
} from '../course-installation.js';
import type { HandlerGroup } from '../dispatch.js';

export function createPackHandlers(deps: CoreDependencies): HandlerGroup<typeof packChannels> {
  const { db, catalog, packStaging, dataDir } = deps;
  return {
    'packs.stage': {
      admit: ({ session }) => {
        requireManager(deps, session);
      },
      handle: ({ session, file }) => {
        requireManager(deps, session);
        return packStaging.stageFile(file.path, db, catalog.current());
      },
    },

    'packs.install': async ({ session, token, trustSigner }) => {
      requireManager(deps, session);
      const file = packStaging.take(token);
      try {
        const installed = await installCourseFromPack(dataDir, db, file, { trustSigner });
        await deps.reloadCourses();
        return {
          courseId: installed.courseId,
          version: installed.version,
          title: installed.title,
          replacedVersion: installed.replacedVersion,
          signerName: installed.signer?.name ?? null,
        };
      } finally {
        fs.rmSync(file, { force: true });
      }
    },

    'packs.discard': ({ session, token }) => {
      requireManager(deps, session);
      packStaging.discard(token);
      return {};
    },

    'courses.uninstall': async ({ session, courseId }) => {
      requireManager(deps, session);
      uninstallPackCourse(catalog.current(), installedCoursesDir(dataDir), courseId);
      await deps.reloadCourses();
      return { courseId };
    },

    'catalog.problems': () => [...catalog.current().problems],

    'settings.developer': ({ session }) => {
      requireManager(deps, session);
      return { allowUnsignedPacks: unsignedPacksAllowed(db) };
    },

    'settings.setAllowUnsignedPacks': ({ session, allowed }) => {
      requireManager(deps, session);
      writeSetting(db, ALLOW_UNSIGNED_PACKS_SETTING, allowed ? 'true' : 'false');
      return { allowUnsignedPacks: allowed };
    },
  };
}
