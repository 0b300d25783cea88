/**
 * This installation's identity for progress files: an Ed25519 key made on first use and kept in
 * `<data folder>/installation/installation-key.json` (readable by its owner only), and a PC name a
 * manager can set, by default the computer's host name. The PC id is the key's id, so a file can
 * only claim to come from a PC by being signed with that PC's key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSigningKey, readSigningKey, type SigningKey } from '../crypto/signing-keys.js';
import type { Db } from '../db/open-database.js';
import { readSetting, writeSetting } from '../db/settings.js';

const FOLDER = 'installation';
const KEY_FILE = 'installation-key.json';
const PC_NAME_SETTING = 'installation.pc-name';
export const MAX_PC_NAME_LENGTH = 80;

export interface InstallationIdentity {
  pcId: string;
  pcName: string;
  key: SigningKey;
}

function keyFile(dataDir: string): string {
  return path.join(dataDir, FOLDER, KEY_FILE);
}

/** The host name, or a plain phrase on the rare system that reports none. */
function defaultPcName(): string {
  const host = os.hostname().trim();
  return (host || 'Aula PC').slice(0, MAX_PC_NAME_LENGTH);
}

export function readPcName(db: Db): string {
  return readSetting(db, PC_NAME_SETTING) ?? defaultPcName();
}

export function writePcName(db: Db, name: string): string {
  const cleaned = name.normalize('NFC').trim().slice(0, MAX_PC_NAME_LENGTH);
  writeSetting(db, PC_NAME_SETTING, cleaned);
  return cleaned;
}

function loadOrCreateKey(dataDir: string, name: string): SigningKey {
  const file = keyFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written under a temporary name and renamed, so a crash never leaves half a key behind.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, generateSigningKey(name).privateFile, { mode: 0o600 });
    fs.renameSync(temp, file);
  }
  return readSigningKey(file);
}

/** The identity progress files are signed with, making the key the first time. */
export function loadInstallationIdentity(dataDir: string, db: Db): InstallationIdentity {
  const pcName = readPcName(db);
  const key = loadOrCreateKey(dataDir, pcName);
  return { pcId: key.signer.keyId, pcName, key };
}
