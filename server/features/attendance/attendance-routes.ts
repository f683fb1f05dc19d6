import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { IsoMonth } from '../../../shared/domain/attendance/index.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import { EntityId } from '../../../shared/domain/ids.ts';
import { RequestedLanguage } from '../../../shared/domain/localized-text.ts';
import { HttpProblem, type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import { requireRole } from '../auth/require-role.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { AttendanceBook } from './attendance-book.ts';
import { departmentReport } from './attendance-report.ts';
import type { AttendanceService } from './attendance-service.ts';
import type { ClockStore } from './clock-store.ts';
import { reportCsv, reportXlsx } from './report-export.ts';
import type { RuleStore } from './rule-store.ts';

const ReportQuery = z.object({
  month: IsoMonth,
  department: EntityId.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: RequestedLanguage.default('en'),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function query<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new HttpProblem(400, 'invalid_request', z.prettifyError(parsed.error));
  return parsed.data;
}

/** HR and admins: rules, the month report with its exports, reviews and the audit trail. */
export function addAttendanceRoutes(
  routes: HttpRoutes,
  deps: {
    rules: RuleStore;
    book: AttendanceBook;
    clocks: ClockStore;
    service: AttendanceService;
    directory: DirectoryStore;
    clock: Clock;
    authenticate: (req: IncomingMessage) => Promise<string>;
  },
): void {
  const hr = requireRole(deps.authenticate, deps.directory, ['hr', 'admin'], 'only HR and admins manage attendance');
  routes
    .add('GET', '/api/admin/attendance/rules', async (req, res) => {
      await hr(req);
      sendJson(res, 200, { rules: deps.rules.list() });
    })
    .add('PUT', '/api/admin/attendance/rules', async (req, res) => {
      const userId = await hr(req);
      const body = await readJson(req, z.unknown());
      const rule = deps.rules.save(body, deps.clock.now(), userId);
      sendJson(res, 200, { rule });
    })
    .add('DELETE', '/api/admin/attendance/rules/:departmentId', async (req, res, _url, params) => {
      await hr(req);
      if (!deps.rules.remove(params.departmentId!))
        throw new HttpProblem(404, 'not_found', 'that department has no rule of its own');
      sendJson(res, 200, { removed: params.departmentId });
    })
    .add('GET', '/api/admin/attendance/report', async (req, res, url) => {
      await hr(req);
      const q = query(url, ReportQuery);
      const report = departmentReport(deps, q.month, q.department ?? null, deps.clock.now());
      if (q.format === 'json') return sendJson(res, 200, report);
      const name = `attendance-${q.month}${q.department ? `-${q.department}` : ''}.${q.format}`;
      const body = q.format === 'csv' ? reportCsv(report, q.lang) : await reportXlsx(report, q.lang);
      res.writeHead(200, {
        'content-type': q.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
        'content-disposition': `attachment; filename="${name}"`,
        'content-length': body.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
    })
    .add('POST', '/api/admin/attendance/records/:id/review', async (req, res, _url, params) => {
      const userId = await hr(req);
      const { decision } = await readJson(req, z.object({ decision: z.enum(['accept', 'reject']) }));
      sendJson(res, 200, { record: deps.service.review(userId, params.id!, decision) });
    })
    .add('GET', '/api/admin/attendance/audit/:userId', async (req, res, _url, params) => {
      await hr(req);
      sendJson(res, 200, { entries: deps.clocks.auditOf(params.userId!) });
    });
}
