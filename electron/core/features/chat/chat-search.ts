import { markdownPlainText } from '../../../../shared/domain/markdown-text.ts';
import type { ChatSearchHit } from '../../../../shared/bridge/chat-views.ts';
import type { Conversation } from '../../../../shared/domain/chat/index.ts';
import type { CacheDb } from '../../cache/cache-db.ts';
import { conversationTitle } from './conversation-title.ts';

/** Trigram search needs three characters; shorter queries (two Chinese characters are a word) use LIKE. */
const TRIGRAM_MIN = 3;
const HITS_MAX = 50;
/**
 * Newest messages looked at before the indexes: a common word ("报销" in one message of eight) has
 * its 50 hits among them, found in a few milliseconds instead of sorting every match of 100,000.
 * Fewer than 50 there and the whole cache is searched, so the answer is the same either way.
 */
const RECENT_WINDOW = 4000;
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface HitRow {
  rowid: number;
  id: string;
  conversation_id: string;
  seq: number;
  sender_name: string;
  sent_at: number;
  text: string;
  conversation: string | null;
}

// Only the sort key travels through the sort; the rest is read for the 50 rows kept.
const HIT_COLUMNS = 'm.rowid AS rowid, m.sent_at';

/**
 * Offline search over the cached messages, newest first. FTS5's trigram tokenizer indexes any
 * script without a word list, so "报销" finds "差旅报销单" as "invoice" finds "invoices".
 */
export class ChatSearch {
  private readonly sql;
  private readonly me: string;

  constructor(db: CacheDb, me: string) {
    this.me = me;
    const scope = '(@conversation IS NULL OR m.conversation_id = @conversation)';
    this.sql = {
      details: db.prepare<[string], HitRow>(
        `SELECT m.rowid AS rowid, m.id, m.conversation_id, m.seq, m.sender_name, m.sent_at, m.text,
           (SELECT content FROM chat_conversations c WHERE c.id = m.conversation_id) AS conversation
         FROM chat_messages m WHERE m.rowid IN (SELECT value FROM json_each(?)) ORDER BY m.sent_at DESC`,
      ),
      fts: db.prepare<{ query: string; conversation: string | null; limit: number }, { rowid: number }>(
        `SELECT ${HIT_COLUMNS} FROM chat_messages_fts f JOIN chat_messages m ON m.rowid = f.rowid
         WHERE chat_messages_fts MATCH @query AND m.deleted = 0 AND ${scope}
         ORDER BY m.sent_at DESC LIMIT @limit`,
      ),
      recent: db.prepare<{ query: string; conversation: string | null; limit: number; window: number }, { rowid: number }>(
        `SELECT m.rowid AS rowid, m.sent_at FROM (
           SELECT rowid, sent_at, text, deleted, conversation_id FROM chat_messages INDEXED BY chat_messages_sent
           ORDER BY sent_at DESC LIMIT @window) m
         WHERE m.text LIKE @query ESCAPE '\\' AND m.deleted = 0 AND ${scope}
         ORDER BY m.sent_at DESC LIMIT @limit`,
      ),
      like: db.prepare<{ query: string; conversation: string | null; limit: number }, { rowid: number }>(
        `SELECT ${HIT_COLUMNS} FROM chat_messages m
         WHERE m.text LIKE @query ESCAPE '\\' AND m.deleted = 0 AND ${scope}
         ORDER BY m.sent_at DESC LIMIT @limit`,
      ),
    };
  }

  search(query: string, conversationId: string | null): ChatSearchHit[] {
    const q = query.trim();
    if (q === '') return [];
    const params = { conversation: conversationId, limit: HITS_MAX };
    // Within one conversation the window is mostly other conversations: go straight to the indexes.
    const recent =
      conversationId === null ? this.sql.recent.all({ ...params, query: likePattern(q), window: RECENT_WINDOW }) : [];
    const found =
      recent.length === HITS_MAX
        ? recent
        : [...q].length < TRIGRAM_MIN
          ? this.sql.like.all({ ...params, query: likePattern(q) })
          : // A phrase: the user's text is quoted, so FTS syntax in it (AND, *, quotes) is just text.
            this.sql.fts.all({ ...params, query: `"${q.replaceAll('"', '""')}"` });
    if (found.length === 0) return [];
    const rows = this.sql.details.all(JSON.stringify(found.map((r) => r.rowid)));
    return rows.map((row) => ({
      messageId: row.id,
      conversationId: row.conversation_id,
      conversationTitle: row.conversation ? conversationTitle(JSON.parse(row.conversation) as Conversation, this.me) : '',
      seq: row.seq,
      senderName: row.sender_name,
      excerpt: around(row.text, q),
      sentAt: row.sent_at,
    }));
  }
}

/** The match with some words around it, so a long message shows why it was found: rendered words, not Markdown. */
export function around(text: string, query: string, width = 60): string {
  const flat = markdownPlainText(text);
  const at = flat.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0 || flat.length <= width * 2) return flat.slice(0, width * 2);
  const start = Math.max(0, at - width / 2);
  const end = Math.min(flat.length, start + width * 2);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
