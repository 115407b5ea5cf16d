import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { enterprises } from '../../../db/schema/index.js';
import type { Actor } from '../../../platform/context.js';
import { enterprisesInScope } from './posting-scope.js';

const OPTIONS_MAX = 50;

/** The active enterprises an actor may post for, by a part of the name or the start of the USCC (the form's picker). */
export async function listPostingEnterprises(db: DbOrTx, actor: Actor, q?: string) {
  const escaped = q?.replace(/[\\%_]/g, (c) => '\\' + c);
  return db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, regionCode: enterprises.regionCode, contactName: enterprises.contactName, contactPhone: enterprises.contactPhone })
    .from(enterprises)
    .where(and(enterprisesInScope(actor), eq(enterprises.status, 'active'), escaped ? or(sql`${enterprises.name} like ${'%' + escaped + '%'}`, sql`${enterprises.uscc} like ${escaped.toUpperCase() + '%'}`) : undefined))
    .orderBy(asc(enterprises.name))
    .limit(OPTIONS_MAX);
}
