import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractTar, tarSize, tarStream, type TarEntry } from './tar.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-tar-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const mtime = new Date('2026-03-02T01:00:00Z');
const longDir = `pgdata/${'d'.repeat(90)}`;
const entries: TarEntry[] = [
  { name: 'pgdata', type: 'dir', mtime },
  { name: 'pgdata/PG_VERSION', type: 'file', mtime, data: Buffer.from('17\n') },
  { name: 'pgdata/empty', type: 'file', mtime, data: Buffer.alloc(0) },
  { name: 'pgdata/base', type: 'dir', mtime },
  { name: 'pgdata/base/16384', type: 'file', mtime, data: crypto.randomBytes(8192 * 3 + 17) },
  { name: longDir, type: 'dir', mtime },
  { name: `${longDir}/${'f'.repeat(60)}`, type: 'file', mtime, data: Buffer.from('a name over 100 bytes, split into prefix and name') },
];

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A one-entry archive whose header names `name` with type `type`, checksummed. */
async function archiveNaming(name: string, type = '0'): Promise<Buffer> {
  const tar = await bytesOf(tarStream([{ name: 'placeholder', type: 'file', mtime, data: Buffer.from('x') }]));
  tar.fill(0, 0, 100);
  tar.write(name, 0, 100, 'utf8');
  tar[156] = type.charCodeAt(0);
  tar.fill(' ', 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += tar[i];
  tar.write(sum.toString(8).padStart(6, '0') + '\0', 148, 7, 'ascii');
  return tar;
}

describe('data directory archives (tar)', () => {
  it('round-trips files and directories, with the size announced beforehand, readable by tar itself', async () => {
    const tar = await bytesOf(tarStream(entries));
    expect(tar.length).toBe(tarSize(entries));
    const dest = path.join(tmp, 'round-trip');
    // Delivered in awkward pieces, as a socket or gunzip would.
    const pieces = (async function* () {
      for (let i = 0; i < tar.length; i += 777) yield tar.subarray(i, i + 777);
    })();
    const files = entries.filter((e) => e.type === 'file');
    expect(await extractTar(pieces, dest)).toEqual({ files: 4, bytes: files.reduce((n, e) => n + e.data.length, 0) });
    for (const e of entries)
      if (e.type === 'file') expect(fs.readFileSync(path.join(dest, e.name)).equals(e.data)).toBe(true);
    expect(fs.statSync(path.join(dest, 'pgdata/base/16384')).mode & 0o777).toBe(0o600);

    const file = path.join(tmp, 'a.tar');
    fs.writeFileSync(file, tar);
    const listed = spawnSync('tar', ['tf', file], { encoding: 'utf8' });
    if (listed.status === 0) expect(listed.stdout.split('\n').filter(Boolean)).toContain(`${longDir}/${'f'.repeat(60)}`);
  });

  it('refuses paths leaving the destination, links, damaged headers and archives cut short', async () => {
    const attempt = async (tar: Buffer) => extractTar((async function* () { yield tar; })(), fs.mkdtempSync(path.join(tmp, 'bad-')));
    await expect(attempt(await archiveNaming('../escaped'))).rejects.toThrow('unsafe path');
    await expect(attempt(await archiveNaming('/etc/passwd'))).rejects.toThrow('unsafe path');
    await expect(attempt(await archiveNaming('pgdata/link', '2'))).rejects.toThrow('not a file or directory');
    const damaged = await bytesOf(tarStream(entries));
    damaged[10] ^= 1;
    await expect(attempt(damaged)).rejects.toThrow('checksum');
    const whole = await bytesOf(tarStream(entries));
    await expect(attempt(whole.subarray(0, whole.length - 2048))).rejects.toThrow('cut short');
    expect(fs.existsSync(path.join(tmp, 'escaped'))).toBe(false);
  });
});
