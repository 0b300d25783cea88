import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANVAS_FIELDS, type CanvasPdfLabels } from '../../../electron/contract/channels.js';
import { renderCanvasPdf } from '../../../electron/pdf/canvas-pdf.js';
import { pdfFontFiles } from '../../../electron/pdf/pdf-fonts.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// Text is read back with pdftotext (poppler-utils), as a person's PDF reader would show it.
const labels: CanvasPdfLabels = {
  language: 'en',
  title: 'Social business model canvas',
  subtitle: 'Ana Ferrer · 1 March 2026',
  fields: Object.fromEntries(CANVAS_FIELDS.map((field) => [field, `Block ${field}`])) as CanvasPdfLabels['fields'],
  valueProposition: 'Value proposition',
  fullTextHeading: 'Every block in full',
  empty: '(empty)',
  continued: 'continues on page 2',
};

describe('the canvas PDF', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const textOf = async (pdf: Buffer, page?: number) => {
    const file = path.join(temp.dir, 'canvas.pdf');
    fs.writeFileSync(file, pdf);
    const pages = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', [...pages, file, '-']).toString();
  };
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('prints every block with its title, in a font that has every European Latin letter', async () => {
    const letters =
      'Catalan l·l à ç; Latvian ā č ē ģ ķ ļ ņ š ū ž; Lithuanian ą ę ė į ų; Polish ł ś ź ż ń; Swedish å ä ö; Hungarian ő ű; Maltese ħ ġ; € ß æ ø';
    const pdf = await renderCanvasPdf({ 'key-resources': letters, surplus: 'Reinvested in training' }, labels, 'ca');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Social business model canvas');
    expect(text).toContain('Ana Ferrer · 1 March 2026');
    for (const field of CANVAS_FIELDS) expect(text).toContain(`Block ${field}`);
    expect(text.replace(/\s+/g, ' ')).toContain(letters);
    expect(text).toContain('Reinvested in training');
    expect(text).toContain('(empty)');
    // The font is embedded (a subset), so the PDF shows the same letters on any PC.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('never loses text: a block too long for the canvas page continues in full on the next page', async () => {
    const long = Array.from({ length: 400 }, (_, index) => `word${index}`).join(' ');
    const pdf = await renderCanvasPdf({ segments: long }, labels, 'en');
    const canvasPage = await textOf(pdf, 1);
    expect(canvasPage).toContain('continues on page 2');
    expect(canvasPage).not.toContain('word399');
    const fullText = await textOf(pdf, 2);
    expect(fullText).toContain('Every block in full');
    expect(fullText.replace(/\s+/g, ' ')).toContain('word0 word1');
    expect(await textOf(pdf)).toContain('word399');
  });

  it('uses font files that ship with Aula', () => {
    const files = pdfFontFiles();
    expect(fs.statSync(files.regular).size).toBeGreaterThan(100_000);
    expect(fs.statSync(files.bold).size).toBeGreaterThan(100_000);
  });
});
