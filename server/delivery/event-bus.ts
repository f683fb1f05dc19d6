import type { UserEvent } from '../../shared/protocol/events.ts';
import type { Signal } from '../../shared/protocol/signals.ts';

export interface AppendedEvent {
  userId: string;
  seq: number;
  at: number;
  event: UserEvent;
  /** `event` as stored (JSON): one serialisation serves every recipient of a fan-out. */
  json: string;
}

export type BusListener = (events: readonly AppendedEvent[]) => void;

/** A moment's state for some users' open sockets (typing); best effort, never stored. */
export interface SignalEnvelope {
  userIds: readonly string[];
  signal: Signal;
}
export type SignalListener = (envelope: SignalEnvelope) => void;

/**
 * Fan-out of committed events to whichever gateway holds the user's sockets. In one process it is
 * a function call; across nodes it is Redis pub/sub or NATS, with the same contract: delivery may
 * be late or repeated, never ahead of the commit (the gateway fills gaps from the log).
 */
export interface EventBus {
  publish(events: readonly AppendedEvent[]): void;
  subscribe(listener: BusListener): () => void;
  /** Signals ride the same fan-out (a Redis channel of their own across nodes); lost ones are not replayed. */
  signal(envelope: SignalEnvelope): void;
  onSignal(listener: SignalListener): () => void;
}

export class InProcessBus implements EventBus {
  private readonly listeners = new Set<BusListener>();
  private readonly signalListeners = new Set<SignalListener>();

  publish(events: readonly AppendedEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signal(envelope: SignalEnvelope): void {
    for (const listener of this.signalListeners) listener(envelope);
  }

  onSignal(listener: SignalListener): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }
}
