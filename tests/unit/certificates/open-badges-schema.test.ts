import fs from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/temp-dir.js';
import { startCertificateCore } from './certificate-setup.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2019) => Ajv2019;

/**
 * The 1EdTech Open Badges 3.0 AchievementCredential schema (see the fixture's README for where it
 * comes from), with its one documented adaptation to VC 2.0: `validFrom` required where that
 * revision of the schema required `issuanceDate`.
 */
function loadSchema(): Record<string, unknown> {
  const file = path.join(REPO_ROOT, 'tests', 'fixtures', 'open-badges', 'ob_v3p0_achievementcredential_schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    required: string[];
    properties: Record<string, unknown>;
  };
  expect(schema.required).toContain('issuanceDate');
  schema.required = schema.required.map((name) => (name === 'issuanceDate' ? 'validFrom' : name));
  schema.properties.validFrom = { type: 'string', format: 'date-time' };
  return schema;
}

function validator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(loadSchema());
}

describe('Open Badges 3.0 JSON Schema', () => {
  let setup: Awaited<ReturnType<typeof startCertificateCore>>;
  beforeEach(async () => {
    setup = await startCertificateCore('Łucja Wąsowska');
  });
  afterEach(() => setup.stop());

  it('the exported credential validates against the AchievementCredential schema', async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const credential = JSON.parse((await setup.exportFile(certificate.certificateId, 'json')).bytes.toString('utf8')) as Record<
      string,
      unknown
    >;
    const validate = validator();
    const valid = validate(credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema catches a credential missing what Open Badges requires', async () => {
    await setup.complete('done');
    const certificate = await setup.issue('done');
    const credential = JSON.parse((await setup.exportFile(certificate.certificateId, 'json')).bytes.toString('utf8')) as {
      credentialSubject: { achievement: Record<string, unknown>; identifier: Record<string, unknown>[] };
    };
    delete credential.credentialSubject.achievement.criteria;
    credential.credentialSubject.identifier[0]!.identityType = 'nickname';
    const validate = validator();
    expect(validate(credential)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
    expect(paths.some((entry) => entry.includes("must have required property 'criteria'"))).toBe(true);
    expect(paths.some((entry) => entry.startsWith('/credentialSubject/identifier/0/identityType'))).toBe(true);
  });
});
