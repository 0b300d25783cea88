import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { readPinState, writePinFailures } from '../db/learners.js';
import type { Db } from '../db/open-database.js';
import { profileNotFound } from '../learners/profile-rules.js';
import { ApiFailure } from './api-failure.js';

/** scrypt cost: about 16 MB and a few tens of milliseconds on an old office PC, per try. */
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** Salted scrypt hash of a PIN, with its parameters, so they can be raised later without breaking old profiles. */
export function hashPin(pin: string): string {
  const salt = randomBytes(SCRYPT.saltLength);
  const hash = scryptSync(pin, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Compares in constant time; a stored value Aula cannot read never matches. */
export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64');
  const cost = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isInteger(value) && value > 0) || expected.length === 0) return false;
  try {
    const actual = scryptSync(pin, Buffer.from(saltText, 'base64'), expected.length, cost);
    return timingSafeEqual(actual, expected);
  } catch {
    return false; // parameters beyond what this PC can compute: treat as not matching
  }
}

/** Wrong tries allowed before Aula starts making the learner wait. */
export const FREE_PIN_TRIES = 3;
const FIRST_WAIT_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 15 * 60;

/** The wait after `failedTries` wrong PINs in a row: none for the first few, then 30 s doubling up to 15 minutes. */
export function pinWaitSeconds(failedTries: number): number {
  if (failedTries < FREE_PIN_TRIES) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failedTries - FREE_PIN_TRIES));
}

function secondsUntil(iso: string | null, now: Date): number {
  if (!iso) return 0;
  return Math.max(0, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));
}

function describeWait(seconds: number): string {
  return seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
}

/**
 * Lets a profile be opened only with its PIN (profiles without one open freely). Wrong tries are
 * counted in the database, and after a few each further try must wait longer: a lock that a
 * restart of Aula does not lift. While locked, even the right PIN is refused. Runs synchronously
 * from the lock check to the write, so parallel tries cannot slip past the count.
 */
export function checkPin(db: Db, learnerId: string, pin: string | undefined, now = new Date()): void {
  const state = readPinState(db, learnerId);
  if (!state) throw profileNotFound();
  if (state.pinHash === null) return;
  const waitNow = secondsUntil(state.lockedUntil, now);
  if (waitNow > 0) {
    throw new ApiFailure('pin-locked', `Too many wrong PINs for this profile. Wait ${describeWait(waitNow)}, then try again.`, {
      reason: 'profile.pin-locked',
      params: { count: waitNow },
      retryAfterSeconds: waitNow,
    });
  }
  if (pin === undefined) {
    throw new ApiFailure('pin-required', 'This profile is protected by a PIN. Type the PIN to open it.', {
      reason: 'profile.pin-required',
    });
  }
  if (verifyPin(pin, state.pinHash)) {
    if (state.failedTries > 0 || state.lockedUntil) writePinFailures(db, learnerId, 0, null);
    return;
  }
  const failedTries = state.failedTries + 1;
  const wait = pinWaitSeconds(failedTries);
  writePinFailures(db, learnerId, failedTries, wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null);
  throw new ApiFailure(
    'wrong-pin',
    wait > 0
      ? `That PIN is not right. Wait ${describeWait(wait)} before the next try.`
      : 'That PIN is not right. Check it and try again.',
    { reason: 'profile.wrong-pin', params: { count: wait }, retryAfterSeconds: wait },
  );
}
