import type { FollowUp, JourneyApplication, StudentJourney } from './follow-up.api.js';

export type StageKey = 'enrolment' | 'inSchool' | 'employment';
export const STAGES: StageKey[] = ['enrolment', 'inSchool', 'employment'];

export type TimelineItem = { kind: 'application'; year: number; application: JourneyApplication } | { kind: 'followUp'; year: number; followUp: FollowUp };

/** One stage's applications and follow-ups in time order (a year's application before its follow-up). */
export function stageItems(j: StudentJourney, stage: StageKey): TimelineItem[] {
  const apps = stage === 'enrolment' ? j.enrolment.applications : stage === 'inSchool' ? j.inSchool.applications : [];
  const followUps = stage === 'inSchool' ? j.inSchool.followUps : stage === 'employment' ? j.employment.followUps : [];
  const items: TimelineItem[] = [
    ...apps.map((application) => ({ kind: 'application' as const, year: application.campaignYear, application })),
    ...followUps.map((followUp) => ({ kind: 'followUp' as const, year: followUp.year, followUp })),
  ];
  return items.sort((a, b) => a.year - b.year || (a.kind === b.kind ? 0 : a.kind === 'application' ? -1 : 1));
}

/**
 * How far along the chain the student is, for the Steps bar: the last stage with anything in it
 * (a stage reached only counts once aid was paid or a follow-up recorded there). -1 before any aid.
 */
export function currentStage(j: StudentJourney): number {
  const reached = STAGES.map((s) => stageItems(j, s).some((i) => i.kind === 'followUp' || i.application.aided));
  return reached.lastIndexOf(true);
}

/** Everything paid to the student's household, in fen: the ledger's cash entries. */
export function ledgerCashFen(j: StudentJourney): number {
  return j.ledger.flatMap((h) => h.entries).reduce((sum, e) => sum + (e.aidType === 'cash' ? e.amountFen : 0), 0);
}
