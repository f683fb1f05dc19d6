import { useEffect, useState } from 'react';
import type { SessionView } from '../../shared/bridge/views.ts';
import { portico } from '../bridge/portico.ts';
import { HOST_ELSEWHERE_EVENT, type HostElsewhere as HostElsewhereWhy } from '../bridge/socket-bridge.ts';
import { LoginPage } from '../features/login/LoginPage.tsx';
import { applyLanguage, detectLanguage } from '../i18n/i18n.ts';
import { AppFrame } from './AppFrame.tsx';
import { HostElsewhere } from './HostElsewhere.tsx';

export function App() {
  const [session, setSession] = useState<SessionView | null>(null);
  const [hostError, setHostError] = useState<string | null>(null);
  const [chatEnabled, setChatEnabled] = useState(true);
  const [elsewhere, setElsewhere] = useState<HostElsewhereWhy | null>(null);
  useEffect(() => {
    const listener = (event: Event) => setElsewhere((event as CustomEvent<HostElsewhereWhy>).detail);
    window.addEventListener(HOST_ELSEWHERE_EVENT, listener);
    return () => window.removeEventListener(HOST_ELSEWHERE_EVENT, listener);
  }, []);
  useEffect(() => {
    const off = portico.on('session.changed', setSession);
    Promise.all([portico.call('settings.get', {}), portico.call('session.get', {})])
      .then(async ([settings, current]) => {
        await applyLanguage(detectLanguage(settings.language ?? settings.policyLanguage));
        setChatEnabled(settings.chatEnabled);
        setSession(current);
      })
      .catch((error: unknown) => setHostError(error instanceof Error ? error.message : String(error)));
    return off;
  }, []);
  if (elsewhere) return <HostElsewhere why={elsewhere} />;
  if (hostError)
    return (
      <p className="error fatal" role="alert">
        Portico: {hostError}
      </p>
    );
  if (!session) return null;
  return session.status === 'signedIn' ? (
    <AppFrame user={session.user} chatEnabled={chatEnabled} />
  ) : (
    <LoginPage session={session} />
  );
}
