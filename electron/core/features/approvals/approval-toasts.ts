import type { TFunction } from 'i18next';
import type { Language, ToastView } from '../../../../shared/bridge/views.ts';
import type { UserEvent } from '../../../../shared/protocol/events.ts';
import { localized } from '../../i18n/core-i18n.ts';

/** Tasks assigned longer ago than this arrived during a long absence: the digest covers them, not a toast each. */
const FRESH_MS = 12 * 3600_000;
const LISTED = 3;

type Of<K extends UserEvent['kind']> = Extract<UserEvent, { kind: K }>;

/**
 * Turns a batch of applied events into the few toasts worth showing: one per single new task
 * (with an Approve button), one "N new approvals" for several, one per reminder, one digest, and
 * one per decision on the user's own requests. Replays of old events stay quiet.
 */
export function planApprovalToasts(
  events: readonly UserEvent[],
  now: number,
  language: Language | null,
  t: TFunction,
): ToastView[] {
  const toasts: ToastView[] = [];
  const name = (text: { en: string; 'zh-CN': string }) => localized(text, language);
  const closed = new Set(events.filter((e): e is Of<'approval.closed'> => e.kind === 'approval.closed').map((e) => e.taskId));
  const assigned = events.filter(
    (e): e is Of<'approval.assigned'> =>
      e.kind === 'approval.assigned' && now - e.task.assignedAt < FRESH_MS && !closed.has(e.task.id),
  );
  if (assigned.length === 1) {
    const { task } = assigned[0]!;
    toasts.push({
      id: `assigned:${task.id}`,
      kind: 'approval.assigned',
      title: t('toast.newApproval', { template: name(task.templateName), title: task.title }),
      body: task.onBehalfOf
        ? t('toast.fromOnBehalf', { name: task.submitter.name, leader: task.onBehalfOf.name })
        : t('toast.from', { name: task.submitter.name }),
      route: `approvals/${task.requestId}`,
      taskId: task.id,
      actions: [
        { id: 'approve', label: t('approvals.approve') },
        { id: 'open', label: t('toast.open') },
      ],
    });
  } else if (assigned.length > 1) {
    toasts.push({
      id: `assigned:${assigned[0]!.task.id}+${assigned.length}`,
      kind: 'approval.assigned',
      title: t('toast.newApprovals', { count: assigned.length }),
      body: assigned
        .slice(0, LISTED)
        .map((e) => `${name(e.task.templateName)} · ${e.task.title}`)
        .join('\n'),
      route: 'approvals',
      taskId: null,
      actions: [{ id: 'open', label: t('toast.open') }],
    });
  }
  for (const event of events) {
    if (event.kind === 'approval.reminder') {
      toasts.push({
        id: `reminder:${event.taskId}:${event.escalated}`,
        kind: 'approval.reminder',
        title: t(event.escalated ? 'toast.escalated' : 'toast.reminder', { title: event.title }),
        body: name(event.templateName),
        route: `approvals/${event.requestId}`,
        taskId: event.taskId,
        actions: [
          { id: 'approve', label: t('approvals.approve') },
          { id: 'open', label: t('toast.open') },
        ],
      });
    } else if (event.kind === 'approval.digest') {
      toasts.push({
        id: `digest:${event.day}`,
        kind: 'approval.digest',
        title: t('toast.digest', { count: event.count }),
        body: t('toast.digestBody'),
        route: 'approvals',
        taskId: null,
        actions: [{ id: 'open', label: t('toast.open') }],
      });
    } else if (event.kind === 'approval.request' && ['approved', 'rejected', 'returned'].includes(event.request.status)) {
      const { request } = event;
      if (now - request.updatedAt > FRESH_MS) continue;
      toasts.push({
        id: `decided:${request.id}:${request.status}`,
        kind: 'approval.decided',
        title: t(`toast.decided.${request.status}`, { template: name(request.templateName) }),
        body: request.title,
        route: `approvals/${request.id}`,
        taskId: null,
        actions: [{ id: 'open', label: t('toast.open') }],
      });
    }
  }
  return toasts;
}
