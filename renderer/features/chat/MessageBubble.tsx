import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../shared/domain/approvals/request.ts';
import { CHAT_EDIT_WINDOW_MS, type ChatMessage } from '../../../shared/domain/chat/index.ts';
import { portico } from '../../bridge/portico.ts';
import { PaperclipIcon } from '../../ui/icons.tsx';
import { saveAttachment } from '../approvals/AttachmentPicker.tsx';
import { formatTime } from '../../app/format.ts';
import { ChatMarkdown } from './ChatMarkdown.tsx';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';

export interface Receipt {
  /** Direct: whether the other person has read it. Group: who has, of how many. */
  readBy: readonly string[];
  of: number;
}

/** An image from the chat, fetched through core with the session's token and shown from memory. */
function ChatImage({ file }: { file: AttachmentRef }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void portico.call('approvals.download', { attachmentId: file.id }).then((outcome) => {
      if (alive && outcome.ok) setSrc(`data:${outcome.mediaType};base64,${outcome.base64}`);
    });
    return () => {
      alive = false;
    };
  }, [file.id]);
  return src ? (
    <img className="chat-image" src={src} alt={file.name} />
  ) : (
    <span className="chat-image placeholder">
      <UserText>{file.name}</UserText>
    </span>
  );
}

function FileChip({ file }: { file: AttachmentRef }) {
  const { t } = useTranslation();
  return (
    <button className="chip" onClick={() => void saveAttachment(file.id)} title={t('chat.download')}>
      <PaperclipIcon /> <UserText>{file.name}</UserText> <span className="muted">{Math.ceil(file.size / 1024)} KB</span>
    </button>
  );
}

/** One message: who, when, the text, a quote, files, receipts and what may be done to it. */
export const MessageBubble = memo(function MessageBubble({
  message,
  mine,
  groupStart,
  receipt,
  moderator,
  now,
  onReply,
  onEdit,
  onDelete,
  onShowReaders,
}: {
  message: ChatMessage;
  mine: boolean;
  groupStart: boolean;
  receipt: Receipt | null;
  moderator: boolean;
  now: number;
  onReply: (m: ChatMessage) => void;
  onEdit: (m: ChatMessage) => void;
  onDelete: (m: ChatMessage) => void;
  onShowReaders: (m: ChatMessage) => void;
}) {
  const { t, i18n } = useTranslation();
  const editable = mine && !message.deleted && now - message.sentAt < CHAT_EDIT_WINDOW_MS;
  return (
    <div className={`message ${mine ? 'mine' : 'theirs'}`} data-testid="message" data-seq={message.seq}>
      {groupStart && !mine && (
        <div className="message-sender">
          <UserText>{message.senderName}</UserText>
        </div>
      )}
      <div className="bubble">
        {message.replyTo && (
          <blockquote className="reply-quote">
            <strong>
              <UserText>{message.replyTo.senderName}</UserText>
            </strong>{' '}
            {message.replyTo.deleted ? t('chat.deletedMessage') : message.replyTo.excerpt}
          </blockquote>
        )}
        {message.deleted ? (
          <em className="muted">{t('chat.deletedMessage')}</em>
        ) : (
          <>
            {message.text && <ChatMarkdown text={message.text} />}
            {message.attachments.length > 0 && (
              <div className="message-files">
                {message.attachments.map((file) =>
                  file.mediaType.startsWith('image/') ? (
                    <ChatImage key={file.id} file={file} />
                  ) : (
                    <FileChip key={file.id} file={file} />
                  ),
                )}
              </div>
            )}
          </>
        )}
        <div className="message-meta">
          <time dateTime={new Date(message.sentAt).toISOString()}>{formatTime(message.sentAt, i18n.language)}</time>
          {message.editedAt !== null && !message.deleted && <span> · {t('chat.edited')}</span>}
          {mine && receipt && (
            <Button variant="link" className="receipt" onClick={() => onShowReaders(message)} data-testid="receipt">
              {receipt.of === 1
                ? receipt.readBy.length === 1
                  ? t('chat.read')
                  : t('chat.unread')
                : t('chat.readBy', { count: receipt.readBy.length, of: receipt.of })}
            </Button>
          )}
        </div>
      </div>
      {!message.deleted && (
        <div className="message-actions">
          <Button variant="link" onClick={() => onReply(message)}>
            {t('chat.reply')}
          </Button>
          {editable && (
            <Button variant="link" onClick={() => onEdit(message)}>
              {t('chat.edit')}
            </Button>
          )}
          {(editable || moderator) && (
            <Button variant="link" onClick={() => onDelete(message)}>
              {t('chat.delete')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
});
