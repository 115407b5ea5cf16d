import type { CampaignRules } from '../../../../contracts/campaigns.js';
import { fenToWholeYuan, yuanToFen } from '../campaign-labels.js';

/** The rules as the editor holds them: whole 元, amounts keyed by stage (one row per covered stage). */
export interface RulesFormValues {
  householdStatuses: CampaignRules['householdStatuses'];
  categories: CampaignRules['categories'];
  allowUnfiled: boolean;
  defaultThresholdYuan: number | null;
  regions: Array<{ regionCode: string; dibaoYuan: number; multiplePercent: number }>;
  stages: CampaignRules['stages'];
  amounts: Partial<Record<string, { filedYuan: number | null; unfiledYuan: number | null }>>;
  householdAmountYuan: number | null;
  inKindItems: Array<{ item: string; quantity: number; stages: CampaignRules['stages'] }>;
  exclusions: CampaignRules['exclusions'];
}

export function rulesToForm(r: CampaignRules): RulesFormValues {
  return {
    householdStatuses: r.householdStatuses,
    categories: r.categories,
    allowUnfiled: r.allowUnfiled,
    defaultThresholdYuan: fenToWholeYuan(r.incomeThreshold.defaultMonthlyFen),
    regions: r.incomeThreshold.regions.map((x) => ({ regionCode: x.regionCode, dibaoYuan: fenToWholeYuan(x.dibaoMonthlyFen)!, multiplePercent: x.multiplePercent })),
    stages: r.stages,
    amounts: Object.fromEntries(r.amounts.map((a) => [a.stage, { filedYuan: fenToWholeYuan(a.filedFen), unfiledYuan: fenToWholeYuan(a.unfiledFen) }])),
    householdAmountYuan: fenToWholeYuan(r.householdAmountFen),
    inKindItems: r.inKindItems.map((i) => ({ ...i })),
    exclusions: r.exclusions,
  };
}

export function formToRules(v: RulesFormValues): CampaignRules {
  return {
    householdStatuses: v.householdStatuses,
    categories: v.categories,
    allowUnfiled: !!v.allowUnfiled,
    incomeThreshold: {
      defaultMonthlyFen: yuanToFen(v.defaultThresholdYuan),
      regions: (v.regions ?? []).map((x) => ({ regionCode: x.regionCode, dibaoMonthlyFen: yuanToFen(x.dibaoYuan)!, multiplePercent: x.multiplePercent })),
    },
    stages: v.stages ?? [],
    amounts: (v.stages ?? []).map((stage) => ({ stage, filedFen: yuanToFen(v.amounts?.[stage]?.filedYuan) ?? 0, unfiledFen: yuanToFen(v.amounts?.[stage]?.unfiledYuan) ?? 0 })),
    householdAmountFen: yuanToFen(v.householdAmountYuan),
    inKindItems: (v.inKindItems ?? []).map((i) => ({ item: i.item, quantity: i.quantity, stages: i.stages ?? [] })),
    exclusions: { governmentAided: !!v.exclusions?.governmentAided, militaryAcademy: !!v.exclusions?.militaryAcademy, freeNormal: !!v.exclusions?.freeNormal },
  };
}

/** Default rules for a new campaign: 金秋助学's usual table (filed/unfiled), or a 1000 元 lump sum. */
export function defaultRules(kind: 'per_student' | 'per_household'): CampaignRules {
  if (kind === 'per_household')
    return {
      householdStatuses: ['archived'],
      categories: ['deep', 'relative', 'accident'],
      allowUnfiled: false,
      incomeThreshold: { defaultMonthlyFen: null, regions: [] },
      stages: [],
      amounts: [],
      householdAmountFen: 100000,
      inKindItems: [],
      exclusions: { governmentAided: false, militaryAcademy: false, freeNormal: false },
    };
  return {
    householdStatuses: ['archived'],
    categories: ['deep', 'relative', 'accident'],
    allowUnfiled: true,
    incomeThreshold: { defaultMonthlyFen: 120000, regions: [] },
    stages: ['senior', 'vocational', 'college', 'undergraduate'],
    amounts: [
      { stage: 'senior', filedFen: 300000, unfiledFen: 200000 },
      { stage: 'vocational', filedFen: 300000, unfiledFen: 200000 },
      { stage: 'college', filedFen: 500000, unfiledFen: 400000 },
      { stage: 'undergraduate', filedFen: 500000, unfiledFen: 400000 },
    ],
    householdAmountFen: null,
    inKindItems: [],
    exclusions: { governmentAided: true, militaryAcademy: true, freeNormal: true },
  };
}
