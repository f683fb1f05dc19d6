import type { ProxyPolicy } from './proxy-rules.ts';

/** Electron's `ProxyConfig` (session.setProxy), restated so core stays free of Electron's types. */
export interface ElectronProxyConfig {
  mode: 'system' | 'direct' | 'fixed_servers' | 'pac_script';
  proxyRules?: string;
  pacScript?: string;
  proxyBypassRules?: string;
}

/**
 * The proxy policy as Electron applies it: the window, web tools and core's resolver
 * (`session.resolveProxy`) then share one decision, including Windows' own settings, WPAD and PAC.
 */
export function electronProxyConfig(policy: ProxyPolicy): ElectronProxyConfig {
  const mode = policy.proxyMode ?? 'system';
  const bypass = policy.proxyBypassList ? { proxyBypassRules: policy.proxyBypassList.replace(/;/g, ',') } : {};
  if (mode === 'fixed_servers' && policy.proxyServer) return { mode, proxyRules: policy.proxyServer, ...bypass };
  if (mode === 'pac_script' && policy.proxyPacUrl) return { mode, pacScript: policy.proxyPacUrl };
  if (mode === 'direct') return { mode };
  return { mode: 'system' };
}
