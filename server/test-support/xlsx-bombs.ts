/**
 * Crafted .xlsx files for the upload-bounds tests and bench/xlsx-bombs.ts: decompression bombs built
 * in memory without ever holding their inflated content, and malformed packages.
 */
import zlib from 'node:zlib';

const MiB = 1024 * 1024;

/** A zip entry: its raw-deflated bytes with the CRC and size of what they inflate to. */
export interface BombEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written into the headers, when it should lie. */
  declaredSize?: number;
}

/** Deflates text as one self-contained entry. */
export function textEntry(name: string, text: string): BombEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, deflated: zlib.deflateRawSync(raw), crc: zlib.crc32(raw) >>> 0, size: raw.length };
}

/**
 * An entry of `prefix`, then `unit` repeated to about `bytes`, then `suffix`, as raw deflate.
 * Each 1 MiB of repeats is deflated once with a full flush (a byte-aligned block that needs no earlier
 * data), and that block is repeated: 1 GiB costs about 1 MB and is never in memory inflated.
 */
export function repeatedEntry(name: string, prefix: string, unit: string, bytes: number, suffix: string): BombEntry {
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor(MiB / unit.length))), 'utf8');
  const block = zlib.deflateRawSync(chunk, full);
  const head = Buffer.from(prefix, 'utf8');
  const tail = Buffer.from(suffix, 'utf8');
  const repeats = Math.max(1, Math.round(bytes / chunk.length));
  let crc = zlib.crc32(head);
  for (let i = 0; i < repeats; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tail, crc);
  const parts = [zlib.deflateRawSync(head, full), ...Array<Buffer>(repeats).fill(block), zlib.deflateRawSync(tail)];
  return { name, deflated: Buffer.concat(parts), crc: crc >>> 0, size: head.length + repeats * chunk.length + tail.length };
}

/** A zip of deflated entries (sizes in 32 bits: every size here is under 4 GiB). */
export function zipOf(entries: BombEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * The package around the given sheet parts: sheet i is named `names[i]` (the import's 户主信息 and
 * 家庭成员 first) and points at `targets[i]` (default: its own part).
 */
export function workbookOf(sheetParts: BombEntry[], opts: { names?: string[]; targets?: string[]; extra?: BombEntry[] } = {}): Buffer {
  const names = opts.names ?? ['户主信息', '家庭成员', '第三表', '第四表', '第五表', '第六表'];
  const targets = opts.targets ?? sheetParts.map((p) => p.name);
  const sheets = targets.map((_, i) => `<sheet name="${names[i] ?? `S${i}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/${t}"/>`).join('');
  return zipOf([
    textEntry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    textEntry('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    textEntry('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><sheets>${sheets}</sheets></workbook>`),
    textEntry('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    ...sheetParts,
    ...(opts.extra ?? []),
  ]);
}

/** A sheet part of whitespace inflating to `bytes` (whitespace between tags is valid XML). */
export const blankSheet = (name: string, bytes: number) => repeatedEntry(name, SHEET_HEAD, ' ', bytes, SHEET_TAIL);

/** The crafted files, each with what it attacks; `bytes` scales the big ones (tests use the real caps). */
export function bombs(): Array<{ name: string; file: Buffer }> {
  const GiB = 1024 * MiB;
  const sheet1 = 'xl/worksheets/sheet1.xml';
  const rows = (n: number) => repeatedEntry(sheet1, SHEET_HEAD, '<row><c><v>1</v></c></row>', n * 26, SHEET_TAIL);
  const row100 = `<row>${'<c><v>1</v></c>'.repeat(100)}</row>`;
  const cells = repeatedEntry(sheet1, SHEET_HEAD, row100, 70_000 * row100.length, SHEET_TAIL);
  const lying = { ...blankSheet(sheet1, GiB), declaredSize: 100 * MiB };
  const shared = blankSheet(sheet1, 200 * MiB);
  const many = [1, 2, 3].map((i) => blankSheet(`xl/worksheets/sheet${i}.xml`, 200 * MiB));
  return [
    { name: '1 GiB sheet part (declared honestly)', file: workbookOf([blankSheet(sheet1, GiB)]) },
    { name: '1 GiB sheet part declaring 100 MiB', file: workbookOf([lying]) },
    { name: 'two sheets pointing at one 200 MiB part', file: workbookOf([shared], { targets: [sheet1, sheet1] }) },
    { name: 'three 200 MiB parts (600 MiB in all)', file: workbookOf(many) },
    { name: '10,000,000 rows', file: workbookOf([rows(10_000_000)]) },
    { name: '7,000,000 cells (70,000 rows of 100)', file: workbookOf([cells]) },
    { name: 'a cell in column 1,000', file: workbookOf([textEntry(sheet1, `${SHEET_HEAD}<row r="1"><c r="ALL1"><v>1</v></c></row>${SHEET_TAIL}`)]) },
    { name: 'entity declaration', file: workbookOf([textEntry(sheet1, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><worksheet ${NS}><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>`)]) },
    { name: 'duplicated part', file: workbookOf([textEntry(sheet1, SHEET_HEAD + SHEET_TAIL), textEntry(sheet1, SHEET_HEAD + SHEET_TAIL)]) },
    { name: 'NUL as &#0; in a cell', file: workbookOf([textEntry(sheet1, `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>a&#0;b</t></is></c></row>${SHEET_TAIL}`)]) },
    { name: 'truncated zip', file: workbookOf([textEntry(sheet1, SHEET_HEAD + SHEET_TAIL)]).subarray(0, 300) },
  ];
}
