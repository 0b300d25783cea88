import fs from 'node:fs';
import path from 'node:path';

/**
 * Copies the lessons compiled when the package was built into the data folder's lesson cache,
 * where the core looks them up by content hash. The package ships no lesson compiler (esbuild is
 * a native binary for one system), so the bundled courses must find every lesson there.
 * Returns how many files were copied; files already present are left alone.
 */
export function seedLessonCache(precompiledDir: string, cacheDir: string): number {
  if (!fs.existsSync(precompiledDir)) return 0;
  fs.mkdirSync(cacheDir, { recursive: true });
  let copied = 0;
  for (const name of fs.readdirSync(precompiledDir)) {
    const target = path.join(cacheDir, name);
    if (fs.existsSync(target)) continue;
    const temp = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(path.join(precompiledDir, name), temp);
    fs.renameSync(temp, target);
    copied += 1;
  }
  return copied;
}
