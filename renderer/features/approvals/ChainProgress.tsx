import { useTranslation } from 'react-i18next';
import type { ChainStep } from '../../../shared/domain/approvals/request.ts';
import { localized } from '../../i18n/localized.ts';
import { UserText } from '../../ui/UserText.tsx';

const marks: Record<ChainStep['status'], string> = {
  waiting: '○',
  active: '◔',
  approved: '✓',
  rejected: '✕',
  returned: '↩',
  skipped: '–',
  cancelled: '■',
};

/** The resolved chain, step by step, with who decided and who holds a task for whom. */
export function ChainProgress({ chain }: { chain: readonly ChainStep[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="chain" aria-label={t('approvals.chain')}>
      {chain.map((step) => (
        <li key={step.index} className={`chain-step chain-${step.status}`} data-testid="chain-step" data-status={step.status}>
          <span className="chain-mark" aria-hidden="true">
            {marks[step.status]}
          </span>
          <div className="chain-body">
            <div className="chain-head">
              <strong>{localized(step.name, i18n.language)}</strong>
              <span className="muted small">{t(`approvals.stepStatus.${step.status}`)}</span>
              {step.approvers.length > 1 && <span className="tag">{t(`approvals.mode.${step.mode}`)}</span>}
            </div>
            <ul className="chain-approvers">
              {step.approvers.map((a) => (
                <li key={a.approver.id} className="small">
                  <UserText>{a.approver.name}</UserText>
                  {a.decision && <span className={`status status-${a.decision}`}> {t(`approvals.outcome.${a.decision}`)}</span>}
                  {a.decidedBy && a.decidedBy.id !== a.approver.id && (
                    <span className="muted"> ({t('approvals.decidedBy', { name: a.decidedBy.name })})</span>
                  )}
                  {!a.decision && a.via !== 'direct' && (
                    <span className="muted"> · {t(`approvals.via.${a.via}`, { name: a.assignee.name })}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
}
