/**
 * A real nginx (Debian's) in front of a Portico server, on loopback ports of the test's own: the
 * shipped deploy/nginx/portico.conf with only its addresses, certificate paths and log paths
 * changed, inside a main configuration that keeps every file in a temporary folder.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.ts';

export const SHIPPED_CONFIG = path.resolve(import.meta.dirname, '../../deploy/nginx/portico.conf');
const NGINX = '/usr/sbin/nginx';

export interface RunningNginx {
  url: string;
  wsUrl: string;
  /** The self-signed certificate clients must trust (PEM). */
  ca: string;
  accessLog: () => string;
  stop(): Promise<void>;
}

/** The shipped file, pointed at this test's server, port, certificate and log. */
export function renderConfig(shipped: string, at: { upstreamPort: number; port: number; dir: string }): string {
  const replaced = shipped
    .replace(/server 127\.0\.0\.1:8787;/, `server 127.0.0.1:${at.upstreamPort};`)
    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${at.port} ssl http2;`)
    .replace(/\/etc\/ssl\/portico\/fullchain\.pem/, path.join(at.dir, 'cert.pem'))
    .replace(/\/etc\/ssl\/portico\/privkey\.pem/, path.join(at.dir, 'key.pem'))
    .replace(/\/var\/log\/nginx\/portico\.access\.log/, path.join(at.dir, 'access.log'));
  if (replaced.includes('8787') || replaced.includes(' 443 ') || replaced.includes('/etc/ssl') || replaced.includes('/var/log'))
    throw new Error('deploy/nginx/portico.conf changed shape: the test could not point every address at itself');
  return replaced;
}

export async function startNginx(upstreamPort: number): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portico-nginx-'));
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2']
      .concat(['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'])
      .concat(['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]),
    { stdio: 'ignore' },
  );
  const port = await freePort();
  const site = renderConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), { upstreamPort, port, dir });
  writeFileSync(path.join(dir, 'portico.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name === 'client_body' ? 'client_body' : name)};`;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      // As root, workers would switch to nobody, who cannot read this folder; as anyone else the line is ignored.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${path.join(dir, 'portico.conf')};`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `https://127.0.0.1:${port}`;
  const errorLog = () => {
    try {
      return readFileSync(path.join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  // Ready once the port accepts a TLS connection.
  for (const deadline = Date.now() + 10_000; ;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}${errorLog()}`);
    const listening = await import('node:net').then(
      ({ connect }) =>
        new Promise<boolean>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.destroy();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        }),
    );
    if (listening) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen within 10 s: ${stderr}${errorLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    wsUrl: `wss://127.0.0.1:${port}/ws`,
    ca: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    accessLog: () => {
      try {
        return readFileSync(path.join(dir, 'access.log'), 'utf8');
      } catch {
        return '';
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
