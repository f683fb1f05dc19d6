import type { TFunction } from 'i18next';
import type { ToastView } from '../../../../shared/bridge/views.ts';
import type { UserEvent } from '../../../../shared/protocol/events.ts';

/** A key item a supervisor just marked for the day reaches the department as a toast (not the author's own). */
export function planBriefToasts(events: readonly UserEvent[], me: string, t: TFunction): ToastView[] {
  const toasts: ToastView[] = [];
  for (const event of events) {
    if (event.kind !== 'brief.items' || !event.added || event.added.by === me) continue;
    const item = event.items.find((candidate) => candidate.id === event.added!.itemId);
    if (!item) continue; // removed again in the same batch
    toasts.push({
      id: `brief-item:${item.id}`,
      kind: 'brief',
      title: t('brief.newItemTitle', { name: item.authorName }),
      body: item.text,
      route: 'home',
      taskId: null,
      actions: [{ id: 'open', label: t('toast.open') }],
    });
  }
  return toasts;
}
