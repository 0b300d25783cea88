import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPartnerFile } from '../../../../scripts/package/partner-file.js';
import { writePartnerFolder } from '../../../helpers/partner-fixture.js';
import { REPO_ROOT, makeTempDir } from '../../../helpers/temp-dir.js';

const temps: (() => void)[] = [];
function tempDir(): string {
  const { dir, remove } = makeTempDir('aula-partner-test-');
  temps.push(remove);
  return dir;
}
afterEach(() => temps.splice(0).forEach((remove) => remove()));

describe('partner files', () => {
  it('accepts the documented example', async () => {
    const partner = await readPartnerFile(path.join(REPO_ROOT, 'partners', 'example', 'partner.yaml'));
    expect(partner.settings.organisation.name).toBe('Example Social Cooperative');
    expect(partner.trustedSigners).toEqual([expect.objectContaining({ name: 'Example Social Cooperative' })]);
    expect(partner.logo).toBe(path.join(REPO_ROOT, 'partners', 'example', 'logo.png'));
  });

  it('reads a full partner folder: its pack, signer and issuer key', async () => {
    const partner = await readPartnerFile(await writePartnerFolder(tempDir()));
    expect(partner.coursePacks).toEqual([
      expect.objectContaining({ courseId: 'partner-course', signer: expect.objectContaining({ name: 'Cooperativa di Prova' }) }),
    ]);
    expect(partner.issuerKeyFile).toMatch(/partner\.aula-key\.json$/);
  });

  it.each([
    [
      'a logo path that does not exist',
      { organisation: { name: 'X', logo: 'nowhere.png' } },
      /organisation\.logo: nowhere\.png does not exist/,
    ],
    [
      'a course pack that does not exist',
      { coursePacks: ['unknown.aulapack'] },
      /coursePacks\[0\]: unknown\.aulapack does not exist/,
    ],
    ['a course pack that is not a pack', { coursePacks: ['logo.png'] }, /coursePacks\[0\]: logo\.png: .*not an Aula course pack/],
    [
      'a trusted signer that is not a public key',
      { trustedSigners: ['partner.aula-key.json'] },
      /trustedSigners\[0\]: partner\.aula-key\.json: not an Aula public key/,
    ],
    [
      'an issuer key that is not a signing key',
      { certificateIssuer: { name: 'X', keyFile: 'partner.aula-public.json' } },
      /certificateIssuer\.keyFile: partner\.aula-public\.json: .*not an Aula signing key/,
    ],
    ['an accent colour that is not #rrggbb', { accentColour: 'teal' }, /accentColour: must be a colour like/],
    ['an interface language Aula does not have', { defaultLanguage: 'xx' }, /defaultLanguage:/],
    ['a field Aula does not know', { colour: '#ffffff' }, /colour/],
    [
      'an LRS address that is not http(s)',
      { lrs: { endpoint: 'ftp://lrs.example/xAPI/', key: 'k', secret: 's' } },
      /lrs\.endpoint: must be an http/,
    ],
    [
      'an activity-id base that is not https ending in "/"',
      { lrs: { endpoint: 'https://lrs.example/xAPI/', key: 'k', secret: 's', iriBase: 'http://ids.example/aula' } },
      /lrs\.iriBase: must be an https:\/\/ address ending in "\/"/,
    ],
  ])('refuses %s, naming the field', async (_case, overrides, message) => {
    const file = await writePartnerFolder(tempDir(), overrides);
    await expect(readPartnerFile(file)).rejects.toThrow(message);
  });

  it('refuses a logo that is not a PNG or JPEG image', async () => {
    const dir = tempDir();
    const file = await writePartnerFolder(dir);
    fs.writeFileSync(path.join(dir, 'logo.png'), 'not an image');
    await expect(readPartnerFile(file)).rejects.toThrow(/organisation\.logo: logo\.png: .*not a valid PNG/);
  });
});
