import type { TFunction } from 'i18next';
import type { ToastView } from '../../../../shared/bridge/views.ts';
import type { UserEvent } from '../../../../shared/protocol/events.ts';

/** Someone thanked this user: a toast with their words, opening the People page. */
export function planKudosToasts(events: readonly UserEvent[], t: TFunction): ToastView[] {
  return events.flatMap((event): ToastView[] =>
    event.kind === 'kudos.received'
      ? [
          {
            id: `kudos:${event.kudos.id}`,
            kind: 'kudos',
            title: t('kudos.toastTitle', { name: event.kudos.fromName }),
            body: event.kudos.message,
            route: 'people',
            taskId: null,
            actions: [{ id: 'open', label: t('toast.open') }],
          },
        ]
      : [],
  );
}
