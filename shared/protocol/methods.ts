import type { z } from 'zod';
import { approvalMethods } from './approval-methods.ts';
import { attendanceMethods } from './attendance-methods.ts';
import { briefMethods } from './brief-methods.ts';
import { chatMethods } from './chat-methods.ts';
import { directoryMethods } from './directory-methods.ts';
import { kudosMethods } from './kudos-methods.ts';
import { launcherMethods } from './launcher-methods.ts';
import { noticeMethods } from './notice-methods.ts';
import { presenceMethods } from './presence-methods.ts';
import { syncMethods } from './sync-methods.ts';

export { DepartmentOption, DirectoryPerson } from './directory-methods.ts';
export { Snapshot } from './sync-methods.ts';

/**
 * Every request a client may make over the socket, one file per feature. `mutating` methods must
 * carry an actionId: the server stores the first answer with the effect and returns it for any repeat.
 */
export const methods = {
  ...syncMethods,
  ...noticeMethods,
  ...directoryMethods,
  ...briefMethods,
  ...launcherMethods,
  ...approvalMethods,
  ...attendanceMethods,
  ...chatMethods,
  ...presenceMethods,
  ...kudosMethods,
} as const;

export type MethodName = keyof typeof methods;
export type MethodParams<M extends MethodName> = z.infer<(typeof methods)[M]['params']>;
export type MethodResult<M extends MethodName> = z.infer<(typeof methods)[M]['result']>;
export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
