/**
 * A learner's canvases (the social business model canvas of a lesson): every save is a new
 * revision, the latest is what they see and print. A canvas never saved reads as empty.
 */
import type { CanvasContent, CanvasPdfLabels, SavedCanvas } from '../contract/channels.js';
import { readLatestCanvas, saveCanvasRevision, type CanvasRef } from '../db/canvases.js';
import type { Db } from '../db/open-database.js';
import { DomainRefusal } from '../domain/domain-refusal.js';

/** Stored JSON as canvas content: anything but an object (a damaged or foreign row) reads as empty. */
function parseCanvas(json: string): CanvasContent {
  const parsed = JSON.parse(json) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as CanvasContent) : {};
}

export function viewCanvas(db: Db, ref: CanvasRef): SavedCanvas {
  const stored = readLatestCanvas(db, ref);
  return { canvasId: ref.canvasId, content: stored ? parseCanvas(stored.contentJson) : {}, savedAt: stored?.savedAt ?? null };
}

/** Saves the canvas as a new revision, on disk when this returns. */
export function saveCanvas(db: Db, ref: CanvasRef, content: CanvasContent): SavedCanvas & { savedAt: string } {
  const stored = saveCanvasRevision(db, ref, JSON.stringify(content));
  return { canvasId: ref.canvasId, content, savedAt: stored.savedAt };
}

/** The latest saved canvas as a PDF with the learner's words; refused while nothing is saved. */
export async function canvasPdf(db: Db, ref: CanvasRef, labels: CanvasPdfLabels): Promise<{ fileName: string; base64: string }> {
  const stored = readLatestCanvas(db, ref);
  if (!stored) {
    throw new DomainRefusal('not-found', 'Save your canvas first: there is nothing saved to put in a PDF yet.', {
      reason: 'canvas.nothing-saved',
    });
  }
  // pdfkit loads on first use, keeping it out of Aula's start.
  const { renderCanvasPdf } = await import('../pdf/canvas-pdf.js');
  const pdf = await renderCanvasPdf(parseCanvas(stored.contentJson), labels, labels.language);
  return { fileName: `${ref.canvasId}.pdf`, base64: pdf.toString('base64') };
}
