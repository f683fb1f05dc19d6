import { type Role, UserProfile } from '../../../shared/domain/user.ts';
import type { Db } from '../../store/database.ts';

/** Read side of the organisation: profiles, roles and who belongs where. */
export class DirectoryStore {
  private readonly profileStmt;
  private readonly rolesStmt;
  private readonly allUsersStmt;
  private readonly existingStmt;
  private readonly orgStmt;
  private readonly roleMembersStmt;
  private readonly activeByNameStmt;
  private readonly idOfUsernameStmt;
  private readonly namesStmt;
  private readonly peopleStmt;
  private readonly departmentsStmt;
  private readonly departmentStmt;
  private readonly leaderIdsStmt;
  private readonly activeCountStmt;

  constructor(db: Db) {
    this.profileStmt = db.prepare<
      [string],
      {
        id: string;
        username: string;
        display_name: string;
        department_id: string | null;
        department_name: string | null;
      }
    >(
      `SELECT u.id, u.username, u.display_name, u.department_id, d.name AS department_name
       FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = ?`,
    );
    this.rolesStmt = db.prepare<[string], { role: string }>('SELECT role FROM user_roles WHERE user_id = ? ORDER BY role');
    this.allUsersStmt = db.prepare<[], { id: string }>('SELECT id FROM users WHERE disabled = 0');
    this.existingStmt = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ? AND disabled = 0');
    this.orgStmt = db.prepare<[string], OrgRow>(
      `SELECT u.id, u.display_name, u.manager_id, u.department_id, d.name AS department_name, d.leader_id, u.disabled
       FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = ?`,
    );
    this.activeByNameStmt = db.prepare<[string, string], { id: string }>(
      'SELECT id FROM users WHERE (username = ? COLLATE NOCASE OR id = ?) AND disabled = 0',
    );
    this.idOfUsernameStmt = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE username = ?');
    this.roleMembersStmt = db.prepare<[string], { id: string }>(
      'SELECT u.id FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.role = ? AND u.disabled = 0 ORDER BY u.id',
    );
    this.peopleStmt = db.prepare<
      [],
      { id: string; display_name: string; department_id: string | null; department_name: string | null }
    >(
      `SELECT u.id, u.display_name, u.department_id, d.name AS department_name FROM users u LEFT JOIN departments d ON d.id = u.department_id
       WHERE u.disabled = 0 ORDER BY d.name, u.display_name`,
    );
    this.departmentsStmt = db.prepare<[], { id: string; name: string; members: number }>(
      `SELECT d.id, d.name, (SELECT count(*) FROM users u WHERE u.department_id = d.id AND u.disabled = 0) AS members
       FROM departments d ORDER BY d.name`,
    );
    this.leaderIdsStmt = db.prepare<[], { leader_id: string }>(
      'SELECT DISTINCT leader_id FROM departments WHERE leader_id IS NOT NULL ORDER BY leader_id',
    );
    this.activeCountStmt = db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM users WHERE disabled = 0 LIMIT ?)',
    );
    this.departmentStmt = db.prepare<[string], { id: string }>('SELECT id FROM departments WHERE id = ?');
    this.namesStmt = db.prepare<[string], { id: string; display_name: string }>(
      'SELECT id, display_name FROM users WHERE id IN (SELECT value FROM json_each(?))',
    );
  }

  profile(userId: string): UserProfile | null {
    const row = this.profileStmt.get(userId);
    if (!row) return null;
    return UserProfile.parse({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      departmentId: row.department_id,
      departmentName: row.department_name,
      roles: this.roles(userId),
    });
  }

  roles(userId: string): Role[] {
    return this.rolesStmt.all(userId).map((r) => r.role as Role);
  }

  hasAnyRole(userId: string, roles: readonly Role[]): boolean {
    const mine = this.roles(userId);
    return roles.some((role) => mine.includes(role));
  }

  activeUserIds(): string[] {
    return this.allUsersStmt.all().map((r) => r.id);
  }

  /** Where a user sits: their manager and their department's leader, for routing approvals. */
  orgPosition(userId: string): OrgPosition | null {
    const row = this.orgStmt.get(userId);
    if (!row) return null;
    return {
      id: row.id,
      name: row.display_name,
      active: row.disabled === 0,
      managerId: row.manager_id,
      departmentId: row.department_id,
      departmentName: row.department_name,
      departmentLeaderId: row.leader_id,
    };
  }

  /** Everyone active with their department, in department then name order (reports). */
  members(): { id: string; name: string; departmentId: string | null; departmentName: string | null }[] {
    return this.peopleStmt
      .all()
      .map((r) => ({ id: r.id, name: r.display_name, departmentId: r.department_id, departmentName: r.department_name }));
  }

  /** Everyone active, for pickers (a proxy, a named approver). */
  people(): { id: string; name: string; departmentName: string | null }[] {
    return this.peopleStmt.all().map((r) => ({ id: r.id, name: r.display_name, departmentName: r.department_name }));
  }

  /** Everyone who heads a department (active or not; callers check). */
  departmentLeaderIds(): string[] {
    return this.leaderIdsStmt.all().map((r) => r.leader_id);
  }

  /** Active accounts, counted up to `atMost` (a 4-person group need not count 10,000 people). */
  activeUserCount(atMost = Number.MAX_SAFE_INTEGER): number {
    return this.activeCountStmt.get(atMost)!.n;
  }

  /** The account a sign-in name belongs to (disabled ones too), or null. */
  idOfUsername(username: string): string | null {
    return this.idOfUsernameStmt.get(username)?.id ?? null;
  }

  /** An active account named by its sign-in name (any case) or its id, as other systems name people; or null. */
  activeIdByNameOrId(name: string): string | null {
    return this.activeByNameStmt.get(name, name)?.id ?? null;
  }

  usersWithRole(role: Role): string[] {
    return this.roleMembersStmt.all(role).map((r) => r.id);
  }

  /** Display names for many users in one query (missing ids are left out). */
  names(userIds: Iterable<string>): Map<string, string> {
    const rows = this.namesStmt.all(JSON.stringify([...new Set(userIds)]));
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Every department with its active head count (the publisher's audience picker). */
  departments(): { id: string; name: string; members: number }[] {
    return this.departmentsStmt.all();
  }

  departmentExists(departmentId: string): boolean {
    return this.departmentStmt.get(departmentId) !== undefined;
  }

  isActiveUser(userId: string): boolean {
    return this.existingStmt.get(userId) !== undefined;
  }
}

interface OrgRow {
  id: string;
  display_name: string;
  manager_id: string | null;
  department_id: string | null;
  department_name: string | null;
  leader_id: string | null;
  disabled: number;
}

export interface OrgPosition {
  id: string;
  name: string;
  active: boolean;
  managerId: string | null;
  departmentId: string | null;
  departmentName: string | null;
  departmentLeaderId: string | null;
}
