import { contentLanguageOf } from '../../../../shared/domain/localized-text.ts';
import { z } from 'zod';
import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import { NoticeReachView, PublishedNotice } from '../../../../shared/domain/notices/index.ts';
import { DepartmentOption, DirectoryPerson } from '../../../../shared/protocol/methods.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { fetchOrKept } from '../../sync/fetch-or-kept.ts';
import { downloadAttachment } from '../approvals/attachment-client.ts';
import { type Act, describeResult } from '../../sync/action-outcome.ts';

type NoticeHandlers = Pick<
  BridgeHandlers,
  | 'notices.list'
  | 'notices.get'
  | 'notices.markRead'
  | 'notices.acknowledge'
  | 'notices.download'
  | 'notices.composeOptions'
  | 'notices.publish'
  | 'notices.edit'
  | 'notices.withdraw'
  | 'notices.remind'
  | 'notices.published'
  | 'notices.reach'
  | 'notices.exportCsv'
>;

export interface NoticeHandlerContext {
  session(): SignedInSession | null;
  act: Act;
  clock: Clock;
  /** The read or acknowledgement changed what Home and the tray show. */
  changed(): void;
  /** The user's language (the CSV's headers follow it). */
  language(): string | null;
}

const PUBLISHER_ROLES = ['hr', 'publisher', 'admin'];

/**
 * The bridge's notice calls. Reading works offline from the cache (and is queued in the outbox);
 * publishing and the publisher's follow-up go through the outbox too, so a click is never lost;
 * the publisher's numbers are those the server pushed last, or fetched when there are none.
 */
export function noticeHandlers(ctx: NoticeHandlerContext): NoticeHandlers {
  const online = (s: SignedInSession | null): s is SignedInSession => s !== null && s.sync.state === 'online';
  return {
    'notices.list': async ({ filter, query }) => ctx.session()?.cache.notices.list(ctx.clock.now(), { filter, query }) ?? [],
    'notices.get': async ({ noticeId }) => ctx.session()?.cache.notices.get(noticeId) ?? null,
    'notices.markRead': async ({ noticeId }) =>
      ctx.act((s) => {
        // Shown as read at once; the server's event confirms it on every device.
        s.cache.notices.markRead(noticeId, ctx.clock.now());
        ctx.changed();
        return s.sync.enqueue('notices.markRead', { noticeId });
      }),
    'notices.acknowledge': async ({ noticeId }) =>
      ctx.act((s) => {
        // The server records its own time; this local mark only stops the reminders meanwhile.
        const now = ctx.clock.now();
        s.cache.notices.acknowledge(noticeId, now, now);
        ctx.changed();
        return s.sync.enqueue('notices.acknowledge', { noticeId });
      }),
    'notices.download': async ({ attachmentId }) => {
      const s = ctx.session();
      return s ? downloadAttachment(s, attachmentId) : { ok: false, code: 'signed_out' };
    },
    'notices.composeOptions': async () => {
      const s = ctx.session();
      const canPublish = s !== null && s.user.roles.some((role) => PUBLISHER_ROLES.includes(role));
      if (!canPublish) return { canPublish, departments: [], people: [] };
      const [departments, people] = await Promise.all([
        fetchOrKept(s, 'notices.departments', z.array(DepartmentOption), (x) => x.sync.request('directory.departments', {})),
        fetchOrKept(s, 'people', z.array(DirectoryPerson), (x) => x.sync.request('directory.people', {})),
      ]);
      return { canPublish, departments: departments ?? [], people: people ?? [] };
    },
    'notices.publish': async (draft) =>
      ctx.act(
        (s) => s.sync.enqueue('notices.publish', draft),
        describeResult('notices.publish', ({ noticeId }) => ({ noticeId })),
      ),
    'notices.edit': async (edit) => ctx.act((s) => s.sync.enqueue('notices.edit', edit)),
    'notices.withdraw': async ({ noticeId }) => ctx.act((s) => s.sync.enqueue('notices.withdraw', { noticeId })),
    'notices.remind': async ({ noticeId }) => ctx.act((s) => s.sync.enqueue('notices.remind', { noticeId })),
    'notices.published': async () =>
      fetchOrKept(ctx.session(), 'notices.published', z.array(PublishedNotice), (s) => s.sync.request('notices.published', {})),
    'notices.reach': async ({ noticeId }) =>
      fetchOrKept(ctx.session(), `notices.reach.${noticeId}`, NoticeReachView, async (s) => {
        const reach = await s.sync.request('notices.reach', { noticeId });
        s.cache.notices.setStats(reach.stats);
        return reach;
      }),
    'notices.exportCsv': async ({ noticeId }) => {
      const s = ctx.session();
      if (!online(s)) return { ok: false, code: 'offline' };
      try {
        const language = contentLanguageOf(ctx.language() ?? 'en');
        return { ok: true, ...(await s.sync.request('notices.exportCsv', { noticeId, language })) };
      } catch (error) {
        return { ok: false, code: (error as { code?: string }).code ?? 'internal' };
      }
    },
  };
}
