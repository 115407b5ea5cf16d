import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Copies a file (0600, directories 0700), returning its size and SHA-256; fails with ENOENT when the source is gone. */
export async function copyFileHashed(from: string, to: string): Promise<{ bytes: number; sha256: string }> {
  fs.mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
  const hashing = hashingPassThrough();
  await pipeline(fs.createReadStream(from), hashing.stream, fs.createWriteStream(to, { flags: 'wx', mode: 0o600 }));
  return hashing.result();
}

export async function sha256OfFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** A pass-through that counts and hashes what flows through it. */
export function hashingPassThrough() {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}
