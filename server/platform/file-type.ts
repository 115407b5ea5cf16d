/**
 * What an uploaded file is, by its content alone: the name and the declared Content-Type come from
 * the client and are never trusted. Only the few types the platform accepts are recognised; anything
 * else (HTML, SVG, scripts, executables, legacy Office, archives) is `null` and refused by the caller.
 */
export type SniffedType =
  | { ext: 'pdf'; mime: 'application/pdf' }
  | { ext: 'jpg'; mime: 'image/jpeg' }
  | { ext: 'png'; mime: 'image/png' }
  | { ext: 'webp'; mime: 'image/webp' }
  | { ext: 'docx'; mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }
  | { ext: 'xlsx'; mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffFileType(buf: Buffer): SniffedType | null {
  // The signature must sit at offset 0: a PDF after an HTML prelude is not accepted.
  if (startsWith(buf, ascii('%PDF-'))) return { ext: 'pdf', mime: 'application/pdf' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { ext: 'jpg', mime: 'image/jpeg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ext: 'png', mime: 'image/png' };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBPVP8'), 8)) return { ext: 'webp', mime: 'image/webp' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return sniffOfficeZip(buf);
  return null;
}

/**
 * A .docx or .xlsx is a ZIP holding `[Content_Types].xml` and its main part. Macro-enabled documents
 * (a VBA project) and ActiveX controls are refused; so is anything the central directory cannot show.
 */
function sniffOfficeZip(buf: Buffer): SniffedType | null {
  const names = zipEntryNames(buf);
  if (!names || !names.has('[Content_Types].xml')) return null;
  for (const name of names) if (/vbaProject|(^|\/)activeX\//i.test(name)) return null;
  const word = names.has('word/document.xml');
  const excel = names.has('xl/workbook.xml');
  if (word && !excel) return { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
  if (excel && !word) return { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  return null;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Entry names from a ZIP's central directory, or null for anything malformed or ZIP64. */
export function zipEntryNames(buf: Buffer): Set<string> | null {
  if (buf.length < 22) return null;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > eocd) return null;
  const names = new Set<string>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > offset + size || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (next > offset + size) return null;
    names.add(buf.toString('utf8', p + 46, p + 46 + nameLength));
    p = next;
  }
  return names;
}
