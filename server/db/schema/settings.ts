import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Facts about this installation kept with its data. `secret_key_check` holds an HMAC of a fixed
 * label under a key derived from the master secret (never the key itself), so a start with another
 * SECRET_KEY is refused before it writes anything (platform/key-check.ts).
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
