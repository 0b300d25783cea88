/** What every measurement gets from the runner, and what it gives back. */
import type { Browser } from '@playwright/test';
import type { Catalog } from '../../../electron/courses/catalog.js';
import type { FrontEndBuild } from './builds.js';
import type { BundledLesson } from './bundled-courses.js';
import type { BenchRow } from './report.js';
import type { BenchResources } from './resources.js';

/** How much each measurement does; `--quick` shrinks every number for a smoke run. */
export interface BenchSizes {
  startRuns: number;
  lessonOpens: number;
  answers: number;
  attempts: number;
  lessonsForMemory: number;
}

export const FULL_SIZES: BenchSizes = {
  startRuns: 5,
  lessonOpens: 30,
  answers: 1000,
  attempts: 1_000_000,
  lessonsForMemory: 20,
};

export const QUICK_SIZES: BenchSizes = {
  startRuns: 2,
  lessonOpens: 5,
  answers: 100,
  attempts: 20_000,
  lessonsForMemory: 4,
};

export const SECTIONS = {
  start: '1. Start',
  lessonOpen: '2. Lesson open',
  answer: '3. Answer round trip',
  database: '4. Database at scale',
  packs: '5. Packs',
  memory: '6. Memory',
  size: '7. Size',
  packages: '9. Packages',
} as const;

export interface BenchContext {
  resources: BenchResources;
  browser: Browser;
  sizes: BenchSizes;
  /** The bundled courses, loaded with the app's loader. */
  catalog: Catalog;
  lessons: BundledLesson[];
  /** Aula's renderer as built into dist/renderer for this run, and the bare baseline page. */
  renderer: FrontEndBuild;
  baselinePage: FrontEndBuild;
  /** Requests that left the app's origin in any Aula page of this run (there must be none). */
  foreignRequests: string[];
  /** Renderer files (paths on the app origin) that Aula requested while opening text lessons. */
  textLessonScripts: Set<string> | null;
  /** Lines printed after the table (e.g. query plans). */
  notes: string[];
  /** Extra material for the JSON file (query plans, raw samples...), by measurement. */
  details: Record<string, unknown>;
  log(message: string): void;
}

export interface Measurement {
  /** Name for `--only`. */
  id: string;
  /** Where its rows go, and where a failure of the whole measurement is reported. */
  section: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}

/** Rows for a figure that cannot be measured yet: never a made-up number. */
export function notMeasured(section: string, names: string[], reason: string): BenchRow[] {
  return names.map((name) => ({ kind: 'not-measured', section, name, reason }));
}
