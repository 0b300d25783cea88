/**
 * A lesson marks text in another language than its own with `lang` (a reference's title kept as
 * published: `<span lang="en">*Guidelines 05/2020 on consent*</span>`, docs/course-format.md).
 * Screen readers then switch voice; sighted readers see the language named after it in the
 * lesson's language ("(anglès)", "(inglés)", "(engelska)"), from `Intl.DisplayNames`, through a
 * CSS `::after` that reads `data-source-language`. Only `span` carries the mark: a component's
 * own `lang` (the page's chrome) is left alone.
 */
export function markSourceLanguages(content: Element, lessonLanguage: string): void {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([lessonLanguage], { type: 'language' });
  } catch {
    return; // not a language code Intl knows: no names to show
  }
  const base = (code: string) => code.toLowerCase().split('-')[0];
  for (const span of content.querySelectorAll<HTMLElement>('span[lang]')) {
    const language = span.lang;
    if (!language || base(language) === base(lessonLanguage)) continue;
    let name: string | undefined;
    try {
      name = names.of(language);
    } catch {
      name = undefined;
    }
    if (name && name !== language) span.dataset.sourceLanguage = name;
  }
}
