import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { nextClockKind } from '../../../shared/domain/attendance/index.ts';
import { useCoreView } from '../../app/use-bridge.ts';
import { type PaletteItem, buildPaletteItems } from './palette-items.ts';

/**
 * Everything the palette searches, loaded ahead and kept fresh as core reports changes, so opening
 * the palette is only a render: no round trip stands between the key press and the list.
 */
export function usePaletteData(chatEnabled: boolean): { items: PaletteItem[]; recent: string[] } {
  const { t, i18n } = useTranslation();
  const tools = useCoreView('launcher.catalog', { refetchOn: 'launcher' });
  const people = useCoreView('directory.people', { refetchOn: 'approvals' });
  const templates = useCoreView('approvals.templates', { refetchOn: 'approvals' });
  const inbox = useCoreView('approvals.inbox', { refetchOn: 'approvals' });
  const home = useCoreView('home.get', { pushedBy: 'home.changed' });
  const recent = useCoreView('palette.recent', { refetchOn: 'launcher' });
  const nextClock = home ? nextClockKind({ queued: home.queuedClock, today: home.today, last: home.lastClock }) : 'in';
  const items = useMemo(
    () =>
      buildPaletteItems({
        tools: tools ?? [],
        people: people ?? [],
        templates: templates ?? [],
        pending: inbox?.pending ?? [],
        nextClock,
        chatEnabled,
        language: i18n.language,
        t,
      }),
    [tools, people, templates, inbox, nextClock, chatEnabled, i18n.language, t],
  );
  return { items, recent: useMemo(() => (recent ?? []).map((r) => r.id), [recent]) };
}
