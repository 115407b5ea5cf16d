import { describe, expect, it } from 'vitest';
import { seekerChanges, type SeekerEditValues } from './seeker-changes.js';
import type { SeekerDetail } from './seekers.api.js';

const seeker = {
  name: '刘振华',
  education: 'college',
  major: '机电一体化',
  graduationYear: 2020,
  skills: '电焊',
  wishedCategory: 'skilled_trade',
  wishedRegion: '410803',
  wishedSalaryFen: 450000,
  hardship: false,
  phoneMasked: '137****0002',
  version: 4,
} as SeekerDetail;
const asRead: SeekerEditValues = { name: '刘振华', education: 'college', major: '机电一体化', graduationYear: 2020, skills: '电焊', wishedCategory: 'skilled_trade', wishedRegion: '410803', wishedSalaryYuan: 4500, hardship: false };

describe('the correction a seeker edit form sends', () => {
  it('sends only the version when nothing changed', () => {
    expect(seekerChanges(seeker, asRead, false)).toEqual({ version: 4 });
  });

  it('sends what changed, blanks as null, the salary in fen, a retyped ID number and phone', () => {
    expect(seekerChanges(seeker, { ...asRead, skills: '  ', wishedSalaryYuan: 5000.5, name: ' 刘振中 ', idNumber: ' 41080319980115001x ', phone: '13903910009' }, false)).toEqual({
      version: 4,
      skills: null,
      wishedSalaryFen: 500050,
      name: '刘振中',
      idNumber: '41080319980115001X',
      phone: '13903910009',
    });
    expect(seekerChanges(seeker, { ...asRead, phone: '13903910009', clearPhone: true }, false)).toEqual({ version: 4, phone: null });
  });

  it('never sends the name, ID number or hardship of a seeker from a record', () => {
    expect(seekerChanges(seeker, { ...asRead, name: '别人', idNumber: '410803199801150011', hardship: true, education: 'bachelor' }, true)).toEqual({ version: 4, education: 'bachelor' });
  });
});
