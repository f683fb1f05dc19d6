import { z } from 'zod';
import { EntityId } from './ids.ts';

export const Role = z.enum(['employee', 'leader', 'hr', 'publisher', 'finance', 'admin']);
export type Role = z.infer<typeof Role>;

export const UserProfile = z.object({
  id: EntityId,
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(128),
  departmentId: EntityId.nullable(),
  departmentName: z.string().max(128).nullable(),
  roles: z.array(Role),
});
export type UserProfile = z.infer<typeof UserProfile>;
