import { type Role, UserProfile } from '../../../shared/domain/user.ts';
import type { Db } from '../../store/database.ts';

/** Read side of the organisation: profiles, roles and who belongs where. */
export class DirectoryStore {
  private readonly profileStmt;
  private readonly rolesStmt;
  private readonly allUsersStmt;
  private readonly departmentMembersStmt;
  private readonly existingStmt;

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
    this.departmentMembersStmt = db.prepare<[string], { id: string }>(
      'SELECT id FROM users WHERE department_id = ? AND disabled = 0',
    );
    this.existingStmt = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ? AND disabled = 0');
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

  departmentMemberIds(departmentId: string): string[] {
    return this.departmentMembersStmt.all(departmentId).map((r) => r.id);
  }

  isActiveUser(userId: string): boolean {
    return this.existingStmt.get(userId) !== undefined;
  }
}
