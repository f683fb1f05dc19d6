import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { type WorkerCommand, WorkerReply, type WorkerReport } from './worker-protocol.ts';

type Command = WorkerCommand extends infer C ? (C extends WorkerCommand ? Omit<C, 'id'> : never) : never;

/** The load generators: separate processes so the generator's JSON and sockets do not share the server's core. */
export class WorkerPool {
  private readonly workers: ChildProcess[] = [];
  private readonly waiting = new Map<number, { resolve: (r: WorkerReport) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      const child = fork(path.join(import.meta.dirname, 'load-worker.ts'), [], {
        env: { ...process.env, BENCH_WORKER_INDEX: String(i) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        // Room for 5,000 sockets and their buffers per generator.
        execArgv: ['--max-old-space-size=2048'],
      });
      child.on('message', (raw) => this.onReply(raw));
      child.on('exit', (code, signal) => {
        if (code === 0 || signal === 'SIGTERM') return;
        for (const { reject } of this.waiting.values()) reject(new Error(`load worker ${i} exited (${code ?? signal})`));
        this.waiting.clear();
      });
      this.workers.push(child);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one command to one worker. */
  ask(worker: number, command: Command): Promise<WorkerReport> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[worker]!.send({ ...command, id });
    });
  }

  /** The same command to every worker (or one built per worker), all answers. */
  all(command: Command | ((worker: number) => Command)): Promise<WorkerReport[]> {
    return Promise.all(this.workers.map((_, i) => this.ask(i, typeof command === 'function' ? command(i) : command)));
  }

  close(): void {
    for (const worker of this.workers) worker.kill('SIGTERM');
  }

  private onReply(raw: unknown): void {
    const parsed = WorkerReply.safeParse(raw);
    if (!parsed.success) throw new Error(`load worker sent a bad reply: ${parsed.error.message}`);
    const reply = parsed.data;
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.report);
    else waiter.reject(new Error(reply.error));
  }
}

/** Several workers' reports as one. */
export function merge(reports: readonly WorkerReport[]): WorkerReport {
  const errorKinds: Record<string, number> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.errorKinds)) errorKinds[k] = (errorKinds[k] ?? 0) + v;
  const sum = (pick: (r: WorkerReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  return {
    samples: reports.flatMap((r) => r.samples),
    arrivals: reports.flatMap((r) => r.arrivals),
    acks: reports.flatMap((r) => r.acks),
    errors: sum((r) => r.errors),
    errorKinds,
    lost: sum((r) => r.lost),
    duplicated: sum((r) => r.duplicated),
    count: sum((r) => r.count),
    frameBytes: Math.max(0, ...reports.map((r) => r.frameBytes)),
    lastAt: Math.max(0, ...reports.map((r) => r.lastAt)),
    loopP99Ms: Math.max(0, ...reports.map((r) => r.loopP99Ms)),
  };
}
