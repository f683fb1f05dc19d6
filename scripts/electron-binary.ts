import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary is, without requiring the `electron` package (its index downloads the
 * binary on require, which fails on machines without internet).
 */
export function findElectronBinary(root: string): { path: string } | { missing: string } {
  const pkg = path.join(root, 'node_modules/electron');
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed (run npm install)' };
  const pathFile = path.join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile))
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is absent)' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = override ? path.join(override, relative) : path.join(pkg, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is missing at ${binary}` };
}
