import type { BridgeCallName, BridgeEventName, BridgeParams, BridgeResult, PorticoBridge } from '../../shared/bridge/contract.ts';
import { BridgeEventMessage, BridgeReply } from '../../shared/bridge/dispatch.ts';
import { HostCloseCode } from '../../shared/bridge/host-close-codes.ts';

const SECRET_KEY = 'portico.hostSecret';
const OPEN_ROUTE_KEY = 'portico.openRoute';
const BROWSER_KEY = 'portico.browserId';

/** The event the app shows a full-page message for: another browser holds this host, or took it over. */
export const HOST_ELSEWHERE_EVENT = 'portico:host-elsewhere';
export type HostElsewhere = 'held' | 'moved';

/** This browser profile's id, kept in its local storage: tabs of one browser are one browser to the host. */
function browserId(): string {
  let id = localStorage.getItem(BROWSER_KEY);
  if (!id) localStorage.setItem(BROWSER_KEY, (id = crypto.randomUUID()));
  return id;
}

let parked = false;

/** The user asked to use Portico in this browser instead of the other one: say so at the next hello, then start afresh. */
export function takeOverHost(): void {
  const ws = new WebSocket(`ws://${window.location.host}/bridge`);
  ws.onopen = () =>
    ws.send(JSON.stringify({ hello: sessionStorage.getItem(SECRET_KEY) ?? '', browser: browserId(), takeOver: true }));
  ws.onmessage = () => {
    ws.close();
    window.location.reload();
  };
}

/** The item an OS notification's click asked this page to open (`#…&r=approvals%2Fr_1`), once. */
export function takeOpenRoute(): string | null {
  const route = sessionStorage.getItem(OPEN_ROUTE_KEY);
  sessionStorage.removeItem(OPEN_ROUTE_KEY);
  return route;
}

/** Takes the per-launch secret from the URL fragment once, then keeps it for reloads of this tab only. */
function hostSecret(): string | null {
  const match = /[#&]k=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  const route = /[#&]r=([A-Za-z0-9_.%:-]{1,300})/.exec(window.location.hash)?.[1];
  if (route) sessionStorage.setItem(OPEN_ROUTE_KEY, decodeURIComponent(route));
  if (match?.[1]) {
    sessionStorage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
    return match[1];
  }
  return sessionStorage.getItem(SECRET_KEY);
}

/** `window.portico` for the browser host: the same contract as Electron's preload, over one loopback socket. */
export function createSocketBridge(): PorticoBridge {
  const secret = hostSecret();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    // Another browser holds the host: nothing connects again until this page's user takes over.
    if (parked) return Promise.reject(new Error('the Portico host is used from another browser'));
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${window.location.host}/bridge`);
      ws.onopen = () => ws.send(JSON.stringify({ hello: secret ?? '', browser: browserId() }));
      ws.onmessage = (message) => {
        const data: unknown = JSON.parse(String(message.data));
        if ((data as { ready?: boolean }).ready) {
          socket = ws;
          // Core raises OS notifications only while no page is in view: say whether this one is, and when it changes.
          const report = () =>
            ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ visibility: document.visibilityState }));
          report();
          document.addEventListener('visibilitychange', report);
          ws.addEventListener('close', () => document.removeEventListener('visibilitychange', report));
          return resolve(ws);
        }
        const reply = BridgeReply.safeParse(data);
        if (reply.success) {
          const waiter = pending.get(reply.data.id);
          pending.delete(reply.data.id);
          if (reply.data.ok) waiter?.resolve(reply.data.result);
          else waiter?.reject(Object.assign(new Error(reply.data.error.message), { code: reply.data.error.code }));
          return;
        }
        const event = BridgeEventMessage.safeParse(data);
        if (event.success) listeners.get(event.data.event)?.forEach((listener) => listener(event.data.payload));
      };
      ws.onclose = (close) => {
        socket = null;
        ready = null;
        for (const waiter of pending.values()) waiter.reject(new Error('the Portico host closed the connection'));
        pending.clear();
        if (close.code === HostCloseCode.heldElsewhere || close.code === HostCloseCode.movedAway) {
          // Not a failure to retry: the page says so, and waits for its user.
          const why: HostElsewhere = close.code === HostCloseCode.heldElsewhere ? 'held' : 'moved';
          parked = true;
          window.dispatchEvent(new CustomEvent(HOST_ELSEWHERE_EVENT, { detail: why }));
          return reject(new Error(`the Portico host is used from another browser (${why})`));
        }
        if (close.code === HostCloseCode.wrongSecret) reject(new Error('this page was not opened from the link Portico printed'));
        else reject(new Error('the Portico host is not running'));
        // The host may come back (restart); listeners stay registered.
        setTimeout(() => void connect().catch(() => undefined), 2000);
      };
    });
    return ready;
  };

  return {
    async call<C extends BridgeCallName>(method: C, params: BridgeParams<C>): Promise<BridgeResult<C>> {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    on<E extends BridgeEventName>(event: E, listener: (payload: never) => void): () => void {
      void connect().catch(() => undefined);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  } as PorticoBridge;
}
