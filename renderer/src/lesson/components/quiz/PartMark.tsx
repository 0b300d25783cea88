import { useTranslation } from 'react-i18next';

/** A right/wrong mark beside one part of an answer, in words as well as colour. */
export function PartMark({ correct }: { correct: boolean | null }) {
  const { t } = useTranslation();
  if (correct === null) return null;
  return (
    <span className={`part-mark ${correct ? 'is-correct' : 'is-incorrect'}`}>
      {correct ? t('quiz.partRight') : t('quiz.partWrong')}
    </span>
  );
}
