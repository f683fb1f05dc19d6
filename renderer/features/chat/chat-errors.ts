import type { TFunction } from 'i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';

/** A refusal in words the user can act on. */
export function chatError(
  outcome: Extract<ActionOutcome, { status: 'failed' }> | { code: string; message: string },
  t: TFunction,
): string {
  const details = 'details' in outcome ? outcome.details : undefined;
  if (outcome.code === 'policy_refused') {
    const reason = String(details?.['reason'] ?? '');
    if (['large_group', 'organisation_wide', 'channel', 'channel_read_only'].includes(reason)) {
      return t(`chat.error.${reason}`, { limit: details?.['limit'] ?? '' });
    }
  }
  if (['window_closed', 'too_large', 'not_found', 'forbidden', 'signed_out', 'unsupported_type'].includes(outcome.code)) {
    return t(`chat.error.${outcome.code}`);
  }
  return t('chat.error.generic', { message: outcome.message || outcome.code });
}
