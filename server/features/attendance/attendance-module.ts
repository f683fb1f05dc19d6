import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { HttpRoutes } from '../../gateway/http-kit.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../delivery/write-gate.ts';
import type { WorkflowHooks } from '../approvals/workflow-hooks.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { AttendanceBook } from './attendance-book.ts';
import { addAttendanceRoutes } from './attendance-routes.ts';
import { AttendanceService } from './attendance-service.ts';
import { ClockStore } from './clock-store.ts';
import { leaveLengthHook } from './leave-length.ts';
import { LeaveSource } from './leave-source.ts';
import { makeupHook } from './makeup-corrections.ts';
import { RuleStore } from './rule-store.ts';
import type { RequestStore } from '../approvals/request-store.ts';

export type Attendance = ReturnType<typeof createAttendance>;

/** Wires clocking, rules, the rules engine's reports and the make-up and leave-length workflow hooks. */
export function createAttendance(
  db: Db,
  deps: {
    gate: WriteGate;
    directory: DirectoryStore;
    clock: Clock;
    timeZone: string;
    hooks: WorkflowHooks;
    /** Approved leave, as the approvals workflow holds it. */
    requests: Pick<RequestStore, 'approvedLeave'>;
  },
) {
  const clocks = new ClockStore(db);
  const rules = new RuleStore(db, deps.timeZone);
  const book = new AttendanceBook({ clocks, rules, leaves: new LeaveSource(deps.requests), directory: deps.directory });
  const service = new AttendanceService({ gate: deps.gate, clocks, book, directory: deps.directory, clock: deps.clock });
  deps.hooks.add(makeupHook({ book, clocks, service }));
  deps.hooks.add(leaveLengthHook({ book }));
  return {
    service,
    rules,
    book,
    clocks,
    addRoutes(routes: HttpRoutes, authenticate: (req: IncomingMessage) => Promise<string>): void {
      addAttendanceRoutes(routes, { rules, book, clocks, service, directory: deps.directory, clock: deps.clock, authenticate });
    },
  };
}
