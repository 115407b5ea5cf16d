import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type AttachmentExt } from '../../contracts/households.js';
import { AppError, validation } from './errors.js';
import type { FileStore } from './file-store.js';
import { sniffFileType, type SniffedType } from './file-type.js';
import { contentDisposition, noStore } from './http.js';

/**
 * The core every attachment table shares (household_attachments, application_attachments): the
 * upload checked by its content, stored encrypted before its row is written, read back against its
 * hash, sent so that it runs nothing in a browser (docs/decisions/007-attachments.md). The tables,
 * their scope, audit and history stay with each module.
 */
export interface StoredAttachment {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedAt: Date;
}

/** The Content-Types an upload route declares: it takes any, since the type is detected from the bytes. */
export const ATTACHMENT_RAW_BODY_TYPES = ['application/octet-stream', ...Object.values(ATTACHMENT_TYPES)];

/** An attachment as the API shows it: no storage key, and the uploader by name only (ids of staff above stay hidden). */
export function presentAttachment(a: StoredAttachment, uploadedByName: string | null) {
  return {
    id: a.id,
    kind: a.kind,
    fileName: a.fileName,
    mimeType: a.mimeType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedByName,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// Characters that must not reach a file name: C0/C1 controls, bidirectional overrides that make
// "invoice\u202Efdp.exe" read as "invoiceexe.pdf", zero-width characters, and those Windows refuses.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /[<>:"/\\|?*]/g;
const MAX_NAME = 120;

/**
 * The name a downloaded attachment gets: the last path segment of what the client sent, without
 * control or direction characters, at most 120 characters, ending in the extension of the type
 * the content was detected as (a PNG called "scan.pdf" is saved as "scan.png").
 */
export function cleanFileName(raw: string, ext: AttachmentExt): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(UNSAFE_CHARS, '').replace(WINDOWS_RESERVED, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = name.lastIndexOf('.');
  const givenExt = dot > 0 ? name.slice(dot + 1) : '';
  let stem = dot > 0 ? name.slice(0, dot) : name;
  const sameType = givenExt.toLowerCase() === ext || (ext === 'jpg' && givenExt.toLowerCase() === 'jpeg');
  const suffix = sameType ? givenExt : ext;
  stem = [...stem].slice(0, MAX_NAME - suffix.length - 1).join('').replace(/[.\s]+$/, '');
  return `${stem || 'attachment'}.${suffix}`;
}

const ACCEPTED = Object.keys(ATTACHMENT_TYPES).join(', ');

/** An upload that passed: its bytes, the type detected from them, the name to keep and the hash. */
export interface AcceptedUpload {
  bytes: Buffer;
  type: SniffedType;
  fileName: string;
  sha256: string;
}

/**
 * Checks an uploaded body by its content (the name and the declared type come from the client and
 * are never trusted): empty → 400, not an accepted type → 400 `file_type`. The size is the route's
 * body limit (413 naming it).
 */
export function acceptUpload(body: unknown, rawFileName: string): AcceptedUpload {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length === 0) throw validation([{ field: 'body', message: 'the file is empty (send its bytes as the request body)' }]);
  const type = sniffFileType(bytes);
  if (!type)
    throw new AppError('VALIDATION', `the file content is not an accepted type (${ACCEPTED})`, {
      reason: 'file_type',
      issues: [{ field: 'body', message: `content is not one of ${ACCEPTED}, whatever its name or declared type` }],
    });
  return { bytes, type, fileName: cleanFileName(rawFileName, type.ext), sha256: sha256Hex(bytes) };
}

/**
 * Writes the file to the store, then runs `record` (the one short transaction writing its row); if
 * that fails the file is removed again, so a refused upload leaves nothing. The file is written
 * before the transaction: PGlite has one connection, and a transaction held open across disk writes
 * would stall everyone.
 */
export async function storeUpload<T>(store: FileStore, upload: AcceptedUpload, record: (storageKey: string) => Promise<T>): Promise<T> {
  const storageKey = await store.put(upload.bytes);
  try {
    return await record(storageKey);
  } catch (err) {
    await store.remove(storageKey);
    throw err;
  }
}

/** The row is there but its file is not (lost storage, a restore without DATA_DIR): 404 without the path; the route logs the cause. */
export class AttachmentFileMissing extends AppError {
  constructor(
    readonly attachmentId: string,
    readonly cause: unknown,
  ) {
    super('NOT_FOUND', '文件已丢失 (the stored file of this attachment is missing)', { reason: 'file_missing' });
  }
}

/**
 * The bytes of a stored attachment, checked against its hash (an altered file is a 500 that says
 * nothing about why). A missing file runs `onMissing` (the caller audits the failed download) and
 * throws AttachmentFileMissing.
 */
export async function readStoredAttachment(store: FileStore, a: StoredAttachment, onMissing: () => Promise<unknown>): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await store.get(a.storageKey);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw Object.assign(new AppError('INTERNAL', `attachment ${a.id} could not be read`), { cause: err });
    await onMissing();
    throw new AttachmentFileMissing(a.id, err);
  }
  if (sha256Hex(bytes) !== a.sha256) throw new AppError('INTERNAL', `attachment ${a.id} does not match its hash`);
  return bytes;
}

/** Logs where a missing file was looked for (never in the answer), then passes the error on. */
export function logMissingFile(log: { error(obj: object, msg: string): void }) {
  return (err: unknown): never => {
    if (err instanceof AttachmentFileMissing) log.error({ err: err.cause, attachmentId: err.attachmentId }, 'attachment file missing from storage');
    throw err;
  };
}

/** Sends an attachment's bytes as a download: its detected type, a safe name, never sniffed, sandboxed, not cached. */
export function sendAttachment(reply: FastifyReply, a: Pick<StoredAttachment, 'mimeType' | 'fileName'>, bytes: Buffer) {
  reply.header('Content-Type', a.mimeType);
  reply.header('Content-Disposition', contentDisposition(a.fileName));
  reply.header('X-Content-Type-Options', 'nosniff');
  // Opened by mistake in a tab, the file still runs nothing and loads nothing.
  reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
  noStore(reply);
  return reply.send(bytes);
}

/**
 * Registers upload routes that take the file as the raw body whatever Content-Type the client
 * declares (the type is detected from the bytes): they live in their own context with one catch-all
 * buffer parser, so no other route accepts such a body. Each route declares
 * `config: { rawBody: ATTACHMENT_RAW_BODY_TYPES }` and `bodyLimit: ATTACHMENT_MAX_BYTES`.
 */
export function registerRawUploads(fastify: FastifyInstance, routes: (raw: FastifyInstance) => void) {
  void fastify.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES }, (_req, body, done) => done(null, body));
    routes(raw);
  });
}
