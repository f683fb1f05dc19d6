import { readFile, readdir } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';

/**
 * A cheap watch of this machine's network: the addresses of its interfaces and, on Linux, each
 * link's carrier. A change (Wi-Fi to cable, a VPN up or down, a cable plugged back in, an address
 * from DHCP) means the socket's path may be gone or back: `onChange` nudges the sync client.
 * Electron adds the OS's own signals (resume, unlock, the page's online/offline); the browser
 * host has only this and the page's events.
 */
export type NetworkReader = () => Promise<string>;

async function linuxCarriers(): Promise<string> {
  try {
    const names = await readdir('/sys/class/net');
    const states = await Promise.all(
      names.map(
        async (name) => `${name}=${(await readFile(`/sys/class/net/${name}/operstate`, 'utf8').catch(() => '?')).trim()}`,
      ),
    );
    return states.sort().join(',');
  } catch {
    return '';
  }
}

export const readNetwork: NetworkReader = async () => {
  const addresses = Object.entries(networkInterfaces())
    .flatMap(([name, entries]) => (entries ?? []).filter((e) => !e.internal).map((e) => `${name}/${e.address}`))
    .sort()
    .join(',');
  return `${addresses}|${process.platform === 'linux' ? await linuxCarriers() : ''}`;
};

export function watchNetwork(onChange: () => void, options: { intervalMs?: number; read?: NetworkReader } = {}): () => void {
  const read = options.read ?? readNetwork;
  let last: string | null = null;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void read()
      .then((now) => {
        if (last !== null && now !== last) onChange();
        last = now;
      })
      .finally(() => (busy = false));
  }, options.intervalMs ?? 2_000);
  timer.unref();
  return () => clearInterval(timer);
}
