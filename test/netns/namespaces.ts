/**
 * Office PCs on their own network stacks: Linux network namespaces joined to this machine by veth
 * pairs, made by the test (as root, with iproute2) and removed after it. Addresses live only on
 * the test's own interfaces (10.210.0.0/16); the server listens on a "hub" address that every
 * namespace routes to through its own veth, so a fault on one PC's link touches no other.
 */
import { execFileSync } from 'node:child_process';

export const HUB_ADDRESS = '10.210.255.1';
const PREFIX = 'ptc';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
const quietly = (run: () => unknown) => {
  try {
    run();
  } catch {
    /* already gone */
  }
};

export interface PcNetwork {
  name: string;
  pcAddress: string;
  /** The cable pulled at the switch: the PC's link loses its carrier. */
  linkDown(): void;
  linkUp(): void;
  /** Packets to the PC vanish on the way (a firewall or a broken path dropping them silently). */
  drop(): void;
  restore(): void;
  /** `ip netns exec <name> <command…>` */
  command(args: readonly string[]): string[];
}

/** Whether this process may make namespaces (root with iproute2); the reason when not. */
export function namespacesUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'network namespaces need root (the CI machine runs as root)';
  try {
    ip('netns', 'list');
    return null;
  } catch (error) {
    return `ip netns does not work here: ${(error as Error).message}`;
  }
}

export function removeAll(): void {
  for (const line of execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n')) {
    const name = line.split(' ')[0];
    if (name?.startsWith(PREFIX)) quietly(() => ip('netns', 'del', name));
  }
  quietly(() => ip('addr', 'del', `${HUB_ADDRESS}/32`, 'dev', 'lo'));
  for (let i = 0; i < 64; i++) quietly(() => ip('route', 'del', 'blackhole', `10.210.${i}.2/32`));
}

/** The server's address: on this machine's loopback (no dummy interfaces in every kernel), removed after. */
export function createHub(): void {
  ip('addr', 'add', `${HUB_ADDRESS}/32`, 'dev', 'lo');
}

export function createPcNetwork(index: number): PcNetwork {
  const name = `${PREFIX}${index}`;
  const hostSide = `${PREFIX}${index}h`;
  const pcSide = `${PREFIX}${index}n`;
  const hostAddress = `10.210.${index}.1`;
  const pcAddress = `10.210.${index}.2`;
  ip('netns', 'add', name);
  ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', pcSide);
  ip('link', 'set', pcSide, 'netns', name);
  ip('addr', 'add', `${hostAddress}/30`, 'dev', hostSide);
  ip('link', 'set', hostSide, 'up');
  const inside = (...args: string[]) => ip('netns', 'exec', name, 'ip', ...args);
  inside('addr', 'add', `${pcAddress}/30`, 'dev', pcSide);
  inside('link', 'set', pcSide, 'up');
  inside('link', 'set', 'lo', 'up');
  inside('route', 'add', `${HUB_ADDRESS}/32`, 'via', hostAddress);
  return {
    name,
    pcAddress,
    linkDown: () => ip('link', 'set', hostSide, 'down'),
    linkUp: () => ip('link', 'set', hostSide, 'up'),
    drop: () => ip('route', 'add', 'blackhole', `${pcAddress}/32`),
    restore: () => ip('route', 'del', 'blackhole', `${pcAddress}/32`),
    command: (args) => ['netns', 'exec', name, ...args],
  };
}
