import { spawn } from 'node:child_process';
import path from 'node:path';

/** Type-checks every room with its own tsconfig: each offers only the globals its process has. */
export const rooms = [
  'shared/tsconfig.json',
  'server/tsconfig.json',
  'electron/core/tsconfig.json',
  'electron/browser-host/tsconfig.json',
  'electron/main/tsconfig.json',
  'renderer/tsconfig.json',
  'test/tsconfig.json',
  'tsconfig.json',
];

const root = path.resolve(import.meta.dirname, '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

function check(project: string): Promise<{ project: string; ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { cwd: root });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ project, ok: code === 0, output }));
  });
}

if (import.meta.main) {
  const results: { project: string; ok: boolean; output: string }[] = [];
  // Two at a time: the machine has two cores.
  for (let i = 0; i < rooms.length; i += 2) results.push(...(await Promise.all(rooms.slice(i, i + 2).map(check))));
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.project}${r.ok ? '' : `\n${r.output}`}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
