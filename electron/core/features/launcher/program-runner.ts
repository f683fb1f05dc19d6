import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { type Platform, checkProgram } from './program-allow-list.ts';

export type RunOutcome =
  | { ok: true; pid: number | undefined }
  | { ok: false; code: 'not_allowed' | 'malformed' | 'not_found' | 'other_platform' | 'failed'; reason: string; path: string };

export interface ProgramTarget {
  paths: { win32?: string | undefined; darwin?: string | undefined; linux?: string | undefined };
  args: readonly string[];
}

/**
 * Runs a catalog program: the allow-list decides first, then the file must exist, then it starts
 * detached (it outlives Portico) with its arguments as an array, never through a shell.
 */
export async function runProgram(
  target: ProgramTarget,
  context: { allowList: readonly string[]; platform: Platform; env: Readonly<Record<string, string | undefined>> },
): Promise<RunOutcome> {
  const raw = (target.paths as Record<string, string | undefined>)[context.platform];
  if (raw === undefined) return { ok: false, code: 'other_platform', reason: `no path for ${context.platform}`, path: '' };
  const check = checkProgram(raw, context.allowList, context.platform, context.env);
  if (!check.ok) return check;
  const file = check.file;
  const found = await stat(file).catch(() => null);
  // A macOS application is a folder (Calculator.app); everything else must be a file.
  const isApp = context.platform === 'darwin' && file.toLowerCase().endsWith('.app');
  if (!found || (isApp ? !found.isDirectory() : !found.isFile()))
    return { ok: false, code: 'not_found', reason: `${file} is not installed on this PC`, path: file };
  const [command, args] = isApp ? ['/usr/bin/open', ['-a', file, '--args', ...target.args]] : [file, [...target.args]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false, windowsHide: false });
    child.once('spawn', () => {
      child.unref();
      resolve({ ok: true, pid: child.pid });
    });
    child.once('error', (error) => resolve({ ok: false, code: 'failed', reason: error.message, path: file }));
  });
}
