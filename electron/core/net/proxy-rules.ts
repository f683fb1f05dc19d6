import net from 'node:net';
import { pacScriptResolver } from './pac-script.ts';

/** A proxy decision in the words PAC scripts and Electron's `session.resolveProxy` use: "PROXY host:port; DIRECT". */
export type ProxyResolver = (url: string) => Promise<string>;

/** Where one connection goes: straight to the server, or through an HTTP proxy (CONNECT tunnel). */
export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; url: string; host: string; port: number };

export interface ProxyPolicy {
  proxyMode?: 'system' | 'direct' | 'fixed_servers' | 'pac_script';
  proxyServer?: string;
  proxyPacUrl?: string;
  proxyBypassList?: string;
}

/**
 * The first usable entry of a PAC answer. PROXY and HTTPS entries are HTTP proxies reached by
 * CONNECT; SOCKS entries are skipped (core's clients do not speak SOCKS), and an answer with no
 * usable entry is direct, as browsers treat it.
 */
export function routeOfPacAnswer(answer: string): ProxyRoute {
  for (const entry of answer.split(';')) {
    const [type, target] = entry.trim().split(/\s+/);
    if (!type || type.toUpperCase() === 'DIRECT') return { kind: 'direct' };
    if ((type.toUpperCase() === 'PROXY' || type.toUpperCase() === 'HTTPS') && target) {
      const route = proxyRoute(target);
      if (route) return route;
    }
  }
  return { kind: 'direct' };
}

function proxyRoute(target: string): ProxyRoute | null {
  const match = /^\[?([^\]\s]+?)\]?:(\d{1,5})$/.exec(target.replace(/^https?:\/\//, ''));
  if (!match) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65_535) return null;
  const host = match[1]!;
  return { kind: 'proxy', url: `http://${net.isIPv6(host) ? `[${host}]` : host}:${port}`, host, port };
}

function inCidr(address: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (!base || !net.isIP(base) || !Number.isInteger(bits)) return false;
  const list = new net.BlockList();
  try {
    list.addSubnet(base, bits, net.isIPv6(base) ? 'ipv6' : 'ipv4');
  } catch {
    return false;
  }
  return list.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || (net.isIPv4(host) && host.startsWith('127.'));
}

/**
 * Whether a URL skips the proxy, with Chromium's bypass rules (what Electron applies to the same
 * policy): `*.corp.example.com` or `.corp.example.com` for a domain, a host, `host:port`, an IP
 * range `10.0.0.0/8`, `<local>` for names without a dot, and `*` for all. Loopback is always
 * bypassed unless the list says `<-loopback>`.
 */
export function bypassesProxy(url: string, bypassList: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = parsed.port || (parsed.protocol === 'https:' || parsed.protocol === 'wss:' ? '443' : '80');
  const rules = bypassList
    .split(/[;,\s]+/)
    .map((rule) => rule.trim().toLowerCase())
    .filter(Boolean);
  if (!rules.includes('<-loopback>') && isLoopback(host)) return true;
  return rules.some((rule) => {
    if (rule === '*') return true;
    if (rule === '<local>') return !host.includes('.') && !net.isIP(host);
    if (rule.includes('/')) return net.isIP(host) !== 0 && inCidr(host, rule);
    const ruleHostPort = /^(.+?)(?::(\d+))?$/.exec(rule);
    const ruleHost = ruleHostPort?.[1] ?? rule;
    if (ruleHostPort?.[2] && ruleHostPort[2] !== port) return false;
    if (ruleHost.startsWith('*.')) return host.endsWith(ruleHost.slice(1));
    if (ruleHost.startsWith('.')) return host.endsWith(ruleHost);
    return host === ruleHost;
  });
}

/** Only the loopback part of a bypass list, for PAC mode (where the script decides the rest). */
function onlyLoopbackRule(bypassList: string | undefined): string {
  return (bypassList ?? '').toLowerCase().includes('<-loopback>') ? '<-loopback>' : '';
}

/**
 * Core's own resolver, for the browser host (Electron passes `session.resolveProxy`, which also
 * knows the Windows settings and runs PAC scripts). "system" follows HTTPS_PROXY/HTTP_PROXY and
 * NO_PROXY, as Node tools do; a PAC script runs sandboxed (pac-script.ts).
 */
export function policyProxyResolver(
  policy: ProxyPolicy,
  env: Readonly<Record<string, string | undefined>>,
  warn: (message: string) => void = () => undefined,
  fetchText?: (url: string) => Promise<string>,
): ProxyResolver {
  let warned = false;
  const pac = policy.proxyPacUrl && fetchText ? pacScriptResolver(policy.proxyPacUrl, fetchText, warn) : null;
  return async (url) => {
    const mode = policy.proxyMode ?? 'system';
    if (mode === 'direct') return 'DIRECT';
    if (mode === 'fixed_servers') {
      if (!policy.proxyServer || bypassesProxy(url, policy.proxyBypassList ?? '')) return 'DIRECT';
      return `PROXY ${policy.proxyServer}`;
    }
    if (mode === 'pac_script') {
      // Loopback stays direct, as in Chromium, unless the bypass list says <-loopback>.
      if (pac) return bypassesProxy(url, onlyLoopbackRule(policy.proxyBypassList)) ? 'DIRECT' : pac(url);
      if (!warned) warn('the proxy mode is "PAC script" but no script address is set; connecting directly');
      warned = true;
      return 'DIRECT';
    }
    const secure = /^(https|wss):/.test(url);
    const proxy = (secure ? (env.HTTPS_PROXY ?? env.https_proxy) : undefined) ?? env.HTTP_PROXY ?? env.http_proxy;
    // NO_PROXY's "corp.example.com" means the domain and every name under it.
    const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
      .split(',')
      .map((entry) => entry.trim().replace(/^\*?\./, ''))
      .flatMap((entry) => (entry && entry !== '*' && !entry.includes('/') ? [entry, `*.${entry}`] : [entry]))
      .join(';');
    if (!proxy || bypassesProxy(url, noProxy)) return 'DIRECT';
    return `PROXY ${proxy.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}`;
  };
}
