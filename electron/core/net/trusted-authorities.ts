import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';

export interface TrustSources {
  /** The OS's certificate store (Windows' and macOS' stores, OpenSSL's paths on Linux). */
  systemCertificates?: () => readonly string[];
  /** A PEM file IT sets by policy (the company's root and TLS-inspection CAs). */
  policyBundlePath?: string;
}

export interface TrustedAuthorities {
  /** PEM certificates: Node's bundled roots, the system store and the policy bundle, without repeats. */
  ca: string[];
  /** What could not be used, for the log and the diagnostics (an unreadable bundle, a bad certificate). */
  problems: string[];
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The system store as Node 24 reads it; empty where this Node cannot (the connection still has the bundled roots). */
export function systemStore(): readonly string[] {
  try {
    return tls.getCACertificates('system');
  } catch {
    return [];
  }
}

/**
 * The authorities core's HTTP and WebSocket clients trust. Passing `ca` to a TLS connection replaces
 * Node's roots, so the bundled ones are always included; a company CA then comes from the system
 * store (where IT deploys it by Group Policy) or from the policy's bundle.
 */
export function trustedAuthorities(sources: TrustSources): TrustedAuthorities {
  const problems: string[] = [];
  const found = [...tls.getCACertificates('default'), ...(sources.systemCertificates ?? systemStore)()];
  if (sources.policyBundlePath) {
    try {
      const pem = readFileSync(sources.policyBundlePath, 'utf8');
      const certificates = pem.match(PEM) ?? [];
      if (certificates.length === 0) problems.push(`no certificate in the CA bundle ${sources.policyBundlePath}`);
      for (const certificate of certificates) {
        try {
          new X509Certificate(certificate);
          found.push(certificate);
        } catch {
          problems.push(`a certificate in ${sources.policyBundlePath} could not be read`);
        }
      }
    } catch (error) {
      problems.push(
        `the CA bundle ${sources.policyBundlePath} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  return { ca: [...new Set(found.map((pem) => pem.trim()))], problems };
}
