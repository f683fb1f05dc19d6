import type { TFunction } from 'i18next';
import type { PresenceView } from '../../../shared/domain/presence/index.ts';
import { formatDateTime, formatTime } from '../../app/format.ts';

/** "In a meeting until 15:00", "Out of office until 26 Nov · proxy 高健", "Last seen 09:12". */
export function presenceLine(p: PresenceView | undefined, t: TFunction, language: string, now: number): string {
  if (!p) return t('presence.state.offline');
  const when = (at: number) => (at - now < 20 * 3600_000 ? formatTime(at, language) : formatDateTime(at, language));
  const parts = [
    p.until
      ? t('presence.until', { state: t(`presence.state.${p.state}`), when: when(p.until) })
      : t(`presence.state.${p.state}`),
  ];
  if (p.proxy) parts.push(t('presence.proxy', { name: p.proxy.name }));
  if (p.state === 'offline' && p.lastSeenAt) parts.push(t('presence.lastSeen', { when: when(p.lastSeenAt) }));
  if (p.statusText) parts.push(p.statusText);
  return parts.join(' · ');
}
