import type { appChannels } from '../../contract/channels.js';
// From languages.ts, not channels.ts: browser mode answers `app.info` before it loads the channels' schemas.
import { SUPPORTED_LANGUAGES, type Language } from '../../contract/languages.js';
import type { Db } from '../../db/open-database.js';
import { readSetting, writeSetting } from '../../db/settings.js';
import { readLrsConnection } from '../../lrs/lrs-settings.js';
import type { CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export const LANGUAGE_SETTING = 'ui.language';

function readLanguage(db: Db): Language {
  const stored = readSetting(db, LANGUAGE_SETTING);
  return SUPPORTED_LANGUAGES.find((language) => language === stored) ?? 'en';
}

/** Only the host: enough for a person to know where their records go, nothing of the credentials. */
function lrsHost(db: Db): string | null {
  const endpoint = readLrsConnection(db)?.endpoint;
  return endpoint ? new URL(endpoint).host : null;
}

/** Only what a start has before its courses are loaded: browser mode answers `app.info` from it meanwhile. */
export function createAppHandlers({
  db,
  appVersion,
  liveReload,
  notices,
  branding,
}: Pick<CoreDependencies, 'db' | 'appVersion' | 'liveReload' | 'notices' | 'branding'>): HandlerGroup<typeof appChannels> {
  return {
    'app.info': () => ({
      version: appVersion,
      language: readLanguage(db),
      languages: [...SUPPORTED_LANGUAGES],
      liveReload,
      notices: notices.list(),
      branding,
      learningRecordsSentTo: lrsHost(db),
    }),
    'app.dismissNotice': ({ id }) => ({ dismissed: notices.dismiss(id) }),
    'settings.setLanguage': ({ language }) => {
      writeSetting(db, LANGUAGE_SETTING, language);
      return { language };
    },
  };
}
