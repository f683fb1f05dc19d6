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
  for (const feature of features) if (feature.personalData) parts[feature.name] = await feature.personalData(userId);
  return {
    format: 'portico-personal-data/1',
    userId,
    exportedAt: new Date(meta.now).toISOString(),
    serverVersion: meta.serverVersion,
    parts,
  };
}
