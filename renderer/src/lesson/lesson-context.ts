import { createContext, useContext } from 'react';

export interface LessonScope {
  courseId: string;
  lessonId: string;
  assetBaseUrl: string;
  dataBaseUrl: string;
}

export const LessonContext = createContext<LessonScope | null>(null);

export function useLessonScope(): LessonScope {
  const scope = useContext(LessonContext);
  if (!scope) throw new Error('lesson component used outside a lesson');
  return scope;
}
