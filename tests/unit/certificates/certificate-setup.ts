import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { writeFixtureCourse } from '../../helpers/fixture-course.js';
import { ok } from '../../helpers/typed-core.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const quiz = (id: string) => ({
  id,
  title: `Quiz ${id}`,
  passMark: 50,
  questions: [
    { id: 'first', type: 'true-false', prompt: `Is ${id} true?`, answer: true },
    { id: 'second', type: 'true-false', prompt: `Is ${id} false?`, answer: false },
  ],
});
export const LESSONS = ['one', 'two'];

/** A core on a fresh data folder with real course folders: `done` offers a certificate, `off` does not. */
export async function startCertificateCore(displayName = 'Núria Puig i Ferrà') {
  const temp = makeTempDir('aula-cert-');
  const root = path.join(temp.dir, 'courses');
  for (const id of ['done', 'off']) {
    const dir = writeFixtureCourse(root, { id, lessons: LESSONS, quizzes: [quiz('q1'), quiz('q2')] });
    const manifestFile = path.join(dir, 'course.yaml');
    const manifest = parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    manifest.summary = 'A fixture course for certificates.';
    manifest.certificate = id === 'off' ? { enabled: false } : { enabled: true, hours: 1.5 };
    fs.writeFileSync(manifestFile, stringify(manifest));
  }
  const dataDir = path.join(temp.dir, 'data');
  const core: RunningCore = await startCore({ dataDir, courseRoots: [root], appVersion: 'test' });
  const learner = await ok(core, 'learners.create', { displayName, language: 'en' });
  const session = (await ok(core, 'learners.open', { learnerId: learner.id })).session;

  const answer = (courseId: string, quizId: string, questionId: string, value: boolean) =>
    ok(core, 'quiz.submitAnswer', { session, courseId, quizId, questionId, answer: { type: 'true-false', value } });
  /** Opens every lesson and passes both quizzes (q1 at 100 %, q2 at 50 %). */
  const complete = async (courseId: string) => {
    for (const lessonId of LESSONS) await ok(core, 'lesson.open', { session, courseId, lessonId });
    await answer(courseId, 'q1', 'first', true);
    await answer(courseId, 'q1', 'second', false);
    await answer(courseId, 'q2', 'first', true);
    await answer(courseId, 'q2', 'second', true);
  };
  const issue = (courseId: string) => ok(core, 'certificates.issue', { session, courseId });
  const exportFile = async (certificateId: string, format: 'pdf' | 'json', paper: 'a4' | 'letter' = 'a4') => {
    const exported = await ok(core, 'certificates.export', { session, certificateId, format, paper });
    return { ...exported, bytes: Buffer.from(exported.base64, 'base64') };
  };
  return {
    core,
    dataDir,
    learner,
    session,
    complete,
    issue,
    exportFile,
    stop() {
      core.close();
      temp.remove();
    },
  };
}
