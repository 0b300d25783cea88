import { createContext, useContext } from 'react';
import type { LearnApi, Learner } from '../../../electron/contract/channels';

export interface Session {
  api: LearnApi;
  learner: Learner;
  /** Token from `learners.open`: learner-scoped channels take this, not the learner id. */
  session: string;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}
