import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { installIssuerLogo } from '../../electron/certificates/issuer-identity.js';
import { LanguageSchema } from '../../electron/contract/common.js';
import { LrsEndpointSchema } from '../../electron/contract/lrs-channels.js';
import { isHttpsIriBase } from '../../electron/xapi/learning-statements.js';
import { inspectPack } from '../../electron/courses/pack/inspect-pack.js';
import { PackSignerSchema, type PackSigner } from '../../electron/courses/pack/pack-format.js';
import { keyIdOf, publicKeyFromRaw, readSigningKey } from '../../electron/crypto/signing-keys.js';

/**
 * A partner file: one YAML file that brands a package for an organisation. Paths in it are
 * relative to the file. See partners/example/partner.yaml and docs/distributing.md.
 */
export const PartnerFileSchema = z.strictObject({
  organisation: z.strictObject({
    name: z.string().trim().min(1).max(120),
    /** PNG or JPEG, at most 150 KB: it also goes on the certificates. */
    logo: z.string().min(1).optional(),
  }),
  accentColour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1f6f6b"')
    .optional(),
  windowTitle: z.string().trim().min(1).max(80).optional(),
  defaultLanguage: LanguageSchema.optional(),
  /** Course packs (.aulapack) to bundle; installed, and their signers trusted, on first start. */
  coursePacks: z.array(z.string().min(1)).default([]),
  /** Public key files (`course keygen`'s .aula-public.json) of organisations whose packs Aula trusts. */
  trustedSigners: z.array(z.string().min(1)).default([]),
  certificateIssuer: z
    .strictObject({
      name: z.string().trim().min(1).max(120),
      url: z.url({ protocol: /^https?$/ }).optional(),
      /** The organisation's signing key (`course keygen`'s .aula-key.json); without it each PC makes its own. */
      keyFile: z.string().min(1).optional(),
    })
    .optional(),
  /**
   * The partner's LRS: every installation sends its xAPI statements there (set on first start
   * where no manager set another). Use a client that may only write statements: the secret
   * travels inside every copy of the package.
   */
  lrs: z
    .strictObject({
      endpoint: LrsEndpointSchema,
      key: z.string().trim().min(1).max(500),
      secret: z.string().min(1).max(500),
      /**
       * The organisation's https base for xAPI activity ids (absolute, ending in '/'), instead of
       * `urn:aula:` (docs/reports-and-records.md).
       */
      iriBase: z
        .string()
        .trim()
        .max(500)
        .refine(isHttpsIriBase, 'must be an https:// address ending in "/", without ? or #')
        .optional(),
    })
    .optional(),
});
export type PartnerFile = z.infer<typeof PartnerFileSchema>;

/** A partner file checked in full, with absolute paths and what was read from the files it names. */
export interface Partner {
  file: string;
  settings: PartnerFile;
  logo: string | null;
  coursePacks: { file: string; courseId: string; version: string; signer: PackSigner | null }[];
  trustedSigners: PackSigner[];
  issuerKeyFile: string | null;
}

/** A partner file that cannot be used; the message names the field and says what is wrong. */
export class PartnerFileError extends Error {}

const PublicKeyFileSchema = PackSignerSchema.extend({ kind: z.literal('aula-public-key') });

function fieldName(issuePath: readonly PropertyKey[]): string {
  return issuePath.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    '',
  );
}

function readPublicKeyFile(file: string): PackSigner {
  const parsed = PublicKeyFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  publicKeyFromRaw(parsed.publicKey);
  if (keyIdOf(parsed.publicKey) !== parsed.keyId) throw new Error('its key id does not match its key');
  return { name: parsed.name, keyId: parsed.keyId, publicKey: parsed.publicKey };
}

/** Reads and checks a partner file and every file it names; throws PartnerFileError naming the field at fault. */
export async function readPartnerFile(file: string): Promise<Partner> {
  const where = path.basename(file);
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PartnerFileError(`${where}: cannot be read as YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = PartnerFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PartnerFileError(`${where}: ${issue ? `${fieldName(issue.path) || '(top)'}: ${issue.message}` : 'invalid'}`);
  }
  const settings = parsed.data;
  const dir = path.dirname(file);
  const named = (field: string, relative: string) => {
    const full = path.resolve(dir, relative);
    if (!fs.existsSync(full))
      throw new PartnerFileError(`${where}: ${field}: ${relative} does not exist (paths are relative to ${where})`);
    return full;
  };
  const refuse = (field: string, relative: string, error: unknown): never => {
    throw new PartnerFileError(`${where}: ${field}: ${relative}: ${error instanceof Error ? error.message : String(error)}`);
  };

  let logo: string | null = null;
  if (settings.organisation.logo) {
    logo = named('organisation.logo', settings.organisation.logo);
    // The same checks the certificate issuer's logo gets, in a scratch data folder.
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aula-partner-'));
    try {
      installIssuerLogo(scratch, logo);
    } catch (error) {
      refuse('organisation.logo', settings.organisation.logo, error);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }

  const coursePacks: Partner['coursePacks'] = [];
  for (const [index, relative] of settings.coursePacks.entries()) {
    const field = `coursePacks[${index}]`;
    const packFile = named(field, relative);
    try {
      const pack = await inspectPack(packFile);
      pack.close();
      coursePacks.push({
        file: packFile,
        courseId: pack.manifest.course.id,
        version: pack.manifest.course.version,
        signer: pack.signer,
      });
    } catch (error) {
      refuse(field, relative, error);
    }
  }

  const trustedSigners: PackSigner[] = [];
  for (const [index, relative] of settings.trustedSigners.entries()) {
    const field = `trustedSigners[${index}]`;
    try {
      trustedSigners.push(readPublicKeyFile(named(field, relative)));
    } catch (error) {
      if (error instanceof PartnerFileError) throw error;
      refuse(
        field,
        relative,
        new Error(`not an Aula public key (the .aula-public.json file \`npm run course -- keygen\` writes)`),
      );
    }
  }

  let issuerKeyFile: string | null = null;
  if (settings.certificateIssuer?.keyFile) {
    issuerKeyFile = named('certificateIssuer.keyFile', settings.certificateIssuer.keyFile);
    try {
      readSigningKey(issuerKeyFile);
    } catch (error) {
      refuse('certificateIssuer.keyFile', settings.certificateIssuer.keyFile, error);
    }
  }
  return { file, settings, logo, coursePacks, trustedSigners, issuerKeyFile };
}
