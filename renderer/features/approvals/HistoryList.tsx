import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../../ui/icons.tsx';
import type { HistoryEntry } from '../../../shared/domain/approvals/request.ts';
import { formatDateTime } from '../../app/format.ts';
import { saveAttachment } from './AttachmentPicker.tsx';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

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
          {entry.text && (
            <p className="history-text">
              <UserText>{entry.text}</UserText>
            </p>
          )}
          {entry.attachments.length > 0 && (
            <ul className="attachments small">
              {entry.attachments.map((a) => (
                <li key={a.id}>
                  <Button type="button" variant="link" onClick={() => void saveAttachment(a.id)}>
                    <PaperclipIcon /> <UserText>{a.name}</UserText>
                  </Button>{' '}
                  <span className="muted">{formatSize(a.size)}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
