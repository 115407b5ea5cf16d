import { z } from 'zod';
import { ROLE_KEYS } from './roles.js';
import { text } from './text.js';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, '3-32 characters: letters, digits, . _ -, starting with a letter');

export const RoleKeySchema = z.enum(ROLE_KEYS);

export const CreateUserInput = z.strictObject({
  orgId: z.uuid(),
  username: Username,
  displayName: text().min(1).max(50),
  roles: z.array(RoleKeySchema).max(8).default([]),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  displayName: text().min(1).max(50).optional(),
  orgId: z.uuid().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const SetUserRolesInput = z.strictObject({ roles: z.array(RoleKeySchema).max(8) });
export type SetUserRolesInput = z.infer<typeof SetUserRolesInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: text({ trim: false }).min(1).max(256),
  newPassword: text({ trim: false }).min(1).max(256),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
