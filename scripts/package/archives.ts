import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

/** Packs `folder` (as its own top folder) into a .tar.gz, with neutral owners and the files' modes. */
export function writeTarGz(folder: string, archive: string): void {
  execFileSync('tar', [
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '-czf',
    archive,
    '-C',
    path.dirname(folder),
    path.basename(folder),
  ]);
}

function listFiles(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
    })
    .sort();
}

/** Packs `folder` (as its own top folder) into a .zip, keeping the executable bit for Unix launchers. */
export async function writeZip(folder: string, archive: string, extraFiles: Record<string, string> = {}): Promise<void> {
  const zip = new yazl.ZipFile();
  const top = path.basename(folder);
  for (const [name, text] of Object.entries(extraFiles)) zip.addBuffer(Buffer.from(text), `${top}/${name}`);
  for (const file of listFiles(folder)) {
    const full = path.join(folder, file);
    const mode = fs.statSync(full).mode & 0o777;
    zip.addFile(full, `${top}/${file.split(path.sep).join('/')}`, { mode: 0o100000 | mode });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(archive);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.on('error', reject);
    zip.outputStream.pipe(out);
  });
}
