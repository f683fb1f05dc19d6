import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalTaskSummary } from '../../../shared/domain/approvals/request.ts';
import { portico } from '../../bridge/portico.ts';
import { Button } from '../../ui/Button.tsx';

/**
 * Approve several routine items at once. Each goes to the server as its own decision, with every
 * check a single approval gets (still assigned to me, still pending, my own request refused), and
 * the bar says which did not go through and why.
 */
export function BatchApproveBar({
  tasks,
  onSettled,
  onClear,
}: {
  tasks: readonly ApprovalTaskSummary[];
  onSettled: (approvedTaskIds: string[]) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ done: number; failed: string[] } | null>(null);
  const approve = async () => {
    setBusy(true);
    const approved: string[] = [];
    const failed: string[] = [];
    for (const task of tasks) {
      const outcome = await portico.call('approvals.decide', { taskId: task.id, decision: 'approve', comment: '' });
      if (outcome.status === 'failed') failed.push(`${task.title} (${outcome.message})`);
      else approved.push(task.id);
    }
    setBusy(false);
    setResult({ done: approved.length, failed });
    onSettled(approved);
  };
  return (
    <div className="batch-bar" role="region" aria-label={t('approvals.selectedCount', { count: tasks.length })}>
      {tasks.length > 0 && (
        <>
          <span data-testid="selected-count">{t('approvals.selectedCount', { count: tasks.length })}</span>
          <Button variant="primary" disabled={busy} onClick={() => void approve()} data-testid="approve-selected">
            {t('approvals.approveSelected', { count: tasks.length })}
          </Button>
          <Button variant="link" disabled={busy} onClick={onClear}>
            {t('approvals.clearSelection')}
          </Button>
        </>
      )}
      {result && (
        <p role="status" className="small" data-testid="batch-result">
          {t('approvals.batchDone', { done: result.done })}
          {result.failed.length > 0 &&
            ` · ${t('approvals.batchFailed', { count: result.failed.length, reasons: result.failed.join('; ') })}`}
        </p>
      )}
    </div>
  );
}
