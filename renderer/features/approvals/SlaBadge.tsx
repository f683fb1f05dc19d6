import { useTranslation } from 'react-i18next';
import type { ApprovalTaskSummary } from '../../../shared/domain/approvals/request.ts';
import { formatAge } from '../../app/format.ts';

/** Age since the task reached me, coloured by the template's SLA: green, amber after the reminder, red after escalation time. */
export function SlaBadge({ task, now }: { task: ApprovalTaskSummary; now: number }) {
  const { t } = useTranslation();
  const level = now >= task.escalateAt ? 'overdue' : now >= task.remindAt ? 'due' : 'ok';
  return (
    <span className={`sla sla-${level}`} title={t(`approvals.sla.${level}`)}>
      {formatAge(task.submittedAt, now, t)}
    </span>
  );
}
