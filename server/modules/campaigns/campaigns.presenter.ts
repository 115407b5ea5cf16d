import type { CampaignWithProgram, Participant, ProgramRow } from './campaigns.queries.js';

export function presentProgram(p: ProgramRow) {
  return { id: p.id, code: p.code, name: p.name, kind: p.kind, description: p.description, orgId: p.orgId, createdAt: p.createdAt.toISOString() };
}

export function presentCampaign(c: CampaignWithProgram, participants?: Participant[]) {
  return {
    id: c.id,
    programId: c.programId,
    programName: c.programName,
    programCode: c.programCode,
    programKind: c.programKind,
    orgId: c.orgId,
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
    ...(participants ? { participants: participants.map((p) => ({ orgId: p.orgId, orgName: p.orgName, orgType: p.orgType, budgetFen: p.budgetFen })) } : {}),
  };
}
export type CampaignDto = ReturnType<typeof presentCampaign>;
