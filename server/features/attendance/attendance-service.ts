import { randomUUID } from 'node:crypto';
import type {
  ClockKind,
  ClockOutcome,
  ClockRecord,
  DayReport,
  MonthReport,
  ReviewReason,
} from '../../../shared/domain/attendance/index.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { WriteGate, WriteTx } from '../../delivery/write-gate.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { AttendanceBook } from './attendance-book.ts';
import { type ClockStore, type NewClock, publicRecord } from './clock-store.ts';
import { normaliseAddress, insideNetworks } from './network-rule.ts';
import type { AttendanceRule } from '../../../shared/domain/attendance/index.ts';
import { addDays, attendanceDateOf, dayWindowStart, shiftOn } from './shift.ts';

/** Where the request came from, as the gateway saw it. */
export interface ClockContext {
  userId: string;
  /** The client's address (after trusted proxies). */
  ip: string;
  /** Server time minus the PC's time when it sent the request: corrects an outbox item's click time. Null: unknown. */
  clientSkewMs: number | null;
  /** When the socket carrying the request opened (server time); null when it did not come over a socket. */
  connectedSince?: number | null;
}

export interface ClockParams {
  clientTime: number;
  offline: boolean;
  note?: string | undefined;
}

/** A click this long before it reached the server went through the outbox, whatever the client said. */
const OFFLINE_AFTER_MS = 2 * 60_000;
/** The outbox does not keep clocks forever: older ones are dated no earlier than this. */
const MAX_OFFLINE_MS = 7 * 24 * 3600_000;

export interface AttendanceServiceDeps {
  gate: WriteGate;
  clocks: ClockStore;
  book: AttendanceBook;
  directory: DirectoryStore;
  clock: Clock;
}

/**
 * Clocking in and out on server time, judged by the department's rule. Online clocks from outside
 * the office networks are refused with what to do; offline clocks are never lost: they are
 * accepted, or kept and flagged for HR's review.
 */
export class AttendanceService {
  private readonly deps: AttendanceServiceDeps;

  constructor(deps: AttendanceServiceDeps) {
    this.deps = deps;
  }

  record(ctx: ClockContext, kind: ClockKind, params: ClockParams): ClockOutcome {
    const { book, clock } = this.deps;
    const rule = book.ruleFor(ctx.userId);
    const now = clock.now();
    // Without the send time the PC's clock cannot be corrected, so only the client's own offline mark counts.
    const clickedAt = params.clientTime + (ctx.clientSkewMs ?? 0);
    // A click made while this very socket was already open could have been sent at once: whatever the
    // client says, it was not offline, and it is dated when it arrived (a backdating attempt, or a
    // queued action that waited out a rate limit).
    const socketWasOpen = ctx.connectedSince != null && clickedAt >= ctx.connectedSince;
    const offline = !socketWasOpen && (params.offline || (ctx.clientSkewMs !== null && now - clickedAt > OFFLINE_AFTER_MS));
    const ip = normaliseAddress(ctx.ip);
    const inside = rule.networks.length === 0 || insideNetworks(rule.networks, ip);
    const roles = this.deps.directory.roles(ctx.userId);
    const mayWorkRemotely = rule.remoteRoles.some((role) => roles.includes(role));
    const note = params.note?.trim() || null;

    let at = now;
    let reviewReason: ReviewReason | null = null;
    if (!offline) {
      if (!inside && !mayWorkRemotely) {
        throw new DomainError(
          'network_not_allowed',
          `clocking is allowed only from the office networks (${rule.networks.join(', ')}); this request came from ${ip}`,
          { ip, networks: rule.networks.join(', ') },
        );
      }
      if (!inside && note === null) {
        throw new DomainError('note_required', 'clocking from outside the office needs a note saying where you are', { ip });
      }
    } else {
      at = Math.min(now, Math.max(clickedAt, now - MAX_OFFLINE_MS));
      if (now - at > rule.offlineGraceMinutes * 60_000) reviewReason = 'late_sync';
      else if (!inside && !mayWorkRemotely) reviewReason = 'network';
      else if (kind === 'in' && onTimeOnlyBecauseOffline(rule, at, now)) reviewReason = 'late_sync';
    }

    return this.deps.gate.write((tx) => {
      const record: NewClock = {
        id: `c_${randomUUID()}`,
        userId: ctx.userId,
        kind,
        at,
        clientTime: params.clientTime,
        offline,
        source: offline ? 'offline' : 'online',
        status: reviewReason ? 'review' : 'accepted',
        reviewReason,
        note,
        ip,
        requestId: null,
        receivedAt: now,
      };
      this.deps.clocks.insert(record);
      const day = this.publish(tx, ctx.userId, record, now);
      return { record: publicRecord(record), day, ...verdictOf(publicRecord(record), day) };
    });
  }

  /** Judges the day a record belongs to and tells the user's devices. */
  publish(tx: WriteTx, userId: string, record: NewClock | ClockRecord, now: number): DayReport {
    const { day, today } = this.deps.book.dayOfAndToday(userId, record.at, now);
    tx.emit([userId], { kind: 'attendance.clocked', record: publicRecord(record), today });
    return day;
  }

  /** HR settles a record under review: accepted it counts as is, rejected it stops counting. Audited. */
  review(actorId: string, recordId: string, decision: 'accept' | 'reject'): ClockRecord {
    return this.deps.gate.write((tx) => {
      const stored = this.deps.clocks.byId(recordId);
      if (!stored) throw new DomainError('not_found', `no clock record ${recordId}`);
      if (stored.status !== 'review') throw new DomainError('conflict', `record ${recordId} is not under review`);
      const now = this.deps.clock.now();
      const status = decision === 'accept' ? 'accepted' : 'rejected';
      this.deps.clocks.setStatus(recordId, status);
      const updated = { ...stored, status } as const;
      this.deps.clocks.audit({
        userId: stored.userId,
        date: this.deps.book.dateOf(stored.userId, stored.at),
        action: decision === 'accept' ? 'review_accepted' : 'review_rejected',
        recordId,
        before: { status: stored.status, reviewReason: stored.reviewReason },
        after: { status },
        actorId,
        requestId: null,
        at: now,
      });
      this.publish(tx, stored.userId, updated, now);
      return publicRecord(updated);
    });
  }

  today(userId: string): DayReport {
    const now = this.deps.clock.now();
    return this.deps.book.dayOfAndToday(userId, now, now).today;
  }

  month(userId: string, month: string): MonthReport {
    return this.deps.book.month(userId, month, this.deps.clock.now());
  }

  /**
   * The records of the attendance day `now` falls in, for the snapshot: the day by the user's rule
   * (it may start before midnight), not "the last 24 hours", which held yesterday's clocks every
   * morning.
   */
  todaysRecords(userId: string): ClockRecord[] {
    const now = this.deps.clock.now();
    const rule = this.deps.book.ruleFor(userId);
    const today = attendanceDateOf(rule, now);
    const from = dayWindowStart(rule, today);
    return this.deps.clocks.range(userId, from, dayWindowStart(rule, addDays(today, 1))).map(publicRecord);
  }
}

/**
 * An offline clock-in that is on time at its claimed click and would be late at its arrival: the
 * claim alone decides the verdict, so HR decides it (within the grace, not by default).
 */
function onTimeOnlyBecauseOffline(rule: AttendanceRule, clickedAt: number, arrivedAt: number): boolean {
  const shift = shiftOn(rule, attendanceDateOf(rule, clickedAt));
  if (shift.kind !== 'workday') return false;
  const lateAfter = shift.start + (rule.flexMinutes + 1) * 60_000;
  return clickedAt < lateAfter && arrivedAt >= lateAfter;
}

function verdictOf(record: ClockRecord, day: DayReport): Pick<ClockOutcome, 'verdict' | 'minutes'> {
  if (record.status === 'review') return { verdict: 'review', minutes: 0 };
  if (day.kind !== 'workday' || day.leave === 'full') return { verdict: 'off_day', minutes: 0 };
  if (record.kind === 'in') {
    if (day.firstIn !== record.at) return { verdict: 'already_in', minutes: 0 };
    if (day.status === 'absent') return { verdict: 'absent', minutes: day.lateMinutes };
    return day.lateMinutes > 0 ? { verdict: 'late', minutes: day.lateMinutes } : { verdict: 'on_time', minutes: 0 };
  }
  if (day.lastOut === record.at && day.earlyMinutes > 0) return { verdict: 'early', minutes: day.earlyMinutes };
  return { verdict: 'done', minutes: 0 };
}
