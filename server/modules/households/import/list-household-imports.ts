import { and, desc, eq, sql } from 'drizzle-orm';
import { householdImports, households, orgs, users } from '../../../db/schema/index.js';
import { orgPathInSubtree } from '../../../platform/authz.js';
import type { Ctx } from '../../../platform/context.js';
import { authorizeImportViewer, getImportInScope } from './household-import-jobs.js';
import { presentHouseholdListItem } from '../households.presenter.js';

/** Imports of the actor's subtree, newest first; a reviewer filters those awaiting approval. */
export async function listHouseholdImports({ ctx, query }: { ctx: Ctx; query: { page: number; pageSize: number; status?: string } }) {
  const actor = await authorizeImportViewer(ctx);
  const where = and(orgPathInSubtree(actor, orgs.path), query.status ? eq(householdImports.status, query.status) : undefined);
  const rows = await ctx.db
    .select({
      id: householdImports.id,
      orgId: householdImports.orgId,
      orgName: orgs.name,
      filename: householdImports.filename,
      status: householdImports.status,
      asArchived: householdImports.asArchived,
      importedHouseholds: householdImports.importedHouseholds,
      importedMembers: householdImports.importedMembers,
      errorCount: householdImports.errorCount,
      createdBy: householdImports.createdBy,
      createdByName: users.displayName,
      createdAt: householdImports.createdAt,
      finishedAt: householdImports.finishedAt,
    })
    .from(householdImports)
    .innerJoin(orgs, eq(orgs.id, householdImports.orgId))
    .leftJoin(users, eq(users.id, householdImports.createdBy))
    .where(where)
    .orderBy(desc(householdImports.createdAt), desc(householdImports.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await ctx.db
    .select({ total: sql<number>`count(*)::int` })
    .from(householdImports)
    .innerJoin(orgs, eq(orgs.id, householdImports.orgId))
    .where(where);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The households an archive import wrote, masked, for the reviewer deciding on it (they are not in the archive yet). */
export async function listImportHouseholds({ ctx, id, page, pageSize }: { ctx: Ctx; id: string; page: number; pageSize: number }) {
  const { imp, orgName, orgPath } = await getImportInScope(ctx, id);
  // Once decided (or never written) an import holds no households of its own: approved ones are in the archive list.
  if (imp.status !== 'awaiting_approval') return { items: [], total: 0, page, pageSize };
  const rows = await ctx.db
    .select()
    .from(households)
    .where(eq(households.importId, id))
    .orderBy(households.caseNo)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map((h) => presentHouseholdListItem({ ...h, orgName, orgPath })), total: imp.importedHouseholds, page, pageSize };
}
