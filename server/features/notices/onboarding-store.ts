import type { Db } from '../../store/database.ts';
import { DomainError } from '../domain-error.ts';

/** The notices a new account's feed starts with (a welcome, a getting-started guide), in order. */
export class OnboardingStore {
  private readonly sql;
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    this.sql = {
      list: db.prepare<[], { notice_id: string }>('SELECT notice_id FROM onboarding_notices ORDER BY position'),
      clear: db.prepare('DELETE FROM onboarding_notices'),
      add: db.prepare('INSERT INTO onboarding_notices (position, notice_id) VALUES (?, ?)'),
      live: db.prepare<[string], { id: string }>("SELECT id FROM notices WHERE id = ? AND status = 'live'"),
    };
  }

  noticeIds(): string[] {
    return this.sql.list.all().map((r) => r.notice_id);
  }

  /** Replaces the list; every notice must be live (a withdrawn welcome would greet nobody). */
  replace(noticeIds: readonly string[]): void {
    this.db.transaction(() => {
      this.sql.clear.run();
      [...new Set(noticeIds)].forEach((noticeId, position) => {
        if (!this.sql.live.get(noticeId)) throw new DomainError('invalid_params', `notice ${noticeId} is not live`, { noticeId });
        this.sql.add.run(position, noticeId);
      });
    })();
  }
}
