/**
 * The upload-time check of an .xlsx against XLSX_LIMITS: every part of the workbook is inflated in
 * 64 KiB chunks (on libuv's thread pool), counted and scanned, and never held whole, so a bomb costs
 * a few megabytes and stops at the first cap it passes. Run by xlsx-bounds.ts.
 */
import zlib from 'node:zlib';
import { assertPartFits, XLSX_LIMITS, XlsxFormatError, XlsxLimitError } from './xlsx-limits.js';
import { readXlsxSheets } from './xlsx-reader.js';
import { compressedData, readZipEntries, type ZipEntry } from './zip-directory.js';

const CHUNK = 64 * 1024;

/** The directory alone, in microseconds: duplicated parts, truncation and declared sizes over the caps. */
export function checkZipDirectory(buffer: Buffer): Map<string, ZipEntry> {
  const entries = readZipEntries(buffer);
  let declared = 0;
  for (const entry of entries.values()) {
    assertPartFits(entry.name, entry.uncompressedSize, declared);
    declared += entry.uncompressedSize;
  }
  return entries;
}

/** Throws XlsxLimitError (over a cap) or XlsxFormatError (not a readable .xlsx). */
export async function scanXlsx(buffer: Buffer): Promise<void> {
  const entries = checkZipDirectory(buffer);
  // The workbook's structure first (its part and relationships, capped small): a workbook part, and no two sheets on one part.
  readXlsxSheets(buffer, []);
  let inflated = 0;
  for (const entry of entries.values()) {
    assertPartFits(entry.name, entry.uncompressedSize, inflated);
    const scanner = /\.(xml|rels)$/i.test(entry.name) ? new XmlPartScanner(entry.name) : null;
    for await (const chunk of inflateInChunks(buffer, entry)) scanner?.feed(chunk);
    inflated += entry.uncompressedSize; // inflateInChunks has checked the bytes produced are exactly this
  }
}

/** The entry's bytes in chunks; fails as soon as they pass the declared size, or when size or CRC differ at the end. */
async function* inflateInChunks(buffer: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const raw = compressedData(buffer, entry);
  let produced = 0;
  let crc = 0;
  const check = (chunk: Buffer) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw new XlsxFormatError(`Corrupt zip: ${entry.name} inflates past its declared size`);
    crc = zlib.crc32(chunk, crc);
  };
  if (entry.method === 0) {
    for (let at = 0; at < raw.length; at += CHUNK) {
      const chunk = raw.subarray(at, at + CHUNK);
      check(chunk);
      yield chunk;
    }
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    inflater.end(raw);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        check(chunk);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof XlsxFormatError) throw err;
      throw new XlsxFormatError(`Corrupt zip: cannot inflate ${entry.name}: ${(err as Error).message}`, { cause: err });
    } finally {
      inflater.destroy();
    }
  }
  if (produced !== entry.uncompressedSize) throw new XlsxFormatError(`Corrupt zip: ${entry.name} has the wrong size`);
  if (crc >>> 0 !== entry.crc) throw new XlsxFormatError(`Corrupt zip: CRC mismatch for ${entry.name}`);
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOS = 0x27;
const EQUALS = 0x3d;
/** The longest start tag kept across chunks; real ones are a few dozen bytes. */
const MAX_TAG = 64 * 1024;
const ascii = (s: string) => Buffer.from(s, 'latin1');
const [COMMENT, CDATA, END_COMMENT, END_CDATA, END_PI] = ['<!--', '<![CDATA[', '-->', ']]>', '?>'].map(ascii);

/**
 * Scans an XML part chunk by chunk the way the reader would parse it: DTD markup is refused, NUL
 * characters (raw or `&#0;`) are refused, and rows, columns and cells that hold values are counted
 * (a `<c …/>` without a value is formatting only, as in the reader). Works on bytes: every character
 * it looks for is ASCII, which UTF-8 never uses inside a multi-byte sequence.
 */
class XmlPartScanner {
  private rows = 0;
  private cells = 0;
  private col = 0;
  private rowCounted = false;
  private carry: Buffer | null = null;
  private tail: Buffer | null = null;
  /** The end marker of an open comment, CDATA section or processing instruction. */
  private skipTo: Buffer | null = null;
  private utf16: TextDecoder | null | undefined;

  constructor(private readonly part: string) {}

  feed(chunk: Buffer): void {
    if (this.utf16 === undefined) {
      // Excel writes UTF-8; a part with a UTF-16 byte-order mark is scanned as its UTF-8 equivalent.
      const le = chunk[0] === 0xff && chunk[1] === 0xfe;
      this.utf16 = le || (chunk[0] === 0xfe && chunk[1] === 0xff) ? new TextDecoder(le ? 'utf-16le' : 'utf-16be') : null;
    }
    if (this.utf16) chunk = Buffer.from(this.utf16.decode(chunk, { stream: true }), 'utf8');
    if (chunk.includes(0)) throw new XlsxFormatError(`${this.part} holds a NUL character`, { reason: 'nul_character' });
    this.refuseNulReferences(chunk);
    // A reference cut by the chunk boundary: the end of the last chunk and the start of this one.
    if (this.tail) this.refuseNulReferences(Buffer.concat([this.tail, chunk.subarray(0, 12)]));
    this.tail = Buffer.from(chunk.subarray(-12));
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    this.scanTags(buf);
  }

  private scanTags(buf: Buffer): void {
    let pos = 0;
    for (;;) {
      if (this.skipTo) {
        const end = buf.indexOf(this.skipTo, pos);
        if (end < 0) return this.keep(buf, Math.max(pos, buf.length - this.skipTo.length + 1));
        pos = end + this.skipTo.length;
        this.skipTo = null;
      }
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) return;
      if (lt + CDATA.length > buf.length) return this.keep(buf, lt);
      const c1 = buf[lt + 1];
      if (c1 === SLASH) {
        pos = lt + 2;
      } else if (c1 === QMARK) {
        this.skipTo = END_PI;
        pos = lt + 2;
      } else if (c1 === BANG) {
        if (buf.subarray(lt, lt + COMMENT.length).equals(COMMENT)) this.skipTo = END_COMMENT;
        else if (buf.subarray(lt, lt + CDATA.length).equals(CDATA)) this.skipTo = END_CDATA;
        else throw new XlsxFormatError(`${this.part} declares a DTD or entities`, { reason: 'entity_declaration' });
        pos = lt + 2;
      } else {
        const next = this.startTag(buf, lt);
        if (next < 0) return this.keep(buf, lt);
        pos = next;
      }
    }
  }

  /** Counts a `<row>` or `<c>` start tag at lt; returns where scanning goes on, or -1 if the tag runs past the chunk. */
  private startTag(buf: Buffer, lt: number): number {
    let end = lt + 1;
    while (end < buf.length && buf[end] > 32 && buf[end] !== GT && buf[end] !== SLASH) end++;
    if (end === buf.length) return -1;
    let local = end;
    while (local > lt + 1 && buf[local - 1] !== COLON) local--;
    const length = end - local;
    if (length === 3 && buf[local] === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77 /* row */) {
      this.col = 0;
      this.rowCounted = false;
      return end;
    }
    if (length !== 1 || buf[local] !== 0x63 /* c */) return end;
    const gt = buf.indexOf(GT, end);
    if (gt < 0) return -1;
    const ref = cellRefColumn(buf, end, gt);
    this.col = ref > 0 ? ref : this.col + 1;
    if (buf[gt - 1] !== SLASH) this.countCell();
    return gt + 1;
  }

  private countCell(): void {
    if (this.col > XLSX_LIMITS.columns) throw new XlsxLimitError('too_many_columns', XLSX_LIMITS.columns, this.part);
    if (++this.cells > XLSX_LIMITS.cellsPerSheet) throw new XlsxLimitError('too_many_cells', XLSX_LIMITS.cellsPerSheet, this.part);
    if (this.rowCounted) return;
    this.rowCounted = true;
    if (++this.rows > XLSX_LIMITS.rowsPerSheet) throw new XlsxLimitError('too_many_rows', XLSX_LIMITS.rowsPerSheet, this.part);
  }

  /** `&#0;`, `&#x00;` …: the reader would turn them into NUL. */
  private refuseNulReferences(buf: Buffer): void {
    for (let at = buf.indexOf('&#'); at >= 0; at = buf.indexOf('&#', at + 2)) {
      const semicolon = buf.indexOf(';', at);
      if (semicolon < 0 || semicolon > at + 12) continue;
      if (/^(x0+|0+)$/i.test(buf.toString('latin1', at + 2, semicolon)))
        throw new XlsxFormatError(`${this.part} holds a NUL character reference`, { reason: 'nul_character' });
    }
  }

  private keep(buf: Buffer, from: number): void {
    if (buf.length - from > MAX_TAG) throw new XlsxFormatError(`${this.part}: a tag longer than ${MAX_TAG} bytes`);
    this.carry = Buffer.from(buf.subarray(from));
  }
}

/** The column of a cell's r="AB12" attribute between the tag name and '>', or 0 when it has none. */
function cellRefColumn(buf: Buffer, from: number, gt: number): number {
  let i = from;
  while (i < gt) {
    while (i < gt && (buf[i] <= 32 || buf[i] === SLASH)) i++;
    const nameStart = i;
    while (i < gt && buf[i] !== EQUALS && buf[i] > 32) i++;
    const isR = i - nameStart === 1 && buf[nameStart] === 0x72;
    while (i < gt && buf[i] !== QUOTE && buf[i] !== APOS) i++;
    const valueEnd = buf.indexOf(buf[i], i + 1);
    if (i >= gt || valueEnd < 0 || valueEnd > gt) return 0;
    if (isR) {
      let n = 0;
      for (let j = i + 1; j < valueEnd; j++) {
        const ch = buf[j] & 0xdf; // upper case
        if (ch < 65 || ch > 90) break;
        n = n * 26 + (ch - 64);
      }
      return n;
    }
    i = valueEnd + 1;
  }
  return 0;
}
