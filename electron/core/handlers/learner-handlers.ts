import { randomBytes } from 'node:crypto';
import type { learnerChannels } from '../../contract/channels.js';
import { findLearner, listLearners } from '../../db/learners.js';
import { ApiFailure } from '../api-failure.js';
import type { CoreDependencies } from '../core-context.js';
import type { HandlerGroup } from '../dispatch.js';

export function createLearnerHandlers({ db, sessions }: CoreDependencies): HandlerGroup<typeof learnerChannels> {
  return {
    'learners.list': () => listLearners(db),
    'learners.open': ({ learnerId }) => {
      const learner = findLearner(db, learnerId);
      if (!learner) throw new ApiFailure('not-found', 'This learner profile does not exist (any more).');
      const session = randomBytes(24).toString('base64url');
      sessions.set(session, learner.id);
      return { session, learner };
    },
  };
}
