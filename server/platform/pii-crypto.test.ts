import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptPii, encryptPii, lookupHash } from './pii-crypto.js';
import { deriveSecrets } from './secrets.js';

const secrets = deriveSecrets(crypto.randomBytes(32));

describe('PII encryption', () => {
  it('round-trips and never reuses an IV', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const c = encryptPii(secrets, `4108031980010${i}`);
      expect(decryptPii(secrets, c)).toBe(`4108031980010${i}`);
      ivs.add(Buffer.from(c.slice(3), 'base64').subarray(0, 12).toString('hex'));
    }
    expect(ivs.size).toBe(10_000);
  });

  it('refuses a tampered ciphertext and another key', () => {
    const c = encryptPii(secrets, '13912345678');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => decryptPii(secrets, 'v1:' + raw.toString('base64'))).toThrow();
    expect(() => decryptPii(deriveSecrets(crypto.randomBytes(32)), c)).toThrow();
  });

  it('refuses a tag shorter than 16 bytes, which GCM would otherwise check only in part', () => {
    const raw = Buffer.from(encryptPii(secrets, '').slice(3), 'base64');
    expect(raw).toHaveLength(28);
    for (const tagBytes of [4, 8, 12, 15]) expect(() => decryptPii(secrets, 'v1:' + raw.subarray(0, 12 + tagBytes).toString('base64'))).toThrow();
    expect(decryptPii(secrets, 'v1:' + raw.toString('base64'))).toBe('');
  });

  it('hashes deterministically per key and kind', () => {
    expect(lookupHash(secrets, 'cn-id', 'x')).toBe(lookupHash(secrets, 'cn-id', 'x'));
    expect(lookupHash(secrets, 'cn-id', 'x')).not.toBe(lookupHash(secrets, 'mobile', 'x'));
  });
});
