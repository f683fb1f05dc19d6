import path from 'node:path';
import { type BrowserWindow, Menu, Tray, app, nativeImage } from 'electron';
import type { HomeView } from '../../shared/bridge/views.ts';
import type { PorticoCore } from '../core/portico-core.ts';

/** Tray with a count of what waits for me: the attention icon stays until it is zero, never a faint blink. */
export function createTray(core: PorticoCore, window: BrowserWindow, appRoot: string): Tray {
  const icon = (name: string) => nativeImage.createFromPath(path.join(appRoot, 'resources/icons', name));
  const tray = new Tray(icon('tray.png'));
  const open = () => {
    window.show();
    window.focus();
  };
  const render = (home: HomeView) => {
    const waiting = home.pendingApprovals + home.unacknowledgedRequired;
    tray.setImage(icon(waiting > 0 ? 'tray-attention.png' : 'tray.png'));
    tray.setToolTip(`Portico: ${home.pendingApprovals} approvals, ${home.unreadNotices} unread notices`);
    if (process.platform === 'darwin') tray.setTitle(waiting > 0 ? String(waiting) : '');
    app.setBadgeCount(waiting);
    const connection = core.connectionView();
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Portico', click: open },
        { label: `Status: ${connection.state}`, enabled: false },
        { label: `${home.pendingApprovals} waiting for approval`, click: open },
        { label: `${home.unreadNotices} unread notices`, click: open },
        { type: 'separator' },
        { label: 'Quit Portico', role: 'quit' },
      ]),
    );
  };
  tray.on('click', open);
  core.events.on('home.changed', render);
  core.events.on('connection.changed', () => render(core.homeView()));
  render(core.homeView());
  return tray;
}
