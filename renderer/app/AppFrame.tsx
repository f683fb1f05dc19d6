import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserProfile } from '../../shared/domain/user.ts';
import { portico } from '../bridge/portico.ts';
import { takeOpenRoute } from '../bridge/socket-bridge.ts';
import { useClockShortcut } from '../features/attendance/use-clock-shortcut.ts';
import { CommandPalette } from '../features/launcher/CommandPalette.tsx';
import { PresenceMenu } from '../features/presence/PresenceMenu.tsx';
import { useCoreView } from './use-bridge.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { ConnectionContext } from './connection-context.ts';
import { DoNotDisturb } from './DoNotDisturb.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavigationContext, type PageKey, type Route, pageKeys, parseRoute } from './navigation.tsx';
import { pages } from './pages.tsx';
import { ToastCenter } from './ToastCenter.tsx';
import { Button } from '../ui/Button.tsx';
import { Badge } from '../ui/Badge.tsx';

export function AppFrame({ user, chatEnabled }: { user: UserProfile; chatEnabled: boolean }) {
  const { t } = useTranslation();
  // A page opened from an OS notification starts at its item (the browser host's click).
  const [route, setRoute] = useState<Route>(() => parseRoute(takeOpenRoute() ?? 'home'));
  const navigate = useCallback((path: string) => setRoute(parseRoute(path)), []);
  const navigation = useMemo(() => ({ route, navigate }), [route, navigate]);
  useEffect(() => portico.on('navigate', ({ route: path }) => navigate(path)), [navigate]);
  useClockShortcut();
  const home = useCoreView('home.get', { pushedBy: 'home.changed' });
  const connection = useCoreView('connection.get', { pushedBy: 'connection.changed' });
  const page = route.page;
  const setPage = (key: PageKey) => navigate(key);
  return (
    <ConnectionContext.Provider value={connection}>
      <NavigationContext.Provider value={navigation}>
        <div className="frame">
          <nav className="sidebar" aria-label="Portico">
            <div className="sidebar-brand">
              <span className="logo" aria-hidden="true">
                P
              </span>
              <span>{t('app.name')}</span>
            </div>
            <ul>
              {pageKeys
                .filter((key) => chatEnabled || key !== 'chat')
                .map((key) => (
                  <li key={key}>
                    <button
                      className={page === key ? 'nav-item active' : 'nav-item'}
                      aria-current={page === key ? 'page' : undefined}
                      data-testid={`nav-${key}`}
                      onClick={() => setPage(key)}
                    >
                      <span className="nav-icon" aria-hidden="true">
                        {pages[key].icon}
                      </span>
                      {t(`nav.${key}`)}
                      {key === 'chat' && (home?.unreadChats ?? 0) > 0 && (
                        <Badge
                          tone="accent"
                          className="nav-badge"
                          testId="chat-unread-badge"
                          label={t('chat.unreadCount', { count: home?.unreadChats ?? 0 })}
                        >
                          {home?.chatMentions ? '@' : ''}
                          {home?.unreadChats}
                        </Badge>
                      )}
                    </button>
                  </li>
                ))}
            </ul>
          </nav>
          <div className="main">
            <header className="topbar">
              <ConnectionBadge />
              <div className="topbar-end">
                {chatEnabled && <PresenceMenu userId={user.id} />}
                <DoNotDisturb />
                <LanguageSwitch />
                <span className="user-chip" title={user.departmentName ?? ''}>
                  {user.displayName}
                </span>
                <Button variant="link" onClick={() => void portico.call('session.signOut', {})}>
                  {t('common.signOut')}
                </Button>
              </div>
            </header>
            <section className="page">{pages[page].render({ user, open: setPage })}</section>
          </div>
          <ToastCenter />
          <CommandPalette chatEnabled={chatEnabled} />
        </div>
      </NavigationContext.Provider>
    </ConnectionContext.Provider>
  );
}
