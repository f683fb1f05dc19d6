import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packServer, runtimeImports } from '../../scripts/pack-server.ts';
import { login, tempDir } from './harness.ts';
import { freePort, spawnReady } from './server-process.ts';

const rootPackage = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the server as a package of its own', () => {
  const folder = tempDir('server-package');
  const stops: (() => void)[] = [];
  afterAll(() => {
    stops.forEach((stop) => stop());
    folder.remove();
  });

  it('reads run-time imports only: type imports, relative paths and Node built-ins need no package', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { Nodes } from 'mdast';",
      "import pino, { type Logger } from 'pino';",
      "import { stringify } from 'csv-stringify/sync';",
      "import { x } from '@scope/pkg/deep';",
      "import './side-effect.ts';",
      "import { readFileSync } from 'node:fs';",
      "export { y } from 'luxon';",
      "export type { Z } from 'not-needed';",
      "const later = await import('ws');",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['@scope/pkg', 'csv-stringify', 'luxon', 'pino', 'ws', 'zod']);
  });

  it('installs without the desktop’s packages and serves from its own folder', async () => {
    const out = path.join(folder.dir, 'portico-server');
    const { dependencies } = packServer(out);
    const installed = readdirSync(path.join(out, 'node_modules'));
    // Nothing of the desktop: not React, Electron, Vite, i18next, nor any dev tool.
    for (const desktop of ['react', 'react-dom', 'electron', 'electron-builder', 'vite', 'i18next', 'react-i18next', 'vitest'])
      expect(installed, desktop).not.toContain(desktop);
    const desktopOnly = Object.keys({ ...rootPackage.dependencies, ...rootPackage.devDependencies }).filter(
      (name) => !(name in dependencies),
    );
    expect(desktopOnly.filter((name) => installed.includes(name) && !name.startsWith('@types/'))).toEqual([]);
    expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(['better-sqlite3', 'ws', 'zod', 'pino', 'prom-client']));
    expect(existsSync(path.join(out, 'server', 'app.test.ts'))).toBe(false);
    expect(existsSync(path.join(out, 'server', 'features', 'kudos', 'kudos-repository.contract.ts'))).toBe(false);
    expect(readdirSync(path.join(out, 'deploy'))).toEqual(expect.arrayContaining(['nginx', 'systemd']));

    const port = await freePort();
    const data = path.join(folder.dir, 'data');
    const { child, url } = await spawnReady(
      [path.join(out, 'server', 'main.ts'), '--port', String(port), '--data', data, '--demo', '--log-level', 'warn'],
      /PORTICO_SERVER_READY (\S+)/,
    );
    stops.push(() => child.kill('SIGKILL'));
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect((await login(url, 'zhang.wei')).user.username).toBe('zhang.wei');
    const check = execFileSync(process.execPath, [path.join(out, 'server', 'admin.ts'), 'check', '--data', data], {
      encoding: 'utf8',
    });
    expect(check).toMatch(/integrity ok/);
  }, 180_000);
});
