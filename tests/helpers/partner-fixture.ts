import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildPack } from '../../electron/courses/pack/build-pack.js';
import { generateSigningKey, readSigningKey } from '../../electron/crypto/signing-keys.js';
import { writeFixtureCourse } from './fixture-course.js';

/**
 * A complete partner folder in `dir`: a logo, a signing key (also the certificate issuer's), its
 * public key, a signed course pack, and partner.yaml naming them. `overrides` replace fields of
 * the YAML, to make it wrong in one place.
 */
export async function writePartnerFolder(dir: string, overrides: Record<string, unknown> = {}): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const key = generateSigningKey('Cooperativa di Prova');
  fs.writeFileSync(path.join(dir, 'partner.aula-key.json'), key.privateFile);
  fs.writeFileSync(path.join(dir, 'partner.aula-public.json'), key.publicFile);
  fs.copyFileSync(path.resolve(import.meta.dirname, '..', '..', 'partners', 'example', 'logo.png'), path.join(dir, 'logo.png'));
  const courseDir = writeFixtureCourse(path.join(dir, 'source'), {
    id: 'partner-course',
    lessons: ['welcome'],
    quizzes: [],
  });
  const { bytes } = await buildPack(courseDir, {
    key: readSigningKey(path.join(dir, 'partner.aula-key.json')),
    cacheDir: path.join(dir, 'pack-cache'),
  });
  fs.writeFileSync(path.join(dir, 'partner-course.aulapack'), bytes);
  const settings = {
    organisation: { name: 'Cooperativa di Prova', logo: 'logo.png' },
    accentColour: '#2a5599',
    windowTitle: 'Aula · Cooperativa di Prova',
    defaultLanguage: 'ca',
    coursePacks: ['partner-course.aulapack'],
    trustedSigners: ['partner.aula-public.json'],
    certificateIssuer: { name: 'Cooperativa di Prova', url: 'https://prova.example', keyFile: 'partner.aula-key.json' },
    ...overrides,
  };
  const file = path.join(dir, 'partner.yaml');
  fs.writeFileSync(file, stringify(settings));
  return file;
}
