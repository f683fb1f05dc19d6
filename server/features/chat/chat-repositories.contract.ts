/**
 * What every chat repository must do, whatever database holds it: the suite an implementation on
 * PostgreSQL runs too (issue 23). `open` gives a fresh, migrated database holding the people of the
 * harness, and a way to damage the stored chat policy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatPolicy, DEFAULT_CHAT_POLICY } from '../../../shared/domain/chat/index.ts';
import type { ChatPolicyRepository, ChatRepository, NewMessage } from './chat-repositories.ts';

export interface ChatRepositoriesHarness {
  chat: ChatRepository;
  policy: ChatPolicyRepository;
  /** Display names are the keys capitalised. */
  people: { ana: string; ben: string; cai: string };
  /** Writes something that is not a chat policy where the policy is kept. */
  damagePolicy(): Promise<void>;
  /** Stores a file of `bytes` bytes attached to this message, as the attachments feature would. */
  attachFile(messageId: string, ownerId: string, bytes: number): Promise<void>;
  /** The stored size of the files attached to this message (0 once their bytes are gone). */
  fileBytes(messageId: string): Promise<number>;
  close(): Promise<void>;
}

export function describeChatRepositories(name: string, open: () => Promise<ChatRepositoriesHarness>): void {
  describe(`chat repositories on ${name}`, () => {
    let h: ChatRepositoriesHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => h.close());

    const group = async (id = 'c_g', now = 1_000) => {
      await h.chat.insertConversation({ id, kind: 'group', title: 'Team', directKey: null, createdBy: h.people.ana, now });
      await h.chat.addMember(id, h.people.ana, 'owner', now, 0);
      await h.chat.addMember(id, h.people.ben, 'member', now + 1, 0);
      return id;
    };
    const send = async (conversationId: string, senderId: string, text: string, extra: Partial<NewMessage> = {}) => {
      const seq = await h.chat.nextSeq(conversationId, 2_000);
      const id = `m_${conversationId}_${seq}`;
      await h.chat.insertMessage({
        id,
        conversationId,
        seq,
        senderId,
        text,
        mentions: [],
        replyTo: null,
        attachments: [],
        sentAt: 2_000 + seq,
        clientMessageId: null,
        ...extra,
      });
      return { id, seq };
    };

    it('keeps a conversation and its members in the order they joined, once each', async () => {
      const { ana, ben, cai } = h.people;
      const id = await group();
      expect(await h.chat.conversation(id)).toEqual({
        id,
        kind: 'group',
        title: 'Team',
        created_by: ana,
        created_at: 1_000,
        last_seq: 0,
      });
      expect(await h.chat.addMember(id, ben, 'admin', 5_000, 0)).toBe(false);
      expect(await h.chat.addMember(id, cai, 'member', 5_000, 0)).toBe(true);
      expect((await h.chat.members(id)).map((m) => [m.name, m.role])).toEqual([
        ['Ana', 'owner'],
        ['Ben', 'member'],
        ['Cai', 'member'],
      ]);
      await h.chat.setRole(id, ben, 'admin');
      await h.chat.removeMember(id, cai);
      expect(await h.chat.membership(id, ben)).toMatchObject({ role: 'admin', joined_seq: 0, read_seq: 0, muted: 0 });
      expect(await h.chat.membership(id, cai)).toBeNull();
      expect(await h.chat.memberCount(id)).toBe(2);
      expect(await h.chat.conversation('c_none')).toBeNull();
      expect(await h.chat.conversationCount()).toBe(1);
    });

    it('finds the one direct conversation of a pair by its key', async () => {
      const { ana, ben } = h.people;
      const key = [ana, ben].sort().join('|');
      expect(await h.chat.directConversation(key)).toBeNull();
      await h.chat.insertConversation({ id: 'c_d', kind: 'direct', title: null, directKey: key, createdBy: ana, now: 1 });
      expect(await h.chat.directConversation(key)).toBe('c_d');
      await expect(
        h.chat.insertConversation({ id: 'c_d2', kind: 'direct', title: null, directKey: key, createdBy: ben, now: 2 }),
      ).rejects.toThrow();
    });

    it('numbers messages without gaps per conversation and answers them as the wire shows them', async () => {
      const { ana, ben } = h.people;
      const a = await group('c_a');
      const b = await group('c_b');
      expect((await send(a, ana, 'one')).seq).toBe(1);
      expect((await send(a, ben, 'two')).seq).toBe(2);
      expect((await send(b, ben, 'other')).seq).toBe(1);
      const first = await send(a, ana, 'three', {
        mentions: [ben],
        replyTo: 'm_c_a_2',
        attachments: [{ id: 'f_1', name: 'plan.pdf', size: 3, mediaType: 'application/pdf' }],
        clientMessageId: 'cm_1',
      });
      expect(await h.chat.message(first.id)).toMatchObject({
        id: first.id,
        conversationId: a,
        seq: 3,
        senderId: ana,
        senderName: 'Ana',
        text: 'three',
        mentions: [ben],
        replyTo: { messageId: 'm_c_a_2', seq: 2, senderName: 'Ben', excerpt: 'two', deleted: false },
        attachments: [{ id: 'f_1', name: 'plan.pdf', size: 3, mediaType: 'application/pdf' }],
        editedAt: null,
        deleted: false,
        clientMessageId: 'cm_1',
      });
      expect((await h.chat.conversation(a))?.last_seq).toBe(3);
      expect((await h.chat.lastMessage(a))?.text).toBe('three');
      expect(await h.chat.lastMessage('c_none')).toBeNull();
    });

    it('pages history newest first, below a seq and after where a member joined', async () => {
      const id = await group();
      for (let i = 1; i <= 6; i++) await send(id, h.people.ana, `m${i}`);
      expect((await h.chat.history(id, 7, 0, 3)).map((m) => m.seq)).toEqual([6, 5, 4]);
      expect((await h.chat.history(id, 4, 0, 10)).map((m) => m.seq)).toEqual([3, 2, 1]);
      expect((await h.chat.history(id, 7, 4, 10)).map((m) => m.seq)).toEqual([6, 5]);
    });

    it('edits and erases a message in its place; an erased one loses its words, mentions and files', async () => {
      const { ana, ben } = h.people;
      const id = await group();
      const m = await send(id, ana, 'draft', {
        mentions: [ben],
        attachments: [{ id: 'f_1', name: 'a.txt', size: 1, mediaType: 'text/plain' }],
      });
      await h.attachFile(m.id, ana, 64);
      const reply = await send(id, ben, 'ok', { replyTo: m.id });
      await h.chat.edit(m.id, 'final', [], 3_000);
      expect(await h.chat.message(m.id)).toMatchObject({ text: 'final', mentions: [], editedAt: 3_000 });
      await h.chat.erase(m.id, 4_000);
      expect(await h.chat.message(m.id)).toMatchObject({ seq: 1, text: '', mentions: [], attachments: [], deleted: true });
      expect((await h.chat.message(reply.id))?.replyTo).toMatchObject({ excerpt: '', deleted: true });
      expect(await h.fileBytes(m.id)).toBe(0);
    });

    it('moves read positions only forward, and names who sent what a reader just read', async () => {
      const { ana, ben, cai } = h.people;
      const id = await group();
      await h.chat.addMember(id, cai, 'member', 1_500, 0);
      await send(id, ana, 'a1');
      await send(id, ben, 'b1');
      await send(id, ana, 'a2');
      expect(await h.chat.advanceRead(id, cai, 2)).toBe(true);
      expect(await h.chat.advanceRead(id, cai, 1)).toBe(false);
      expect(await h.chat.advanceRead(id, cai, 2)).toBe(false);
      expect(await h.chat.readPositions(id)).toEqual(
        [
          { userId: ana, seq: 0 },
          { userId: ben, seq: 0 },
          { userId: cai, seq: 2 },
        ].sort((x, y) => x.userId.localeCompare(y.userId)),
      );
      expect((await h.chat.sendersBetween(id, 0, 2)).sort()).toEqual([ana, ben].sort());
      expect(await h.chat.sendersBetween(id, 2, 3)).toEqual([ana]);
      await h.chat.setMuted(id, cai, true);
      expect((await h.chat.membership(id, cai))?.muted).toBe(1);
    });

    it('lists a person’s conversations most recently active first, and every message they sent', async () => {
      const { ana, ben } = h.people;
      const older = await group('c_old', 1_000);
      const newer = await group('c_new', 1_100);
      expect(await h.chat.recentConversationIds(ana, 10)).toEqual([newer, older]);
      await h.chat.touch(older, 9_000);
      expect(await h.chat.recentConversationIds(ana, 1)).toEqual([older]);
      await send(newer, ana, 'first');
      await send(older, ben, 'not mine');
      expect((await h.chat.sentBy(ana)).map((m) => m.text)).toEqual(['first']);
    });

    it('keeps the chat policy, and reads a damaged one as the defaults', async () => {
      expect(await h.policy.get()).toEqual(DEFAULT_CHAT_POLICY);
      const changed = ChatPolicy.parse({ ...DEFAULT_CHAT_POLICY, largeGroupThreshold: 7 });
      expect(await h.policy.put(changed, h.people.ana, 1_000)).toEqual(changed);
      expect(await h.policy.get()).toEqual(changed);
      await h.damagePolicy();
      expect(await h.policy.get()).toEqual(DEFAULT_CHAT_POLICY);
    });
  });
}
