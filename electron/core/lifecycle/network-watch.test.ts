import { describe, expect, it } from 'vitest';
import { readNetwork, watchNetwork } from './network-watch.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watching this machine's network", () => {
  it('calls back once per change, never for the first reading or an unchanged one', async () => {
    const readings = [
      'wlan0/10.0.0.5|wlan0=up',
      'wlan0/10.0.0.5|wlan0=up',
      'eth0/10.1.0.7|eth0=up,wlan0=down',
      'eth0/10.1.0.7|eth0=up,wlan0=down',
    ];
    let i = 0;
    let changes = 0;
    const stop = watchNetwork(() => changes++, {
      intervalMs: 10,
      read: async () => readings[Math.min(i++, readings.length - 1)]!,
    });
    await sleep(120);
    stop();
    expect(changes).toBe(1);
  });

  it("reads this machine's addresses and carriers", async () => {
    const reading = await readNetwork();
    expect(reading).toContain('|');
    if (process.platform === 'linux') expect(reading).toMatch(/lo=/);
  });
});
