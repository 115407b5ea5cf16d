import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { ATTACHMENT_TYPES, type AttachmentExt } from '../../../../contracts/households.js';
import type { DbOrTx } from '../../../db/client.js';
import { householdAttachments, users } from '../../../db/schema/index.js';
import { audit } from '../../../platform/audit.js';
import { authorize } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, notFound, validation } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/file-store.js';
import { getHouseholdInScope } from '../households.queries.js';

export type AttachmentRow = typeof householdAttachments.$inferSelect;

/** An attachment as the API shows it: no storage key, and the uploader by name only (ids of staff above stay hidden). */
export function presentAttachment(a: AttachmentRow, uploadedByName: string | null) {
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

/** A kept (not deleted) attachment of this household, or NOT_FOUND. */
export async function getAttachment(db: DbOrTx, householdId: string, attachmentId: string, opts: { forUpdate?: boolean } = {}): Promise<AttachmentRow> {
  const query = db
    .select()
    .from(householdAttachments)
    .where(and(eq(householdAttachments.id, attachmentId), eq(householdAttachments.householdId, householdId), isNull(householdAttachments.deletedAt)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('attachment');
  return row;
}

/** `GET /api/households/:id/attachments`: the kept attachments, oldest first. */
export async function listHouseholdAttachments({ ctx, householdId }: { ctx: Ctx; householdId: string }) {
  const actor = await authorize(ctx, 'household.read');
  const h = await getHouseholdInScope(ctx.db, actor, householdId);
  const rows = await ctx.db
    .select({ a: householdAttachments, uploaderName: users.displayName })
    .from(householdAttachments)
    .leftJoin(users, eq(users.id, householdAttachments.uploadedBy))
    .where(and(eq(householdAttachments.householdId, h.id), isNull(householdAttachments.deletedAt)))
    .orderBy(asc(householdAttachments.uploadedAt), asc(householdAttachments.id));
  return { items: rows.map((r) => presentAttachment(r.a, r.uploaderName)) };
}

/**
 * `GET …/attachments/:attachmentId/content`: the bytes, checked against the stored hash; each download
 * is audited. An ID scan shows the full ID number, so it follows the reveal rule: household.reveal
 * and a reason, kept in the audit entry.
 */
export async function readHouseholdAttachment({
  ctx,
  store,
  householdId,
  attachmentId,
  reason,
}: {
  ctx: Ctx;
  store: FileStore;
  householdId: string;
  attachmentId: string;
  reason?: string;
}) {
  const actor = await authorize(ctx, 'household.read');
  const h = await getHouseholdInScope(ctx.db, actor, householdId);
  const a = await getAttachment(ctx.db, h.id, attachmentId);
  if (a.kind === 'id_proof') {
    await authorize(ctx, 'household.reveal');
    if (!reason) throw validation([{ field: 'querystring.reason', message: 'an ID document is downloaded with a reason, like revealing the number' }]);
  }
  let bytes: Buffer;
  try {
    bytes = await store.get(a.storageKey);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw Object.assign(new AppError('INTERNAL', `attachment ${a.id} could not be read`), { cause: err });
    await audit(ctx.db, ctx, 'household.attachment_download', {
      objectType: 'household',
      objectId: h.id,
      orgId: h.orgId,
      orgPath: h.orgPath,
      outcome: 'failure',
      details: { attachmentId: a.id, kind: a.kind, reason: reason ?? null, problem: 'file_missing' },
    });
    throw new AttachmentFileMissing(a.id, err);
  }
  if (sha256Hex(bytes) !== a.sha256) throw new AppError('INTERNAL', `attachment ${a.id} does not match its hash`);
  await audit(ctx.db, ctx, 'household.attachment_download', {
    objectType: 'household',
    objectId: h.id,
    orgId: h.orgId,
    orgPath: h.orgPath,
    details: { attachmentId: a.id, kind: a.kind, sizeBytes: a.sizeBytes, reason: reason ?? null },
  });
  return { attachment: a, bytes };
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

export const mimeOf = (ext: AttachmentExt) => ATTACHMENT_TYPES[ext];
