import { existsSync } from 'node:fs';

/** Debian's Chromium, never a downloaded browser (PORTICO_CHROMIUM names another). */
const path = process.env.PORTICO_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumPath: string | undefined = existsSync(path) ? path : undefined;

/** Flags that keep the browser off the closed network and quiet on a machine without a GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
