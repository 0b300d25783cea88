import fs from 'node:fs';
import path from 'node:path';
import {
  installIssuerKey,
  installIssuerLogo,
  loadIssuerIdentity,
  readIssuerSettings,
  writeIssuerSettings,
} from '../../../electron/certificates/issuer-identity.js';
import { LANGUAGE_SETTING } from '../../../electron/core/handlers/app-handlers.js';
import { installedCoursesDir } from '../../../electron/core/course-installation.js';
import { installPack } from '../../../electron/courses/pack/install-pack.js';
import { trustSigner } from '../../../electron/courses/pack/trusted-signers.js';
import type { Db } from '../../../electron/db/open-database.js';
import { readSetting, writeSetting } from '../../../electron/db/settings.js';
import { lrsEverConfigured, writeLrsConnection } from '../../../electron/lrs/lrs-settings.js';
import { PARTNER_FOLDER, PARTNER_SETTINGS_FILE, PartnerSettingsSchema, type PartnerSettings } from './partner-settings.js';

/** In the data folder: which partner settings were applied to it, so they are applied once per version. */
export const APPLIED_PARTNER_FILE = 'partner-applied.json';

export function readPartnerSettings(appDir: string): PartnerSettings | null {
  const file = path.join(appDir, PARTNER_FOLDER, PARTNER_SETTINGS_FILE);
  if (!fs.existsSync(file)) return null;
  return PartnerSettingsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function appliedId(dataDir: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dataDir, APPLIED_PARTNER_FILE), 'utf8')) as { id?: string }).id ?? null;
  } catch {
    return null;
  }
}

/**
 * On the first start of a branded package in a data folder (and after an update that changed the
 * partner's settings): trusts the partner's signers, installs the bundled course packs, and makes
 * certificates carry the partner's name, address, logo and (when given) key. Before the core
 * starts, so the installed courses are in the first catalog.
 */
export async function applyPartnerBeforeStart(
  appDir: string,
  dataDir: string,
  partner: PartnerSettings,
  log: (message: string) => void,
): Promise<void> {
  if (appliedId(dataDir) === partner.id) return;
  const partnerDir = path.join(appDir, PARTNER_FOLDER);
  fs.mkdirSync(dataDir, { recursive: true });
  for (const signer of partner.trustedSigners) trustSigner(dataDir, signer);
  for (const pack of partner.coursePacks) {
    const installed = await installPack(path.join(partnerDir, pack), {
      coursesDir: installedCoursesDir(dataDir),
      dataDir,
      trustSigner: true,
    });
    log(`Installed ${installed.title} ${installed.version} (from ${partner.organisation.name}).`);
  }
  const issuer = partner.certificateIssuer;
  if (issuer) {
    if (issuer.keyFile) installIssuerKey(dataDir, path.join(partnerDir, issuer.keyFile), issuer.name);
    else await loadIssuerIdentity(dataDir);
    const current = readIssuerSettings(dataDir);
    writeIssuerSettings(dataDir, {
      ...current,
      name: issuer.name,
      ...(issuer.url ? { url: issuer.url } : {}),
      ...(partner.organisation.logo
        ? { logoFile: installIssuerLogo(dataDir, path.join(partnerDir, partner.organisation.logo)) }
        : {}),
    });
  }
  fs.writeFileSync(path.join(dataDir, APPLIED_PARTNER_FILE), `${JSON.stringify({ id: partner.id })}\n`);
}

/**
 * The partner's LRS, for a data folder where no manager has set one (nor removed the partner's:
 * a manager's choice, recorded by `writeLrsConnection`, is never overwritten).
 */
export function applyPartnerLrs(db: Db, partner: PartnerSettings): boolean {
  if (!partner.lrs || lrsEverConfigured(db)) return false;
  writeLrsConnection(db, partner.lrs);
  return true;
}

/** The partner's interface language, for a data folder where nobody has chosen one yet. */
export function applyPartnerLanguage(db: Db, partner: PartnerSettings): void {
  if (partner.defaultLanguage && readSetting(db, LANGUAGE_SETTING) === undefined)
    writeSetting(db, LANGUAGE_SETTING, partner.defaultLanguage);
}
