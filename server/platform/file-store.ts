import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/**
 * Uploaded files, kept outside the web root under one directory (`DATA_DIR/attachments`), each
 * encrypted (AES-256-GCM, a key derived from the master secret) under a random key that is the
 * only thing a table stores. Writes are atomic: a temporary file in the same directory tree is
 * written, flushed and renamed, so a crash leaves either the whole file or none
 * (docs/decisions/007-attachments.md).
 */
export interface FileStore {
  readonly root: string;
  /** Encrypts and writes the bytes; returns the new key. */
  put(data: Buffer): Promise<string>;
  /** The bytes as they were put; throws when the file is missing or was altered. */
  get(key: string): Promise<Buffer>;
  /** Removes a file (used to undo a put whose database write failed); a missing file is fine. */
  remove(key: string): Promise<void>;
  /** Where a key's file lives (for tests and operations). */
  pathOf(key: string): string;
}

export class FileStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileStoreError';
  }
}

const KEY = /^[0-9a-f]{32}$/;
const MAGIC = Buffer.from('UHF1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function createFileStore(opts: { root: string; encryptionKey: Buffer; notInside?: Array<string | undefined> }): FileStore {
  const root = path.resolve(opts.root);
  for (const forbidden of opts.notInside ?? [])
    if (forbidden && (isInside(root, forbidden) || isInside(forbidden, root)))
      throw new Error(`file storage ${root} must not be inside or contain the web root ${path.resolve(forbidden)}`);
  if (opts.encryptionKey.length !== 32) throw new Error('file encryption key must be 32 bytes');
  const tmpDir = path.join(root, '.tmp');
  fs.mkdirSync(tmpDir, { recursive: true, mode: 0o700 });
  sweepStaleTemps(tmpDir);

  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new FileStoreError('malformed storage key');
    return path.join(root, key.slice(0, 2), key);
  };

  return {
    root,
    pathOf,
    async put(data) {
      const key = crypto.randomBytes(16).toString('hex');
      const target = pathOf(key);
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', opts.encryptionKey, iv);
      // The key is bound as associated data: a file copied under another key does not decrypt.
      cipher.setAAD(Buffer.from(key));
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      const sealed = Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
      const tmp = path.join(tmpDir, `${key}.${process.pid}.tmp`);
      try {
        const handle = await fsp.open(tmp, 'wx', 0o600);
        try {
          await handle.writeFile(sealed);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await fsp.rename(tmp, target);
        await syncDir(path.dirname(target));
      } catch (err) {
        await fsp.rm(tmp, { force: true });
        throw err;
      }
      return key;
    },
    async get(key) {
      const sealed = await fsp.readFile(pathOf(key));
      if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC))
        throw new FileStoreError('stored file has an unknown format');
      const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = sealed.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', opts.encryptionKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(key));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]);
      } catch {
        throw new FileStoreError('stored file failed its integrity check');
      }
    },
    async remove(key) {
      await fsp.rm(pathOf(key), { force: true });
    },
  };
}

async function syncDir(dir: string) {
  // Makes the rename durable; not every platform lets a directory be opened for fsync.
  try {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

/** Temporary files older than a day are from a write that crashed half-way. */
function sweepStaleTemps(tmpDir: string) {
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of fs.readdirSync(tmpDir)) {
    const file = path.join(tmpDir, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      /* gone already */
    }
  }
}
