import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { HttpRoutes } from '../../gateway/http-kit.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { addLauncherRoutes } from './launcher-routes.ts';
import { LauncherService } from './launcher-service.ts';
import { SsoKeyRing } from './sso-key-ring.ts';
import { SsoKeyStore } from './sso-key-store.ts';
import { SsoTicketStore } from './sso-ticket-store.ts';
import { TicketIssuer } from './ticket-issuer.ts';
import { ToolStore } from './tool-store.ts';

export type Launcher = Awaited<ReturnType<typeof createLauncher>>;

/** Wires the tool catalog, favourites and launches, and single sign-on (keys and tickets). */
export async function createLauncher(
  db: Db,
  deps: {
    gate: WriteGate;
    directory: DirectoryStore;
    clock: Clock;
    /** The `iss` of every ticket: the server's public address. */
    issuer: () => string;
    keyRotationMs: number;
  },
) {
  const { gate, directory, clock } = deps;
  const tools = new ToolStore(db);
  const keys = new SsoKeyRing({ keys: new SsoKeyStore(db), gate, clock, rotationMs: deps.keyRotationMs });
  await keys.ensure();
  const service = new LauncherService({ gate, tools, directory, clock });
  const tickets = new TicketIssuer({
    ...{ gate, keys, tools, directory, clock },
    tickets: new SsoTicketStore(db),
    issuer: deps.issuer,
  });
  return {
    service,
    tools,
    keys,
    tickets,
    addRoutes(
      routes: HttpRoutes,
      authenticate: (req: IncomingMessage) => Promise<string>,
      authenticateAdmin: (req: IncomingMessage) => Promise<string>,
    ): void {
      addLauncherRoutes(routes, { launcher: service, tickets, keys, authenticate, authenticateAdmin });
    },
    /** On the sweep timer: rotates the signing key when due, forgets old tickets. */
    async tick(): Promise<void> {
      await keys.tick();
      await tickets.prune();
    },
  };
}
