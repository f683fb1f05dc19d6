import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { PublishNoticeRequest } from '../../../shared/protocol/http-api.ts';
import type { WriteGate } from '../../store/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { NoticeStore } from './notice-store.ts';

const publisherRoles = ['hr', 'publisher', 'admin'] as const;

export class NoticeService {
  private readonly gate: WriteGate;
  private readonly notices: NoticeStore;
  private readonly directory: DirectoryStore;
  private readonly clock: Clock;

  constructor(gate: WriteGate, notices: NoticeStore, directory: DirectoryStore, clock: Clock) {
    this.gate = gate;
    this.notices = notices;
    this.directory = directory;
    this.clock = clock;
  }

  /** Resolves the audience at publish time: a later move between departments does not change who got it. */
  resolveAudience(audience: PublishNoticeRequest['audience']): Set<string> {
    if (audience.everyone) return new Set(this.directory.activeUserIds());
    const ids = new Set<string>();
    for (const departmentId of audience.departmentIds) {
      for (const id of this.directory.departmentMemberIds(departmentId)) ids.add(id);
    }
    for (const userId of audience.userIds) {
      if (!this.directory.isActiveUser(userId)) throw new DomainError('invalid_params', `unknown user ${userId}`);
      ids.add(userId);
    }
    return ids;
  }

  publish(publisherId: string, request: PublishNoticeRequest): { noticeId: string; recipients: number } {
    if (!this.directory.hasAnyRole(publisherId, publisherRoles)) {
      throw new DomainError('forbidden', 'only HR, publishers and admins may publish notices');
    }
    return this.gate.write((tx) => {
      const recipients = this.resolveAudience(request.audience);
      if (recipients.size === 0) throw new DomainError('invalid_params', 'the audience has no active members');
      const noticeId = `n_${randomUUID()}`;
      this.notices.insert({
        id: noticeId,
        title: request.title,
        body: request.body,
        priority: request.priority,
        requiresAck: request.requiresAck,
        publisherId,
        publishedAt: this.clock.now(),
      });
      this.notices.addRecipients(noticeId, recipients);
      const first = recipients.values().next().value as string;
      const summary = this.notices.forRecipient(noticeId, first)!;
      tx.emit(recipients, { kind: 'notice.published', notice: summary });
      return { noticeId, recipients: recipients.size };
    });
  }

  /** Marks read once; the event tells the user's other devices. A repeat is a no-op with the same answer. */
  markRead(userId: string, noticeId: string): { noticeId: string; readAt: number } {
    return this.gate.write((tx) => {
      const notice = this.notices.forRecipient(noticeId, userId);
      if (!notice) throw new DomainError('not_found', `notice ${noticeId} is not addressed to you`);
      if (notice.readAt !== null) return { noticeId, readAt: notice.readAt };
      const readAt = this.clock.now();
      this.notices.markRead(noticeId, userId, readAt);
      tx.emit([userId], { kind: 'notice.read', noticeId, readAt });
      return { noticeId, readAt };
    });
  }
}
