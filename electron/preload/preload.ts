import { contextBridge, ipcRenderer } from 'electron';
import { bridgeCallNames, bridgeEventNames } from '../../shared/bridge/contract.ts';
import { BRIDGE_CALL_CHANNEL, BRIDGE_EVENT_CHANNEL } from '../main/app-identity.ts';

/** `window.portico`: allow-listed calls and events only; the renderer never sees ipcRenderer. */
const calls = new Set<string>(bridgeCallNames);
const events = new Set<string>(bridgeEventNames);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(BRIDGE_EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  listeners.get(name)?.forEach((listener) => listener(payload));
});

contextBridge.exposeInMainWorld('portico', {
  async call(method: string, params: unknown) {
    if (!calls.has(method)) throw new Error(`unknown bridge call ${method}`);
    const reply = (await ipcRenderer.invoke(BRIDGE_CALL_CHANNEL, method, params)) as
      { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result;
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!events.has(event)) throw new Error(`unknown bridge event ${event}`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
});
