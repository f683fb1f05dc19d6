import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../shared/domain/approvals/request.ts';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import { portico } from '../../bridge/portico.ts';
import { OutcomeMessage } from './OutcomeMessage.tsx';
import { Button } from '../../ui/Button.tsx';

/** Approve in one click; reject or return only with a reason, which the submitter will read. */
export function DecisionBar({ taskId, onDecided }: { taskId: string; onDecided?: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const needsReason = mode === 'reject' || mode === 'return';
  const decide = async (decision: Decision) => {
    if (decision !== 'approve' && comment.trim() === '') return setMode(decision);
    setBusy(true);
    const result = await portico.call('approvals.decide', { taskId, decision, comment });
    setOutcome(result);
    setBusy(false);
    if (result.status !== 'failed') onDecided?.();
  };
  return (
    <div className="decision-bar">
      <textarea
        aria-label={needsReason ? t('approvals.reasonPlaceholder') : t('approvals.commentPlaceholder')}
        placeholder={needsReason ? t('approvals.reasonPlaceholder') : t('approvals.commentPlaceholder')}
        value={comment}
        maxLength={2000}
        rows={2}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={needsReason && comment.trim() === ''}
      />
      {needsReason && comment.trim() === '' && <p className="field-error">{t('approvals.reasonRequired')}</p>}
      <div className="decision-buttons">
        {needsReason ? (
          <>
            <button
              className={mode === 'reject' ? 'danger' : 'secondary'}
              disabled={busy || comment.trim() === ''}
              onClick={() => void decide(mode)}
            >
              {t(mode === 'reject' ? 'approvals.confirmReject' : 'approvals.confirmReturn')}
            </button>
            <Button variant="link" onClick={() => setMode(null)}>
              {t('approvals.cancel')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="primary" disabled={busy} onClick={() => void decide('approve')}>
              {t('approvals.approve')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => void decide('return')}>
              {t('approvals.return')}
            </Button>
            <Button variant="danger-outline" disabled={busy} onClick={() => void decide('reject')}>
              {t('approvals.reject')}
            </Button>
          </>
        )}
      </div>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}
