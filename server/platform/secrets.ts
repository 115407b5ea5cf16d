import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Keys derived from one 32-byte master secret, so each purpose has its own key. */
export interface Secrets {
  piiEncryptionKey: Buffer;
  piiLookupKey: Buffer;
  csrfKey: Buffer;
  /** Encrypts uploaded files at rest (platform/file-store.ts). */
  fileEncryptionKey: Buffer;
  /** Signs the fixed label whose result is stored to recognise the key at start (platform/key-check.ts). */
  keyCheckKey: Buffer;
}

/** The two keys personal-data protection needs; all a worker thread preparing an import is given. */
export type PiiKeys = Pick<Secrets, 'piiEncryptionKey' | 'piiLookupKey'>;

export function deriveSecrets(master: Buffer): Secrets {
  const derive = (purpose: string) => crypto.createHmac('sha256', master).update(purpose).digest();
  return {
    piiEncryptionKey: derive('unionhub/pii-encryption/v1'),
    piiLookupKey: derive('unionhub/pii-lookup/v1'),
    csrfKey: derive('unionhub/csrf/v1'),
    fileEncryptionKey: derive('unionhub/file-encryption/v1'),
    keyCheckKey: derive('unionhub/key-check/v1'),
  };
}

/**
 * SECRET_KEY wins; otherwise the key file in the data directory, generated on first start with
 * mode 0600. Losing it makes encrypted personal data unreadable: back it up with the data.
 */
export function loadMasterSecret(opts: { secretKeyHex?: string; dataDir?: string }): Buffer {
  if (opts.secretKeyHex) return Buffer.from(opts.secretKeyHex, 'hex');
  if (!opts.dataDir) return crypto.randomBytes(32);
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} is not 64 hex characters`);
    return Buffer.from(hex, 'hex');
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another instance sharing the data directory made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadMasterSecret(opts);
    throw err;
  }
  return key;
}
