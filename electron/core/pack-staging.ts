import fs from 'node:fs';
import path from 'node:path';
import type { StagedPack } from '../contract/channels.js';
import type { Catalog } from '../courses/catalog.js';
import { inspectPack } from '../courses/pack/inspect-pack.js';
import { isTrusted } from '../courses/pack/trusted-signers.js';
import type { Db } from '../db/open-database.js';
import { ApiFailure } from './api-failure.js';
import { unsignedPacksAllowed } from './course-installation.js';
import { newUploadFile, uploadsDir } from './received-files.js';

/**
 * Packs a person has chosen but not yet confirmed: each is checked once on arrival (so refusals
 * come at once, before any question about trust), then waits under a token until installed or
 * discarded. Leftovers from an earlier run are removed at start.
 */
export class PackStaging {
  private readonly staged = new Map<string, string>();

  constructor(private readonly dataDir: string) {
    fs.rmSync(uploadsDir(dataDir), { recursive: true, force: true });
  }

  /**
   * Checks an uploaded pack and keeps it. `received` belongs to the upload until this returns, so
   * the pack is first moved to a name of its own (in the same folder: a rename, not a copy).
   */
  async stageFile(received: string, db: Db, catalog: Catalog): Promise<StagedPack> {
    const file = newUploadFile(this.dataDir, '.aulapack');
    fs.renameSync(received, file);
    let pack;
    try {
      pack = await inspectPack(file);
    } catch (error) {
      // A refused (or unreadable) upload is not kept; the refusal itself reaches the person as it is.
      fs.rmSync(file, { force: true });
      throw error;
    }
    pack.close();
    const token = path.basename(file, '.aulapack');
    this.staged.set(token, file);
    const course = pack.manifest.course;
    return {
      token,
      course,
      signer: pack.signer ? { name: pack.signer.name, keyId: pack.signer.keyId } : null,
      trusted: pack.signer ? isTrusted(this.dataDir, pack.signer) : false,
      unsignedAllowed: unsignedPacksAllowed(db),
      installedVersion: catalog.courses.get(course.id)?.manifest.version ?? null,
    };
  }

  take(token: string): string {
    const file = this.staged.get(token);
    if (!file) {
      throw new ApiFailure('not-found', 'This pack is no longer waiting to be installed; choose the file again.', {
        reason: 'pack.no-longer-staged',
      });
    }
    this.staged.delete(token);
    return file;
  }

  discard(token: string): void {
    const file = this.staged.get(token);
    this.staged.delete(token);
    if (file) fs.rmSync(file, { force: true });
  }
}
export { uploadsDir } from './received-files.js';
