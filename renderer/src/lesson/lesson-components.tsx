import type { ComponentProps, ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from './components/Callout';
import { Quiz } from './components/Quiz';
import { useLessonScope } from './lesson-context';

export type MDXComponents = Record<string, ComponentType<never> | string>;

/** Relative image paths in a lesson (`../assets/x.png`, `assets/x.png`) point into the course's assets. */
export function resolveAssetUrl(src: string, assetBaseUrl: string): string {
  if (/^(?:[a-z]+:|\/)/i.test(src)) return src;
  const relative = src.replace(/^(?:\.\.\/)*(?:\.\/)?(?:assets\/)?/, '');
  return `${assetBaseUrl}${relative}`;
}

function LessonImage({ src = '', alt = '', ...rest }: ComponentProps<'img'>) {
  const { assetBaseUrl } = useLessonScope();
  return <img {...rest} src={resolveAssetUrl(src, assetBaseUrl)} alt={alt} loading="lazy" />;
}

function LessonTable(props: ComponentProps<'table'>) {
  const { t } = useTranslation();
  // Wide tables scroll on their own instead of stretching the page at 200 % text size.
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('lesson.table')}>
      <table {...props} />
    </div>
  );
}

/** Aula's built-in lesson component library, passed to every lesson's default export. */
export const lessonComponents = {
  img: LessonImage,
  table: LessonTable,
  Callout,
  Quiz,
} as unknown as MDXComponents;
