import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PackSignerSchema, type PackSigner } from './pack-format.js';

/** The signers an installation trusts, kept in its data folder. */
export const TRUSTED_SIGNERS_FILE = 'trusted-signers.json';

const TrustedSignersSchema = z.array(PackSignerSchema.extend({ trustedAt: z.string() }));
export type TrustedSigner = z.infer<typeof TrustedSignersSchema>[number];

export function readTrustedSigners(dataDir: string): TrustedSigner[] {
  const file = path.join(dataDir, TRUSTED_SIGNERS_FILE);
  if (!fs.existsSync(file)) return [];
  const parsed = TrustedSignersSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  // A damaged list trusts nobody rather than anybody; packs then ask again.
  return parsed.success ? parsed.data : [];
}

export function isTrusted(dataDir: string, signer: PackSigner): boolean {
  return readTrustedSigners(dataDir).some((known) => known.keyId === signer.keyId && known.publicKey === signer.publicKey);
}

export function trustSigner(dataDir: string, signer: PackSigner, now = new Date()): void {
  if (isTrusted(dataDir, signer)) return;
  const signers = [...readTrustedSigners(dataDir), { ...signer, trustedAt: now.toISOString() }];
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, TRUSTED_SIGNERS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(signers, null, 2)}\n`);
  fs.renameSync(temp, file);
}
