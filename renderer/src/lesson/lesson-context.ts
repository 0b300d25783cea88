import { createContext, useContext } from 'react';
import type { TypedTable } from '../../../electron/contract/data-values';

/**
 * What a lesson may ask of the page around its sandboxed frame (lesson-frame-protocol.ts); the
 * page checks each request. A lesson cannot download, open a window or navigate on its own.
 */
export interface LessonHost {
  /** Saves a file of this course's `assets/` or `data/` folder for the learner. */
  download(file: { folder: 'assets' | 'data'; path: string }): void;
  /** Opens a web address outside Aula, after asking the learner (it needs internet). */
  openLink(url: string): void;
  /** Moves on to the next lesson of the course. */
  nextLesson(): void;
}

export interface LessonScope {
  courseId: string;
  lessonId: string;
  assetBaseUrl: string;
  dataBaseUrl: string;
  /**
   * The lesson's CSV tables by URL, fetched and parsed once per lesson however many components
   * show the same file (a chart, its table and an exercise often do).
   */
  csvTables?: Map<string, Promise<TypedTable>>;
  /** The page around the lesson's frame. */
  host?: LessonHost;
}

export const LessonContext = createContext<LessonScope | null>(null);

export function useLessonScope(): LessonScope {
  const scope = useContext(LessonContext);
  if (!scope) throw new Error('lesson component used outside a lesson');
  return scope;
}
