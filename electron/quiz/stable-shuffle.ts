import { createHash } from 'node:crypto';

/**
 * A deterministic random sequence from a text seed (sfc32, seeded from SHA-256). The same seed
 * always gives the same sequence, on every PC, which is what keeps an attempt's order stable
 * across reloads and restarts: only the seed is stored with the attempt.
 */
export function seededRandom(seed: string): () => number {
  const digest = createHash('sha256').update(seed).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A Fisher-Yates shuffle driven by `seed`; the input is not changed. */
export function stableShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * A shuffle that never returns the original order (for two or more items): used where the
 * original order is the answer, as in ordering questions.
 */
export function shuffleAwayFromOriginal<T>(items: readonly T[], seed: string): T[] {
  const shuffled = stableShuffle(items, seed);
  if (items.length < 2 || shuffled.some((item, index) => item !== items[index])) return shuffled;
  // The shuffle happened to give the answer back: rotating by one moves every item.
  return [...shuffled.slice(1), shuffled[0] as T];
}
