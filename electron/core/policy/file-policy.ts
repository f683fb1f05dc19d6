import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PolicySource } from './resolve-policy.ts';

/** Where IT drops a policy file on each platform (readable by all, writable by administrators). */
export function policyFilePath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Portico', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Portico/policy.json';
  return '/etc/portico/policy.json';
}

export type FileOutcome = { source: PolicySource; problem: string | null };

/** A missing file is no policy; an unreadable or malformed one is reported and ignored. */
export async function readFilePolicy(file: string): Promise<FileOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { source: { name: 'file', values: {} }, problem: code === 'ENOENT' ? null : `cannot read ${file}: ${code}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { source: { name: 'file', values: {} }, problem: `${file} is not valid JSON; it is ignored` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { source: { name: 'file', values: {} }, problem: `${file} must hold a JSON object; it is ignored` };
  }
  return { source: { name: 'file', values: json as Record<string, unknown> }, problem: null };
}
