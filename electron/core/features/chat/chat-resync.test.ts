import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientCache } from '../../cache/client-cache.ts';
import { CORPUS_ME, corpusConversation, corpusMessage } from '../../../../test/fixtures/chat-corpus.ts';

describe('a resync after the server was restored from a backup', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-chat-resync-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('drops the messages the server no longer has, so a new message with a reused number is not shown twice', () => {
    const cache = new ClientCache(path.join(dir, 'cache.sqlite'), CORPUS_ME);
    // One conversation (c_0) with messages 1..10 seen before the server went down.
    const messages = Array.from({ length: 10 }, (_, i) => corpusMessage(i, 1));
    cache.chat.upsertConversation({ ...corpusConversation(0), lastSeq: 10, lastMessage: messages[9]! });
    for (const message of messages) cache.chat.upsertMessage(message);
    expect(cache.chat.page('c_0', null, 50).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // The restored server's snapshot: its conversation ends at message 6.
    cache.chat.replaceConversations([
      { ...corpusConversation(0), lastSeq: 6, lastMessage: messages[5]!, myReadSeq: 6, muted: false },
    ]);
    expect(cache.chat.page('c_0', null, 50).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // A new message takes number 7 again, under a new id: one message 7, the new one.
    cache.chat.upsertMessage({ ...corpusMessage(10, 1), id: 'm_after_restore', seq: 7, text: 'after the restore' });
    expect(cache.chat.page('c_0', null, 50).map((m) => [m.seq, m.id])).toEqual([
      [1, 'm_0'],
      [2, 'm_1'],
      [3, 'm_2'],
      [4, 'm_3'],
      [5, 'm_4'],
      [6, 'm_5'],
      [7, 'm_after_restore'],
    ]);
    const [item] = cache.chat.list();
    expect(item!.lastMessage?.excerpt).toBe('after the restore');
    cache.close();
  });
});
