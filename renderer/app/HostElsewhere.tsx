import { useTranslation } from 'react-i18next';
import { type HostElsewhere as Why, takeOverHost } from '../bridge/socket-bridge.ts';
import { Button } from '../ui/Button.tsx';

/**
 * One browser host is one signed-in person, used from one browser at a time. A second browser
 * (or a private window) is told so instead of silently showing that person's account, and moves
 * the host here only when its user asks.
 */
export function HostElsewhere({ why }: { why: Why }) {
  const { t } = useTranslation();
  return (
    <main className="host-elsewhere card" role="alert" aria-labelledby="host-elsewhere-title" data-testid="host-elsewhere">
      <h1 id="host-elsewhere-title">{t(why === 'held' ? 'host.heldTitle' : 'host.movedTitle')}</h1>
      <p>{t(why === 'held' ? 'host.heldBody' : 'host.movedBody')}</p>
      <Button variant="primary" onClick={takeOverHost}>
        {t('host.useHere')}
      </Button>
    </main>
  );
}
