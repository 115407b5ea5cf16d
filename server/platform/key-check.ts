import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { households, settings } from '../db/schema/index.js';
import { decryptPii } from './pii-crypto.js';
import type { Secrets } from './secrets.js';

/** The settings row holding the key check value (backups record it to name the key a restore needs). */
export const KEY_CHECK_SETTING = 'secret_key_check';
const LABEL = 'UnionHub secret key check v1';

export class SecretKeyMismatchError extends Error {
  constructor() {
    super(
      'SECRET_KEY 与数据库中的密钥校验值不一致：请使用创建这些数据时的 SECRET_KEY（或 DATA_DIR/secret.key），否则已加密的身份证号、手机号、银行卡号和附件都无法读取，查重也会失效。服务未启动。\n' +
        'SECRET_KEY does not match the key check value stored in the database: start with the SECRET_KEY (or DATA_DIR/secret.key) the data was written with; with another key the encrypted ID, phone and card numbers and the attachments cannot be read and duplicate checks find nothing. Not started.',
    );
    this.name = 'SecretKeyMismatchError';
  }
}

/** HMAC of a fixed label under a key derived from the master secret: recognises the key, reveals nothing of it. */
export function keyCheckValue(secrets: Pick<Secrets, 'keyCheckKey'>): string {
  return crypto.createHmac('sha256', secrets.keyCheckKey).update(LABEL).digest('base64url');
}

/**
 * Run at start, before anything is served or written: the first start stores the check value, every
 * later start compares. A database from before the check was kept is first tested against one of
 * its encrypted numbers, so the value is never recorded under a wrong key.
 */
export async function assertSecretKeyMatches(db: Db, secrets: Secrets): Promise<void> {
  const expected = keyCheckValue(secrets);
  const [stored] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY_CHECK_SETTING));
  if (stored) {
    if (stored.value !== expected) throw new SecretKeyMismatchError();
    return;
  }
  const [sample] = await db.select({ idEnc: households.idEnc }).from(households).limit(1);
  if (sample && !decrypts(secrets, sample.idEnc)) throw new SecretKeyMismatchError();
  await db.insert(settings).values({ key: KEY_CHECK_SETTING, value: expected }).onConflictDoNothing();
  // Another instance sharing the database may have stored its value first.
  const [now] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY_CHECK_SETTING));
  if (now.value !== expected) throw new SecretKeyMismatchError();
}

function decrypts(secrets: Secrets, stored: string): boolean {
  try {
    decryptPii(secrets, stored);
    return true;
  } catch {
    return false;
  }
}
