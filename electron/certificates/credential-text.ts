/**
 * The words inside a certificate's signed credential (its description, the completion rule as
 * `criteria.narrative`, the names of its results), in the language of the certificate: the one
 * the course title is in. Like the PDF's sentences (certificate-pdf-text.ts), they are made in the
 * core, so they live here. Each sentence says what the learner did without a gendered verb form.
 * Old certificates keep the words they were signed with; only new ones use these.
 */
import { isLanguage, type Language } from '../contract/channels.js';

export interface CredentialText {
  description: (courseTitle: string, version: string) => string;
  /** The completion rules; `andLessons` when the rule also asks for every lesson to be opened. */
  passedFinal: (quizTitle: string, andLessons: boolean) => string;
  passedSome: (count: number, andLessons: boolean) => string;
  passedEvery: (andLessons: boolean) => string;
  openedEvery: string;
  courseStatus: string;
  studyHours: string;
}

const en: CredentialText = {
  description: (title, version) => `Certificate of completion of "${title}" (version ${version}).`,
  passedFinal: (title, lessons) => `Passed the final assessment "${title}"${lessons ? ' and opened every lesson' : ''}.`,
  passedSome: (count, lessons) => `Passed ${count} of the course's quizzes${lessons ? ' and opened every lesson' : ''}.`,
  passedEvery: (lessons) => `Passed every quiz of the course${lessons ? ' and opened every lesson' : ''}.`,
  openedEvery: 'Opened every lesson of the course.',
  courseStatus: 'Course status',
  studyHours: 'Study time (hours)',
};

const ca: CredentialText = {
  description: (title, version) => `Certificat d'aprofitament del curs «${title}» (versió ${version}).`,
  passedFinal: (title, lessons) => `Ha superat l'avaluació final «${title}»${lessons ? ' i ha obert totes les lliçons' : ''}.`,
  passedSome: (count, lessons) =>
    `Ha superat ${count} dels qüestionaris del curs${lessons ? ' i ha obert totes les lliçons' : ''}.`,
  passedEvery: (lessons) => `Ha superat tots els qüestionaris del curs${lessons ? ' i ha obert totes les lliçons' : ''}.`,
  openedEvery: 'Ha obert totes les lliçons del curs.',
  courseStatus: 'Estat del curs',
  studyHours: "Temps d'estudi (hores)",
};

const es: CredentialText = {
  description: (title, version) => `Certificado de aprovechamiento del curso «${title}» (versión ${version}).`,
  passedFinal: (title, lessons) =>
    `Ha aprobado la evaluación final «${title}»${lessons ? ' y ha abierto todas las lecciones' : ''}.`,
  passedSome: (count, lessons) =>
    `Ha aprobado ${count} de los cuestionarios del curso${lessons ? ' y ha abierto todas las lecciones' : ''}.`,
  passedEvery: (lessons) => `Ha aprobado todos los cuestionarios del curso${lessons ? ' y ha abierto todas las lecciones' : ''}.`,
  openedEvery: 'Ha abierto todas las lecciones del curso.',
  courseStatus: 'Estado del curso',
  studyHours: 'Tiempo de estudio (horas)',
};

const it: CredentialText = {
  description: (title, version) => `Attestato di completamento del corso «${title}» (versione ${version}).`,
  passedFinal: (title, lessons) => `Ha superato la prova finale «${title}»${lessons ? ' e ha aperto tutte le lezioni' : ''}.`,
  passedSome: (count, lessons) => `Ha superato ${count} dei quiz del corso${lessons ? ' e ha aperto tutte le lezioni' : ''}.`,
  passedEvery: (lessons) => `Ha superato tutti i quiz del corso${lessons ? ' e ha aperto tutte le lezioni' : ''}.`,
  openedEvery: 'Ha aperto tutte le lezioni del corso.',
  courseStatus: 'Stato del corso',
  studyHours: 'Tempo di studio (ore)',
};

const fr: CredentialText = {
  description: (title, version) => `Certificat de réussite du cours «\u00a0${title}\u00a0» (version ${version}).`,
  passedFinal: (title, lessons) =>
    `A réussi l’évaluation finale «\u00a0${title}\u00a0»${lessons ? ' et ouvert toutes les leçons' : ''}.`,
  passedSome: (count, lessons) => `A réussi ${count} des quiz du cours${lessons ? ' et ouvert toutes les leçons' : ''}.`,
  passedEvery: (lessons) => `A réussi tous les quiz du cours${lessons ? ' et ouvert toutes les leçons' : ''}.`,
  openedEvery: 'A ouvert toutes les leçons du cours.',
  courseStatus: 'Statut du cours',
  studyHours: 'Temps d’étude (heures)',
};

const nl: CredentialText = {
  description: (title, version) => `Certificaat van deelname aan de cursus ‘${title}’ (versie ${version}).`,
  passedFinal: (title, lessons) => `Heeft de eindtoets ‘${title}’ gehaald${lessons ? ' en elke les geopend' : ''}.`,
  passedSome: (count, lessons) => `Heeft ${count} van de quizzen van de cursus gehaald${lessons ? ' en elke les geopend' : ''}.`,
  passedEvery: (lessons) => `Heeft elke quiz van de cursus gehaald${lessons ? ' en elke les geopend' : ''}.`,
  openedEvery: 'Heeft elke les van de cursus geopend.',
  courseStatus: 'Status van de cursus',
  studyHours: 'Studietijd (uren)',
};

const sv: CredentialText = {
  description: (title, version) => `Kursintyg för ”${title}” (version ${version}).`,
  passedFinal: (title, lessons) => `Har klarat slutprovet ”${title}”${lessons ? ' och öppnat alla lektioner' : ''}.`,
  passedSome: (count, lessons) => `Har klarat ${count} av kursens quiz${lessons ? ' och öppnat alla lektioner' : ''}.`,
  passedEvery: (lessons) => `Har klarat alla kursens quiz${lessons ? ' och öppnat alla lektioner' : ''}.`,
  openedEvery: 'Har öppnat alla kursens lektioner.',
  courseStatus: 'Kursstatus',
  studyHours: 'Studietid (timmar)',
};

// Latvian and Lithuanian past verbs agree with the person's gender: passive participles agree
// with the quiz or lesson instead ("Nokārtoti visi kursa testi"), and a count follows a colon.
const lv: CredentialText = {
  description: (title, version) => `Apliecinājums par kursa „${title}” (versija ${version}) pabeigšanu.`,
  passedFinal: (title, lessons) => `Nokārtots noslēguma tests „${title}”${lessons ? '; atvērtas visas kursa nodarbības' : ''}.`,
  passedSome: (count, lessons) => `Nokārtoti kursa testi: ${count}${lessons ? '; atvērtas visas kursa nodarbības' : ''}.`,
  passedEvery: (lessons) => `Nokārtoti visi kursa testi${lessons ? '; atvērtas visas kursa nodarbības' : ''}.`,
  openedEvery: 'Atvērtas visas kursa nodarbības.',
  courseStatus: 'Kursa statuss',
  studyHours: 'Mācību laiks (stundas)',
};

const lt: CredentialText = {
  description: (title, version) => `Kurso „${title}“ (versija ${version}) baigimo pažymėjimas.`,
  passedFinal: (title, lessons) =>
    `Išlaikytas baigiamasis testas „${title}“${lessons ? '; atidarytos visos kurso pamokos' : ''}.`,
  passedSome: (count, lessons) => `Išlaikyta kurso testų: ${count}${lessons ? '; atidarytos visos kurso pamokos' : ''}.`,
  passedEvery: (lessons) => `Išlaikyti visi kurso testai${lessons ? '; atidarytos visos kurso pamokos' : ''}.`,
  openedEvery: 'Atidarytos visos kurso pamokos.',
  courseStatus: 'Kurso būsena',
  studyHours: 'Mokymosi laikas (valandomis)',
};

const texts: Record<Language, CredentialText> = { en, ca, es, fr, it, lv, lt, nl, sv };

/** The credential's words in the course's language; English for a course language Aula does not speak. */
export function credentialText(courseLanguage: string): CredentialText {
  return texts[isLanguage(courseLanguage) ? courseLanguage : 'en'];
}
