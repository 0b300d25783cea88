/**
 * Files sent to a channel that takes one (UploadSpec in the contract), as both shells receive
 * them: piece by piece into a file in the data folder, never whole in memory, and refused the
 * moment they grow past the channel's limit, with nothing left behind.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What a channel's handler gets for its file. The file is the handler's only while it runs: the
 * shell that received it removes it afterwards, so a handler that keeps it moves it first.
 */
export interface ReceivedFile {
  path: string;
  size: number;
}

/** Where uploads arrive and staged packs wait: in the data folder, so a rename never crosses disks. */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'tmp', 'uploads');
}

/** A fresh path in the uploads folder (created if needed); `extension` includes its dot. */
export function newUploadFile(dataDir: string, extension = '.upload'): string {
  fs.mkdirSync(uploadsDir(dataDir), { recursive: true });
  return path.join(uploadsDir(dataDir), `${randomBytes(18).toString('base64url')}${extension}`);
}

/** A file being received. Every way it ends (finished, too large, failed, abandoned) is explicit. */
export class IncomingFile {
  private written = 0;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly handle: fs.promises.FileHandle,
    private readonly maxBytes: number,
  ) {}

  /** Creates the file at `file`; a write error later (a full disk) is thrown from `append`. */
  static async open(file: string, maxBytes: number): Promise<IncomingFile> {
    return new IncomingFile(file, await fs.promises.open(file, 'w'), maxBytes);
  }

  get size(): number {
    return this.written;
  }

  /**
   * Writes the next piece. False when the file would grow past its limit: it is then already
   * closed and removed, and the caller refuses the upload. A write error removes it and throws.
   */
  async append(chunk: Uint8Array): Promise<boolean> {
    if (this.closed) throw new Error('This upload has already ended.');
    if (this.written + chunk.byteLength > this.maxBytes) {
      await this.discard();
      return false;
    }
    try {
      // A short write is possible on any file handle: keep writing until the whole piece is down.
      let offset = 0;
      while (offset < chunk.byteLength) {
        const { bytesWritten } = await this.handle.write(chunk, offset, chunk.byteLength - offset);
        offset += bytesWritten;
      }
    } catch (error) {
      await this.discard();
      throw error;
    }
    this.written += chunk.byteLength;
    return true;
  }

  /** Closes the file once every piece is written; the handler then reads it at its path. */
  async finish(): Promise<ReceivedFile> {
    if (this.closed) throw new Error('This upload has already ended.');
    this.closed = true;
    try {
      await this.handle.close();
    } catch (error) {
      await fs.promises.rm(this.path, { force: true });
      throw error;
    }
    return { path: this.path, size: this.written };
  }

  /** Gives up on the file (too large, a failed write, the sender went away) and removes it. */
  async discard(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => {});
    }
    await fs.promises.rm(this.path, { force: true });
  }
}
