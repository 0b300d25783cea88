import type { Heading, Root } from 'mdast';
import type { CheckReport } from './check-report.js';

/**
 * "References" in each language a course may be written in (course.yaml `language:`). A lesson
 * ends with a `## References` section under one of these names; English is accepted in every
 * course, since trainers often keep the English heading from the docs.
 */
export const REFERENCES_HEADINGS: Record<string, readonly string[]> = {
  en: ['References'],
  ca: ['Referències'],
  es: ['Referencias'],
  it: ['Riferimenti'],
  fr: ['Références'],
  nl: ['Referenties', 'Bronnen'],
  lv: ['Atsauces'],
  lt: ['Šaltiniai'],
  sv: ['Referenser', 'Källor'],
};

function acceptedHeadings(language: string): string[] {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return [...new Set([...(REFERENCES_HEADINGS[base] ?? []), ...(REFERENCES_HEADINGS.en ?? [])])];
}

/** The plain text of a heading (its text and inline code, without emphasis marks). */
function headingText(node: { value?: unknown; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => headingText(child as { value?: unknown; children?: unknown[] })).join('');
}

const normalise = (text: string) =>
  text
    .normalize('NFC')
    .trim()
    .replace(/[\s:.]+$/, '')
    .toLocaleLowerCase();

/** The nodes of a lesson's References section (after its heading), or none when it has none. */
export function referencesSection(tree: Root, language: string): Root['children'] {
  const wanted = new Set(acceptedHeadings(language).map(normalise));
  const start = tree.children.findLastIndex(
    (node) => node.type === 'heading' && node.depth === 2 && wanted.has(normalise(headingText(node))),
  );
  if (start < 0) return [];
  const end = tree.children.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= 2);
  return tree.children.slice(start + 1, end < 0 ? undefined : end);
}

/**
 * Warns when a lesson does not end with a `## References` section (docs/course-format.md): at
 * the last line when it has none, or at the heading when another section comes after it.
 */
export function checkReferencesHeading(tree: Root, source: string, language: string, file: string, report: CheckReport): void {
  const accepted = acceptedHeadings(language);
  const wanted = new Set(accepted.map(normalise));
  const sections = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2);
  const references = sections.filter((heading) => wanted.has(normalise(headingText(heading))));
  const shown = accepted.map((name) => `"## ${name}"`).join(' or ');
  const last = sections.at(-1);
  if (references.length === 0) {
    const lines = source.replace(/\s+$/, '').split(/\r?\n/).length;
    report.warning(file, lines, 1, `the lesson has no references section: end it with ${shown} listing your sources`);
  } else if (last && !references.includes(last)) {
    const at = references.at(-1)?.position?.start ?? { line: 1, column: 1 };
    report.warning(
      file,
      at.line,
      at.column,
      `the references section should be the lesson's last section, but "## ${headingText(last)}" comes after it`,
    );
  }
}
