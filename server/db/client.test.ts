import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { acquireDataDirLock, DataDirLockedError, openDatabase, parseCheckedInteger } from './client.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('writes the pid to .lock and removes it on release', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    const lock = path.join(dir, '.lock');
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
    release(); // twice is harmless
  });

  it('refuses a directory held by another live process with a clear DataDirLockedError', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    fs.writeFileSync(path.join(dir, '.lock'), String(process.ppid)); // the parent process: alive, and not us
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    const locked = error as DataDirLockedError;
    expect(locked.holderPid).toBe(process.ppid);
    expect(locked.dataDir).toBe(dir);
    expect(locked.message).toContain(dir);
    expect(locked.message).toContain(`pid ${process.ppid}`);
    expect(locked.message).toMatch(/in use by another UnionHub process/);
    expect(locked.message).toMatch(/another DATA_DIR/);
    // The holder's lock is left alone, and releasing ours does not remove a lock that is no longer ours.
    expect(fs.readFileSync(path.join(dir, '.lock'), 'utf8')).toBe(String(process.ppid));
    release();
    expect(fs.readFileSync(path.join(dir, '.lock'), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a stale lock left by a dead process', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.lock'), '999999');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, '.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);
  });

  it('takes over an unreadable lock file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.lock'), 'garbage');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, '.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('makes openDatabase refuse a data directory in use, leaving it intact', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.lock'), String(process.ppid));
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
  });

  it('opens a file-backed database, keeps data across a reopen, and unlocks on close', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, '.lock'), 'utf8')).toBe(String(process.pid));
    await first.db.execute(sql`insert into orgs (path, depth, code, name, type) values ('/1/', 0, 'KEEP', 'kept', 'city_federation')`);
    await first.close();
    expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);
    const second = await openDatabase({ dataDir: dir });
    const rows = await second.db.execute(sql`select code from orgs`);
    await second.close();
    expect(JSON.stringify(rows)).toContain('KEEP');
  });
});

describe('parseCheckedInteger', () => {
  it('parses safe integers and refuses anything past 2^53', () => {
    expect(parseCheckedInteger('0')).toBe(0);
    expect(parseCheckedInteger('-42')).toBe(-42);
    expect(parseCheckedInteger('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseCheckedInteger('9007199254740993')).toThrow(/safe range/);
    expect(() => parseCheckedInteger('abc')).toThrow(/safe range/);
  });
});
