/**
 * 5. Packs: packing every bundled course (cold, then again with nothing changed) and installing a
 * 50 MB pack. Course packs are being built in parallel; until they land, each figure is one
 * function below that says so. To wire one in, replace its body with the measurement: time the
 * real `pack`/`install` code on copies of the bundled courses in `context.resources.folder(...)`,
 * and return a measured row with a baseline from the same run (for packing: reading and hashing
 * the same files; for installing: copying and hashing the same 50 MB).
 */
import { SECTIONS, notMeasured, type BenchContext, type Measurement } from '../lib/context.js';
import type { BenchRow } from '../lib/report.js';

const NOT_BUILT = 'course packs are not built yet';

async function packAllBundledCoursesCold(_context: BenchContext): Promise<BenchRow[]> {
  return notMeasured(SECTIONS.packs, ['Pack all bundled courses, cold'], NOT_BUILT);
}

async function packAllBundledCoursesUnchanged(_context: BenchContext): Promise<BenchRow[]> {
  return notMeasured(SECTIONS.packs, ['Pack all bundled courses again, nothing changed'], NOT_BUILT);
}

async function installFiftyMegabytePack(_context: BenchContext): Promise<BenchRow[]> {
  return notMeasured(SECTIONS.packs, ['Install a 50 MB pack'], NOT_BUILT);
}

async function measurePacks(context: BenchContext): Promise<BenchRow[]> {
  return [
    ...(await packAllBundledCoursesCold(context)),
    ...(await packAllBundledCoursesUnchanged(context)),
    ...(await installFiftyMegabytePack(context)),
  ];
}

export const packsMeasurement: Measurement = { id: 'packs', section: SECTIONS.packs, run: measurePacks };
