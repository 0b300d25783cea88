import path from 'node:path';
import type { Plugin } from 'esbuild';
import { EXERCISE_COMPONENTS, QUIZ_COMPONENT } from '../contract/lesson-components.js';
import { LESSON_RUNTIME_MODULES } from '../contract/lesson-runtime.js';
import { CourseProblem } from '../course-source/course-problem.js';
import { frontmatterProblem } from './frontmatter-problem.js';
import { locateMdxMessage, type LocatedMessage } from './mdx-message-position.js';

export interface CompiledLesson {
  /** An ES module: `export default` renders the lesson, `export { frontmatter }` carries its metadata. */
  code: string;
  frontmatter: Record<string, unknown>;
  /** Ids of the quizzes the lesson shows (`<Quiz id="..."/>`), so opening it can send them along. */
  quizIds: string[];
  /** Ids of the exercises and canvases the lesson shows: its practical work counts towards progress. */
  exerciseIds: string[];
  canvasIds: string[];
}

/**
 * Bump when the compiler's output changes for the same source (options, plugins, post-processing)
 * so cached modules from an older Aula are not reused.
 */
export const LESSON_COMPILER_REVISION = 'mdx-esm-3';

/** A course's own React components live here; lessons import them with relative paths. */
export const COURSE_COMPONENTS_DIR = 'components';

/** mdx-bundler's own plugin that turns `react` imports into reads of globals; lessons import React as modules. */
const GLOBAL_EXTERNALS_PLUGIN = 'global-externals';

/**
 * Keeps a lesson from bundling anything but its course's own components: no files elsewhere on
 * the trainer's disk, no packages from node_modules. React (and react-dom) stay imports, of the
 * frame's own modules (LESSON_RUNTIME_MODULES), so the lesson renders with the frame's one React.
 */
function onlyCourseComponents(courseDir: string): Plugin {
  const componentsDir = path.join(path.resolve(courseDir), COURSE_COMPONENTS_DIR) + path.sep;
  const runtimeModules = new Map<string, string>(Object.entries(LESSON_RUNTIME_MODULES));
  return {
    name: 'aula-only-course-components',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const runtimeModule = runtimeModules.get(args.path);
        if (runtimeModule) return { path: runtimeModule, external: true };
        if (args.kind === 'entry-point') return undefined;
        if (args.path.startsWith('.') && path.resolve(args.resolveDir, args.path).startsWith(componentsDir)) return undefined;
        return {
          errors: [
            { text: `"${args.path}" cannot be imported: a lesson may import only files in its course's components/ folder` },
          ],
        };
      });
    },
  };
}

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
}

/** Where the literal `id`s of the lesson's quizzes, exercises and canvases are written down. */
interface ActivityIds {
  quizIds: Set<string>;
  exerciseIds: Set<string>;
  canvasIds: Set<string>;
}

function activitySet(ids: ActivityIds, component: string | null | undefined): Set<string> | undefined {
  if (component === QUIZ_COMPONENT) return ids.quizIds;
  if (component === 'Canvas') return ids.canvasIds;
  return (EXERCISE_COMPONENTS as readonly (string | null | undefined)[]).includes(component) ? ids.exerciseIds : undefined;
}

/** A remark plugin that writes down the literal `id` of every quiz, exercise and canvas in the lesson. */
function collectActivityIds(into: ActivityIds) {
  const visit = (node: MdxNode) => {
    const target = activitySet(into, node.name);
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && target) {
      const id = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id');
      if (typeof id?.value === 'string') target.add(id.value);
    }
    for (const child of node.children ?? []) visit(child);
  };
  return () => (tree: MdxNode) => visit(tree);
}

/**
 * Hands over esbuild's own ES module output as it leaves the build. mdx-bundler later wraps that
 * text for `new Function` (appending `return Component`); Aula keeps the untouched module instead.
 */
function keepEsmOutput(into: { code?: string }): Plugin {
  return {
    name: 'aula-keep-esm-output',
    setup(build) {
      build.onEnd((result) => {
        const output = result.outputFiles?.[0];
        if (output) into.code = output.text;
      });
    },
  };
}

/**
 * Compiles one MDX lesson ahead of time into an ES module. Its imports of `react`,
 * `react/jsx-runtime` and `react-dom` become imports of the lesson frame's own modules of them
 * (LESSON_RUNTIME_MODULES), so lessons share the frame's React and the frame never needs `eval`.
 */
export async function compileLesson(
  source: string,
  file: string,
  courseDir: string,
  resolveFrom: string = file,
): Promise<CompiledLesson> {
  try {
    // Loaded on first use: a start whose lessons are all cached never pays for the compiler.
    const [{ bundleMDX }, { default: remarkGfm }] = await Promise.all([import('mdx-bundler'), import('remark-gfm')]);
    const ids: ActivityIds = { quizIds: new Set(), exerciseIds: new Set(), canvasIds: new Set() };
    const output: { code?: string } = {};
    const result = await bundleMDX({
      source,
      // Relative imports in a lesson resolve from its own folder, as the trainer's editor shows them;
      // a translated lesson's resolve from the main lesson's folder, as it copies its imports.
      cwd: path.resolve(courseDir, path.dirname(resolveFrom)),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, collectActivityIds(ids)];
        return options;
      },
      esbuildOptions(options) {
        options.format = 'esm';
        options.write = false;
        delete options.globalName;
        options.minify = true;
        options.target = 'es2020';
        // Errors are reported by Aula with the lesson's path; esbuild's own printout would repeat them.
        options.logLevel = 'silent';
        const bundlerPlugins = (options.plugins ?? []).filter((plugin) => plugin.name !== GLOBAL_EXTERNALS_PLUGIN);
        options.plugins = [onlyCourseComponents(courseDir), ...bundlerPlugins, keepEsmOutput(output)];
        return options;
      },
    });
    if (output.code === undefined) throw new Error('the compiler wrote no module');
    return {
      code: output.code,
      frontmatter: result.frontmatter as Record<string, unknown>,
      quizIds: [...ids.quizIds].sort(),
      exerciseIds: [...ids.exerciseIds].sort(),
      canvasIds: [...ids.canvasIds].sort(),
    };
  } catch (error) {
    // A frontmatter the compiler could not read: our own YAML reading says where, in the lesson's lines.
    const frontmatter = frontmatterProblem(source, file);
    if (frontmatter) throw frontmatter;
    const { detail, line, column } = describeCompileError(error);
    // A course problem like any other: the trainer sees the lesson file, line and column.
    throw new CourseProblem(file, detail, line, column);
  }
}

/**
 * esbuild wraps MDX errors as "Cannot process MDX file with esbuild:\n  27:1-27:22: <message>";
 * this unwraps them to the message and its 1-based line and column in the lesson file.
 */
function describeCompileError(error: unknown): LocatedMessage {
  if (error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)) {
    const first = (error.errors as { text?: string; location?: { line?: number; column?: number } | null }[])[0];
    if (first) {
      const text = (first.text ?? '').replace(/^Cannot process MDX file with esbuild:\s*/, '').trim();
      const location = first.location?.line ? { line: first.location.line, column: (first.location.column ?? 0) + 1 } : undefined;
      return locateMdxMessage(text, location);
    }
  }
  return { detail: error instanceof Error ? error.message : String(error) };
}
