import type { Clock } from '../../../shared/domain/clock.ts';
import { clientAddress } from '../../gateway/client-address.ts';
import { HttpProblem, readBytes, sendJson } from '../../gateway/http-kit.ts';
import { KeyedBuckets } from '../../gateway/token-bucket.ts';
import { defineFeature } from '../server-feature.ts';
import { type CrashReportStore } from './crash-report-store.ts';
import { MAX_UPLOAD_BYTES, readCrashUpload } from './crashpad-upload.ts';

/**
 * Crash reports from the desktop app: Electron's crash reporter (Crashpad) posts minidumps to
 * `/api/crash-reports`, without a session (a crashed app has none to give), so each address may
 * send a few and then one a minute; IT lists them and downloads the minidumps.
 */
export function crashesFeature(store: CrashReportStore, deps: { clock: Clock; trustProxy: boolean }) {
  const buckets = new KeyedBuckets(5, 1 / 60, 10_000);
  const admit = (address: string) => {
    const retryAfterMs = buckets.take(address);
    if (retryAfterMs !== null)
      throw new HttpProblem(429, 'rate_limited', 'too many crash reports from this address', { retryAfterMs });
  };
  return defineFeature({
    name: 'crashes',
    methods: {},
    addRoutes(routes, access) {
      const it = access.roles(['admin'], 'only admins read crash reports');
      routes
        .add('POST', '/api/crash-reports', async (req, res) => {
          const from = clientAddress(req, deps.trustProxy);
          admit(from);
          const upload = await readCrashUpload(req.headers, await readBytes(req, MAX_UPLOAD_BYTES));
          const { prod, ver, platform, process_type: processType, _productName, _version, ...rest } = upload.fields;
          const annotations = Object.fromEntries(
            Object.entries(rest)
              .filter(([key]) => !key.startsWith('_'))
              .slice(0, 32),
          );
          const report = store.save(
            {
              receivedAt: deps.clock.now(),
              product: (_productName ?? prod ?? 'unknown').slice(0, 100),
              version: (_version ?? ver ?? 'unknown').slice(0, 50),
              platform: (platform ?? 'unknown').slice(0, 50),
              processType: (processType ?? 'unknown').slice(0, 50),
              annotations,
              from,
            },
            upload.minidump,
          );
          // Crashpad reads the body as the report's id.
          res.writeHead(201, { 'content-type': 'text/plain; charset=utf-8' }).end(report.id);
        })
        .add('GET', '/api/admin/crash-reports', async (req, res) => {
          await it(req);
          sendJson(res, 200, { reports: store.list() });
        })
        .add('GET', '/api/admin/crash-reports/:id/minidump', async (req, res, _url, params) => {
          await it(req);
          const dump = store.minidump(params.id!);
          if (!dump) throw new HttpProblem(404, 'not_found', 'no such crash report');
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': dump.length,
            'content-disposition': `attachment; filename="${params.id}.dmp"`,
            'x-content-type-options': 'nosniff',
            'cache-control': 'private, no-store',
          });
          res.end(dump);
        });
    },
  });
}
