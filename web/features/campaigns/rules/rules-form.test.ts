import { describe, expect, it } from 'vitest';
import { CampaignRules } from '../../../../contracts/campaigns.js';
import { defaultRules, formToRules, rulesToForm } from './rules-form.js';

describe('rules form', () => {
  it('round-trips the rules through the editor’s whole-元 values', () => {
    const rules = { ...defaultRules('per_student'), incomeThreshold: { defaultMonthlyFen: 120000, regions: [{ regionCode: '410803', dibaoMonthlyFen: 62000, multiplePercent: 150 }] }, inKindItems: [{ item: '行李箱', quantity: 1, stages: ['undergraduate' as const] }] };
    expect(formToRules(rulesToForm(rules))).toEqual(rules);
    expect(CampaignRules.safeParse(formToRules(rulesToForm(rules))).success).toBe(true);
  });

  it('keeps one amount row per covered stage when stages are dropped', () => {
    const v = rulesToForm(defaultRules('per_student'));
    v.stages = ['undergraduate'];
    expect(formToRules(v).amounts).toEqual([{ stage: 'undergraduate', filedFen: 500000, unfiledFen: 400000 }]);
  });
});
