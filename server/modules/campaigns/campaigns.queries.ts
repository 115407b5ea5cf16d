import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aidPrograms, campaignOrgs, campaigns, orgs } from '../../db/schema/index.js';
import { inActorSubtree, likePrefix } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type ProgramRow = typeof aidPrograms.$inferSelect;
export type CampaignWithProgram = CampaignRow & { programName: string; programKind: 'per_student' | 'per_household'; programCode: string; orgPath: string; orgName: string };
export interface Participant {
  orgId: string;
  orgName: string;
  orgPath: string;
  orgType: string;
  budgetFen: number;
}

/**
 * Who sees a campaign: staff of the organising org's subtree, and staff at or under a participating
 * org (a city campaign is seen by the unions taking part) or above one. Managing it (rules, window,
 * participants) is for the organiser's subtree only: see `getCampaignToManage`.
 */
export function campaignVisible(actor: Actor): SQL {
  const prefix = likePrefix(actor.orgPath);
  return sql`(${inActorSubtree(actor, campaigns.orgId)} or exists (
    select 1 from ${campaignOrgs} co join ${orgs} po on po.id = co.org_id
    where co.campaign_id = ${campaigns.id} and (${actor.orgPath} like po.path || '%' or po.path like ${prefix})))`;
}

const withProgram = {
  campaign: campaigns,
  programName: aidPrograms.name,
  programKind: aidPrograms.kind,
  programCode: aidPrograms.code,
  orgPath: orgs.path,
  orgName: orgs.name,
};

function toCampaign(row: { campaign: CampaignRow; programName: string; programKind: string; programCode: string; orgPath: string; orgName: string }): CampaignWithProgram {
  return { ...row.campaign, programName: row.programName, programKind: row.programKind as CampaignWithProgram['programKind'], programCode: row.programCode, orgPath: row.orgPath, orgName: row.orgName };
}

/** A campaign the actor may see, or NOT_FOUND exactly as if it did not exist. */
export async function getCampaignInScope(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<CampaignWithProgram> {
  const q = db
    .select(withProgram)
    .from(campaigns)
    .innerJoin(aidPrograms, eq(aidPrograms.id, campaigns.programId))
    .innerJoin(orgs, eq(orgs.id, campaigns.orgId))
    .where(and(eq(campaigns.id, id), campaignVisible(actor)));
  const [row] = opts.forUpdate ? await q.for('update', { of: campaigns }) : await q;
  if (!row) throw notFound('campaign');
  return toCampaign(row);
}

/** A campaign whose organiser is in the actor's subtree (only they change it), or NOT_FOUND. */
export async function getCampaignToManage(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<CampaignWithProgram> {
  const q = db
    .select(withProgram)
    .from(campaigns)
    .innerJoin(aidPrograms, eq(aidPrograms.id, campaigns.programId))
    .innerJoin(orgs, eq(orgs.id, campaigns.orgId))
    .where(and(eq(campaigns.id, id), inActorSubtree(actor, campaigns.orgId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: campaigns }) : await q;
  if (!row) throw notFound('campaign');
  return toCampaign(row);
}

export async function listCampaigns(db: DbOrTx, actor: Actor, f: { programId?: string; status?: string; year?: number } = {}) {
  const conds: (SQL | undefined)[] = [campaignVisible(actor)];
  if (f.programId) conds.push(eq(campaigns.programId, f.programId));
  if (f.status) conds.push(eq(campaigns.status, f.status));
  if (f.year) conds.push(eq(campaigns.year, f.year));
  const rows = await db
    .select(withProgram)
    .from(campaigns)
    .innerJoin(aidPrograms, eq(aidPrograms.id, campaigns.programId))
    .innerJoin(orgs, eq(orgs.id, campaigns.orgId))
    .where(and(...conds))
    .orderBy(desc(campaigns.year), asc(campaigns.name));
  return rows.map(toCampaign);
}

export async function listParticipants(db: DbOrTx, campaignId: string): Promise<Participant[]> {
  return db
    .select({ orgId: campaignOrgs.orgId, orgName: orgs.name, orgPath: orgs.path, orgType: orgs.type, budgetFen: campaignOrgs.budgetFen })
    .from(campaignOrgs)
    .innerJoin(orgs, eq(orgs.id, campaignOrgs.orgId))
    .where(eq(campaignOrgs.campaignId, campaignId))
    .orderBy(asc(orgs.path));
}

/** The participant whose subtree holds an org (the deepest one), or null when the org takes no part. */
export function participantFor(participants: Participant[], orgPath: string): Participant | null {
  let best: Participant | null = null;
  for (const p of participants) if (orgPath.startsWith(p.orgPath) && (!best || p.orgPath.length > best.orgPath.length)) best = p;
  return best;
}

/** The programs of the actor's line: run by an org above the actor, the actor's own, or one below. */
export async function listPrograms(db: DbOrTx, actor: Actor) {
  return db
    .select()
    .from(aidPrograms)
    .where(sql`${aidPrograms.orgId} in (select o.id from ${orgs} o where ${actor.orgPath} like o.path || '%' or o.path like ${likePrefix(actor.orgPath)})`)
    .orderBy(asc(aidPrograms.code));
}

export async function getProgram(db: DbOrTx, id: string): Promise<ProgramRow> {
  const [row] = await db.select().from(aidPrograms).where(eq(aidPrograms.id, id));
  if (!row) throw notFound('program');
  return row;
}
