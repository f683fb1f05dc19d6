import { z } from 'zod';
import { EntityId } from '../domain/ids.ts';

export const DirectoryPerson = z.object({
  id: EntityId,
  name: z.string().max(128),
  departmentName: z.string().max(128).nullable(),
  /** Pinyin of a Chinese name, whole ("zhangwei") and initials ("zw"), for search; empty otherwise. */
  pinyin: z.string().max(256).default(''),
  initials: z.string().max(64).default(''),
});
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

export const DepartmentOption = z.object({
  id: EntityId,
  name: z.string().max(128),
  members: z.number().int().nonnegative(),
});
export type DepartmentOption = z.infer<typeof DepartmentOption>;

/** The organisation's methods: people and departments. */
export const directoryMethods = {
  'directory.departments': { mutating: false, params: z.object({}), result: z.array(DepartmentOption) },
  'directory.people': { mutating: false, params: z.object({}), result: z.array(DirectoryPerson) },
} as const;
