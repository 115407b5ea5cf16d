import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households } from './households.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Documents attached to a household (附件): the bytes live encrypted in the file store
 * (`DATA_DIR/attachments/<storage_key>`), never in the web root. Scope comes from the household, so
 * a transfer moves its attachments with it. Deleting marks the row; the row and the file stay.
 */
export const householdAttachments = pgTable(
  'household_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind').notNull(),
    /** As uploaded, cleaned of paths and control characters, with the extension of the detected type. */
    fileName: text('file_name').notNull(),
    /** Detected from the content, never taken from the client. */
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Hex SHA-256 of the plaintext bytes. */
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by'),
    deleteReason: text('delete_reason'),
  },
  (t) => [
    index('household_attachments_household_idx').on(t.householdId, t.uploadedAt),
    uniqueIndex('household_attachments_storage_key').on(t.storageKey),
    check('household_attachments_size_positive', sql`${t.sizeBytes} > 0`),
    check('household_attachments_kind_known', sql`${t.kind} in ('id_proof', 'income_proof', 'medical_record', 'home_visit_photo', 'other')`),
    check(
      'household_attachments_deleted_consistent',
      sql`(${t.deletedAt} is null and ${t.deletedBy} is null and ${t.deleteReason} is null) or (${t.deletedAt} is not null and ${t.deletedBy} is not null and ${t.deleteReason} is not null)`,
    ),
  ],
);
