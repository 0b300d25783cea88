import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { COURSE_COMPONENTS_DIR, LESSON_COMPILER_REVISION, compileLesson, type CompiledLesson } from './compile-lesson.js';

export interface CachedLesson {
  /** Content hash of the source and compiler; also the module's file name. */
  hash: string;
  /** Where the module is: in the writable cache, or in the read-only one `npm run build` made. */
  modulePath: string;
  frontmatter: Record<string, unknown>;
  quizIds: string[];
  exerciseIds: string[];
  canvasIds: string[];
  /** True when this call compiled the lesson, false when the cache already had it. */
  compiled: boolean;
}

/** What the cache keeps beside each compiled module. */
interface CachedMeta {
  frontmatter: Record<string, unknown>;
  quizIds: string[];
  exerciseIds: string[];
  canvasIds: string[];
}

const strings = (values: unknown[]): string[] => values.filter((value): value is string => typeof value === 'string');

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

export function courseComponentsDigest(courseDir: string): string {
  const hash = createHash('sha256');
  const dir = path.join(courseDir, COURSE_COMPONENTS_DIR);
  for (const file of listFiles(dir))
    hash.update(path.relative(dir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export function lessonHash(source: string, componentsDigest = ''): string {
  return createHash('sha256')
    .update(LESSON_COMPILER_REVISION)
    .update('\0')
    .update(componentsDigest)
    .update('\0')
    .update(source)
    .digest('hex')
    .slice(0, 32);
}

export function lessonModulePath(cacheDir: string, hash: string): string {
  return path.join(cacheDir, `${hash}.js`);
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  fs.renameSync(temp, file);
}

/** The cached entry for `hash` in `dir`, if its module and a sound metadata file are both there. */
function readCachedLesson(dir: string, hash: string): CachedLesson | null {
  const modulePath = lessonModulePath(dir, hash);
  const metaPath = path.join(dir, `${hash}.json`);
  if (!fs.existsSync(modulePath) || !fs.existsSync(metaPath)) return null;
  try {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as Partial<CachedMeta>;
    // An entry from before Aula recorded exercises and canvases is compiled again, once.
    const { frontmatter, quizIds, exerciseIds, canvasIds } = meta;
    if (!frontmatter || typeof frontmatter !== 'object') return null;
    if (!Array.isArray(quizIds) || !Array.isArray(exerciseIds) || !Array.isArray(canvasIds)) return null;
    return {
      hash,
      modulePath,
      frontmatter,
      quizIds: strings(quizIds),
      exerciseIds: strings(exerciseIds),
      canvasIds: strings(canvasIds),
      compiled: false,
    };
  } catch {
    // A damaged cache entry is simply rebuilt.
    return null;
  }
}

/**
 * Returns the compiled module for a lesson source, compiling only when no module with the same
 * content hash is cached: an unchanged lesson is never recompiled at start. `prebuiltDir` is the
 * read-only cache of the bundled lessons that `npm run build` writes (dist/lesson-cache): it is
 * consulted first and never written, so a new data folder opens without compiling them.
 */
export async function compileLessonCached(
  cacheDir: string,
  source: string,
  componentsDigest: string,
  file: string,
  courseDir: string,
  prebuiltDir?: string,
  resolveFrom?: string,
): Promise<CachedLesson> {
  const hash = lessonHash(source, componentsDigest);
  const cached = (prebuiltDir ? readCachedLesson(prebuiltDir, hash) : null) ?? readCachedLesson(cacheDir, hash);
  if (cached) return cached;
  const compiled: CompiledLesson = await compileLesson(source, file, courseDir, resolveFrom);
  const modulePath = lessonModulePath(cacheDir, hash);
  fs.mkdirSync(cacheDir, { recursive: true });
  writeAtomically(modulePath, compiled.code);
  const meta: CachedMeta = {
    frontmatter: compiled.frontmatter,
    quizIds: compiled.quizIds,
    exerciseIds: compiled.exerciseIds,
    canvasIds: compiled.canvasIds,
  };
  writeAtomically(path.join(cacheDir, `${hash}.json`), JSON.stringify(meta));
  return { hash, modulePath, ...meta, compiled: true };
}
