import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';

const known = new Set(['forbidden', 'conflict', 'not_found', 'no_approver', 'invalid_params']);

/** What became of an action: done, queued offline, or refused (translated by its code). */
export function OutcomeMessage({ outcome }: { outcome: ActionOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.status === 'done') return null;
  if (outcome.status === 'queued')
    return (
      <p className="note" role="status">
        {t('approvals.queued')}
      </p>
    );
  const key = known.has(outcome.code) ? outcome.code : 'other';
  const step = typeof outcome.details?.step === 'number' ? outcome.details.step + 1 : '';
  return (
    <p className="error" role="alert">
      {t(`approvals.failed.${key}`, { message: outcome.message, step })}
    </p>
  );
}
