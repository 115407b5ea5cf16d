import { z } from 'zod';
import { text } from './text.js';

export const ORG_TYPES = [
  'city_federation',
  'district_federation',
  'aid_centre',
  'aid_station',
  'grassroots_union',
  'industry_union',
] as const;
export const OrgType = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof OrgType>;

export const OrgCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,32}$/, 'use 2-32 letters, digits or hyphens');

export const CreateOrgInput = z.strictObject({
  parentId: z.uuid(),
  code: OrgCode,
  name: text().min(1).max(100),
  nameEn: text().max(200).default(''),
  type: OrgType,
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'six digits (GB/T 2260)')
    .optional(),
});
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z.strictObject({
  name: text().min(1).max(100).optional(),
  nameEn: text().max(200).optional(),
  type: OrgType.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'six digits (GB/T 2260)')
    .nullable()
    .optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const MoveOrgInput = z.strictObject({ newParentId: z.uuid() });
export type MoveOrgInput = z.infer<typeof MoveOrgInput>;
