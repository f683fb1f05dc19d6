// Runs a command with Node 24+ first on PATH. Plain JavaScript, so the machine's older Node can run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tools = path.join(root, '.tools', 'node_modules', 'node', 'bin');
const env = { ...process.env };
if (Number(process.versions.node.split('.')[0]) < 24) {
  if (!existsSync(tools)) {
    console.error(
      `Portico needs Node 24 or newer (this is ${process.version}). Run "npm run setup" first: it fetches Node 24 from the npm registry into .tools/.`,
    );
    process.exit(1);
  }
  env.PATH = `${tools}${path.delimiter}${env.PATH}`;
}
const result = spawnSync(process.argv.slice(2).join(' '), { stdio: 'inherit', shell: true, env, cwd: root });
process.exit(result.status ?? 1);
