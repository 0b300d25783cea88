import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/api-context';
import { errorMessage } from '../api/error-message';
import { formatList, intlLocale } from '../i18n/format';
import { useCoreMutation } from '../api/use-core-query';
import { AFTER_COURSE_LANGUAGE } from '../api/what-changes';

/** Intl's namers by interface language: making one is slow, and every render of a course's pages and lessons names languages. */
const languageNamers = new Map<string, Intl.DisplayNames>();

/** A language's name in the interface language ("anglès" in Catalan), as Intl writes it. */
export function languageName(code: string, interfaceLanguage: string): string {
  try {
    let namer = languageNamers.get(interfaceLanguage);
    if (!namer) {
      namer = new Intl.DisplayNames([intlLocale(interfaceLanguage)], { type: 'language' });
      languageNamers.set(interfaceLanguage, namer);
    }
    return namer.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The languages a course can be read in, as one phrase ("anglès i català"). */
export function courseLanguageList(languages: readonly string[], interfaceLanguage: string): string {
  return formatList(
    languages.map((code) => languageName(code, interfaceLanguage)),
    interfaceLanguage,
  );
}

const capitalised = (text: string, language: string) => text.charAt(0).toLocaleUpperCase(intlLocale(language)) + text.slice(1);

/**
 * The course's language on its course page and its lessons: a note when the interface language is
 * not among the course's languages, and a small menu to read the course in another of them
 * (remembered for this learner and course by the core). What shows the course is asked again
 * once the core has the choice, so the page follows in the language chosen.
 */
export function CourseLanguage({
  courseId,
  language,
  languages,
}: {
  courseId: string;
  language: string;
  languages: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const setLanguage = useCoreMutation('course.setLanguage', AFTER_COURSE_LANGUAGE);
  const menuId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const interfaceLanguage = i18n.language;
  const change = async (next: string) => {
    try {
      await setLanguage({ session, courseId, language: next });
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <div className="course-language">
      {!languages.includes(interfaceLanguage) && (
        <p className="course-language-note" role="note">
          {t('course.languageMissing', {
            language: languageName(interfaceLanguage, interfaceLanguage),
            shown: languageName(language, interfaceLanguage),
          })}
        </p>
      )}
      {languages.length > 1 && (
        <p className="course-language-menu">
          <label htmlFor={menuId}>{t('course.language')}</label>{' '}
          <select id={menuId} value={language} onChange={(event) => void change(event.target.value)}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {capitalised(languageName(code, interfaceLanguage), interfaceLanguage)}
              </option>
            ))}
          </select>
        </p>
      )}
      {failure !== null && <p role="alert">{errorMessage(failure, t)}</p>}
    </div>
  );
}
