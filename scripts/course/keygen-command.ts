import fs from 'node:fs';
import path from 'node:path';
import { generateSigningKey } from '../../electron/crypto/signing-keys.js';
import { parseCommandArgs, shownPath, UsageError, userPath, type Command } from './cli-helpers.js';

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'course'
  );
}

export const keygenCommand: Command = {
  name: 'keygen',
  summary: "create an organisation's signing key pair",
  help: `Usage: npm run course -- keygen "<organisation name>" [-o <folder>]

Creates an Ed25519 key pair for signing course packs:
  <name>.aula-key.json      the PRIVATE key: keep it safe, never share it, back it up.
  <name>.aula-public.json   the public key, with its key id, for anyone who installs your packs.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
    const [name] = positionals;
    if (!name || positionals.length > 1) throw new UsageError('give the organisation name (in quotes if it has spaces)');
    const folder = userPath(typeof values.output === 'string' ? values.output : '.');
    fs.mkdirSync(folder, { recursive: true });
    const base = path.join(folder, slugify(name));
    const privatePath = `${base}.aula-key.json`;
    const publicPath = `${base}.aula-public.json`;
    if (fs.existsSync(privatePath)) {
      console.error(`${privatePath} already exists; it is not overwritten (move it away first if you really want a new key).`);
      return 1;
    }
    const key = generateSigningKey(name);
    fs.writeFileSync(privatePath, key.privateFile, { mode: 0o600 });
    fs.writeFileSync(publicPath, key.publicFile);
    console.log(`Signing key for "${name}" created (key id ${key.signer.keyId}).`);
    console.log(`  private key: ${privatePath}  (keep it safe; anyone with it can sign packs in your name)`);
    console.log(`  public key:  ${publicPath}`);
    console.log(`Sign a pack with: npm run course -- pack <course folder> --key ${shownPath(privatePath)}`);
    return 0;
  },
};
