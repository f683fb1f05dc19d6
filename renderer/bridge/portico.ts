import type { PorticoBridge } from '../../shared/bridge/contract.ts';
import { createSocketBridge } from './socket-bridge.ts';

declare global {
  interface Window {
    portico?: PorticoBridge;
  }
}

/** The only way the UI reaches core: Electron's preload puts it on window; the browser host gets a socket. */
export const portico: PorticoBridge = window.portico ?? createSocketBridge();
