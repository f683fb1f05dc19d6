import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus series, through prom-client (the client Prometheus' own docs list for
 * Node): histograms, not summaries, so latencies from several nodes add up with `sum by (le)`.
 *
 * Each server has its own registry (tests run many in one process); the process's own series (CPU,
 * memory, heap, GC, handles) are one per process, so they live in one shared registry that every
 * server's scrape appends.
 */

/** Seconds, for work a person waits on: 1 ms to 10 s. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds, for a notice's delivery to everyone it is for: 10 ms to 5 min. */
const FANOUT_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
/** Seconds a timer ran late: 1 ms (nothing) to 5 s (a frozen server). */
export const LOOP_DELAY_BUCKETS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5];

let processRegistry: Registry | null = null;
function processSeries(): Registry {
  if (processRegistry === null) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Live figures the scrape reads at that moment (sockets, buffers, disk). */
export interface MetricSources {
  sockets: () => number;
  bufferedBytes: () => number;
  dataFreeBytes: () => number;
  /** Actions waiting in the outboxes of connected clients, as each reported at its last resume. */
  clientOutbox: () => { total: number; worst: number };
}

export class ServerMetrics {
  readonly registry = new Registry();
  private sources: MetricSources | null = null;
  private readonly registers = [this.registry];

  readonly httpRequestSeconds = new Histogram({
    name: 'portico_http_request_duration_seconds',
    help: 'HTTP requests from the first byte to the last byte of the answer, by route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers: this.registers,
  });
  readonly methodSeconds = new Histogram({
    name: 'portico_method_duration_seconds',
    help: 'Socket methods from the parsed request to the answer, by method and outcome (ok or the error code).',
    labelNames: ['method', 'outcome'] as const,
    buckets: REQUEST_BUCKETS,
    registers: this.registers,
  });
  readonly refusals = new Counter({
    name: 'portico_refusals_total',
    help: 'Requests refused, by where they came (http or socket) and the error code they were answered with.',
    labelNames: ['via', 'code'] as const,
    registers: this.registers,
  });
  readonly rateLimited = new Counter({
    name: 'portico_rate_limited_total',
    help: 'Requests and frames refused for coming too fast (HTTP 429 and socket rate_limited), by limiter.',
    labelNames: ['limiter'] as const,
    registers: this.registers,
  });
  /** Counted in plain numbers (a notice to 10,000 people is 10,000 deliveries) and read at the scrape. */
  private readonly deliveries = { live: 0, replay: 0 };
  private readonly deliveredSeries = new Counter({
    name: 'portico_events_delivered_total',
    help: 'Events written to sockets: live as they happen, or replayed from the log on a resume.',
    labelNames: ['mode'] as const,
    registers: this.registers,
    collect: () => {
      this.deliveredSeries.reset();
      this.deliveredSeries.inc({ mode: 'live' }, this.deliveries.live);
      this.deliveredSeries.inc({ mode: 'replay' }, this.deliveries.replay);
    },
  });
  readonly resyncs = new Counter({
    name: 'portico_resyncs_total',
    help: 'Resumes answered with a resync (the client takes a snapshot), by reason.',
    labelNames: ['reason'] as const,
    registers: this.registers,
  });
  readonly callbacksFailed = new Counter({
    name: 'portico_callbacks_failed_total',
    help: 'Integration callbacks that failed: retried later, or abandoned after the last attempt.',
    labelNames: ['outcome'] as const,
    registers: this.registers,
  });
  readonly fanoutSeconds = new Histogram({
    name: 'portico_notice_fanout_duration_seconds',
    help: 'From a notice being published (or edited, or withdrawn) to its event being in every recipient’s log.',
    buckets: FANOUT_BUCKETS,
    registers: this.registers,
  });
  readonly loopDelaySeconds = new Histogram({
    name: 'portico_event_loop_delay_seconds',
    help: 'How late a 20 ms timer ran: what every request waited on top of its own work.',
    buckets: LOOP_DELAY_BUCKETS,
    registers: this.registers,
  });
  readonly socketsCutSlow = new Counter({
    name: 'portico_sockets_cut_slow_total',
    help: 'Live sockets cut for reading too slowly (they resume from the log).',
    registers: this.registers,
  });
  readonly socketsRefused = new Counter({
    name: 'portico_sockets_refused_total',
    help: 'Socket upgrades refused for too many sockets, per user or per address.',
    labelNames: ['reason'] as const,
    registers: this.registers,
  });

  private tlsExpiry: Gauge | null = null;

  constructor(limits: { liveBufferLimitBytes: number; socketsPerUser: number }) {
    const sourcesNow = () => this.sources;
    const gauge = (name: string, help: string, read: (sources: MetricSources) => number) =>
      new Gauge({
        name,
        help,
        registers: this.registers,
        // Called with the gauge as `this` at every scrape.
        collect() {
          const sources = sourcesNow();
          if (sources) this.set(read(sources));
        },
      });
    gauge('portico_sockets', 'Open, signed-in sockets on this node.', (s) => s.sockets());
    gauge('portico_socket_buffered_bytes', 'Bytes waiting in send buffers now (slow readers).', (s) => s.bufferedBytes());
    gauge('portico_data_free_bytes', 'Free bytes on the data folder’s file system.', (s) => s.dataFreeBytes());
    gauge(
      'portico_client_outbox_actions',
      'Actions queued offline on connected PCs, as they reported at resume.',
      (s) => s.clientOutbox().total,
    );
    gauge('portico_client_outbox_worst_actions', 'The longest outbox among connected PCs.', (s) => s.clientOutbox().worst);
    new Gauge({
      name: 'portico_socket_live_buffer_limit_bytes',
      help: 'A live socket with more unsent bytes than this is cut (it resumes).',
      registers: this.registers,
    }).set(limits.liveBufferLimitBytes);
    new Gauge({
      name: 'portico_sockets_per_user_limit',
      help: 'Sockets one person may hold open at once.',
      registers: this.registers,
    }).set(limits.socketsPerUser);
  }

  /**
   * When the served certificate expires (Unix time). Registered only once the server serves TLS:
   * a 0 from a server behind a proxy would set off every "expires within 14 days" alert.
   */
  tlsLoaded(notAfterMs: number): void {
    this.tlsExpiry ??= new Gauge({
      name: 'portico_tls_certificate_expiry_seconds',
      help: 'When the certificate this server serves expires (Unix time).',
      registers: this.registers,
    });
    this.tlsExpiry.set(notAfterMs / 1000);
  }

  delivered(mode: 'live' | 'replay'): void {
    this.deliveries[mode] += 1;
  }

  /** Where the gauges read their live values (known once the gateway exists). */
  readFrom(sources: MetricSources): void {
    this.sources = sources;
  }

  /** Samples the event loop: a timer every 20 ms, and how late it fired. Stopped by the returned function. */
  sampleEventLoop(intervalMs = 20): () => void {
    let expected = performance.now() + intervalMs;
    // eslint-disable-next-line no-restricted-syntax -- a measurement: it writes nothing and cannot throw, and a guard's own delay would skew it
    const timer = setInterval(() => {
      const now = performance.now();
      this.loopDelaySeconds.observe(Math.max(0, now - expected) / 1000);
      expected = now + intervalMs;
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** The scrape: this server's series, then the process's. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processSeries().metrics()}`;
  }

  readonly contentType = this.registry.contentType;
}
