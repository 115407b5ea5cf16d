import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { auditLog, orgs, userRoles, users } from '../db/schema/index.js';
import type { OrgRow } from '../modules/orgs/orgs.queries.js';
import type { TestApp } from './test-app.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Audit rows of one action, optionally about one object, oldest first. */
export async function auditRows(t: TestApp, action: string, objectId?: string): Promise<AuditRow[]> {
  const conds: SQL[] = [eq(auditLog.action, action)];
  if (objectId) conds.push(eq(auditLog.objectId, objectId));
  return t.database.db.select().from(auditLog).where(and(...conds)).orderBy(asc(auditLog.id));
}

export async function countRows(t: TestApp, table: typeof orgs | typeof users | typeof userRoles | typeof auditLog): Promise<number> {
  const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return n;
}

export async function orgRow(t: TestApp, id: string): Promise<OrgRow> {
  const [row] = await t.database.db.select().from(orgs).where(eq(orgs.id, id));
  return row;
}

/**
 * Runs `fn` while the database refuses to write audit rows of `action`, so a test can show that the
 * verb's change and its audit row commit together or not at all.
 */
export async function withAuditWriteRefused<T>(t: TestApp, action: string, fn: () => Promise<T>): Promise<T> {
  if (!/^[a-z_]+\.[a-z_]+$/.test(action)) throw new Error(`bad action ${action}`);
  await t.database.db.execute(
    sql.raw(`create or replace function test_refuse_audit() returns trigger as $$
      begin
        if new.action = '${action}' then raise exception 'audit write refused by the test'; end if;
        return new;
      end $$ language plpgsql`),
  );
  await t.database.db.execute(sql`create trigger test_refuse_audit before insert on audit_log for each row execute function test_refuse_audit()`);
  try {
    return await fn();
  } finally {
    await t.database.db.execute(sql`drop trigger test_refuse_audit on audit_log`);
  }
}
