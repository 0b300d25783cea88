import type { learnerChannels } from '../../contract/channels.js';
import { listLearners } from '../../db/learners.js';
import type { CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export function createLearnerHandlers({ db }: CoreDependencies): HandlerGroup<typeof learnerChannels> {
  return {
    'learners.list': () => listLearners(db),
  };
}
