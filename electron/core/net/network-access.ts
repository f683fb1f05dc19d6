import type { Agent as HttpAgent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { Agent, type Dispatcher, ProxyAgent, fetch as undiciFetch, type RequestInit, type Response } from 'undici';
import { type ProxyResolver, type ProxyRoute, routeOfPacAnswer } from './proxy-rules.ts';

export type { RequestInit, Response };

/** How a WebSocket reaches the server: the authorities to trust, and a tunnelling agent when a proxy is in the way. */
export interface SocketRoute {
  ca: string[];
  agent?: HttpAgent;
  proxy: ProxyRoute;
}

/**
 * Every connection core makes to the server or a tool goes through here, so the company's CAs and
 * proxy apply to all of them alike: `fetch` for HTTP (undici, the client Node's own fetch is built
 * on, given a dispatcher that trusts `ca` and tunnels through the proxy) and `socketRoute` for the
 * WebSocket (ws takes an http.Agent; https-proxy-agent tunnels by CONNECT, with Kerberos/NTLM
 * negotiation for proxies that ask for it).
 */
export class NetworkAccess {
  private readonly dispatchers = new Map<string, Dispatcher>();
  private readonly options: { ca: () => string[]; resolveProxy: ProxyResolver };

  constructor(options: NetworkAccess['options']) {
    this.options = options;
  }

  /** The proxy decision for one URL; a resolver that fails means direct (and the self-test says why). */
  async route(url: string): Promise<ProxyRoute> {
    try {
      return routeOfPacAnswer(await this.options.resolveProxy(url));
    } catch {
      return { kind: 'direct' };
    }
  }

  get ca(): string[] {
    return this.options.ca();
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const route = await this.route(url);
    return undiciFetch(url, { ...init, dispatcher: this.dispatcher(route) });
  }

  /** Straight to the address, whatever the proxy decision (for the PAC script, which makes that decision). */
  fetchDirect(url: string, init: RequestInit = {}): Promise<Response> {
    return undiciFetch(url, { ...init, dispatcher: this.dispatcher({ kind: 'direct' }) });
  }

  async socketRoute(url: string): Promise<SocketRoute> {
    const proxy = await this.route(url);
    const ca = this.ca;
    if (proxy.kind === 'direct') return { ca, proxy };
    return { ca, proxy, agent: new HttpsProxyAgent(proxy.url, { ca, keepAlive: false }) };
  }

  /** Closes the pooled connections (sign-out, policy change, quitting). */
  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }

  private dispatcher(route: ProxyRoute): Dispatcher {
    const key = route.kind === 'direct' ? 'direct' : route.url;
    let dispatcher = this.dispatchers.get(key);
    if (!dispatcher) {
      const ca = this.ca;
      dispatcher =
        route.kind === 'direct'
          ? new Agent({ connect: { ca } })
          : new ProxyAgent({ uri: route.url, requestTls: { ca }, proxyTls: { ca } });
      this.dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }
}
