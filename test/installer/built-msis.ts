import path from 'node:path';
import { buildMsi, packWindowsApp } from '../../scripts/msi/build-msi.ts';

export interface TestMsis {
  v1: string;
  v2: string;
}

/** The app packed for Windows once, wrapped as version 0.1.0 and as 0.2.0 (for the upgrade). */
export function buildTestMsis(work: string): TestMsis {
  const appDir = packWindowsApp(work);
  return {
    v1: buildMsi({ appDir, version: '0.1.0', out: path.join(work, 'Portico-0.1.0-x64.msi') }).msi,
    v2: buildMsi({ appDir, version: '0.2.0', out: path.join(work, 'Portico-0.2.0-x64.msi') }).msi,
  };
}
