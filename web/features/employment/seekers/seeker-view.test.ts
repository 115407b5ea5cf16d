import { describe, expect, it } from 'vitest';
import { regionLabel, salaryRange, seekerSource } from './seeker-view.js';

describe('seeker view helpers', () => {
  it('shows a monthly salary range in whole yuan', () => {
    expect(salaryRange(400000, 600000)).toBe('4,000–6,000');
    expect(salaryRange(350000, 350000)).toBe('3,500');
    expect(salaryRange(123456, 1200000)).toBe('1,234.56–12,000');
  });

  it('names Jiaozuo’s counties and leaves other codes as they are', () => {
    expect(regionLabel('410803')).toBe('中站区');
    expect(regionLabel('410102')).toBe('410102');
    expect(regionLabel('410803', 'zh-CN')).toBe('中站区');
    expect(regionLabel('410803', 'en')).toBe('Zhongzhan District');
    expect(regionLabel('410102', 'en')).toBe('410102');
  });

  it('tells where a seeker came from', () => {
    expect(seekerSource({ householdId: 'h', applicationId: 'a' })).toBe('application');
    expect(seekerSource({ householdId: 'h', applicationId: null })).toBe('household');
    expect(seekerSource({ householdId: null, applicationId: null })).toBe('manual');
  });
});
