// This deployment's Ed25519 key pair and the keys of the child deployments it trusts. All the
// cryptography is node:crypto's; nothing here is hand-written beyond the fingerprint's layout.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { deploymentKeys } from '../db/schema.ts';

export class UpwardError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The key's SHA-256 over its DER form, in groups of four, so two people can read it to each other. */
export function fingerprint(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = crypto.createHash('sha256').update(der).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** A public key as pasted or read from a file, refused unless it is an Ed25519 key; PEM back. */
export function parsePublicKey(text: string): string {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey(text.trim());
  } catch {
    throw new UpwardError(400, 'bad_key', '公钥无法识别：应为 dangjian deployments key 打印的 PEM 格式公钥');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new UpwardError(400, 'bad_key', `公钥类型为 ${key.asymmetricKeyType}，应为 Ed25519`);
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** The deployment's key pair, made on first use. Run as the database owner: the application role cannot read the table. */
async function ownKeys(tx: Tx) {
  const [row] = await tx.select().from(deploymentKeys).where(eq(deploymentKeys.id, 1));
  if (row) return row;
  const pair = crypto.generateKeyPairSync('ed25519');
  await tx
    .insert(deploymentKeys)
    .values({
      publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    })
    .onConflictDoNothing();
  const [made] = await tx.select().from(deploymentKeys).where(eq(deploymentKeys.id, 1));
  return made;
}

/** The deployment's public key (PEM) and its fingerprint, making the pair on first use. */
export async function ownPublicKey(db: Db): Promise<{ publicKey: string; fingerprint: string }> {
  const keys = await db.transaction(ownKeys);
  return { publicKey: keys.publicKey, fingerprint: fingerprint(keys.publicKey) };
}

/**
 * Signs `payload` with the deployment's private key under the next sequence number, which
 * `stamp` writes into the payload first. The private key is used here and nowhere else.
 */
export async function signNext(
  db: Db,
  stamp: (sequence: number) => Buffer,
): Promise<{ payload: Buffer; signature: Buffer }> {
  return db.transaction(async (tx) => {
    const keys = await ownKeys(tx);
    const [{ next }] = await queryRows<{ next: number }>(
      tx,
      sql`update deployment_keys set last_sequence = last_sequence + 1 where id = ${keys.id} returning last_sequence as next`,
    );
    const payload = stamp(Number(next));
    return { payload, signature: crypto.sign(null, payload, crypto.createPrivateKey(keys.privateKey)) };
  });
}

export function verify(publicKeyPem: string, payload: Buffer, signature: Buffer): boolean {
  try {
    return crypto.verify(null, payload, crypto.createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}
