import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCache } from '../../cache/client-cache.ts';
import { CORPUS_ME, corpusConversation, corpusMessage } from '../../../../test/fixtures/chat-corpus.ts';

const ME = CORPUS_ME;
const MESSAGES = 100_000;
const CONVERSATIONS = 200;
const conversation = corpusConversation;
const message = (i: number) => corpusMessage(i, CONVERSATIONS);

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('chat cache with 100,000 messages', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-chat-cache-'));
  let cache: ClientCache;

  beforeAll(() => {
    cache = new ClientCache(path.join(dir, 'cache.sqlite'), ME);
    cache.db.transaction(() => {
      for (let c = 0; c < CONVERSATIONS; c += 1) cache.chat.upsertConversation(conversation(c));
      for (let i = 0; i < MESSAGES; i += 1) cache.chat.upsertMessage(message(i));
    })();
  }, 120_000);
  afterAll(() => {
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds two-character Chinese words inside longer ones, and Japanese, Korean, Hebrew and order numbers', () => {
    const cases: [string, string][] = [
      ['报销', '差旅报销单'],
      ['差旅报销', '差旅报销单'],
      ['会議', '会議は'],
      ['회의는', '회의는'],
      ['הפגישה', 'הפגישה'],
      ['SO-2026-11873', 'SO-2026-11873'],
      ['invoice', 'invoice'],
    ];
    for (const [query, expected] of cases) {
      const hits = cache.chatSearch.search(query, null);
      expect(hits.length, query).toBe(50);
      for (const hit of hits) expect(hit.excerpt, query).toContain(expected);
      // Newest first.
      expect(hits[0]!.sentAt).toBeGreaterThan(hits[49]!.sentAt);
    }
    expect(cache.chatSearch.search('不存在的词', null)).toEqual([]);
    // An old message (far outside the newest few thousand the search looks at first) is still found.
    expect(cache.chatSearch.search('#12345', null).map((h) => h.messageId)).toEqual(['m_12345']);
    // A common word: exactly the 50 newest messages that hold it (phrase 0 is every eighth message).
    const newest = Array.from({ length: 50 }, (_, k) => `m_${MESSAGES - 8 - 8 * k}`);
    expect(cache.chatSearch.search('报销', null).map((h) => h.messageId)).toEqual(newest);
    // Quotes and FTS operators are text, not syntax.
    expect(cache.chatSearch.search('"AND* OR', null)).toEqual([]);
  });

  it('searches within one conversation', () => {
    const hits = cache.chatSearch.search('报销', 'c_0');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.conversationId === 'c_0')).toBe(true);
  });

  it('opens a conversation and searches fast enough to type into (timings printed)', () => {
    const open = [];
    const search3 = [];
    const search2 = [];
    const rare = [];
    for (let i = 0; i < 15; i += 1) {
      const c = `c_${(i * 37) % CONVERSATIONS}`;
      open.push(timed(() => [cache.chat.get(c), cache.chat.page(c, null, 50), cache.chat.reads(c)]).ms);
      search3.push(timed(() => cache.chatSearch.search('差旅报销', null)).ms);
      search2.push(timed(() => cache.chatSearch.search('报销', null)).ms);
      rare.push(timed(() => cache.chatSearch.search(`#${9000 + i}`, null)).ms);
    }
    const list = timed(() => cache.chat.list());
    expect(list.value).toHaveLength(CONVERSATIONS);
    // The totals agree with the list they summarise.
    const totals = timed(() => cache.chat.unreadTotals());
    expect(totals.value).toEqual({
      unread: list.value.filter((c) => !c.muted).reduce((sum, c) => sum + c.unread, 0),
      mentioned: list.value.filter((c) => c.mentioned).length,
    });
    console.log(
      `chat cache, ${MESSAGES} messages: open conversation median ${median(open).toFixed(2)} ms, ` +
        `search "差旅报销" median ${median(search3).toFixed(2)} ms, "报销" median ${median(search2).toFixed(2)} ms, ` +
        `a rare term median ${median(rare).toFixed(2)} ms, conversation list ${list.ms.toFixed(1)} ms, unread totals ${totals.ms.toFixed(1)} ms`,
    );
    // Loose bounds: CI shares two cores with other test files; the printed medians are the measurement.
    expect(median(open)).toBeLessThan(50);
    expect(median(search3)).toBeLessThan(150);
    expect(median(search2)).toBeLessThan(150);
  });

  it('counts unread per conversation: others’ messages above my read position, mentions flagged', () => {
    const before = cache.chat.list().find((c) => c.id === 'c_2')!;
    expect(before.unread).toBeGreaterThan(0);
    const last = cache.chat.get('c_2')!.conversation.lastSeq;
    cache.chat.setRead('c_2', ME, last);
    const after = cache.chat.list().find((c) => c.id === 'c_2')!;
    expect(after.unread).toBe(0);
    expect(after.mentioned).toBe(false);
  });
});
