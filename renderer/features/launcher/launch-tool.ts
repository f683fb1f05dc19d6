import type { TFunction } from 'i18next';
import type { LaunchOutcome } from '../../../shared/bridge/views.ts';
import type { LaunchSource } from '../../../shared/domain/launcher/index.ts';
import { portico } from '../../bridge/portico.ts';

/**
 * Launches a tool through core. In the browser host core cannot open windows, so it answers a
 * one-time loopback URL and the page opens it (still inside the user's gesture, so no pop-up block).
 */
export async function launchTool(toolId: string, source: LaunchSource): Promise<LaunchOutcome> {
  const outcome = await portico.call('launcher.launch', { toolId, source });
  if (outcome.status !== 'open') return outcome;
  const opened = window.open(outcome.url, '_blank');
  if (!opened) return { status: 'failed', code: 'blocked', message: 'pop-up blocked' };
  opened.opener = null;
  return { status: 'opened' };
}

const KNOWN = new Set([
  'not_allowed',
  'malformed',
  'not_found',
  'other_platform',
  'failed',
  'offline',
  'ticket_refused',
  'no_tool',
  'blocked',
]);

/** The failure in the user's language; the path a program refusal names is shown as it is. */
export function launchErrorText(outcome: Extract<LaunchOutcome, { status: 'failed' }>, t: TFunction): string {
  const code = KNOWN.has(outcome.code) ? outcome.code : 'other';
  return t(`launcher.error.${code}`, {
    path: outcome.details?.['path'] ?? '',
    reason: outcome.message,
    message: outcome.message,
  });
}
