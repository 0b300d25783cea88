import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';

export interface CompiledLesson {
  /** An ES module: `export default` renders the lesson, `export { frontmatter }` carries its metadata. */
  code: string;
  frontmatter: Record<string, unknown>;
}

/**
 * Bump when the compiler's output changes for the same source (options, plugins, post-processing)
 * so cached modules from an older Aula are not reused.
 */
export const LESSON_COMPILER_REVISION = 'mdx-esm-1';

// mdx-bundler writes its output for `new Function` evaluation and appends this trailer; as an
// ES module it would be a syntax error, so it is cut off.
const FUNCTION_TRAILER = /;return Component;\s*$/;

export class LessonCompileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'LessonCompileError';
  }
}

/**
 * Compiles one MDX lesson ahead of time into an ES module. Its imports of `react` and
 * `react/jsx-runtime` become reads of the globals `React` and `_jsx_runtime`, which the renderer
 * sets to its own React before importing the module, so lessons share the app's React and the
 * renderer never needs `eval`.
 */
export async function compileLesson(source: string, file: string, cwd: string): Promise<CompiledLesson> {
  try {
    const result = await bundleMDX({
      source,
      cwd,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        return options;
      },
      esbuildOptions(options) {
        options.format = 'esm';
        delete options.globalName;
        options.minify = true;
        options.target = 'es2020';
        // Errors are reported by Aula with the lesson's path; esbuild's own printout would repeat them.
        options.logLevel = 'silent';
        return options;
      },
    });
    const code = result.code.replace(FUNCTION_TRAILER, '\n');
    if (code === result.code) throw new Error('unexpected compiler output (no function trailer to remove)');
    return { code, frontmatter: result.frontmatter as Record<string, unknown> };
  } catch (error) {
    throw new LessonCompileError(file, describeCompileError(error));
  }
}

function describeCompileError(error: unknown): string {
  if (error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)) {
    const messages = (error.errors as { text?: string; location?: { line?: number; column?: number } | null }[]).map((e) =>
      e.location ? `${e.location.line ?? '?'}:${e.location.column ?? '?'} ${e.text ?? ''}` : (e.text ?? ''),
    );
    if (messages.length > 0) return messages.join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
