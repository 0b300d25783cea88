/**
 * The words printed on a certificate PDF, in the learner's language. The PDF is made in the core
 * (never in the renderer), so its few sentences live here rather than in the interface's
 * translation files; every language the interface has must be here too.
 */
import type { Language } from '../contract/channels.js';

/** The plural category of a number in a language: Latvian and Lithuanian need more than "one". */
const plural = (language: string, count: number) => new Intl.PluralRules(language).select(count);

export interface CertificatePdfText {
  title: string;
  certifies: string;
  completed: string;
  version: (version: string) => string;
  completedOn: (date: string) => string;
  /** `hours` is the number as the language writes it; `count` picks the plural form. */
  hours: (hours: string, count: number) => string;
  scoresHeading: string;
  /** `percent` and `passMark` come formatted as percentages in the language ("87,5 %"). */
  score: (title: string, percent: string, passMark: string | null) => string;
  issuedBy: (issuer: string, date: string) => string;
  code: (code: string) => string;
  howToCheck: string;
  qrCaption: string;
}

const en: CertificatePdfText = {
  title: 'Certificate of completion',
  certifies: 'This certifies that',
  completed: 'has completed the course',
  version: (version) => `version ${version}`,
  completedOn: (date) => `Completed on ${date}`,
  hours: (hours, count) => `${hours} ${plural('en', count) === 'one' ? 'hour' : 'hours'} of study`,
  scoresHeading: 'Results',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (pass mark ${passMark})`}`,
  issuedBy: (issuer, date) => `Issued by ${issuer} on ${date}`,
  code: (code) => `Verification code: ${code}`,
  howToCheck:
    'This PDF carries the signed certificate (an Open Badges 3.0 credential). To check it, open the file in Aula ' +
    '(Check a certificate) or run: npm run certificate -- verify <file>',
  qrCaption: 'Signed summary',
};

const ca: CertificatePdfText = {
  title: "Certificat d'aprofitament",
  certifies: 'Es certifica que',
  completed: 'ha completat el curs',
  version: (version) => `versió ${version}`,
  completedOn: (date) => `Completat el ${date}`,
  hours: (hours, count) => `${hours} ${plural('ca', count) === 'one' ? 'hora' : 'hores'} d'estudi`,
  scoresHeading: 'Resultats',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (nota per aprovar: ${passMark})`}`,
  issuedBy: (issuer, date) => `Emès per ${issuer} el ${date}`,
  code: (code) => `Codi de verificació: ${code}`,
  howToCheck:
    "Aquest PDF porta el certificat signat (una credencial Open Badges 3.0). Per comprovar-lo, obre el fitxer a l'Aula " +
    '(Comprova un certificat) o executa: npm run certificate -- verify <fitxer>',
  qrCaption: 'Resum signat',
};

const es: CertificatePdfText = {
  title: 'Certificado de aprovechamiento',
  certifies: 'Se certifica que',
  completed: 'ha completado el curso',
  version: (version) => `versión ${version}`,
  completedOn: (date) => `Completado el ${date}`,
  hours: (hours, count) => `${hours} ${plural('es', count) === 'one' ? 'hora' : 'horas'} de estudio`,
  scoresHeading: 'Resultados',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (nota para aprobar: ${passMark})`}`,
  issuedBy: (issuer, date) => `Emitido por ${issuer} el ${date}`,
  code: (code) => `Código de verificación: ${code}`,
  howToCheck:
    'Este PDF contiene el certificado firmado (una credencial Open Badges 3.0). Para comprobarlo, abre el archivo en Aula ' +
    '(Comprobar un certificado) o ejecuta: npm run certificate -- verify <archivo>',
  qrCaption: 'Resumen firmado',
};

const it: CertificatePdfText = {
  title: 'Attestato di completamento',
  certifies: 'Si attesta che',
  completed: 'ha completato il corso',
  version: (version) => `versione ${version}`,
  completedOn: (date) => `Completato il ${date}`,
  hours: (hours, count) => `${hours} ${plural('it', count) === 'one' ? 'ora' : 'ore'} di studio`,
  scoresHeading: 'Risultati',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (soglia di superamento: ${passMark})`}`,
  issuedBy: (issuer, date) => `Rilasciato da ${issuer} il ${date}`,
  code: (code) => `Codice di verifica: ${code}`,
  howToCheck:
    'Questo PDF contiene l’attestato firmato (una credenziale Open Badges 3.0). Per verificarlo, apri il file in Aula ' +
    '(Verifica un attestato) o esegui: npm run certificate -- verify <file>',
  qrCaption: 'Riepilogo firmato',
};

const fr: CertificatePdfText = {
  title: 'Certificat de réussite',
  certifies: 'Nous certifions que',
  completed: 'a terminé le cours',
  version: (version) => `version ${version}`,
  completedOn: (date) => `Terminé le ${date}`,
  hours: (hours, count) => `${hours} ${plural('fr', count) === 'one' ? 'heure' : 'heures'} d’étude`,
  scoresHeading: 'Résultats',
  score: (title, percent, passMark) =>
    `${title}\u00a0: ${percent}${passMark === null ? '' : ` (seuil de réussite\u00a0: ${passMark})`}`,
  issuedBy: (issuer, date) => `Délivré par ${issuer} le ${date}`,
  code: (code) => `Code de vérification\u00a0: ${code}`,
  howToCheck:
    'Ce PDF contient le certificat signé (un justificatif Open Badges 3.0). Pour le vérifier, ouvrez le fichier dans Aula ' +
    '(Vérifier un certificat) ou exécutez\u00a0: npm run certificate -- verify <fichier>',
  qrCaption: 'Résumé signé',
};

const nl: CertificatePdfText = {
  title: 'Certificaat van deelname',
  certifies: 'Hierbij verklaren wij dat',
  completed: 'de cursus heeft afgerond',
  version: (version) => `versie ${version}`,
  completedOn: (date) => `Afgerond op ${date}`,
  hours: (hours) => `${hours} uur studietijd`, // Dutch says "uur" after any number
  scoresHeading: 'Resultaten',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (slaaggrens ${passMark})`}`,
  issuedBy: (issuer, date) => `Uitgereikt door ${issuer} op ${date}`,
  code: (code) => `Verificatiecode: ${code}`,
  howToCheck:
    'Deze pdf bevat het ondertekende certificaat (een Open Badges 3.0-credential). Open het bestand in Aula om het te controleren ' +
    '(Een certificaat controleren) of voer uit: npm run certificate -- verify <bestand>',
  qrCaption: 'Ondertekende samenvatting',
};

const sv: CertificatePdfText = {
  title: 'Kursintyg',
  certifies: 'Härmed intygas att',
  completed: 'har slutfört kursen',
  version: (version) => `version ${version}`,
  completedOn: (date) => `Slutförd ${date}`,
  hours: (hours, count) => `${hours} ${plural('sv', count) === 'one' ? 'timmes' : 'timmars'} studier`,
  scoresHeading: 'Resultat',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (godkäntgräns ${passMark})`}`,
  issuedBy: (issuer, date) => `Utfärdat av ${issuer} den ${date}`,
  code: (code) => `Verifieringskod: ${code}`,
  howToCheck:
    'Den här PDF-filen innehåller det signerade intyget (ett Open Badges 3.0-intyg). Öppna filen i Aula för att kontrollera det ' +
    '(Kontrollera ett intyg) eller kör: npm run certificate -- verify <fil>',
  qrCaption: 'Signerad sammanfattning',
};

const lv: CertificatePdfText = {
  title: 'Apliecinājums par kursa pabeigšanu',
  certifies: 'Apliecinām, ka',
  completed: 'ir pabeidzis(-usi) kursu',
  version: (version) => `versija ${version}`,
  completedOn: (date) => `Pabeigts: ${date}`,
  hours: (hours, count) => `Mācību laiks: ${hours} ${plural('lv', count) === 'one' ? 'stunda' : 'stundas'}`,
  scoresHeading: 'Rezultāti',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (nokārtošanas slieksnis: ${passMark})`}`,
  issuedBy: (issuer, date) => `Izsniedza: ${issuer}. Datums: ${date}`,
  code: (code) => `Pārbaudes kods: ${code}`,
  howToCheck:
    'Šajā PDF ir parakstītais apliecinājums (Open Badges 3.0 akreditācijas dati). Lai to pārbaudītu, atveriet failu Aula ' +
    '(Pārbaudīt apliecinājumu) vai izpildiet: npm run certificate -- verify <fails>',
  qrCaption: 'Parakstīts kopsavilkums',
};

/** Lithuanian says "valanda" after 1, 21...; "valandos" after 2-9 and fractions; "valandų" after 10-20. */
const ltHours: Record<Intl.LDMLPluralRule, string> = {
  zero: 'valandų',
  one: 'valanda',
  two: 'valandos',
  few: 'valandos',
  many: 'valandos',
  other: 'valandų',
};

const lt: CertificatePdfText = {
  title: 'Kurso baigimo pažymėjimas',
  certifies: 'Patvirtinama, kad',
  completed: 'baigė kursą',
  version: (version) => `versija ${version}`,
  completedOn: (date) => `Baigta: ${date}`,
  hours: (hours, count) => `Mokymosi laikas: ${hours} ${ltHours[plural('lt', count)]}`,
  scoresHeading: 'Rezultatai',
  score: (title, percent, passMark) => `${title}: ${percent}${passMark === null ? '' : ` (išlaikymo riba: ${passMark})`}`,
  issuedBy: (issuer, date) => `Išdavė: ${issuer}. Data: ${date}`,
  code: (code) => `Patikros kodas: ${code}`,
  howToCheck:
    'Šiame PDF yra pasirašytas pažymėjimas (Open Badges 3.0 kredencialas). Norėdami jį patikrinti, atverkite failą programoje Aula ' +
    '(Tikrinti pažymėjimą) arba paleiskite: npm run certificate -- verify <failas>',
  qrCaption: 'Pasirašyta santrauka',
};

const texts: Record<Language, CertificatePdfText> = { en, ca, es, fr, it, lv, lt, nl, sv };

export function certificatePdfText(language: Language): CertificatePdfText {
  return texts[language];
}
