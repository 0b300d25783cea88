import fs from 'node:fs';
import path from 'node:path';
import type { Image, Link, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { BUILT_IN_COMPONENTS, EXERCISE_COMPONENTS, FILE_PROPS, QUIZ_COMPONENT } from '../../contract/lesson-components.js';
import { compileLesson } from '../compile-lesson.js';
import { CourseProblem } from '../../course-source/course-problem.js';
import { locateMdxMessage } from '../mdx-message-position.js';
import { LessonFrontmatterSchema } from '../course-manifest.js';
import { checkChartColumns } from './check-chart-columns.js';
import { checkReferencesHeading } from './check-references-heading.js';
import type { CheckReport } from './check-report.js';
import { parseDocument } from 'yaml';
import { validateYamlText } from '../yaml-file.js';

const mdxParser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx);
const builtIn = new Set<string>(BUILT_IN_COMPONENTS);
const exerciseComponents = new Set<string>(EXERCISE_COMPONENTS);

/** A quiz or exercise a lesson shows, and where. */
export interface IdReference {
  id: string;
  file: string;
  line: number;
  column: number;
}

export interface LessonReferences {
  quizzes: IdReference[];
  exercises: IdReference[];
}

interface Position {
  line: number;
  column: number;
}

function startOf(node: { position?: { start: Position } }): Position {
  return node.position?.start ?? { line: 1, column: 1 };
}

function stringAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | null | undefined {
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attribute) return undefined;
  return typeof attribute.value === 'string' ? attribute.value : null;
}

/** Names a lesson imports from its course's components/ folder (`import Timeline from '../components/Timeline.jsx'`). */
function importedNames(tree: Root): Set<string> {
  const names = new Set<string>();
  visit(tree, 'mdxjsEsm', (node: { value: string }) => {
    for (const match of node.value.matchAll(/import\s+([^'"]+?)\s+from/g)) {
      for (const name of (match[1] ?? '').replace(/[{}]/g, ',').split(',')) {
        const local = name
          .trim()
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (local && /^[A-Z]\w*$/.test(local)) names.add(local);
      }
    }
  });
  return names;
}

/** Resolves a file a lesson refers to, and checks it is inside the course folder it belongs in. */
function fileInFolder(
  courseDir: string,
  lessonDir: string,
  reference: string,
  folder: 'assets' | 'data',
): { ok: boolean; shown: string } {
  const folderDir = path.join(courseDir, folder);
  // Assets are written relative to the lesson (../assets/x.png); data files by name (parcels.csv).
  const candidates =
    folder === 'data' ? [path.join(folderDir, reference)] : [path.resolve(lessonDir, reference), path.join(folderDir, reference)];
  for (const candidate of candidates) {
    const resolved = path.resolve(candidate);
    if (resolved.startsWith(folderDir + path.sep) && fs.existsSync(resolved) && fs.statSync(resolved).isFile()) {
      return { ok: true, shown: path.relative(courseDir, resolved) };
    }
  }
  return { ok: false, shown: `${folder}/${reference.replace(/^(\.\.\/)*(assets\/|data\/)?/, '')}` };
}

/** Checks the frontmatter; false when it is not even valid YAML (compiling would only repeat that). */
function checkFrontmatter(tree: Root, file: string, report: CheckReport): boolean {
  const yamlNode = tree.children.find((node) => node.type === 'yaml') as
    { value: string; position?: { start: Position } } | undefined;
  if (!yamlNode) {
    report.error(file, 1, 1, 'the lesson has no frontmatter (a --- block with title, minutes and objectives)');
    return true;
  }
  // The YAML starts on the line after the opening ---: its positions are shifted to the lesson's.
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  const result = validateYamlText(yamlNode.value, file, LessonFrontmatterSchema);
  if (!result.ok) {
    for (const problem of result.problems)
      report.error(file, (problem.line ?? 1) + firstLine - 1, problem.column ?? 1, `in the frontmatter, ${problem.detail}`);
  } else if (result.value.objectives.length === 0) {
    report.warning(file, firstLine, 1, 'the lesson lists no learning objectives (objectives: in the frontmatter)');
  }
  return parseDocument(yamlNode.value).errors.length === 0;
}

/**
 * The quizzes and exercises a lesson that cannot be parsed names, found in its text: enough to
 * know they are used, and where.
 */
function referencesInText(source: string, file: string): LessonReferences {
  const references: LessonReferences = { quizzes: [], exercises: [] };
  const lineStarts = [0, ...[...source.matchAll(/\n/g)].map((match) => match.index + 1)];
  for (const match of source.matchAll(/<([A-Z]\w*)\b[^>]*?\bid=["']([^"']+)["']/g)) {
    const [, name = '', id = ''] = match;
    if (name !== QUIZ_COMPONENT && !exerciseComponents.has(name)) continue;
    const line = lineStarts.findLastIndex((start) => start <= match.index) + 1;
    const column = match.index - (lineStarts[line - 1] ?? 0) + 1;
    (name === QUIZ_COMPONENT ? references.quizzes : references.exercises).push({ id, file, line, column });
  }
  return references;
}

/**
 * Checks one lesson: MDX syntax, frontmatter, its references section, components (and the data
 * columns charts name), the quizzes, exercises, images, files and lessons it refers to, and
 * finally compiles it as the app would. Returns what it references.
 */
export async function checkLesson(
  courseDir: string,
  file: string,
  lessonIds: Set<string>,
  language: string,
  report: CheckReport,
): Promise<LessonReferences> {
  const references: LessonReferences = { quizzes: [], exercises: [] };
  const absolute = path.join(courseDir, file);
  const source = fs.readFileSync(absolute, 'utf8');
  let tree: Root;
  try {
    tree = mdxParser.parse(source);
  } catch (error) {
    const message = error as { line?: number; column?: number; reason?: string; message?: string };
    const located = locateMdxMessage(message.reason ?? message.message ?? String(error), message);
    report.error(file, located.line ?? 1, located.column ?? 1, `MDX syntax: ${located.detail}`);
    // The quizzes and exercises it shows still count as used: "defined but no lesson uses it"
    // would only be a knock-on of this error.
    return referencesInText(source, file);
  }
  const frontmatterParses = checkFrontmatter(tree, file, report);
  checkReferencesHeading(tree, source, language, file, report);
  const lessonDir = path.dirname(absolute);
  const imported = importedNames(tree);

  visit(tree, (node) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      const at = startOf(element);
      const name = element.name;
      if (!name || !/^[A-Z]/.test(name)) return;
      if (!builtIn.has(name) && !imported.has(name)) {
        report.error(
          file,
          at.line,
          at.column,
          `unknown component <${name}>; Aula's components are: ${BUILT_IN_COMPONENTS.join(', ')}`,
        );
        return;
      }
      if (name === QUIZ_COMPONENT || exerciseComponents.has(name)) {
        const id = stringAttribute(element, 'id');
        if (!id) report.error(file, at.line, at.column, `<${name}> needs an id, like <${name} id="..." />`);
        else
          (name === QUIZ_COMPONENT ? references.quizzes : references.exercises).push({
            id,
            file,
            line: at.line,
            column: at.column,
          });
      }
      for (const { prop, folder } of FILE_PROPS[name] ?? []) {
        const value = stringAttribute(element, prop);
        if (value === undefined) {
          if (name !== 'Chart') report.error(file, at.line, at.column, `<${name}> needs ${prop}="..."`);
          continue;
        }
        if (value === null) continue; // an expression; checked when the lesson runs
        const found = fileInFolder(courseDir, lessonDir, value, folder);
        if (!found.ok) report.error(file, at.line, at.column, `<${name} ${prop}="${value}">: ${found.shown} does not exist`);
      }
      checkChartColumns(element, courseDir, file, report);
      if (name === 'Figure' && !stringAttribute(element, 'alt')) {
        report.warning(file, at.line, at.column, '<Figure> has no alt text; describe the image for people who cannot see it');
      }
    } else if (node.type === 'image') {
      const image = node as Image;
      const at = startOf(image);
      if (!/^[a-z]+:/i.test(image.url)) {
        const found = fileInFolder(courseDir, lessonDir, image.url, 'assets');
        if (!found.ok) report.error(file, at.line, at.column, `image ${image.url}: ${found.shown} does not exist`);
      } else if (!image.url.startsWith('data:')) {
        report.error(
          file,
          at.line,
          at.column,
          `image ${image.url}: lessons may only show images from the course's assets/ (Aula works offline)`,
        );
      }
      if (!image.alt?.trim())
        report.warning(file, at.line, at.column, `image ${image.url} has no alt text; describe it in the [brackets]`);
    } else if (node.type === 'link') {
      const link = node as Link;
      const at = startOf(link);
      if (link.url.startsWith('lesson:')) {
        const target = link.url.slice('lesson:'.length);
        if (!lessonIds.has(target))
          report.error(file, at.line, at.column, `link to lesson "${target}", which course.yaml does not list`);
      } else if (/\.mdx(#.*)?$/.test(link.url)) {
        report.error(file, at.line, at.column, `link to ${link.url}: link to another lesson as lesson:<lesson id>`);
      }
    }
  });

  if (!frontmatterParses) return references;
  try {
    await compileLesson(source, file, courseDir);
  } catch (error) {
    if (error instanceof CourseProblem)
      report.error(file, error.line ?? 1, error.column ?? 1, `does not compile: ${error.detail}`);
    else report.error(file, 1, 1, `does not compile: ${error instanceof Error ? error.message : String(error)}`);
  }
  return references;
}
