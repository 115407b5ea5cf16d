import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { deriveSecrets, loadMasterSecret } from './secrets.js';

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('loadConfig accepted a bad environment');
}

describe('loadConfig', () => {
  it('takes a demo clock file only in demo mode', () => {
    expect(configError({ DEMO_CLOCK_FILE: '/tmp/clock' })).toContain('DEMO_CLOCK_FILE: only with DEMO=1');
    expect(loadConfig({ DEMO: '1', DEMO_CLOCK_FILE: '/tmp/clock' }).DEMO_CLOCK_FILE).toBe('/tmp/clock');
  });

  it('uses safe defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DEMO: false, SECURE_COOKIES: false, DENGBAO_MODE: false, LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SECRET_KEY).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('rejects PORT=abc, DATABASE_URL=mysql://x and SECRET_KEY=short in one error naming each variable', () => {
    const message = configError({ PORT: 'abc', DATABASE_URL: 'mysql://x', SECRET_KEY: 'short' });
    expect(message).toMatch(/^Invalid configuration:/);
    const lines = message.split('\n').slice(1);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.trim().startsWith('PORT:'))).toBeTruthy();
    expect(lines.find((l) => l.trim().startsWith('DATABASE_URL:'))).toMatch(/postgres:\/\//);
    expect(lines.find((l) => l.trim().startsWith('SECRET_KEY:'))).toMatch(/64 hex/);
  });

  it('rejects a port out of range and an unknown log level', () => {
    expect(configError({ PORT: '70000' })).toMatch(/PORT/);
    expect(configError({ PORT: '0' })).toMatch(/PORT/);
    expect(configError({ LOG_LEVEL: 'loud' })).toMatch(/LOG_LEVEL/);
  });

  it('accepts PostgreSQL URLs and a 64-hex secret; empty strings mean unset', () => {
    const key = 'ab'.repeat(32);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', SECRET_KEY: key, PORT: '8080' })).toMatchObject({ DATABASE_URL: 'postgres://u@h/db', SECRET_KEY: key, PORT: 8080 });
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).DATABASE_URL).toBe('postgresql://u@h/db');
    const empty = loadConfig({ DATABASE_URL: '', SECRET_KEY: '' });
    expect(empty.DATABASE_URL).toBeUndefined();
    expect(empty.SECRET_KEY).toBeUndefined();
  });

  it.each([
    ['1', true],
    ['true', true],
    ['yes', true],
    ['on', true],
    ['0', false],
    ['false', false],
    ['no', false],
    ['off', false],
    ['', false],
  ])('parses DEMO=%j as %s, and the other flags alike', (value, expected) => {
    const config = loadConfig({ DEMO: value, SECURE_COOKIES: value, DENGBAO_MODE: value });
    expect(config.DEMO).toBe(expected);
    expect(config.SECURE_COOKIES).toBe(expected);
    expect(config.DENGBAO_MODE).toBe(expected);
  });

  it('rejects a flag it cannot read, naming it', () => {
    const message = configError({ DEMO: 'maybe', SECURE_COOKIES: '2' });
    expect(message).toMatch(/DEMO/);
    expect(message).toMatch(/SECURE_COOKIES/);
  });

  it('resolves DATA_DIR to an absolute path', () => {
    expect(loadConfig({ DATA_DIR: 'some/dir' }).dataDir).toBe(path.resolve('some/dir'));
  });
});

describe('loadMasterSecret', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-secret-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('generates secret.key with mode 0600 once and reads the same key back', () => {
    const dir = path.join(tempDir(), 'data'); // created on first use
    const first = loadMasterSecret({ dataDir: dir });
    const file = path.join(dir, 'secret.key');
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    const mtime = fs.statSync(file).mtimeMs;
    const second = loadMasterSecret({ dataDir: dir });
    expect(second.equals(first)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(deriveSecrets(second)).toEqual(deriveSecrets(first));
  });

  it('prefers SECRET_KEY and then writes no file', () => {
    const dir = tempDir();
    const hex = 'cd'.repeat(32);
    expect(loadMasterSecret({ secretKeyHex: hex, dataDir: dir }).toString('hex')).toBe(hex);
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
  });

  it('refuses a key file that is not 64 hex characters', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'secret.key'), 'not-a-key\n');
    expect(() => loadMasterSecret({ dataDir: dir })).toThrow(/not 64 hex characters/);
  });

  it('derives a distinct key for each purpose', () => {
    const s = deriveSecrets(loadMasterSecret({ dataDir: tempDir() }));
    const keys = [s.piiEncryptionKey, s.piiLookupKey, s.csrfKey].map((k) => k.toString('hex'));
    expect(new Set(keys).size).toBe(3);
    for (const k of [s.piiEncryptionKey, s.piiLookupKey, s.csrfKey]) expect(k).toHaveLength(32);
  });
});

describe('TRUST_PROXY', () => {
  it('is an empty list (trust no proxy) when unset or empty', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: ' ' }).TRUST_PROXY).toEqual([]);
  });

  it('reads comma-separated addresses and CIDRs, IPv4 and IPv6', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1,fd00::/8' }).TRUST_PROXY).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8']);
  });

  it.each(['proxy.local', '10.0.0.1/33', '10.0.0/8', '::1/129', '10.0.0.1/8/8', '10.0.0.1/x', '0.0.0.0/0'])('refuses %s, naming the variable', (value) => {
    const message = configError({ TRUST_PROXY: value });
    expect(message).toMatch(/^Invalid configuration:\n {2}TRUST_PROXY: /);
  });

  it('names the bad entries of a list', () => {
    expect(configError({ TRUST_PROXY: '10.0.0.1,nginx,10.0.0.300' })).toMatch(/TRUST_PROXY: not an IP address or CIDR .*: nginx, 10\.0\.0\.300/);
  });
});

describe('METRICS_TOKEN', () => {
  it('is optional (loopback scrapers only) and taken as given when long enough', () => {
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).METRICS_TOKEN).toBe('a'.repeat(32));
  });

  it.each(['short-token', `${'a'.repeat(20)} ${'b'.repeat(20)}`])('refuses %s, naming the variable', (value) => {
    expect(configError({ METRICS_TOKEN: value })).toMatch(/^Invalid configuration:\n {2}METRICS_TOKEN: must be at least 32 printable/);
  });
});
