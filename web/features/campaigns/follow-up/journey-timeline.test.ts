import { describe, expect, it } from 'vitest';
import type { FollowUp, JourneyApplication, StudentJourney } from './follow-up.api.js';
import { currentStage, ledgerCashFen, stageItems } from './journey-timeline.js';

const app = (campaignYear: number, aided = true): JourneyApplication => ({
  id: `a${campaignYear}`, applicationNo: `SQ${campaignYear}`, campaignId: 'c', campaignName: `${campaignYear}年金秋助学`, campaignYear, programName: '金秋助学', orgName: '组织E',
  status: aided ? 'paid' : 'submitted', aided, schoolName: '河南理工大学', schoolStage: 'undergraduate', admissionYear: 2025, major: null, amountFen: 500000, grant: null,
});
const followUp = (year: number, status: FollowUp['status']): FollowUp => ({ id: `f${year}`, applicationId: 'a', year, status, employer: null, note: null, contactedOn: `${year}-06-01`, recordedByName: null, recordedAt: '' });
const journey = (over: Partial<StudentJourney> = {}): StudentJourney => ({
  applicationId: 'a', student: { name: '王小明', idNumberMasked: '410803********0012' },
  enrolment: { applications: [] }, inSchool: { applications: [], followUps: [] }, employment: { followUps: [], placement: null }, ledger: [], ...over,
});

describe('the journey timeline', () => {
  it('orders a stage by year, a year’s application before its follow-up', () => {
    const j = journey({ inSchool: { applications: [app(2026)], followUps: [followUp(2026, 'internship'), followUp(2025, 'studying')] } });
    expect(stageItems(j, 'inSchool').map((i) => `${i.year}:${i.kind}`)).toEqual(['2025:followUp', '2026:application', '2026:followUp']);
    expect(stageItems(j, 'employment')).toEqual([]);
  });

  it('places the student at the last stage reached with aid paid or a follow-up', () => {
    expect(currentStage(journey())).toBe(-1);
    expect(currentStage(journey({ enrolment: { applications: [app(2025, false)] } }))).toBe(-1);
    expect(currentStage(journey({ enrolment: { applications: [app(2025)] } }))).toBe(0);
    expect(currentStage(journey({ enrolment: { applications: [app(2025)] }, employment: { followUps: [followUp(2029, 'employed')], placement: null } }))).toBe(2);
  });

  it('adds up the household’s cash aid in fen', () => {
    const entry = (aidType: 'cash' | 'in_kind', amountFen: number) => ({ id: String(amountFen), program: 'p', aidType, amountFen, item: null, aidedOn: '2026-01-01', note: null, sourceModule: 'campaigns' });
    expect(ledgerCashFen(journey({ ledger: [{ householdId: 'h', caseNo: 'c', name: 'n', orgName: 'o', entries: [entry('cash', 500000), entry('in_kind', 0), entry('cash', 100000)] }] }))).toBe(600000);
  });
});
