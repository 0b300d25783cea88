import { useTranslation } from 'react-i18next';
import { resolveAssetUrl } from '../asset-url';
import { useLessonScope } from '../lesson-context';

/** `<Figure src="../assets/flow.svg" alt="..." caption="..." />`: an image with a caption. */
export function Figure({ src, alt, caption }: { src: string; alt?: string; caption?: string }) {
  const { t } = useTranslation();
  const { assetBaseUrl } = useLessonScope();
  const missingAlt = !alt || !alt.trim();
  return (
    <figure className="lesson-figure">
      <img src={resolveAssetUrl(src, assetBaseUrl)} alt={alt ?? ''} loading="lazy" />
      {caption && <figcaption>{caption}</figcaption>}
      {/* Shown in the trainer's preview too, so a figure without a text alternative gets fixed. */}
      {missingAlt && <p className="component-problem">{t('figure.missingAlt')}</p>}
    </figure>
  );
}
