import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { CHAT_TEXT_MAX, type ChatMessage, type ConversationMember } from '../../../shared/domain/chat/index.ts';
import { portico } from '../../bridge/portico.ts';
import { PaperclipIcon } from '../../ui/icons.tsx';
import { uploadFiles } from '../../ui/upload-files.ts';
import { chatError } from './chat-errors.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';

export interface ComposerDraft {
  text: string;
  mentions: string[];
  replyToId: string | null;
  attachments: AttachmentRef[];
}

/**
 * Writing a message. Enter sends, Shift+Enter breaks the line, and Enter that finishes an IME
 * composition (Chinese, Japanese) only commits the characters. "@" offers the members.
 */
export function Composer({
  conversationId,
  members,
  me,
  replyTo,
  editing,
  onCancelReply,
  onSent,
  disabledReason,
}: {
  conversationId: string;
  members: readonly ConversationMember[];
  me: string;
  replyTo: ChatMessage | null;
  editing: ChatMessage | null;
  onCancelReply: () => void;
  onSent: () => void;
  disabledReason: string | null;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(editing?.text ?? '');
  const [mentions, setMentions] = useState<string[]>(editing?.mentions ?? []);
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const mentionQuery = /(?:^|\s)@([^\s@]*)$/.exec(text)?.[1];
  const candidates =
    mentionQuery === undefined
      ? []
      : members.filter((m) => m.id !== me && m.name.toLowerCase().includes(mentionQuery.toLowerCase())).slice(0, 6);

  if (disabledReason) return <p className="composer-disabled muted">{disabledReason}</p>;

  const pick = (member: ConversationMember) => {
    setText(text.replace(/@([^\s@]*)$/, `@${member.name} `));
    setMentions([...new Set([...mentions, member.id])]);
  };

  const send = async () => {
    if (text.trim() === '' && files.length === 0) return;
    setProblem(null);
    // A mention stays only while its name is still in the text.
    const kept = mentions.filter((id) => text.includes(`@${members.find((m) => m.id === id)?.name ?? '\u0000'}`));
    const outcome = editing
      ? await portico.call('chat.edit', { messageId: editing.id, text, mentions: kept })
      : await portico.call('chat.send', {
          conversationId,
          text,
          mentions: kept,
          replyToId: replyTo?.id ?? null,
          attachments: files,
        });
    if (outcome.status === 'failed') return setProblem(chatError(outcome, t));
    setText('');
    setMentions([]);
    setFiles([]);
    onSent();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    if (candidates.length > 0) return pick(candidates[0]!);
    void send();
  };

  const attach = async (list: FileList | null) => {
    if (!list) return;
    setUploading(true);
    setProblem(null);
    try {
      const { added, problems } = await uploadFiles([...list].slice(0, 10 - files.length));
      setFiles((prev) => [...prev, ...added]);
      const last = problems.at(-1);
      if (last) setProblem(last.code === 'too_large' ? t('chat.error.too_large') : chatError(last, t));
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="composer">
      {(replyTo || editing) && (
        <div className="composer-context">
          {editing ? t('chat.editing') : t('chat.replyingTo', { name: replyTo!.senderName })}
          <Button variant="link" onClick={onCancelReply}>
            {t('common.cancel')}
          </Button>
        </div>
      )}
      {candidates.length > 0 && (
        <ul className="mention-list" role="listbox" aria-label={t('chat.mention')}>
          {candidates.map((m, i) => (
            <li key={m.id} role="option" aria-selected={i === 0}>
              <Button variant="link" onMouseDown={(e) => e.preventDefault()} onClick={() => pick(m)}>
                @<UserText>{m.name}</UserText>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="chips">
          {files.map((f) => (
            <li key={f.id} className="chip">
              <PaperclipIcon /> <UserText>{f.name}</UserText>
              <Button
                variant="link"
                aria-label={t('chat.removeFile', { name: f.name })}
                onClick={() => setFiles(files.filter((x) => x !== f))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="composer-row">
        <textarea
          value={text}
          rows={2}
          maxLength={CHAT_TEXT_MAX}
          dir="auto"
          aria-label={t('chat.message')}
          placeholder={t('chat.placeholder')}
          onChange={(e) => {
            setText(e.target.value);
            void portico.call('chat.typing', { conversationId });
          }}
          onKeyDown={onKeyDown}
        />
        {!editing && (
          <>
            <input ref={fileInput} type="file" multiple hidden onChange={(e) => void attach(e.target.files)} />
            <Button
              variant="secondary"
              onClick={() => fileInput.current?.click()}
              disabled={uploading}
              aria-label={t('chat.attach')}
            >
              <PaperclipIcon />
            </Button>
          </>
        )}
        <Button variant="primary" onClick={() => void send()} disabled={uploading}>
          {editing ? t('common.save') : t('chat.send')}
        </Button>
      </div>
      {problem && (
        <p className="error small" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
