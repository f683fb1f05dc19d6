import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LogLevel } from '../shared/protocol/operations-api.ts';

export const ServerConfig = z.object({
  host: z.string().min(1),
  port: z.number().int().min(0).max(65_535),
  dataDir: z.string().min(1),
  demo: z.boolean(),
  allowedOrigins: z.array(z.string()),
  trustProxy: z.boolean(),
  retentionDays: z.number().positive(),
  accessTtlSeconds: z.number().int().min(1),
  heartbeatMs: z.number().int().min(100),
  logLevel: LogLevel,
  durability: z.enum(['normal', 'full']),
  /** The site's IANA time zone: working hours for reminders and escalation are counted on its clock. */
  timeZone: z.string().min(1),
  sweepIntervalMs: z.number().int().min(50),
  /** How often a publisher's live numbers are recomputed and pushed (changed ones only). */
  statsIntervalMs: z.number().int().min(50),
  callbackRetryMs: z.number().int().min(10),
  /** The address tools and browsers reach this server at (the `iss` of launch tickets); default: where it listens. */
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .nullable(),
  /** How long a single sign-on signing key signs before the next one takes over. */
  ssoKeyRotationDays: z.number().positive().max(365),
  /** A dropped socket keeps its user's presence this long, so a reconnect (sleep, Wi-Fi) does not flicker. */
  presenceGraceMs: z.number().int().min(0),
  /** How often time-driven presence changes (schedules, grace, leave) are looked at. */
  presenceTickMs: z.number().int().min(50),
  /** Bearer token for /metrics; without one, /metrics answers loopback clients only. */
  metricsToken: z.string().min(16).nullable(),
  /** Serve HTTPS and WSS with this certificate chain and key (PEM), reloaded when the files change. */
  tls: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).nullable(),
  /** How often the TLS files are looked at for a renewal. */
  tlsReloadMs: z.number().int().min(50),
  /** Create this first administrator when the organisation has none (password read from a file). */
  initAdmin: z.object({ username: z.string().min(2), passwordFile: z.string().min(1) }).nullable(),
});
export type ServerConfig = z.infer<typeof ServerConfig>;

export const defaultConfig: Omit<ServerConfig, 'dataDir'> = {
  host: '127.0.0.1',
  port: 8787,
  demo: false,
  allowedOrigins: [],
  trustProxy: false,
  retentionDays: 14,
  accessTtlSeconds: 900,
  heartbeatMs: 30_000,
  logLevel: 'info',
  durability: 'normal',
  timeZone: 'Asia/Shanghai',
  sweepIntervalMs: 30_000,
  statsIntervalMs: 1000,
  callbackRetryMs: 5000,
  publicUrl: null,
  ssoKeyRotationDays: 30,
  presenceGraceMs: 20_000,
  presenceTickMs: 10_000,
  metricsToken: null,
  tls: null,
  tlsReloadMs: 5000,
  initAdmin: null,
};

export const usage = `portico-server [options]
  --port <n>             port for HTTP and WebSocket (PORTICO_PORT, default 8787; 0 picks a free one)
  --host <addr>          address to listen on (PORTICO_HOST, default 127.0.0.1; 0.0.0.0 for the office network)
  --data <folder>        data folder for the database and keys (PORTICO_DATA, default ./.portico-data/server)
  --demo | --no-demo     seed the demo office (public passwords!) when the database is empty (PORTICO_DEMO, default off)
  --init-admin <name>    create the first administrator when there is none (with --admin-password-file)
  --admin-password-file <file>  the first administrator's password, read from a file (never the command line)
  --metrics-token-file <file>   a bearer token /metrics requires (PORTICO_METRICS_TOKEN); without one, loopback only
  --allowed-origin <o>   a browser Origin allowed to open the socket; repeatable (PORTICO_ALLOWED_ORIGINS, comma-separated)
  --retention-days <n>   how long the event log keeps events for resume (PORTICO_RETENTION_DAYS, default 14)
  --access-ttl <s>       access token lifetime in seconds (PORTICO_ACCESS_TTL, default 900)
  --log-level <level>    fatal|error|warn|info|debug|trace|silent (PORTICO_LOG_LEVEL, default info)
  --durability <mode>    normal (survives a killed process) | full (also a power cut) (PORTICO_DURABILITY)
  --time-zone <zone>     the site's IANA time zone for working hours (PORTICO_TIME_ZONE, default Asia/Shanghai)
  --public-url <url>     the address tools reach this server at; the issuer of launch tickets (PORTICO_PUBLIC_URL)
  --sso-key-days <n>     days a ticket-signing key signs before the next one takes over (PORTICO_SSO_KEY_DAYS, default 30)
  --tls-cert <file>      serve HTTPS/WSS with this PEM certificate chain (PORTICO_TLS_CERT; with --tls-key);
                         a renewed pair is picked up within seconds, without a restart
  --tls-key <file>       the certificate's private key, PEM (PORTICO_TLS_KEY)
  --trust-proxy          take the client address from X-Forwarded-For (behind a reverse proxy; PORTICO_TRUST_PROXY=1)
  --callback-retry <ms>  first retry delay for integration callbacks, doubling (PORTICO_CALLBACK_RETRY_MS, default 5000)
  --help`;

function initAdmin(username: string | undefined, passwordFile: string | undefined, cwd: string): ServerConfig['initAdmin'] {
  if (username === undefined && passwordFile === undefined) return null;
  if (username === undefined || passwordFile === undefined)
    throw new Error('--init-admin and --admin-password-file go together: the name, and a file holding the password');
  return { username, passwordFile: path.resolve(cwd, passwordFile) };
}

function tlsFiles(cert: string | undefined, key: string | undefined, cwd: string): ServerConfig['tls'] {
  if (cert === undefined && key === undefined) return null;
  if (cert === undefined || key === undefined)
    throw new Error('--tls-cert and --tls-key go together: the certificate chain, and its private key');
  return { certFile: path.resolve(cwd, cert), keyFile: path.resolve(cwd, key) };
}

const bool = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

/** Flags win over environment variables, which win over defaults; the result is validated. */
export function parseServerConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ServerConfig | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      'allowed-origin': { type: 'string', multiple: true },
      'retention-days': { type: 'string' },
      'access-ttl': { type: 'string' },
      'log-level': { type: 'string' },
      durability: { type: 'string' },
      'time-zone': { type: 'string' },
      'callback-retry': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'public-url': { type: 'string' },
      'sso-key-days': { type: 'string' },
      'init-admin': { type: 'string' },
      'admin-password-file': { type: 'string' },
      'metrics-token-file': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const demoFlag = values['no-demo'] ? false : values.demo ? true : undefined;
  const candidate = {
    host: values.host ?? env.PORTICO_HOST ?? defaultConfig.host,
    port: num(values.port ?? env.PORTICO_PORT) ?? defaultConfig.port,
    dataDir: path.resolve(cwd, values.data ?? env.PORTICO_DATA ?? '.portico-data/server'),
    demo: demoFlag ?? bool(env.PORTICO_DEMO) ?? defaultConfig.demo,
    trustProxy: values['trust-proxy'] ?? env.PORTICO_TRUST_PROXY === '1',
    allowedOrigins: values['allowed-origin'] ?? env.PORTICO_ALLOWED_ORIGINS?.split(',').filter(Boolean) ?? [],
    retentionDays: num(values['retention-days'] ?? env.PORTICO_RETENTION_DAYS) ?? defaultConfig.retentionDays,
    accessTtlSeconds: num(values['access-ttl'] ?? env.PORTICO_ACCESS_TTL) ?? defaultConfig.accessTtlSeconds,
    heartbeatMs: defaultConfig.heartbeatMs,
    logLevel: values['log-level'] ?? env.PORTICO_LOG_LEVEL ?? defaultConfig.logLevel,
    durability: values.durability ?? env.PORTICO_DURABILITY ?? defaultConfig.durability,
    timeZone: values['time-zone'] ?? env.PORTICO_TIME_ZONE ?? defaultConfig.timeZone,
    sweepIntervalMs: num(env.PORTICO_SWEEP_MS) ?? defaultConfig.sweepIntervalMs,
    statsIntervalMs: num(env.PORTICO_STATS_MS) ?? defaultConfig.statsIntervalMs,
    callbackRetryMs: num(values['callback-retry'] ?? env.PORTICO_CALLBACK_RETRY_MS) ?? defaultConfig.callbackRetryMs,
    publicUrl: values['public-url'] ?? env.PORTICO_PUBLIC_URL ?? defaultConfig.publicUrl,
    ssoKeyRotationDays: num(values['sso-key-days'] ?? env.PORTICO_SSO_KEY_DAYS) ?? defaultConfig.ssoKeyRotationDays,
    presenceGraceMs: num(env.PORTICO_PRESENCE_GRACE_MS) ?? defaultConfig.presenceGraceMs,
    presenceTickMs: num(env.PORTICO_PRESENCE_TICK_MS) ?? defaultConfig.presenceTickMs,
    metricsToken: values['metrics-token-file']
      ? readFileSync(path.resolve(cwd, values['metrics-token-file']), 'utf8').trim()
      : (env.PORTICO_METRICS_TOKEN ?? defaultConfig.metricsToken),
    initAdmin: initAdmin(values['init-admin'], values['admin-password-file'], cwd),
    tls: tlsFiles(values['tls-cert'] ?? env.PORTICO_TLS_CERT, values['tls-key'] ?? env.PORTICO_TLS_KEY, cwd),
    tlsReloadMs: num(env.PORTICO_TLS_RELOAD_MS) ?? defaultConfig.tlsReloadMs,
  };
  const parsed = ServerConfig.safeParse(candidate);
  if (!parsed.success) throw new Error(`invalid server configuration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
