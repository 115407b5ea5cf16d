/**
 * The ZIP container of an .xlsx: its central directory, and each entry's bytes inflated within the
 * caps of xlsx-limits.ts. Shared by the reader (xlsx-reader.ts) and the upload-time check (xlsx-scan.ts).
 */
import zlib from 'node:zlib';
import { assertPartFits, XlsxFormatError } from './xlsx-limits.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/**
 * The file entries of the central directory, keyed by lower-cased name (OPC part names are
 * case-insensitive). Two entries of one name are refused: which one a reader takes is ambiguous.
 */
export function readZipEntries(buf: Buffer): Map<string, ZipEntry> {
  if (!Buffer.isBuffer(buf)) throw new XlsxFormatError('Not an .xlsx file: expected a Buffer', { reason: 'not_zip' });
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    // OLE compound file: a legacy .xls, or an .xlsx encrypted with a password (Excel wraps those in OLE).
    throw new XlsxFormatError('Not an .xlsx file: this is a legacy .xls or a password-protected workbook', { reason: 'not_zip' });
  }
  const startsLikeZip = buf.length >= 4 && buf.readUInt32LE(0) === SIG_LOCAL;
  if (buf.length < 22) throw new XlsxFormatError('Not an .xlsx file: too short to be a zip archive', { reason: startsLikeZip ? 'truncated' : 'not_zip' });

  // End Of Central Directory: search backwards (the record may be followed by a comment of up to 65535 bytes).
  const minPos = Math.max(0, buf.length - 22 - 0xffff);
  let found: { entries: number; cdSize: number; cdOffset: number } | null = null;
  for (let i = buf.length - 22; i >= minPos && !found; i--) {
    if (buf[i] !== 0x50 || buf.readUInt32LE(i) !== SIG_EOCD) continue;
    const commentLength = buf.readUInt16LE(i + 20);
    if (i + 22 + commentLength > buf.length) continue;
    found = eocdCandidate(buf, i);
  }
  if (!found) {
    // A zip cut short loses its directory first: the end of the file is where it lives.
    if (startsLikeZip) throw new XlsxFormatError('Truncated zip: no end-of-central-directory record', { reason: 'truncated' });
    throw new XlsxFormatError('Not an .xlsx file: no zip end-of-central-directory record', { reason: 'not_zip' });
  }

  const entries = new Map<string, ZipEntry>();
  let p = found.cdOffset;
  const cdEnd = found.cdOffset + found.cdSize;
  for (let n = 0; n < found.entries; n++) {
    if (p + 46 > cdEnd || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new XlsxFormatError('Corrupt zip: bad central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cdEnd) throw new XlsxFormatError('Corrupt zip: central directory entry overruns the directory');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength).replace(/\\/g, '/');

    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extended information extra field (id 0x0001): present fields are the ones set to 0xFFFFFFFF, in this order.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      let done = false;
      while (e + 4 <= extraEnd && !done) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (e + 4 + size > extraEnd) break;
        if (id === 0x0001) {
          let q = e + 4;
          const end = q + size;
          if (uncompressedSize === 0xffffffff && q + 8 <= end) {
            uncompressedSize = readUInt64(buf, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= end) {
            compressedSize = readUInt64(buf, q);
            q += 8;
          }
          if (localOffset === 0xffffffff && q + 8 <= end) localOffset = readUInt64(buf, q);
          done = true;
        }
        e += 4 + size;
      }
    }

    if (!name.endsWith('/')) {
      const key = name.toLowerCase();
      if (entries.has(key)) throw new XlsxFormatError(`Corrupt zip: the part ${name} is there twice`, { reason: 'duplicate_part' });
      entries.set(key, { name, method, flags, crc, compressedSize, uncompressedSize, localOffset });
    }
    p = next;
  }
  return entries;
}

function eocdCandidate(buf: Buffer, i: number): { entries: number; cdSize: number; cdOffset: number } | null {
  const disk = buf.readUInt16LE(i + 4);
  const cdDisk = buf.readUInt16LE(i + 6);
  let entries = buf.readUInt16LE(i + 10);
  let cdSize = buf.readUInt32LE(i + 12);
  let cdOffset = buf.readUInt32LE(i + 16);
  let recordStart = i;
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = i - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_ZIP64_LOCATOR) return null;
    const z = readUInt64(buf, loc + 8);
    if (z + 56 > loc || buf.readUInt32LE(z) !== SIG_ZIP64_EOCD) return null;
    if (buf.readUInt32LE(z + 16) !== 0 || buf.readUInt32LE(z + 20) !== 0) return null; // multi-disk: unsupported
    entries = readUInt64(buf, z + 32);
    cdSize = readUInt64(buf, z + 40);
    cdOffset = readUInt64(buf, z + 48);
    recordStart = z;
  } else if (disk !== 0 || cdDisk !== 0) {
    return null; // multi-disk: unsupported
  }
  if (cdOffset + cdSize > recordStart) return null;
  if (entries > 0 && (cdOffset + 4 > buf.length || buf.readUInt32LE(cdOffset) !== SIG_CENTRAL)) return null;
  return { entries, cdSize, cdOffset };
}

function readUInt64(buf: Buffer, offset: number): number {
  const value = buf.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new XlsxFormatError('Corrupt zip: 64-bit size or offset out of range');
  return Number(value);
}

/** The entry's stored (compressed) bytes, after checking it is a plain stored or deflated entry that lies within the file. */
export function compressedData(buf: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 0x0001) throw new XlsxFormatError(`Unsupported: ${entry.name} is encrypted (password-protected workbook?)`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new XlsxFormatError(`Unsupported zip compression method ${entry.method} for ${entry.name}`);
  }
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== SIG_LOCAL) throw new XlsxFormatError(`Corrupt zip: bad local header for ${entry.name}`);
  // Name and extra lengths come from the LOCAL header: they may differ from the central directory's.
  const dataStart = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > buf.length) throw new XlsxFormatError(`Corrupt zip: data of ${entry.name} is truncated`, { reason: 'truncated' });
  return buf.subarray(dataStart, dataEnd);
}

/**
 * Inflates an entry, `inflatedSoFar` bytes of the workbook having been inflated before it. Refused
 * before any inflating when its declared size is over the caps; inflating stops as soon as the output
 * passes the declared size (a part that inflates to more than it declares is corrupt).
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry, inflatedSoFar: number, partCap?: number): Buffer {
  assertPartFits(entry.name, entry.uncompressedSize, inflatedSoFar, partCap);
  const raw = compressedData(buf, entry);
  let out: Buffer;
  if (entry.method === 0) {
    out = raw;
  } else {
    try {
      // One output chunk of the declared size avoids concatenating many 16 KB chunks; maxOutputLength
      // is checked against the bytes produced, so a lying entry fails at its declared size.
      const chunkSize = Math.max(64, entry.uncompressedSize + 1);
      out = zlib.inflateRawSync(raw, { chunkSize, maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (err) {
      throw new XlsxFormatError(`Corrupt zip: cannot inflate ${entry.name}: ${(err as Error).message}`, { cause: err });
    }
  }
  if (out.length !== entry.uncompressedSize) throw new XlsxFormatError(`Corrupt zip: ${entry.name} has the wrong size`);
  if ((zlib.crc32(out) >>> 0) !== entry.crc) throw new XlsxFormatError(`Corrupt zip: CRC mismatch for ${entry.name}`);
  return out;
}
