import '../styles/lesson-components.css';
import type { ComponentProps, ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveAssetUrl } from './asset-url';
import { Callout } from './components/Callout';
import { Canvas } from './components/Canvas';
import { Chart } from './components/Chart';
import { DataTable } from './components/DataTable';
import { Download } from './components/Download';
import { Figure } from './components/Figure';
import { Glossary } from './components/Glossary';
import { InYourCountry } from './components/InYourCountry';
import { ScrollArea } from './components/layout/ScrollArea';
import { NumberExercise } from './components/NumberExercise';
import { ProcessModeler } from './components/ProcessModeler';
import { Quiz } from './components/Quiz';
import { SqlExercise } from './components/SqlExercise';
import { useLessonScope } from './lesson-context';

export type MDXComponents = Record<string, ComponentType<never> | string>;

function LessonImage({ src = '', alt = '', ...rest }: ComponentProps<'img'>) {
  const { assetBaseUrl } = useLessonScope();
  return <img {...rest} src={resolveAssetUrl(src, assetBaseUrl)} alt={alt} loading="lazy" />;
}

function LessonTable(props: ComponentProps<'table'>) {
  const { t } = useTranslation();
  // Wide tables scroll on their own instead of stretching the page at 200 % text size.
  return (
    <ScrollArea className="wide-content" label={t('lesson.table')}>
      <table {...props} />
    </ScrollArea>
  );
}

/** Aula's built-in lesson component library, passed to every lesson's default export. */
export const lessonComponents = {
  img: LessonImage,
  table: LessonTable,
  Callout,
  Quiz,
  Figure,
  Glossary,
  Download,
  DataTable,
  Chart,
  NumberExercise,
  SqlExercise,
  ProcessModeler,
  Canvas,
  InYourCountry,
} as unknown as MDXComponents;
