/**
 * `npm run pack:server [-- <folder>]`: the server as a package of its own, installable without the
 * desktop's packages (no React, no Electron, no Vite): `server/` and `shared/` without their tests,
 * a package.json whose dependencies are exactly the packages that code imports at run time (found
 * by reading its imports, at the versions installed here), the deployment files, and its own
 * `npm install --omit=dev`. The desktop still builds from the same repository; CI builds this
 * package and starts the server from it (test/integration/server-package.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Packages a source file loads at run time (`import type` is erased by Node and needs nothing). */
export function runtimeImports(source: string): string[] {
  const found = new Set<string>();
  const statement = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  const dynamic = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const pattern of [statement, dynamic])
    for (const match of source.matchAll(pattern)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  return [...found].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Tests and the contract suites they run (`*.contract.ts`, which import vitest) stay out of the package. */
const skipped = (file: string) => /\.(test|contract)\.ts$|[\\/]tsconfig\.json$|\.d\.ts$/.test(file);

export function packServer(
  out: string,
  options: { install: boolean } = { install: true },
): { dependencies: Record<string, string> } {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const folder of ['server', 'shared'])
    cpSync(path.join(root, folder), path.join(out, folder), { recursive: true, filter: (source) => !skipped(source) });
  cpSync(path.join(root, 'deploy'), path.join(out, 'deploy'), { recursive: true });

  const wanted = new Set<string>();
  for (const file of [...sourceFiles(path.join(out, 'server')), ...sourceFiles(path.join(out, 'shared'))])
    for (const name of runtimeImports(readFileSync(file, 'utf8'))) wanted.add(name);
  const dependencies: Record<string, string> = {};
  for (const name of [...wanted].sort()) {
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    };
    dependencies[name] = installed.version;
  }
  const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; engines: object };
  writeFileSync(
    path.join(out, 'package.json'),
    `${JSON.stringify(
      {
        name: 'portico-server',
        version: rootPackage.version,
        description: 'Portico server: the WebSocket backend of the tray app (approvals, notices, attendance, chat, launcher).',
        private: true,
        type: 'module',
        engines: rootPackage.engines,
        scripts: { start: 'node server/main.ts', admin: 'node server/admin.ts' },
        dependencies,
      },
      null,
      2,
    )}\n`,
  );
  if (options.install)
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: out, stdio: 'inherit' });
  return { dependencies };
}

if (import.meta.main) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'server-package'));
  const started = performance.now();
  const { dependencies } = packServer(out);
  console.log(
    `server package in ${path.relative(process.cwd(), out) || '.'} (${((performance.now() - started) / 1000).toFixed(0)} s): ` +
      Object.entries(dependencies)
        .map(([name, version]) => `${name}@${version}`)
        .join(', '),
  );
}
