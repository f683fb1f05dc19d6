import {
  type AttendanceRule,
  AttendanceRule as RuleSchema,
  defaultAttendanceRule,
} from '../../../shared/domain/attendance/index.ts';
import type { Db } from '../../store/database.ts';
import { DomainError } from '../domain-error.ts';
import { cidrProblem } from './network-rule.ts';

const DEFAULT_SCOPE = 'default';

/** Checks a rule beyond its schema: every network must parse as a real CIDR. */
export function checkRule(input: unknown): AttendanceRule {
  const parsed = RuleSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError('invalid_params', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const problems = parsed.data.networks.map(cidrProblem).filter((p): p is string => p !== null);
  if (problems.length > 0) throw new DomainError('invalid_params', `networks: ${problems.join('; ')}`);
  return parsed.data;
}

/** Attendance rules as data: one default and any number of department overrides. */
export class RuleStore {
  private readonly getStmt;
  private readonly listStmt;
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly fallbackTimeZone: string;

  constructor(db: Db, fallbackTimeZone: string) {
    this.fallbackTimeZone = fallbackTimeZone;
    this.getStmt = db.prepare<[string], { definition: string }>('SELECT definition FROM attendance_rules WHERE scope = ?');
    this.listStmt = db.prepare<[], { definition: string }>('SELECT definition FROM attendance_rules ORDER BY scope');
    this.upsertStmt = db.prepare<[string, string, number, string | null]>(
      `INSERT INTO attendance_rules (scope, definition, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM attendance_rules WHERE scope = ?');
  }

  private read(scope: string): AttendanceRule | null {
    const row = this.getStmt.get(scope);
    return row ? RuleSchema.parse(JSON.parse(row.definition)) : null;
  }

  defaultRule(): AttendanceRule {
    return this.read(DEFAULT_SCOPE) ?? defaultAttendanceRule(this.fallbackTimeZone);
  }

  /** The rule for a department: its own, or the default. */
  forDepartment(departmentId: string | null): AttendanceRule {
    return (departmentId ? this.read(departmentId) : null) ?? this.defaultRule();
  }

  list(): AttendanceRule[] {
    const stored = this.listStmt.all().map((row) => RuleSchema.parse(JSON.parse(row.definition)));
    return stored.some((rule) => rule.departmentId === null) ? stored : [this.defaultRule(), ...stored];
  }

  save(input: unknown, now: number, by: string | null): AttendanceRule {
    const rule = checkRule(input);
    this.upsertStmt.run(rule.departmentId ?? DEFAULT_SCOPE, JSON.stringify(rule), now, by);
    return rule;
  }

  /** A department goes back to the default rule. */
  remove(departmentId: string): boolean {
    return this.deleteStmt.run(departmentId).changes > 0;
  }
}
