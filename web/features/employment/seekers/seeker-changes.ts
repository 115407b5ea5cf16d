import type { SeekerDetail, UpdateSeekerBody } from './seekers.api.js';

/** The edit form's values (the salary in whole 元). */
export interface SeekerEditValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  clearPhone?: boolean;
  education: string;
  major?: string;
  graduationYear?: number | null;
  skills?: string;
  wishedCategory: string;
  wishedRegion: string;
  wishedSalaryYuan?: number | null;
  hardship?: boolean;
}

const blankToNull = (v: string | undefined) => v?.trim() || null;

/**
 * The correction of the form: only what differs from the seeker as read, with its version. The ID
 * number and phone are shown masked and sent only when retyped (or the phone removed).
 */
export function seekerChanges(seeker: SeekerDetail, v: SeekerEditValues, fromRecord: boolean): UpdateSeekerBody {
  const next: Omit<UpdateSeekerBody, 'version'> = {
    education: v.education,
    major: blankToNull(v.major),
    graduationYear: v.graduationYear ?? null,
    skills: blankToNull(v.skills),
    wishedCategory: v.wishedCategory,
    wishedRegion: v.wishedRegion,
    wishedSalaryFen: v.wishedSalaryYuan === null || v.wishedSalaryYuan === undefined ? null : Math.round(v.wishedSalaryYuan * 100),
    ...(fromRecord ? {} : { name: v.name?.trim(), hardship: !!v.hardship }),
  };
  const body: UpdateSeekerBody = { version: seeker.version };
  for (const [key, value] of Object.entries(next) as Array<[keyof typeof next, unknown]>) if (value !== (seeker as unknown as Record<string, unknown>)[key]) (body as unknown as Record<string, unknown>)[key] = value;
  if (!fromRecord && v.idNumber?.trim()) body.idNumber = v.idNumber.trim().toUpperCase();
  if (v.clearPhone) body.phone = null;
  else if (v.phone?.trim()) body.phone = v.phone.trim();
  return body;
}
