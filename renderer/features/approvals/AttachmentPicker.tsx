import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../../ui/icons.tsx';
import { MAX_UPLOAD_BYTES } from '../../../shared/bridge/contract.ts';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { portico } from '../../bridge/portico.ts';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.txt,.csv';
const MAX_FILES = 10;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Picks and uploads files at once (the server checks type and size again), showing each as a chip
 * that can be removed before sending. Uploads need a connection; the rest of the form does not.
 */
export function AttachmentPicker({ value, onChange }: { value: AttachmentRef[]; onChange: (next: AttachmentRef[]) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (files: FileList | null) => {
    setProblem(null);
    const picked = [...(files ?? [])].slice(0, MAX_FILES - value.length);
    const added: AttachmentRef[] = [];
    for (const file of picked) {
      if (file.size > MAX_UPLOAD_BYTES) {
        setProblem(t('approvals.attach.tooLarge', { name: file.name, limit: '10 MB' }));
        continue;
      }
      setBusy((n) => n + 1);
      const outcome = await portico.call('approvals.upload', { name: file.name, base64: await toBase64(file) });
      setBusy((n) => n - 1);
      if (outcome.ok) added.push(outcome.attachment);
      else
        setProblem(
          t(`approvals.attach.failed.${outcome.code}`, {
            name: file.name,
            defaultValue: t('approvals.attach.failed.other', { name: file.name, message: outcome.message }),
          }),
        );
    }
    if (added.length > 0) onChange([...value, ...added]);
  };
  return (
    <div className="attachment-picker">
      <label className="secondary attach-button">
        {busy > 0 ? t('approvals.attach.uploading') : t('approvals.attach.add')}
        <input
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          disabled={value.length >= MAX_FILES}
          onChange={(e) => void add(e.target.files)}
        />
      </label>
      <ul className="chips">
        {value.map((file) => (
          <li key={file.id} className="chip">
            <PaperclipIcon /> {file.name}
            <button
              type="button"
              className="link small"
              aria-label={t('approvals.attach.remove', { name: file.name })}
              onClick={() => onChange(value.filter((f) => f.id !== file.id))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Fetches a file through core and hands it to the browser's download. */
export async function saveAttachment(attachmentId: string): Promise<boolean> {
  const file = await portico.call('approvals.download', { attachmentId });
  if (!file.ok) return false;
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
