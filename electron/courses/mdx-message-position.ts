/** A compiler message split into what went wrong and where, 1-based, in the lesson file. */
export interface LocatedMessage {
  detail: string;
  line?: number;
  column?: number;
}

/**
 * MDX messages carry their position in one of two places: in front ("27:1-27:48: Unexpected …")
 * or, for a tag that is never closed, only at the end in parentheses ("Expected a closing tag for
 * `<Callout>` (27:1-27:48)"). Both are taken out of the text and returned as the position, so
 * the trainer's `file:line:col` points at the real place instead of the top of the file.
 */
export function locateMdxMessage(text: string, known?: { line?: number; column?: number }): LocatedMessage {
  const leading = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*)$/.exec(text);
  if (leading) return { detail: leading[3] ?? text, line: Number(leading[1]), column: Number(leading[2]) };
  const unclosed = /^Expected a closing tag for `<([^>`]*)>` \((\d+):(\d+)(?:-\d+:\d+)?\)([\s\S]*)$/.exec(text);
  if (unclosed) {
    const name = (unclosed[1] ?? '').split(/\s/)[0] ?? '';
    return {
      detail: `<${name}> is never closed: close it with </${name}>, or write <${name} ... /> if it has no content${unclosed[4] ?? ''}`,
      line: Number(unclosed[2]),
      column: Number(unclosed[3]),
    };
  }
  if (known?.line) return { detail: text, line: known.line, column: known.column ?? 1 };
  return { detail: text };
}
