import type { BenchEvent, PorticoBenchClient } from './portico-client.ts';
import { wallNow } from './portico-client.ts';
import type { WorkerCommand, WorkerReport } from './worker-protocol.ts';

type ChatCommand = Extract<WorkerCommand, { op: 'chat' }>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Groups of this worker's clients talk: each group creates its conversation, then one member after
 * another sends a message every interval. Latency is send → arrival at each other member; every
 * acknowledged message must reach every other member exactly once.
 */
export async function runChat(clients: PorticoBenchClient[], c: ChatCommand): Promise<Partial<WorkerReport>> {
  const sentAt = new Map<string, number>();
  const received = new Map<PorticoBenchClient, Set<string>>();
  const samples: number[] = [];
  const errorKinds: Record<string, number> = {};
  let duplicated = 0;
  let expected = 0;
  const fail = (code: string | undefined) => (errorKinds[code ?? 'unknown'] = (errorKinds[code ?? 'unknown'] ?? 0) + 1);

  const previous = new Map(clients.map((client) => [client, client.onEvent]));
  const listen = (client: PorticoBenchClient, event: BenchEvent) => {
    previous.get(client)?.(client, event);
    if (event.kind !== 'chat.message') return;
    const message = event.body['message'] as { senderId?: unknown; text?: unknown } | undefined;
    if (message?.senderId === client.userId || typeof message?.text !== 'string') return;
    const key = message.text.slice('bench '.length);
    let seen = received.get(client);
    if (!seen) received.set(client, (seen = new Set()));
    if (seen.has(key)) return void duplicated++;
    seen.add(key);
    const at = sentAt.get(key);
    if (at !== undefined) samples.push(wallNow() - at);
  };
  for (const client of clients) client.onEvent = listen;

  const groups: PorticoBenchClient[][] = [];
  for (let i = 0; i + c.groupSize <= clients.length; i += c.groupSize) groups.push(clients.slice(i, i + c.groupSize));
  const ids = await Promise.all(
    groups.map(async (members, g) => {
      const outcome = await members[0]!.request(
        'chat.create',
        { kind: 'group', title: `Bench ${process.pid}-${g}`, memberIds: members.slice(1).map((m) => m.userId) },
        true,
      );
      if (!outcome.ok) fail(outcome.code);
      return outcome.ok ? (outcome.result as { conversationId: string }).conversationId : null;
    }),
  );

  const ackSamples: number[] = [];
  let answered = 0;
  const endAt = wallNow() + c.durationMs;
  let sent = 0;
  await Promise.all(
    groups.map(async (members, g) => {
      const conversationId = ids[g];
      if (!conversationId) return;
      await sleep(Math.random() * c.intervalMs);
      const inFlight: Promise<void>[] = [];
      for (let k = 0; wallNow() < endAt; k++) {
        const key = `${process.pid}-${g}-${k}`;
        const sender = members[k % members.length]!;
        sentAt.set(key, wallNow());
        sent++;
        inFlight.push(
          sender
            .request(
              'chat.send',
              { conversationId, text: `bench ${key}`, mentions: [], replyToId: null, attachmentIds: [] },
              true,
            )
            .then((outcome) => {
              answered++;
              if (!outcome.ok) return void fail(outcome.code);
              ackSamples.push(outcome.ms);
              expected += members.length - 1;
            }),
        );
        await sleep(c.intervalMs);
      }
      // Answers still missing after the settle time count as errors below, instead of hanging the run.
      await Promise.race([Promise.all(inFlight), sleep(c.settleMs)]);
    }),
  );
  const delivered = () => [...received.values()].reduce((sum, set) => sum + set.size, 0);
  const settleBy = wallNow() + c.settleMs;
  while (delivered() < expected && wallNow() < settleBy) await sleep(50);
  for (const client of clients) client.onEvent = previous.get(client)!;
  return {
    samples,
    acks: ackSamples,
    count: sent,
    errors: Object.values(errorKinds).reduce((a, b) => a + b, 0) + (sent - answered),
    errorKinds: sent > answered ? { ...errorKinds, unanswered: sent - answered } : errorKinds,
    lost: expected - delivered(),
    duplicated,
  };
}
