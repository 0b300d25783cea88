/**
 * The profile picker's and first-run welcome's calls (renderer/src/api/boot-prefetch.ts), which
 * read only the database: browser mode answers them before the courses and before the channel
 * code (zod and every channel's schema) are loaded. A module of its own so that browser mode
 * loads it only after the server listens (see browser-mode.ts); it must not import zod or a
 * channel's schemas (tests/unit/scripts/first-screen-without-zod.test.ts).
 */
import { NO_BRANDING } from '../contract/no-branding.js';
import type { OpenedDataFolder } from '../core/data-folder-opening.js';
import type { CoreHandlers } from '../core/dispatch.js';
import { createAppHandlers } from '../core/handlers/app-handlers.js';
import { listLearners } from '../db/learners.js';

/** The channels answered before the core is loaded. */
export type FirstScreenChannel = 'app.info' | 'learners.list';
export type FirstScreenHandlers = Pick<CoreHandlers, FirstScreenChannel>;

/**
 * The first screen's handlers. When both channels have been answered, `whenAllAnswered` is called
 * (browser mode then loads the rest of the core). Once a call has waited for the core, the core's
 * own handlers (the same functions) answer them.
 */
export function firstScreenHandlers(opened: OpenedDataFolder, whenAllAnswered: () => void): FirstScreenHandlers {
  const { options, db, notices } = opened;
  const app = createAppHandlers({
    db,
    notices,
    appVersion: options.appVersion,
    liveReload: options.liveReload ?? false,
    branding: options.branding ?? NO_BRANDING,
  });
  const unanswered = new Set<FirstScreenChannel>(['app.info', 'learners.list']);
  const answered = (channel: FirstScreenChannel) => {
    if (unanswered.delete(channel) && unanswered.size === 0) whenAllAnswered();
  };
  return {
    'app.info': () => {
      answered('app.info');
      return app['app.info']({});
    },
    'learners.list': () => {
      answered('learners.list');
      return listLearners(db);
    },
  };
}
