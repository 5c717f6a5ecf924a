// Attachments at rest: AES-256-GCM under the file key keys.ts derives from the master key, with a
// random 96-bit nonce per file and the owning record bound in as associated data, so a body
// copied onto another record's row does not open there.
//
// One derived key with a nonce per file, rather than a key per file wrapped by the master key:
// the master key already never sits in the database, GCM's nonce limit (2^32 random nonces per
// key) is far beyond what a deployment stores, and a wrapped key per file would only make key
// rotation cheaper — which `key_version` leaves room for (docs/attachments.md).
import { randomBytes } from 'node:crypto';
import type { Keys } from '../keys.ts';

export const KEY_VERSION = 1;

export interface Sealed {
  keyVersion: number;
  nonce: Buffer;
  tag: Buffer;
  body: Buffer;
}

/** Names the record the file belongs to, e.g. `meeting:12`. */
export type OwnerRef = `${string}:${number}`;

export function seal(keys: Keys, owner: OwnerRef, plain: Buffer): Sealed {
  const nonce = randomBytes(12);
  const cipher = keys.fileCipher(nonce);
  cipher.setAAD(Buffer.from(`attachment:${owner}`));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { keyVersion: KEY_VERSION, nonce, tag: cipher.getAuthTag(), body };
}

/** The plain bytes; throws when the body, its tag or its owner do not match (tampered or moved). */
export function open(keys: Keys, owner: OwnerRef, sealed: Sealed): Buffer {
  if (sealed.keyVersion !== KEY_VERSION) throw new Error(`unknown attachment key version ${sealed.keyVersion}`);
  const decipher = keys.fileDecipher(sealed.nonce);
  decipher.setAAD(Buffer.from(`attachment:${owner}`));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.body), decipher.final()]);
}
