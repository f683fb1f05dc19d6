import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/domain/approvals/request.ts';
import { formatDateTime } from '../../app/format.ts';

/** The audit trail: who did what, for whom, when, with their words. */
export function HistoryList({ history }: { history: readonly HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="history">
      {history.map((entry) => (
        <li key={entry.id} className="history-entry" data-action={entry.action}>
          <div className="small">
            <strong>{entry.actor?.name ?? t('approvals.system')}</strong> {t(`approvals.action.${entry.action}`)}
            {entry.onBehalfOf && entry.onBehalfOf.id !== entry.actor?.id && (
              <span className="muted"> {t('approvals.forWhom', { name: entry.onBehalfOf.name })}</span>
            )}
            <span className="muted"> · {formatDateTime(entry.at, i18n.language)}</span>
          </div>
          {entry.text && <p className="history-text">{entry.text}</p>}
          {entry.attachments.length > 0 && (
            <ul className="attachments small">
              {entry.attachments.map((a) => (
                <li key={a.id}>📎 {a.name}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
