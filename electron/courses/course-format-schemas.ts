import { z } from 'zod';
import { ExerciseDefinitionSchema } from '../exercises/exercise-definition.js';
import { QuizDefinitionSchema } from '../quiz/quiz-definition.js';
import { CourseManifestSchema, LessonFrontmatterSchema } from './course-manifest.js';
import {
  CourseTranslationSchema,
  ExerciseTranslationSchema,
  LessonTranslationFrontmatterSchema,
  QuizTranslationSchema,
} from './translations/translation-schemas.js';

/** The course format's files and the zod schema each is validated with, as JSON Schema. */
export function courseFormatSchemas(): Record<string, unknown> {
  const files = {
    'course-manifest': { schema: CourseManifestSchema, title: 'Aula course manifest (course.yaml)' },
    'lesson-frontmatter': { schema: LessonFrontmatterSchema, title: 'Aula lesson frontmatter (lessons/*.mdx)' },
    quiz: { schema: QuizDefinitionSchema, title: 'Aula quiz (quizzes/*.yaml)' },
    exercise: { schema: ExerciseDefinitionSchema, title: 'Aula exercise (exercises/*.yaml)' },
    'course-translation': {
      schema: CourseTranslationSchema,
      title: 'Aula course translation (translations/<lang>/course.yaml)',
    },
    'lesson-translation-frontmatter': {
      schema: LessonTranslationFrontmatterSchema,
      title: 'Aula translated lesson frontmatter (translations/<lang>/lessons/*.mdx)',
    },
    'quiz-translation': { schema: QuizTranslationSchema, title: 'Aula quiz translation (translations/<lang>/quizzes/*.yaml)' },
    'exercise-translation': {
      schema: ExerciseTranslationSchema,
      title: 'Aula exercise translation (translations/<lang>/exercises/*.yaml)',
    },
  };
  return Object.fromEntries(
    Object.entries(files).map(([name, { schema, title }]) => [
      name,
      // Checks that JSON Schema cannot express (such as "exactly one correct choice") are left to `course check`.
      { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
    ]),
  );
}
