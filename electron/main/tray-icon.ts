import path from 'node:path';
import { type BrowserWindow, Menu, type MenuItemConstructorOptions, Tray, app, clipboard, nativeImage } from 'electron';
import type { PorticoCore } from '../core/portico-core.ts';
import type { TrayItem } from '../core/tray/tray-model.ts';

/**
 * Tray with what waits for me: the attention icon stays until it is zero, never a faint blink;
 * the oldest approvals can be approved or opened straight from the menu. The menu's content and
 * words come from core (`trayModel`); this only maps it to Electron.
 */
export function createTray(core: PorticoCore, window: BrowserWindow, appRoot: string): Tray {
  const icon = (name: string) => nativeImage.createFromPath(path.join(appRoot, 'resources/icons', name));
  const tray = new Tray(icon('tray.png'));
  const open = (route?: string) => {
    window.show();
    window.focus();
    if (route) core.openRoute(route);
  };
  const toMenuItem = (item: TrayItem): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'open':
        return { label: item.label, click: () => open() };
      case 'info':
        return { label: item.label, enabled: false };
      case 'route':
        return { label: item.label, click: () => open(item.route) };
      case 'task':
        return {
          label: item.label,
          submenu: [
            {
              label: item.approveLabel,
              click: () => void core.handlers['approvals.decide']({ taskId: item.taskId, decision: 'approve', comment: '' }),
            },
            { label: item.openLabel, click: () => open(item.route) },
          ],
        };
      case 'clock':
        return { label: item.label, accelerator: item.accelerator, click: () => void core.handlers['attendance.clockNext']({}) };
      case 'palette':
        return {
          label: item.label,
          accelerator: item.accelerator,
          click: () => {
            open();
            core.openPalette();
          },
        };
      case 'tools':
        return {
          label: item.label,
          submenu: item.tools.map((tool) => ({
            label: tool.label,
            click: () => void core.handlers['launcher.launch']({ toolId: tool.toolId, source: 'tray' }),
          })),
        };
      case 'separator':
        return { type: 'separator' };
      case 'diagnostics':
        return {
          label: item.label,
          click: () => void core.handlers['app.diagnostics']({}).then(({ text }) => clipboard.writeText(text)),
        };
      case 'quit':
        return { label: item.label, role: 'quit' };
    }
  };
  const render = () => {
    const model = core.trayModel();
    tray.setImage(icon(model.urgent ? 'tray-urgent.png' : model.attention ? 'tray-attention.png' : 'tray.png'));
    tray.setToolTip(model.tooltip);
    if (process.platform === 'darwin') tray.setTitle(model.badge > 0 ? String(model.badge) : '');
    app.setBadgeCount(model.badge);
    tray.setContextMenu(Menu.buildFromTemplate(model.items.map(toMenuItem)));
  };
  tray.on('click', () => open());
  core.events.on('home.changed', render);
  core.events.on('connection.changed', render);
  core.events.on('data.changed', ({ features }) => features.includes('launcher') && render());
  render();
  return tray;
}
