import { sql, SQLite } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { minimalSetup } from 'codemirror';

// Syntax colours from the design tokens, so the editor follows the light, dark and high-contrast themes.
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--color-accent)', fontWeight: '700' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--color-correct)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--color-incorrect)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--color-muted)', fontStyle: 'italic' },
]);

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text)',
    border: '1px solid var(--color-border)',
    borderRadius: 'var(--radius)',
  },
  '&.cm-focused': { outline: '3px solid var(--color-focus)', outlineOffset: '2px' },
  '.cm-content': {
    fontFamily: 'ui-monospace, "Cascadia Mono", Consolas, monospace',
    fontSize: '1rem',
    minHeight: '6rem',
    caretColor: 'var(--color-text)',
  },
  '.cm-gutters': { backgroundColor: 'var(--color-bg)', color: 'var(--color-muted)', border: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--color-text)' },
});

export interface SqlEditorOptions {
  host: HTMLElement;
  doc: string;
  label: string;
  placeholderText: string;
  schema: Record<string, string[]>;
  onRun: () => void;
  onChange: (text: string) => void;
}

/**
 * A CodeMirror 6 editor for SQL. Tab is left to move focus out of the editor (keyboard users are
 * never trapped); Ctrl+Enter runs the query.
 *
 * The editor lives in a shadow root: there CodeMirror puts its styles in constructed style
 * sheets, which the Content-Security-Policy allows, instead of a <style> element, which it
 * refuses (style-src 'self'). Design tokens, being inherited custom properties, still apply.
 */
export function createSqlEditor(options: SqlEditorOptions): EditorView {
  const root = options.host.shadowRoot ?? options.host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  root.replaceChildren(parent);
  return new EditorView({
    root,
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        minimalSetup,
        lineNumbers(),
        EditorView.lineWrapping,
        sql({ dialect: SQLite, schema: options.schema, upperCaseKeywords: true }),
        syntaxHighlighting(highlight),
        theme,
        placeholder(options.placeholderText),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.onRun();
                return true;
              },
            },
          ]),
        ),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}
