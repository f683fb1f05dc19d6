import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import {
  DEFAULT_RENOTIFY_MINUTES,
  type NoticeDraft,
  type NoticeEdit,
  type NoticeStats,
  type PublishedNotice,
  type PublishOutcome,
  REMIND_COOLDOWN_MS,
  type Straggler,
} from '../../../shared/domain/notices/index.ts';
import type { ContentLanguage } from '../../../shared/domain/localized-text.ts';
import type { Role } from '../../../shared/domain/user.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { NoticeFanout } from './notice-fanout.ts';
import type { NoticeReach } from './notice-reach.ts';
import { type NoticeRepository, type NoticeRow, audienceOf, toContent } from './notice-repositories.ts';
import type { NoticeStatsFeed } from './notice-stats-feed.ts';

export const PUBLISHER_ROLES: readonly Role[] = ['hr', 'publisher', 'admin'];
/** HR and admins may manage anyone's notices; a publisher manages their own. */
const MANAGER_ROLES: readonly Role[] = ['hr', 'admin'];
/** A publish time less than this far ahead is "now". */
const SCHEDULE_MIN_AHEAD_MS = 60_000;
const PUBLISHED_LIST_LIMIT = 100;

export interface NoticeServiceDeps {
  gate: WriteGate;
  store: NoticeRepository;
  reach: NoticeReach;
  fanout: NoticeFanout;
  feed: NoticeStatsFeed;
  directory: DirectoryStore;
  attachments: AttachmentStore;
  clock: Clock;
}

/**
 * Publishing, reading and acknowledging notices, and the publisher's follow-up. Every method checks
 * who is asking; delivery itself is the fan-out's job, after the commit.
 */
export class NoticeService {
  private readonly deps: NoticeServiceDeps;

  constructor(deps: NoticeServiceDeps) {
    this.deps = deps;
  }

  async publish(publisherId: string, draft: NoticeDraft): Promise<PublishOutcome> {
    const { store, directory, clock } = this.deps;
    if (!directory.hasAnyRole(publisherId, PUBLISHER_ROLES)) {
      throw new DomainError('forbidden', 'only HR, publishers and admins may publish notices');
    }
    const now = clock.now();
    const scheduled = draft.publishAt !== null && draft.publishAt > now + SCHEDULE_MIN_AHEAD_MS;
    const goesLiveAt = scheduled ? draft.publishAt! : now;
    if (draft.expiresAt !== null && draft.expiresAt <= goesLiveAt) {
      throw new DomainError('invalid_params', 'the notice would expire before it is published', undefined, [
        { field: 'expiresAt', code: 'before_other', limit: 'publishAt' },
      ]);
    }
    this.checkAudience(draft.audience);
    const urgent = draft.priority === 'urgent';
    return this.deps.gate.transaction(async () => {
      const noticeId = `n_${randomUUID()}`;
      await store.insert({
        id: noticeId,
        title: draft.title,
        body: draft.body,
        priority: draft.priority,
        // An urgent notice keeps coming back until acknowledged, so it always asks for one.
        requiresAck: draft.requiresAck || urgent,
        renotifyMinutes: urgent ? (draft.renotifyMinutes ?? DEFAULT_RENOTIFY_MINUTES) : null,
        pinned: draft.pinned,
        audience: draft.audience,
        status: scheduled ? 'scheduled' : 'live',
        publisherId,
        createdAt: now,
        publishAt: scheduled ? draft.publishAt : null,
        expiresAt: draft.expiresAt,
        publishedAt: goesLiveAt,
      });
      if (draft.attachmentIds.length > 0) {
        await store.setAttachments(noticeId, this.deps.attachments.claimForNotice(publisherId, noticeId, draft.attachmentIds));
      }
      if (scheduled) return { noticeId, recipients: 0, status: 'scheduled' as const };
      const recipients = await this.goLive(noticeId, draft.audience);
      if (recipients === 0) throw new DomainError('invalid_params', 'the audience has no active members');
      return { noticeId, recipients, status: 'live' as const };
    });
  }

  /** Scheduled notices whose time has come go live; the server calls this on its sweep timer. */
  async publishDue(): Promise<string[]> {
    const { gate, store, clock } = this.deps;
    const now = clock.now();
    const due = await store.dueScheduled(now);
    for (const noticeId of due) {
      await gate.transaction(async () => {
        const row = await store.get(noticeId);
        if (!row || !(await store.goLive(noticeId, now))) return;
        await this.goLive(noticeId, audienceOf(row));
      });
    }
    return due;
  }

  async edit(userId: string, edit: NoticeEdit): Promise<{ noticeId: string }> {
    const row = await this.manageable(userId, edit.noticeId);
    if (row.status === 'withdrawn') throw new DomainError('conflict', 'a withdrawn notice cannot be edited');
    const urgent = edit.priority === 'urgent';
    return this.deps.gate.transaction(async () => {
      await this.deps.store.edit({
        ...edit,
        requiresAck: edit.requiresAck || urgent,
        renotifyMinutes: urgent ? (edit.renotifyMinutes ?? DEFAULT_RENOTIFY_MINUTES) : null,
        // Before it goes live nobody has seen it, so there is nothing to mark as edited.
        editedAt: row.status === 'live' ? this.deps.clock.now() : null,
      });
      if (row.status === 'live') this.deps.fanout.kick(edit.noticeId);
      this.deps.feed.touch(edit.noticeId);
      return { noticeId: edit.noticeId };
    });
  }

  async withdraw(userId: string, noticeId: string): Promise<{ noticeId: string }> {
    const row = await this.manageable(userId, noticeId);
    if (row.status === 'withdrawn') return { noticeId };
    return this.deps.gate.transaction(async () => {
      await this.deps.store.withdraw(noticeId, this.deps.clock.now());
      this.deps.fanout.kick(noticeId);
      return { noticeId };
    });
  }

  /** Marks read once; the event tells the user's other devices. A repeat is a no-op with the same answer. */
  markRead(userId: string, noticeId: string): Promise<{ noticeId: string; readAt: number }> {
    return this.deps.gate.transaction(async (tx) => {
      const notice = await this.deps.store.forRecipient(noticeId, userId);
      if (!notice) throw new DomainError('not_found', `notice ${noticeId} is not addressed to you`);
      if (notice.readAt !== null) return { noticeId, readAt: notice.readAt };
      const readAt = this.deps.clock.now();
      await this.deps.store.markRead(noticeId, userId, readAt);
      await tx.emit([userId], { kind: 'notice.read', noticeId, readAt });
      this.deps.feed.touch(noticeId);
      return { noticeId, readAt };
    });
  }

  /** "I have read and understood": recorded once with the server's time; a repeat returns the first. */
  acknowledge(userId: string, noticeId: string): Promise<{ noticeId: string; readAt: number; ackedAt: number }> {
    return this.deps.gate.transaction(async (tx) => {
      const notice = await this.deps.store.forRecipient(noticeId, userId);
      if (!notice) throw new DomainError('not_found', `notice ${noticeId} is not addressed to you`);
      if (!notice.requiresAck) throw new DomainError('invalid_params', 'this notice does not ask for an acknowledgement');
      if (notice.ackedAt !== null) return { noticeId, readAt: notice.readAt ?? notice.ackedAt, ackedAt: notice.ackedAt };
      const now = this.deps.clock.now();
      await this.deps.store.acknowledge(noticeId, userId, now);
      const readAt = notice.readAt ?? now;
      await tx.emit([userId], { kind: 'notice.acknowledged', noticeId, readAt, ackedAt: now });
      this.deps.feed.touch(noticeId);
      return { noticeId, readAt, ackedAt: now };
    });
  }

  /** Reminds only those who still owe it a read (or an acknowledgement), at most once per cooldown. */
  async remind(userId: string, noticeId: string): Promise<{ noticeId: string; reminded: number }> {
    const row = await this.manageable(userId, noticeId);
    if (row.status !== 'live') throw new DomainError('conflict', 'only a live notice can be reminded');
    const now = this.deps.clock.now();
    const last = await this.deps.store.lastReminded(noticeId);
    if (last !== null && now - last < REMIND_COOLDOWN_MS) {
      throw new DomainError('too_soon', 'these people were reminded a few minutes ago', {
        retryAt: last + REMIND_COOLDOWN_MS,
      });
    }
    return this.deps.gate.transaction(async (tx) => {
      const targets = await this.deps.store.unfinished(noticeId);
      for (const target of targets) await this.deps.store.recordReminder(noticeId, target, now);
      await tx.emit(targets, { kind: 'notice.reminded', noticeId, remindedAt: now });
      this.deps.feed.watch(noticeId);
      return { noticeId, reminded: targets.length };
    });
  }

  /** The notices this user may manage, newest first, each with its reach. */
  async published(userId: string): Promise<PublishedNotice[]> {
    const scope = this.scopeOf(userId);
    const list: PublishedNotice[] = [];
    for (const row of await this.deps.store.published(scope, PUBLISHED_LIST_LIMIT)) {
      const stats = await this.deps.reach.stats(row.id, row.requires_ack === 1, this.deps.clock.now());
      list.push({
        ...toContent(row),
        status: row.status,
        audience: audienceOf(row),
        publishAt: row.publish_at,
        withdrawnAt: row.withdrawn_at,
        reach: { total: stats.total, delivered: stats.delivered, read: stats.read, acknowledged: stats.acknowledged },
      });
    }
    return list;
  }

  async stats(userId: string, noticeId: string): Promise<NoticeStats> {
    const row = await this.manageable(userId, noticeId);
    return this.deps.reach.stats(noticeId, row.requires_ack === 1, this.deps.clock.now());
  }

  async stragglers(userId: string, noticeId: string): Promise<Straggler[]> {
    const row = await this.manageable(userId, noticeId);
    return this.deps.reach.stragglers(noticeId, row.requires_ack === 1);
  }

  /** The reach page's numbers and names from one read, so the headline and the list agree. */
  async reach(userId: string, noticeId: string): Promise<{ stats: NoticeStats; stragglers: Straggler[] }> {
    const row = await this.manageable(userId, noticeId);
    return this.deps.reach.reach(noticeId, row.requires_ack === 1, this.deps.clock.now());
  }

  async exportCsv(userId: string, noticeId: string, language: ContentLanguage): Promise<{ fileName: string; csv: string }> {
    const row = await this.manageable(userId, noticeId);
    const safeTitle =
      row.title
        .replace(/[^\p{L}\p{N} _-]+/gu, '')
        .trim()
        .slice(0, 60) || 'notice';
    return { fileName: `${safeTitle} - ${row.id.slice(2, 10)}.csv`, csv: await this.deps.reach.csv(noticeId, language) };
  }

  /** A recipient, the publisher, HR and admins may open a notice's attachments. */
  async mayDownload(noticeId: string, userId: string): Promise<boolean> {
    if (await this.deps.store.forRecipient(noticeId, userId)) return true;
    const row = await this.deps.store.get(noticeId);
    return row !== null && (row.publisher_id === userId || this.deps.directory.hasAnyRole(userId, MANAGER_ROLES));
  }

  /**
   * Someone's department or roles changed, or they just joined: deliver the live notices whose
   * audience now includes them. What they already had stays; nothing is taken back.
   */
  joined(userId: string): Promise<number> {
    const { gate, store, fanout, clock } = this.deps;
    return gate.transaction(async () => {
      let added = 0;
      for (const row of await store.liveNotices(clock.now())) {
        if (!(await store.audienceIncludes(audienceOf(row), userId))) continue;
        if (!(await store.addRecipient(row.id, userId, false))) continue;
        await store.setFanoutPending(row.id, true);
        fanout.kick(row.id);
        added += 1;
      }
      return added;
    });
  }

  /** A new account: its feed starts with the onboarding notices, then whatever live notices are for it. */
  welcome(userId: string, onboardingIds: readonly string[]): Promise<number> {
    const { gate, store, fanout } = this.deps;
    return gate.transaction(async () => {
      let added = 0;
      for (const noticeId of onboardingIds) {
        const row = await store.get(noticeId);
        if (row?.status !== 'live' || !(await store.addRecipient(noticeId, userId, true))) continue;
        await store.setFanoutPending(noticeId, true);
        fanout.kick(noticeId);
        added += 1;
      }
      return added + (await this.joined(userId));
    });
  }

  private async goLive(noticeId: string, audience: NoticeDraft['audience']): Promise<number> {
    const recipients = await this.deps.store.resolveRecipients(noticeId, audience);
    await this.deps.store.setFanoutPending(noticeId, true);
    this.deps.fanout.kick(noticeId);
    this.deps.feed.watch(noticeId);
    return recipients;
  }

  private checkAudience(audience: NoticeDraft['audience']): void {
    for (const departmentId of audience.departmentIds) {
      if (!this.deps.directory.departmentExists(departmentId)) {
        throw new DomainError('invalid_params', `unknown department ${departmentId}`, { departmentId });
      }
    }
    const unknown = audience.userIds.filter((id) => !this.deps.directory.isActiveUser(id));
    if (unknown.length > 0) {
      throw new DomainError('invalid_params', `unknown or disabled users: ${unknown.slice(0, 5).join(', ')}`, {
        userId: unknown[0]!,
      });
    }
  }

  private scopeOf(userId: string): string | null {
    if (this.deps.directory.hasAnyRole(userId, MANAGER_ROLES)) return null;
    if (this.deps.directory.hasAnyRole(userId, PUBLISHER_ROLES)) return userId;
    throw new DomainError('forbidden', 'only HR, publishers and admins manage notices');
  }

  /** Refuses anyone who may not publish or manage notices at all (before any notice is looked up). */
  assertPublisher(userId: string): void {
    this.scopeOf(userId);
  }

  private async manageable(userId: string, noticeId: string): Promise<NoticeRow> {
    // The role first: staff learn nothing about which notice ids exist.
    const scope = this.scopeOf(userId);
    const row = await this.deps.store.get(noticeId);
    if (!row) throw new DomainError('not_found', `no notice ${noticeId}`);
    if (scope !== null && row.publisher_id !== userId) throw new DomainError('forbidden', 'this notice is not yours to manage');
    return row;
  }
}
