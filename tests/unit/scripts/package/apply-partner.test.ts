import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readIssuerSettings } from '../../../../electron/certificates/issuer-identity.js';
import { LANGUAGE_SETTING } from '../../../../electron/core/handlers/app-handlers.js';
import { readTrustedSigners } from '../../../../electron/courses/pack/trusted-signers.js';
import { closeDatabase, openDatabase } from '../../../../electron/db/open-database.js';
import { readSetting, writeSetting } from '../../../../electron/db/settings.js';
import { readIriBase, readLrsConnection, writeLrsConnection } from '../../../../electron/lrs/lrs-settings.js';
import { copyPartner } from '../../../../scripts/package/app-folder.js';
import {
  applyPartnerBeforeStart,
  applyPartnerLanguage,
  applyPartnerLrs,
  readPartnerSettings,
} from '../../../../scripts/package/app/apply-partner.js';
import { PARTNER_FOLDER } from '../../../../scripts/package/app/partner-settings.js';
import { readPartnerFile } from '../../../../scripts/package/partner-file.js';
import { writePartnerFolder } from '../../../helpers/partner-fixture.js';
import { makeTempDir } from '../../../helpers/temp-dir.js';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

async function brandedApp(overrides: Record<string, unknown> = {}): Promise<{ appDir: string; dataDir: string }> {
  const { dir, remove } = makeTempDir('aula-apply-partner-');
  temps.push(remove);
  const partner = await readPartnerFile(await writePartnerFolder(path.join(dir, 'partner-source'), overrides));
  const appDir = path.join(dir, 'app');
  copyPartner(partner, path.join(appDir, PARTNER_FOLDER));
  return { appDir, dataDir: path.join(dir, 'data') };
}

describe("a branded package's first start", () => {
  it("installs the partner's packs, trusts its signer and issues certificates in its name, once", async () => {
    const { appDir, dataDir } = await brandedApp();
    const partner = readPartnerSettings(appDir)!;
    const log: string[] = [];
    await applyPartnerBeforeStart(appDir, dataDir, partner, (message) => log.push(message));

    expect(fs.existsSync(path.join(dataDir, 'courses', 'partner-course', 'course.yaml'))).toBe(true);
    expect(readTrustedSigners(dataDir).map((signer) => signer.name)).toEqual(['Cooperativa di Prova']);
    expect(readIssuerSettings(dataDir)).toEqual({
      name: 'Cooperativa di Prova',
      url: 'https://prova.example',
      logoFile: 'logo.png',
    });
    expect(log).toEqual([expect.stringContaining('Installed')]);

    // A later start applies nothing again: a course the person removed stays removed.
    fs.rmSync(path.join(dataDir, 'courses', 'partner-course'), { recursive: true });
    await applyPartnerBeforeStart(appDir, dataDir, partner, (message) => log.push(message));
    expect(fs.existsSync(path.join(dataDir, 'courses', 'partner-course'))).toBe(false);
    expect(log).toHaveLength(1);
  });

  it("sets the partner's language only where nobody chose one", async () => {
    const { appDir, dataDir } = await brandedApp();
    const partner = readPartnerSettings(appDir)!;
    fs.mkdirSync(dataDir, { recursive: true });
    const db = openDatabase(dataDir);
    try {
      applyPartnerLanguage(db, partner);
      expect(readSetting(db, LANGUAGE_SETTING)).toBe('ca');
      writeSetting(db, LANGUAGE_SETTING, 'en');
      applyPartnerLanguage(db, partner);
      expect(readSetting(db, LANGUAGE_SETTING)).toBe('en');
    } finally {
      closeDatabase(db);
    }
  });

  it("sets the partner's LRS only where no manager ever set or removed one", async () => {
    const connection = { endpoint: 'https://lrs.prova.example/xAPI/', key: 'prova-key', secret: 'prova-secret' };
    const lrs = { ...connection, iriBase: 'https://ids.prova.example/aula/' };
    const { appDir, dataDir } = await brandedApp({ lrs });
    const partner = readPartnerSettings(appDir)!;
    fs.mkdirSync(dataDir, { recursive: true });
    const db = openDatabase(dataDir);
    try {
      expect(applyPartnerLrs(db, partner)).toBe(true);
      expect(readLrsConnection(db)).toEqual(connection);
      expect(readIriBase(db)).toBe(lrs.iriBase);
      // The manager removes it: a later start leaves it removed.
      writeLrsConnection(db, { endpoint: null, key: '' });
      expect(applyPartnerLrs(db, partner)).toBe(false);
      expect(readLrsConnection(db)).toBeNull();
    } finally {
      closeDatabase(db);
    }
  });
});
