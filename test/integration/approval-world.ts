import { DateTime } from 'luxon';
import Database from 'better-sqlite3';
import path from 'node:path';
import { ManualClock } from '../../shared/domain/clock.ts';
import type { ApprovalTemplate } from '../../shared/domain/approvals/template.ts';
import type { UserEvent } from '../../shared/protocol/events.ts';
import { demoUsers } from '../../server/demo/demo-organisation.ts';
import { DomainError } from '../../server/features/domain-error.ts';
import { startTestServer } from './harness.ts';

/** Monday 23 Nov 2026, 10:00 in Shanghai: inside working hours. */
export const MONDAY_10 = DateTime.fromISO('2026-11-23T10:00', { zone: 'Asia/Shanghai' }).toMillis();
export const HOUR = 3600_000;

export const id = (username: string): string => {
  const user = demoUsers.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.id;
};

function workdaysFrom(start: string, days: number) {
  let date = DateTime.fromISO(start, { zone: 'UTC' });
  for (let left = Math.ceil(days) - 1; left > 0;) {
    date = date.plus({ days: 1 });
    if (date.weekday <= 5) left -= 1;
  }
  return { start, startHalf: 'am', end: date.toISODate()!, endHalf: Number.isInteger(days) ? 'pm' : 'am' };
}

/** The DomainError an action throws; fails the test when it throws nothing or something else. */
export function refusal(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A real server on a temporary SQLite file with the demo office, driven by a manual clock. */
export async function approvalWorld(start = MONDAY_10) {
  const clock = new ManualClock(start);
  const server = await startTestServer({}, { clock });
  const { approvals, log, gate } = server.services;
  const db = new Database(path.join(server.dataDir, 'portico.sqlite'));
  const inbox = (username: string) => approvals.tasks.pendingFor(id(username));
  const events = (username: string, kind?: UserEvent['kind']): UserEvent[] =>
    log
      .readAfter(id(username), 0, 100_000)
      .map((e) => e.event)
      .filter((e) => !kind || e.kind === kind);
  /** Row counts of every table an approval action may touch: equal before and after means nothing was written. */
  const footprint = () =>
    Object.fromEntries(
      [
        'approval_requests',
        'approval_steps',
        'approval_tasks',
        'approval_history',
        'events',
        'attachments',
        'callback_deliveries',
        'out_of_office',
      ].map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]),
    );
  const taskState = () => db.prepare('SELECT id, status, outcome, assignee_id FROM approval_tasks ORDER BY id').all();
  const saveTemplate = (template: ApprovalTemplate) => approvals.templates.save(template, clock.now(), id('huang.min'));
  /** A leave from Tuesday 1 December that takes `days` working days (weekends skipped, a .5 ends at lunch). */
  const leave = (days: number, reason = 'Family visit') => ({
    templateKey: 'leave',
    values: { leaveType: 'annual', ...workdaysFrom('2026-12-01', days), days, reason },
    attachmentIds: [],
  });
  const expense = (amount: number) => ({
    templateKey: 'expense',
    values: { category: 'travel', amount, purpose: 'Train tickets', details: null },
    attachmentIds: [],
  });
  /** Changes the organisation as an HR tool writing to the same database would. */
  const sql = (statement: string, ...params: unknown[]) => db.prepare(statement).run(...params);
  return {
    sql,
    clock,
    server,
    svc: approvals.service,
    ooo: approvals.outOfOffice,
    sweeper: approvals.sweeper,
    approvals,
    gate,
    inbox,
    events,
    footprint,
    taskState,
    saveTemplate,
    leave,
    expense,
    async close() {
      db.close();
      await server.close();
    },
  };
}
export type ApprovalWorld = Awaited<ReturnType<typeof approvalWorld>>;
