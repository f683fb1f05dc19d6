import type { Clock } from '../../shared/domain/clock.ts';
import type { ApprovalService } from '../features/approvals/approval-service.ts';
import type { Attendance } from '../features/attendance/attendance-module.ts';
import { demoMakeupValue, seedDemoAttendance } from './seed-attendance.ts';
import { hashPassword } from '../features/auth/password-hash.ts';
import { NoticeDraft } from '../../shared/domain/notices/index.ts';
import type { NoticeService } from '../features/notices/notice-service.ts';
import type { OnboardingRepository } from '../features/notices/notice-repositories.ts';
import type { Db } from '../store/database.ts';
import { AccountStore } from '../features/directory/account-store.ts';
import type { WriteGate } from '../delivery/write-gate.ts';
import { DEMO_PASSWORD, demoApprovals, demoDepartments, demoNotices, demoUsers } from './demo-organisation.ts';

const idOf = (username: string): string => demoUsers.find((u) => u.username === username)!.id;

/** Seeds the demo office when the database has no users; returns false when there was something already. */
export async function seedDemoOrganisation(deps: {
  db: Db;
  gate: WriteGate;
  notices: NoticeService;
  onboarding: OnboardingRepository;
  approvals: ApprovalService;
  attendance: Attendance;
  clock: Clock;
}): Promise<boolean> {
  const { db, gate, clock } = deps;
  const accounts = new AccountStore(db);
  if ((await accounts.count()) > 0) return false;
  // One hash for all demo accounts: they share a documented password, and seeding stays fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  await gate.transaction(async () => {
    for (const department of demoDepartments) await accounts.insertDepartment(department.id, department.name);
    for (const user of demoUsers) {
      const { id, username, displayName, departmentId } = user;
      await accounts.insert({ id, username, displayName, departmentId, managerId: null, passwordHash, createdAt: now });
      await accounts.setRoles(user.id, user.roles);
    }
    // Managers are set once everyone exists, so the foreign key never points at a missing row.
    // Staff report to their department's leader; leaders report to the general manager (the first department's leader).
    const topId = demoDepartments[0].leaderId;
    for (const user of demoUsers) {
      const leaderId = demoDepartments.find((d) => d.id === user.departmentId)!.leaderId;
      const managerId = leaderId !== user.id ? leaderId : user.id !== topId ? topId : null;
      if (managerId) await accounts.setManager(user.id, managerId);
    }
    for (const department of demoDepartments) await accounts.setLeader(department.id, department.leaderId);
  });
  const onboarding: string[] = [];
  for (const { onboarding: opensFeed, audience, ...notice } of demoNotices) {
    const draft = NoticeDraft.parse({ ...notice, audience: JSON.parse(JSON.stringify(audience)) as unknown });
    const { noticeId } = await deps.notices.publish(idOf('chen.jing'), draft);
    if (opensFeed) onboarding.push(noticeId);
  }
  await gate.transaction(() => deps.onboarding.replace(onboarding));
  seedDemoAttendance({ gate, clocks: deps.attendance.clocks, book: deps.attendance.book, now });
  for (const approval of demoApprovals) {
    const submitter = idOf(approval.submitter);
    // The make-up request names a recent workday, whenever the demo is started.
    const values =
      approval.template === 'makeup_clock'
        ? { ...approval.values, at: demoMakeupValue(deps.attendance.book, submitter, now) }
        : approval.values;
    deps.approvals.submit(
      submitter,
      { templateKey: approval.template, values: { ...values }, attachmentIds: [] },
      now - approval.hoursAgo * 3600_000,
    );
  }
  return true;
}
