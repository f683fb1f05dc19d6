import { ChatPolicy, DEFAULT_CHAT_POLICY } from '../../../shared/domain/chat/index.ts';
import type { Db } from '../../store/database.ts';
import type { ChatPolicyRepository } from './chat-repositories.ts';

const KEY = 'chat.policy';

/** The admins' chat rules on SQLite, stored as validated JSON; a damaged value falls back to the defaults. */
export class ChatPolicyStore implements ChatPolicyRepository {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM feature_settings WHERE key = ?');
    this.putStmt = db.prepare(
      `INSERT INTO feature_settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
  }

  async get(): Promise<ChatPolicy> {
    const row = this.getStmt.get(KEY);
    if (!row) return DEFAULT_CHAT_POLICY;
    const parsed = ChatPolicy.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_CHAT_POLICY;
  }

  async put(policy: ChatPolicy, adminId: string, now: number): Promise<ChatPolicy> {
    this.putStmt.run(KEY, JSON.stringify(policy), adminId, now);
    return policy;
  }
}
