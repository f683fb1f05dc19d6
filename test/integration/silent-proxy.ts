import net from 'node:net';

/**
 * A TCP relay that can go silent: while silent, bytes in either direction vanish and new
 * connections are accepted but never relayed, as on a path whose packets are dropped (the kernel
 * on each side still believes the connection is up). Counts the connections it accepted.
 */
export async function silentProxy(target: () => number): Promise<{
  port: number;
  connections: () => number;
  silence: (on: boolean) => void;
  close: () => Promise<void>;
}> {
  let silent = false;
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    accepted++;
    const upstream = net.connect(target(), '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => {
        if (!silent) to.write(chunk);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => accepted,
    silence: (on) => (silent = on),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
