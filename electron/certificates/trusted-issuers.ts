/**
 * Issuers this installation recognises besides itself: partner organisations whose certificates a
 * trainer or employer checks here. Kept in the data folder, like the trusted course-pack signers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const TRUSTED_ISSUERS_FILE = 'trusted-issuers.json';

const TrustedIssuersSchema = z.array(
  z.object({ id: z.string().startsWith('did:key:'), name: z.string().min(1), trustedAt: z.string() }),
);
export type TrustedIssuer = z.infer<typeof TrustedIssuersSchema>[number];

export function readTrustedIssuers(dataDir: string): TrustedIssuer[] {
  const file = path.join(dataDir, TRUSTED_ISSUERS_FILE);
  if (!fs.existsSync(file)) return [];
  try {
    const parsed = TrustedIssuersSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    // A damaged list trusts nobody rather than anybody.
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function trustIssuer(dataDir: string, issuer: { id: string; name: string }, now = new Date()): boolean {
  const issuers = readTrustedIssuers(dataDir);
  if (issuers.some((known) => known.id === issuer.id)) return false;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, TRUSTED_ISSUERS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify([...issuers, { ...issuer, trustedAt: now.toISOString() }], null, 2)}\n`);
  fs.renameSync(temp, file);
  return true;
}
