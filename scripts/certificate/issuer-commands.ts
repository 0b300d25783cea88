import fs from 'node:fs';
import {
  installIssuerKey,
  installIssuerLogo,
  loadIssuerIdentity,
  readIssuerSettings,
  writeIssuerSettings,
} from '../../electron/certificates/issuer-identity.js';
import { trustIssuer } from '../../electron/certificates/trusted-issuers.js';
import { verifyCertificateBytes } from '../../electron/certificates/verify-certificate.js';
import { defaultDataFolder } from '../../electron/core/data-folder.js';
import { parseCommandArgs, UsageError, userPath, type Command } from '../course/cli-helpers.js';

function dataDirOf(values: Record<string, unknown>): string {
  return typeof values['data-dir'] === 'string' ? userPath(values['data-dir']) : defaultDataFolder();
}

/** Applies --name, --url and --logo to the issuer settings; says what changed. */
function applySettings(dataDir: string, values: Record<string, unknown>): void {
  const current = readIssuerSettings(dataDir);
  if (!current) throw new Error('there is no issuer yet');
  const next = { ...current };
  if (typeof values.name === 'string') next.name = values.name;
  if (typeof values.url === 'string') next.url = values.url;
  if (typeof values.logo === 'string') next.logoFile = installIssuerLogo(dataDir, userPath(values.logo));
  try {
    writeIssuerSettings(dataDir, next);
  } catch {
    throw new UsageError('the name must be 1 to 120 characters and the url a full address (https://...)');
  }
}

async function printIssuer(dataDir: string): Promise<void> {
  const issuer = await loadIssuerIdentity(dataDir);
  console.log(`Certificates from ${dataDir} are issued by:`);
  console.log(`  Name:  ${issuer.name}`);
  if (issuer.url) console.log(`  Web:   ${issuer.url}`);
  console.log(`  Logo:  ${issuer.logoDataUri ? 'yes' : 'none'}`);
  console.log(`  Key:   ${issuer.did}`);
}

const settingOptions = {
  'data-dir': { type: 'string' },
  name: { type: 'string' },
  url: { type: 'string' },
  logo: { type: 'string' },
} as const;

export const issuerCommand: Command = {
  name: 'issuer',
  summary: "show or change who issues this installation's certificates",
  help: `Usage: npm run certificate -- issuer [--name "<organisation>"] [--url <https://...>] [--logo <logo.png>] [--data-dir <folder>]

Shows the issuing organisation of a data folder (default: ${defaultDataFolder()}); with options,
changes its name, web address or logo (PNG or JPEG, at most 150 KB). The first use creates the
installation's own signing key if it has none. Certificates already issued keep what they say.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, settingOptions);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const dataDir = dataDirOf(values);
    await loadIssuerIdentity(dataDir);
    applySettings(dataDir, values);
    await printIssuer(dataDir);
    return 0;
  },
};

export const installIssuerCommand: Command = {
  name: 'install-issuer',
  summary: "install an organisation's key, so certificates are issued in its name",
  help: `Usage: npm run certificate -- install-issuer --key <organisation.aula-key.json> [--name "<organisation>"] [--url <https://...>] [--logo <logo.png>] [--data-dir <folder>]

For partners: makes this installation issue certificates with your organisation's key (the file
"npm run course -- keygen" creates; the same key may sign your course packs) and in your name
(by default the name in the key file). Replaces the installation's own key: certificates issued
before stay valid, and other installations that trusted the old key should trust the new one.`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, { ...settingOptions, key: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (typeof values.key !== 'string') throw new UsageError('give the key file with --key');
    const dataDir = dataDirOf(values);
    installIssuerKey(dataDir, userPath(values.key), typeof values.name === 'string' ? values.name : undefined);
    applySettings(dataDir, { ...values, name: undefined });
    await printIssuer(dataDir);
    return 0;
  },
};

export const trustCommand: Command = {
  name: 'trust',
  summary: "trust another organisation's certificates",
  help: `Usage: npm run certificate -- trust <certificate file> [--data-dir <folder>]
       npm run certificate -- trust <did:key:...> --name "<organisation>" [--data-dir <folder>]

Adds an issuer to the data folder's trusted issuers, so that its certificates check as valid
here. Trust a key only when you know it belongs to that organisation (ask them for it).`,
  async run(args) {
    const { positionals, values } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, name: { type: 'string' } });
    const [target] = positionals;
    if (!target || positionals.length > 1) throw new UsageError('give one certificate file or did:key');
    const dataDir = dataDirOf(values);
    let issuer: { id: string; name: string };
    if (target.startsWith('did:key:')) {
      if (typeof values.name !== 'string' || !values.name.trim()) throw new UsageError('give the organisation name with --name');
      issuer = { id: target, name: values.name.trim() };
    } else {
      const file = userPath(target);
      if (!fs.existsSync(file)) throw new UsageError(`${target}: no such file`);
      const verdict = await verifyCertificateBytes(fs.readFileSync(file), dataDir);
      if (verdict.status === 'malformed' || verdict.status === 'tampered') {
        console.error(`${target} cannot be used to trust its issuer: ${verdict.reason}.`);
        return 1;
      }
      issuer = { id: verdict.fields.issuerId, name: verdict.fields.issuerName };
    }
    const added = trustIssuer(dataDir, issuer);
    console.log(added ? `Now trusting "${issuer.name}" (${issuer.id}).` : `"${issuer.name}" was already trusted.`);
    return 0;
  },
};
