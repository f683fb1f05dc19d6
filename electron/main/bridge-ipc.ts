import { type BrowserWindow, ipcMain } from 'electron';
import { bridgeEventNames } from '../../shared/bridge/contract.ts';
import { BridgeCallError, dispatchBridgeCall } from '../../shared/bridge/dispatch.ts';
import type { PorticoCore } from '../core/portico-core.ts';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from './app-identity.ts';
import { isOwnRendererUrl } from './main-window.ts';

/**
 * The one IPC handler: only our renderer's main frame may call, and every call is validated against
 * the bridge contract before core sees it (the same dispatch the browser host uses).
 */
export function registerBridgeIpc(core: PorticoCore, window: BrowserWindow, appRoot: string): void {
  ipcMain.handle(BRIDGE_CALL_CHANNEL, async (event, method: unknown, params: unknown) => {
    const frame = event.senderFrame;
    if (event.sender !== window.webContents || !frame || frame.parent !== null || !isOwnRendererUrl(frame.url, appRoot)) {
      throw new Error('bridge call from an unexpected sender refused');
    }
    try {
      return { ok: true, result: await dispatchBridgeCall(core.handlers, method, params) };
    } catch (error) {
      const code = error instanceof BridgeCallError ? error.code : 'internal';
      return { ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } };
    }
  });
  for (const name of bridgeEventNames) {
    core.events.on(name, (payload: unknown) => {
      if (!window.isDestroyed()) window.webContents.send(BRIDGE_EVENT_CHANNEL, name, payload);
    });
  }
}
