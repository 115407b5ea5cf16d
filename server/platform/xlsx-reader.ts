/**
 * Fast, dependency-free reader for plain .xlsx data sheets.
 *
 * Reads the ZIP container itself (node:zlib for inflate), then scans the XML parts
 * with indexOf / char-code loops (no DOM). Each part is decoded from UTF-8 in one go,
 * so multi-byte characters can never be split at a chunk boundary.
 *
 * What it returns is deliberately raw: strings exactly as stored (not trimmed),
 * numbers as the literal text of their <v> element, no styles, no dates, no formulas.
 */
import { XLSX_LIMITS, XlsxFormatError, XlsxLimitError } from './xlsx-limits.js';
import { inflateEntry, readZipEntries } from './zip-directory.js';

export { XlsxFormatError, XlsxLimitError } from './xlsx-limits.js';

export interface XlsxCell {
  /** What a person sees for strings; for numbers the raw `<v>` text (e.g. "1800.5", "4.10803197805150E+17"). */
  text: string;
  /** True for numeric cells (t="n" or no t attribute). */
  isNumber: boolean;
}

export interface XlsxRow {
  /** 1-based row number, taken from r="..." (or previous + 1 when absent). */
  number: number;
  /** Cells keyed by 1-based column index (A=1, Z=26, AA=27 …). */
  cells: Map<number, XlsxCell>;
}

/**
 * Reads the worksheets of an .xlsx file.
 *
 * @param buffer the whole .xlsx file
 * @param wantedSheets sheet names (exact match) to parse; when omitted every sheet is parsed.
 *   Wanted names that do not exist are simply absent from the result; sheets not wanted are never inflated.
 * @returns sheet name -> rows in document order (only rows that have at least one cell), in workbook order.
 *   A cell is present when it has a value element (`<v>` or `<is>`), even if its text is empty.
 * @throws XlsxFormatError when the buffer is not a readable .xlsx (not a zip, truncated, corrupt, encrypted, unsupported compression …)
 */
export function readXlsxSheets(buffer: Buffer, wantedSheets?: string[]): Map<string, XlsxRow[]> {
  const zip = readZipDirectory(buffer);

  // Locate the workbook part through the package relationships (fallback: the usual xl/workbook.xml).
  let workbookPath = 'xl/workbook.xml';
  const rootRels = zip.has('_rels/.rels') ? parseRelationships(zip.text('_rels/.rels', XLSX_LIMITS.structureBytes), '') : [];
  const officeDoc = rootRels.find((rel) => rel.type.endsWith('/officeDocument'));
  if (officeDoc && zip.has(officeDoc.target)) workbookPath = officeDoc.target;
  if (!zip.has(workbookPath)) throw new XlsxFormatError(`Not an .xlsx workbook: ${workbookPath} is missing`);

  const slash = workbookPath.lastIndexOf('/');
  const workbookDir = slash >= 0 ? workbookPath.slice(0, slash) : '';
  const workbookRelsPath = `${workbookDir ? `${workbookDir}/` : ''}_rels/${workbookPath.slice(slash + 1)}.rels`;
  const workbookRels = zip.has(workbookRelsPath) ? parseRelationships(zip.text(workbookRelsPath, XLSX_LIMITS.structureBytes), workbookDir) : [];
  const relById = new Map<string, Relationship>();
  for (const rel of workbookRels) relById.set(rel.id, rel);

  const sheets = parseWorkbookSheets(zip.text(workbookPath, XLSX_LIMITS.structureBytes));
  const wanted = wantedSheets ? new Set(wantedSheets) : null;
  const toRead: Array<{ name: string; path: string }> = [];
  const sheetParts = new Set<string>();
  for (const sheet of sheets) {
    // Two sheets on one part would have it inflated and parsed twice (by the import's two threads, too).
    const part = relById.get(sheet.relId)?.target.toLowerCase();
    if (part !== undefined && sheetParts.has(part)) throw new XlsxFormatError(`Sheets share the part ${part}`, { reason: 'shared_part' });
    if (part !== undefined) sheetParts.add(part);
    if (wanted && !wanted.has(sheet.name)) continue;
    const rel = relById.get(sheet.relId);
    if (!rel) throw new XlsxFormatError(`Sheet "${sheet.name}" has no relationship ${sheet.relId} in ${workbookRelsPath}`);
    if (!zip.has(rel.target)) throw new XlsxFormatError(`Sheet "${sheet.name}": part ${rel.target} is missing`);
    toRead.push({ name: sheet.name, path: rel.target });
  }

  const result = new Map<string, XlsxRow[]>();
  if (toRead.length === 0) return result;

  let sharedStrings: string[] = [];
  const sstRel = workbookRels.find((rel) => rel.type.endsWith('/sharedStrings'));
  const sstPath = sstRel && zip.has(sstRel.target) ? sstRel.target : zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null;
  if (sstPath) sharedStrings = parseSharedStrings(zip.text(sstPath));

  for (const { name, path } of toRead) {
    if (result.has(name)) continue;
    result.set(name, parseSheet(zip.text(path), sharedStrings, name));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Parts of the package
// ---------------------------------------------------------------------------------------------

interface ZipDirectory {
  has(name: string): boolean;
  text(name: string, partCap?: number): string;
}

/** The parts as text; every part inflated counts towards the workbook's cap, a part read twice twice. */
function readZipDirectory(buf: Buffer): ZipDirectory {
  const entries = readZipEntries(buf);
  const cache = new Map<string, string>();
  let inflated = 0;
  return {
    has: (name) => entries.has(name.toLowerCase()),
    text(name, partCap) {
      const key = name.toLowerCase();
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const entry = entries.get(key);
      if (!entry) throw new XlsxFormatError(`Missing part ${name}`);
      const data = inflateEntry(buf, entry, inflated, partCap);
      inflated += data.length;
      const text = decodeXmlPart(data, entry.name);
      // Only the small parts are read twice (never sheets), but caching is harmless.
      if (text.length < 1_000_000) cache.set(key, text);
      return text;
    },
  };
}

function decodeXmlPart(data: Buffer, name: string): string {
  let text: string;
  try {
    if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) text = data.toString('utf16le', 2);
    else if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
      const swapped = Buffer.from(data.subarray(2, 2 + ((data.length - 2) & ~1)));
      swapped.swap16();
      text = swapped.toString('utf16le');
    } else text = data.toString('utf8');
  } catch (err) {
    // V8 strings are limited to ~512 MB.
    throw new XlsxFormatError(`Unsupported: part ${name} is too large (${data.length} bytes)`, { cause: err });
  }
  // No entity is ever expanded here, but a declaration has no place in a workbook and is how XML bombs start.
  if (text.includes('<!DOCTYPE') || text.includes('<!ENTITY')) throw new XlsxFormatError(`${name} declares a DTD or entities`, { reason: 'entity_declaration' });
  // PostgreSQL refuses NUL in text: it must not reach a cell.
  if (text.includes('\0')) throw new XlsxFormatError(`${name} holds a NUL character`, { reason: 'nul_character' });
  return text;
}

// ---------------------------------------------------------------------------------------------
// XML scanning helpers
// ---------------------------------------------------------------------------------------------

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QMARK = 63; // ?
const COLON = 58; // :
const DQUOTE = 34;
const SQUOTE = 39;

/** End (exclusive) of the tag name that starts at i. */
function nameEnd(xml: string, i: number): number {
  const len = xml.length;
  while (i < len) {
    const c = xml.charCodeAt(i);
    if (c <= 32 || c === GT || c === SLASH) break;
    i++;
  }
  return i;
}

/** Start of the local part of the name in [start, end) (after the namespace prefix, if any). */
function localStart(xml: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (xml.charCodeAt(i) === COLON) return i + 1;
  return start;
}

function isName(xml: string, start: number, end: number, name: string): boolean {
  return end - start === name.length && xml.startsWith(name, start);
}

/** Index of the '>' closing the tag whose attributes start at i; quoted attribute values may contain '>'. */
function tagEnd(xml: string, i: number): number {
  const len = xml.length;
  while (i < len) {
    const c = xml.charCodeAt(i);
    if (c === GT) return i;
    if (c === DQUOTE || c === SQUOTE) {
      const close = xml.indexOf(c === DQUOTE ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close + 1;
    } else {
      i++;
    }
  }
  throw new XlsxFormatError('Malformed XML: unterminated tag');
}

/**
 * Skips a `<!…>` or `<?…?>` construct starting at lt (the '<'); returns the index after it.
 * CDATA sections outside of text elements are skipped as well.
 */
function skipSpecial(xml: string, lt: number): number {
  let end: number;
  if (xml.startsWith('<!--', lt)) {
    end = xml.indexOf('-->', lt + 4);
    if (end >= 0) return end + 3;
  } else if (xml.startsWith('<![CDATA[', lt)) {
    end = xml.indexOf(']]>', lt + 9);
    if (end >= 0) return end + 3;
  } else if (xml.charCodeAt(lt + 1) === QMARK) {
    end = xml.indexOf('?>', lt + 2);
    if (end >= 0) return end + 2;
  } else {
    end = xml.indexOf('>', lt + 2);
    if (end >= 0) return end + 1;
  }
  throw new XlsxFormatError('Malformed XML: unterminated comment, CDATA or declaration');
}

/** All attributes of a tag: full name (with prefix) -> decoded value. */
function attrsOf(xml: string, from: number, to: number): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=\/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const area = xml.slice(from, to);
  for (let m = re.exec(area); m; m = re.exec(area)) out.set(m[1], decodeText(m[2] ?? m[3] ?? ''));
  return out;
}

function attrByLocalName(attrs: Map<string, string>, local: string): string | undefined {
  const direct = attrs.get(local);
  if (direct !== undefined) return direct;
  for (const [key, value] of attrs) if (key.endsWith(`:${local}`)) return value;
  return undefined;
}

const ENTITY_RE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function replaceEntity(match: string, hex: string | undefined, dec: string | undefined, named: string | undefined): string {
  if (named) return NAMED[named];
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
  if (code === 0) throw new XlsxFormatError(`a NUL character reference (${match})`, { reason: 'nul_character' });
  if (!(code >= 0 && code <= 0x10ffff)) return match;
  return String.fromCodePoint(code);
}

/** Decodes XML character data: end-of-line normalisation, then entity references. `_x000D_` escapes are kept. */
function decodeText(s: string): string {
  if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY_RE, replaceEntity);
}

/** Set by readText: index of the '<' of the tag that ended the text. */
let textEndPos = 0;

/** Character data starting at `start` up to the next tag (CDATA sections included verbatim). */
function readText(xml: string, start: number): string {
  let lt = xml.indexOf('<', start);
  if (lt < 0) throw new XlsxFormatError('Malformed XML: unterminated text element');
  if (!xml.startsWith('<![CDATA[', lt)) {
    textEndPos = lt;
    return decodeText(xml.slice(start, lt));
  }
  let out = decodeText(xml.slice(start, lt));
  for (;;) {
    const end = xml.indexOf(']]>', lt + 9);
    if (end < 0) throw new XlsxFormatError('Malformed XML: unterminated CDATA section');
    out += xml.slice(lt + 9, end);
    const next = xml.indexOf('<', end + 3);
    if (next < 0) throw new XlsxFormatError('Malformed XML: unterminated text element');
    out += decodeText(xml.slice(end + 3, next));
    lt = next;
    if (!xml.startsWith('<![CDATA[', lt)) break;
  }
  textEndPos = lt;
  return out;
}

/** Set by readRichText: index just after the closing tag of the string item. */
let richEndPos = 0;

/**
 * Text of a string item (`<si>` or `<is>` content, starting after its opening tag): plain `<t>` or the
 * `<t>` of every rich-text run concatenated; phonetic runs (`<rPh>`) are ignored.
 */
function readRichText(xml: string, start: number, endLocal: string): string {
  let out = '';
  let phonetic = 0;
  let pos = start;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) throw new XlsxFormatError(`Malformed XML: unterminated <${endLocal}>`);
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === SLASH) {
      const ne = nameEnd(xml, lt + 2);
      const ls = localStart(xml, lt + 2, ne);
      const gt = xml.indexOf('>', ne);
      if (gt < 0) throw new XlsxFormatError('Malformed XML: unterminated closing tag');
      pos = gt + 1;
      if (isName(xml, ls, ne, endLocal)) {
        richEndPos = pos;
        return out;
      }
      if (isName(xml, ls, ne, 'rPh') && phonetic > 0) phonetic--;
      continue;
    }
    if (c1 === BANG || c1 === QMARK) {
      pos = skipSpecial(xml, lt);
      continue;
    }
    const ne = nameEnd(xml, lt + 1);
    const ls = localStart(xml, lt + 1, ne);
    const gt = tagEnd(xml, ne);
    pos = gt + 1;
    if (xml.charCodeAt(gt - 1) === SLASH) continue; // self-closing: <t/> is empty, <phoneticPr …/> etc.
    if (isName(xml, ls, ne, 't')) {
      const text = readText(xml, pos);
      pos = textEndPos;
      if (phonetic === 0) out += text;
    } else if (isName(xml, ls, ne, 'rPh')) {
      phonetic++;
    }
  }
}

/** Calls `onElement` for every start tag whose local name is `local`. */
function forEachElement(xml: string, local: string, onElement: (attrs: Map<string, string>) => void): void {
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === BANG || c1 === QMARK) {
      pos = skipSpecial(xml, lt);
      continue;
    }
    if (c1 === SLASH) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XlsxFormatError('Malformed XML: unterminated closing tag');
      pos = gt + 1;
      continue;
    }
    const ne = nameEnd(xml, lt + 1);
    const ls = localStart(xml, lt + 1, ne);
    const gt = tagEnd(xml, ne);
    pos = gt + 1;
    if (isName(xml, ls, ne, local)) onElement(attrsOf(xml, ne, xml.charCodeAt(gt - 1) === SLASH ? gt - 1 : gt));
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook parts
// ---------------------------------------------------------------------------------------------

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function parseRelationships(xml: string, baseDir: string): Relationship[] {
  const out: Relationship[] = [];
  forEachElement(xml, 'Relationship', (attrs) => {
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (!id || target === undefined || attrs.get('TargetMode') === 'External') return;
    out.push({ id, type: attrs.get('Type') ?? '', target: resolveTarget(baseDir, target) });
  });
  return out;
}

/** Resolves a relationship target (relative to baseDir, or absolute from the package root) to a zip entry name. */
function resolveTarget(baseDir: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep as is
  }
  const full = t.startsWith('/') ? t.slice(1) : baseDir ? `${baseDir}/${t}` : t;
  const parts: string[] = [];
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

function parseWorkbookSheets(xml: string): Array<{ name: string; relId: string }> {
  const out: Array<{ name: string; relId: string }> = [];
  forEachElement(xml, 'sheet', (attrs) => {
    const name = attrs.get('name');
    const relId = attrByLocalName(attrs, 'id');
    if (name === undefined || relId === undefined) throw new XlsxFormatError('Malformed workbook: <sheet> without name or r:id');
    out.push({ name, relId });
  });
  return out;
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return out;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === BANG || c1 === QMARK) {
      pos = skipSpecial(xml, lt);
      continue;
    }
    if (c1 === SLASH) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new XlsxFormatError('Malformed XML: unterminated closing tag');
      pos = gt + 1;
      continue;
    }
    const ne = nameEnd(xml, lt + 1);
    const ls = localStart(xml, lt + 1, ne);
    const gt = tagEnd(xml, ne);
    pos = gt + 1;
    if (!isName(xml, ls, ne, 'si')) continue;
    if (xml.charCodeAt(gt - 1) === SLASH) {
      out.push('');
    } else {
      out.push(readRichText(xml, pos, 'si'));
      pos = richEndPos;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheet
// ---------------------------------------------------------------------------------------------

// Cell kinds, from the t attribute.
const KIND_NUMBER = 0; // t="n" or no t
const KIND_SHARED = 1; // t="s"
const KIND_INLINE = 2; // t="inlineStr"
const KIND_TEXT = 3; // t="str", "b", "e", "d" and anything unknown: the <v> text, not a number

/** Set by scanAttributes: index of the '>' ending the tag. */
let scanEnd = 0;

/**
 * Walks the attributes of a `<c>` or `<row>` start tag from `i` (just after the element name) to its '>'
 * (stored in scanEnd). For `<c>` returns column * 4 + kind (column 0 when there is no usable r attribute);
 * for `<row>` returns the r attribute as a number (0 when absent or invalid).
 */
function scanAttributes(xml: string, i: number, isCell: boolean): number {
  let result = 0;
  let kind = KIND_NUMBER;
  for (;;) {
    let c = xml.charCodeAt(i);
    // skip whitespace and the '/' of a self-closing tag
    while (c <= 32 || c === SLASH) {
      if (i >= xml.length) throw new XlsxFormatError('Malformed XML: unterminated tag');
      c = xml.charCodeAt(++i);
    }
    if (c === GT) {
      scanEnd = i;
      return isCell ? result * 4 + kind : result;
    }
    const nameStart = i;
    while (c !== 61 /* = */ && c > 32 && c !== GT && c !== SLASH) c = xml.charCodeAt(++i);
    const nameLength = i - nameStart;
    while (c !== DQUOTE && c !== SQUOTE) {
      if (c === GT || i >= xml.length) throw new XlsxFormatError('Malformed XML: attribute without a quoted value');
      c = xml.charCodeAt(++i);
    }
    const valueStart = i + 1;
    const valueEnd = xml.indexOf(c === DQUOTE ? '"' : "'", valueStart);
    if (valueEnd < 0) throw new XlsxFormatError('Malformed XML: unterminated attribute value');
    i = valueEnd + 1;
    if (nameLength !== 1) continue;
    const attr = xml.charCodeAt(nameStart);
    if (attr === 114 /* r */) {
      let n = 0;
      let j = valueStart;
      if (isCell) {
        // column letters of a reference such as "AB12"
        for (; j < valueEnd; j++) {
          let ch = xml.charCodeAt(j);
          if (ch >= 97 && ch <= 122) ch -= 32;
          if (ch < 65 || ch > 90) break;
          n = n * 26 + (ch - 64);
        }
        result = n;
      } else {
        for (; j < valueEnd; j++) {
          const ch = xml.charCodeAt(j);
          if (ch < 48 || ch > 57) break;
          n = n * 10 + (ch - 48);
        }
        result = j === valueEnd && j > valueStart ? n : 0;
      }
    } else if (attr === 116 /* t */ && isCell) {
      const length = valueEnd - valueStart;
      const first = xml.charCodeAt(valueStart);
      if (length === 1 && first === 115 /* s */) kind = KIND_SHARED;
      else if (length === 1 && first === 110 /* n */) kind = KIND_NUMBER;
      else if (length === 9 && xml.startsWith('inlineStr', valueStart)) kind = KIND_INLINE;
      else kind = KIND_TEXT;
    }
  }
}

function makeCell(kind: number, value: string | null, inline: string | null, shared: string[], sheetName: string, rowNumber: number): XlsxCell | null {
  if (kind === KIND_NUMBER) return value === null ? null : { text: value, isNumber: true };
  if (kind === KIND_SHARED) {
    if (value === null) return null;
    const index = sharedIndex(value);
    if (index < 0 || index >= shared.length) {
      throw new XlsxFormatError(`Sheet "${sheetName}" row ${rowNumber}: bad shared string index "${value}"`);
    }
    return { text: shared[index], isNumber: false };
  }
  if (kind === KIND_INLINE && inline !== null) return { text: inline, isNumber: false };
  if (value !== null) return { text: value, isNumber: false };
  if (inline !== null) return { text: inline, isNumber: false };
  return null;
}

/** Non-negative integer value of a shared-string index text (surrounding whitespace allowed); -1 if invalid. */
function sharedIndex(value: string): number {
  let n = 0;
  let digits = 0;
  let i = 0;
  const len = value.length;
  while (i < len && value.charCodeAt(i) <= 32) i++;
  for (; i < len; i++) {
    const ch = value.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    n = n * 10 + (ch - 48);
    digits++;
  }
  while (i < len && value.charCodeAt(i) <= 32) i++;
  return digits > 0 && i === len && digits < 16 ? n : -1;
}

/** Index just after the '>' of the `<sheetData …>` start tag, or -1 when the sheet has no (or an empty) sheetData. */
function sheetDataStart(xml: string): number {
  let pos = 0;
  for (;;) {
    const idx = xml.indexOf('sheetData', pos);
    if (idx < 0) return -1; // e.g. a chartsheet
    const before = xml.charCodeAt(idx - 1);
    const after = xml.charCodeAt(idx + 9);
    if ((before === LT || before === COLON) && (after === GT || after === SLASH || after <= 32)) {
      const lt = before === LT ? idx - 1 : xml.lastIndexOf('<', idx);
      if (xml.charCodeAt(lt + 1) !== SLASH) {
        const gt = tagEnd(xml, idx + 9);
        return xml.charCodeAt(gt - 1) === SLASH ? -1 : gt + 1;
      }
    }
    pos = idx + 9;
  }
}

function parseSheet(xml: string, shared: string[], sheetName: string): XlsxRow[] {
  const rows: XlsxRow[] = [];
  let pos = sheetDataStart(xml);
  if (pos < 0) return rows;

  let rowNumber = 0;
  let cells: Map<number, XlsxCell> | null = null;
  let col = 0;
  // the open <c>, if any
  let inCell = false;
  let cellCol = 0;
  let kind = KIND_NUMBER;
  let value: string | null = null;
  let inline: string | null = null;
  let cellCount = 0;
  const storeCell = (cell: XlsxCell | null) => {
    if (cell === null || cells === null) return;
    if (++cellCount > XLSX_LIMITS.cellsPerSheet) throw new XlsxLimitError('too_many_cells', XLSX_LIMITS.cellsPerSheet, sheetName);
    cells.set(cellCol, cell);
  };
  const endRow = () => {
    if (cells === null || cells.size === 0) return;
    if (rows.length === XLSX_LIMITS.rowsPerSheet) throw new XlsxLimitError('too_many_rows', XLSX_LIMITS.rowsPerSheet, sheetName);
    rows.push({ number: rowNumber, cells });
  };

  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) throw new XlsxFormatError(`Sheet "${sheetName}": unterminated <sheetData>`);
    const c1 = xml.charCodeAt(lt + 1);

    if (c1 === SLASH) {
      const ne = nameEnd(xml, lt + 2);
      const ls = localStart(xml, lt + 2, ne);
      const gt = xml.indexOf('>', ne);
      if (gt < 0) throw new XlsxFormatError(`Sheet "${sheetName}": malformed closing tag`);
      pos = gt + 1;
      const n = ne - ls;
      if (n === 1) {
        if (inCell && xml.charCodeAt(ls) === 99 /* c */) {
          inCell = false;
          storeCell(makeCell(kind, value, inline, shared, sheetName, rowNumber));
        }
      } else if (n === 3 && xml.startsWith('row', ls)) {
        if (inCell) {
          inCell = false;
          storeCell(makeCell(kind, value, inline, shared, sheetName, rowNumber));
        }
        endRow();
        cells = null;
      } else if (n === 9 && xml.startsWith('sheetData', ls)) {
        endRow();
        return rows;
      }
      continue;
    }
    if (c1 === BANG || c1 === QMARK) {
      pos = skipSpecial(xml, lt);
      continue;
    }

    const ne = nameEnd(xml, lt + 1);
    const ls = localStart(xml, lt + 1, ne);
    const n = ne - ls;
    const first = xml.charCodeAt(ls);

    if (n === 1 && first === 99 /* c */) {
      if (inCell) {
        storeCell(makeCell(kind, value, inline, shared, sheetName, rowNumber));
      }
      const packed = scanAttributes(xml, ne, true);
      const gt = scanEnd;
      pos = gt + 1;
      const refCol = packed >> 2;
      cellCol = refCol > 0 ? refCol : col + 1;
      col = cellCol;
      if (xml.charCodeAt(gt - 1) === SLASH) {
        inCell = false; // <c r="C2" s="1"/>: no value (formatting may reach any column)
      } else {
        if (cellCol > XLSX_LIMITS.columns) throw new XlsxLimitError('too_many_columns', XLSX_LIMITS.columns, sheetName);
        inCell = true;
        kind = packed & 3;
        value = null;
        inline = null;
      }
      continue;
    }
    if (n === 1 && first === 118 /* v */) {
      const gt = tagEnd(xml, ne);
      pos = gt + 1;
      if (inCell) {
        if (xml.charCodeAt(gt - 1) === SLASH) {
          value = '';
        } else {
          value = readText(xml, pos);
          pos = textEndPos;
        }
      }
      continue;
    }
    if (n === 2 && first === 105 /* i */ && xml.charCodeAt(ls + 1) === 115 /* s */) {
      const gt = tagEnd(xml, ne);
      pos = gt + 1;
      if (inCell) {
        if (xml.charCodeAt(gt - 1) === SLASH) {
          inline = '';
        } else {
          inline = readRichText(xml, pos, 'is');
          pos = richEndPos;
        }
      }
      continue;
    }
    if (n === 3 && xml.startsWith('row', ls)) {
      if (inCell) {
        inCell = false;
        storeCell(makeCell(kind, value, inline, shared, sheetName, rowNumber));
      }
      endRow();
      const r = scanAttributes(xml, ne, false);
      const gt = scanEnd;
      pos = gt + 1;
      rowNumber = r > 0 ? r : rowNumber + 1;
      col = 0;
      cells = xml.charCodeAt(gt - 1) === SLASH ? null : new Map();
      continue;
    }
    // anything else (<f>, <extLst>, …) is skipped; its text content is never read.
    pos = tagEnd(xml, ne) + 1;
  }
}
