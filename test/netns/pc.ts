/**
 * One office PC: the real desktop core (as the browser host runs it), signed in, reporting on
 * stdout, one JSON line each, its connection state and every notice the moment its cache has it.
 * `node test/netns/pc.ts <server url> <username> <data dir>`, run inside a namespace.
 */
import { testCore } from '../integration/harness.ts';

const [serverUrl, username, dataDir] = process.argv.slice(2) as [string, string, string];
const say = (line: object) => process.stdout.write(`${JSON.stringify({ ...line, at: Date.now() })}\n`);

const core = testCore(dataDir, serverUrl);
const signedIn = await core.handlers['session.signIn']({ serverUrl, username, password: 'portico-demo' });
if (!signedIn.ok) {
  say({ type: 'failed', error: signedIn.error });
  process.exit(1);
}
const seen = new Set<string>();
let state = '';
setInterval(() => {
  void (async () => {
    const connection = await core.handlers['connection.get']({});
    if (connection.state !== state) say({ type: 'state', state: (state = connection.state) });
    for (const notice of await core.handlers['notices.list']({ filter: 'all', query: '' })) {
      if (seen.has(notice.id)) continue;
      seen.add(notice.id);
      say({ type: 'notice', title: notice.title });
    }
  })();
}, 50);
