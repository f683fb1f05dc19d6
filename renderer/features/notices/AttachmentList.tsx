import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { portico } from '../../bridge/portico.ts';
import { PaperclipIcon } from '../../ui/icons.tsx';
import { saveFile } from '../../ui/save-file.ts';
import { UserText, isolated } from '../../ui/UserText.tsx';

/** A notice's files: each downloads through core (with the session's token), never by a raw URL. */
export function AttachmentList({ attachments }: { attachments: readonly AttachmentRef[] }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  if (attachments.length === 0) return null;
  const download = async (file: AttachmentRef) => {
    setProblem(null);
    const outcome = await portico.call('notices.download', { attachmentId: file.id });
    if (outcome.ok) saveFile(outcome.name, outcome.mediaType, outcome.base64);
    else setProblem(t('notices.downloadFailed', { name: isolated(file.name) }));
  };
  return (
    <div className="notice-files">
      <ul className="chips">
        {attachments.map((file) => (
          <li key={file.id}>
            <button className="chip" onClick={() => void download(file)}>
              <PaperclipIcon /> <UserText>{file.name}</UserText>
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="error small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
