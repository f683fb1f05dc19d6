import { useTranslation } from 'react-i18next';
import type { PresenceView } from '../../../shared/domain/presence/index.ts';
import { useLive } from '../../app/connection-context.ts';
import './presence.css';

/** A coloured dot with its state in words for screen readers and on hover (colour is never the only sign). */
export function PresenceDot({ presence }: { presence: PresenceView | undefined }) {
  const { t } = useTranslation();
  // While this PC is offline nobody's presence is heard: grey, and said so, rather than a stale green.
  const live = useLive();
  const state = presence?.state ?? 'offline';
  const label = live ? t(`presence.state.${state}`) : t('presence.unknownWhileOffline');
  return <span className={`presence-dot presence-${live ? state : 'unknown'}`} role="img" aria-label={label} title={label} />;
}

/** A person's initial on a colour, with their presence in the corner. */
export function Avatar({ name, presence, size = 32 }: { name: string; presence?: PresenceView | undefined; size?: number }) {
  const hue = [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 360, 7);
  return (
    <span
      className="avatar"
      style={{ inlineSize: size, blockSize: size, background: `hsl(${hue} 45% 42%)` }}
      aria-hidden={!presence}
    >
      <span aria-hidden="true">{[...name][0] ?? '?'}</span>
      {presence !== undefined && <PresenceDot presence={presence} />}
    </span>
  );
}
