import fs from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/temp-dir.js';
import { startCertificateCore } from './certificate-setup.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2019 | Ajv2020) => Ajv2019;
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures');

function readJson(...parts: string[]): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8')) as Record<string, unknown>;
}

/**
 * The 1EdTech Open Badges 3.0 AchievementCredential schema (see the fixture's README for where it
 * comes from), with its one documented adaptation to VC 2.0: `validFrom` required where that
 * revision of the schema required `issuanceDate`.
 */
function openBadgesValidator() {
  const schema = readJson('open-badges', 'ob_v3p0_achievementcredential_schema.json') as {
    required: string[];
    properties: Record<string, unknown>;
  };
  expect(schema.required).toContain('issuanceDate');
  schema.required = schema.required.map((name) => (name === 'issuanceDate' ? 'validFrom' : name));
  schema.properties.validFrom = { type: 'string', format: 'date-time' };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** The W3C Verifiable Credentials 2.0 schema, used exactly as published (see its README). */
function verifiableCredentialValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return ajv.compile(readJson('verifiable-credentials', 'verifiable-credential-schema.json'));
}

describe('Open Badges 3.0 and Verifiable Credentials 2.0 JSON Schemas', () => {
  let setup: Awaited<ReturnType<typeof startCertificateCore>>;
  beforeEach(async () => {
    setup = await startCertificateCore('Łucja Wąsowska');
  });
  afterEach(() => setup.stop());

  async function exportedCredential(): Promise<Record<string, unknown>> {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const file = await setup.exportFile(certificate.certificateId, 'json');
    return JSON.parse(file.bytes.toString('utf8')) as Record<string, unknown>;
  }

  it('the exported credential validates against the AchievementCredential schema', async () => {
    const credential = await exportedCredential();
    const validate = openBadgesValidator();
    const valid = validate(credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the exported credential validates against the unmodified VC 2.0 schema', async () => {
    const credential = await exportedCredential();
    const validate = verifiableCredentialValidator();
    const valid = validate(credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schemas catch a credential missing what Open Badges and VC 2.0 require', async () => {
    const credential = (await exportedCredential()) as {
      '@context': string[];
      validFrom: string;
      credentialSubject: { achievement: Record<string, unknown>; identifier: Record<string, unknown>[] };
    };
    delete credential.credentialSubject.achievement.criteria;
    credential.credentialSubject.identifier[0]!.identityType = 'nickname';
    const openBadges = openBadgesValidator();
    expect(openBadges(credential)).toBe(false);
    const paths = (openBadges.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
    expect(paths.some((entry) => entry.includes("must have required property 'criteria'"))).toBe(true);
    expect(paths.some((entry) => entry.startsWith('/credentialSubject/identifier/0/identityType'))).toBe(true);

    credential['@context'] = credential['@context'].filter((url) => url !== 'https://www.w3.org/ns/credentials/v2');
    credential.validFrom = '26/11/2026';
    const vc = verifiableCredentialValidator();
    expect(vc(credential)).toBe(false);
    const vcPaths = (vc.errors ?? []).map((error) => error.instancePath);
    expect(vcPaths).toContain('/@context');
    expect(vcPaths).toContain('/validFrom');
  });
});
