import { z } from 'zod';
import { EntityId } from '../ids.ts';
import { Role } from '../user.ts';

/**
 * Who a notice is for: everyone, or any mix of departments, roles and named people (a person in
 * two of them gets it once). Kept with the notice, so people who join a department later get its
 * notices that are still live.
 */
export const Audience = z
  .object({
    everyone: z.boolean().default(false),
    departmentIds: z.array(EntityId).max(500).default([]),
    roles: z.array(Role).max(Role.options.length).default([]),
    /** Named people; larger groups go by department or role. */
    userIds: z.array(EntityId).max(1000).default([]),
  })
  .refine((a) => a.everyone || a.departmentIds.length + a.roles.length + a.userIds.length > 0, {
    message: 'choose who the notice is for',
    path: ['everyone'],
  });
export type Audience = z.infer<typeof Audience>;
