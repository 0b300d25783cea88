import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { StagedPack } from '../contract/channels.js';
import type { Catalog } from '../courses/catalog.js';
import { inspectPack } from '../courses/pack/inspect-pack.js';
import { isTrusted } from '../courses/pack/trusted-signers.js';
import type { Db } from '../db/open-database.js';
import { ApiFailure } from './api-failure.js';
import { unsignedPacksAllowed } from './course-installation.js';

/** Where uploaded packs wait (in the data folder, so a rename into place never crosses disks). */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'tmp', 'uploads');
}

export function newUploadFile(dataDir: string): string {
  fs.mkdirSync(uploadsDir(dataDir), { recursive: true });
  return path.join(uploadsDir(dataDir), `${randomBytes(18).toString('base64url')}.aulapack`);
}

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

  async stageFile(file: string, db: Db, catalog: Catalog): Promise<StagedPack> {
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

  async stageBytes(bytes: Uint8Array, db: Db, catalog: Catalog): Promise<StagedPack> {
    const file = newUploadFile(this.dataDir);
    fs.writeFileSync(file, bytes);
    return this.stageFile(file, db, catalog);
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
