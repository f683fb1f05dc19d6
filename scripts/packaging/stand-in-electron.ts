/**
 * An Electron distribution folder for electron-builder's `dir` target on a machine that cannot
 * download Electron. The executable carries Electron's fuse wire (sentinel, version 1, 8 fuses at
 * Electron's defaults) so the fuses step runs for real; for Windows it is a real PE file with a
 * version resource (Wine's hostname.exe, stripped, its description set), so electron-builder's
 * asar-integrity resource edit runs for real too. On a release machine the real Electron is used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as ResEdit from 'resedit';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE = `${FUSE_SENTINEL}\u0001\u000810110001`;
const WINE_PE = '/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/hostname.exe';

function windowsExecutable(work: string): Buffer {
  if (!existsSync(WINE_PE)) throw new Error(`no PE file to stand in for electron.exe: install Wine (apt-get install wine)`);
  const stripped = path.join(work, 'stand-in.exe');
  execFileSync('strip', ['-s', WINE_PE, '-o', stripped]);
  const exe = ResEdit.NtExecutable.from(readFileSync(stripped));
  const resources = ResEdit.NtExecutableResource.from(exe);
  const version = ResEdit.Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setStringValues(
    { lang: 1033, codepage: 1200 },
    { ProductName: 'Portico', FileDescription: 'Stand-in for the Electron shell (packaging tests only)' },
  );
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  return Buffer.concat([Buffer.from(exe.generate()), Buffer.from(FUSE_WIRE, 'latin1')]);
}

/** Makes `<work>/electron-dist` for the platform and returns its path. */
export function makeStandInElectron(work: string, platform: 'linux' | 'win32', electronVersion: string): string {
  const dist = path.join(work, 'electron-dist');
  mkdirSync(path.join(dist, 'resources'), { recursive: true });
  if (platform === 'win32') writeFileSync(path.join(dist, 'electron.exe'), windowsExecutable(work));
  else writeFileSync(path.join(dist, 'electron'), `#!/bin/sh\n# stand-in Electron\n${FUSE_WIRE}\n`, { mode: 0o755 });
  writeFileSync(path.join(dist, 'version'), electronVersion);
  return dist;
}
