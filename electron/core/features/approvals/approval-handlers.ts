import { z } from 'zod';
import type { BridgeHandlers } from '../../../../shared/bridge/contract.ts';
import { ApprovalTemplate, DirectoryPerson } from '../../../../shared/bridge/views.ts';
import type { Clock } from '../../../../shared/domain/clock.ts';
import type { SignedInSession } from '../../session/signed-in-session.ts';
import { fetchOrKept } from '../../sync/fetch-or-kept.ts';
import { downloadAttachment, uploadAttachment } from './attachment-client.ts';
import { type Act, describeResult } from '../../sync/action-outcome.ts';

type ApprovalHandlers = Pick<
  BridgeHandlers,
  | 'approvals.inbox'
  | 'approvals.templates'
  | 'approvals.detail'
  | 'approvals.submit'
  | 'approvals.preview'
  | 'approvals.upload'
  | 'approvals.download'
  | 'approvals.decide'
  | 'approvals.withdraw'
  | 'approvals.comment'
  | 'approvals.setOutOfOffice'
  | 'approvals.clearOutOfOffice'
  | 'directory.people'
>;

export interface ApprovalHandlerContext {
  session(): SignedInSession | null;
  act: Act;
  clock: Clock;
}

/**
 * The bridge's approval calls. Lists come from the cache, so they work offline; details and
 * templates come from the server when online and from the copy kept last time otherwise;
 * every change goes through the outbox, so it is sent once even across a disconnect.
 */
export function approvalHandlers(ctx: ApprovalHandlerContext): ApprovalHandlers {
  return {
    'approvals.inbox': async () => {
      const s = ctx.session();
      if (!s) return { pending: [], mine: [], done: [], outOfOffice: null };
      const a = s.cache.approvals;
      return { pending: a.listPending(), mine: a.listMine(), done: a.listDone(), outOfOffice: a.outOfOffice() };
    },
    'approvals.templates': async () =>
      (await fetchOrKept(ctx.session(), 'templates', z.array(ApprovalTemplate), (s) =>
        s.sync.request('approvals.templates', {}),
      )) ?? [],
    'directory.people': async () =>
      (await fetchOrKept(ctx.session(), 'people', z.array(DirectoryPerson), (s) => s.sync.request('directory.people', {}))) ?? [],
    'approvals.detail': async ({ requestId }) => {
      const s = ctx.session();
      if (!s) return { status: 'unavailable', code: 'signed_out' };
      if (s.sync.state === 'online') {
        try {
          const detail = await s.sync.request('approvals.detail', { requestId });
          s.cache.approvals.saveDetail(detail, ctx.clock.now());
          return { status: 'fresh', detail };
        } catch (error) {
          const code = (error as { code?: string }).code ?? 'internal';
          if (code === 'not_found' || code === 'forbidden') return { status: 'unavailable', code };
        }
      }
      const kept = s.cache.approvals.detail(requestId);
      return kept
        ? { status: 'cached', detail: kept.detail, fetchedAt: kept.fetchedAt }
        : { status: 'unavailable', code: 'offline' };
    },
    'approvals.preview': async ({ templateKey, values }) => {
      const s = ctx.session();
      if (!s || s.sync.state !== 'online') return null;
      try {
        return await s.sync.request('approvals.preview', { templateKey, values });
      } catch {
        return null; // the form still submits; the server's answer then carries any refusal
      }
    },
    'approvals.submit': async ({ templateKey, values, attachmentIds }) =>
      ctx.act(
        (s) => s.sync.enqueue('approvals.submit', { templateKey, values, attachmentIds }),
        describeResult('approvals.submit', ({ requestId }) => ({ requestId })),
      ),
    'approvals.upload': async ({ name, base64 }) => {
      const s = ctx.session();
      if (!s || s.sync.state !== 'online') return { ok: false, code: 'offline', message: 'files upload only while connected' };
      return uploadAttachment(s, name, Buffer.from(base64, 'base64'));
    },
    'approvals.download': async ({ attachmentId }) => {
      const s = ctx.session();
      if (!s) return { ok: false, code: 'signed_out' };
      return downloadAttachment(s, attachmentId);
    },
    'approvals.decide': async ({ taskId, decision, comment }) =>
      ctx.act((s) => s.sync.enqueue('approvals.decide', { taskId, decision, comment })),
    'approvals.withdraw': async ({ requestId }) => ctx.act((s) => s.sync.enqueue('approvals.withdraw', { requestId })),
    'approvals.comment': async ({ requestId, text, attachmentIds }) =>
      ctx.act((s) => s.sync.enqueue('approvals.comment', { requestId, text, attachmentIds })),
    'approvals.setOutOfOffice': async (input) => ctx.act((s) => s.sync.enqueue('approvals.setOutOfOffice', input)),
    'approvals.clearOutOfOffice': async () => ctx.act((s) => s.sync.enqueue('approvals.clearOutOfOffice', {})),
  };
}
