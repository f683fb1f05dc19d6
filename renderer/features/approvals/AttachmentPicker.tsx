import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PaperclipIcon } from '../../ui/icons.tsx';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { portico } from '../../bridge/portico.ts';
import { saveFile } from '../../ui/save-file.ts';
import { uploadFiles } from '../../ui/upload-files.ts';
import { UserText, isolated } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.txt,.csv';
const MAX_FILES = 10;

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
    const { added, problems } = await uploadFiles(picked, (delta) => setBusy((n) => n + delta));
    const last = problems.at(-1);
    if (last)
      setProblem(
        last.code === 'too_large'
          ? t('approvals.attach.tooLarge', { name: isolated(last.name), limit: '10 MB' })
          : t(`approvals.attach.failed.${last.code}`, {
              name: last.name,
              defaultValue: t('approvals.attach.failed.other', { name: isolated(last.name), message: last.message }),
            }),
      );
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
            <PaperclipIcon /> <UserText>{file.name}</UserText>
            <Button
              type="button"
              variant="link"
              className="small"
              aria-label={t('approvals.attach.remove', { name: file.name })}
              onClick={() => onChange(value.filter((f) => f.id !== file.id))}
            >
              ✕
            </Button>
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
  saveFile(file.name, file.mediaType, file.base64);
  return true;
}
