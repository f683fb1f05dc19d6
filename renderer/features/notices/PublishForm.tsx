import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeResult } from '../../../shared/bridge/contract.ts';
import type { ActionOutcome } from '../../../shared/bridge/views.ts';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import {
  type Audience,
  DEFAULT_RENOTIFY_MINUTES,
  NOTICE_BODY_MAX,
  NOTICE_TITLE_MAX,
  type NoticePriority,
  type PublishedNotice,
} from '../../../shared/domain/notices/index.ts';
import { portico } from '../../bridge/portico.ts';
import { AttachmentPicker } from '../approvals/AttachmentPicker.tsx';
import { AudiencePicker } from './AudiencePicker.tsx';
import { NoticeMarkdown } from './NoticeMarkdown.tsx';
import { Button } from '../../ui/Button.tsx';

/** `datetime-local` works in local wall time without a zone; these convert to and from instants. */
const toLocalInput = (at: number | null) =>
  at === null ? '' : new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const fromLocalInput = (text: string) => (text ? new Date(text).getTime() : null);

const emptyAudience: Audience = { everyone: false, departmentIds: [], roles: [], userIds: [] };

/**
 * Write and publish a notice (or edit one): Markdown with a preview, audience, priority (urgent comes
 * back every N minutes and always asks for an acknowledgement), pin, publish and expiry times, files.
 */
export function PublishForm({
  options,
  editing,
  onDone,
}: {
  options: BridgeResult<'notices.composeOptions'>;
  editing?: PublishedNotice;
  onDone: (noticeId: string | null) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [preview, setPreview] = useState(false);
  const [audience, setAudience] = useState<Audience>(editing?.audience ?? emptyAudience);
  const [priority, setPriority] = useState<NoticePriority>(editing?.priority ?? 'normal');
  const [requiresAck, setRequiresAck] = useState(editing?.requiresAck ?? false);
  const [renotify, setRenotify] = useState(editing?.renotifyMinutes ?? DEFAULT_RENOTIFY_MINUTES);
  const [pinned, setPinned] = useState(editing?.pinned ?? false);
  const [publishAt, setPublishAt] = useState('');
  const [expiresAt, setExpiresAt] = useState(toLocalInput(editing?.expiresAt ?? null));
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const urgent = priority === 'urgent';
  const audienceEmpty =
    !audience.everyone && audience.departmentIds.length + audience.roles.length + audience.userIds.length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const common = {
      title,
      body,
      priority,
      requiresAck: requiresAck || urgent,
      renotifyMinutes: urgent ? renotify : null,
      pinned,
      expiresAt: fromLocalInput(expiresAt),
    };
    const result = editing
      ? await portico.call('notices.edit', { noticeId: editing.id, ...common })
      : await portico.call('notices.publish', {
          ...common,
          audience,
          publishAt: fromLocalInput(publishAt),
          attachmentIds: files.map((f) => f.id),
        });
    setBusy(false);
    setOutcome(result);
    if (result.status !== 'failed') onDone(editing?.id ?? (result.status === 'done' ? (result.noticeId ?? null) : null));
  };

  return (
    <form
      className="publish-form card"
      onSubmit={(e) => void submit(e)}
      aria-label={editing ? t('notices.form.editTitle') : t('notices.new')}
    >
      <h2>{editing ? t('notices.form.editTitle') : t('notices.new')}</h2>
      <label>
        {t('notices.form.title')}
        <input required maxLength={NOTICE_TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" />
      </label>
      <div className="body-field">
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={!preview}
            className={preview ? 'tab' : 'tab active'}
            onClick={() => setPreview(false)}
          >
            {t('notices.form.write')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={preview}
            className={preview ? 'tab active' : 'tab'}
            onClick={() => setPreview(true)}
          >
            {t('notices.form.preview')}
          </button>
        </div>
        {preview ? (
          <div className="preview">
            <NoticeMarkdown source={body} />
          </div>
        ) : (
          <textarea
            aria-label={t('notices.form.body')}
            rows={10}
            maxLength={NOTICE_BODY_MAX}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            placeholder={t('notices.form.bodyHint')}
            dir="auto"
          />
        )}
      </div>
      {editing ? (
        <p className="muted small">{t('notices.form.audienceFixed')}</p>
      ) : (
        <AudiencePicker value={audience} onChange={setAudience} options={options} />
      )}
      <div className="form-row">
        <label>
          {t('notices.form.priority')}
          <select value={priority} onChange={(e) => setPriority(e.target.value as NoticePriority)}>
            {(['normal', 'important', 'urgent'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`notices.priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {urgent && (
          <label>
            {t('notices.form.renotify')}
            <input type="number" min={1} max={240} value={renotify} onChange={(e) => setRenotify(Number(e.target.value))} />
          </label>
        )}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={requiresAck || urgent}
          disabled={urgent}
          onChange={(e) => setRequiresAck(e.target.checked)}
        />
        {t('notices.form.requiresAck')}
        {urgent && <span className="muted small"> {t('notices.form.urgentAck')}</span>}
      </label>
      <label className="check">
        <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} />
        {t('notices.form.pin')}
      </label>
      <div className="form-row">
        {!editing && (
          <label>
            {t('notices.form.publishAt')}
            <input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          </label>
        )}
        <label>
          {t('notices.form.expiresAt')}
          <input type="datetime-local" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
        </label>
      </div>
      {!editing && <AttachmentPicker value={files} onChange={setFiles} />}
      {outcome?.status === 'failed' && (
        <p className="error" role="alert">
          {outcome.issues?.some((i) => i.field === 'expiresAt')
            ? t('notices.form.expiresBeforePublish')
            : t('common.actionFailed', { message: outcome.message })}
        </p>
      )}
      <div className="form-actions">
        <Button type="button" variant="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={busy || title.trim() === '' || (!editing && audienceEmpty)}>
          {editing ? t('notices.form.save') : publishAt ? t('notices.form.schedule') : t('notices.form.publish')}
        </Button>
      </div>
    </form>
  );
}
