import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TestCa {
  /** The CA's certificate (PEM), what a company deploys to its PCs. */
  caPem: string;
  caFile: string;
  /** A server certificate for 127.0.0.1 and localhost, signed by the CA. */
  certFile: string;
  keyFile: string;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'ignore' });

/** A company CA named `name`, and a loopback server certificate it signed (as an internal CA or a TLS-inspection box would). */
export function makeTestCa(dir: string, name: string): TestCa {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    ['req', '-x509', ...ec, '-days', '3', '-subj', `/O=Portico Tests/CN=${name}`, '-keyout', 'ca.key', '-out', 'ca.crt'],
    dir,
  );
  openssl(['req', ...ec, '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr'], dir);
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(
    ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '3'].concat([
      '-extfile',
      'server.ext',
      '-out',
      'server.crt',
    ]),
    dir,
  );
  return {
    caPem: readFileSync(path.join(dir, 'ca.crt'), 'utf8'),
    caFile: path.join(dir, 'ca.crt'),
    certFile: path.join(dir, 'server.crt'),
    keyFile: path.join(dir, 'server.key'),
  };
}
