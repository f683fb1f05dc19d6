import { randomUUID } from 'node:crypto';
import { BRIEF_ITEMS_MAX, type BriefItem, type DailyBrief, type LeaderAvailability } from '../../../shared/domain/brief.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { OutOfOfficeService } from '../approvals/out-of-office-service.ts';
import type { TaskStore } from '../approvals/task-store.ts';
import type { AttendanceService } from '../attendance/attendance-service.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import { DomainError } from '../domain-error.ts';
import type { AsyncWriteTx, WriteGate } from '../../delivery/write-gate.ts';
import type { BriefRepository } from './brief-repository.ts';

const LISTED_NOTICES = 5;

/**
 * The daily brief: one read of what waits for a user at the start of a workday. Leaders see
 * whether their people can reach them; supervisors add the day's key items for their department.
 */
export class BriefService {
  private readonly deps: {
    gate: WriteGate;
    store: BriefRepository;
    directory: DirectoryStore;
    tasks: TaskStore;
    outOfOffice: OutOfOfficeService;
    attendance: AttendanceService;
    isOnline: (userId: string) => boolean;
    clock: Clock;
  };

  constructor(deps: BriefService['deps']) {
    this.deps = deps;
  }

  async today(userId: string): Promise<DailyBrief> {
    const now = this.deps.clock.now();
    const attendance = this.deps.attendance.today(userId);
    const pending = this.deps.tasks.pendingFor(userId);
    const required = await this.deps.store.unacknowledged(userId, now);
    const position = this.deps.directory.orgPosition(userId);
    const departmentId = position?.departmentId ?? null;
    return {
      day: attendance.date,
      generatedAt: now,
      pendingApprovals: {
        count: pending.length,
        oldestSubmittedAt: pending.length > 0 ? Math.min(...pending.map((t) => t.submittedAt)) : null,
      },
      requiredNotices: required.slice(0, LISTED_NOTICES),
      requiredNoticesTotal: required.length,
      attendance,
      leaders: this.leadersOf(userId, now),
      items: departmentId ? await this.deps.store.forDay(departmentId, attendance.date) : [],
    };
  }

  /** A department leader marks an item for their department's day (today on the site's calendar). */
  async addItem(userId: string, text: string): Promise<BriefItem> {
    const { gate, store } = this.deps;
    const departmentId = (await store.departmentLedBy(userId)) ?? this.leaderRoleDepartment(userId);
    if (!departmentId) throw new DomainError('forbidden', 'only a department leader can mark items for the day');
    const day = this.deps.attendance.today(userId).date;
    return gate.transaction(async (tx) => {
      // The limit lives where items enter: the 21st once made the whole card vanish on every screen.
      if ((await store.forDay(departmentId, day)).length >= BRIEF_ITEMS_MAX) {
        throw new DomainError('conflict', `a day holds at most ${BRIEF_ITEMS_MAX} key items: remove one first`, {
          limit: BRIEF_ITEMS_MAX,
        });
      }
      const item = await store.add({
        id: `b_${randomUUID()}`,
        departmentId,
        day,
        text,
        authorId: userId,
        createdAt: this.deps.clock.now(),
      });
      await this.announce(tx, departmentId, day, { itemId: item.id, by: userId });
      return item;
    });
  }

  /** The department's members get the day's items as they are now, so the card changes on every screen at once. */
  private async announce(
    tx: AsyncWriteTx,
    departmentId: string,
    day: string,
    added: { itemId: string; by: string } | null,
  ): Promise<void> {
    const items = await this.deps.store.forDay(departmentId, day);
    await tx.emit(await this.deps.store.members(departmentId), { kind: 'brief.items', day, items, added });
  }

  removeItem(userId: string, itemId: string): Promise<{ itemId: string }> {
    const { gate, store, directory } = this.deps;
    return gate.transaction(async (tx) => {
      const item = await store.get(itemId);
      if (!item) throw new DomainError('not_found', `no item ${itemId}`);
      if (item.authorId !== userId && !directory.hasAnyRole(userId, ['hr', 'admin'])) {
        throw new DomainError('forbidden', 'only its author, HR or an admin can remove an item');
      }
      await store.remove(itemId);
      await this.announce(tx, item.departmentId, item.day, null);
      return { itemId };
    });
  }

  private leaderRoleDepartment(userId: string): string | null {
    if (!this.deps.directory.hasAnyRole(userId, ['leader'])) return null;
    return this.deps.directory.orgPosition(userId)?.departmentId ?? null;
  }

  private leadersOf(userId: string, now: number): LeaderAvailability[] {
    const position = this.deps.directory.orgPosition(userId);
    if (!position) return [];
    const leaders: { id: string; relation: LeaderAvailability['relation'] }[] = [];
    if (position.managerId) leaders.push({ id: position.managerId, relation: 'manager' });
    const head = position.departmentLeaderId;
    if (head && head !== userId && head !== position.managerId) leaders.push({ id: head, relation: 'departmentLeader' });
    const names = this.deps.directory.names(leaders.map((l) => l.id));
    return leaders.map(({ id, relation }) => {
      const away = this.deps.outOfOffice.view(id);
      const current = away && away.from <= now && now < away.until ? away : null;
      return {
        id,
        name: names.get(id) ?? id,
        relation,
        online: this.deps.isOnline(id),
        outOfOffice: current ? { until: current.until, proxyName: current.proxy.name, note: current.note } : null,
      };
    });
  }
}
