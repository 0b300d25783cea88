import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, Language } from '../../../electron/contract/channels.js';
import { verifyCertificateBytes } from '../../../electron/certificates/verify-certificate.js';
import { startCore, type RunningCore } from '../../../electron/core/start-core.js';
import { ok } from '../../helpers/typed-core.js';
import { popplerText } from '../../helpers/poppler.js';
import { copyCourse, makeTempDir, REPO_ROOT } from '../../helpers/temp-dir.js';

const TRANSLATED_COURSE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'courses', 'translated');

interface CredentialWords {
  description: string;
  credentialSubject: {
    achievement: { name: string; inLanguage: string; criteria: { narrative: string }; resultDescription: { name: string }[] };
  };
}

/** The words of a credential that are not names: its description, criteria and result names. */
const credentialWords = (credential: CredentialWords) => [
  credential.description,
  credential.credentialSubject.achievement.criteria.narrative,
  ...credential.credentialSubject.achievement.resultDescription.map((result) => result.name),
];

/** A certificate for a course read in a translation: its title and language are the translation's, and it checks. */
describe('certificates of a translated course', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: RunningCore;
  let dataDir: string;
  beforeEach(async () => {
    temp = makeTempDir('aula-cert-');
    const root = path.join(temp.dir, 'courses');
    copyCourse(TRANSLATED_COURSE_DIR, root);
    dataDir = path.join(temp.dir, 'data');
    core = await startCore({ dataDir, courseRoots: [root], appVersion: 'test' });
  });
  afterEach(() => {
    core.close();
    temp.remove();
  });

  const completeAndIssue = async (language: Language) => {
    const learner = await ok(core, 'learners.create', { displayName: 'Núria Puig i Ferrà', language });
    const session = (await ok(core, 'learners.open', { learnerId: learner.id })).session;
    const answer = (questionId: string, value: Answer) =>
      ok(core, 'quiz.submitAnswer', { session, courseId: 'translated', quizId: 'counting-check', questionId, answer: value });
    for (const lessonId of ['counting', 'the-route'])
      await ok(core, 'lesson.open', { session, courseId: 'translated', lessonId });
    await answer('what-to-count', { type: 'single-choice', choiceId: 'parcels' });
    await answer('name-the-box', { type: 'short-text', text: language === 'ca' ? 'lot' : 'parcel' });
    await answer('fill-in', { type: 'cloze', blanks: [{ name: 'item', text: language === 'ca' ? 'lots' : 'parcels' }] });
    const certificate = await ok(core, 'certificates.issue', { session, courseId: 'translated' });
    const exportFile = async (format: 'pdf' | 'json') => {
      const exported = await ok(core, 'certificates.export', {
        session,
        certificateId: certificate.certificateId,
        format,
        paper: 'a4',
      });
      return Buffer.from(exported.base64, 'base64');
    };
    return { certificate, pdf: await exportFile('pdf'), json: await exportFile('json') };
  };

  it('carries the course title in the learner’s language, inLanguage, and passes the page check', async () => {
    const { certificate, pdf, json } = await completeAndIssue('ca');
    expect(certificate.courseTitle).toBe('Comptar lots');
    const credential = JSON.parse(json.toString('utf8')) as CredentialWords;
    expect(credential.credentialSubject.achievement).toMatchObject({ name: 'Comptar lots', inLanguage: 'ca' });
    // The credential's own words are in Catalan too: description, completion rule, result names.
    expect(credentialWords(credential)).toEqual([
      "Certificat d'aprofitament del curs «Comptar lots» (versió 1.0.0).",
      'Ha superat tots els qüestionaris del curs i ha obert totes les lliçons.',
      'Estat del curs',
      "Temps d'estudi (hores)",
      'Comprovació del recompte',
    ]);
    expect(popplerText(pdf)).toContain('Comptar lots');
    const verdict = await verifyCertificateBytes(pdf, dataDir);
    expect(verdict.status).toBe('valid');
    expect(verdict.status === 'valid' && verdict.fields.courseTitle).toBe('Comptar lots');
  });

  it('keeps the main language’s title for a learner whose language the course lacks', async () => {
    const { certificate, json } = await completeAndIssue('sv');
    expect(certificate.courseTitle).toBe('Counting parcels');
    const credential = JSON.parse(json.toString('utf8')) as CredentialWords;
    expect(credential).toMatchObject({
      credentialSubject: { achievement: { name: 'Counting parcels', inLanguage: 'en' } },
    });
    // The words follow the course title's language (English here), not the interface's.
    expect(credentialWords(credential)).toEqual([
      'Certificate of completion of "Counting parcels" (version 1.0.0).',
      'Passed every quiz of the course and opened every lesson.',
      'Course status',
      'Study time (hours)',
      'Counting check',
    ]);
  });
});
