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
  const detail = leading ? (leading[3] ?? text) : text;
  // Checked after the leading position is taken off: the compiler puts a meaningless "1:1:" in
  // front of an unclosed tag's message.
  const unclosed = /^Expected a closing tag for `<([^>`]*)>` \((\d+):(\d+)(?:-\d+:\d+)?\)([\s\S]*)$/.exec(detail);
  if (unclosed) {
    const name = (unclosed[1] ?? '').split(/\s/)[0] ?? '';
    const rest = (unclosed[4] ?? '').trim();
    return {
      detail: `<${name}> is never closed${rest ? ` (${rest})` : ''}: close it with </${name}>, or write <${name} ... /> if it has no content`,
      line: Number(unclosed[2]),
      column: Number(unclosed[3]),
    };
  }
  if (leading) return { detail, line: Number(leading[1]), column: Number(leading[2]) };
  if (known?.line) return { detail, line: known.line, column: known.column ?? 1 };
  return { detail };
}
