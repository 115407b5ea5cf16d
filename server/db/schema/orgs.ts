import { pgTable, uuid, text, integer, serial, boolean, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The org hierarchy. `path` is a materialised path of `seq` numbers ("/1/4/17/"), so a subtree is
 * `path LIKE '/1/4/%'` (see docs/decisions/002-org-scope.md).
 */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: serial('seq').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    type: text('type').notNull(),
    regionCode: text('region_code'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orgs_code_key').on(t.code),
    uniqueIndex('orgs_seq_key').on(t.seq),
    index('orgs_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('orgs_parent_idx').on(t.parentId),
  ],
);
