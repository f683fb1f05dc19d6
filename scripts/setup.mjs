// `npm run setup`: Node 24 into .tools/ when the machine's is older, then `npm ci` with it.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const toolsDir = path.join(root, '.tools');
const bin = path.join(toolsDir, 'node_modules', 'node', 'bin');
const env = { ...process.env };
if (Number(process.versions.node.split('.')[0]) < 24) {
  if (!existsSync(path.join(bin, process.platform === 'win32' ? 'node.exe' : 'node'))) {
    console.log(`Node ${process.version} is older than 24: installing node@24 into .tools/ …`);
    mkdirSync(toolsDir, { recursive: true });
    writeFileSync(path.join(toolsDir, 'package.json'), '{"private":true}\n');
    execSync('npm install --no-audit --no-fund --loglevel=error node@24', { cwd: toolsDir, stdio: 'inherit' });
  }
  env.PATH = `${bin}${path.delimiter}${env.PATH}`;
}
execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit', env });
console.log('\nReady. Next: npm start   (tests: npm test)');
