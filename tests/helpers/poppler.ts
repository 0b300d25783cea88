import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dir.js';

/** Text of a PDF as Debian's pdftotext (poppler-utils) extracts it: what a person sees on the page. */
export function popplerText(pdf: Buffer): string {
  const temp = makeTempDir();
  try {
    const file = path.join(temp.dir, 'document.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    temp.remove();
  }
}
