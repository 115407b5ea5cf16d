import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';
import type { FieldIssue } from './errors.js';

// OWASP: argon2id, m ≥ 19 MiB, t ≥ 2.
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');
    common = new Set(
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
    );
  }
  return common;
}

export interface PasswordPolicy {
  /** 等保 mode: also require three of four character classes. */
  requireComplexity: boolean;
}

/** ASVS by default: length and the common-password list only; composition rules in 等保 mode. */
export function checkPasswordStrength(
  password: string,
  context: { username?: string },
  policy: PasswordPolicy = { requireComplexity: false },
  field = 'password',
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) issues.push({ field, message: `at least ${PASSWORD_MIN} characters` });
  if (length > PASSWORD_MAX) issues.push({ field, message: `at most ${PASSWORD_MAX} characters` });
  if (commonPasswords().has(password.toLowerCase())) issues.push({ field, message: 'too common; choose another' });
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase()))
    issues.push({ field, message: 'must not contain the username' });
  if (policy.requireComplexity) {
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
    if (classes < 3) issues.push({ field, message: 'use three of: lower case, upper case, digits, symbols' });
  }
  return issues;
}

export const hashPassword = (password: string) => hash(password, ARGON2);
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

// Verified against when the user does not exist, so an unknown name costs the same time as a real one.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('unionhub-dummy-password-for-timing');
  return dummyHash;
}

const OTP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A 16-character one-time password (~92 bits), shown once; the user must change it at first sign-in. */
export function generateOneTimePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => OTP_ALPHABET[b % OTP_ALPHABET.length]).join('');
}
