import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome, ApprovalDetailView } from '../../../shared/bridge/views.ts';
import type { AttachmentRef, RequestDetail } from '../../../shared/domain/approvals/request.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { formatDateTime } from '../../app/format.ts';
import { portico } from '../../bridge/portico.ts';
import { ChainProgress } from './ChainProgress.tsx';
import { DecisionBar } from './DecisionBar.tsx';
import { HistoryList } from './HistoryList.tsx';
import { OutcomeMessage } from './OutcomeMessage.tsx';
import { localized } from '../../i18n/localized.ts';
import { formatFieldValue } from './approval-format.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Badge } from '../../ui/Badge.tsx';

/** One request: its fields, its chain and progress, the conversation, and what I may do with it. */
export function RequestDetailPane({
  requestId,
  meId,
  onResubmit,
  onDecided,
}: {
  requestId: string;
  meId: string;
  onResubmit: (detail: RequestDetail) => void;
  /** The user decided this request: the inbox moves on to the next one. */
  onDecided?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<ApprovalDetailView | null>(null);
  const load = useCallback(() => {
    void portico.call('approvals.detail', { requestId }).then(setView);
  }, [requestId]);
  useEffect(load, [load]);
  useEffect(
    () =>
      portico.on('data.changed', ({ features }) => {
        if (features.includes('approvals')) load();
      }),
    [load],
  );
  if (!view) return <div className="detail-pane" aria-busy="true" />;
  if (view.status === 'unavailable') {
    return (
      <div className="detail-pane">
        <p className="muted">{t('approvals.detailUnavailable', { code: view.code })}</p>
      </div>
    );
  }
  const { detail } = view;
  return (
    <article className="detail-pane" aria-label={detail.title} data-testid="request-detail">
      {view.status === 'cached' && (
        <p className="note">{t('approvals.detailOffline', { time: formatDateTime(view.fetchedAt, i18n.language) })}</p>
      )}
      <header className="detail-head">
        <Badge>{localized(detail.templateName, i18n.language)}</Badge>
        <h2>
          <UserText>{detail.title}</UserText>
        </h2>
        <span className={`status status-${detail.status}`} data-testid="detail-status">
          {t(`approvals.status.${detail.status}`)}
        </span>
      </header>
      <p className="muted small">
        {t('approvals.submitter', { name: detail.submitter.name })}
        {detail.submitter.departmentName && ` · ${detail.submitter.departmentName}`} ·{' '}
        {t('approvals.submittedAt', { time: formatDateTime(detail.submittedAt, i18n.language) })}
      </p>
      {detail.source.kind === 'external' && detail.source.link && (
        <p>
          <a href={detail.source.link} target="_blank" rel="noopener noreferrer">
            {t('approvals.openExternal', { system: detail.source.system })}
          </a>
        </p>
      )}
      {detail.myTaskId && <DecisionBar key={detail.myTaskId} taskId={detail.myTaskId} onDecided={onDecided} />}
      <section>
        <h3>{t('approvals.fields')}</h3>
        <dl className="fields">
          {detail.fields.map((field) => (
            <div key={field.key} className="field-row">
              <dt>{localized(field.label, i18n.language)}</dt>
              <dd>{formatFieldValue(field, detail.values[field.key], i18n.language)}</dd>
            </div>
          ))}
          {detail.display.map((item) => (
            <div key={item.label} className="field-row">
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section>
        <h3>{t('approvals.chain')}</h3>
        <ChainProgress chain={detail.chain} />
      </section>
      <section>
        <h3>{t('approvals.history')}</h3>
        <HistoryList history={detail.history} />
        <CommentBox requestId={detail.id} />
      </section>
      <RequestActions detail={detail} mine={detail.submitter.id === meId} onResubmit={onResubmit} />
    </article>
  );
}

function CommentBox({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<AttachmentRef[]>([]);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const send = async () => {
    const result = await portico.call('approvals.comment', { requestId, text, attachmentIds: attachments.map((a) => a.id) });
    setOutcome(result);
    if (result.status !== 'failed') {
      setText('');
      setAttachments([]);
    }
  };
  return (
    <form
      className="comment-box"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void send();
      }}
    >
      <input
        aria-label={t('approvals.comment')}
        placeholder={t('approvals.addComment')}
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
      />
      <Button type="submit" variant="secondary" disabled={text.trim() === ''}>
        {t('approvals.send')}
      </Button>
      <AttachmentPicker value={attachments} onChange={setAttachments} />
      <OutcomeMessage outcome={outcome} />
    </form>
  );
}

function RequestActions({
  detail,
  mine,
  onResubmit,
}: {
  detail: RequestDetail;
  mine: boolean;
  onResubmit: (detail: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const canResubmit = mine && detail.status === 'returned' && detail.source.kind === 'portico' && detail.fields.length > 0;
  if (!detail.canWithdraw && !canResubmit) return null;
  return (
    <div className="request-actions">
      {detail.canWithdraw && (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('approvals.withdraw')}
        </Button>
      )}
      {detail.canWithdraw && confirming && (
        // Withdrawing ends the request for every approver: one more deliberate click, never by accident.
        <Dialog
          role="alertdialog"
          title={t('approvals.withdrawConfirm')}
          onClose={() => setConfirming(false)}
          actions={
            <>
              <Button variant="secondary" data-autofocus onClick={() => setConfirming(false)}>
                {t('approvals.withdrawKeep')}
              </Button>
              <Button
                variant="danger"
                data-testid="withdraw-confirm"
                onClick={() => {
                  setConfirming(false);
                  void portico.call('approvals.withdraw', { requestId: detail.id }).then(setOutcome);
                }}
              >
                {t('approvals.withdrawYes')}
              </Button>
            </>
          }
        />
      )}
      {canResubmit && (
        <Button variant="primary" onClick={() => onResubmit(detail)}>
          {t('approvals.resubmit')}
        </Button>
      )}
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}
