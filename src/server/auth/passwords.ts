import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id recommendation: 19 MiB memory, 2 passes, 1 lane.
// `algorithm: 2` is Argon2id; the package's const enum cannot be imported under isolatedModules.
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Spends the same time as a real check, so an unknown user name cannot be told by timing;
 * the answer is always no.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword('dangjian-timing-equaliser');
  await verifyPassword(await dummy, password);
  return false;
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGIT = '23456789';
const SYMBOL = '#%+=@^_-';

/**
 * A one-time password: 16 characters from all four classes, without look-alikes
 * (0/O, 1/l/I), so it can be read off a terminal and typed.
 */
export function oneTimePassword(): string {
  const all = UPPER + LOWER + DIGIT + SYMBOL;
  const chars = [UPPER, LOWER, DIGIT, SYMBOL].map((set) => set[randomInt(set.length)]);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
