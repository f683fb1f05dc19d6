import type { TFunction } from 'i18next';
import type { ToastView } from '../../../../shared/bridge/views.ts';
import type { NoticeSummary } from '../../../../shared/domain/notices/index.ts';
import type { UserEvent } from '../../../../shared/protocol/events.ts';

/** Notices published longer ago than this arrived during a long absence: the list shows them, no toast. */
const FRESH_MS = 12 * 3600_000;
const LISTED = 3;

/**
 * Turns a batch of applied events into the notice toasts worth showing, after the batch is in the
 * cache: a notice already read on another device (its read is in the same batch) gets none; several
 * new ones become one "4 new notices"; each urgent one gets its own urgent toast; reminders likewise
 * coalesce. `current` reads the cache as it is now. The publisher's own notice never toasts to
 * her (she is often in its audience): she has just written it.
 */
export function planNoticeToasts(
  events: readonly UserEvent[],
  current: (noticeId: string) => NoticeSummary | null,
  outstanding: (noticeId: string) => boolean,
  now: number,
  t: TFunction,
  me: string | null = null,
): ToastView[] {
  const theirs = (notice: NoticeSummary) => me === null || notice.publisherId !== me;
  const fresh = new Map<string, NoticeSummary>();
  const reminded = new Map<string, NoticeSummary>();
  for (const event of events) {
    if (event.kind === 'notice.published' && now - event.notice.publishedAt < FRESH_MS) {
      const notice = current(event.notice.id);
      if (notice && outstanding(notice.id) && theirs(notice)) fresh.set(notice.id, notice);
    } else if (event.kind === 'notice.reminded') {
      const notice = current(event.noticeId);
      if (notice && outstanding(notice.id) && theirs(notice)) reminded.set(notice.id, notice);
    }
  }
  const toasts: ToastView[] = [];
  const urgent = [...fresh.values(), ...reminded.values()].filter((n) => n.priority === 'urgent');
  for (const notice of new Map(urgent.map((n) => [n.id, n])).values()) toasts.push(urgentToast(notice, t));
  const plain = [...fresh.values()].filter((n) => n.priority !== 'urgent');
  if (plain.length === 1) {
    const [notice] = plain as [NoticeSummary];
    toasts.push({
      id: `notice:${notice.id}`,
      kind: 'notice.new',
      title: t(notice.priority === 'important' ? 'toast.noticeImportant' : 'toast.notice', { title: notice.title }),
      body: notice.requiresAck
        ? t('toast.noticeNeedsAck', { name: notice.publisherName })
        : t('toast.publishedBy', { name: notice.publisherName }),
      route: `notices/${notice.id}`,
      taskId: null,
      actions: [{ id: 'open', label: t('toast.open') }],
    });
  } else if (plain.length > 1) {
    toasts.push({
      id: `notices:${plain[0]!.id}+${plain.length}`,
      kind: 'notice.new',
      title: t('toast.notices', { count: plain.length }),
      body: plain
        .slice(0, LISTED)
        .map((n) => n.title)
        .join('\n'),
      route: 'notices',
      taskId: null,
      actions: [{ id: 'open', label: t('toast.open') }],
    });
  }
  const nudged = [...reminded.values()].filter((n) => n.priority !== 'urgent' && !fresh.has(n.id));
  if (nudged.length > 0) {
    toasts.push({
      id: `reminded:${nudged.map((n) => n.id).join('+')}:${nudged[0]!.remindedAt ?? now}`,
      kind: 'notice.reminded',
      title:
        nudged.length === 1
          ? t('toast.noticeReminder', { title: nudged[0]!.title })
          : t('toast.noticeReminders', { count: nudged.length }),
      body:
        nudged.length === 1
          ? t('toast.publishedBy', { name: nudged[0]!.publisherName })
          : nudged
              .slice(0, LISTED)
              .map((n) => n.title)
              .join('\n'),
      route: nudged.length === 1 ? `notices/${nudged[0]!.id}` : 'notices',
      taskId: null,
      actions: [{ id: 'open', label: t('toast.open') }],
    });
  }
  return toasts;
}

const URGENT_WORD = /^\s*(urgent|紧急|緊急|דחוף|срочно)\s*[:：!！-]/i;

export function urgentToast(notice: NoticeSummary, t: TFunction): ToastView {
  return {
    id: `urgent:${notice.id}`,
    kind: 'notice.urgent',
    urgent: true,
    // A title that already says it is urgent ("URGENT: fire drill") is not prefixed a second time.
    title: URGENT_WORD.test(notice.title) ? notice.title : t('toast.noticeUrgent', { title: notice.title }),
    body: t('toast.noticeUrgentBody', { name: notice.publisherName }),
    route: `notices/${notice.id}`,
    taskId: null,
    actions: [{ id: 'open', label: t('toast.readNow') }],
  };
}
