import { useTranslation } from 'react-i18next';
import type { ApprovalTaskSummary, DoneTaskSummary, RequestSummary } from '../../../shared/domain/approvals/request.ts';
import { formatDateTime, formatList } from '../../app/format.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { formatAmount } from './approval-format.ts';
import { localized } from '../../i18n/localized.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Badge } from '../../ui/Badge.tsx';

/** Rows of the three inbox views; each is one button that opens the request. */
export function WaitingRow({
  task,
  now,
  onOpen,
  selected,
  onSelect,
}: {
  task: ApprovalTaskSummary;
  now: number;
  onOpen: (requestId: string) => void;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="inbox-row-select">
      <input
        type="checkbox"
        checked={selected}
        onChange={(e) => onSelect(e.target.checked)}
        aria-label={t('approvals.select', { title: task.title })}
        data-testid="select-row"
      />
      <WaitingButton task={task} now={now} onOpen={onOpen} />
    </div>
  );
}

function WaitingButton({ task, now, onOpen }: { task: ApprovalTaskSummary; now: number; onOpen: (requestId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <button className="inbox-row" onClick={() => onOpen(task.requestId)} data-testid="waiting-row">
      <span className="inbox-row-head">
        <Badge>{localized(task.templateName, i18n.language)}</Badge>
        <strong className="ellipsis">
          <UserText>{task.title}</UserText>
        </strong>
        <SlaBadge task={task} now={now} />
      </span>
      <span className="inbox-row-foot muted small">
        <span className="ellipsis">
          <UserText>{task.submitter.name}</UserText>
        </span>
        {task.figure && (
          // The number the decision turns on, on the line under the title so the title keeps its room.
          <span className="figure" data-testid="row-figure">
            {localized(task.figure.label, i18n.language)} {formatAmount(task.figure.value, task.figure.unit, i18n.language)}
          </span>
        )}
        {task.onBehalfOf && (
          <span className="tag">
            {t(task.via === 'escalated' ? 'approvals.escalatedFrom' : 'approvals.onBehalfOf', { name: task.onBehalfOf.name })}
          </span>
        )}
        {task.source === 'external' && (
          <span className="tag">{t('approvals.fromSystem', { system: localized(task.templateName, i18n.language) })}</span>
        )}
      </span>
    </button>
  );
}

export function MineRow({ request, onOpen }: { request: RequestSummary; onOpen: (requestId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <button className="inbox-row" onClick={() => onOpen(request.id)} data-testid="mine-row">
      <span className="inbox-row-head">
        <Badge>{localized(request.templateName, i18n.language)}</Badge>
        <strong className="ellipsis">
          <UserText>{request.title}</UserText>
        </strong>
        <span className={`status status-${request.status}`} data-testid="request-status">
          {t(`approvals.status.${request.status}`)}
        </span>
      </span>
      <span className="inbox-row-foot muted small ellipsis">
        {request.status === 'pending' && request.waitingOn.length > 0
          ? t('approvals.waitingOn', { names: formatList(request.waitingOn, i18n.language) })
          : formatDateTime(request.updatedAt, i18n.language)}
      </span>
    </button>
  );
}

export function DoneRow({ done, onOpen }: { done: DoneTaskSummary; onOpen: (requestId: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <button className="inbox-row" onClick={() => onOpen(done.requestId)} data-testid="done-row">
      <span className="inbox-row-head">
        <Badge>{localized(done.templateName, i18n.language)}</Badge>
        <strong className="ellipsis">
          <UserText>{done.title}</UserText>
        </strong>
        <span className={`status status-${done.outcome}`}>{t(`approvals.outcome.${done.outcome}`)}</span>
      </span>
      <span className="inbox-row-foot muted small ellipsis">
        <UserText>{done.submitter.name}</UserText>
        {done.decidedBy && ` · ${t('approvals.decidedBy', { name: done.decidedBy.name })}`} ·{' '}
        {formatDateTime(done.closedAt, i18n.language)}
      </span>
    </button>
  );
}
