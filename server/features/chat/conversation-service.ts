import { randomUUID } from 'node:crypto';
import {
  CONVERSATION_MEMBERS_MAX,
  type ChatPolicy,
  type Conversation,
  type MyConversation,
  type NewConversation,
} from '../../../shared/domain/chat/index.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { AsyncWriteTx, WriteGate } from '../../delivery/write-gate.ts';
import type { ChatPolicyRepository, ChatRepository, ConversationRow, MemberRow } from './chat-repositories.ts';

export interface ChatDeps {
  gate: WriteGate;
  store: ChatRepository;
  policy: ChatPolicyRepository;
  directory: DirectoryStore;
  clock: Clock;
}

/**
 * Conversations: who is in them and under which rules. Admins' policy is checked here, on the
 * server, for every way a conversation can grow (creating it and adding people later). Each
 * operation checks and writes in one unit of work, so what it checked still holds when it writes.
 */
export class ConversationService {
  private readonly deps: ChatDeps;

  constructor(deps: ChatDeps) {
    this.deps = deps;
  }

  async create(userId: string, input: NewConversation): Promise<{ conversationId: string }> {
    const others = [...new Set(input.memberIds)].filter((id) => id !== userId);
    const unknown = others.filter((id) => !this.deps.directory.isActiveUser(id));
    if (unknown.length > 0) throw new DomainError('invalid_params', `not active people: ${unknown.join(', ')}`);
    if (input.kind === 'direct') {
      if (others.length !== 1) throw new DomainError('invalid_params', 'a direct conversation is between two people');
      return this.direct(userId, others[0]!);
    }
    const title = input.title?.trim() || null;
    if (input.kind === 'channel' && !title) throw new DomainError('invalid_params', 'a channel needs a name');
    if (others.length === 0) throw new DomainError('invalid_params', 'a group needs at least one other member');
    const { gate, store, policy, directory, clock } = this.deps;
    return gate.transaction(async (tx) => {
      if (input.kind === 'channel' && !directory.hasAnyRole(userId, (await policy.get()).channelRoles)) {
        throw new DomainError('policy_refused', 'your role may not create announcement channels', { reason: 'channel' });
      }
      await this.checkSize(userId, others.length + 1);
      const now = clock.now();
      const id = `c_${randomUUID()}`;
      await store.insertConversation({ id, kind: input.kind, title, directKey: null, createdBy: userId, now });
      await store.addMember(id, userId, 'owner', now, 0);
      for (const member of others) await store.addMember(id, member, 'member', now, 0);
      await this.announce(tx, id);
      return { conversationId: id };
    });
  }

  /** One direct conversation per pair: asking again returns the same one. */
  private direct(userId: string, otherId: string): Promise<{ conversationId: string }> {
    const key = [userId, otherId].sort().join('|');
    const { gate, store, clock } = this.deps;
    return gate.transaction(async (tx) => {
      const existing = await store.directConversation(key);
      if (existing) return { conversationId: existing };
      const now = clock.now();
      const id = `c_${randomUUID()}`;
      await store.insertConversation({ id, kind: 'direct', title: null, directKey: key, createdBy: userId, now });
      await store.addMember(id, userId, 'member', now, 0);
      await store.addMember(id, otherId, 'member', now, 0);
      await this.announce(tx, id);
      return { conversationId: id };
    });
  }

  addMembers(
    userId: string,
    conversationId: string,
    memberIds: readonly string[],
  ): Promise<{ conversationId: string; added: number }> {
    const { gate, store, directory, clock } = this.deps;
    return gate.transaction(async (tx) => {
      const { row, me } = await this.requireMember(userId, conversationId);
      if (row.kind === 'direct') throw new DomainError('invalid_params', 'start a group to talk with more people');
      if (row.kind === 'channel' && me.role === 'member') {
        throw new DomainError('forbidden', 'only the channel’s admins add people');
      }
      const current = new Set((await store.members(conversationId)).map((m) => m.id));
      const fresh = [...new Set(memberIds)].filter((id) => !current.has(id));
      const unknown = fresh.filter((id) => !directory.isActiveUser(id));
      if (unknown.length > 0) throw new DomainError('invalid_params', `not active people: ${unknown.join(', ')}`);
      if (fresh.length === 0) return { conversationId, added: 0 };
      await this.checkSize(userId, current.size + fresh.length);
      const now = clock.now();
      // New members see what is said from now on, not what was said before they came.
      for (const member of fresh) await store.addMember(conversationId, member, 'member', now, row.last_seq);
      await store.touch(conversationId, now);
      await this.announce(tx, conversationId);
      return { conversationId, added: fresh.length };
    });
  }

  leave(userId: string, conversationId: string): Promise<{ conversationId: string }> {
    const { gate, store, clock } = this.deps;
    return gate.transaction(async (tx) => {
      const { row, me } = await this.requireMember(userId, conversationId);
      if (row.kind === 'direct') throw new DomainError('invalid_params', 'a direct conversation cannot be left; mute it instead');
      await store.removeMember(conversationId, userId);
      const rest = await store.members(conversationId);
      if (me.role === 'owner' && rest.length > 0 && !rest.some((m) => m.role === 'owner')) {
        // The longest-standing member takes over, so a group is never left without an owner.
        await store.setRole(conversationId, rest[0]!.id, 'owner');
      }
      await store.touch(conversationId, clock.now());
      await tx.emit([userId], { kind: 'chat.left', conversationId });
      if (rest.length > 0) await this.announce(tx, conversationId);
      return { conversationId };
    });
  }

  mute(userId: string, conversationId: string, muted: boolean): Promise<{ conversationId: string; muted: boolean }> {
    return this.deps.gate.transaction(async (tx) => {
      await this.requireMember(userId, conversationId);
      await this.deps.store.setMuted(conversationId, userId, muted);
      await tx.emit([userId], { kind: 'chat.muted', conversationId, muted });
      return { conversationId, muted };
    });
  }

  async policyFor(userId: string): Promise<{ policy: ChatPolicy; mayCreateLargeGroups: boolean; mayCreateChannels: boolean }> {
    const policy = await this.deps.policy.get();
    return {
      policy,
      mayCreateLargeGroups: this.deps.directory.hasAnyRole(userId, policy.largeGroupRoles),
      mayCreateChannels: this.deps.directory.hasAnyRole(userId, policy.channelRoles),
    };
  }

  /** The conversations a user is in, most recently active first, each with their own state. */
  async mine(userId: string, limit: number): Promise<MyConversation[]> {
    const { store } = this.deps;
    const mine: MyConversation[] = [];
    for (const id of await store.recentConversationIds(userId, limit)) {
      const row = await store.conversation(id);
      const me = row ? await store.membership(id, userId) : null;
      if (row && me) mine.push({ ...(await this.view(row)), myReadSeq: me.read_seq, muted: me.muted === 1 });
    }
    return mine;
  }

  async requireMember(userId: string, conversationId: string): Promise<{ row: ConversationRow; me: MemberRow }> {
    const row = await this.deps.store.conversation(conversationId);
    const me = row ? await this.deps.store.membership(conversationId, userId) : null;
    // Not a member and no such conversation look the same: ids are not an oracle.
    if (!row || !me) throw new DomainError('not_found', 'no such conversation');
    return { row, me };
  }

  /** Sends the conversation as it is now to every member (one stored body). */
  async announce(tx: AsyncWriteTx, conversationId: string): Promise<void> {
    const row = (await this.deps.store.conversation(conversationId))!;
    const conversation = await this.view(row);
    await tx.emit(
      conversation.members.map((m) => m.id),
      { kind: 'chat.conversation', conversation },
    );
  }

  private async view(row: ConversationRow): Promise<Conversation> {
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      members: (await this.deps.store.members(row.id)).map((m) => ({ id: m.id, name: m.name, role: m.role })),
      createdBy: row.created_by,
      createdAt: row.created_at,
      lastSeq: row.last_seq,
      lastMessage: await this.deps.store.lastMessage(row.id),
    };
  }

  /** The policy on size: the hard ceiling, large groups for some roles, and no group of everyone. */
  private async checkSize(userId: string, size: number): Promise<void> {
    const policy = await this.deps.policy.get();
    if (size > CONVERSATION_MEMBERS_MAX) {
      throw new DomainError('too_large', `a conversation holds at most ${CONVERSATION_MEMBERS_MAX} people`, {
        limit: CONVERSATION_MEMBERS_MAX,
      });
    }
    // Only "is the organisation at most this big?" matters, so counting stops one past the group's size.
    const everyone = this.deps.directory.activeUserCount(size + 1);
    if (!policy.allowOrganisationWideGroups && everyone > 2 && size >= everyone) {
      throw new DomainError('policy_refused', 'groups of the whole organisation are not allowed; publish a notice instead', {
        reason: 'organisation_wide',
      });
    }
    if (size > policy.largeGroupThreshold && !this.deps.directory.hasAnyRole(userId, policy.largeGroupRoles)) {
      throw new DomainError('policy_refused', `only some roles may have groups larger than ${policy.largeGroupThreshold}`, {
        reason: 'large_group',
        limit: policy.largeGroupThreshold,
      });
    }
  }
}
