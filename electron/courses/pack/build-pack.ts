import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compiledLessonFiles, loadCourse, MANIFEST_FILE } from '../load-course.js';
import {
  PACK_COURSE_PREFIX,
  PACK_FORMAT_VERSION,
  PACK_MANIFEST_NAME,
  PACK_SIGNATURE_NAME,
  type PackManifest,
} from './pack-format.js';
import { signBytes, type SigningKey } from './signing-keys.js';
import { compiledTranslatedLessonFiles, TRANSLATIONS_DIR } from '../translations/load-translations.js';
import { writeZip } from './zip-files.js';

/** Course folders copied into a pack as they are. Lessons are compiled; `components/` is bundled into them. */
const COPIED_FOLDERS = ['quizzes', 'exercises', 'data', 'assets'];

export interface PackProgress {
  step: 'compile' | 'collect' | 'zip';
  done: number;
  total: number;
}

export interface BuildPackOptions {
  key?: SigningKey;
  /** Where compiled lessons are cached between packs (an unchanged lesson is not compiled again). */
  cacheDir: string;
  onProgress?: (progress: PackProgress) => void;
}

function listFilesRecursively(dir: string, prefix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.')) // editor and OS litter (.DS_Store, .swp)
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFilesRecursively(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : entry.isFile()
          ? [`${prefix}${entry.name}`]
          : [],
    );
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Compiles a course folder and writes it as one pack: the same course and key always give the same
 * bytes (sorted entries, fixed timestamps, deterministic Ed25519).
 */
export async function buildPack(
  courseDir: string,
  options: BuildPackOptions,
): Promise<{ bytes: Buffer; manifest: PackManifest }> {
  const report = options.onProgress ?? (() => {});
  report({ step: 'compile', done: 0, total: 1 });
  const course = await loadCourse(courseDir, options.cacheDir, { compiled: 0, reused: 0 });
  if (course.installedFromPack) throw new Error(`${courseDir} is an installed course, not a course source folder`);
  report({ step: 'compile', done: 1, total: 1 });

  const files = new Map<string, Buffer>();
  files.set(MANIFEST_FILE, fs.readFileSync(path.join(courseDir, MANIFEST_FILE)));
  for (const lesson of course.lessons) {
    const names = compiledLessonFiles(lesson.id);
    files.set(names.module, fs.readFileSync(lesson.modulePath));
    const { id: _id, moduleHash: _moduleHash, modulePath: _modulePath, ...frontmatter } = lesson;
    files.set(names.meta, Buffer.from(`${JSON.stringify(frontmatter, null, 2)}\n`));
  }
  for (const translation of course.translations.values()) {
    // Translated lessons travel compiled, like the main ones; a lesson the translation lacks is not packed.
    course.lessons.forEach((lesson, index) => {
      const translated = translation.lessons[index];
      if (!translated || translated.moduleHash === lesson.moduleHash) return;
      const names = compiledTranslatedLessonFiles(translation.language, lesson.id);
      files.set(names.module, fs.readFileSync(translated.modulePath));
      const { title, minutes, objectives } = translated;
      files.set(names.meta, Buffer.from(`${JSON.stringify({ title, minutes, objectives }, null, 2)}\n`));
    });
  }
  const copied = [
    ...COPIED_FOLDERS.flatMap((folder) => listFilesRecursively(path.join(courseDir, folder), `${folder}/`)),
    ...course.manifest.translations.flatMap((language) => {
      const prefix = `${TRANSLATIONS_DIR}/${language}/`;
      const words = fs.existsSync(path.join(courseDir, prefix, MANIFEST_FILE)) ? [`${prefix}${MANIFEST_FILE}`] : [];
      return [
        ...words,
        ...COPIED_FOLDERS.flatMap((folder) => listFilesRecursively(path.join(courseDir, prefix, folder), `${prefix}${folder}/`)),
      ];
    }),
  ];
  copied.forEach((relative, index) => {
    files.set(relative, fs.readFileSync(path.join(courseDir, relative)));
    report({ step: 'collect', done: index + 1, total: copied.length });
  });

  const sorted = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const manifest: PackManifest = {
    format: PACK_FORMAT_VERSION,
    course: { id: course.manifest.id, version: course.manifest.version, title: course.manifest.title },
    signer: options.key?.signer ?? null,
    files: sorted.map(([name, data]) => ({ path: `${PACK_COURSE_PREFIX}${name}`, size: data.length, sha256: sha256(data) })),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const entries: { name: string; data: Buffer }[] = [{ name: PACK_MANIFEST_NAME, data: manifestBytes }];
  if (options.key) entries.push({ name: PACK_SIGNATURE_NAME, data: Buffer.from(signBytes(options.key, manifestBytes)) });
  entries.push(...sorted.map(([name, data]) => ({ name: `${PACK_COURSE_PREFIX}${name}`, data })));
  report({ step: 'zip', done: 0, total: 1 });
  const bytes = await writeZip(entries);
  report({ step: 'zip', done: 1, total: 1 });
  return { bytes, manifest };
}
