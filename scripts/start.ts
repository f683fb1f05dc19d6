import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.ts';

/**
 * `npm start`: the embedded server (seeded with the demo office on first run), then the desktop app
 * pointed at it; where Electron's binary is absent, the same UI through the browser host.
 */
const root = path.resolve(import.meta.dirname, '..');
const port = process.env.PORTICO_PORT ?? '8787';
const children: ChildProcess[] = [];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(label: string, args: string[], env: NodeJS.ProcessEnv, readyPattern: RegExp): Promise<string> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      const match = readyPattern.exec(text);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with code ${code}`)));
  });
}

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);

// Tests that start the whole thing have built it already.
if (process.env.PORTICO_START_SKIP_BUILD !== '1') {
  console.log('Building the renderer…');
  execFileSync(npx, ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
const serverUrl = await run('server', ['server/main.ts', '--port', port, '--demo'], {}, /PORTICO_SERVER_READY (\S+)/);

const electron = findElectronBinary(root);
if ('path' in electron) {
  execFileSync(npx, ['vite', 'build', '--mode', 'electron-main', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(npx, ['vite', 'build', '--mode', 'electron-preload', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const app = spawn(electron.path, ['.'], {
    cwd: root,
    env: { ...process.env, PORTICO_SERVER_URL: serverUrl },
    stdio: 'inherit',
  });
  children.push(app);
  app.once('exit', stopAll);
} else {
  console.log(`Electron is not available here (${electron.missing}); serving the same UI through the browser host instead.`);
  const launchUrl = await run(
    'browser host',
    ['electron/browser-host/main.ts', '--server-url', serverUrl],
    {},
    /PORTICO_HOST_READY (\S+)/,
  );
  console.log(
    `\nOpen Portico in a browser: ${launchUrl}\n(Sign in with a demo account, e.g. zhang.wei / portico-demo. Ctrl+C stops everything.)`,
  );
}
