import type { Emphasis, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { CheckReport } from './check-report.js';
import { referencesSection } from './check-references-heading.js';

/**
 * A translation's References keep a source's own title when the source has no edition in the
 * translation's language (docs/course-format.md "Translations"): an English report stays
 * "*Guidelines 05/2020 on consent*". Such a title must say its language, as
 * `<span lang="en">*Guidelines 05/2020 on consent*</span>`, so that screen readers read it with
 * an English voice and the lesson marks it "(in English)" in the reader's language.
 */

const plainText = (node: { value?: unknown; children?: unknown[] }): string =>
  typeof node.value === 'string'
    ? node.value
    : (node.children ?? []).map((child) => plainText(child as { value?: unknown; children?: unknown[] })).join('');

const sameWords = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

function langOf(element: MdxJsxTextElement): string | undefined {
  const attribute = element.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'lang');
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** Each title (emphasised text) of a References section, with the language an element around it gives it. */
function eachTitle(
  nodes: readonly RootContent[],
  visit: (title: Emphasis, lang: string | undefined) => void,
  lang?: string,
): void {
  for (const node of nodes) {
    if (node.type === 'emphasis') visit(node, lang);
    else if ('children' in node) {
      eachTitle(node.children as RootContent[], visit, (node.type === 'mdxJsxTextElement' && langOf(node)) || lang);
    }
  }
}

/** Warns at each title a translation's References keep from the main lesson without saying its language. */
export function checkReferenceTitles(
  tree: Root,
  mainTree: Root,
  language: string,
  mainLanguage: string,
  file: string,
  report: CheckReport,
): void {
  // A title's language: the one the main lesson gives it (`<span lang="it">`), else the main language.
  const mainTitles = new Map<string, string>();
  eachTitle(referencesSection(mainTree, mainLanguage), (title, lang) =>
    mainTitles.set(sameWords(plainText(title)), lang ?? mainLanguage),
  );
  if (mainTitles.size === 0) return;
  eachTitle(referencesSection(tree, language), (node, lang) => {
    const title = sameWords(plainText(node));
    const titleLanguage = mainTitles.get(title);
    // Translated, marked, or already in this language: nothing to say.
    if (titleLanguage === undefined || lang !== undefined || titleLanguage === language) return;
    const at = node.position?.start ?? { line: 1, column: 1 };
    report.warning(
      file,
      at.line,
      at.column,
      `the reference title "${title}" is the main lesson's: if the source has an edition in this language, cite ` +
        `that; if not, keep the title and say its language: <span lang="${titleLanguage}">*${title}*</span>`,
    );
  });
}
