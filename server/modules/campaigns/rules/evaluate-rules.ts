import type { CampaignRules } from '../../../../contracts/campaigns.js';

/** What the rules need to know about one student's application (or one archive member, in a preview). */
export interface StudentFacts {
  filed: boolean;
  householdStatus?: string | null;
  category?: string | null;
  incomePerHeadMonthlyFen: number;
  regionCode: string | null;
  schoolStage: string | null;
  schoolKind?: string;
  governmentAided?: boolean;
}

/** Why a student does not qualify (the preview counts these; an application refused names them). */
export const INELIGIBILITY_REASONS = [
  'household_status',
  'category',
  'unfiled_not_allowed',
  'income_over_threshold',
  'stage_not_covered',
  'government_aided',
  'military_academy',
  'free_normal',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export interface Proposal {
  eligible: boolean;
  reasons: IneligibilityReason[];
  amountFen: number;
  inKindItems: Array<{ item: string; quantity: number }>;
}

/** The monthly income-per-head line for a region: its 低保 line times the multiple, else the default (null: no test). */
export function incomeThresholdFen(rules: CampaignRules, regionCode: string | null): number | null {
  const region = regionCode ? rules.incomeThreshold.regions.find((r) => r.regionCode === regionCode) : undefined;
  if (region) return Math.floor((region.dibaoMonthlyFen * region.multiplePercent) / 100);
  return rules.incomeThreshold.defaultMonthlyFen;
}

/**
 * The rules applied to one student: eligible or not (with every reason), and the amount and in-kind
 * items the rules propose. Pure: the same function serves applications, imports and tests; the preview
 * runs the same rules as SQL (rules/preview-rules.ts) and is checked against this one.
 */
export function evaluateStudent(rules: CampaignRules, f: StudentFacts): Proposal {
  const reasons: IneligibilityReason[] = [];
  if (f.filed) {
    if (!f.householdStatus || !(rules.householdStatuses as string[]).includes(f.householdStatus)) reasons.push('household_status');
    if (!f.category || !(rules.categories as string[]).includes(f.category)) reasons.push('category');
  } else if (!rules.allowUnfiled) reasons.push('unfiled_not_allowed');
  const threshold = incomeThresholdFen(rules, f.regionCode);
  if (threshold !== null && f.incomePerHeadMonthlyFen > threshold) reasons.push('income_over_threshold');
  if (!f.schoolStage || !(rules.stages as string[]).includes(f.schoolStage)) reasons.push('stage_not_covered');
  if (rules.exclusions.governmentAided && f.governmentAided) reasons.push('government_aided');
  if (rules.exclusions.militaryAcademy && f.schoolKind === 'military') reasons.push('military_academy');
  if (rules.exclusions.freeNormal && f.schoolKind === 'free_normal') reasons.push('free_normal');
  const amount = rules.amounts.find((a) => a.stage === f.schoolStage);
  const eligible = reasons.length === 0;
  return {
    eligible,
    reasons,
    amountFen: eligible && amount ? (f.filed ? amount.filedFen : amount.unfiledFen) : 0,
    inKindItems: eligible ? rules.inKindItems.filter((i) => i.stages.length === 0 || (f.schoolStage !== null && (i.stages as string[]).includes(f.schoolStage))).map(({ item, quantity }) => ({ item, quantity })) : [],
  };
}

/** A lump-sum program's rules applied to one archived household. */
export function evaluateHousehold(rules: CampaignRules, f: Omit<StudentFacts, 'schoolStage' | 'filed'>): Proposal {
  const reasons: IneligibilityReason[] = [];
  if (!f.householdStatus || !(rules.householdStatuses as string[]).includes(f.householdStatus)) reasons.push('household_status');
  if (!f.category || !(rules.categories as string[]).includes(f.category)) reasons.push('category');
  const threshold = incomeThresholdFen(rules, f.regionCode);
  if (threshold !== null && f.incomePerHeadMonthlyFen > threshold) reasons.push('income_over_threshold');
  const eligible = reasons.length === 0;
  return { eligible, reasons, amountFen: eligible ? (rules.householdAmountFen ?? 0) : 0, inKindItems: eligible ? rules.inKindItems.map(({ item, quantity }) => ({ item, quantity })) : [] };
}
