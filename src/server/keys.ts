import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
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
}

export function loadKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): Keys {
  return keysFrom(readOrCreateMasterKey(dataDir, env));
}

function readOrCreateMasterKey(dataDir: string, env: NodeJS.ProcessEnv): Buffer {
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
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  // 'wx' refuses to overwrite a key another process wrote a moment ago.
  fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export function keysFrom(master: Buffer): Keys {
  const encKey = createHmac('sha256', master).update('dangjian/enc/v1').digest();
  const macKey = createHmac('sha256', master).update('dangjian/lookup/v1').digest();
  return {
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
  };
}
