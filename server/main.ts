import { parseServerConfig, usage } from './config.ts';
import { DEMO_PASSWORD, demoUsers } from './demo/demo-organisation.ts';
import { startPorticoServer } from './app.ts';
import { describeFirstAdmin, ensureFirstAdmin } from './setup/first-admin.ts';

/** `npm run server`: the server alone. Flags and PORTICO_* variables are listed by --help. */
async function main(): Promise<void> {
  let config;
  try {
    config = parseServerConfig(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(usage);
    process.exit(2);
  }
  if (config === 'help') {
    console.log(usage);
    return;
  }
  const server = await startPorticoServer(config);
  const firstAdmin = await ensureFirstAdmin(
    { directory: server.services.directory, admin: server.services.directoryAdmin },
    config.initAdmin,
  );
  const advice = describeFirstAdmin(firstAdmin, config.dataDir);
  if (advice) console.log(advice);
  if (firstAdmin.kind === 'exists' && config.initAdmin)
    console.log(`--init-admin changed nothing: ${firstAdmin.admins} administrator(s) exist already.`);
  if (server.seededDemo) {
    console.log(
      [
        '',
        `Demo organisation created in ${config.dataDir}. Every demo account's password is: ${DEMO_PASSWORD}`,
        `  leaders: wang.fang (Sales), li.na (Finance), zhao.lei (Administration & HR)`,
        `  HR publisher: chen.jing   IT admin: huang.min   staff: ${demoUsers
          .filter((u) => u.roles.length === 1)
          .map((u) => u.username)
          .join(', ')}`,
        '',
      ].join('\n'),
    );
  }
  // A line scripts can wait for: the URL the server really listens on.
  console.log(`PORTICO_SERVER_READY ${server.url}`);
  const stop = (signal: string) => {
    server.logger.info({ signal }, 'shutting down');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error('portico server failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
