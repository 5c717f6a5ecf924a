import {
  type CipherGCM,
  createCipheriv,
  createDecipheriv,
  createHmac,
  type DecipherGCM,
  randomBytes,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The master key encrypts secrets at rest (TOTP secrets now, personal data later) and keys
 * the lookup hashes. It comes from DANGJIAN_MASTER_KEY (64 hex characters) or is generated
 * on first start into the data directory, readable by its owner only.
 */
export interface Keys {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Keyed hash for equality lookups on encrypted values. */
  lookupHash(value: string): string;
  /** HMAC-SHA-256 of the audit chain: its key is derived here, so it never sits in the database. */
  auditMac(body: string): string;
  /** Names the master key without revealing it: a backup records it so a restore can refuse a wrong key. */
  fingerprint: string;
  /** AES-256-GCM streams for files at rest (uploads), under a key of their own derived from the master key. */
  fileCipher(iv: Buffer): CipherGCM;
  fileDecipher(iv: Buffer): DecipherGCM;
}

export function loadKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): Keys {
  return keysFrom(readOrCreateMasterKey(dataDir, env));
}

/**
 * The existing master key, never a new one: a restore must decrypt what the backup holds,
 * so it needs the key the data was written with. Null when there is none.
 */
export function readKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): Keys | null {
  const key = readMasterKey(dataDir, env);
  return key && keysFrom(key);
}

function readMasterKey(dataDir: string, env: NodeJS.ProcessEnv): Buffer | null {
  if (env.DANGJIAN_MASTER_KEY) {
    const key = Buffer.from(env.DANGJIAN_MASTER_KEY, 'hex');
    if (key.length !== 32) throw new Error('DANGJIAN_MASTER_KEY 必须是 64 位十六进制字符（32 字节）');
    return key;
  }
  const file = path.join(dataDir, 'keys', 'master.key');
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== 32) throw new Error(`密钥文件 ${file} 已损坏：应为 64 位十六进制字符`);
    return key;
  }
  return null;
}

function readOrCreateMasterKey(dataDir: string, env: NodeJS.ProcessEnv): Buffer {
  const existing = readMasterKey(dataDir, env);
  if (existing) return existing;
  const file = path.join(dataDir, 'keys', 'master.key');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx' refuses to overwrite a key another process wrote a moment ago.
  fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export function keysFrom(master: Buffer): Keys {
  const encKey = createHmac('sha256', master).update('dangjian/enc/v1').digest();
  const macKey = createHmac('sha256', master).update('dangjian/lookup/v1').digest();
  const auditKey = createHmac('sha256', master).update('dangjian/audit/v1').digest();
  const fingerprint = createHmac('sha256', master).update('dangjian/fingerprint/v1').digest('hex').slice(0, 32);
  const fileKey = createHmac('sha256', master).update('dangjian/file/v1').digest();
  return {
    fingerprint,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(value) {
      return createHmac('sha256', macKey).update(value).digest('hex');
    },
    auditMac(body) {
      return createHmac('sha256', auditKey).update(body).digest('hex');
    },
    fileCipher: (iv) => createCipheriv('aes-256-gcm', fileKey, iv),
    fileDecipher: (iv) => createDecipheriv('aes-256-gcm', fileKey, iv),
  };
}

/** A phone number as it is stored: encrypted, with the keyed hash that finds it; null stays null. */
export function sealPhone(keys: Keys, phone: string | null): { phone: string | null; phoneHash: string | null } {
  return phone === null
    ? { phone: null, phoneHash: null }
    : { phone: keys.encrypt(phone), phoneHash: keys.lookupHash(phone) };
}

/** A stored (encrypted) phone number in full; null stays null. */
export function openPhone(keys: Keys, stored: string | null): string | null {
  return stored === null ? null : keys.decrypt(stored);
}
