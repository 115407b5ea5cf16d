import { pathInScope } from '../../platform/authz.js';
import type { Actor } from '../../platform/context.js';
import type { CampaignWithProgram, Participant, ProgramRow } from './campaigns.queries.js';

export function presentProgram(p: ProgramRow) {
  return { id: p.id, code: p.code, name: p.name, kind: p.kind, description: p.description, createdAt: p.createdAt.toISOString() };
}

/**
 * A campaign as its viewer may see it. Staff below the organiser (or below a participant above them)
 * see those orgs by name only: ids of orgs outside the viewer's subtree are not handed out.
 */
export function presentCampaign(actor: Actor, c: CampaignWithProgram, participants?: Participant[]) {
  return {
    id: c.id,
    programId: c.programId,
    programName: c.programName,
    programCode: c.programCode,
    programKind: c.programKind,
    orgId: pathInScope(actor, c.orgPath) ? c.orgId : null,
    orgName: c.orgName,
    name: c.name,
    year: c.year,
    status: c.status,
    applyFrom: c.applyFrom,
    applyTo: c.applyTo,
    noticeDays: c.noticeDays,
    rules: c.rules,
    rulesVersion: c.rulesVersion,
    stepActors: c.stepActors,
    worklistBuiltAt: c.worklistBuiltAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    ...(participants ? { participants: participants.map((p) => ({ orgId: pathInScope(actor, p.orgPath) ? p.orgId : null, orgName: p.orgName, orgType: p.orgType, budgetFen: p.budgetFen })) } : {}),
  };
}
export type CampaignDto = ReturnType<typeof presentCampaign>;
