import path from 'node:path';
import type { PolicyValues } from '../policy/policy-definitions.ts';

export type UpdateDecision =
  { enabled: true; feedUrl: string | null } | { enabled: false; reason: 'policy' | 'per-machine install' | 'not packaged' };

/**
 * Whether the app updates itself. Never for a per-machine MSI install (it lives under Program
 * Files, and IT deploys new MSIs; a user-level updater would fight them), never when policy says
 * no, and never from a development checkout. A policy update URL replaces the built-in feed.
 */
export function updateDecision(input: {
  policy: PolicyValues;
  packaged: boolean;
  platform: NodeJS.Platform;
  exePath: string;
  env: NodeJS.ProcessEnv;
}): UpdateDecision {
  if (!input.packaged) return { enabled: false, reason: 'not packaged' };
  if (input.policy.autoUpdate === false) return { enabled: false, reason: 'policy' };
  if (input.platform === 'win32' && isUnderProgramFiles(input.exePath, input.env))
    return { enabled: false, reason: 'per-machine install' };
  return { enabled: true, feedUrl: input.policy.updateUrl ?? null };
}

function isUnderProgramFiles(exePath: string, env: NodeJS.ProcessEnv): boolean {
  const exe = path.win32.normalize(exePath).toLowerCase();
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432, 'C:\\Program Files', 'C:\\Program Files (x86)']
    .filter((root): root is string => typeof root === 'string' && root.length > 0)
    .map((root) => `${path.win32.normalize(root).toLowerCase().replace(/\\+$/, '')}\\`);
  return roots.some((root) => exe.startsWith(root));
}

/** Start at sign-in unless policy says otherwise: a tray app that is not running delivers nothing. */
export function shouldStartAtLogin(policy: PolicyValues): boolean {
  return policy.autoStart ?? true;
}
