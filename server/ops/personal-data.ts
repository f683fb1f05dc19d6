import type { ServerFeature } from '../features/server-feature.ts';

/** One person's data as the features hold it, each under its feature's name. */
export interface PersonalDataExport {
  format: 'portico-personal-data/1';
  userId: string;
  exportedAt: string;
  serverVersion: string;
  parts: Record<string, unknown>;
}

/**
 * Asks every feature what it holds about one person (`personalData`), so a new feature that keeps
 * personal data adds its part where it keeps it, and the export never needs editing.
 */
export async function collectPersonalData(
  features: readonly ServerFeature[],
  userId: string,
  meta: { now: number; serverVersion: string },
): Promise<PersonalDataExport> {
  const parts: Record<string, unknown> = {};
  for (const feature of features) {
    if (!feature.personalData) continue;
    const part = await feature.personalData(userId);
    // A promise inside a part (a repository call without its await) would be exported as {}: refused.
    const unsettled = promiseIn(part, feature.name);
    if (unsettled) throw new Error(`the personal data of ${unsettled} is a promise: await it in the feature`);
    parts[feature.name] = part;
  }
  return {
    format: 'portico-personal-data/1',
    userId,
    exportedAt: new Date(meta.now).toISOString(),
    serverVersion: meta.serverVersion,
    parts,
  };
}

/** The path of the first promise inside `value`, if any. */
export function promiseIn(value: unknown, path: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (typeof (value as { then?: unknown }).then === 'function') return path;
  for (const [key, inner] of Object.entries(value)) {
    const found = promiseIn(inner, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}
