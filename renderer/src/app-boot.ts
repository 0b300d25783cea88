import type { ChannelResult, Language, Learner, StartupNotice } from '../../electron/contract/channels';
import { queryKey } from './api/core-query-cache';
import { forgetSession, rememberedSession } from './api/remembered-session';
import type { CoreQueries } from './api/use-core-query';
import { applyBranding } from './branding';
import { preloadLanguage, rememberedLanguage, rememberLanguage, switchLanguage } from './i18n/i18n';

export type Phase =
  { kind: 'failed'; error: unknown } | { kind: 'picking' } | { kind: 'learning'; learner: Learner; session: string };

/** What the first screen needs before it is drawn. */
export interface BootState {
  phase: Phase;
  languages: Language[];
  notices: StartupNotice[];
  liveReload: boolean;
}

/** A start that could not read what the first screen needs: its message, in English. */
export function failedBoot(error: unknown): BootState {
  return { phase: { kind: 'failed', error }, languages: ['en'], notices: [], liveReload: false };
}

/**
 * The answers the learners list on the first screen is drawn from are this fresh at most when it
 * first shows (see ProfilePickerPage): the list read at start is shown without asking again.
 */
export const BOOT_LIST_FRESH_MS = 10_000;

/**
 * Reads everything the first screen shows (the installation's settings and branding, the open
 * profile or the list of profiles, the interface language's strings) before React draws anything,
 * and puts the answers where the pages read them, so the first screen is drawn once, complete.
 * Drawn piece by piece (a loading line, the picker without its list, then the list) it took three
 * commits and three layouts, which on a weak PC cost far more than the calls themselves.
 *
 * Every call starts at once; none waits for another's answer: the language remembered from the
 * last start is loaded beside `app.info` rather than after it, and a profile still open in this
 * tab is asked for beside it too.
 */
export async function bootApp({ api, cache }: CoreQueries): Promise<BootState> {
  const remembered = rememberedSession();
  const lastLanguage = rememberedLanguage();
  if (lastLanguage) preloadLanguage(lastLanguage);
  const infoAnswer = api['app.info']({});
  const listAnswer = api['learners.list']({});
  const currentAnswer = remembered ? api['learners.current']({ session: remembered }) : null;
  // Whichever is not awaited below must not be reported as unhandled.
  listAnswer.catch(() => undefined);
  currentAnswer?.catch(() => undefined);

  let info: ChannelResult<'app.info'>;
  try {
    info = await infoAnswer;
  } catch (error) {
    return failedBoot(error);
  }
  applyBranding(info.branding);
  rememberLanguage(info.language);
  const shown = { languages: info.languages, notices: info.notices, liveReload: info.liveReload };
  try {
    await switchLanguage(info.language);
  } catch (error) {
    return { phase: { kind: 'failed', error }, ...shown };
  }
  // Where learning records go (the notice on every page) is read from here, without asking again.
  cache.set(queryKey('app.info', {}), info);

  // A reload keeps the profile open; a session from an earlier launch of Aula is refused.
  if (remembered && currentAnswer) {
    try {
      const learner = await currentAnswer;
      await switchLanguage(learner.language);
      return { phase: { kind: 'learning', learner, session: remembered }, ...shown };
    } catch {
      forgetSession();
    }
  }
  try {
    cache.set(queryKey('learners.list', {}), await listAnswer);
  } catch {
    // The picker asks again, and shows the error if it fails again.
  }
  return { phase: { kind: 'picking' }, ...shown };
}
