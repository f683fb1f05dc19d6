import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { readFileSync, unwatchFile, watchFile } from 'node:fs';

/** The certificate chain and private key files the server serves HTTPS and WSS with. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  subject: string;
  /** When the leaf certificate expires (ms since the epoch), for /metrics and the log. */
  notAfter: number;
}

/** Reads and checks a pair: both files readable PEM, the key the certificate's. Throws with the reason otherwise. */
export function loadTls(files: TlsFiles): TlsMaterial {
  const cert = readFileSync(files.certFile);
  const key = readFileSync(files.keyFile);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      /key values mismatch/.test(message)
        ? `${files.keyFile} is not the private key of ${files.certFile}`
        : `TLS files unusable: ${message}`,
      { cause: error },
    );
  }
  const leaf = new X509Certificate(cert);
  return { cert, key, subject: leaf.subject.replace(/\n/g, ', '), notAfter: Date.parse(leaf.validTo) };
}

/**
 * Watches the pair by polling their paths (a renewal tool replaces files or re-points symlinks,
 * which an inotify watch on the old file would miss) and hands over a new pair once both files
 * have changed into a matching pair. A half-written or mismatched pair is reported and the one in
 * use is kept: the server never stops serving TLS because a renewal was caught halfway.
 */
export function watchTls(
  files: TlsFiles,
  intervalMs: number,
  handlers: { changed: (material: TlsMaterial) => void; failed: (error: unknown) => void },
): () => void {
  let lastError = '';
  const check = () => {
    try {
      handlers.changed(loadTls(files));
      lastError = '';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) handlers.failed(error);
      lastError = message;
    }
  };
  const onChange = (now: { mtimeMs: number }, before: { mtimeMs: number }) => {
    if (now.mtimeMs !== before.mtimeMs) check();
  };
  watchFile(files.certFile, { interval: intervalMs, persistent: false }, onChange);
  watchFile(files.keyFile, { interval: intervalMs, persistent: false }, onChange);
  return () => {
    unwatchFile(files.certFile, onChange);
    unwatchFile(files.keyFile, onChange);
  };
}
