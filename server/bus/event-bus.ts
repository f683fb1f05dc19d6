import type { UserEvent } from '../../shared/protocol/events.ts';

export interface AppendedEvent {
  userId: string;
  seq: number;
  at: number;
  event: UserEvent;
}

export type BusListener = (events: readonly AppendedEvent[]) => void;

/**
 * Fan-out of committed events to whichever gateway holds the user's sockets. In one process it is
 * a function call; across nodes it is Redis pub/sub or NATS, with the same contract: delivery may
 * be late or repeated, never ahead of the commit (the gateway fills gaps from the log).
 */
export interface EventBus {
  publish(events: readonly AppendedEvent[]): void;
  subscribe(listener: BusListener): () => void;
}

export class InProcessBus implements EventBus {
  private readonly listeners = new Set<BusListener>();

  publish(events: readonly AppendedEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
