import type { CoreDependencies } from './core-context.js';
import type { CoreHandlers } from './dispatch.js';
import { createAppHandlers } from './handlers/app-handlers.js';
import { createCertificateHandlers } from './handlers/certificate-handlers.js';
import { createCourseHandlers } from './handlers/course-handlers.js';
import { createExerciseHandlers } from './handlers/exercise-handlers.js';
import { createLearnerHandlers } from './handlers/learner-handlers.js';
import { createLrsHandlers } from './handlers/lrs-handlers.js';
import { createPackHandlers } from './handlers/pack-handlers.js';
import { createProgressFileHandlers } from './handlers/progress-file-handlers.js';
import { createQuizHandlers } from './handlers/quiz-handlers.js';
import { createReportHandlers } from './handlers/report-handlers.js';

/**
 * The core's implementation of every channel in the contract, one group per domain. Arguments
 * arrive already validated by `dispatch`. The type makes a missing channel a compile error.
 */
export function createCoreHandlers(deps: CoreDependencies): CoreHandlers {
  return {
    ...createAppHandlers(deps),
    ...createLearnerHandlers(deps),
    ...createCourseHandlers(deps),
    ...createPackHandlers(deps),
    ...createQuizHandlers(deps),
    ...createExerciseHandlers(deps),
    ...createCertificateHandlers(deps),
    ...createReportHandlers(deps),
    ...createProgressFileHandlers(deps),
    ...createLrsHandlers(deps),
  };
}
