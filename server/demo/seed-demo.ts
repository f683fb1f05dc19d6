import type { Clock } from '../../shared/domain/clock.ts';
import type { ApprovalStore } from '../features/approvals/approval-store.ts';
import { hashPassword } from '../features/auth/password-hash.ts';
import type { NoticeService } from '../features/notices/notice-service.ts';
import type { Db } from '../store/database.ts';
import type { WriteGate } from '../store/write-gate.ts';
import { DEMO_PASSWORD, demoApprovals, demoDepartments, demoNotices, demoUsers } from './demo-organisation.ts';

const idOf = (username: string): string => demoUsers.find((u) => u.username === username)!.id;

/** Seeds the demo office when the database has no users; returns false when there was something already. */
export async function seedDemoOrganisation(deps: {
  db: Db;
  gate: WriteGate;
  notices: NoticeService;
  approvals: ApprovalStore;
  clock: Clock;
}): Promise<boolean> {
  const { db, gate, clock } = deps;
  const count = (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  if (count > 0) return false;
  // One hash for all demo accounts: they share a documented password, and seeding stays fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  gate.write(() => {
    const insertDepartment = db.prepare('INSERT INTO departments (id, name, leader_id) VALUES (?, ?, NULL)');
    const setLeader = db.prepare('UPDATE departments SET leader_id = ? WHERE id = ?');
    const insertUser = db.prepare(
      `INSERT INTO users (id, username, display_name, department_id, manager_id, password_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertRole = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
    for (const department of demoDepartments) insertDepartment.run(department.id, department.name);
    for (const user of demoUsers) {
      insertUser.run(user.id, user.username, user.displayName, user.departmentId, null, passwordHash, now);
      for (const role of user.roles) insertRole.run(user.id, role);
    }
    // Managers are set once everyone exists, so the foreign key never points at a missing row.
    const setManager = db.prepare('UPDATE users SET manager_id = ? WHERE id = ?');
    for (const user of demoUsers) {
      const leaderId = demoDepartments.find((d) => d.id === user.departmentId)!.leaderId;
      if (leaderId !== user.id) setManager.run(leaderId, user.id);
    }
    for (const department of demoDepartments) setLeader.run(department.leaderId, department.id);
  });
  for (const notice of demoNotices) {
    deps.notices.publish(idOf('chen.jing'), {
      ...notice,
      audience: {
        ...notice.audience,
        departmentIds: [...notice.audience.departmentIds],
        userIds: [...notice.audience.userIds],
      },
    });
  }
  gate.write((tx) => {
    demoApprovals.forEach((approval, index) => {
      const submitterId = idOf(approval.submitter);
      const department = demoDepartments.find((d) => d.id === demoUsers.find((u) => u.id === submitterId)!.departmentId)!;
      const requestId = `r_demo_${index + 1}`;
      const taskId = `t_demo_${index + 1}`;
      const submittedAt = now - approval.hoursAgo * 3600_000;
      deps.approvals.insertRequest({
        id: requestId,
        templateKey: approval.template,
        title: approval.title,
        submitterId,
        submittedAt,
      });
      deps.approvals.insertTask({
        id: taskId,
        requestId,
        approverId: department.leaderId,
        createdAt: submittedAt,
      });
      tx.emit([department.leaderId], {
        kind: 'approval.assigned',
        task: deps.approvals.task(taskId)!,
      });
    });
  });
  return true;
}
