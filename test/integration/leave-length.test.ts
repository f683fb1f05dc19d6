import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAttendanceRule } from '../../shared/domain/attendance/index.ts';
import { builtinTemplates } from '../../server/features/approvals/builtin-templates.ts';
import { TemplateStore } from '../../server/features/approvals/template-store.ts';
import { type ApprovalWorld, approvalWorld, id, refusal } from './approval-world.ts';

let w: ApprovalWorld;
beforeEach(async () => {
  w = await approvalWorld();
});
afterEach(async () => {
  await w.close();
});

const leave = (values: Record<string, string | number>) => ({
  templateKey: 'leave',
  values: { leaveType: 'annual', reason: 'Trip home', ...values },
  attachmentIds: [],
});
const stored = (requestId: string) => w.svc.detail(id('zhang.wei'), requestId);
const hrStep = (requestId: string) => stored(requestId).chain.find((step) => step.name.en === 'HR')!.status;

describe('a leave is counted by the server on the requester’s calendar', () => {
  it('refuses 7–18 December declared as one day, saying it is 10 working days, and writes nothing', () => {
    const before = w.footprint();
    const error = refusal(() => w.svc.submit(id('zhang.wei'), leave({ start: '2026-12-07', end: '2026-12-18', days: 1 })));
    expect(error.code).toBe('invalid_params');
    expect(error.issues).toEqual([{ field: 'days', code: 'not_computed', limit: 10 }]);
    expect(error.message).toMatch(/is 10 working days on your calendar, not 1/);
    expect(w.footprint()).toEqual(before);
  });

  it('stores the computed length and routes on it: ten days go on to HR', () => {
    const { requestId } = w.svc.submit(id('zhang.wei'), leave({ start: '2026-12-07', end: '2026-12-18' }));
    expect(hrStep(requestId)).toBe('waiting');
    const days = stored(requestId).values.days;
    expect(days).toBe(10);
  });

  it('counts half days: from Monday after lunch to Tuesday lunch is one day, and stays with the manager', () => {
    const { requestId } = w.svc.submit(
      id('zhang.wei'),
      leave({ start: '2026-12-07', startHalf: 'pm', end: '2026-12-08', endHalf: 'am', days: 1 }),
    );
    expect(hrStep(requestId)).toBe('skipped');
    const friday = w.svc.submit(id('zhang.wei'), leave({ start: '2026-12-11', end: '2026-12-11', endHalf: 'am' }));
    expect(stored(friday.requestId).values.days).toBe(0.5);
  });

  it('refuses a leave with no working time in it: a weekend, or an afternoon that ends the same morning', () => {
    expect(refusal(() => w.svc.submit(id('zhang.wei'), leave({ start: '2026-12-05', end: '2026-12-06' }))).issues).toEqual([
      { field: 'end', code: 'no_workdays' },
    ]);
    expect(
      refusal(() =>
        w.svc.submit(id('zhang.wei'), leave({ start: '2026-12-07', startHalf: 'pm', end: '2026-12-07', endHalf: 'am' })),
      ).issues,
    ).toEqual([{ field: 'end', code: 'no_workdays' }]);
    expect(refusal(() => w.svc.submit(id('zhang.wei'), leave({ start: '2026-01-01', end: '2027-06-30' }))).issues).toEqual([
      { field: 'end', code: 'too_long_span', limit: 366 },
    ]);
  });

  it('uses the requester’s own department rule: its holidays cost nothing, its make-up Saturday costs a day', () => {
    const rules = w.server.services.attendance.rules;
    rules.save(
      {
        ...defaultAttendanceRule('Asia/Shanghai'),
        departmentId: 'd_sales',
        holidays: ['2026-12-09'],
        extraWorkdays: ['2026-12-12'],
      },
      w.clock.now(),
      id('huang.min'),
    );
    const span = { start: '2026-12-07', end: '2026-12-13' };
    const sales = w.svc.submit(id('zhang.wei'), leave(span));
    expect(stored(sales.requestId).values.days).toBe(5); // Mon, Tue, Thu, Fri, Sat
    const finance = w.svc.submit(id('ma.lin'), leave(span));
    expect(w.svc.detail(id('ma.lin'), finance.requestId).values.days).toBe(5); // Mon–Fri
    expect(refusal(() => w.svc.submit(id('zhang.wei'), leave({ ...span, days: 4 }))).issues).toEqual([
      { field: 'days', code: 'not_computed', limit: 5 },
    ]);
  });

  it('previews the length and the approvers while the form is half filled, without writing', () => {
    const before = w.footprint();
    const preview = w.svc.preview(id('zhang.wei'), { templateKey: 'leave', values: { start: '2026-12-07', end: '2026-12-18' } });
    expect(preview.values.days).toBe(10);
    expect(preview.issues).toEqual([]);
    expect(preview.problem).toBeNull();
    expect(preview.chain.map((s) => [s.name.en, s.mode, s.skip, s.approvers.map((a) => a.name)])).toEqual([
      ['Manager', 'any', null, ['王芳']],
      ['HR', 'any', null, ['陈静']],
    ]);
    const short = w.svc.preview(id('zhang.wei'), { templateKey: 'leave', values: { start: '2026-12-07', end: '2026-12-07' } });
    expect(short.chain[1]!.skip).toBe('below_threshold');
    const weekend = w.svc.preview(id('zhang.wei'), { templateKey: 'leave', values: { start: '2026-12-05', end: '2026-12-06' } });
    expect(weekend.issues).toEqual([{ field: 'end', code: 'no_workdays' }]);
    expect(w.footprint()).toEqual(before);
  });
});

describe('built-in templates follow the release unless an admin edited them', () => {
  it('brings an untouched old leave form up to date, and leaves an edited one alone', () => {
    const db = new Database(path.join(w.server.dataDir, 'portico.sqlite'));
    try {
      const old = { ...builtinTemplates[0]!, fields: builtinTemplates[0]!.fields.filter((f) => !f.key.endsWith('Half')) };
      const store = new TemplateStore(db);
      store.save(old, w.clock.now(), null);
      const version = store.get('leave')!.version;
      store.seedBuiltins(w.clock.now());
      expect(store.get('leave')!.template.fields.map((f) => f.key)).toContain('startHalf');
      expect(store.get('leave')!.version).toBe(version + 1);

      store.save(old, w.clock.now(), id('huang.min'));
      store.seedBuiltins(w.clock.now());
      expect(store.get('leave')!.template.fields.map((f) => f.key)).not.toContain('startHalf');
    } finally {
      db.close();
    }
  });
});
