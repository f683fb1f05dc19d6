import type { EffectivePolicy } from '../policy/resolve-policy.ts';
import { NetworkAccess } from './network-access.ts';
import { type ProxyResolver, policyProxyResolver } from './proxy-rules.ts';
import { type TrustedAuthorities, trustedAuthorities } from './trusted-authorities.ts';

/** What a shell knows about the PC's network that plain Node does not. */
export interface ShellNetwork {
  /** Electron's `session.resolveProxy`, with the policy applied by `session.setProxy`: Windows' settings, WPAD and PAC. */
  resolveProxy?: ProxyResolver;
  /** A stand-in for the OS store (tests); Node 24's `tls.getCACertificates('system')` otherwise. */
  systemCertificates?: () => readonly string[];
}

/** Core's one NetworkAccess, from the policy (CA bundle, proxy) and what the shell adds. */
export function coreNetwork(
  policy: EffectivePolicy | undefined,
  shell: ShellNetwork | undefined,
  env: Readonly<Record<string, string | undefined>>,
  warn: (message: string) => void,
): { access: NetworkAccess; trust: () => TrustedAuthorities } {
  const values = policy?.values ?? {};
  let trust: TrustedAuthorities | null = null;
  const loadTrust = () => {
    if (trust) return trust;
    trust = trustedAuthorities({ systemCertificates: shell?.systemCertificates, policyBundlePath: values.caBundlePath });
    for (const problem of trust.problems) warn(problem);
    return trust;
  };
  const fetchDirect = async (url: string) => {
    const res = await access.fetchDirect(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
  const access: NetworkAccess = new NetworkAccess({
    ca: () => loadTrust().ca,
    // The PAC script is fetched directly (it says where the proxy is), trusting the company's CAs.
    resolveProxy: shell?.resolveProxy ?? policyProxyResolver(values, env, warn, (url) => fetchDirect(url)),
  });
  return { access, trust: loadTrust };
}
