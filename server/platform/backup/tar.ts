import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BackupError } from './backup-error.js';

/**
 * The few parts of POSIX ustar a data-directory snapshot needs: regular files and directories,
 * written from memory and read back as a stream, so a restore never holds the whole database in
 * memory. The output is an ordinary tar (`tar tzf database.tar.gz` lists it).
 */
export type TarEntry = { name: string; type: 'dir'; mtime: Date } | { name: string; type: 'file'; mtime: Date; data: Buffer };

const BLOCK = 512;
const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/** The exact number of bytes tarStream writes for these entries. */
export function tarSize(entries: readonly TarEntry[]): number {
  let size = 2 * BLOCK;
  for (const e of entries) size += BLOCK + (e.type === 'file' ? e.data.length + padding(e.data.length) : 0);
  return size;
}

export function tarStream(entries: readonly TarEntry[]): Readable {
  return Readable.from(
    (function* () {
      for (const e of entries) {
        yield header(e);
        if (e.type === 'file' && e.data.length) {
          yield e.data;
          const pad = padding(e.data.length);
          if (pad) yield Buffer.alloc(pad);
        }
      }
      yield Buffer.alloc(2 * BLOCK);
    })(),
    { objectMode: false },
  );
}

function header(e: TarEntry): Buffer {
  const h = Buffer.alloc(BLOCK);
  const name = e.type === 'dir' && !e.name.endsWith('/') ? `${e.name}/` : e.name;
  const [prefix, base] = splitName(name);
  h.write(base, 0, 100, 'utf8');
  writeOctal(h, e.type === 'dir' ? 0o700 : 0o600, 100, 8);
  writeOctal(h, 0, 108, 8);
  writeOctal(h, 0, 116, 8);
  writeOctal(h, e.type === 'file' ? e.data.length : 0, 124, 12);
  writeOctal(h, Math.floor(e.mtime.getTime() / 1000), 136, 12);
  h.fill(' ', 148, 156);
  h.write(e.type === 'dir' ? '5' : '0', 156, 1, 'ascii');
  h.write('ustar\u000000', 257, 8, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  writeOctal(h, checksum(h), 148, 7);
  return h;
}

/** ustar keeps names up to 100 bytes, or 255 split at a slash into a prefix and the rest. */
function splitName(name: string): [string, string] {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest) return [prefix, rest];
  }
  throw new Error(`path too long for a tar entry: ${name}`);
}

function writeOctal(h: Buffer, value: number, offset: number, length: number) {
  h.write(value.toString(8).padStart(length - 1, '0') + '\u0000', offset, length, 'ascii');
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum;
}

function readString(h: Buffer, offset: number, length: number): string {
  const field = h.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(h: Buffer, offset: number, length: number): number {
  const text = readString(h, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new BackupError('the database archive is damaged (a tar header has no valid number)');
  return parseInt(text, 8);
}

/** A name from the archive as a path inside `dest`; anything that would leave it is refused. */
function safeTarget(dest: string, name: string): string {
  const clean = name.replace(/\/+$/, '');
  const parts = clean.split('/');
  if (!clean || clean.startsWith('/') || clean.includes('\\') || clean.includes('\u0000') || parts.some((p) => p === '..' || p === '' || p === '.'))
    throw new BackupError(`the database archive holds an unsafe path: ${JSON.stringify(name)}`);
  return path.join(dest, ...parts);
}

/**
 * Writes the files and directories of a tar stream under `dest` (files 0600, directories 0700);
 * refuses links, devices and paths leaving `dest`. Returns the number of files and their bytes.
 */
export async function extractTar(source: AsyncIterable<Buffer>, dest: string): Promise<{ files: number; bytes: number }> {
  fs.mkdirSync(dest, { recursive: true, mode: 0o700 });
  let pending: Buffer = Buffer.alloc(0);
  let file: { fd: number; remaining: number } | null = null;
  let skip = 0;
  let ended = false;
  let files = 0;
  let bytes = 0;
  try {
    for await (const chunk of source) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (file) {
          const n = Math.min(file.remaining, pending.length);
          if (n) fs.writeSync(file.fd, pending, 0, n);
          pending = pending.subarray(n);
          file.remaining -= n;
          bytes += n;
          if (file.remaining > 0) break;
          fs.closeSync(file.fd);
          file = null;
        }
        if (skip) {
          const n = Math.min(skip, pending.length);
          pending = pending.subarray(n);
          skip -= n;
          if (skip) break;
        }
        if (ended || pending.length < BLOCK) break;
        const h = pending.subarray(0, BLOCK);
        pending = pending.subarray(BLOCK);
        if (h.every((b) => b === 0)) {
          ended = true;
          break;
        }
        if (readOctal(h, 148, 8) !== checksum(h)) throw new BackupError('the database archive is damaged (a tar header fails its checksum)');
        const prefix = readString(h, 345, 155);
        const name = prefix ? `${prefix}/${readString(h, 0, 100)}` : readString(h, 0, 100);
        const type = String.fromCharCode(h[156]);
        const size = readOctal(h, 124, 12);
        const target = safeTarget(dest, name);
        if (type === '5') {
          fs.mkdirSync(target, { recursive: true, mode: 0o700 });
        } else if (type === '0' || type === '\u0000') {
          fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
          file = { fd: fs.openSync(target, 'wx', 0o600), remaining: size };
          files++;
          skip = padding(size);
          if (size === 0) {
            fs.closeSync(file.fd);
            file = null;
          }
        } else {
          throw new BackupError(`the database archive holds an entry that is not a file or directory: ${JSON.stringify(name)}`);
        }
      }
    }
  } finally {
    if (file) fs.closeSync(file.fd);
  }
  if (!ended || file) throw new BackupError('the database archive is cut short');
  return { files, bytes };
}
