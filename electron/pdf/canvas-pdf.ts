import { CANVAS_FIELDS, type CanvasContent, type CanvasField, type CanvasPdfLabels } from '../contract/channels.js';
import { makePdf, type PdfDocument } from './make-pdf.js';
import { PDF_FONT } from './pdf-fonts.js';

// Colours from renderer/src/styles/tokens.css (light theme): text, muted text, borders, accent.
const COLOR = { text: '#1f2328', muted: '#545b64', border: '#d5d1c8', accent: '#1d5c63' } as const;

const PAGE = { width: 841.89, height: 595.28, margin: 28 } as const;
const TITLE_SIZE = 16;
const LABEL_SIZE = 8.5;
const TEXT_SIZES = [8, 7.5, 7, 6.5, 6] as const;
const MIN_TEXT_SIZE = 6;
const EMPTY_TEXT_SIZE = 8;
const PADDING = 5;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  /** One field, or the value proposition's three parts stacked in one block. */
  fields: CanvasField[];
  title: string;
}

/** Where each block sits on the landscape page, in the usual business-model-canvas arrangement. */
function layout(labels: CanvasPdfLabels, top: number): Box[] {
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const height = PAGE.height - PAGE.margin - top;
  const column = width / 5;
  const upper = height * 0.64;
  const lower = height - upper;
  const half = upper / 2;
  const box = (x: number, y: number, w: number, h: number, fields: CanvasField[], title?: string): Box => ({
    x,
    y,
    width: w,
    height: h,
    fields,
    title: title ?? labels.fields[fields[0] as CanvasField],
  });
  return [
    box(left, top, column, upper, ['partners-stakeholders']),
    box(left + column, top, column, half, ['key-activities']),
    box(left + column, top + half, column, half, ['key-resources']),
    box(left + 2 * column, top, column, upper, ['social-value', 'impact-measures', 'customer-value'], labels.valueProposition),
    box(left + 3 * column, top, column, half, ['type-of-intervention']),
    box(left + 3 * column, top + half, column, half, ['channels']),
    box(left + 4 * column, top, column, upper, ['segments']),
    box(left, top + upper, width * 0.4, lower, ['cost-structure']),
    box(left + width * 0.4, top + upper, width * 0.2, lower, ['surplus']),
    box(left + width * 0.6, top + upper, width * 0.4, lower, ['revenue']),
  ];
}

function textOf(content: CanvasContent, field: CanvasField): string {
  return (content[field] ?? '').trim();
}

/** The block's text as it fits: the largest size that fits, else cut at a word with a note. */
function fitText(
  doc: PdfDocument,
  text: string,
  width: number,
  height: number,
  continued: string,
): { text: string; size: number } {
  for (const size of TEXT_SIZES) {
    doc.font(PDF_FONT.regular).fontSize(size);
    if (doc.heightOfString(text, { width }) <= height) return { text, size };
  }
  const size = MIN_TEXT_SIZE;
  doc.font(PDF_FONT.regular).fontSize(size);
  const words = text.split(/(\s+)/);
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = `${words.slice(0, middle).join('').trimEnd()} … (${continued})`;
    if (doc.heightOfString(candidate, { width }) <= height) low = middle;
    else high = middle - 1;
  }
  return { text: `${words.slice(0, low).join('').trimEnd()} … (${continued})`, size };
}

function drawBox(doc: PdfDocument, box: Box, content: CanvasContent, labels: CanvasPdfLabels): void {
  doc.lineWidth(0.8).strokeColor(COLOR.border).rect(box.x, box.y, box.width, box.height).stroke();
  const innerWidth = box.width - 2 * PADDING;
  let y = box.y + PADDING;
  doc.font(PDF_FONT.bold).fontSize(LABEL_SIZE).fillColor(COLOR.accent);
  doc.text(box.title, box.x + PADDING, y, { width: innerWidth });
  y += doc.heightOfString(box.title, { width: innerWidth }) + 2;
  const parts = box.fields.length;
  const available = box.y + box.height - PADDING - y;
  const share = available / parts;
  box.fields.forEach((field, index) => {
    let partTop = y + index * share;
    let partHeight = share;
    if (parts > 1) {
      const heading = labels.fields[field];
      doc
        .font(PDF_FONT.bold)
        .fontSize(LABEL_SIZE - 1)
        .fillColor(COLOR.muted);
      doc.text(heading, box.x + PADDING, partTop, { width: innerWidth });
      const used = doc.heightOfString(heading, { width: innerWidth }) + 1;
      partTop += used;
      partHeight -= used;
    }
    const text = textOf(content, field);
    if (!text) {
      doc.font(PDF_FONT.regular).fontSize(EMPTY_TEXT_SIZE).fillColor(COLOR.muted);
      doc.text(labels.empty, box.x + PADDING, partTop, { width: innerWidth });
      return;
    }
    const fitted = fitText(doc, text, innerWidth, partHeight - 2, labels.continued);
    doc.font(PDF_FONT.regular).fontSize(fitted.size).fillColor(COLOR.text);
    doc.text(fitted.text, box.x + PADDING, partTop, { width: innerWidth, height: partHeight, lineGap: 0 });
  });
}

/** Every block in full, after the canvas page, so nothing the learner wrote is ever cut off. */
function drawFullText(doc: PdfDocument, content: CanvasContent, labels: CanvasPdfLabels): void {
  doc.addPage({ size: 'A4', layout: 'portrait', margin: 50 });
  doc.font(PDF_FONT.bold).fontSize(TITLE_SIZE).fillColor(COLOR.text).text(labels.fullTextHeading);
  doc.moveDown(0.5);
  for (const field of CANVAS_FIELDS) {
    doc.font(PDF_FONT.bold).fontSize(11).fillColor(COLOR.accent).text(labels.fields[field]);
    const text = textOf(content, field);
    doc
      .font(PDF_FONT.regular)
      .fontSize(10)
      .fillColor(text ? COLOR.text : COLOR.muted)
      .text(text || labels.empty);
    doc.moveDown(0.6);
  }
}

/** The learner's social business model canvas as a PDF: the canvas on one page, then every block in full. */
export function renderCanvasPdf(content: CanvasContent, labels: CanvasPdfLabels, language: string): Promise<Buffer> {
  return makePdf({ title: labels.title, language, layout: 'landscape', margin: PAGE.margin }, (doc) => {
    doc.font(PDF_FONT.bold).fontSize(TITLE_SIZE).fillColor(COLOR.text);
    doc.text(labels.title, PAGE.margin, PAGE.margin, { width: PAGE.width - 2 * PAGE.margin });
    let top = doc.y + 2;
    if (labels.subtitle) {
      doc.font(PDF_FONT.regular).fontSize(9).fillColor(COLOR.muted);
      doc.text(labels.subtitle, PAGE.margin, top, { width: PAGE.width - 2 * PAGE.margin });
      top = doc.y + 6;
    }
    for (const box of layout(labels, top)) drawBox(doc, box, content, labels);
    drawFullText(doc, content, labels);
  });
}
